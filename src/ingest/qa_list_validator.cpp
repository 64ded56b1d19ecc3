// The qa-list import kind: national audits on the Quality Account list for a financial
// year, with the organisation types eligible (docs/csv-import.md, "qa-list").
#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kAudit, kYear, kTypes };

constexpr domain::OrganisationType kProviderTypes[] = {
    domain::OrganisationType::acute,     domain::OrganisationType::mental_health, domain::OrganisationType::community,
    domain::OrganisationType::ambulance, domain::OrganisationType::primary_care,  domain::OrganisationType::specialist};

// Splits "acute; mental health|community" into its types; reports the first bad one.
bool parse_types(RowReader& rows, std::string_view text, std::set<domain::OrganisationType>& types) {
  if (normalise_name(text) == "all") {
    types.insert(std::begin(kProviderTypes), std::end(kProviderTypes));
    return true;
  }
  while (!text.empty()) {
    const auto end = text.find_first_of(";|,");
    auto item = text.substr(0, end);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) {
      const auto type = domain::parse_organisation_type(item);
      if (!type) {
        rows.problem(kTypes, "names '" + printable(item) +
                                 "', which is not an organisation type (expected types separated by ';' from acute, "
                                 "mental_health, community, ambulance, primary_care, specialist; or all)");
        return false;
      }
      types.insert(*type);
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  if (types.empty()) {
    rows.problem(kTypes, "names no organisation type (expected e.g. acute;community, or all)");
    return false;
  }
  return true;
}

}  // namespace

Validated<domain::QaListEntry> validate_qa_list(std::istream& input, const References& references,
                                                const ValidationOptions& options) {
  Validated<domain::QaListEntry> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"audit_code", true, "audit code"},
                  {"year", true, "financial_year"},
                  {"eligible_types", true, "eligible_organisation_types organisation_types"}},
                 out.report);
  support::FirstSeen entries;
  while (rows.next()) {
    domain::QaListEntry entry;
    const auto* audit = support::audit(rows, kAudit, references);
    if (audit != nullptr) {
      entry.audit_id = audit->id;
      if (audit->kind == domain::AuditKind::local_audit) {
        rows.problem(kAudit, "is a local audit; the Quality Account list holds national audits only");
      }
    }
    const auto year = rows.year(kYear);
    if (year) entry.year = *year;
    if (const auto types = rows.text(kTypes)) parse_types(rows, *types, entry.eligible_types);
    if (audit != nullptr && year) {
      entries.first(std::to_string(audit->id.value) + "|" + year->to_string(), rows, kAudit,
                    "audit " + audit->code + " in " + year->to_string() + ",");
    }
    if (rows.row_ok()) out.records.push_back(std::move(entry));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
