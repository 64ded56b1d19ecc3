#pragma once

// What the strict libcsv parser makes of a text: the reference the CSV splitting
// (csv_records.hpp) is compared with, by its unit tests and its fuzz target. Not used by the
// product, which does not link libcsv.

#include <csv.h>

#include <string>
#include <utility>
#include <vector>

namespace clinaudit::ingest {

struct LibcsvRecords {
  std::vector<std::vector<std::string>> records;  // those completed before any error
  bool malformed = false;
};

inline LibcsvRecords libcsv_records(const std::string& text) {
  struct Collected {
    std::vector<std::string> record;
    std::vector<std::vector<std::string>> records;
  } collected;
  const auto on_field = [](void* data, std::size_t size, void* self) {
    static_cast<Collected*>(self)->record.emplace_back(static_cast<const char*>(data), size);
  };
  const auto on_record = [](int /*terminator*/, void* self) {
    auto* into = static_cast<Collected*>(self);
    into->records.push_back(std::move(into->record));
    into->record.clear();
  };
  csv_parser parser{};
  csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  LibcsvRecords reference;
  reference.malformed = csv_parse(&parser, text.data(), text.size(), on_field, on_record, &collected) != text.size();
  if (!reference.malformed) reference.malformed = csv_fini(&parser, on_field, on_record, &collected) != 0;
  csv_free(&parser);
  reference.records = std::move(collected.records);
  return reference;
}

}  // namespace clinaudit::ingest
