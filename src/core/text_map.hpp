#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace clinaudit {

// A hash of text that a std::string key and a std::string_view search give alike, so that a map
// keyed by strings is searched with a view without making a string each time.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

// A map from text, searched with std::string_view (find, contains) without a string made per search.
template <typename Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

}  // namespace clinaudit
