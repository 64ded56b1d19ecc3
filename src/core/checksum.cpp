#include "core/checksum.hpp"

#include <cstdio>

namespace clinaudit {
namespace {

constexpr std::uint64_t kPrime = 0x100000001b3ULL;
constexpr unsigned char kSeparator = 0xff;

}  // namespace

void Checksum::add(std::string_view field) {
  for (const char c : field) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= kPrime;
  }
  hash_ ^= kSeparator;
  hash_ *= kPrime;
}

void Checksum::add(double number) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", number);
  add(std::string_view(text));
}

std::string Checksum::hex() const {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash_));
  return text;
}

}  // namespace clinaudit
