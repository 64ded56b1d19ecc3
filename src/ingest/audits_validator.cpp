// The audits import kind (docs/csv-import.md, "audits").
#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t {
  kCode,
  kTitle,
  kKind,
  kTopic,
  kProviderBody,
  kStandards,
  kStatus,
  kOwner,
  kReauditOf,
  kStartDate,
  kEndDate
};

std::optional<domain::AuditKind> parse_kind(std::string_view text) {
  const std::string word = normalise_name(text);
  if (word == "nca" || word == "national" || word == "national_audit") {
    return domain::AuditKind::national_clinical_audit;
  }
  if (word == "nce" || word == "ncepod" || word == "corp" || word == "national_confidential_enquiry_outcome_review") {
    return domain::AuditKind::national_confidential_enquiry;
  }
  if (word == "local") return domain::AuditKind::local_audit;
  return domain::parse_audit_kind(word);
}

}  // namespace

Validated<domain::Audit> validate_audits(std::istream& input, const References& references,
                                         const ValidationOptions& options) {
  Validated<domain::Audit> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"code", true, "audit_code"},
                  {"title", true, "name audit_title"},
                  {"kind", true, "audit_kind type"},
                  {"topic", false, "specialty"},
                  {"provider_body", false, "provider"},
                  {"standards", false},
                  {"status", false},
                  {"owner_code", false, "owner owner_organisation_code organisation_code"},
                  {"reaudit_of", false},
                  {"start_date", false},
                  {"end_date", false}},
                 out.report);
  support::FirstSeen codes;
  while (rows.next()) {
    domain::Audit audit;
    if (const auto code = support::code(rows, kCode, 40)) {
      audit.code = *code;
      if (references.audit(*code) != nullptr) {
        rows.problem(kCode, "is already an audit; codes must be unique");
      } else {
        codes.first(upper_ascii(*code), rows, kCode, "an audit code");
      }
    }
    if (const auto title = rows.text(kTitle)) audit.title = *title;
    if (const auto kind = rows.text(kKind)) {
      if (const auto parsed = parse_kind(*kind)) {
        audit.kind = *parsed;
      } else {
        rows.problem(kKind,
                     "is not a kind of audit (expected national_clinical_audit, national_confidential_enquiry or "
                     "local_audit; or NCA, NCE, local)");
      }
    }
    if (const auto topic = rows.text(kTopic)) audit.topic = *topic;
    if (const auto body = rows.text(kProviderBody)) audit.provider_body = *body;
    if (const auto standards = rows.text(kStandards)) audit.standards = *standards;
    if (const auto status = rows.text(kStatus)) {
      if (const auto parsed = domain::parse_audit_status(normalise_name(*status))) {
        audit.status = *parsed;
      } else {
        rows.problem(kStatus,
                     "is not an audit status (expected planned, in_progress, data_collection_complete, reported or "
                     "closed)");
      }
    }
    if (const auto* owner = support::organisation(rows, kOwner, references)) audit.owner = owner->id;
    if (rows.cell(kReauditOf).size() > 0) {
      if (const auto* earlier = support::audit(rows, kReauditOf, references)) audit.reaudit_of = earlier->id;
    }
    audit.start_date = rows.date(kStartDate);
    audit.end_date = rows.date(kEndDate);
    if (audit.start_date && audit.end_date && *audit.end_date < *audit.start_date) {
      rows.problem(kEndDate, "is before the start date " + audit.start_date->to_string());
    }
    if (audit.kind == domain::AuditKind::local_audit && rows.cell(kKind).size() > 0 && rows.cell(kOwner).empty()) {
      rows.row_problem(rows.name(kOwner), "",
                       "is empty but a local audit needs the code of the organisation that owns it");
    }
    if (rows.row_ok()) out.records.push_back(std::move(audit));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
