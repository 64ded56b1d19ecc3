#include "ingest/validation_report.hpp"

#include <cstdio>

#include "ingest/utf8.hpp"

namespace clinaudit::ingest {

std::string printable(std::string_view text, std::size_t max_chars) {
  std::string out;
  out.reserve(text.size() < max_chars ? text.size() : max_chars + 3);
  std::size_t i = 0;
  while (i < text.size()) {
    if (out.size() >= max_chars) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_sequence_length(text.substr(i));
    if (length > 1) {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    if (length == 1 && c >= 0x20 && c != 0x7F) {
      out += static_cast<char>(c);
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
      out += escaped;
    }
    ++i;
  }
  return out;
}

std::string Problem::to_string() const {
  // Appended piece by piece: "literal" + std::string&& trips GCC 12's -Wrestrict at -O2.
  std::string line = "row ";
  line.append(std::to_string(row));
  if (!column.empty()) line.append(", column '").append(printable(column)).append("'");
  line.append(": ");
  if (has_value) line.append("'").append(printable(value)).append("' ");
  // A message may quote the cell it is about (a measure's column name): escaped like the value.
  line.append(printable(message, kMaxMessageChars));
  return line;
}

void ValidationReport::add(std::int64_t row, std::string_view column, std::string_view message) {
  ++total_;
  if (full()) return;
  problems_.push_back(Problem{row, std::string(column), {}, false, std::string(message)});
}

void ValidationReport::add(std::int64_t row, std::string_view column, std::string_view value,
                           std::string_view message) {
  ++total_;
  if (full()) return;
  // Only the printable prefix is ever shown, so a huge cell is not copied whole.
  problems_.push_back(Problem{row, std::string(column), std::string(value.substr(0, 256)), true, std::string(message)});
}

std::string ValidationReport::to_text() const {
  std::string text;
  for (const auto& problem : problems_) text += problem.to_string() + '\n';
  if (omitted() > 0) {
    text += "and " + std::to_string(omitted()) + " more problem" + (omitted() == 1 ? "" : "s") +
            " (not shown; the first " + std::to_string(problems_.size()) + " are listed)\n";
  }
  return text;
}

}  // namespace clinaudit::ingest
