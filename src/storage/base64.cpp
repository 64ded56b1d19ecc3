#include "storage/base64.hpp"

#include <cstdint>

namespace clinaudit::storage {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(char c) {
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U) |
                                (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U) |
                                std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    for (const unsigned shift : {18U, 12U, 6U, 0U}) out += kAlphabet[(group >> shift) & 0x3FU];
  }
  const std::size_t left = bytes.size() - i;
  if (left > 0) {
    std::uint32_t group = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U;
    if (left == 2) group |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U;
    out += kAlphabet[(group >> 18U) & 0x3FU];
    out += kAlphabet[(group >> 12U) & 0x3FU];
    out += left == 2 ? kAlphabet[(group >> 6U) & 0x3FU] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    const int padding = last ? (text[i + 3] == '=' ? 1 : 0) + (text[i + 2] == '=' ? 1 : 0) : 0;
    if (padding == 1 && text[i + 3] != '=') return std::nullopt;
    std::uint32_t group = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const bool pad = static_cast<int>(j) >= 4 - padding;
      const int value = pad ? 0 : value_of(text[i + j]);
      if (value < 0) return std::nullopt;
      group = (group << 6U) | static_cast<std::uint32_t>(value);
    }
    out += static_cast<char>((group >> 16U) & 0xFFU);
    if (padding < 2) out += static_cast<char>((group >> 8U) & 0xFFU);
    if (padding < 1) out += static_cast<char>(group & 0xFFU);
  }
  return out;
}

}  // namespace clinaudit::storage
