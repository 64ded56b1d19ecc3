#include "ingest/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace clinaudit::ingest {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t utf8_sequence_length(std::string_view text) {
  if (text.empty()) return 0;
  const auto c0 = static_cast<unsigned char>(text[0]);
  if (c0 < 0x80) return 1;
  const auto at = [&](std::size_t i) -> unsigned char {
    return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
  };
  const unsigned char c1 = at(1);
  if (c0 >= 0xC2 && c0 <= 0xDF) return continuation(c1) ? 2 : 0;
  if (c0 >= 0xE0 && c0 <= 0xEF) {
    // E0 needs A0..BF (no overlong forms); ED needs 80..9F (no surrogates).
    const bool ok1 = c0 == 0xE0   ? (c1 >= 0xA0 && c1 <= 0xBF)
                     : c0 == 0xED ? (c1 >= 0x80 && c1 <= 0x9F)
                                  : continuation(c1);
    return ok1 && continuation(at(2)) ? 3 : 0;
  }
  if (c0 >= 0xF0 && c0 <= 0xF4) {
    // F0 needs 90..BF (no overlong forms); F4 needs 80..8F (nothing above U+10FFFF).
    const bool ok1 = c0 == 0xF0   ? (c1 >= 0x90 && c1 <= 0xBF)
                     : c0 == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F)
                                  : continuation(c1);
    return ok1 && continuation(at(2)) && continuation(at(3)) ? 4 : 0;
  }
  return 0;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  // Eight bytes at a time while they are all ASCII.
  while (i + 8 <= text.size()) {
    std::uint64_t block = 0;
    std::memcpy(&block, text.data() + i, 8);
    if ((block & 0x8080808080808080ULL) != 0) break;
    i += 8;
  }
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0) return false;
    i += length;
  }
  return true;
}

}  // namespace clinaudit::ingest
