// The organisations import kind (docs/csv-import.md, "organisations").
#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kCode, kName, kType, kRegion };

}  // namespace

Validated<domain::Organisation> validate_organisations(std::istream& input, const References& references,
                                                       const ValidationOptions& options) {
  Validated<domain::Organisation> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"code", true, "organisation_code ods_code"},
                  {"name", true, "organisation_name"},
                  {"type", true, "organisation_type"},
                  {"region", false}},
                 out.report);
  support::FirstSeen codes;
  while (rows.next()) {
    domain::Organisation organisation;
    if (const auto code = support::code(rows, kCode, 12)) {
      organisation.code = upper_ascii(*code);
      if (const auto* known = references.organisation(*code)) {
        rows.problem(kCode, "is already an organisation (" + known->name + "); codes must be unique");
      } else {
        codes.first(organisation.code, rows, kCode, "an organisation code");
      }
    }
    if (const auto name = rows.text(kName)) organisation.name = *name;
    if (const auto type = rows.text(kType)) {
      const auto parsed = domain::parse_organisation_type(*type);
      if (parsed) {
        organisation.type = *parsed;
      } else {
        rows.problem(kType,
                     "is not an organisation type (expected acute, mental_health, community, ambulance, "
                     "primary_care, specialist or national_body)");
      }
    }
    if (const auto region = rows.text(kRegion)) organisation.region = *region;
    if (rows.row_ok()) out.records.push_back(std::move(organisation));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
