// Outlier detection on imported results, on each database: a supplier's yearly results of a
// rate, a proportion and a ratio open outlier cases once their year has ended; monthly
// results and a year still in progress open none.
//
// The rate's figures are chosen so that each provider's level follows from Poisson tails
// worked out here, not from the product's funnel: 20 providers, each with 10,000 bed days.
// Seventeen have 23 infections, A has 60, B 38 and C 13, so the overall rate is 502 / 200,000
// and each provider expects 25.1. P(X >= 60) is about 2e-9 (beyond the 99.8% limit, an
// alarm); P(X >= 38) about 0.010 and P(X <= 13) about 0.006 (beyond the 95% limit, whose
// one-sided tail is 0.025, but not the 99.8% one's 0.001: alerts). The test computes the
// tails again below. On the log scale the z-scores of the others are -0.44, so the
// overdispersion estimate is well under 1 and the limits are not widened.
#include <cmath>
#include <map>

#include "domain/result_outliers.hpp"
#include "domain/scheduled_analysis.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

constexpr int kProviders = 20;
constexpr double kBedDays = 10000;

double poisson_pmf(int k, double mean) {
  return std::exp(-mean + k * std::log(mean) - std::lgamma(static_cast<double>(k) + 1));
}
double poisson_at_least(int k, double mean) {
  double below = 0;
  for (int i = 0; i < k; ++i) below += poisson_pmf(i, mean);
  return 1 - below;
}
double poisson_at_most(int k, double mean) {
  double total = 0;
  for (int i = 0; i <= k; ++i) total += poisson_pmf(i, mean);
  return total;
}

int infections(int provider) {
  switch (provider) {
    case 0: return 60;  // A
    case 1: return 38;  // B
    case 2: return 13;  // C
    default: return 23;
  }
}

class ResultOutliers : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    for (int p = 0; p < kProviders; ++p) providers_.push_back(add_organisation("RQ" + std::to_string(p)));
    audit_ = add_audit("HCAI");
    domain::Measure rate;
    rate.audit_id = audit_;
    rate.code = "cdi";
    rate.name = "C. difficile infections";
    rate.type = domain::MeasureType::rate;
    rate.improvement = domain::Improvement::decrease;
    rate.rate_multiplier = 1000;
    rate.unit = "per 1,000 bed days";
    auto id = store().add_measure(rate, actor());
    ASSERT_OK(id);
    rate_ = *id;
  }

  // Every provider's infections and bed days from `from` to `to`, of the rate (or `measure`).
  void add_rates(const char* from, const char* to, std::optional<MeasureId> measure = std::nullopt) {
    std::vector<domain::MeasureResult> rows;
    for (int p = 0; p < kProviders; ++p) {
      domain::MeasureResult row;
      row.measure_id = measure.value_or(rate_);
      row.organisation_id = providers_[static_cast<std::size_t>(p)];
      row.period_start = *Date::parse(from);
      row.period_end = *Date::parse(to);
      row.numerator = infections(p);
      row.denominator = kBedDays;
      rows.push_back(row);
    }
    ASSERT_OK(store().add_results(rows, actor()));
  }

  Result<domain::ResultOutlierReport> check(const char* today) {
    return domain::check_result_outliers(store(), audit_, domain::OutlierTimetable::default_timetable(),
                                         domain::WorkingDayCalendar::england_and_wales(), *Date::parse(today), actor());
  }

  std::map<std::int64_t, domain::OutlierCase> cases_by_provider() {
    std::map<std::int64_t, domain::OutlierCase> out;
    auto cases = store().outlier_cases(std::nullopt, audit_);
    EXPECT_TRUE(cases.has_value());
    if (cases) {
      for (const auto& c : *cases) out.emplace(c.organisation_id.value, c);
    }
    return out;
  }

  std::vector<OrganisationId> providers_;
  AuditId audit_;
  MeasureId rate_;
};

// The financial year 2025/26 ended on 31 March 2026. Its yearly rates open three cases on
// their tracks: A's alarm (worse), B's alert (worse) and C's better-than-expected result.
// The monthly rates of March, with the same pattern, are monitoring and open none. The same
// check the next day changes nothing.
TEST_P(ResultOutliers, AnEndedYearsRatesOpenCasesOnTheirTracksAndMonthlyRatesDoNot) {
  // The tails the file's comment gives, for an expected count of 502 / 200,000 bed days.
  const double expected = 502.0 / 200000.0 * kBedDays;
  EXPECT_LT(poisson_at_least(60, expected), 0.001);
  EXPECT_GT(poisson_at_least(38, expected), 0.001);
  EXPECT_LT(poisson_at_least(38, expected), 0.025);
  EXPECT_GT(poisson_at_most(13, expected), 0.001);
  EXPECT_LT(poisson_at_most(13, expected), 0.025);
  EXPECT_GT(poisson_at_least(23, expected), 0.025);
  EXPECT_GT(poisson_at_most(23, expected), 0.025);

  add_rates("2025-04-01", "2026-03-31");
  add_rates("2026-03-01", "2026-03-31");
  auto report = check("2026-05-11");
  ASSERT_OK(report);
  ASSERT_EQ(report->checks.size(), 1U) << "the year only, not the month";
  const auto& year = report->checks.front();
  EXPECT_EQ(year.period, "2025/26");
  EXPECT_EQ(year.providers, kProviders);
  EXPECT_EQ(year.flagged, 3);
  EXPECT_EQ(year.cases_opened, 3);
  EXPECT_EQ(year.note, "");

  auto cases = cases_by_provider();
  ASSERT_EQ(cases.size(), 3U);
  const auto& a = cases.at(providers_[0].value);
  EXPECT_EQ(a.level, domain::OutlierLevel::alarm);
  EXPECT_TRUE(a.high);
  EXPECT_TRUE(a.unfavourable);
  EXPECT_EQ(a.stage, "data_check");
  EXPECT_EQ(a.period, "2025/26");
  EXPECT_EQ(a.measure_id, rate_);
  EXPECT_EQ(a.opened_on.to_string(), "2026-05-11");
  EXPECT_DOUBLE_EQ(a.value, 60 / kBedDays);
  EXPECT_GT(a.limit, 25.1 / kBedDays) << "the upper limit lies above the overall rate";
  EXPECT_LT(a.limit, a.value);
  const auto& b = cases.at(providers_[1].value);
  EXPECT_EQ(b.level, domain::OutlierLevel::alert);
  EXPECT_TRUE(b.high);
  EXPECT_EQ(b.stage, "alert_lead_clinician_informed");
  EXPECT_LT(b.limit, b.value);
  const auto& c = cases.at(providers_[2].value);
  EXPECT_EQ(c.level, domain::OutlierLevel::alert);
  EXPECT_FALSE(c.high);
  EXPECT_FALSE(c.unfavourable) << "fewer infections are better";
  EXPECT_EQ(c.stage, "positive_shared");
  EXPECT_GT(c.limit, c.value);

  auto again = check("2026-05-12");
  ASSERT_OK(again);
  EXPECT_TRUE(again->opened.empty());
  EXPECT_EQ(again->checks.front().already_open, 3);
  EXPECT_EQ(cases_by_provider().size(), 3U);
}

// Before the year's last day its results are in-year monitoring: nothing is checked. A year
// that ended before the previous financial year is past the process's window.
TEST_P(ResultOutliers, AYearInProgressAndAYearLongPastOpenNoCase) {
  add_rates("2025-04-01", "2026-03-31");
  add_rates("2022-04-01", "2023-03-31");
  auto in_year = check("2026-03-31");
  ASSERT_OK(in_year);
  for (const auto& item : in_year->checks) EXPECT_NE(item.period, "2025/26");
  EXPECT_TRUE(in_year->opened.empty());
  EXPECT_TRUE(store().outlier_cases(std::nullopt, audit_)->empty());

  auto ended = check("2026-04-01");
  ASSERT_OK(ended);
  ASSERT_EQ(ended->checks.size(), 1U);
  EXPECT_EQ(ended->checks.front().period, "2025/26");
  EXPECT_EQ(ended->opened.size(), 3U);
}

// An earlier check, on fewer providers' results, left A with an alert; the year's complete
// results put it beyond the 99.8% limit. The case becomes an alarm at the first stage of the
// alarm track, keeping its id, with an event that gives the rate per 1,000 bed days.
TEST_P(ResultOutliers, MoreCompleteResultsRaiseAnAlertToAnAlarm) {
  add_rates("2025-04-01", "2026-03-31");
  domain::OutlierCase earlier;
  earlier.audit_id = audit_;
  earlier.measure_id = rate_;
  earlier.organisation_id = providers_[0];
  earlier.period = "2025/26";
  earlier.level = domain::OutlierLevel::alert;
  earlier.high = true;
  earlier.unfavourable = true;
  earlier.value = 0.004;
  earlier.limit = 0.0035;
  const auto opened =
      domain::open_outlier_case(earlier, domain::OutlierTimetable::default_timetable(),
                                domain::WorkingDayCalendar::england_and_wales(), *Date::parse("2026-04-20"));
  auto id = store().add_outlier_case(opened, actor());
  ASSERT_OK(id);

  auto report = check("2026-05-11");
  ASSERT_OK(report);
  ASSERT_EQ(report->raised.size(), 1U);
  EXPECT_EQ(report->raised.front().id, *id);
  EXPECT_EQ(report->checks.front().cases_raised, 1);
  EXPECT_EQ(report->checks.front().cases_opened, 2);
  auto raised = store().outlier_case(*id);
  ASSERT_OK(raised);
  EXPECT_EQ(raised->level, domain::OutlierLevel::alarm);
  EXPECT_EQ(raised->stage, "data_check");
  EXPECT_DOUBLE_EQ(raised->value, 60 / kBedDays);
  auto events = store().outlier_events(*id);
  ASSERT_OK(events);
  ASSERT_FALSE(events->empty());
  EXPECT_THAT(events->back().what,
              HasSubstr("Raised from alert to alarm by the check of the imported results for 2025/26"));
  EXPECT_THAT(events->back().what, HasSubstr("6.00 per 1,000 bed days is beyond the 99.8% limit of "));
}

// A proportion reported by calendar year, and a ratio with its expected counts, are checked
// the same way; the proportion's case names the year "2025". Three providers is the least
// that makes a comparison.
TEST_P(ResultOutliers, ProportionsAndRatiosOfAYearAreCheckedToo) {
  domain::Measure share;
  share.audit_id = audit_;
  share.code = "screened";
  share.name = "Patients screened";
  share.type = domain::MeasureType::proportion;
  share.improvement = domain::Improvement::increase;
  auto share_id = store().add_measure(share, actor());
  ASSERT_OK(share_id);
  domain::Measure ratio = share;
  ratio.code = "smr";
  ratio.name = "Standardised mortality";
  ratio.type = domain::MeasureType::ratio;
  ratio.improvement = domain::Improvement::decrease;
  auto ratio_id = store().add_measure(ratio, actor());
  ASSERT_OK(ratio_id);
  std::vector<domain::MeasureResult> rows;
  for (int p = 0; p < kProviders; ++p) {
    domain::MeasureResult row;
    row.organisation_id = providers_[static_cast<std::size_t>(p)];
    row.measure_id = *share_id;
    row.period_start = *Date::parse("2025-01-01");
    row.period_end = *Date::parse("2025-12-31");
    // 180 of 200 screened, but provider 5 screened 100 (50%): far below the others' 90%.
    row.numerator = p == 5 ? 100 : 180;
    row.denominator = 200;
    rows.push_back(row);
    row.measure_id = *ratio_id;
    row.period_start = *Date::parse("2025-04-01");
    row.period_end = *Date::parse("2026-03-31");
    // 50 deaths expected everywhere; provider 7 had 110 (O/E 2.2), the others 50.
    row.numerator = p == 7 ? 110 : 50;
    row.denominator = std::nullopt;
    row.expected = 50;
    rows.push_back(row);
  }
  ASSERT_OK(store().add_results(rows, actor()));

  auto report = check("2026-05-11");
  ASSERT_OK(report);
  std::map<std::int64_t, domain::OutlierCase> by_measure;
  auto cases = store().outlier_cases(std::nullopt, audit_);
  ASSERT_OK(cases);
  for (const auto& c : *cases) by_measure.emplace(c.measure_id.value, c);
  ASSERT_EQ(cases->size(), 2U);
  const auto& low_share = by_measure.at(share_id->value);
  EXPECT_EQ(low_share.organisation_id, providers_[5]);
  EXPECT_EQ(low_share.period, "2025");
  EXPECT_EQ(low_share.level, domain::OutlierLevel::alarm);
  EXPECT_FALSE(low_share.high);
  EXPECT_TRUE(low_share.unfavourable) << "a lower share screened is worse";
  EXPECT_DOUBLE_EQ(low_share.value, 0.5);
  const auto& high_ratio = by_measure.at(ratio_id->value);
  EXPECT_EQ(high_ratio.organisation_id, providers_[7]);
  EXPECT_EQ(high_ratio.period, "2025/26");
  EXPECT_EQ(high_ratio.level, domain::OutlierLevel::alarm);
  EXPECT_DOUBLE_EQ(high_ratio.value, 2.2);
}

// The daily job checks every national audit's imported yearly results; a local audit's
// results are never checked.
TEST_P(ResultOutliers, TheDailyJobChecksNationalAuditsOnly) {
  add_rates("2025-04-01", "2026-03-31");
  const auto local = add_audit("LOCAL-HAND", domain::AuditKind::local_audit);
  domain::Measure local_rate;
  local_rate.audit_id = local;
  local_rate.code = "falls";
  local_rate.name = "Falls";
  local_rate.type = domain::MeasureType::rate;
  local_rate.improvement = domain::Improvement::decrease;
  auto local_id = store().add_measure(local_rate, actor());
  ASSERT_OK(local_id);
  add_rates("2025-04-01", "2026-03-31", *local_id);

  auto due = domain::run_due_analyses(store(), domain::OutlierTimetable::default_timetable(),
                                      domain::WorkingDayCalendar::england_and_wales(), *Date::parse("2026-05-11"),
                                      actor(), "test");
  ASSERT_OK(due);
  EXPECT_EQ(due->result_cases_opened, 3);
  ASSERT_EQ(due->result_checks.size(), 1U);
  EXPECT_EQ(due->result_checks.front().measure.code, "cdi");
  EXPECT_TRUE(store().outlier_cases(std::nullopt, local)->empty());
  auto quiet = domain::run_due_analyses(store(), domain::OutlierTimetable::default_timetable(),
                                        domain::WorkingDayCalendar::england_and_wales(), *Date::parse("2026-05-12"),
                                        actor(), "test");
  ASSERT_OK(quiet);
  EXPECT_EQ(quiet->result_cases_opened, 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ResultOutliers, ::testing::Values(sqlite_backend()), backend_name);
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
INSTANTIATE_TEST_SUITE_P(Postgres, ResultOutliers, ::testing::Values(postgres_backend()), backend_name);
#endif

}  // namespace
}  // namespace clinaudit::contract
