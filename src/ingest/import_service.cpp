#include "ingest/import_service.hpp"

#include <array>
#include <memory>
#include <set>
#include <utility>

#include "ingest/cell_parsers.hpp"
#include "ingest/episode_import.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/references.hpp"

namespace clinaudit::ingest {
namespace {

// Who may import a kind besides the operator, who may import every kind.
enum class OpenTo { operator_only, people, national_analysts };

struct KindRule {
  ImportKind kind;
  std::string_view name;
  OpenTo open_to;
};

// The one list of kinds, in the order the command line's help lists them.
constexpr std::array<KindRule, 8> kKinds{{
    {ImportKind::organisations, "organisations", OpenTo::operator_only},
    {ImportKind::audits, "audits", OpenTo::operator_only},
    {ImportKind::qa_list, "qa-list", OpenTo::operator_only},
    {ImportKind::participation, "participation", OpenTo::people},
    {ImportKind::results, "results", OpenTo::people},
    {ImportKind::episodes, "episodes", OpenTo::national_analysts},
    {ImportKind::survey_responses, "survey-responses", OpenTo::operator_only},
    {ImportKind::dataset, "dataset", OpenTo::national_analysts},
}};

const KindRule& rule_of(ImportKind kind) {
  for (const auto& rule : kKinds) {
    if (rule.kind == kind) return rule;
  }
  return kKinds.front();
}

bool is_national(const Importer& importer) {
  return importer.person && importer.person->role == domain::Role::national_analyst;
}

// Why a person may not import a kind, in their words.
Error refusal(const Importer& importer, ImportKind kind) {
  if (!domain::allows(*importer.person, domain::Permission::import_data)) {
    return Error{ErrorCode::forbidden, "your role does not import files"};
  }
  if (rule_of(kind).open_to == OpenTo::national_analysts) {
    return Error{ErrorCode::forbidden, "patient-level episodes are imported by the national audit's analysts"};
  }
  return Error{ErrorCode::forbidden,
               std::string(import_kind_name(kind)) + " files are imported by the operator on the command line"};
}

// The codes a file may name, as the importer sees them: to a person, another
// organisation's local audit does not exist (the same answer as a code that exists nowhere).
Result<References> load_references(domain::Store& store, const Importer& importer) {
  References references;
  if (importer.person) references.see_audits_as(importer.person->organisation_id);
  CLINAUDIT_TRY(auto organisations, store.organisations());
  for (const auto& organisation : organisations) references.add_organisation(organisation);
  CLINAUDIT_TRY(auto audits, store.audits(domain::AuditFilter{}));
  for (const auto& audit : audits) {
    references.add_audit(audit);
    CLINAUDIT_TRY(auto measures, store.measures_of(audit.id));
    for (const auto& measure : measures) references.add_measure(measure);
  }
  return references;
}

// Organisation scope: a trust imports its own rows only; a national analyst any.
template <typename Record>
void check_scope(const Importer& importer, const Validated<Record>& validated, ValidationReport& report) {
  if (!importer.person || is_national(importer)) return;
  for (std::size_t i = 0; i < validated.records.size(); ++i) {
    if (validated.records[i].organisation_id != importer.person->organisation_id) {
      report.add(static_cast<std::int64_t>(i) + 2, "organisation_code",
                 "names another organisation; you can import rows for your own organisation only");
    }
  }
}

std::string joined(const std::set<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// Fills the report from a validated batch and, when asked and clean, writes it with
// `write` (one store call, one transaction).
template <typename Record, typename Write>
Result<ImportReport> land(ImportReport report, Validated<Record> validated, bool commit, Write write) {
  report.rows = validated.rows;
  report.records = static_cast<std::int64_t>(validated.records.size());
  report.report = std::move(validated.report);
  if (!commit || !report.report.clean()) return report;
  CLINAUDIT_TRY_VOID(write(validated.records));
  report.written = report.records;
  return report;
}

// The audit episodes belong to. A person's episodes belong to a national audit.
Result<const domain::Audit*> episode_audit(const References& references, const Importer& importer,
                                           const std::string& code) {
  if (code.empty()) return Error{ErrorCode::invalid_input, "episodes belong to one audit: name its code"};
  const auto* audit = references.audit(code);
  if (importer.person && audit != nullptr && audit->kind == domain::AuditKind::local_audit) audit = nullptr;
  if (audit == nullptr) {
    return Error{ErrorCode::not_found,
                 std::string(importer.person ? "there is no national audit '" : "there is no audit '") + code + "'"};
  }
  return audit;
}

// Streams an episode file through the validator; when committing, into one store
// transaction that only a clean file commits.
Result<ImportReport> import_episode_file(domain::Store& store, const Importer& importer, const ImportFile& file,
                                         const References& references, bool commit) {
  CLINAUDIT_TRY(auto audit, episode_audit(references, importer, file.audit_code));
  const AuditId audit_id = audit->id;
  EpisodeImportOptions options;
  options.max_problems = file.max_problems;
  options.dry_run = !commit;
  options.progress = file.progress;
  CLINAUDIT_TRY(const auto dataset, store.dataset(audit_id));
  if (dataset.columns.empty()) {
    return Error{ErrorCode::invalid_input, "audit " + audit->code +
                                               " has no dataset yet: declare its columns (the audit's Dataset page, "
                                               "or clinaudit dataset set) before importing episodes"};
  }
  auto outcome = import_episodes(
      *file.input, audit_id, dataset, references,
      [&](const std::vector<std::string>& columns) -> Result<std::unique_ptr<domain::EpisodeWriter>> {
        if (!commit) return Error{ErrorCode::internal, "a check opens no writer"};
        return store.begin_episodes(audit_id, columns, importer.actor);
      },
      options);
  if (!outcome) return outcome.error();
  ImportReport report;
  report.kind = ImportKind::episodes;
  report.report = std::move(outcome->report);
  report.rows = outcome->rows_read;
  report.records = outcome->rows_read;
  report.written = outcome->rows_written;
  report.audit = audit_id;
  report.audit_code = audit->code;
  report.about = " for audit " + audit->code;
  report.columns = std::move(outcome->columns);
  return report;
}

Result<ImportReport> run(domain::Store& store, const Importer& importer, const ImportFile& file, bool commit) {
  if (!may_import(importer, file.kind)) return refusal(importer, file.kind);
  if (file.input == nullptr) return Error{ErrorCode::invalid_input, "there is no file to import"};
  CLINAUDIT_TRY(auto references, load_references(store, importer));
  if (file.kind == ImportKind::episodes) return import_episode_file(store, importer, file, references, commit);

  // Publishing results is the national audit's decision (and the operator's).
  const ValidationOptions options{file.max_problems, !importer.person || is_national(importer)};
  const auto& actor = importer.actor;
  ImportReport report;
  report.kind = file.kind;
  auto& input = *file.input;
  switch (file.kind) {
    case ImportKind::organisations:
      return land(std::move(report), validate_organisations(input, references, options), commit,
                  [&](const auto& rows) -> Result<void> {
                    CLINAUDIT_TRY_VOID(store.add_organisations(rows, actor));
                    return {};
                  });
    case ImportKind::audits:
      return land(std::move(report), validate_audits(input, references, options), commit,
                  [&](const auto& rows) -> Result<void> {
                    CLINAUDIT_TRY_VOID(store.add_audits(rows, actor));
                    return {};
                  });
    case ImportKind::qa_list: {
      auto validated = validate_qa_list(input, references, options);
      std::set<std::string> years;
      for (const auto& entry : validated.records) years.insert(entry.year.to_string());
      report.about = " for " + joined(years);
      return land(std::move(report), std::move(validated), commit,
                  [&](const auto& rows) { return store.set_qa_list(rows, actor); });
    }
    case ImportKind::participation: {
      auto validated = validate_participation(input, references, options);
      check_scope(importer, validated, validated.report);
      std::set<std::string> years;
      for (const auto& record : validated.records) years.insert(record.year.to_string());
      report.about = " for " + joined(years);
      return land(std::move(report), std::move(validated), commit,
                  [&](const auto& rows) { return store.upsert_participation(rows, actor); });
    }
    case ImportKind::results: {
      auto validated = validate_results(input, references, options);
      check_scope(importer, validated, validated.report);
      std::set<std::int64_t> measures;
      for (const auto& result : validated.records) measures.insert(result.measure_id.value);
      std::set<std::string> audits;
      for (const auto id : measures) {
        auto measure = store.measure(MeasureId{id});
        if (!measure) continue;
        if (auto audit = store.audit(measure->audit_id)) audits.insert(audit->code);
      }
      report.about = (audits.size() == 1 ? " for audit " : " for audits ") + joined(audits);
      return land(std::move(report), std::move(validated), commit,
                  [&](const auto& rows) { return store.add_results(rows, actor); });
    }
    case ImportKind::survey_responses: {
      if (file.survey_id <= 0) return Error{ErrorCode::invalid_input, "survey responses answer one survey: name it"};
      CLINAUDIT_TRY(auto survey, store.survey(SurveyId{file.survey_id}));
      report.about = " to survey '" + survey.title + "'";
      return land(std::move(report), validate_survey_responses(input, survey, options), commit,
                  [&](const auto& rows) { return store.add_survey_responses(rows, actor); });
    }
    case ImportKind::dataset: {
      auto validated = validate_dataset(input, references, options);
      if (!validated.records.empty()) {
        CLINAUDIT_TRY(const auto audit, store.audit(validated.records.front().audit_id));
        if (!file.audit_code.empty() && upper_ascii(file.audit_code) != upper_ascii(audit.code)) {
          return Error{ErrorCode::invalid_input,
                       "the file declares the dataset of audit " + audit.code + ", not " + file.audit_code};
        }
        if (importer.person) CLINAUDIT_TRY_VOID(domain::may_manage_audit_setup(*importer.person, audit));
        report.audit = audit.id;
        report.audit_code = audit.code;
        report.about = " for audit " + audit.code;
      }
      return land(std::move(report), std::move(validated), commit,
                  [&](const auto& datasets) { return store.set_dataset(datasets.front(), actor); });
    }
    case ImportKind::episodes: break;
  }
  return Error{ErrorCode::internal, "unexpected import kind"};
}

}  // namespace

const std::vector<ImportKind>& import_kinds() {
  static const std::vector<ImportKind> kAll = [] {
    std::vector<ImportKind> all;
    all.reserve(kKinds.size());
    for (const auto& rule : kKinds) all.push_back(rule.kind);
    return all;
  }();
  return kAll;
}

std::string_view import_kind_name(ImportKind kind) { return rule_of(kind).name; }

std::optional<ImportKind> import_kind_named(std::string_view name) {
  for (const auto& rule : kKinds) {
    if (rule.name == name) return rule.kind;
  }
  return std::nullopt;
}

std::vector<ImportKind> kinds_open_to_people() {
  std::vector<ImportKind> kinds;
  for (const auto& rule : kKinds) {
    if (rule.open_to != OpenTo::operator_only) kinds.push_back(rule.kind);
  }
  return kinds;
}

bool may_import(const Importer& importer, ImportKind kind) {
  if (!importer.person) return true;
  if (!domain::allows(*importer.person, domain::Permission::import_data)) return false;
  switch (rule_of(kind).open_to) {
    case OpenTo::operator_only: return false;
    case OpenTo::people: return true;
    case OpenTo::national_analysts: return is_national(importer);
  }
  return false;
}

Result<ImportReport> check_import(domain::Store& store, const Importer& importer, const ImportFile& file) {
  return run(store, importer, file, false);
}

Result<ImportReport> commit_import(domain::Store& store, const Importer& importer, const ImportFile& file) {
  return run(store, importer, file, true);
}

}  // namespace clinaudit::ingest
