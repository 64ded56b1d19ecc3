#pragma once

// An episode's dataset values as the episodes table stores them: one JSON list per episode in
// the order of its import's columns (episode_imports.column_names), or, for episodes stored
// before version 29 of the schema, one flat JSON object with the columns' names
// (migrations/0006_audit_datasets.sql): numbers as JSON numbers, yes/no as true/false,
// categories as strings, dates as "YYYY-MM-DD", a missing value null or absent.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_map.hpp"
#include "domain/episode.hpp"

namespace clinaudit::storage {

// Appends row `row` of `episodes` as one JSON object to `out` (its columns in order,
// missing values left out). The form of episodes stored before version 29 of the schema.
void append_episode_data(std::string& out, const domain::EpisodeColumns& episodes, std::size_t row);

// Appends row `row` of `episodes` as one JSON array of its values, in the order of its columns
// (which its import stores once, in episode_imports.column_names), a missing value as null.
// The form the store writes: the object repeated every column's name on every episode (a
// million episodes took 235 MB in SQLite as objects, 74 MB as lists).
void append_episode_values(std::string& out, const domain::EpisodeColumns& episodes, std::size_t row);

// Reads stored JSON lists and objects into typed columns, one row at a time, without allocating per
// value (category strings aside): written for reading millions of episodes.
class EpisodeDataReader {
 public:
  // `columns` receives the values; its columns' names and types say what to read. Keys
  // the columns do not name are skipped.
  explicit EpisodeDataReader(domain::EpisodeColumns& columns);

  // Where each of an import's columns goes: the index of the reader's column of that name, or
  // -1 for a column the reader does not read.
  using Slots = std::vector<std::ptrdiff_t>;
  Slots slots_for(const std::vector<std::string>& import_columns) const;

  // Appends one row read from `json` to every column (missing where it has no value): a JSON
  // object, or a JSON array whose values go to `slots` (those of the row's import). Returns
  // false, with a reason in `problem`, for text that is neither, an array of another length
  // than `slots` or none given, or a value of the wrong type; the row is then appended as missing.
  bool append(std::string_view json, std::string& problem, const Slots* slots = nullptr);

 private:
  // Reads `json` into the row being read (row_ and the last text of each category column).
  bool read_row(std::string_view json, std::string& problem, const Slots* slots);

  domain::EpisodeColumns& columns_;
  std::vector<double> row_;  // the numbers of the row being read, by column, missing until read
  TextMap<std::size_t> index_;
  // Reads the value at `at` into the row's value of column `slot` when it is of the usual kind:
  // a whole number as core/whole_numbers.hpp reads it for a number column, or true/false for a
  // yes/no, as the store writes them, followed by a list's comma or end. Returns false, having
  // read nothing, for anything else (read_value's to read). Most of a national read's values;
  // about half its time went in read_value's general checks.
  bool read_usual_value(const char*& at, const char* end, std::ptrdiff_t slot);
  // Reads one value at `at` into the row's value of column `slot` (-1: skipped), named `name`
  // in messages.
  bool read_value(const char*& at, const char* end, std::ptrdiff_t slot, std::string_view name, std::string& problem);

  std::string key_;  // reused buffers
  std::string value_;
};

}  // namespace clinaudit::storage
