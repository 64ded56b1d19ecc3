#include "ingest/episode_columns.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace clinaudit::ingest {
namespace {

constexpr std::size_t kInitialBuffer = 1U << 22;
constexpr std::int64_t kProgressEvery = 64LL << 20;

// A number cell: plain integers are read directly, anything else by from_chars.
bool read_number(std::string_view text, double& value) {
  const char* p = text.data();
  const char* end = p + text.size();
  if (p != end && *p == '+') ++p;
  const char* digits = (p != end && *p == '-') ? p + 1 : p;
  if (digits != end && end - digits <= 15) {
    std::uint64_t whole = 0;
    const char* q = digits;
    while (q != end && static_cast<unsigned>(*q - '0') < 10U) whole = whole * 10 + static_cast<unsigned>(*q++ - '0');
    if (q == end) {
      value = digits == p ? static_cast<double>(whole) : -static_cast<double>(whole);
      return true;
    }
  }
  if (p == end) return false;
  const auto [stop, ec] = std::from_chars(p, end, value);
  return ec == std::errc() && stop == end && std::isfinite(value);
}

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// The levels of one category column, with the last value looked up remembered (episode
// files are often sorted by provider, so most lookups hit it).
struct Dictionary {
  std::unordered_map<std::string, std::uint32_t, TransparentHash, std::equal_to<>> index;
  std::string last;
  std::uint32_t last_code = 0;
  bool has_last = false;

  std::uint32_t code(std::string_view text, std::vector<std::string>& levels) {
    if (has_last && text == last) return last_code;
    auto found = index.find(text);
    if (found == index.end()) {
      found = index.emplace(std::string(text), static_cast<std::uint32_t>(levels.size())).first;
      levels.emplace_back(text);
    }
    last.assign(text);
    last_code = found->second;
    has_last = true;
    return last_code;
  }
};

// What to do with a field of the file: nothing, or store it in one or more of the outputs.
struct Target {
  bool outcome = false;
  std::vector<std::size_t> numbers;
  std::vector<std::size_t> categories;
  bool wanted() const { return outcome || !numbers.empty() || !categories.empty(); }
};

enum class Parse { record, incomplete, malformed };

// Splits one record starting at `p` into fields (views into the buffer, or into `unescaped`
// for quoted fields with doubled quotes). `next` is set past the record's line end.
Parse split_record(const char* p, const char* end, bool at_eof, std::vector<std::string_view>& fields,
                   std::vector<std::string>& unescaped, const char*& next) {
  fields.clear();
  std::size_t escaped = 0;
  while (true) {
    while (p != end && (*p == ' ' || *p == '\t')) ++p;
    std::string_view field;
    if (p != end && *p == '"') {
      const char* start = ++p;
      bool doubled = false;
      while (true) {
        if (p == end) return at_eof ? Parse::malformed : Parse::incomplete;
        if (*p == '"') {
          if (p + 1 == end && !at_eof) return Parse::incomplete;
          if (p + 1 != end && p[1] == '"') {
            doubled = true;
            p += 2;
            continue;
          }
          break;
        }
        ++p;
      }
      field = std::string_view(start, static_cast<std::size_t>(p - start));
      ++p;
      while (p != end && (*p == ' ' || *p == '\t' || *p == '\r')) ++p;
      if (p != end && *p != ',' && *p != '\n') return Parse::malformed;
      if (doubled) {
        if (unescaped.size() <= escaped) unescaped.emplace_back();
        auto& text = unescaped[escaped++];
        text.clear();
        for (std::size_t i = 0; i < field.size(); ++i) {
          text.push_back(field[i]);
          if (field[i] == '"') ++i;
        }
        field = text;
      }
    } else {
      const char* start = p;
      while (p != end && *p != ',' && *p != '\n') {
        if (*p == '"') return Parse::malformed;
        ++p;
      }
      const char* stop = p;
      while (stop != start && (stop[-1] == ' ' || stop[-1] == '\t' || stop[-1] == '\r')) --stop;
      field = std::string_view(start, static_cast<std::size_t>(stop - start));
    }
    fields.push_back(field);
    if (p == end) {
      if (!at_eof) return Parse::incomplete;
      next = p;
      return Parse::record;
    }
    if (*p == '\n') {
      next = p + 1;
      return Parse::record;
    }
    ++p;  // ','
  }
}

Error row_error(std::int64_t row, const std::string& message) {
  return Error{ErrorCode::invalid_input, "row " + std::to_string(row) + ": " + message};
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  std::string out(1, '\'');
  out.append(text.substr(0, kShown));
  if (text.size() > kShown) out.append("...");
  out.push_back('\'');
  return out;
}

}  // namespace

Result<EpisodeColumns> read_episode_columns(std::istream& input, const EpisodeColumnsRequest& request) {
  std::vector<char> buffer(kInitialBuffer);
  std::size_t begin = 0, filled = 0;
  bool at_eof = false, first_read = true;
  std::int64_t bytes = 0, next_progress = kProgressEvery;
  auto refill = [&] {
    if (begin > 0) {
      std::memmove(buffer.data(), buffer.data() + begin, filled - begin);
      filled -= begin;
      begin = 0;
    }
    if (filled == buffer.size()) buffer.resize(buffer.size() * 2);
    input.read(buffer.data() + filled, static_cast<std::streamsize>(buffer.size() - filled));
    const auto count = static_cast<std::size_t>(input.gcount());
    bytes += static_cast<std::int64_t>(count);
    filled += count;
    if (first_read) {
      first_read = false;
      if (filled >= 3 && std::memcmp(buffer.data(), "\xEF\xBB\xBF", 3) == 0) begin = 3;
    }
    if (!input) at_eof = true;
    if (request.progress && bytes >= next_progress) {
      request.progress(bytes);
      next_progress = bytes + kProgressEvery;
    }
  };

  std::vector<std::string_view> fields;
  std::vector<std::string> unescaped;
  std::int64_t record = 0;
  // Reads the next non-blank record into `fields`; false at the end of input.
  auto next_record = [&]() -> Result<bool> {
    while (true) {
      const char* next = nullptr;
      const auto parsed = split_record(buffer.data() + begin, buffer.data() + filled, at_eof, fields, unescaped, next);
      if (parsed == Parse::incomplete || (begin == filled && !at_eof)) {
        refill();
        continue;
      }
      if (parsed == Parse::malformed) {
        return row_error(record + 1, "malformed CSV: a field containing quotes must be quoted and its quotes doubled");
      }
      const bool blank = fields.size() == 1 && fields[0].empty();
      const bool finished = begin == filled;
      begin = static_cast<std::size_t>(next - buffer.data());
      if (finished) return false;
      if (blank) continue;
      ++record;
      return true;
    }
  };

  CLINAUDIT_TRY(auto header, next_record());
  if (!header) return Error{ErrorCode::invalid_input, "the file is empty: expected a header row"};
  const std::vector<std::string> columns(fields.begin(), fields.end());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (columns[i] == columns[j]) return row_error(1, "column '" + columns[i] + "' appears twice");
    }
  }
  std::vector<Target> targets(columns.size());
  auto find = [&](const std::string& name) -> Result<std::size_t> {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == name) return i;
    }
    std::string known;
    for (const auto& column : columns) known += (known.empty() ? "" : ", ") + column;
    return Error{ErrorCode::invalid_input, "unknown column '" + name + "' (the file has: " + known + ")"};
  };
  EpisodeColumns result;
  CLINAUDIT_TRY(const auto outcome_index, find(request.outcome));
  targets[outcome_index].outcome = true;
  for (const auto& name : request.numbers) {
    CLINAUDIT_TRY(const auto index, find(name));
    targets[index].numbers.push_back(result.numbers.size());
    result.numbers.push_back(NumberColumn{name, {}});
  }
  for (const auto& name : request.categories) {
    CLINAUDIT_TRY(const auto index, find(name));
    targets[index].categories.push_back(result.categories.size());
    result.categories.push_back(CategoryColumn{name, {}, {}});
  }
  std::vector<std::size_t> wanted;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i].wanted()) wanted.push_back(i);
  }
  std::vector<Dictionary> dictionaries(result.categories.size());

  while (true) {
    CLINAUDIT_TRY(auto more, next_record());
    if (!more) break;
    if (fields.size() != columns.size()) {
      return row_error(record, std::to_string(fields.size()) + " fields, expected " + std::to_string(columns.size()) +
                                   " as in the header");
    }
    for (const auto i : wanted) {
      const auto text = fields[i];
      const auto& target = targets[i];
      if (target.outcome) {
        double value = -1;
        if (text == "0" || text == "1") {
          value = text[0] == '1' ? 1.0 : 0.0;
        } else if (!read_number(text, value) || (value != 0.0 && value != 1.0)) {
          return row_error(record,
                           "column '" + columns[i] + "': the outcome is " + quoted(text) + "; it must be 0 or 1");
        }
        result.outcome.push_back(value == 1.0 ? 1 : 0);
      }
      if (!target.numbers.empty()) {
        double value = 0;
        if (!read_number(text, value)) {
          return row_error(
              record, "column '" + columns[i] + "': " +
                          (text.empty() ? std::string("the value is missing") : quoted(text) + " is not a number"));
        }
        for (const auto slot : target.numbers) result.numbers[slot].values.push_back(value);
      }
      for (const auto slot : target.categories) {
        if (text.empty()) return row_error(record, "column '" + columns[i] + "': the value is missing");
        auto& column = result.categories[slot];
        column.codes.push_back(dictionaries[slot].code(text, column.levels));
      }
    }
  }
  result.rows = record - 1;
  return result;
}

}  // namespace clinaudit::ingest
