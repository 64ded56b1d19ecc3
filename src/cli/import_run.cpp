#include "cli/import_run.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.hpp"
#include "cli/import_progress.hpp"
#include "core/date.hpp"
#include "domain/result_outliers.hpp"
#include "domain/store.hpp"
#include "ingest/import_service.hpp"
#include "ingest/stored_analyses.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {
namespace {

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return with_thousands(n) + " " + std::string(n == 1 ? one : many);
}

domain::Actor import_actor() {
  const char* user = std::getenv("USER");
  return domain::Actor{std::nullopt,
                       std::string("clinaudit import") + (user != nullptr ? std::string(" by ") + user : "")};
}

// Prints the report of a file with problems and returns the error that ends the command.
Error refuse(const ingest::ValidationReport& report, std::int64_t rows, const ImportRequest& request,
             std::ostream& out) {
  out << report.to_text();
  out.flush();
  return Error{ErrorCode::invalid_input, request.file + ": " + plural(report.total(), "problem", "problems") + " in " +
                                             plural(rows, "data row", "data rows") + "; nothing was imported"};
}

// The record's name, singular and plural, for "imported 12 results for audit NHFD".
struct Noun {
  std::string_view one;
  std::string_view many;
};

Noun noun_of(ingest::ImportKind kind) {
  switch (kind) {
    case ingest::ImportKind::organisations: return {"organisation", "organisations"};
    case ingest::ImportKind::audits: return {"audit", "audits"};
    case ingest::ImportKind::qa_list: return {"Quality Account list entry", "Quality Account list entries"};
    case ingest::ImportKind::participation: return {"participation record", "participation records"};
    case ingest::ImportKind::results: return {"result", "results"};
    case ingest::ImportKind::episodes: return {"episode", "episodes"};
    case ingest::ImportKind::survey_responses: return {"response", "responses"};
    case ingest::ImportKind::measures: return {"measure", "measures"};
    case ingest::ImportKind::reports: return {"report", "reports"};
    case ingest::ImportKind::report_reviews: return {"report review", "report reviews"};
    case ingest::ImportKind::dataset: return {"dataset", "datasets"};
    case ingest::ImportKind::nice_guidance: return {"piece of NICE guidance", "pieces of NICE guidance"};
  }
  return {"record", "records"};
}

// Prints what the service found and landed, as the command line shows it.
Result<void> show(const ingest::ImportReport& report, const ImportRequest& request, std::ostream& out) {
  if (!report.report.clean()) return refuse(report.report, report.rows, request, out);
  const auto noun = noun_of(report.kind);
  std::string detail = report.about;
  if (report.kind == ingest::ImportKind::episodes) {
    std::string columns;
    for (const auto& name : report.columns) columns += (columns.empty() ? "" : ", ") + name;
    detail += report.columns.empty() ? " (no dataset columns)" : " (columns: " + columns + ")";
  }
  if (request.dry_run) {
    out << request.file << ": no problems in " << plural(report.rows, "data row", "data rows") << "; would import "
        << plural(report.records, noun.one, noun.many) << detail << " (dry run: nothing was written)\n";
  } else {
    out << "imported " << plural(report.written, noun.one, noun.many) << detail << "\n";
  }
  return {};
}

}  // namespace

const std::vector<std::string>& import_kinds() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    names.reserve(ingest::import_kinds().size());
    for (const auto kind : ingest::import_kinds()) names.emplace_back(ingest::import_kind_name(kind));
    return names;
  }();
  return kNames;
}

Result<void> run_import(const ImportRequest& request, std::ostream& out) {
  const auto kind = ingest::import_kind_named(request.kind);
  if (!kind) return Error{ErrorCode::invalid_input, "unknown import kind '" + request.kind + "'"};
  if (*kind == ingest::ImportKind::episodes && request.audit_code.empty()) {
    return Error{ErrorCode::invalid_input, "episodes belong to one audit: give its code with --audit CODE"};
  }
  if (*kind == ingest::ImportKind::survey_responses && request.survey_id <= 0) {
    return Error{ErrorCode::invalid_input, "survey responses answer one survey: give its id with --survey ID"};
  }
  if (*kind == ingest::ImportKind::nice_guidance && request.organisation_code.empty()) {
    return Error{ErrorCode::invalid_input,
                 "a NICE guidance register is one trust's: give the trust's code with --org CODE"};
  }
  CLINAUDIT_TRY(const Date today, as_of_date(request.as_of));
  std::ifstream file;
  std::istream* input = &std::cin;
  std::int64_t file_size = 0;
  if (request.file != "-") {
    file.open(request.file, std::ios::binary);
    if (!file) return Error{ErrorCode::not_found, "cannot open '" + request.file + "'"};
    std::error_code ignored;
    file_size = static_cast<std::int64_t>(std::filesystem::file_size(request.file, ignored));
    input = &file;
  }
  CLINAUDIT_TRY(auto store, storage::open_store(request.database_url));
  ImportProgress progress(file_size);
  ingest::ImportFile file_import{*kind, input, request.audit_code, request.survey_id, request.max_errors, {}};
  file_import.organisation_code = request.organisation_code;
  if (*kind == ingest::ImportKind::episodes) {
    file_import.progress = [&progress](std::int64_t rows, std::int64_t bytes) { progress.update(rows, bytes); };
  }
  // The command line is the operator's, who holds the whole database: every kind, and it may publish.
  const ingest::Importer importer{std::nullopt, import_actor()};
  auto report = request.dry_run ? ingest::check_import(*store, importer, file_import)
                                : ingest::commit_import(*store, importer, file_import);
  if (*kind == ingest::ImportKind::episodes) progress.finish();
  if (!report) {
    if (*kind == ingest::ImportKind::episodes && report.error().code == ErrorCode::not_found) {
      return Error{ErrorCode::not_found, report.error().message + " (import it first with 'clinaudit import audits')"};
    }
    return report.error();
  }
  CLINAUDIT_TRY_VOID(show(*report, request, out));
  // Written episodes and results change the stored analyses the dashboards read, and yearly
  // results are checked for outliers. The import stands if those fail, as through the web:
  // the daily job computes and checks them again.
  const auto refreshed = ingest::refresh_after_import(*store, importer, *report, today, CLINAUDIT_VERSION);
  if (!refreshed) {
    std::cerr << "warning: stored analyses after the import: " << refreshed.error().message << "\n";
    return {};
  }
  for (const auto& check : refreshed->outlier_checks) {
    out << "checked " << check.audit_code << ' ' << check.measure.code << ' ' << check.period << ": "
        << domain::result_check_findings(check) << "\n";
  }
  return {};
}

}  // namespace clinaudit::cli
