#pragma once

#include <string>
#include <string_view>

namespace clinaudit {

// `text` without the white space (as std::isspace has it) at either end, e.g. what a person
// typed into a form field. Pure.
std::string trimmed(std::string_view text);

}  // namespace clinaudit
