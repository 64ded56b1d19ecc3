// The invitees of a survey's one-time links (docs/surveys.md, "Invitations"): one row per
// person to invite.
#include <algorithm>
#include <cctype>
#include <set>

#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kLabel, kOrganisationType, kRegion, kRole };

// Email addresses are compared without letter case.
std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Validated<domain::SurveyInvitation> validate_survey_invitees(std::istream& input, const ValidationOptions& options) {
  Validated<domain::SurveyInvitation> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"label", true, "email name"},
                  {"organisation_type", false, "trust_type type"},
                  {"region", false},
                  {"role", false}},
                 out.report);
  std::set<std::string> seen;
  while (rows.next()) {
    domain::SurveyInvitation row;
    if (const auto label = rows.text(kLabel)) {
      row.label = *label;
      if (!seen.insert(lower(*label)).second) rows.problem(kLabel, "appears on an earlier row too");
    }
    if (const auto type = rows.text(kOrganisationType)) {
      row.organisation_type = domain::parse_organisation_type(*type);
      if (!row.organisation_type) {
        rows.problem(kOrganisationType,
                     "is not an organisation type (expected acute, mental_health, community, ambulance, "
                     "primary_care, specialist)");
      }
    }
    if (const auto region = rows.text(kRegion)) row.region = *region;
    if (const auto role = rows.text(kRole)) row.role = *role;
    if (rows.row_ok()) out.records.push_back(std::move(row));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
