#include "http/redirect_target.hpp"

#include <algorithm>
#include <optional>

namespace clinaudit::http {

namespace {

constexpr std::size_t kMaxTarget = 2048;  // longer than any address of the site
constexpr int kMaxDecodings = 4;          // "%25" nested deeper than this is refused

// Visible ASCII but the backslash: no control characters, no spaces, nothing a browser
// would drop, rewrite or read as '/'.
bool plain_byte(unsigned char c) { return c > 0x20 && c < 0x7f && c != '\\'; }

// One '/' and then a path, never "//host" (an address of another host).
bool local_path(std::string_view text) {
  if (text.empty() || text[0] != '/') return false;
  if (text.size() > 1 && text[1] == '/') return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return plain_byte(static_cast<unsigned char>(c)); });
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `text` with each %XX decoded once; nullopt for a '%' not followed by two hex digits.
std::optional<std::string> percent_decoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int high = hex_digit(text[i + 1]);
    const int low = hex_digit(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

}  // namespace

std::string local_redirect_target(std::string_view next) {
  if (next.size() > kMaxTarget) return "/";
  // The target as sent, and as decoded again and again (a browser or proxy may decode it),
  // must each be a local path.
  std::string text(next);
  for (int round = 0; round <= kMaxDecodings; ++round) {
    if (!local_path(text)) return "/";
    auto decoded = percent_decoded(text);
    if (!decoded) return "/";
    if (*decoded == text) return std::string(next);
    text = std::move(*decoded);
  }
  return "/";
}

}  // namespace clinaudit::http
