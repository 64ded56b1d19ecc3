#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace clinaudit::platform {

// `bytes` random bytes from the kernel (getrandom), as lower-case hex. Session tokens
// and CSRF tokens use 32 bytes (256 bits). Thread-safe.
// Errors: internal when the kernel cannot supply randomness.
Result<std::string> random_hex(std::size_t bytes);

}  // namespace clinaudit::platform
