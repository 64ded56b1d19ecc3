#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "ingest/episode_validator.hpp"
#include "ingest/references.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {

struct EpisodeImportOptions {
  std::size_t chunk_rows = EpisodeValidator::kDefaultChunkRows;
  std::size_t max_problems = ValidationReport::kDefaultCap;
  bool dry_run = false;  // validate only; never open a writer
  // Called after every chunk with the rows and bytes read so far (for progress).
  std::function<void(std::int64_t rows, std::int64_t bytes)> progress;
};

struct EpisodeImportOutcome {
  ValidationReport report;
  std::vector<std::string> columns;  // the dataset columns the file holds
  std::int64_t rows_read = 0;        // data rows in the file
  std::int64_t rows_written = 0;     // committed rows: 0 unless the report is clean and not a dry run
  std::vector<FinancialYear> years;  // the financial years of the rows' admissions, in order
};

// Opens the writer for an import once its columns are known (normally
// Store::begin_episodes for the audit).
using OpenEpisodeWriter =
    std::function<Result<std::unique_ptr<domain::EpisodeWriter>>(const std::vector<std::string>& columns)>;

// Streams an episode file through EpisodeValidator (against the audit's `dataset`) into one EpisodeWriter transaction:
// good chunks are appended while the report is clean; from the first problem on, the
// rest of the file is still validated (to report everything up to the cap) but nothing
// more is written, and the writer is dropped at the end, which rolls the import back.
// Only a clean file is committed, whole. Memory is bounded by one chunk.
// Errors: those of the writer (storage_unavailable, not_found, ...); the import is then
// rolled back. Bad rows are not errors: they are in the outcome's report.
Result<EpisodeImportOutcome> import_episodes(std::istream& input, AuditId audit, const domain::Dataset& dataset,
                                             const References& references, const OpenEpisodeWriter& open_writer,
                                             const EpisodeImportOptions& options = {});

}  // namespace clinaudit::ingest
