#include "platform/random_token.hpp"

#include <openssl/rand.h>
#include <sys/random.h>

#include <cerrno>
#include <climits>
#include <vector>

namespace clinaudit::platform {

namespace {

std::string to_hex(const std::vector<unsigned char>& buffer) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(buffer.size() * 2);
  for (const unsigned char byte : buffer) {
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xf]);
  }
  return out;
}

}  // namespace

Result<std::string> random_hex(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  std::size_t filled = 0;
  while (filled < bytes) {
    const ssize_t got = getrandom(buffer.data() + filled, bytes - filled, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return Error{ErrorCode::internal, "the kernel could not supply random bytes"};
    }
    filled += static_cast<std::size_t>(got);
  }
  return to_hex(buffer);
}

Result<std::string> openssl_random_hex(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (bytes > static_cast<std::size_t>(INT_MAX) || RAND_bytes(buffer.data(), static_cast<int>(bytes)) != 1) {
    return Error{ErrorCode::internal, "OpenSSL could not supply random bytes"};
  }
  return to_hex(buffer);
}

}  // namespace clinaudit::platform
