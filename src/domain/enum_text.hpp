#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace clinaudit::domain {

// The stored text of each value of an enum, as a table: one place to read and write it.
template <typename Enum, std::size_t N>
using EnumTable = std::array<std::pair<Enum, std::string_view>, N>;

template <typename Enum, std::size_t N>
constexpr std::string_view enum_text(const EnumTable<Enum, N>& table, Enum value) {
  for (const auto& [entry, text] : table) {
    if (entry == value) return text;
  }
  return table[0].second;
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> enum_from_text(const EnumTable<Enum, N>& table, std::string_view text) {
  for (const auto& [entry, name] : table) {
    if (name == text) return entry;
  }
  return std::nullopt;
}

}  // namespace clinaudit::domain
