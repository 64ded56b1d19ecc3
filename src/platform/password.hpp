#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace clinaudit::platform {

// argon2id cost used for every new hash (docs/security.md): 19 MiB of memory, 2 passes,
// one lane — OWASP's recommended minimum for argon2id — with a 16-byte random salt and a
// 32-byte tag. A hash takes a few tens of milliseconds on one core.
inline constexpr unsigned kArgonTimeCost = 2;
inline constexpr unsigned kArgonMemoryKiB = 19 * 1024;
inline constexpr unsigned kArgonLanes = 1;

// The argon2id encoded hash ("$argon2id$v=19$m=...") of `password`. Thread-safe.
// Errors: invalid_input for an empty password; internal when hashing fails.
Result<std::string> hash_password(std::string_view password);

// Whether `password` matches the encoded hash (any argon2id parameters). A malformed
// hash never matches. Thread-safe.
bool verify_password(std::string_view password, const std::string& encoded_hash);

}  // namespace clinaudit::platform
