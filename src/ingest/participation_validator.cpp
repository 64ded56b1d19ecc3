// The participation import kind: each organisation's part in each national audit in a
// financial year (docs/csv-import.md, "participation").
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t {
  kOrganisation,
  kAudit,
  kYear,
  kEligible,
  kParticipating,
  kReason,
  kCompleted,
  kSubmitted,
  kRequired
};

}  // namespace

Validated<domain::Participation> validate_participation(std::istream& input, const References& references,
                                                        const ValidationOptions& options) {
  Validated<domain::Participation> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"organisation_code", true, "org_code provider_code"},
                  {"audit_code", true},
                  {"year", true, "financial_year"},
                  {"eligible", false},
                  {"participating", false, "participated"},
                  {"reason_not_participating", false, "reason"},
                  {"data_collection_completed", false, "completed"},
                  {"cases_submitted", false, "submitted"},
                  {"cases_required", false, "required"}},
                 out.report);
  support::FirstSeen keys;
  while (rows.next()) {
    domain::Participation record;
    const auto* organisation = support::organisation(rows, kOrganisation, references);
    if (organisation != nullptr) record.organisation_id = organisation->id;
    const auto* audit = support::audit(rows, kAudit, references);
    if (audit != nullptr) {
      record.audit_id = audit->id;
      if (audit->kind == domain::AuditKind::local_audit) {
        rows.problem(kAudit, "is a local audit; participation is recorded for national audits only");
      }
    }
    const auto year = rows.year(kYear);
    if (year) record.year = *year;
    record.eligible = rows.flag(kEligible);
    record.participating = rows.flag(kParticipating);
    if (const auto reason = rows.text(kReason)) {
      record.reason_not_participating = *reason;
      if (record.participating.value_or(false)) {
        rows.problem(kReason, "gives a reason for not participating, but participating is yes");
      }
    }
    record.data_collection_completed = rows.flag(kCompleted);
    record.cases_submitted = rows.count(kSubmitted);
    record.cases_required = rows.count(kRequired);
    if (organisation != nullptr && audit != nullptr && year) {
      keys.first(
          std::to_string(organisation->id.value) + "|" + std::to_string(audit->id.value) + "|" + year->to_string(),
          rows, kOrganisation,
          "the participation of " + organisation->code + " in " + audit->code + " for " + year->to_string() + ",");
    }
    if (rows.row_ok()) out.records.push_back(std::move(record));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
