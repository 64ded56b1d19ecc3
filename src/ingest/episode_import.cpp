#include "ingest/episode_import.hpp"

#include <set>

#include "ingest/episode_validator.hpp"

namespace clinaudit::ingest {

Result<EpisodeImportOutcome> import_episodes(std::istream& input, AuditId audit, const domain::Dataset& dataset,
                                             const References& references, const OpenEpisodeWriter& open_writer,
                                             const EpisodeImportOptions& options) {
  EpisodeImportOutcome outcome{ValidationReport(options.max_problems), {}, 0, 0, {}};
  EpisodeValidator validator(input, audit, dataset, references, outcome.report, options.chunk_rows);
  outcome.columns = validator.columns();

  std::unique_ptr<domain::EpisodeWriter> writer;
  if (!options.dry_run && outcome.report.clean()) {
    CLINAUDIT_TRY(auto opened, open_writer(outcome.columns));
    writer = std::move(opened);
  }
  domain::EpisodeColumns chunk;
  std::set<FinancialYear> years;
  while (validator.next_chunk(chunk)) {
    for (const Date day : chunk.admission_date) years.insert(FinancialYear::containing(day));
    if (writer && outcome.report.clean()) {
      CLINAUDIT_TRY_VOID(writer->append(chunk));
    } else if (writer) {
      writer.reset();  // a problem was found: roll back now and stop writing
    }
    if (options.progress) options.progress(validator.rows_read(), validator.bytes_read());
  }
  outcome.rows_read = validator.rows_read();
  outcome.years.assign(years.begin(), years.end());
  if (writer && outcome.report.clean()) {
    CLINAUDIT_TRY(auto committed, writer->commit());
    outcome.rows_written = committed;
  }
  return outcome;
}

}  // namespace clinaudit::ingest
