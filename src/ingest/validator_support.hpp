#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "domain/audit.hpp"
#include "domain/organisation.hpp"
#include "ingest/references.hpp"
#include "ingest/row_reader.hpp"

// Pieces the import validators share: resolving codes and finding repeated rows.
namespace clinaudit::ingest::support {

// The organisation or audit named in `column` of the current row; an unknown code is
// reported ("'RZZ' is not a known organisation") and gives nullptr, as does an empty cell.
const domain::Organisation* organisation(RowReader& rows, std::size_t column, const References& references);
const domain::Audit* audit(RowReader& rows, std::size_t column, const References& references);

// The code in `column` if it is 1 to `max_length` letters, digits or "-_./" characters
// (reported otherwise); nullopt when empty.
std::optional<std::string> code(RowReader& rows, std::size_t column, std::size_t max_length);

// Remembers the row on which each key was first seen, to report a repeated record.
class FirstSeen {
 public:
  // True the first time `key` is given; otherwise reports the current row's `column`
  // as repeating `what` first given on an earlier row, and returns false.
  bool first(const std::string& key, RowReader& rows, std::size_t column, std::string_view what);

 private:
  std::unordered_map<std::string, std::int64_t> rows_;
};

}  // namespace clinaudit::ingest::support
