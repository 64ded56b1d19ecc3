#pragma once

#include <string>
#include <string_view>

namespace clinaudit::http {

// SHA-256 (FIPS 180-4) of `data`, as 64 lower-case hex digits. Used to store session
// tokens as hashes, so a copy of the database does not hold usable cookies.
// Pure; thread-safe.
std::string sha256_hex(std::string_view data);

}  // namespace clinaudit::http
