#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace clinaudit::platform {

// `bytes` random bytes from the kernel (getrandom), as lower-case hex. Session tokens
// and CSRF tokens use 32 bytes (256 bits). Thread-safe.
// Errors: internal when the kernel cannot supply randomness.
Result<std::string> random_hex(std::size_t bytes);

// `bytes` random bytes from OpenSSL's cryptographically secure generator (RAND_bytes), as
// lower-case hex; used for password reset links. Thread-safe.
// Errors: internal when OpenSSL cannot supply randomness.
Result<std::string> openssl_random_hex(std::size_t bytes);

}  // namespace clinaudit::platform
