// The dashboard and the board pack of the demo trust on the same day show the same figures:
// participation (numerator, denominator), special-cause improvement and concern, re-audit
// outcomes, open outlier cases, overdue actions. The demo world is written by the demo's own
// entry point into a real SQLite file and read back as the product reads it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "demo/world.hpp"
#include "domain/board_pack.hpp"
#include "domain/dashboard.hpp"
#include "domain/forward_programme.hpp"
#include "domain/measure_series.hpp"
#include "domain/national_home.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::domain {
namespace {

namespace fs = std::filesystem;

class SharedFigures : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("clinaudit_shared_figures_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = storage::open_store((dir_ / "demo.sqlite").string());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened).release();
    demo::DemoOptions options;
    options.as_of = kDay;
    // Nobody signs in here; the product's password hash (argon2id, http layer) is not needed.
    options.hash_password = [](std::string_view password) { return "not a password hash: " + std::string(password); };
    auto summary = demo::create_demo_world(*store_, options);
    ASSERT_TRUE(summary) << summary.error().message;
    home_ = summary->home_organisation_code;
    for (const auto& login : summary->logins) {
      if (login.role == Role::national_analyst) national_ = login.organisation_code;
    }
  }
  static void TearDownTestSuite() {
    delete store_;
    store_ = nullptr;
    fs::remove_all(dir_);
  }

  static Principal manager() {
    const auto organisation = store_->organisation_by_code(home_);
    EXPECT_TRUE(organisation);
    Principal who;
    who.role = Role::audit_manager;
    who.organisation_id = organisation->id;
    who.organisation_type = organisation->type;
    return who;
  }

  static inline const Date kDay = *Date::from_ymd(2026, 11, 26);  // the README's demo date
  static inline fs::path dir_;
  static inline Store* store_ = nullptr;  // one demo world for the suite: creating it is slow
  static inline std::string home_;
  static inline std::string national_;  // the national body's code

  static Principal national(Role role) {
    const auto organisation = store_->organisation_by_code(national_);
    EXPECT_TRUE(organisation) << "the demo has no national analyst";
    Principal who;
    who.role = role;
    who.organisation_id = organisation ? organisation->id : OrganisationId{};
    who.organisation_type = OrganisationType::national_body;
    return who;
  }
};

TEST_F(SharedFigures, TheDashboardAndTheBoardPackOfOneDayAgreeFigureByFigure) {
  const auto dashboard = dashboard_for(*store_, manager(), kDay);
  ASSERT_TRUE(dashboard) << dashboard.error().message;
  const auto pack = board_pack_for(*store_, home_, kDay);
  ASSERT_TRUE(pack) << pack.error().message;

  const auto& figures = pack->figures;
  // Participation: one year, one definition, one numerator and denominator.
  EXPECT_EQ(dashboard->year.to_string(), figures.year.to_string());
  EXPECT_EQ(dashboard->participation.participating, figures.participation.participating);
  EXPECT_EQ(dashboard->participation.eligible, figures.participation.eligible);
  EXPECT_EQ(dashboard->participation.not_recorded, figures.participation.not_recorded);
  EXPECT_EQ(dashboard->participation_definition, participation_definition(figures.participation, figures.year));
  const std::string took_part = "(" + std::to_string(dashboard->participation.participating) + " of " +
                                std::to_string(dashboard->participation.eligible) + ") in " + figures.year.to_string();
  EXPECT_TRUE(std::any_of(pack->assure.begin(), pack->assure.end(),
                          [&](const std::string& line) { return line.find(took_part) != std::string::npos; }))
      << "the pack's assurance does not say " << took_part;

  // SPC icons over the same charts, counted the same way.
  std::int64_t concern = 0, improving = 0;
  for (const auto& m : pack->measures) {
    concern += shows_concern(m.chart.variation) ? 1 : 0;
    improving += m.chart.variation == stats::VariationIcon::improvement_high ||
                         m.chart.variation == stats::VariationIcon::improvement_low
                     ? 1
                     : 0;
  }
  EXPECT_EQ(static_cast<std::int64_t>(dashboard->deteriorating.size()), concern);
  EXPECT_EQ(dashboard->spc.concern, concern);
  EXPECT_EQ(dashboard->spc.improving, improving);
  EXPECT_EQ(dashboard->spc.common_cause, figures.spc.common_cause);

  // Re-audit outcomes: the demo's VTE re-audit declines (91% to 78%), and the dashboard counts it.
  ASSERT_EQ(dashboard->reaudits.size(), pack->reaudits.size());
  std::int64_t declined = 0;
  for (std::size_t i = 0; i < pack->reaudits.size(); ++i) {
    EXPECT_EQ(dashboard->reaudits[i].reaudit.title, pack->reaudits[i].reaudit.title);
    EXPECT_EQ(dashboard->reaudits[i].verdict, pack->reaudits[i].verdict);
    declined += pack->reaudits[i].verdict == "declined" ? 1 : 0;
  }
  EXPECT_GT(declined, 0) << "the demo's VTE re-audit declines";
  std::int64_t worse = 0;
  for (const auto& a : pack->cusum_alerts) worse += a.side == stats::CusumSide::upper ? 1 : 0;
  EXPECT_EQ(dashboard->deteriorating_count, concern + declined + worse);
  EXPECT_GT(dashboard->deteriorating_count, 0);

  // Open outlier cases, overdue actions and CUSUM signals: the same records.
  ASSERT_EQ(dashboard->open_outliers.size(), pack->open_outliers.size());
  for (std::size_t i = 0; i < pack->open_outliers.size(); ++i) {
    EXPECT_EQ(dashboard->open_outliers[i].item.id.value, pack->open_outliers[i].item.id.value);
  }
  EXPECT_EQ(dashboard->open_alarms + dashboard->open_potential + dashboard->open_alerts,
            static_cast<std::int64_t>(pack->open_outliers.size()));
  EXPECT_EQ(dashboard->open_alarms, figures.open_alarms);
  EXPECT_EQ(dashboard->open_potential, figures.open_potential);
  ASSERT_EQ(dashboard->overdue_actions.size(), pack->overdue_actions.size());
  for (std::size_t i = 0; i < pack->overdue_actions.size(); ++i) {
    EXPECT_EQ(dashboard->overdue_actions[i].item.id.value, pack->overdue_actions[i].id.value);
  }
  EXPECT_EQ(dashboard->cusum_signals.size(), pack->cusum_alerts.size());
}

// The audit cycle on both: the year's forward programme against plan (the programme page's
// own total) and the report reviews past their deadline (the demo's asthma and COPD report),
// each said once in the pack's summary.
TEST_F(SharedFigures, TheDashboardAndTheBoardPackShowTheProgrammeAndTheOverdueReviews) {
  const auto dashboard = dashboard_for(*store_, manager(), kDay);
  ASSERT_TRUE(dashboard) << dashboard.error().message;
  const auto pack = board_pack_for(*store_, home_, kDay);
  ASSERT_TRUE(pack) << pack.error().message;
  const auto programme = forward_programme(*store_, manager(), kDay, FinancialYear::containing(kDay));
  ASSERT_TRUE(programme) << programme.error().message;

  const auto& cycle = pack->figures.cycle;
  EXPECT_EQ(cycle.year.to_string(), "2026/27");
  EXPECT_EQ(cycle.programme.in_plan, programme->total.in_plan);
  EXPECT_EQ(cycle.programme.completed, programme->total.completed);
  EXPECT_EQ(cycle.programme.overdue, programme->total.overdue);
  EXPECT_EQ(cycle.divisions.size(), programme->divisions.size());
  EXPECT_GT(cycle.programme.overdue, 0) << "the demo's sepsis and VTE re-audits are past their planned end";
  EXPECT_EQ(dashboard->cycle.programme.in_plan, cycle.programme.in_plan);
  EXPECT_EQ(dashboard->cycle.programme.overdue, cycle.programme.overdue);
  ASSERT_EQ(cycle.overdue_reviews.size(), 1U);
  EXPECT_EQ(dashboard->cycle.overdue_reviews.size(), 1U);
  EXPECT_EQ(cycle.overdue_reviews.front().row.audit.code, "NACAP");

  const auto says = [](const std::vector<std::string>& lines, const std::string& part) {
    return std::count_if(lines.begin(), lines.end(),
                         [&](const std::string& line) { return line.find(part) != std::string::npos; });
  };
  EXPECT_EQ(says(pack->alert, "1 national audit report's review is past the deadline set on the report tracker"), 1);
  const std::string progress = "Forward programme 2026/27: " + std::to_string(cycle.programme.completed) + " of " +
                               std::to_string(cycle.programme.in_plan) + " planned local audits completed, " +
                               std::to_string(cycle.programme.overdue) + " are past the planned end";
  EXPECT_EQ(says(pack->advise, progress), 1) << progress;
  EXPECT_EQ(says(pack->assure, "Forward programme"), 0);
  // The demo's carried-over audit has its reason.
  EXPECT_EQ(cycle.carried_without_reason, 0);
  EXPECT_EQ(says(pack->advise, "no reason recorded"), 0);
}

// The national analyst's home counts every provider's open cases (the trust dashboard showed
// the national body's own: none), by stage, soonest deadline first, with the overdue ones.
TEST_F(SharedFigures, TheNationalHomeCountsEveryProvidersOpenCasesByStageAndDeadline) {
  const auto cases = store_->outlier_cases(std::nullopt, std::nullopt);
  ASSERT_TRUE(cases) << cases.error().message;
  std::int64_t open = 0, overdue = 0;
  for (const auto& item : *cases) {
    if (!item.is_open()) continue;
    ++open;
    overdue += item.stage_due_on && *item.stage_due_on < kDay ? 1 : 0;
  }
  ASSERT_GT(open, 0) << "the demo has open outlier cases";

  const auto home = national_home(*store_, national(Role::national_analyst), kDay);
  ASSERT_TRUE(home) << home.error().message;
  EXPECT_TRUE(home->sees_cases);
  EXPECT_EQ(static_cast<std::int64_t>(home->open_cases.size()), open);
  EXPECT_EQ(home->overdue_cases, overdue);
  std::int64_t by_stage = 0, overdue_by_stage = 0;
  for (const auto& stage : home->stages) {
    EXPECT_FALSE(stage.stage_name.empty());
    by_stage += stage.open;
    overdue_by_stage += stage.overdue;
  }
  EXPECT_EQ(by_stage, open);
  EXPECT_EQ(overdue_by_stage, overdue);
  for (std::size_t i = 1; i < home->open_cases.size(); ++i) {
    const auto& before = home->open_cases[i - 1].item.stage_due_on;
    const auto& after = home->open_cases[i].item.stage_due_on;
    if (before && after) EXPECT_LE(*before, *after) << "soonest deadline first";
  }
  std::int64_t per_audit = 0;
  for (const auto& line : home->audits) {
    EXPECT_NE(line.audit.kind, AuditKind::local_audit);
    per_audit += line.open_cases;
  }
  EXPECT_EQ(per_audit, open);
  for (const auto& run : home->latest_runs) EXPECT_FALSE(run.audit.title.empty());
  for (const auto& signal : home->new_signals) {
    EXPECT_GE(signal.alert.raised_on, kDay.plus_days(-kNewSignalDays));
    EXPECT_FALSE(signal.provider.empty());
  }
}

TEST_F(SharedFigures, TheNationalHomeShowsCasesOnlyToThoseWhoMayViewNationalDataAndIsNotATrusts) {
  const auto admin = national_home(*store_, national(Role::admin), kDay);
  ASSERT_TRUE(admin) << admin.error().message;
  EXPECT_FALSE(admin->sees_cases);
  EXPECT_TRUE(admin->open_cases.empty());
  EXPECT_FALSE(admin->audits.empty());
  const auto trust = national_home(*store_, manager(), kDay);
  ASSERT_FALSE(trust);
  EXPECT_EQ(trust.error().code, ErrorCode::forbidden);
}

}  // namespace
}  // namespace clinaudit::domain
