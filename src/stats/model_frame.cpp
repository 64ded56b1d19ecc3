#include "stats/model_frame.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>
#include <string_view>

namespace clinaudit::stats {
namespace {

bool read_number(const std::string& text, double& value) {
  if (text.empty()) return false;
  const char* first = text.data();
  if (*first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

// The order of printable ASCII in R's sort() where R collates with ICU (R on Debian, in any
// locale but C/POSIX; measured with R 4.2.2: sort(sapply(32:126, intToUtf8))): punctuation
// and symbols, digits, then letters with each lower-case letter just before its capital.
constexpr std::string_view kCollation =
    " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ";

// Primary weight: case is ignored; bytes outside printable ASCII come after it, by value.
unsigned primary_weight(unsigned char c) {
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
  const auto at = kCollation.find(static_cast<char>(c));
  return at == std::string_view::npos ? 256U + c : static_cast<unsigned>(at);
}

// ICU's comparison for these characters: by primary weights first; when those are equal,
// the first difference in case decides, lower case first ("ab" < "aB" < "Ab" < "AB").
bool collates_before(const std::string& a, const std::string& b) {
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    const unsigned wa = primary_weight(static_cast<unsigned char>(a[i]));
    const unsigned wb = primary_weight(static_cast<unsigned char>(b[i]));
    if (wa != wb) return wa < wb;
  }
  if (a.size() != b.size()) return a.size() < b.size();
  for (std::size_t i = 0; i < common; ++i) {
    if (a[i] != b[i]) return a[i] > b[i];  // 'a' > 'A' in ASCII: lower case first
  }
  return false;
}

}  // namespace

void order_levels_as_r(Covariate& covariate) {
  if (!covariate.categorical) return;
  const std::size_t count = covariate.levels.size();
  std::vector<std::int64_t> used(count, 0);
  for (const auto code : covariate.codes) ++used[code];

  std::vector<double> numbers(count, 0.0);
  bool all_numbers = true;
  for (std::size_t i = 0; i < count && all_numbers; ++i) all_numbers = read_number(covariate.levels[i], numbers[i]);

  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (all_numbers && numbers[a] != numbers[b]) return numbers[a] < numbers[b];
    return collates_before(covariate.levels[a], covariate.levels[b]);
  });

  std::vector<std::uint32_t> new_code(count, 0);
  std::vector<std::string> levels;
  for (const auto old : order) {
    if (used[old] == 0) continue;
    new_code[old] = static_cast<std::uint32_t>(levels.size());
    levels.push_back(std::move(covariate.levels[old]));
  }
  for (auto& code : covariate.codes) code = new_code[code];
  covariate.levels = std::move(levels);
}

std::vector<std::string> term_names(const ModelFrame& frame) {
  std::vector<std::string> names{"(Intercept)"};
  for (const auto& covariate : frame.covariates) {
    if (!covariate.categorical) {
      names.push_back(covariate.name);
      continue;
    }
    for (std::size_t level = 1; level < covariate.levels.size(); ++level) {
      names.push_back(covariate.name + covariate.level_separator + covariate.levels[level]);
    }
  }
  return names;
}

Result<void> validate_frame(const ModelFrame& frame) {
  for (const auto& covariate : frame.covariates) {
    const std::string where = "covariate '" + covariate.name + "'";
    if (!covariate.categorical) {
      if (covariate.values.size() != frame.rows) {
        return Error{ErrorCode::invalid_input, where + " has " + std::to_string(covariate.values.size()) +
                                                   " values for " + std::to_string(frame.rows) + " episodes"};
      }
      // Whole numbers stored narrower are finite unless missing; only doubles can be infinite.
      const bool checked = covariate.values.has_missing() || covariate.values.form() == CompactNumbers::Form::doubles;
      for (std::size_t i = 0; checked && i < frame.rows; ++i) {
        if (!std::isfinite(covariate.values[i])) {
          return Error{ErrorCode::invalid_input, where + ": episode " + std::to_string(i + 1) + " is not finite"};
        }
      }
      continue;
    }
    if (covariate.codes.size() != frame.rows) {
      return Error{ErrorCode::invalid_input, where + " has " + std::to_string(covariate.codes.size()) + " values for " +
                                                 std::to_string(frame.rows) + " episodes"};
    }
    for (std::size_t i = 0; i < frame.rows; ++i) {
      if (covariate.codes[i] >= covariate.levels.size()) {
        return Error{ErrorCode::invalid_input,
                     where + ": episode " + std::to_string(i + 1) + " has no level (internal coding error)"};
      }
    }
    if (covariate.levels.size() < 2) {
      return Error{ErrorCode::invalid_input,
                   where + " is categorical but has only one level" +
                       (covariate.levels.empty() ? std::string() : " ('" + covariate.levels[0] + "')") +
                       ": it cannot be compared with anything; leave it out of the model"};
    }
  }
  return {};
}

}  // namespace clinaudit::stats
