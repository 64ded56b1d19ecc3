#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// A checksum of what a stored result was computed from (episodes, results, settings), so
// that a computation on unchanged inputs is recognised and skipped. Not for security: FNV-1a
// is fast and spreads small changes well, but anyone can make two inputs collide.
namespace clinaudit {

// FNV-1a (64 bits) over a sequence of fields, each followed by the byte 0xff so that
// ("ab", "c") and ("a", "bc") differ.
class Checksum {
 public:
  void add(std::string_view field);
  void add(double number);  // as "%.17g": equal doubles, equal text
  std::string hex() const;  // 16 hex digits

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace clinaudit
