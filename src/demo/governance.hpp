#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "demo/random.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// Cases submitted and required per audit code, organisation id and financial year
// (start year), from the generated episodes.
using DemoCaseCounts = std::map<std::string, std::map<std::int64_t, std::map<int, std::pair<std::int64_t, double>>>>;

// What the governance parts of the demo need to know about the world already written.
struct DemoGovernanceContext {
  std::map<std::string, domain::Organisation> organisations;  // by code, with ids
  std::map<std::string, AuditId> audits;                      // national audits by code
  std::vector<FinancialYear> years;                           // oldest first; the last is current
  Date as_of;
  DemoCaseCounts cases;
};

// Participation for every eligible organisation, audit and year, with realistic gaps:
// a few audits not taken part in (with reasons), incomplete case ascertainment, and in
// the current year some records still to complete (they show as Quality Account gaps).
Result<void> add_demo_participation(domain::Store& store, const DemoGovernanceContext& context, DemoRandom& random);

// The home trust's local audits with their compliance results, action plans (some
// overdue), a re-audit showing improvement and one showing decline.
Result<void> add_demo_local_audits(domain::Store& store, const DemoGovernanceContext& context, DemoRandom& random);

// National report reviews (one published but not yet reviewed), board and quality
// committee meetings over the past year with items and decisions, and the next meeting.
Result<void> add_demo_board_and_reviews(domain::Store& store, const DemoGovernanceContext& context);

// The survey of clinical audit managers in two waves a year apart (110 respondents in the
// first, from acute, mental health and primary care organisations).
Result<void> add_demo_surveys(domain::Store& store, const DemoGovernanceContext& context, DemoRandom& random);

}  // namespace clinaudit::demo
