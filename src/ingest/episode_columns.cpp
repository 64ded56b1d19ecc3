#include "ingest/episode_columns.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <future>
#include <limits>
#include <optional>
#include <string_view>
#include <thread>

#include "core/text_map.hpp"
#include "core/whole_numbers.hpp"
#include "core/worker_threads.hpp"
#include "ingest/csv_records.hpp"

namespace clinaudit::ingest {
namespace {

constexpr std::int64_t kProgressEvery = 64LL << 20;

// A number cell other than a whole number (whole_cell): by from_chars, after an optional '+'.
bool read_number(std::string_view text, double& value) {
  const char* p = text.data();
  const char* end = p + text.size();
  if (p != end && *p == '+') ++p;
  if (p == end) return false;
  const auto [stop, ec] = std::from_chars(p, end, value);
  return ec == std::errc() && stop == end && std::isfinite(value);
}

// A whole number cell (core/whole_numbers.hpp, after an optional '+' as read_number takes):
// most of a file's numbers, stored without going through a double.
std::optional<std::int64_t> whole_cell(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  return read_whole_integer(text);
}

// The levels of one category column, with the last value looked up remembered (episode
// files are often sorted by provider, so most lookups hit it). Values of up to seven bytes,
// most of a file's codes, are looked up as one 64-bit number (their bytes and length) in a
// small table of their own, without hashing or comparing text.
class Dictionary {
 public:
  std::uint32_t code(std::string_view text, std::vector<std::string>& levels) {
    if (text.size() <= kShortest) {
      const auto key = packed(text);
      if (key != last_key_) {
        last_key_ = key;
        last_short_code_ = short_code(key, text, levels);
      }
      return last_short_code_;
    }
    if (has_last_ && text == last_) return last_code_;
    auto found = index_.find(text);
    if (found == index_.end()) found = index_.emplace(std::string(text), add(text, levels)).first;
    last_.assign(text);
    last_code_ = found->second;
    has_last_ = true;
    return last_code_;
  }

 private:
  static constexpr std::size_t kShortest = 7;

  // Never 0 (the length is in the top byte, and the text is not empty), which marks a free slot.
  static std::uint64_t packed(std::string_view text) {
    auto key = static_cast<std::uint64_t>(text.size()) << 56;
    for (std::size_t i = 0; i < text.size(); ++i) key |= std::uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    return key;
  }

  static std::uint32_t add(std::string_view text, std::vector<std::string>& levels) {
    levels.emplace_back(text);
    return static_cast<std::uint32_t>(levels.size() - 1);
  }

  std::size_t slot_of(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
    while (keys_[slot] != key && keys_[slot] != 0) slot = (slot + 1) & mask;
    return slot;
  }

  std::uint32_t short_code(std::uint64_t key, std::string_view text, std::vector<std::string>& levels) {
    if (keys_.empty()) {
      keys_.assign(64, 0);
      codes_.assign(64, 0);
    }
    const std::size_t slot = slot_of(key);
    if (keys_[slot] == key) return codes_[slot];
    const auto code = add(text, levels);
    keys_[slot] = key;
    codes_[slot] = code;
    if (++shorts_ * 2 > keys_.size()) grow();
    return code;
  }

  // Twice the slots, so that at most half are used and a search ends soon.
  void grow() {
    std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
    std::vector<std::uint32_t> codes(codes_.size() * 2, 0);
    keys.swap(keys_);
    codes.swap(codes_);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) continue;
      const std::size_t slot = slot_of(keys[i]);
      keys_[slot] = keys[i];
      codes_[slot] = codes[i];
    }
  }

  std::vector<std::uint64_t> keys_;  // open addressing, a power of two long; 0 = free
  std::vector<std::uint32_t> codes_;
  std::size_t shorts_ = 0;
  std::uint64_t last_key_ = 0;
  std::uint32_t last_short_code_ = 0;
  TextMap<std::uint32_t> index_;  // longer values
  std::string last_;
  std::uint32_t last_code_ = 0;
  bool has_last_ = false;
};

// What to do with a field of the file: nothing, or store it in one or more of the outputs.
struct Target {
  bool outcome = false;
  std::vector<std::size_t> numbers;
  std::vector<std::size_t> categories;
  bool wanted() const { return outcome || !numbers.empty() || !categories.empty(); }
};

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

// What to do with each field of the file, fixed once the header is read.
struct Plan {
  std::vector<std::string> columns;
  std::vector<Target> targets;
  std::vector<std::size_t> wanted;  // indexes of the fields with a target
  std::size_t numbers = 0;
  std::size_t categories = 0;
  std::size_t max_record_bytes = 0;
};

// The first problem in a block: its record, counted from 1 at the block's start, and what is wrong.
struct BlockProblem {
  std::int64_t record = 0;
  std::string message;
};

// One block's columns. Category codes index the block's own levels (in the order first seen in
// the block); joining the blocks maps them to the file's.
struct BlockColumns {
  std::int64_t records = 0;
  std::vector<std::uint8_t> outcome;
  std::vector<CompactNumbers> numbers;
  std::vector<std::vector<std::string>> levels;
  std::vector<std::vector<std::uint32_t>> codes;
  std::optional<BlockProblem> problem;
};

// Converts the records of one block (whole records: it starts at a record's start and ends at
// one's end) into `out`, whose vectors are reused. Stops at the block's first problem.
void convert_block(std::string_view text, const Plan& plan, BlockColumns& out) {
  out.records = 0;
  out.problem.reset();
  out.outcome.clear();
  out.numbers.resize(plan.numbers);
  out.levels.resize(plan.categories);
  out.codes.resize(plan.categories);
  for (auto& column : out.numbers) column.clear();
  for (auto& column : out.levels) column.clear();
  for (auto& column : out.codes) column.clear();
  std::vector<Dictionary> dictionaries(plan.categories);
  std::vector<std::string_view> fields;
  std::deque<std::string> unescaped;
  auto fail = [&](std::int64_t record, std::string message) { out.problem = BlockProblem{record, std::move(message)}; };
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p != end) {
    const char* next = nullptr;
    const auto split = split_csv_record(p, end, true, plan.max_record_bytes, fields, unescaped, next);
    if (split != CsvSplit::record) {
      fail(out.records + 1, csv_split_problem(split, plan.max_record_bytes));
      return;
    }
    p = next;
    if (fields.empty()) continue;  // a blank line
    const std::int64_t record = ++out.records;
    if (fields.size() != plan.columns.size()) {
      fail(record, std::to_string(fields.size()) + " fields, expected " + std::to_string(plan.columns.size()) +
                       " as in the header");
      return;
    }
    for (const auto i : plan.wanted) {
      const auto text_of_field = fields[i];
      const auto& target = plan.targets[i];
      if (target.outcome) {
        double value = -1;
        if (text_of_field == "0" || text_of_field == "1") {
          value = text_of_field[0] == '1' ? 1.0 : 0.0;
        } else if (!read_number(text_of_field, value) || (value != 0.0 && value != 1.0)) {
          fail(record,
               "column '" + plan.columns[i] + "': the outcome is " + quoted(text_of_field) + "; it must be 0 or 1");
          return;
        }
        out.outcome.push_back(value == 1.0 ? 1 : 0);
      }
      if (!target.numbers.empty()) {
        double value = 0;
        if (const auto whole = whole_cell(text_of_field)) {
          for (const auto slot : target.numbers) out.numbers[slot].push_back_whole(*whole);
        } else if (read_number(text_of_field, value)) {
          for (const auto slot : target.numbers) out.numbers[slot].push_back(value);
        } else {
          fail(record, "column '" + plan.columns[i] + "': " +
                           (text_of_field.empty() ? std::string("the value is missing")
                                                  : quoted(text_of_field) + " is not a number"));
          return;
        }
      }
      for (const auto slot : target.categories) {
        if (text_of_field.empty()) {
          fail(record, "column '" + plan.columns[i] + "': the value is missing");
          return;
        }
        out.codes[slot].push_back(dictionaries[slot].code(text_of_field, out.levels[slot]));
      }
    }
  }
}

// One past the last line end (LF or CR) of `text` that is outside quotes, counting quotes from
// its start (a record's start); 0 when there is none. Exact for well-formed quoting.
std::size_t cut_by_quotes(std::string_view text) {
  if (text.find('"') == std::string_view::npos) {
    const auto line_end = text.find_last_of("\r\n");
    return line_end == std::string_view::npos ? 0 : line_end + 1;
  }
  bool quoted_text = false;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') {
      quoted_text = !quoted_text;
    } else if ((text[i] == '\n' || text[i] == '\r') && !quoted_text) {
      cut = i + 1;
    }
  }
  return cut;
}

// The end of the last whole record of `text` by the full parser, for text whose quotes do not
// pair up: the whole text when a record is malformed (converting the block then reports it),
// 0 when the first record does not end within it.
std::size_t cut_by_parser(std::string_view text) {
  std::vector<std::string_view> fields;
  std::deque<std::string> unescaped;
  const char* p = text.data();
  const char* const end = p + text.size();
  std::size_t cut = 0;
  while (p != end) {
    const char* next = nullptr;
    // Unbounded here: BlockSource bounds the block, and converting it bounds each record.
    const auto parsed =
        split_csv_record(p, end, false, std::numeric_limits<std::size_t>::max(), fields, unescaped, next);
    if (parsed == CsvSplit::malformed) return text.size();
    if (parsed == CsvSplit::incomplete) break;
    p = next;
    cut = static_cast<std::size_t>(p - text.data());
  }
  return cut;
}

// Cuts the input into blocks of whole records.
class BlockSource {
 public:
  BlockSource(std::istream& input, const EpisodeColumnsRequest& request) : input_(input), request_(request) {}

  // Puts the next block in `block` (reusing its memory; empty at the end of the input), or
  // gives an error (without a row) when a record does not end within max_record_bytes.
  Result<void> next(std::string& block) {
    block.assign(carry_);
    carry_.clear();
    std::size_t target = std::max<std::size_t>(request_.block_bytes, 1);
    while (true) {
      if (!at_eof_ && block.size() < target) fill(block, target);
      if (at_eof_) return {};
      auto cut = cut_by_quotes(block);
      if (cut == 0 && block.find('"') != std::string::npos) cut = cut_by_parser(block);
      if (cut > 0) {
        carry_.assign(block, cut, std::string::npos);
        block.resize(cut);
        return {};
      }
      if (block.size() >= request_.max_record_bytes) {
        return Error{ErrorCode::invalid_input, csv_record_too_long(request_.max_record_bytes)};
      }
      target = std::max(block.size() + 1, std::min(block.size() * 2, request_.max_record_bytes));
    }
  }

 private:
  void fill(std::string& block, std::size_t target) {
    if (first_read_) target = std::max<std::size_t>(target, 3);  // room to see a byte order mark
    const std::size_t filled = block.size();
    block.resize(target);
    input_.read(block.data() + filled, static_cast<std::streamsize>(target - filled));
    const auto count = static_cast<std::size_t>(input_.gcount());
    block.resize(filled + count);
    bytes_ += static_cast<std::int64_t>(count);
    if (first_read_) {
      first_read_ = false;
      if (block.size() >= 3 && std::memcmp(block.data(), "\xEF\xBB\xBF", 3) == 0) block.erase(0, 3);
    }
    if (!input_) at_eof_ = true;
    if (request_.progress && bytes_ >= next_progress_) {
      request_.progress(bytes_);
      next_progress_ = bytes_ + kProgressEvery;
    }
  }

  std::istream& input_;
  const EpisodeColumnsRequest& request_;
  std::string carry_;
  bool at_eof_ = false;
  bool first_read_ = true;
  std::int64_t bytes_ = 0;
  std::int64_t next_progress_ = kProgressEvery;
};

// Appends blocks to the result in file order, mapping each block's category codes to the
// file's levels.
class Joiner {
 public:
  Joiner(EpisodeColumns& result, const EpisodeColumnsRequest& request, std::size_t categories)
      : result_(result), request_(request), dictionaries_(categories) {}

  // The row number (header = 1) of the next record.
  std::int64_t next_row() const { return rows_before_ + 1; }

  Result<void> add(const BlockColumns& block, std::size_t block_bytes) {
    if (block.problem) return row_error(rows_before_ + block.problem->record, block.problem->message);
    if (!reserved_ && block.records > 0) reserve(block, block_bytes);
    append(result_.outcome, block.outcome);
    for (std::size_t c = 0; c < block.numbers.size(); ++c) result_.numbers[c].values.append(block.numbers[c]);
    for (std::size_t c = 0; c < block.codes.size(); ++c) {
      auto& column = result_.categories[c];
      std::vector<std::uint32_t> file_code(block.levels[c].size());
      for (std::size_t level = 0; level < file_code.size(); ++level) {
        file_code[level] = dictionaries_[c].code(block.levels[c][level], column.levels);
      }
      const auto first = column.codes.size();
      column.codes.resize(first + block.codes[c].size());
      for (std::size_t i = 0; i < block.codes[c].size(); ++i) column.codes[first + i] = file_code[block.codes[c][i]];
    }
    rows_before_ += block.records;
    return {};
  }

 private:
  template <typename T>
  static void append(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin(), from.end());
  }

  // Allocates the columns once for the whole input, from its size and the first block's bytes per row.
  void reserve(const BlockColumns& block, std::size_t block_bytes) {
    reserved_ = true;
    if (request_.size_hint <= 0) return;
    const double bytes_per_row = static_cast<double>(block_bytes) / static_cast<double>(block.records);
    const auto rows = static_cast<std::size_t>(static_cast<double>(request_.size_hint) / bytes_per_row * 1.05) + 1024;
    result_.outcome.reserve(rows);
    for (auto& column : result_.numbers) column.values.reserve(rows);
    for (auto& column : result_.categories) column.codes.reserve(rows);
  }

  EpisodeColumns& result_;
  const EpisodeColumnsRequest& request_;
  std::vector<Dictionary> dictionaries_;
  std::int64_t rows_before_ = 1;  // the header
  bool reserved_ = false;
};

// Finds the header: the first record that is not blank. `block` keeps what follows it.
Result<std::vector<std::string>> read_header(BlockSource& source, std::string& block, std::size_t max_record_bytes) {
  std::vector<std::string_view> fields;
  std::deque<std::string> unescaped;
  while (true) {
    CLINAUDIT_TRY_VOID(source.next(block));
    if (block.empty()) return Error{ErrorCode::invalid_input, "the file is empty: expected a header row"};
    const char* p = block.data();
    const char* const end = p + block.size();
    while (p != end) {
      const char* next = nullptr;
      const auto split = split_csv_record(p, end, true, max_record_bytes, fields, unescaped, next);
      if (split == CsvSplit::malformed || split == CsvSplit::too_long) {
        return row_error(1, csv_split_problem(split, max_record_bytes));
      }
      p = next;
      if (fields.empty()) continue;
      std::vector<std::string> columns(fields.begin(), fields.end());
      block.erase(0, static_cast<std::size_t>(p - block.data()));
      return columns;
    }
  }
}

Result<Plan> make_plan(std::vector<std::string> columns, const EpisodeColumnsRequest& request, EpisodeColumns& result) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (columns[i] == columns[j]) return row_error(1, "column '" + columns[i] + "' appears twice");
    }
  }
  Plan plan;
  plan.max_record_bytes = request.max_record_bytes;
  plan.targets.resize(columns.size());
  auto find = [&](const std::string& name) -> Result<std::size_t> {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == name) return i;
    }
    std::string known;
    for (const auto& column : columns) known += (known.empty() ? "" : ", ") + column;
    return Error{ErrorCode::invalid_input, "unknown column '" + name + "' (the file has: " + known + ")"};
  };
  CLINAUDIT_TRY(const auto outcome_index, find(request.outcome));
  plan.targets[outcome_index].outcome = true;
  for (const auto& name : request.numbers) {
    CLINAUDIT_TRY(const auto index, find(name));
    plan.targets[index].numbers.push_back(result.numbers.size());
    result.numbers.push_back(NumberColumn{name, {}});
  }
  for (const auto& name : request.categories) {
    CLINAUDIT_TRY(const auto index, find(name));
    plan.targets[index].categories.push_back(result.categories.size());
    result.categories.push_back(CategoryColumn{name, {}, {}});
  }
  for (std::size_t i = 0; i < plan.targets.size(); ++i) {
    if (plan.targets[i].wanted()) plan.wanted.push_back(i);
  }
  plan.numbers = result.numbers.size();
  plan.categories = result.categories.size();
  plan.columns = std::move(columns);
  return plan;
}

}  // namespace

Result<EpisodeColumns> read_episode_columns(std::istream& input, const EpisodeColumnsRequest& request) {
  BlockSource source(input, request);
  std::string block;
  CLINAUDIT_TRY(auto columns, read_header(source, block, request.max_record_bytes));
  EpisodeColumns result;
  CLINAUDIT_TRY(const auto plan, make_plan(std::move(columns), request, result));
  Joiner joiner(result, request, plan.categories);
  const unsigned threads = worker_threads(request.threads);

  // Blocks being converted, oldest first; each is joined when done, so a problem is reported
  // at the first bad row whichever thread found it. The memory of joined blocks is reused.
  struct Converting {
    std::string text;
    BlockColumns columns;
    std::future<void> done;
  };
  std::deque<Converting> converting, spare;
  auto join_oldest = [&]() -> Result<void> {
    auto& oldest = converting.front();
    oldest.done.get();
    auto joined = joiner.add(oldest.columns, oldest.text.size());
    spare.push_back(std::move(oldest));
    converting.pop_front();
    return joined;
  };
  auto next_block = [&](std::string& text) -> Result<void> {
    if (auto next = source.next(text); !next) {
      while (!converting.empty()) CLINAUDIT_TRY_VOID(join_oldest());
      return row_error(joiner.next_row(), next.error().message);
    }
    return {};
  };
  if (block.empty()) CLINAUDIT_TRY_VOID(next_block(block));  // the header ended its block
  if (threads == 1) {
    BlockColumns converted;
    while (!block.empty()) {
      convert_block(block, plan, converted);
      CLINAUDIT_TRY_VOID(joiner.add(converted, block.size()));
      CLINAUDIT_TRY_VOID(next_block(block));
    }
  } else {
    while (!block.empty()) {
      Converting work;
      if (!spare.empty()) {
        work = std::move(spare.front());
        spare.pop_front();
      }
      std::swap(work.text, block);
      converting.push_back(std::move(work));
      auto& started = converting.back();
      started.done =
          std::async(std::launch::async, [&plan, &started] { convert_block(started.text, plan, started.columns); });
      while (converting.size() > threads) CLINAUDIT_TRY_VOID(join_oldest());
      CLINAUDIT_TRY_VOID(next_block(block));
    }
    while (!converting.empty()) CLINAUDIT_TRY_VOID(join_oldest());
  }
  result.rows = joiner.next_row() - 2;
  return result;
}

}  // namespace clinaudit::ingest
