#include "ingest/import_service.hpp"

#include <array>
#include <memory>
#include <set>
#include <utility>

#include "domain/measure_setup.hpp"
#include "domain/nice_register.hpp"
#include "domain/register_setup.hpp"
#include "ingest/cell_parsers.hpp"
#include "ingest/episode_import.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/references.hpp"

namespace clinaudit::ingest {
namespace {

// Who may import a kind besides the operator, who may import every kind.
enum class OpenTo {
  operator_only,
  people,
  national_analysts,
  register_managers,  // Permission::manage_register: the national body's administrators
  audit_setup,        // Permission::manage_measures (each row's audit: may_manage_audit_setup)
  report_recorders,   // Permission::record_reports
  reviewing_trusts,   // Permission::record_reports, of a trust (not the national body)
  nice_registers,     // domain::may_manage_nice_register: a trust's audit managers and administrators
};

struct KindRule {
  ImportKind kind;
  std::string_view name;
  OpenTo open_to;
};

// The one list of kinds, in the order the command line's help lists them.
constexpr std::array<KindRule, 12> kKinds{{
    {ImportKind::organisations, "organisations", OpenTo::register_managers},
    {ImportKind::audits, "audits", OpenTo::register_managers},
    {ImportKind::qa_list, "qa-list", OpenTo::register_managers},
    {ImportKind::participation, "participation", OpenTo::people},
    {ImportKind::results, "results", OpenTo::people},
    {ImportKind::episodes, "episodes", OpenTo::national_analysts},
    {ImportKind::survey_responses, "survey-responses", OpenTo::operator_only},
    {ImportKind::measures, "measures", OpenTo::audit_setup},
    // Published reports and reviews of them: whoever records them (record_reports); reviews
    // only by a trust's staff, for their own trust.
    {ImportKind::reports, "reports", OpenTo::report_recorders},
    {ImportKind::report_reviews, "report-reviews", OpenTo::reviewing_trusts},
    {ImportKind::dataset, "dataset", OpenTo::national_analysts},
    // The register is each trust's own: the national body keeps none.
    {ImportKind::nice_guidance, "nice-guidance", OpenTo::nice_registers},
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
  if (rule_of(kind).open_to == OpenTo::report_recorders || rule_of(kind).open_to == OpenTo::reviewing_trusts) {
    return Error{ErrorCode::forbidden, rule_of(kind).open_to == OpenTo::report_recorders
                                           ? "your role does not record reports"
                                           : "reviews are imported by the staff of the trust that reviewed the report"};
  }
  if (rule_of(kind).open_to == OpenTo::nice_registers) {
    return Error{ErrorCode::forbidden,
                 importer.person->organisation_type == domain::OrganisationType::national_body
                     ? "the NICE guidance register is kept by each trust for itself; the national body keeps none"
                     : "the NICE guidance register is imported by the trust's audit managers and administrators"};
  }
  if (rule_of(kind).open_to == OpenTo::national_analysts) {
    return Error{ErrorCode::forbidden, "patient-level episodes are imported by the national audit's analysts"};
  }
  if (rule_of(kind).open_to == OpenTo::register_managers) {
    return Error{ErrorCode::forbidden,
                 std::string(import_kind_name(kind)) + " files are imported by the national body's administrators"};
  }
  if (rule_of(kind).open_to == OpenTo::audit_setup) {
    return Error{ErrorCode::forbidden, "your role does not set up audits' measures"};
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

// A person adds national audits from a file; a trust adds its own local audits from the
// audit register.
void check_national_only(const Importer& importer, Validated<domain::Audit>& validated) {
  if (!importer.person) return;
  for (std::size_t i = 0; i < validated.records.size(); ++i) {
    if (validated.records[i].kind == domain::AuditKind::local_audit) {
      validated.report.add(static_cast<std::int64_t>(i) + 2, "kind",
                           "is a local audit; a trust adds its own local audits from the audit register");
    }
  }
}

// A person sets up the measures of the audits they may set up (domain::may_manage_audit_setup).
void check_audit_setup(domain::Store& store, const Importer& importer, Validated<domain::Measure>& validated) {
  if (!importer.person) return;
  for (std::size_t i = 0; i < validated.records.size(); ++i) {
    auto audit = store.audit(validated.records[i].audit_id);
    if (!audit) continue;
    if (auto allowed = domain::may_manage_audit_setup(*importer.person, *audit); !allowed) {
      validated.report.add(static_cast<std::int64_t>(i) + 2, "audit_code", audit->code, allowed.error().message);
    }
  }
}

// Each measure computed from episodes names columns of its audit's dataset, reported on its row
// at the field the check names.
void check_dataset_columns(domain::Store& store, Validated<domain::Measure>& validated) {
  for (std::size_t i = 0; i < validated.records.size(); ++i) {
    const auto& row = validated.records[i];
    const auto checked = domain::check_against_dataset(store, row);
    if (checked) continue;
    const std::string& message = checked.error().message;
    const auto colon = message.find(": ");
    const std::string field = colon == std::string::npos ? "formula" : message.substr(0, colon);
    const std::string& value = field == "outcome_column"    ? row.outcome_column
                               : field == "expected_column" ? row.expected_column
                                                            : row.formula;
    validated.report.add(static_cast<std::int64_t>(i) + 2, field, value,
                         colon == std::string::npos ? message : message.substr(colon + 2));
  }
}

std::string joined(const std::set<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// The trust whose NICE guidance register a file goes into: a person's own organisation, or
// the one the operator names.
Result<domain::Organisation> register_owner(domain::Store& store, const Importer& importer, const ImportFile& file) {
  if (importer.person) return store.organisation(importer.person->organisation_id);
  if (file.organisation_code.empty()) {
    return Error{ErrorCode::invalid_input, "a NICE guidance register is one trust's: name the trust"};
  }
  auto found = store.organisation_by_code(upper_ascii(file.organisation_code));
  if (!found && found.error().code == ErrorCode::not_found) {
    return Error{ErrorCode::not_found, "there is no organisation '" + file.organisation_code + "'"};
  }
  if (found && found->type == domain::OrganisationType::national_body) {
    return Error{ErrorCode::invalid_input, "the national body keeps no NICE guidance register: name a trust"};
  }
  return found;
}

// What the NICE guidance validator checks a file against: the trust's register as it
// stands, who may lead its guidance and its divisions.
Result<NiceRegisterSetting> nice_register_setting(domain::Store& store, OrganisationId organisation) {
  NiceRegisterSetting setting;
  setting.organisation = organisation;
  CLINAUDIT_TRY(setting.existing, store.nice_guidance(organisation));
  CLINAUDIT_TRY(auto users, store.users(organisation));
  for (auto& user : users) {
    if (user.active && domain::role_allows(user.role, domain::Permission::record_reports)) {
      setting.leads.push_back(std::move(user));
    }
  }
  CLINAUDIT_TRY(auto units, store.trust_units(organisation));
  for (auto& unit : units) {
    if (!unit.is_specialty()) setting.divisions.push_back(std::move(unit));
  }
  return setting;
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
  // An analyst of one audit supplier imports its audits' episodes only.
  if (importer.person && audit != nullptr && !domain::acts_for_audit_provider(*importer.person, *audit)) {
    audit = nullptr;
  }
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
  report.years = std::move(outcome->years);
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
                    CLINAUDIT_TRY_VOID(domain::add_organisations(store, importer.person, actor, rows));
                    return {};
                  });
    case ImportKind::audits: {
      auto validated = validate_audits(input, references, options);
      check_national_only(importer, validated);
      return land(std::move(report), std::move(validated), commit, [&](const auto& rows) -> Result<void> {
        CLINAUDIT_TRY_VOID(domain::add_audits(store, importer.person, actor, rows));
        return {};
      });
    }
    case ImportKind::qa_list: {
      auto validated = validate_qa_list(input, references, options);
      std::set<std::string> years;
      for (const auto& entry : validated.records) years.insert(entry.year.to_string());
      report.about = " for " + joined(years);
      return land(std::move(report), std::move(validated), commit,
                  [&](const auto& rows) { return domain::set_qa_list(store, importer.person, actor, rows); });
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
      for (const auto id : measures) report.measures.push_back(MeasureId{id});
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
    case ImportKind::measures: {
      auto validated = validate_measures(input, references, options);
      check_audit_setup(store, importer, validated);
      check_dataset_columns(store, validated);
      return land(std::move(report), std::move(validated), commit, [&](const auto& rows) -> Result<void> {
        CLINAUDIT_TRY_VOID(domain::add_measures(store, importer.person, actor, rows));
        return {};
      });
    }
    case ImportKind::reports: {
      // The national body's for a national audit recorded by the operator or the national
      // body; otherwise the importer's organisation's (a local audit's: its owner's).
      const auto publisher = [&](const domain::Audit& audit) -> std::optional<OrganisationId> {
        if (audit.kind == domain::AuditKind::local_audit) return audit.owner;
        if (!importer.person || importer.person->organisation_type == domain::OrganisationType::national_body) {
          return std::nullopt;
        }
        return importer.person->organisation_id;
      };
      CLINAUDIT_TRY(auto existing, store.audit_reports(std::nullopt));
      auto validated = validate_reports(input, references, publisher, existing, options);
      return land(std::move(report), std::move(validated), commit, [&](const auto& rows) -> Result<void> {
        CLINAUDIT_TRY_VOID(store.add_audit_reports(rows, actor));
        return {};
      });
    }
    case ImportKind::report_reviews: {
      CLINAUDIT_TRY(auto reports, store.audit_reports(std::nullopt));
      std::vector<domain::ReportReview> existing;
      CLINAUDIT_TRY(auto organisations, store.organisations());
      for (const auto& organisation : organisations) {
        if (importer.person && organisation.id != importer.person->organisation_id) continue;
        CLINAUDIT_TRY(auto reviews, store.report_reviews(organisation.id));
        existing.insert(existing.end(), reviews.begin(), reviews.end());
      }
      auto validated = validate_report_reviews(input, references, reports, existing, options);
      // A review is its own organisation's: a person imports their own trust's only.
      if (importer.person) {
        for (std::size_t i = 0; i < validated.records.size(); ++i) {
          if (validated.records[i].organisation_id != importer.person->organisation_id) {
            validated.report.add(static_cast<std::int64_t>(i) + 2, "organisation_code",
                                 "names another organisation; you can import your own organisation's reviews only");
          }
        }
      }
      return land(std::move(report), std::move(validated), commit, [&](const auto& rows) -> Result<void> {
        CLINAUDIT_TRY_VOID(store.add_report_reviews(rows, actor));
        return {};
      });
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
    case ImportKind::nice_guidance: {
      CLINAUDIT_TRY(const auto owner, register_owner(store, importer, file));
      CLINAUDIT_TRY(const auto setting, nice_register_setting(store, owner.id));
      report.about = " for " + owner.code;
      return land(std::move(report), validate_nice_guidance(input, setting, options), commit,
                  [&](const auto& rows) -> Result<void> {
                    CLINAUDIT_TRY_VOID(store.add_nice_guidance(rows, actor));
                    return {};
                  });
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
    case OpenTo::register_managers: return domain::allows(*importer.person, domain::Permission::manage_register);
    case OpenTo::audit_setup: return domain::allows(*importer.person, domain::Permission::manage_measures);
    case OpenTo::report_recorders: return domain::allows(*importer.person, domain::Permission::record_reports);
    case OpenTo::nice_registers: return domain::may_manage_nice_register(*importer.person);
    case OpenTo::reviewing_trusts:
      return domain::allows(*importer.person, domain::Permission::record_reports) &&
             importer.person->organisation_type != domain::OrganisationType::national_body;
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
