#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {

// One import service for the command line and the web: check a CSV file of a kind for
// whoever imports it, giving a report; commit it when the report is clean. The callers
// differ only in how they show the report and which kinds they offer.

// The kinds of CSV file clinaudit imports (docs/csv-import.md has their columns).
enum class ImportKind {
  organisations,
  audits,
  qa_list,
  participation,
  results,
  episodes,
  survey_responses,
  measures,
  reports,         // published audit reports and their recommendations
  report_reviews,  // an organisation's reviews of them
  dataset,         // a national audit's patient-level dataset
  nice_guidance,   // a trust's NICE guidance register and each guidance's recommendations
};

// Every kind, in the order the command line's help lists them.
const std::vector<ImportKind>& import_kinds();
// The kind's name on the command line, in the web's API path and in its form: "qa-list".
std::string_view import_kind_name(ImportKind kind);
std::optional<ImportKind> import_kind_named(std::string_view name);

// Who imports: the operator's command line, who holds the whole database, or a signed-in
// person, whose role and organisation limit what the file may hold.
struct Importer {
  std::optional<domain::Principal> person;  // absent: the operator
  domain::Actor actor;                      // named in the audit log
};

// The kinds a person may ever import (the web's offer): participation, results, episodes,
// the register's kinds (organisations, audits, qa-list) for its managers and measures for
// those who set up audits.
std::vector<ImportKind> kinds_open_to_people();
// Whether `importer` may import files of `kind`: the operator every kind; a person whose
// role holds the import permission participation and results, a national analyst
// patient-level episodes too, the national body's administrators (manage_register) the
// register's kinds, those who set up measures (manage_measures) measures, and a person who
// records reports (record_reports) published reports and, of a trust (not the national
// body), its reviews of them, and a trust's audit managers and administrators
// (domain::may_manage_nice_register) its NICE guidance register.
bool may_import(const Importer& importer, ImportKind kind);

// A file to import. `input` is read once, from its start.
struct ImportFile {
  ImportKind kind = ImportKind::participation;
  std::istream* input = nullptr;
  std::string audit_code;      // episodes: the audit they belong to
  std::int64_t survey_id = 0;  // survey responses: the survey answered
  std::size_t max_problems = ValidationReport::kDefaultCap;
  // Episodes: called with the rows and bytes read so far, for progress.
  std::function<void(std::int64_t rows, std::int64_t bytes)> progress;
  // NICE guidance imported by the operator: the code of the trust whose register it is (a
  // person's is always their own organisation's).
  std::string organisation_code = {};
};

// What checking (and committing) a file found.
struct ImportReport {
  ImportKind kind = ImportKind::participation;
  ValidationReport report;           // every problem, with row and column; clean() when importable
  std::int64_t rows = 0;             // data rows read
  std::int64_t records = 0;          // records the file holds (episodes: the rows read)
  std::int64_t written = 0;          // records committed: 0 unless clean and committed
  std::string about;                 // what the records are for: " for 2023/24", " for audit NHFD"
  AuditId audit;                     // episodes: their audit
  std::string audit_code;            // episodes: their audit's code
  std::vector<std::string> columns;  // episodes: the dataset columns the file holds
  std::vector<MeasureId> measures;   // results: the measures they are for
  std::vector<FinancialYear> years;  // episodes: the financial years of their admissions
};

// Checks `file` for `importer` and writes nothing. The rules: `may_import`; codes must be
// known (to a person, another organisation's local audit is unknown); a person's rows must
// name their own organisation unless they are a national analyst; only the operator and
// national analysts may mark results published; a person's episodes belong to a national
// audit; NICE guidance goes into the register of the importer's organisation. Bad rows are in
// the report, not errors.
// Errors: forbidden when the importer may not import the kind; invalid_input for episodes
// without an audit, survey responses without a survey, or the operator's NICE guidance
// without a trust; not_found for an unknown audit, survey or organisation; the store's errors.
Result<ImportReport> check_import(domain::Store& store, const Importer& importer, const ImportFile& file);

// Checks `file` again and, when its report is clean, writes it in one transaction (with
// its audit-log entry). A report with problems is returned with nothing written.
// Errors: as check_import, and the store's (the import is then rolled back).
Result<ImportReport> commit_import(domain::Store& store, const Importer& importer, const ImportFile& file);

}  // namespace clinaudit::ingest
