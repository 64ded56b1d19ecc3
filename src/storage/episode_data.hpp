#pragma once

// An episode's dataset values as the episodes table stores them: one flat JSON object per
// episode (migrations/0006_audit_datasets.sql): numbers as JSON numbers, yes/no as
// true/false, categories as strings, dates as "YYYY-MM-DD", a missing value absent.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/episode.hpp"

namespace clinaudit::storage {

// Appends row `row` of `episodes` as one JSON object to `out` (its columns in order,
// missing values left out).
void append_episode_data(std::string& out, const domain::EpisodeColumns& episodes, std::size_t row);

// Reads stored JSON objects into typed columns, one row at a time, without allocating per
// value (category strings aside): written for reading millions of episodes.
class EpisodeDataReader {
 public:
  // `columns` receives the values; its columns' names and types say what to read. Keys
  // the columns do not name are skipped.
  explicit EpisodeDataReader(domain::EpisodeColumns& columns);

  // Appends one row read from `json` to every column (missing where the object has no
  // value). Returns false, with a reason in `problem`, for text that is not such an object
  // or a value of the wrong type; the row is then appended as missing.
  bool append(std::string_view json, std::string& problem);

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  domain::EpisodeColumns& columns_;
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index_;
  std::string key_;  // reused buffers
  std::string value_;
};

}  // namespace clinaudit::storage
