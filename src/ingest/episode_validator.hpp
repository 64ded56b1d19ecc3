#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "domain/episode.hpp"
#include "ingest/references.hpp"
#include "ingest/row_reader.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {

// Validates a patient-level episode file for one audit, chunk by chunk, so that a file
// of millions of rows is never held in memory (docs/csv-import.md, "episodes").
// Columns: organisation_code (the provider; also "provider_code" or "provider"),
// admission_date (also "admit_date"), outcome (0/1, also yes/no; the column may be
// called "died", "death" or "event"); every other column is a case-mix
// covariate, kept as text under its header name (an empty cell is a missing value).
// Problems go to `report` (see RowReader); rows with a problem are left out of the
// chunks. The caller decides what a problem means for rows already handed out.
// Not thread-safe; the stream, references and report must outlive the validator.
class EpisodeValidator {
 public:
  static constexpr std::size_t kDefaultChunkRows = 65536;

  // Reads the header row (its problems go to `report` at once).
  EpisodeValidator(std::istream& input, AuditId audit, const References& references, ValidationReport& report,
                   std::size_t chunk_rows = kDefaultChunkRows);

  // The covariate columns, in file order, as the header names them.
  const std::vector<std::string>& covariates() const { return rows_.extra_names(); }

  // Replaces `chunk` with the next up to chunk_rows good rows (audit and covariate names
  // set). Returns false, with `chunk` empty, once the input is exhausted.
  bool next_chunk(domain::EpisodeColumns& chunk);

  std::int64_t rows_read() const { return rows_.rows_read(); }
  std::int64_t bytes_read() const { return rows_.bytes_read(); }

 private:
  std::optional<OrganisationId> provider();

  RowReader rows_;
  AuditId audit_;
  const References& references_;
  std::size_t chunk_rows_;
  // The last provider looked up: national files are usually sorted by provider.
  std::string last_code_;
  OrganisationId last_id_;
};

}  // namespace clinaudit::ingest
