#include "ingest/csv_reader.hpp"

#include <algorithm>
#include <cstring>

#include "ingest/csv_records.hpp"

namespace clinaudit::ingest {
namespace {

constexpr std::size_t kReadBytes = std::size_t{1} << 16;

}  // namespace

CsvReader::CsvReader(std::istream& input, std::size_t max_record_bytes)
    : input_(input), max_record_bytes_(std::max<std::size_t>(max_record_bytes, 1)) {}

void CsvReader::fill() {
  buffer_.erase(0, start_);
  start_ = 0;
  // A long record is split again from its start after each read: reading as much again as is
  // already held keeps that linear in the record's length. One byte past the bound is all that
  // is needed to know a record is too long, so memory stays within the bound and a read.
  const std::size_t held = buffer_.size();
  const std::size_t room = max_record_bytes_ + 1 - std::min(held, max_record_bytes_);
  const std::size_t wanted = std::max(kReadBytes, std::min(held, room));
  buffer_.resize(held + wanted);
  input_.read(buffer_.data() + held, static_cast<std::streamsize>(wanted));
  const auto count = static_cast<std::size_t>(input_.gcount());
  buffer_.resize(held + count);
  bytes_read_ += static_cast<std::int64_t>(count);
  if (first_read_) {
    first_read_ = false;
    if (buffer_.size() >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) start_ = 3;
  }
  if (!input_) at_eof_ = true;
}

Result<bool> CsvReader::next(std::vector<std::string_view>& fields) {
  while (!error_) {
    const char* const begin = buffer_.data() + start_;
    const char* const end = buffer_.data() + buffer_.size();
    if (begin == end && at_eof_) {
      fields.clear();
      return false;
    }
    const char* after = nullptr;
    const auto split = begin == end
                           ? CsvSplit::incomplete  // nothing held: read first
                           : split_csv_record(begin, end, at_eof_, max_record_bytes_, fields, unescaped_, after);
    if (split == CsvSplit::record) {
      start_ = static_cast<std::size_t>(after - buffer_.data());
      if (fields.empty()) continue;  // a blank line
      ++record_number_;
      return true;
    }
    if (split == CsvSplit::incomplete) {
      fill();
      continue;
    }
    error_ = Error{ErrorCode::invalid_input,
                   "row " + std::to_string(record_number_ + 1) + ": " + csv_split_problem(split, max_record_bytes_)};
  }
  fields.clear();
  return *error_;
}

Result<bool> CsvReader::next(std::vector<std::string>& fields) {
  CLINAUDIT_TRY(const bool more, next(views_));
  fields.resize(views_.size());
  for (std::size_t i = 0; i < views_.size(); ++i) fields[i].assign(views_[i]);
  return more;
}

}  // namespace clinaudit::ingest
