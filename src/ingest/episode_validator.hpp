#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/text_map.hpp"
#include "domain/dataset.hpp"
#include "domain/episode.hpp"
#include "ingest/references.hpp"
#include "ingest/row_reader.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {

// Validates a patient-level episode file for one audit against the audit's dataset, chunk
// by chunk, so that a file of millions of rows is never held in memory (docs/csv-import.md,
// "episodes"). Columns: organisation_code (the provider; also "provider_code" or
// "provider"), admission_date (also "admit_date"), then the dataset's columns by name.
// Each cell is checked against its column: its type (a number; yes/no as yes/no, y/n,
// true/false or 1/0; a category among the allowed values; a date), a value where the
// column is required, the number's range. A column the dataset does not declare, and a
// required column the file lacks, are reported against the header.
// Problems go to `report` (see RowReader), naming row and column; rows with a problem are
// left out of the chunks. The caller decides what a problem means for rows already handed
// out. Not thread-safe; the stream, references and report must outlive the validator.
class EpisodeValidator {
 public:
  // Small enough that the writer starts and finishes soon after the validator (an import of 1M
  // episodes into PostgreSQL: 1.21 to 1.25 s against 1.23 to 1.33 s with 65,536, taking turns).
  static constexpr std::size_t kDefaultChunkRows = 16384;

  // Reads the header row (its problems go to `report` at once).
  EpisodeValidator(std::istream& input, AuditId audit, domain::Dataset dataset, const References& references,
                   ValidationReport& report, std::size_t chunk_rows = kDefaultChunkRows);

  // The dataset columns the file has, in the dataset's order: the chunks' columns.
  const std::vector<std::string>& columns() const { return names_; }

  // Replaces `chunk` with the next up to chunk_rows good rows (audit and columns set).
  // Returns false, with `chunk` empty, once the input is exhausted.
  bool next_chunk(domain::EpisodeColumns& chunk);

  std::int64_t rows_read() const { return rows_.rows_read(); }
  std::int64_t bytes_read() const { return rows_.bytes_read(); }

 private:
  std::optional<OrganisationId> provider();
  // Reads the current row's cell of dataset column `c` into the chunk's column `into`.
  void read_cell(const domain::DatasetColumn& column, std::size_t spec, domain::EpisodeColumn& into);

  domain::Dataset dataset_;  // before rows_: its names are the reader's column specs
  RowReader rows_;
  AuditId audit_;
  const References& references_;
  std::size_t chunk_rows_;
  std::vector<std::size_t> present_;  // dataset column indexes the file has, in order
  std::vector<std::string> names_;
  // Providers found so far, by their code as the file writes it: a national file names a few
  // hundred providers in millions of rows, so most rows need no case folding of the code and no
  // look-up among every organisation. Only known codes are kept (at most one per organisation).
  TextMap<OrganisationId> known_providers_;
};

}  // namespace clinaudit::ingest
