// libFuzzer target for the CSV reader: any bytes must give records or a clean invalid_input
// error, never a crash, a hang or an out-of-bounds read; and the records must be those the strict
// libcsv parser, an independent implementation of the same rules, makes of the same bytes, with
// an error where it finds one.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "ingest/libcsv_reference.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::istringstream input(text);
  clinaudit::ingest::CsvReader reader(input);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  bool malformed = false;
  while (true) {
    auto more = reader.next(fields);
    if (!more) {
      if (more.error().code != clinaudit::ErrorCode::invalid_input) __builtin_trap();
      malformed = true;
      break;
    }
    if (!*more) break;
    records.push_back(fields);
    // Record numbers rise by one per record.
    if (reader.record_number() != static_cast<std::int64_t>(records.size())) __builtin_trap();
  }
  if (reader.bytes_read() > static_cast<std::int64_t>(size)) __builtin_trap();
  // The reader skips a byte order mark; libcsv is given the text without it.
  const bool marked = size >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0;
  const auto reference = clinaudit::ingest::libcsv_records(marked ? text.substr(3) : text);
  if (malformed != reference.malformed || records != reference.records) __builtin_trap();
  return 0;
}
