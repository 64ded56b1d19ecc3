#pragma once

// Reading, writing and comparing the page golden files (tests/golden/pages/NAME.html,
// docs/testing.md "Page golden files"), and the one function that changes a rendered page
// before it is compared.

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clinaudit::http::testing {

namespace page_golden_detail {

inline void replace_all(std::string& text, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

inline bool digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                     text.begin() + static_cast<std::ptrdiff_t>(at + count),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// YYYY-MM-DDTHH:MM:SSZ at `at`.
inline bool timestamp_at(std::string_view text, std::size_t at) {
  constexpr std::size_t kLength = 20;
  if (at + kLength > text.size()) return false;
  return digits(text, at, 4) && text[at + 4] == '-' && digits(text, at + 5, 2) && text[at + 7] == '-' &&
         digits(text, at + 8, 2) && text[at + 10] == 'T' && digits(text, at + 11, 2) && text[at + 13] == ':' &&
         digits(text, at + 14, 2) && text[at + 16] == ':' && digits(text, at + 17, 2) && text[at + 19] == 'Z';
}

// A line of `text` clipped to a few dozen characters either side of `column` (0-based).
inline std::string excerpt(std::string_view line, std::size_t column) {
  constexpr std::size_t kBefore = 60;
  constexpr std::size_t kAfter = 100;
  const std::size_t from = column > kBefore ? column - kBefore : 0;
  const std::size_t to = std::min(line.size(), column + kAfter);
  std::string out = from > 0 ? "..." : "";
  out += line.substr(from, to - from);
  if (to < line.size()) out += "...";
  return out;
}

inline std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace page_golden_detail

// The one place where a rendered page is changed before it is compared with its golden file.
// Only what differs between two renderings of the same fixed world is replaced, each by a
// label in square brackets; every other byte is compared as the app wrote it.
// - `random_values`: values that are random for each session or link (session and CSRF
//   tokens, one-time survey link tokens), each with its label.
// - The token of a checked import awaiting confirmation: random, and held only inside the
//   app, so it is found as the value of the hidden field named "token".
// - Times of day that the database stamps from the wall clock (storage/sql_rows.cpp,
//   utc_now_iso(): when an outlier timetable version was stored, for one) instead of the
//   app's clock. The app's own times come from the fixed clock, `fixed_now`, and are kept.
inline std::string normalised(std::string body, const std::vector<std::pair<std::string, std::string>>& random_values,
                              std::string_view fixed_now) {
  using namespace page_golden_detail;
  for (const auto& [value, label] : random_values) replace_all(body, value, label);

  constexpr std::string_view kImportToken = "name=\"token\" value=\"";
  for (auto at = body.find(kImportToken); at != std::string::npos; at = body.find(kImportToken, at + 1)) {
    const std::size_t value = at + kImportToken.size();
    const std::size_t end = body.find('"', value);
    if (end != std::string::npos) body.replace(value, end - value, "[import token]");
  }

  constexpr std::string_view kStoredTime = "[time stored by the database]";
  for (std::size_t at = 0; at < body.size(); ++at) {
    if (!timestamp_at(body, at)) continue;
    if (std::string_view(body).substr(at, fixed_now.size()) == fixed_now) {
      at += fixed_now.size() - 1;
      continue;
    }
    body.replace(at, 20, kStoredTime);
    at += kStoredTime.size() - 1;
  }
  return body;
}

// Where `rendered` first differs from `golden`: the line number (from 1), the column (from 1)
// and both lines clipped around that column; nothing when they are equal.
inline std::optional<std::string> first_difference(std::string_view golden, std::string_view rendered) {
  using namespace page_golden_detail;
  if (golden == rendered) return std::nullopt;
  const auto expected = lines_of(golden);
  const auto actual = lines_of(rendered);
  const std::size_t common = std::min(expected.size(), actual.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (expected[i] == actual[i]) continue;
    const auto differs =
        std::mismatch(expected[i].begin(), expected[i].end(), actual[i].begin(), actual[i].end()).first;
    const auto column = static_cast<std::size_t>(differs - expected[i].begin());
    return "line " + std::to_string(i + 1) + ", column " + std::to_string(column + 1) +
           ":\n  golden:   " + excerpt(expected[i], column) + "\n  rendered: " + excerpt(actual[i], column);
  }
  const bool golden_longer = expected.size() > actual.size();
  const auto& longer = golden_longer ? expected : actual;
  return "line " + std::to_string(common + 1) + ": the " + (golden_longer ? "rendered page" : "golden file") +
         " ends before it; the " + (golden_longer ? "golden file" : "rendered page") + " goes on with:\n  " +
         excerpt(longer[common], 0);
}

// The whole file, or nothing when it does not exist.
inline std::optional<std::string> read_golden(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline bool write_golden(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

}  // namespace clinaudit::http::testing
