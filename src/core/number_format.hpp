#pragma once

#include <string>

namespace clinaudit {

// The shortest decimal text that reads back as exactly `value` ("0.1", "1e-10"),
// independent of locale; "NaN", "Inf" and "-Inf" for non-finite values.
// Deterministic: the same double always gives the same bytes.
std::string format_number(double value);

// `value` rounded to `decimals` places in fixed notation ("0.950"), for display.
std::string format_fixed(double value, int decimals);

}  // namespace clinaudit
