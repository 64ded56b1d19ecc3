#include "platform/password.hpp"

#include <argon2.h>

#include <vector>

#include "platform/random_token.hpp"

namespace clinaudit::platform {

namespace {
// 16 random bytes written as 32 hex characters: 128 bits of salt.
constexpr std::size_t kSaltBytes = 32;
constexpr std::size_t kTagBytes = 32;
}  // namespace

Result<std::string> hash_password(std::string_view password) {
  if (password.empty()) return Error{ErrorCode::invalid_input, "the password is empty"};
  CLINAUDIT_TRY(const auto salt, random_hex(kSaltBytes / 2));
  std::vector<char> encoded(
      argon2_encodedlen(kArgonTimeCost, kArgonMemoryKiB, kArgonLanes, kSaltBytes, kTagBytes, Argon2_id) + 1);
  const int status =
      argon2id_hash_encoded(kArgonTimeCost, kArgonMemoryKiB, kArgonLanes, password.data(), password.size(), salt.data(),
                            kSaltBytes, kTagBytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK) return Error{ErrorCode::internal, std::string("argon2id: ") + argon2_error_message(status)};
  return std::string(encoded.data());
}

bool verify_password(std::string_view password, const std::string& encoded_hash) {
  if (encoded_hash.rfind("$argon2id$", 0) != 0) return false;
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace clinaudit::platform
