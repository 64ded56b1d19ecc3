#pragma once

#include <string>
#include <vector>

#include "http/app.hpp"

namespace clinaudit::http {

// The kinds of CSV file the web application imports (docs/csv-import.md has the columns).
// Episodes (patient-level national data) are for national analysts only.
inline constexpr const char* kWebImportKinds[] = {"participation", "results", "episodes"};

// What validating an uploaded file found. Problems carry the spreadsheet row and column.
struct ImportCheck {
  std::string kind;
  std::string filename;
  std::int64_t rows = 0;
  struct Problem {
    std::int64_t row = 0;
    std::string column;
    std::string value;
    std::string message;
  };
  std::string detail;  // e.g. the audit and covariates of an episode file
  std::vector<Problem> problems;
  std::int64_t total_problems = 0;
  std::string token;  // set when clean: confirm with it
};

// Validates `content` as a CSV file of `kind` for the signed-in user: rows must name the
// user's own organisation (any organisation for a national analyst), audits the user may
// see (another organisation's local audit is an unknown code), and only a national analyst
// may mark results published. When clean, holds
// the records for confirmation. An episode file names its audit by code in `audit`.
// Errors: invalid_input for an unknown kind or a missing audit; forbidden for episodes
// from anyone but a national analyst; not_found for an unknown or local audit.
Result<ImportCheck> check_import(Context& context, const std::string& kind, const std::string& filename,
                                 const std::string& content, const std::string& audit = {});
// Writes a checked import in one transaction. Errors: not_found when the token is unknown
// or expired; as the Store.
Result<std::int64_t> confirm_import(Context& context, const std::string& token);

}  // namespace clinaudit::http
