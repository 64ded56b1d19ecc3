#pragma once

#include <functional>
#include <map>
#include <string>

#include "core/result.hpp"
#include "golden_runner/golden_file.hpp"

namespace clinaudit::golden {

// A golden handler computes the outputs named in a case from its inputs. Outputs it
// returns beyond those the file expects are ignored. File paths in inputs are relative
// to the source tree (see source_path).
using Handler = std::function<Result<Values>(const Values& inputs)>;

std::map<std::string, Handler>& handlers();

// Registers a handler at static-initialisation time:
//   static const bool registered = register_handler("proportion_limits", &fn);
bool register_handler(const std::string& name, Handler handler);

// Helpers for handlers.
Result<std::string> input(const Values& inputs, const std::string& key);
Result<double> number_input(const Values& inputs, const std::string& key);
std::string number_output(double value);
// An absolute path for a path relative to the source tree.
std::string source_path(const std::string& relative);

}  // namespace clinaudit::golden
