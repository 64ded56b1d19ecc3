#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::ingest {

// One thing wrong with an input file, in the words a spreadsheet user needs to fix it:
// the spreadsheet row (the header is row 1), the column as the file names it, the cell's
// text, and what is wrong with it. `column` is empty for a problem with a whole row
// (e.g. a wrong number of fields), and `has_value` is false when there is no cell text
// to show (a missing column, an empty required cell).
// The longest message a problem prints: messages are the program's own words, which may quote
// a cell.
inline constexpr std::size_t kMaxMessageChars = 1000;

struct Problem {
  std::int64_t row = 0;
  std::string column;
  std::string value;
  bool has_value = false;
  std::string message;  // e.g. "is not a real date (expected YYYY-MM-DD)"

  // "row 5, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)".
  // The value and the message are shown with control characters and invalid UTF-8 escaped
  // (\xNN) and long values shortened, so that printing a report is always safe on a terminal.
  std::string to_string() const;
};

// Every problem found in one input, in the order found, up to a cap. Problems past the
// cap are counted but not kept, so that a file with a million bad rows costs no memory;
// the report then ends with "... and N more problems". Bad rows are data, not errors:
// a file whose report is not clean() is not imported at all.
// Value type; not thread-safe.
class ValidationReport {
 public:
  static constexpr std::size_t kDefaultCap = 100;

  explicit ValidationReport(std::size_t cap = kDefaultCap) : cap_(cap) {}

  // Records a problem (kept when fewer than the cap are held, counted always).
  void add(std::int64_t row, std::string_view column, std::string_view message);
  void add(std::int64_t row, std::string_view column, std::string_view value, std::string_view message);

  bool clean() const { return total_ == 0; }
  // Whether the cap is reached: later problems are only counted.
  bool full() const { return problems_.size() >= cap_; }
  std::int64_t total() const { return total_; }
  std::int64_t omitted() const { return total_ - static_cast<std::int64_t>(problems_.size()); }
  std::size_t cap() const { return cap_; }
  const std::vector<Problem>& problems() const { return problems_; }

  // One line per problem kept, then "and N more problems (not shown)" when some were
  // omitted; empty when clean. Every line ends with '\n'.
  std::string to_text() const;

 private:
  std::size_t cap_;
  std::int64_t total_ = 0;
  std::vector<Problem> problems_;
};

// `text` made safe to print inside quotes: control characters and bytes that are not
// valid UTF-8 become \xNN, and text longer than `max_chars` bytes is cut with "...".
std::string printable(std::string_view text, std::size_t max_chars = 60);

}  // namespace clinaudit::ingest
