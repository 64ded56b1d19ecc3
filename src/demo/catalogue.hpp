#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/organisation.hpp"

namespace clinaudit::demo {

// The fixed cast of the demo world: fictional organisations, the national audit
// programmes (real names; every result is synthetic) and which organisation types each
// covers.
struct DemoNationalAudit {
  domain::Audit audit;
  std::set<domain::OrganisationType> eligible_types;
  int first_year_offset = 0;  // 0: on all three years' lists; 1: added in the second year
};

std::vector<domain::Organisation> demo_organisations();
std::vector<DemoNationalAudit> demo_national_audits();

inline constexpr const char* kDemoNationalBody = "NAT";
inline constexpr const char* kDemoHomeTrust = "Z01";
inline constexpr const char* kDemoDriftingProvider = "Z07";
inline constexpr const char* kDemoAlertProvider = "Z04";
inline constexpr const char* kDemoBetterProvider = "Z09";
inline constexpr const char* kDemoLowAscertainmentProvider = "Z12";

}  // namespace clinaudit::demo
