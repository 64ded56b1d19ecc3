#include "cli/import_run.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "cli/import_progress.hpp"
#include "domain/store.hpp"
#include "ingest/episode_import.hpp"
#include "ingest/import_validators.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {
namespace {

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return with_thousands(n) + " " + std::string(n == 1 ? one : many);
}

// Every organisation, audit and measure, for resolving the codes a file names.
Result<ingest::References> load_references(domain::Store& store) {
  ingest::References references;
  auto organisations = store.organisations();
  if (!organisations) return organisations.error();
  for (const auto& organisation : *organisations) references.add_organisation(organisation);
  auto audits = store.audits(domain::AuditFilter{});
  if (!audits) return audits.error();
  for (const auto& audit : *audits) {
    references.add_audit(audit);
    auto measures = store.measures_of(audit.id);
    if (!measures) return measures.error();
    for (const auto& measure : *measures) references.add_measure(measure);
  }
  return references;
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

// Writes a validated batch with `write` (one store call, one transaction), or only says
// it would have when this is a dry run.
// `noun` is the record's name, singular and plural; `suffix` follows it ("for audit NHFD").
struct Noun {
  std::string one;
  std::string many;
  std::string suffix;
};

template <typename Record, typename Write>
Result<void> land(const ingest::Validated<Record>& validated, const ImportRequest& request, std::ostream& out,
                  const Noun& noun, Write write) {
  if (!validated.report.clean()) return refuse(validated.report, validated.rows, request, out);
  const auto count = static_cast<std::int64_t>(validated.records.size());
  const std::string what = plural(count, noun.one, noun.many) + noun.suffix;
  if (request.dry_run) {
    out << request.file << ": no problems in " << plural(validated.rows, "data row", "data rows") << "; would import "
        << what << " (dry run: nothing was written)\n";
    return {};
  }
  if (auto written = write(validated.records); !written) return written.error();
  out << "imported " << what << "\n";
  return {};
}

std::string joined(const std::set<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

Result<void> import_episodes(std::istream& input, std::int64_t file_size, domain::Store& store,
                             const ingest::References& references, const ImportRequest& request, std::ostream& out) {
  if (request.audit_code.empty()) {
    return Error{ErrorCode::invalid_input, "episodes belong to one audit: give its code with --audit CODE"};
  }
  const auto* audit = references.audit(request.audit_code);
  if (audit == nullptr) {
    return Error{ErrorCode::not_found,
                 "there is no audit '" + request.audit_code + "' (import it first with 'clinaudit import audits')"};
  }
  ImportProgress progress(file_size);
  ingest::EpisodeImportOptions options;
  options.max_problems = request.max_errors;
  options.dry_run = request.dry_run;
  options.progress = [&progress](std::int64_t rows, std::int64_t bytes) { progress.update(rows, bytes); };
  const auto actor = import_actor();
  auto outcome = ingest::import_episodes(
      input, audit->id, references,
      [&](const std::vector<std::string>& covariates) { return store.begin_episodes(audit->id, covariates, actor); },
      options);
  progress.finish();
  if (!outcome) return outcome.error();
  if (!outcome->report.clean()) return refuse(outcome->report, outcome->rows_read, request, out);
  std::string covariates;
  for (const auto& name : outcome->covariates) covariates += (covariates.empty() ? "" : ", ") + name;
  const std::string detail = outcome->covariates.empty() ? " (no covariates)" : " (covariates: " + covariates + ")";
  if (request.dry_run) {
    out << request.file << ": no problems in " << plural(outcome->rows_read, "data row", "data rows")
        << "; would import " << plural(outcome->rows_read, "episode", "episodes") << " for audit " << audit->code
        << detail << " (dry run: nothing was written)\n";
  } else {
    out << "imported " << plural(outcome->rows_written, "episode", "episodes") << " for audit " << audit->code << detail
        << "\n";
  }
  return {};
}

Result<void> import_small(std::istream& input, domain::Store& store, const ingest::References& references,
                          const ImportRequest& request, std::ostream& out) {
  // The command line is the operator's, who holds the whole database: it may publish.
  const ingest::ValidationOptions options{request.max_errors, true};
  const auto actor = import_actor();
  const auto& kind = request.kind;
  if (kind == "organisations") {
    const auto validated = ingest::validate_organisations(input, references, options);
    return land(validated, request, out, Noun{"organisation", "organisations", ""},
                [&](const auto& rows) -> Result<void> {
                  auto ids = store.add_organisations(rows, actor);
                  if (!ids) return ids.error();
                  return {};
                });
  }
  if (kind == "audits") {
    const auto validated = ingest::validate_audits(input, references, options);
    return land(validated, request, out, Noun{"audit", "audits", ""}, [&](const auto& rows) -> Result<void> {
      auto ids = store.add_audits(rows, actor);
      if (!ids) return ids.error();
      return {};
    });
  }
  if (kind == "qa-list") {
    const auto validated = ingest::validate_qa_list(input, references, options);
    std::set<std::string> years;
    for (const auto& entry : validated.records) years.insert(entry.year.to_string());
    return land(validated, request, out,
                Noun{"Quality Account list entry", "Quality Account list entries", " for " + joined(years)},
                [&](const auto& rows) { return store.set_qa_list(rows, actor); });
  }
  if (kind == "participation") {
    const auto validated = ingest::validate_participation(input, references, options);
    std::set<std::string> years;
    for (const auto& record : validated.records) years.insert(record.year.to_string());
    return land(validated, request, out, Noun{"participation record", "participation records", " for " + joined(years)},
                [&](const auto& rows) { return store.upsert_participation(rows, actor); });
  }
  if (kind == "results") {
    const auto validated = ingest::validate_results(input, references, options);
    std::set<std::int64_t> measures;
    for (const auto& result : validated.records) measures.insert(result.measure_id.value);
    std::set<std::string> audits;
    for (const auto id : measures) {
      auto measure = store.measure(MeasureId{id});
      if (!measure) continue;
      if (auto audit = store.audit(measure->audit_id)) audits.insert(audit->code);
    }
    return land(validated, request, out,
                Noun{"result", "results", (audits.size() == 1 ? " for audit " : " for audits ") + joined(audits)},
                [&](const auto& rows) { return store.add_results(rows, actor); });
  }
  if (kind == "survey-responses") {
    if (request.survey_id <= 0) {
      return Error{ErrorCode::invalid_input, "survey responses answer one survey: give its id with --survey ID"};
    }
    auto survey = store.survey(SurveyId{request.survey_id});
    if (!survey) return survey.error();
    const auto validated = ingest::validate_survey_responses(input, *survey, options);
    return land(validated, request, out, Noun{"response", "responses", " to survey '" + survey->title + "'"},
                [&](const auto& rows) { return store.add_survey_responses(rows, actor); });
  }
  return Error{ErrorCode::invalid_input, "unknown import kind '" + kind + "'"};
}

}  // namespace

const std::vector<std::string>& import_kinds() {
  static const std::vector<std::string> kKinds{"organisations", "audits",   "qa-list",         "participation",
                                               "results",       "episodes", "survey-responses"};
  return kKinds;
}

Result<void> run_import(const ImportRequest& request, std::ostream& out) {
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
  auto store = storage::open_store(request.database_url);
  if (!store) return store.error();
  auto references = load_references(**store);
  if (!references) return references.error();
  if (request.kind == "episodes") return import_episodes(*input, file_size, **store, *references, request, out);
  return import_small(*input, **store, *references, request, out);
}

}  // namespace clinaudit::cli
