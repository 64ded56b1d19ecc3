#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result_outliers.hpp"
#include "http/app.hpp"

namespace clinaudit::http {

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

// What confirming an import wrote, and what the outlier check of imported yearly results
// found (ingest::refresh_after_import).
struct ImportDone {
  std::int64_t rows = 0;
  std::vector<domain::ResultOutlierCheck> outlier_checks;
};

// An uploaded file as the checks read it: views into the request or into a held file.
struct ImportFile {
  std::string_view kind;  // one of ingest::kinds_open_to_people()
  std::string_view filename;
  std::string_view audit;  // the national audit's code, for an episode file
  std::string_view content;
};

// Checks `file` with the import service (ingest::check_import, which owns the rules) for
// the signed-in user, for the page to show. Holds and writes nothing. Errors: invalid_input for an unknown kind or a
// missing audit; forbidden for episodes from anyone but a national analyst; not_found for an unknown or local audit.
Result<ImportCheck> check_import(Context& context, const ImportFile& file);
// Checks again, then writes, in one transaction, a file that the import page held for
// confirmation, and refreshes what depends on it. Errors: not_found when the token is unknown
// or expired; invalid_input when the file no longer passes its checks; as the Store.
Result<ImportDone> confirm_import(Context& context, const std::string& token);

}  // namespace clinaudit::http
