#include "ingest/csv_reader.hpp"

#include <csv.h>

#include <array>
#include <cstring>

namespace clinaudit::ingest {
namespace {

constexpr std::size_t kSpareRecords = 4096;  // records of one read at most: about 2 MB kept

}  // namespace

// The libcsv state and the record being assembled by its callbacks. Records' vectors and their
// strings are used again once the caller hands them back (next()), so that a record of short
// fields costs no allocation: a national file has tens of millions of fields.
struct CsvReader::Parser {
  csv_parser state{};
  std::vector<std::string> current;
  std::size_t used = 0;  // fields of `current` that belong to the record being assembled
  std::deque<std::vector<std::string>>* ready = nullptr;
  std::vector<std::vector<std::string>> spare;  // handed back, their strings kept for reuse

  static void on_field(void* data, std::size_t size, void* self) {
    auto* parser = static_cast<Parser*>(self);
    const auto* text = static_cast<const char*>(data);
    if (parser->used < parser->current.size()) {
      parser->current[parser->used].assign(text, size);
    } else {
      parser->current.emplace_back(text, size);
    }
    ++parser->used;
  }
  static void on_record(int /*terminator*/, void* self) {
    auto* parser = static_cast<Parser*>(self);
    parser->current.resize(parser->used);
    parser->ready->push_back(std::move(parser->current));
    parser->current.clear();
    if (!parser->spare.empty()) {
      parser->current = std::move(parser->spare.back());
      parser->spare.pop_back();
    }
    parser->used = 0;
  }
};

CsvReader::CsvReader(std::istream& input) : input_(input), parser_(std::make_unique<Parser>()) {
  // Strict mode reports stray quotes instead of guessing what was meant.
  csv_init(&parser_->state, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  parser_->ready = &ready_;
}

CsvReader::~CsvReader() { csv_free(&parser_->state); }

bool CsvReader::fill() {
  std::array<char, 1 << 16> buffer{};
  input_.read(buffer.data(), buffer.size());
  auto count = static_cast<std::size_t>(input_.gcount());
  const char* start = buffer.data();
  if (first_chunk_) {
    first_chunk_ = false;
    if (count >= 3 && std::memcmp(start, "\xEF\xBB\xBF", 3) == 0) {
      start += 3;
      count -= 3;
    }
  }
  bytes_read_ += static_cast<std::int64_t>(input_.gcount());
  if (count > 0) {
    const auto parsed = csv_parse(&parser_->state, start, count, &Parser::on_field, &Parser::on_record, parser_.get());
    if (parsed != count) return false;
  }
  if (!input_) {
    finished_ = true;
    if (csv_fini(&parser_->state, &Parser::on_field, &Parser::on_record, parser_.get()) != 0) return false;
  }
  return true;
}

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
  while (ready_.empty() && !finished_ && !error_) {
    if (!fill()) {
      // Records completed before the bad one are still handed out first.
      error_ = Error{ErrorCode::invalid_input,
                     "row " + std::to_string(record_number_ + static_cast<std::int64_t>(ready_.size()) + 1) +
                         ": malformed CSV (" + csv_strerror(csv_error(&parser_->state)) +
                         "); a field containing quotes must be quoted and its quotes doubled"};
    }
  }
  if (ready_.empty()) {
    if (error_) return *error_;
    return false;
  }
  fields.swap(ready_.front());
  // The caller's previous record is kept for a record to come: one read of the input (64 KiB)
  // completes up to a few thousand records at once, each wanting a vector.
  if (parser_->spare.size() < kSpareRecords) parser_->spare.push_back(std::move(ready_.front()));
  ready_.pop_front();
  ++record_number_;
  return true;
}

}  // namespace clinaudit::ingest
