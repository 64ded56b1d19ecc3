// libFuzzer target for the CSV reader: any bytes must give records or a clean
// invalid_input error, never a crash, a hang or an out-of-bounds read.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream input(std::string(reinterpret_cast<const char*>(data), size));
  clinaudit::ingest::CsvReader reader(input);
  std::vector<std::string> fields;
  std::int64_t previous = 0;
  while (true) {
    auto more = reader.next(fields);
    if (!more || !*more) break;
    // Record numbers rise by one per record.
    if (reader.record_number() != previous + 1) __builtin_trap();
    previous = reader.record_number();
  }
  if (reader.bytes_read() > static_cast<std::int64_t>(size)) __builtin_trap();
  return 0;
}
