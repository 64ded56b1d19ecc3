#pragma once

#include <string>
#include <string_view>

namespace clinaudit::platform {

// SHA-256 (FIPS 180-4) of `data`, as 64 lower-case hex digits, computed by OpenSSL (EVP).
// Used to store session tokens and survey-link tokens as hashes, so a copy of the database
// does not hold usable credentials. Pure; thread-safe. Aborts only if OpenSSL itself cannot
// run (no memory, no default provider): a wrong hash would be worse than stopping.
std::string sha256_hex(std::string_view data);

}  // namespace clinaudit::platform
