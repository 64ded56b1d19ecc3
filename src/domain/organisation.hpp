#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace clinaudit::domain {

// The kinds of provider that national audits define eligibility by.
enum class OrganisationType { acute, mental_health, community, ambulance, primary_care, specialist, national_body };

// "acute", "mental_health", ... as stored and exchanged in CSV and JSON.
std::string_view to_string(OrganisationType type);
// The inverse of to_string; also accepts the spaced label ("mental health").
std::optional<OrganisationType> parse_organisation_type(std::string_view text);
// A label for people: "Mental health".
std::string_view display_name(OrganisationType type);

struct Organisation {
  OrganisationId id;
  std::string code;  // ODS-style code, unique, e.g. "RXX"
  std::string name;
  OrganisationType type = OrganisationType::acute;
  std::string region;
  // The person with the chief executive's duty in the outlier process: they acknowledge an
  // alarm for the organisation (an OutlierParty::chief_executive stage). Set only by
  // Store::set_chief_executive, never by the register's forms or files.
  std::optional<UserId> chief_executive = std::nullopt;
};

}  // namespace clinaudit::domain
