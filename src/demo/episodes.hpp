#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "demo/random.hpp"
#include "domain/dataset.hpp"
#include "domain/episode.hpp"
#include "domain/organisation.hpp"

namespace clinaudit::demo {

// The three national audits whose patient-level data the demo generates.
enum class DemoEpisodeAudit {
  hip_fracture,          // 30-day mortality after hip fracture (~7%)
  stroke_thrombolysis,   // thrombolysis of stroke patients (~11%)
  emergency_laparotomy,  // 30-day mortality after emergency laparotomy (~9%)
};

// How one provider's episodes are generated.
struct DemoProviderProfile {
  OrganisationId id;
  double monthly_cases = 30;  // mean admissions a month
  double log_odds_shift = 0;  // a constant difference in outcome (its log odds ratio)
  // Upward drift in the last `drift_months` months, reaching `drift_log_odds` at the end.
  int drift_months = 0;
  double drift_log_odds = 0;
  // Share of cases submitted to the audit, for survivors and for deaths: a provider that
  // submits few survivors looks worse than it is (low case ascertainment).
  double submitted_if_no_event = 1.0;
  double submitted_if_event = 1.0;
};

// Patient-level episodes for `months` months from `first`, for every provider, in date
// order. Covariates follow published case-mix patterns (age, sex, ASA grade, dementia;
// NIHSS and arrival time for stroke; lactate and urgency for laparotomy); the outcome is
// drawn from a logistic model with the profile's shifts. Each provider's month is drawn
// from its own stream (seed, audit, provider, calendar month), so a month's patients do
// not depend on the window's start or on the other providers: the same calendar year
// holds the same patients whatever day the demo is created (only the drift, which ends
// with the window, moves).
domain::EpisodeColumns generate_demo_episodes(DemoEpisodeAudit audit, const std::vector<DemoProviderProfile>& providers,
                                              Month first, int months, std::uint64_t seed);

// The acute providers' profiles for one audit: volumes vary between trusts, and the demo's
// planted stories apply (drift at Z07 in hip fracture, better outcomes at Z09 in hip
// fracture, an alert-level excess at Z04 and under-reported survivors at Z12 in emergency
// laparotomy). `organisations` must carry their ids.
std::vector<DemoProviderProfile> demo_provider_profiles(DemoEpisodeAudit audit,
                                                        const std::vector<domain::Organisation>& organisations,
                                                        DemoRandom& random);

// The patient-level dataset each audit declares, consistent with the episodes generated:
// the outcome first (died30, or thrombolysed for stroke), then the case-mix columns.
domain::Dataset demo_dataset(DemoEpisodeAudit audit);
// The dataset's outcome column, and the case-mix model over it as an R formula.
std::string demo_outcome_column(DemoEpisodeAudit audit);
std::string demo_formula(DemoEpisodeAudit audit);

}  // namespace clinaudit::demo
