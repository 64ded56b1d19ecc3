// The demo's central story, checked on the demo's own hip fracture data: a provider whose
// mortality drifts upward is flagged by the risk-adjusted CUSUM at least six months before
// the annual funnel plot shows it beyond the 99.8% limit (the Mid Staffordshire lesson).
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/demo_catalogue.hpp"
#include "domain/demo_episodes.hpp"
#include "domain/demo_world.hpp"
#include "domain/episode_analysis.hpp"

namespace clinaudit::domain {
namespace {

struct DemoHipFracture {
  std::vector<Organisation> organisations;
  EpisodeColumns episodes;
  Month first;
  Month last;
};

// The same draws create_demo_world makes first: the hip fracture profiles, then episodes.
DemoHipFracture demo_hip_fracture(Date as_of) {
  DemoHipFracture data;
  data.organisations = demo_organisations();
  std::sort(data.organisations.begin(), data.organisations.end(),
            [](const Organisation& a, const Organisation& b) { return a.code < b.code; });
  for (std::size_t i = 0; i < data.organisations.size(); ++i) {
    data.organisations[i].id = OrganisationId{static_cast<std::int64_t>(i) + 1};
  }
  DemoRandom random(DemoOptions{}.seed);
  const auto profiles = demo_provider_profiles(DemoEpisodeAudit::hip_fracture, data.organisations, random);
  data.first = Month::of(as_of);
  for (int i = 0; i < 36; ++i) data.first = Month::of(data.first.first_day().plus_days(-1));
  data.last = Month::of(as_of.plus_days(-static_cast<std::int64_t>(as_of.day())));
  data.episodes = generate_demo_episodes(DemoEpisodeAudit::hip_fracture, profiles, data.first, 36, random);
  return data;
}

OrganisationId id_of(const std::vector<Organisation>& organisations, const std::string& code) {
  for (const auto& organisation : organisations) {
    if (organisation.code == code) return organisation.id;
  }
  return {};
}

TEST(DemoStory, CusumSignalsTheDriftingProviderMonthsBeforeTheAnnualFunnelAlarm) {
  const Date as_of = *Date::parse("2026-11-26");
  const auto data = demo_hip_fracture(as_of);
  const OrganisationId drifting = id_of(data.organisations, kDemoDriftingProvider);

  // Continuous monitoring over the whole period, with the case-mix model's expected risks.
  const auto monitoring = analyse_episodes(data.episodes);
  ASSERT_TRUE(monitoring) << monitoring.error().message;
  std::optional<Date> first_signal;
  for (const auto& alert : monitoring->cusum_alerts) {
    if (alert.provider == drifting && alert.side == stats::CusumSide::upper) {
      first_signal = alert.signalled_on;
      break;
    }
  }
  ASSERT_TRUE(first_signal) << "the CUSUM never signalled for the drifting provider";

  // The annual funnel plots, one per financial year, each with its own case-mix model; the
  // alarm is known when the year's data are complete (the year's end, or the last month held).
  std::optional<Date> funnel_alarm;
  for (FinancialYear year = FinancialYear::containing(data.first.first_day()); year.first_day() <= data.last.last_day();
       year = year.next()) {
    const auto annual = analyse_episodes(episodes_between(data.episodes, year.first_day(), year.last_day()));
    ASSERT_TRUE(annual) << annual.error().message;
    for (const auto& provider : annual->providers) {
      if (provider.provider == drifting && provider.flag == stats::FunnelFlag::alarm_high) {
        funnel_alarm = std::min(year.last_day(), data.last.last_day());
      }
    }
    if (funnel_alarm) break;
  }
  ASSERT_TRUE(funnel_alarm) << "no annual funnel plot shows the drifting provider beyond 3 SD";
  EXPECT_LE(first_signal->plus_days(183), *funnel_alarm)
      << "CUSUM signal " << first_signal->to_string() << ", funnel alarm " << funnel_alarm->to_string();
  std::cout << "CUSUM first signal " << first_signal->to_string() << "; funnel alarm known "
            << funnel_alarm->to_string() << "\n";
}

TEST(DemoStory, TheBetterThanExpectedProviderIsBelowTheLowerLimit) {
  const auto data = demo_hip_fracture(*Date::parse("2026-11-26"));
  const auto analysis = analyse_episodes(data.episodes);
  ASSERT_TRUE(analysis) << analysis.error().message;
  const OrganisationId better = id_of(data.organisations, kDemoBetterProvider);
  for (const auto& provider : analysis->providers) {
    if (provider.provider == better) {
      EXPECT_TRUE(provider.flag == stats::FunnelFlag::alert_low || provider.flag == stats::FunnelFlag::alarm_low)
          << "O/E " << static_cast<double>(provider.observed) / provider.expected;
    }
  }
}

}  // namespace
}  // namespace clinaudit::domain
