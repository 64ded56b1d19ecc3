#include "golden_runner/golden_registry.hpp"

#include <cstdlib>

#include "core/number_format.hpp"

namespace clinaudit::golden {

std::map<std::string, Handler>& handlers() {
  static std::map<std::string, Handler> registry;
  return registry;
}

bool register_handler(const std::string& name, Handler handler) {
  handlers()[name] = std::move(handler);
  return true;
}

Result<std::string> input(const Values& inputs, const std::string& key) {
  for (const auto& [name, value] : inputs) {
    if (name == key) return value;
  }
  return Error{ErrorCode::invalid_input, "missing input '" + key + "'"};
}

Result<double> number_input(const Values& inputs, const std::string& key) {
  auto text = input(inputs, key);
  if (!text) return text.error();
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || end != text->c_str() + text->size()) {
    return Error{ErrorCode::invalid_input, "input '" + key + "' is not a number: " + *text};
  }
  return value;
}

std::string number_output(double value) { return format_number(value); }

std::string source_path(const std::string& relative) { return std::string(CLINAUDIT_SOURCE_DIR) + "/" + relative; }

}  // namespace clinaudit::golden
