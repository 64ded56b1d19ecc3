#include "domain/organisation.hpp"

#include <array>
#include <utility>

namespace clinaudit::domain {
namespace {

struct TypeName {
  OrganisationType type;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<TypeName, 7> kTypes{{
    {OrganisationType::acute, "acute", "Acute"},
    {OrganisationType::mental_health, "mental_health", "Mental health"},
    {OrganisationType::community, "community", "Community"},
    {OrganisationType::ambulance, "ambulance", "Ambulance"},
    {OrganisationType::primary_care, "primary_care", "Primary care"},
    {OrganisationType::specialist, "specialist", "Specialist"},
    {OrganisationType::national_body, "national_body", "National body"},
}};

}  // namespace

std::string_view to_string(OrganisationType type) {
  for (const auto& entry : kTypes) {
    if (entry.type == type) return entry.code;
  }
  return "acute";
}

std::string_view display_name(OrganisationType type) {
  for (const auto& entry : kTypes) {
    if (entry.type == type) return entry.label;
  }
  return "Acute";
}

std::optional<OrganisationType> parse_organisation_type(std::string_view text) {
  std::string normalised(text);
  for (auto& c : normalised) {
    if (c == ' ' || c == '-') c = '_';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& entry : kTypes) {
    if (entry.code == normalised) return entry.type;
  }
  return std::nullopt;
}

}  // namespace clinaudit::domain
