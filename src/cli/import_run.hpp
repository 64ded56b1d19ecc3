#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::cli {

// What `clinaudit import` was asked to do (docs/cli.md, docs/csv-import.md).
struct ImportRequest {
  std::string kind;  // organisations, audits, qa-list, participation, results, episodes, survey-responses
  std::string file;  // "-" for standard input
  std::string database_url;
  std::string audit_code;         // episodes: the audit the episodes belong to
  std::int64_t survey_id = 0;     // survey-responses: the survey answered
  std::string organisation_code;  // nice-guidance: the trust whose register it is
  std::size_t max_errors = 100;   // problems listed before "and N more"
  bool dry_run = false;           // validate only
  std::string as_of;              // the import's date, YYYY-MM-DD, for the checks it runs; empty: today
};

// The import kinds, in the order the help lists them.
const std::vector<std::string>& import_kinds();

// Validates the file and, when it has no problem and this is not a dry run, writes it
// to the store in one transaction. Writes the validation report (one problem a line)
// and what landed ("imported 1,234 results for audit NHFD") to `out`, then each outlier check
// of the imported yearly results (ingest::refresh_after_import; "checked HCAI cdi 2025/26: 20
// providers, ..."); progress goes to standard error when it is a terminal.
// Errors: invalid_input when the file has any problem (nothing is written) or as_of is no
// date, not_found
// for a missing file, audit or survey, and the store's errors (the import rolls back).
Result<void> run_import(const ImportRequest& request, std::ostream& out);

}  // namespace clinaudit::cli
