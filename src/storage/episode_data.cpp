#include "storage/episode_data.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/whole_numbers.hpp"

namespace clinaudit::storage {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

void append_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xf];
      out += kHex[c & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_number(std::string& out, double value) {
  if (append_whole_number(out, value)) return;
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  out.append(text, ec == std::errc() ? static_cast<std::size_t>(end - text) : 0);
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xc0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3f));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xe0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code & 0x3f));
  }
}

// A cursor over one JSON object's text.
struct Cursor {
  const char* p;
  const char* end;

  void skip_space() {
    while (p != end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
  }
  bool take(char c) {
    skip_space();
    if (p == end || *p != c) return false;
    ++p;
    return true;
  }
  bool hex4(std::uint32_t& code) {
    if (end - p < 4) return false;
    code = 0;
    for (int i = 0; i < 4; ++i, ++p) {
      const char c = *p;
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
  }
  // A string (the opening quote already seen) into `out`.
  bool string(std::string& out) {
    out.clear();
    while (p != end && *p != '"') {
      if (*p != '\\') {
        out += *p++;
        continue;
      }
      if (++p == end) return false;
      const char escaped = *p++;
      switch (escaped) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t code = 0;
          if (!hex4(code)) return false;
          if (code >= 0xd800 && code < 0xdc00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
            p += 2;
            std::uint32_t low = 0;
            if (!hex4(low) || low < 0xdc00 || low > 0xdfff) return false;
            code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          }
          append_utf8(out, code);
          break;
        }
        default: return false;
      }
    }
    if (p == end) return false;
    ++p;
    return true;
  }
  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end - p) < word.size() || std::string_view(p, word.size()) != word) return false;
    p += word.size();
    return true;
  }
};

}  // namespace

namespace {

void append_value(std::string& out, const domain::EpisodeColumn& column, std::size_t row) {
  switch (column.type) {
    case domain::ValueType::number: append_number(out, column.numbers[row]); break;
    case domain::ValueType::yes_no: out += column.numbers[row] != 0 ? "true" : "false"; break;
    case domain::ValueType::category: append_string(out, column.texts[row]); break;
    case domain::ValueType::date:
      append_string(out, Date::from_days(static_cast<std::int64_t>(column.numbers[row])).to_string());
      break;
  }
}

}  // namespace

void append_episode_data(std::string& out, const domain::EpisodeColumns& episodes, std::size_t row) {
  out += '{';
  bool first = true;
  for (const auto& column : episodes.columns) {
    if (column.missing(row)) continue;
    if (!first) out += ',';
    first = false;
    append_string(out, column.name);
    out += ':';
    append_value(out, column, row);
  }
  out += '}';
}

void append_episode_values(std::string& out, const domain::EpisodeColumns& episodes, std::size_t row) {
  out += '[';
  bool first = true;
  for (const auto& column : episodes.columns) {
    if (!first) out += ',';
    first = false;
    if (column.missing(row)) {
      out += "null";
    } else {
      append_value(out, column, row);
    }
  }
  out += ']';
}

EpisodeDataReader::EpisodeDataReader(domain::EpisodeColumns& columns)
    : columns_(columns), row_(columns.columns.size(), kMissing) {
  for (std::size_t c = 0; c < columns_.columns.size(); ++c) index_.emplace(columns_.columns[c].name, c);
}

EpisodeDataReader::Slots EpisodeDataReader::slots_for(const std::vector<std::string>& import_columns) const {
  Slots slots;
  for (const auto& name : import_columns) {
    const auto found = index_.find(std::string_view(name));
    slots.push_back(found == index_.end() ? -1 : static_cast<std::ptrdiff_t>(found->second));
  }
  return slots;
}

bool EpisodeDataReader::read_usual_value(const char*& p, const char* end, std::ptrdiff_t slot) {
  if (slot < 0) return false;
  const auto& column = columns_.columns[static_cast<std::size_t>(slot)];
  double& value = row_[static_cast<std::size_t>(slot)];
  const char* at = p;
  if (column.type == domain::ValueType::number) {
    // A whole number (core/whole_numbers.hpp), then the list's next comma or its end.
    while (at != end && *at != ',' && *at != ']') ++at;
    if (at == end) return false;
    const auto whole = read_whole_number(std::string_view(p, static_cast<std::size_t>(at - p)));
    if (!whole) return false;
    value = *whole;
  } else if (column.type == domain::ValueType::yes_no) {
    const auto left = static_cast<std::size_t>(end - at);
    if (left > 4 && std::memcmp(at, "true", 4) == 0 && (at[4] == ',' || at[4] == ']')) {
      value = 1.0;
      at += 4;
    } else if (left > 5 && std::memcmp(at, "false", 5) == 0 && (at[5] == ',' || at[5] == ']')) {
      value = 0.0;
      at += 5;
    } else {
      return false;
    }
  } else {
    return false;
  }
  p = at;
  return true;
}

bool EpisodeDataReader::read_value(const char*& p, const char* end, std::ptrdiff_t slot, std::string_view name,
                                   std::string& problem) {
  Cursor at{p, end};
  at.skip_space();
  domain::EpisodeColumn* column = slot < 0 ? nullptr : &columns_.columns[static_cast<std::size_t>(slot)];
  if (at.p == at.end) {
    problem = "the stored values end early";
    return false;
  }
  const auto wrong = [&](std::string_view held) {
    problem = "column '" + std::string(name.empty() ? std::string_view(column->name) : name) + "' holds " +
              std::string(held) + ", but the dataset declares it a " + std::string(display_name(column->type));
    return false;
  };
  const char c = *at.p;
  if (c == '"') {
    ++at.p;
    if (!at.string(value_)) {
      problem = "the stored values hold a broken string";
      return false;
    }
    if (column != nullptr) {
      if (column->type == domain::ValueType::category) {
        column->texts.back() = value_;
      } else if (column->type == domain::ValueType::date) {
        const auto date = Date::parse(value_);
        if (!date) return wrong("text that is not a date");
        row_[static_cast<std::size_t>(slot)] = static_cast<double>(date->days_since_epoch());
      } else {
        return wrong("text");
      }
    }
  } else if (const bool yes = at.literal("true"); yes || at.literal("false")) {
    if (column != nullptr) {
      if (column->type != domain::ValueType::yes_no) return wrong("yes/no");
      row_[static_cast<std::size_t>(slot)] = yes ? 1.0 : 0.0;
    }
  } else if (at.literal("null")) {
    // missing, as if absent
  } else {
    const char* start = at.p;
    while (at.p != at.end && *at.p != ',' && *at.p != '}' && *at.p != ']' && *at.p != ' ') ++at.p;
    double number = 0;
    if (const auto whole = read_whole_number(std::string_view(start, static_cast<std::size_t>(at.p - start)))) {
      number = *whole;
    } else if (const auto [stop, ec] = std::from_chars(start, at.p, number); ec != std::errc() || stop != at.p) {
      problem = "the stored values hold something that is not a JSON value";
      return false;
    }
    if (column != nullptr) {
      if (column->type != domain::ValueType::number) return wrong("a number");
      row_[static_cast<std::size_t>(slot)] = number;
    }
  }
  p = at.p;
  return true;
}

bool EpisodeDataReader::append(std::string_view json, std::string& problem, const Slots* slots) {
  for (auto& column : columns_.columns) {
    if (column.holds_text()) column.texts.emplace_back();
  }
  std::fill(row_.begin(), row_.end(), kMissing);
  const bool read = read_row(json, problem, slots);
  if (!read) std::fill(row_.begin(), row_.end(), kMissing);
  for (std::size_t c = 0; c < columns_.columns.size(); ++c) {
    auto& column = columns_.columns[c];
    if (!column.holds_text()) {
      column.numbers.push_back(row_[c]);
    } else if (!read) {
      column.texts.back().clear();
    }
  }
  return read;
}

bool EpisodeDataReader::read_row(std::string_view json, std::string& problem, const Slots* slots) {
  Cursor at{json.data(), json.data() + json.size()};
  if (at.take('[')) {
    if (slots == nullptr) {
      problem = "the stored values are a list, but their import's columns are not known";
      return false;
    }
    for (std::size_t i = 0; i < slots->size(); ++i) {
      if (i > 0 && !at.take(',')) {
        problem =
            "the stored values hold fewer values than their import's " + std::to_string(slots->size()) + " columns";
        return false;
      }
      if (!read_usual_value(at.p, at.end, (*slots)[i]) && !read_value(at.p, at.end, (*slots)[i], {}, problem)) {
        return false;
      }
    }
    if (!at.take(']')) {
      problem = "the stored values hold more values than their import's " + std::to_string(slots->size()) + " columns";
      return false;
    }
    return true;
  }
  if (!at.take('{')) {
    problem = "the stored values are not a JSON object or list";
    return false;
  }
  if (at.take('}')) return true;
  while (true) {
    if (!at.take('"') || !at.string(key_) || !at.take(':')) {
      problem = "the stored values are not a flat JSON object";
      return false;
    }
    const auto found = index_.find(std::string_view(key_));
    const std::ptrdiff_t slot = found == index_.end() ? -1 : static_cast<std::ptrdiff_t>(found->second);
    if (!read_value(at.p, at.end, slot, key_, problem)) return false;
    if (at.take('}')) return true;
    if (!at.take(',')) {
      problem = "the stored values are not a flat JSON object";
      return false;
    }
  }
}

}  // namespace clinaudit::storage
