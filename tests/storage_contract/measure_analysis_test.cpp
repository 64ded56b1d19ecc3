// An analysis run computes every measure of an audit that comes from its episodes, each with
// its own outcome column and model, on each database: a case-mix ratio, a ratio whose expected
// risks are a dataset column, and a proportion. The per-provider figures are checked against
// sums written out here from the raw rows, not against the product's output: with the model
// `died30 ~ sex` (one two-level factor) the maximum-likelihood fitted risk of an episode is the
// death rate of its sex among the episodes modelled, so each provider's expected deaths are
// a sum of those rates.
#include <cmath>
#include <map>
#include <set>

#include "domain/analysis_run.hpp"
#include "domain/scheduled_analysis.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

constexpr int kEpisodes = 300;
constexpr int kProviders = 10;

// One raw episode as the test writes it; NaN or "" where a value is missing.
struct RawEpisode {
  int provider = 0;  // index into the providers
  Date admitted;
  double died30 = 0;
  std::string sex;
  double p_risk = 0;
  double returned = 0;
};

std::vector<RawEpisode> raw_episodes() {
  std::vector<RawEpisode> rows;
  const Date first = *Date::parse("2025-04-01");
  const double missing = std::nan("");
  for (int i = 0; i < kEpisodes; ++i) {
    RawEpisode row;
    row.provider = i % kProviders;
    row.admitted = first.plus_days(i);
    row.sex = i % 17 == 5 ? "" : i % 3 == 0 ? "M" : "F";
    const int draw = (i * 37 + 11) % 100;
    row.died30 = i % 29 == 7 ? missing : draw < (row.sex == "M" ? 18 : 9) + (row.provider == 1 ? 6 : 0) ? 1 : 0;
    row.p_risk = i % 13 == 4 ? missing : 0.04 + 0.002 * (i % 50);
    // The third provider's patients come back far more often than the others'.
    const int back = static_cast<int>((static_cast<std::uint32_t>(i) * 2654435761U) >> 8) % 100;
    row.returned = i % 19 == 3 ? missing : back < (row.provider == 2 ? 70 : 15) ? 1 : 0;
    rows.push_back(row);
  }
  return rows;
}

void declare_dataset(domain::Store& store, AuditId audit) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  dataset.columns = {
      {"died30", domain::ValueType::yes_no, false, {}, {}, {}, "Died within 30 days"},
      {"sex", domain::ValueType::category, false, {}, {}, {"F", "M"}, "Sex"},
      {"p_risk", domain::ValueType::number, false, 0.0, 1.0, {}, "Published model's predicted risk of death"},
      {"returned", domain::ValueType::yes_no, false, {}, {}, {}, "Returned to theatre"},
  };
  ASSERT_TRUE(store.set_dataset(dataset, domain::Actor{std::nullopt, "contract-test"}));
}

domain::EpisodeColumns columns_of(AuditId audit, const std::vector<OrganisationId>& providers,
                                  const std::vector<RawEpisode>& rows) {
  domain::EpisodeColumns out;
  out.audit_id = audit;
  out.add_column("died30", domain::ValueType::yes_no);
  out.add_column("sex", domain::ValueType::category);
  out.add_column("p_risk", domain::ValueType::number);
  out.add_column("returned", domain::ValueType::yes_no);
  for (const auto& row : rows) {
    out.provider.push_back(providers[static_cast<std::size_t>(row.provider)]);
    out.admission_date.push_back(row.admitted);
    out.columns[0].numbers.push_back(row.died30);
    out.columns[1].texts.push_back(row.sex);
    out.columns[2].numbers.push_back(row.p_risk);
    out.columns[3].numbers.push_back(row.returned);
  }
  return out;
}

domain::Measure measure_of(AuditId audit, const std::string& code, const std::string& name,
                           domain::MeasureSource source) {
  domain::Measure m;
  m.audit_id = audit;
  m.code = code;
  m.name = name;
  m.type = source == domain::MeasureSource::episode_proportion ? domain::MeasureType::proportion
                                                               : domain::MeasureType::ratio;
  m.improvement = domain::Improvement::decrease;
  m.source = source;
  return m;
}

// What the test expects of one provider, summed from the raw rows.
struct Expected {
  std::int64_t episodes = 0;
  std::int64_t observed = 0;
  double expected = 0;
};

class MeasureAnalysis : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;  // no database here: nothing to set up
    for (int p = 0; p < kProviders; ++p) providers_.push_back(add_organisation("RP" + std::to_string(p)));
    audit_ = add_audit("NELA");
    declare_dataset(store(), audit_);
    auto mort =
        measure_of(audit_, "mort30", "Risk-adjusted 30-day mortality", domain::MeasureSource::episode_model_ratio);
    mort.outcome_column = "died30";
    mort.formula = "died30 ~ sex";
    auto possum = measure_of(audit_, "pmort", "30-day mortality against the published risk score",
                             domain::MeasureSource::episode_expected_column);
    possum.outcome_column = "died30";
    possum.expected_column = "p_risk";
    auto back = measure_of(audit_, "rtt", "Unplanned return to theatre", domain::MeasureSource::episode_proportion);
    back.outcome_column = "returned";
    for (const auto& m : {mort, possum, back}) {
      auto id = store().add_measure(m, actor());
      ASSERT_OK(id);
      ids_[m.code] = *id;
    }
    rows_ = raw_episodes();
    auto writer = store().begin_episodes(audit_, {"died30", "sex", "p_risk", "returned"}, actor());
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->append(columns_of(audit_, providers_, rows_)));
    ASSERT_OK((*writer)->commit());
  }

  Result<domain::AnalysisRun> run(Date today) {
    return domain::run_analysis(store(), audit_, *FinancialYear::parse("2025/26"),
                                domain::OutlierTimetable::default_timetable(),
                                domain::WorkingDayCalendar::england_and_wales(), today, actor(), "test");
  }

  std::vector<OrganisationId> providers_;
  AuditId audit_;
  std::map<std::string, MeasureId> ids_;
  std::vector<RawEpisode> rows_;
};

// The death rate of each sex among the episodes holding both died30 and sex: the fitted risk
// of `died30 ~ sex`.
std::map<std::string, double> death_rate_by_sex(const std::vector<RawEpisode>& rows) {
  std::map<std::string, std::pair<double, double>> sums;
  for (const auto& row : rows) {
    if (std::isnan(row.died30) || row.sex.empty()) continue;
    sums[row.sex].first += row.died30;
    sums[row.sex].second += 1;
  }
  std::map<std::string, double> rate;
  for (const auto& [sex, sum] : sums) rate[sex] = sum.first / sum.second;
  return rate;
}

const domain::MeasureRun& measure_run(const domain::AnalysisRun& run, const std::string& code) {
  for (const auto& m : run.measures) {
    if (m.measure.code == code) return m;
  }
  ADD_FAILURE() << "the run did not compute " << code;
  return run.measures.front();
}

void expect_providers(const domain::MeasureRun& computed, const std::vector<OrganisationId>& providers,
                      const std::vector<Expected>& expected) {
  ASSERT_EQ(computed.analysis.providers.size(), providers.size()) << computed.measure.code;
  for (std::size_t p = 0; p < providers.size(); ++p) {
    const auto& got = computed.analysis.providers[p];
    SCOPED_TRACE(computed.measure.code + " provider " + std::to_string(p));
    EXPECT_EQ(got.provider, providers[p]);
    EXPECT_EQ(got.episodes, expected[p].episodes);
    EXPECT_EQ(got.observed, expected[p].observed);
    EXPECT_NEAR(got.expected, expected[p].expected, 1e-6);
  }
}

TEST_P(MeasureAnalysis, EveryEpisodeMeasureIsComputedWithItsOwnOutcomeAndModel) {
  const Date today = *Date::parse("2026-05-11");
  auto done = run(today);
  ASSERT_OK(done);
  ASSERT_EQ(done->measures.size(), 3U);

  // The case-mix ratio: episodes without died30 or sex are left out.
  const auto rate = death_rate_by_sex(rows_);
  std::vector<Expected> mort(kProviders);
  std::int64_t mort_dropped = 0;
  // The published risk: episodes without died30 or p_risk are left out.
  std::vector<Expected> possum(kProviders);
  std::int64_t possum_dropped = 0;
  // The proportion: episodes without `returned` are left out.
  std::vector<Expected> back(kProviders);
  std::int64_t back_dropped = 0;
  for (const auto& row : rows_) {
    const auto p = static_cast<std::size_t>(row.provider);
    if (std::isnan(row.died30) || row.sex.empty()) {
      ++mort_dropped;
    } else {
      ++mort[p].episodes;
      mort[p].observed += row.died30 != 0 ? 1 : 0;
      mort[p].expected += rate.at(row.sex);
    }
    if (std::isnan(row.died30) || std::isnan(row.p_risk)) {
      ++possum_dropped;
    } else {
      ++possum[p].episodes;
      possum[p].observed += row.died30 != 0 ? 1 : 0;
      possum[p].expected += row.p_risk;
    }
    if (std::isnan(row.returned)) {
      ++back_dropped;
    } else {
      ++back[p].episodes;
      back[p].observed += row.returned != 0 ? 1 : 0;
    }
  }
  ASSERT_GT(mort_dropped, 0);
  ASSERT_GT(possum_dropped, 0);
  ASSERT_GT(back_dropped, 0);

  const auto& m = measure_run(*done, "mort30");
  const auto& e = measure_run(*done, "pmort");
  const auto& b = measure_run(*done, "rtt");
  expect_providers(m, providers_, mort);
  expect_providers(e, providers_, possum);
  expect_providers(b, providers_, back);
  EXPECT_EQ(m.analysis.rows_dropped, mort_dropped);
  EXPECT_EQ(m.analysis.rows_used, kEpisodes - mort_dropped);
  EXPECT_EQ(e.analysis.rows_dropped, possum_dropped);
  EXPECT_EQ(b.analysis.rows_dropped, back_dropped);
  EXPECT_EQ(b.analysis.funnel.type, stats::FunnelType::proportion);
  EXPECT_EQ(e.analysis.funnel.type, stats::FunnelType::ratio);
  for (std::size_t p = 0; p < providers_.size(); ++p) {
    ASSERT_TRUE(b.analysis.funnel.units[p].value.has_value());
    EXPECT_NEAR(*b.analysis.funnel.units[p].value,
                static_cast<double>(back[p].observed) / static_cast<double>(back[p].episodes), 1e-12);
  }
  EXPECT_TRUE(b.analysis.cusum_alerts.empty());

  // Each measure's results are stored: observed and episodes, and expected for the ratios.
  for (const auto& [code, expected] :
       std::map<std::string, std::vector<Expected>>{{"mort30", mort}, {"pmort", possum}, {"rtt", back}}) {
    auto results = store().results_of(ids_.at(code), std::nullopt);
    ASSERT_OK(results);
    ASSERT_EQ(results->size(), providers_.size()) << code;
    for (const auto& result : *results) {
      std::size_t p = 0;
      while (providers_[p] != result.organisation_id) ++p;
      SCOPED_TRACE(code + " provider " + std::to_string(p));
      EXPECT_EQ(result.numerator, static_cast<double>(expected[p].observed));
      EXPECT_EQ(result.denominator, static_cast<double>(expected[p].episodes));
      if (code == "rtt") {
        EXPECT_FALSE(result.expected.has_value());
      } else {
        ASSERT_TRUE(result.expected.has_value());
        EXPECT_NEAR(*result.expected, expected[p].expected, 1e-6);
      }
    }
  }

  // Outlier cases per measure: one for each provider beyond that measure's limits, named by
  // that measure. The third provider's returns to theatre are far above the others'.
  auto cases = store().outlier_cases(std::nullopt, audit_);
  ASSERT_OK(cases);
  std::set<std::pair<std::int64_t, std::int64_t>> opened;
  for (const auto& c : *cases) opened.insert({c.measure_id.value, c.organisation_id.value});
  std::set<std::pair<std::int64_t, std::int64_t>> flagged;
  for (const auto& computed : done->measures) {
    for (const auto& provider : computed.analysis.providers) {
      if (provider.flagged()) flagged.insert({computed.measure.id.value, provider.provider.value});
    }
  }
  EXPECT_EQ(opened, flagged);

  EXPECT_TRUE(opened.contains({ids_.at("rtt").value, providers_[2].value}));
  for (const auto& c : *cases) {
    if (c.measure_id != ids_.at("rtt") || c.organisation_id != providers_[2]) continue;
    EXPECT_TRUE(c.high);
    EXPECT_TRUE(c.unfavourable);
    EXPECT_NEAR(c.value, static_cast<double>(back[2].observed) / static_cast<double>(back[2].episodes), 1e-12);
  }

  // CUSUM alerts belong to the ratio measure whose risks the chart followed.
  auto alerts = store().cusum_alerts(std::nullopt, audit_);
  ASSERT_OK(alerts);
  for (const auto& alert : *alerts) EXPECT_NE(alert.measure_id, ids_.at("rtt"));

  // The run record keeps each measure's source, outcome, formula or column, and rows.
  reopen();
  auto runs = store().analysis_runs(audit_);
  ASSERT_OK(runs);
  ASSERT_EQ(runs->size(), 1U);
  const auto& record = runs->front();
  ASSERT_EQ(record.measures.size(), 3U);
  EXPECT_EQ(record.measures[0].measure_code, "mort30");
  EXPECT_EQ(record.measures[0].measure_name, "Risk-adjusted 30-day mortality");
  EXPECT_EQ(record.measures[0].source, domain::MeasureSource::episode_model_ratio);
  EXPECT_EQ(record.measures[0].outcome_column, "died30");
  EXPECT_EQ(record.measures[0].formula, "died30 ~ sex");
  EXPECT_EQ(record.measures[0].rows_used, kEpisodes - mort_dropped);
  EXPECT_EQ(record.measures[0].rows_dropped, mort_dropped);
  EXPECT_EQ(record.measures[1].measure_code, "pmort");
  EXPECT_EQ(record.measures[1].source, domain::MeasureSource::episode_expected_column);
  EXPECT_EQ(record.measures[1].expected_column, "p_risk");
  EXPECT_TRUE(record.measures[1].formula.empty());
  EXPECT_EQ(record.measures[1].rows_dropped, possum_dropped);
  EXPECT_EQ(record.measures[2].measure_code, "rtt");
  EXPECT_EQ(record.measures[2].source, domain::MeasureSource::episode_proportion);
  EXPECT_EQ(record.measures[2].outcome_column, "returned");
  EXPECT_EQ(record.measures[2].rows_used, kEpisodes - back_dropped);
  EXPECT_GE(record.measures[2].cases_opened, 1);
  EXPECT_EQ(record.cases_opened, static_cast<std::int64_t>(cases->size()));

  // The same episodes again: the same numbers, no new case, no new result.
  auto again = run(today.plus_days(1));
  ASSERT_OK(again);
  EXPECT_TRUE(again->opened.empty());
  EXPECT_EQ(again->results_stored, 0);
  EXPECT_EQ(again->already_open, static_cast<std::int64_t>(cases->size()));
  expect_providers(measure_run(*again, "rtt"), providers_, back);
}

TEST_P(MeasureAnalysis, AMeasureTheDataCannotGiveWritesNothingForTheOthers) {
  // An expected-risk measure naming a column that is not a number: refused at the run, by
  // its code, before any measure's results or cases are written.
  auto broken = measure_of(audit_, "bad", "Broken", domain::MeasureSource::episode_expected_column);
  broken.outcome_column = "died30";
  broken.expected_column = "sex";
  ASSERT_OK(store().add_measure(broken, actor()));
  auto done = run(*Date::parse("2026-05-11"));
  ASSERT_FALSE(done.has_value());
  EXPECT_THAT(done.error().message, HasSubstr("measure 'bad'"));
  EXPECT_THAT(done.error().message, HasSubstr("'sex' is not a number column"));
  for (const auto& [code, id] : ids_) EXPECT_TRUE(store().results_of(id, std::nullopt)->empty()) << code;
  EXPECT_TRUE(store().outlier_cases(std::nullopt, audit_)->empty());
  EXPECT_TRUE(store().analysis_runs(audit_)->empty());
}

// The daily job analyses a year again when a measure computed from episodes is added or
// changed, though the episodes are the same; unchanged measures and data are left alone.
TEST_P(MeasureAnalysis, TheDailyJobAnalysesAgainWhenTheMeasuresChange) {
  const Date today = *Date::parse("2026-05-11");  // 2025/26 is the year before
  const auto due = [&] {
    return domain::run_due_analyses(store(), domain::OutlierTimetable::default_timetable(),
                                    domain::WorkingDayCalendar::england_and_wales(), today, actor(), "test");
  };
  auto first = due();
  ASSERT_OK(first);
  EXPECT_EQ(first->ran(), 1);
  auto quiet = due();
  ASSERT_OK(quiet);
  EXPECT_EQ(quiet->ran(), 0);

  auto changed = store().measure(ids_.at("mort30"));
  ASSERT_OK(changed);
  changed->formula = "died30 ~ p_risk";
  ASSERT_OK(store().update_measure(*changed, actor()));
  auto again = due();
  ASSERT_OK(again);
  EXPECT_EQ(again->ran(), 1);
  for (const auto& item : again->analyses) EXPECT_EQ(item.failure, "") << item.period;
  auto runs = store().analysis_runs(audit_);
  ASSERT_OK(runs);
  ASSERT_EQ(runs->size(), 2U);
  EXPECT_EQ(runs->front().measures.front().formula, "died30 ~ p_risk");
  EXPECT_EQ(runs->front().input_checksum, runs->back().input_checksum);
}

// Outlier cases are for complete periods: a run before the year has ended (in-year
// monitoring) counts its flagged providers and opens nothing; the daily job's first run after
// the year's last day analyses the same episodes again as the complete year and opens them.
TEST_P(MeasureAnalysis, AnInYearRunOpensNoCaseAndTheFirstRunAfterTheYearDoes) {
  auto in_year = run(*Date::parse("2026-02-10"));
  ASSERT_OK(in_year);
  EXPECT_FALSE(in_year->complete_period);
  EXPECT_TRUE(in_year->opened.empty());
  EXPECT_GE(measure_run(*in_year, "rtt").flagged_in_year, 1);  // the third provider's returns
  EXPECT_TRUE(store().outlier_cases(std::nullopt, audit_)->empty());
  auto results = store().results_of(ids_.at("rtt"), std::nullopt);
  ASSERT_OK(results);
  ASSERT_FALSE(results->empty());
  for (const auto& row : *results) EXPECT_FALSE(row.published) << "an in-year result is not published";

  const auto due = [&](const char* today) {
    return domain::run_due_analyses(store(), domain::OutlierTimetable::default_timetable(),
                                    domain::WorkingDayCalendar::england_and_wales(), *Date::parse(today), actor(),
                                    "test");
  };
  auto last_day = due("2026-03-31");
  ASSERT_OK(last_day);
  EXPECT_EQ(last_day->ran(), 0) << "same episodes, year not over";
  auto after = due("2026-04-01");
  ASSERT_OK(after);
  ASSERT_EQ(after->ran(), 1) << "the year is over: analysed as a complete period";
  EXPECT_GE(after->analyses.front().cases_opened, 1);
  auto cases = store().outlier_cases(std::nullopt, audit_);
  ASSERT_OK(cases);
  ASSERT_EQ(static_cast<std::int64_t>(cases->size()), after->analyses.front().cases_opened);
  bool returns = false;
  for (const auto& c : *cases) {
    EXPECT_EQ(c.opened_on.to_string(), "2026-04-01");
    returns = returns || (c.measure_id == ids_.at("rtt") && c.organisation_id == providers_[2]);
  }
  EXPECT_TRUE(returns) << "the third provider's return-to-theatre case";
  auto quiet = due("2026-04-02");
  ASSERT_OK(quiet);
  EXPECT_EQ(quiet->ran(), 0);
}

// An earlier analysis of the period (on less complete data) left the third provider with an
// alert whose local review is done; the complete year puts it beyond the 99.8% limit. The
// same case becomes an alarm at the first stage of the alarm track, open again, with its
// history kept and an event saying why; a second run changes nothing.
TEST_P(MeasureAnalysis, TheCompleteYearRaisesAnAlertCaseToAnAlarmKeepingItsHistory) {
  const auto& timetable = domain::OutlierTimetable::default_timetable();
  const auto& calendar = domain::WorkingDayCalendar::england_and_wales();
  domain::OutlierCase alert;
  alert.audit_id = audit_;
  alert.measure_id = ids_.at("rtt");
  alert.organisation_id = providers_[2];
  alert.period = "2025/26";
  alert.level = domain::OutlierLevel::alert;
  alert.high = true;
  alert.unfavourable = true;
  alert.value = 0.5;
  alert.limit = 0.45;
  alert = domain::open_outlier_case(alert, timetable, calendar, *Date::parse("2026-02-02"));
  auto id = store().add_outlier_case(alert, actor());
  ASSERT_OK(id);
  alert.id = *id;
  alert.status = domain::OutlierStatus::closed;
  alert.stage = "alert_local_review";
  alert.stage_due_on = std::nullopt;
  domain::OutlierEvent review;
  review.stage = "alert_local_review";
  review.what = "Local review: theatre lists re-audited";
  ASSERT_OK(store().update_outlier_case(alert, review, actor()));

  const Date today = *Date::parse("2026-05-11");
  auto complete = run(today);
  ASSERT_OK(complete);
  EXPECT_TRUE(complete->complete_period);
  ASSERT_EQ(complete->raised.size(), 1U);
  EXPECT_EQ(measure_run(*complete, "rtt").cases_raised, 1);
  for (const auto& c : complete->opened) {
    EXPECT_FALSE(c.measure_id == ids_.at("rtt") && c.organisation_id == providers_[2]) << "no second case";
  }
  auto raised = store().outlier_case(*id);
  ASSERT_OK(raised);
  EXPECT_EQ(raised->level, domain::OutlierLevel::alarm);
  EXPECT_EQ(raised->stage, "data_check");
  EXPECT_EQ(raised->status, domain::OutlierStatus::open);
  // Ten working days from Monday 11 May 2026, the spring bank holiday (25 May) not counted.
  ASSERT_TRUE(raised->stage_due_on);
  EXPECT_EQ(raised->stage_due_on->to_string(), "2026-05-26");
  // 70% of the third provider's patients return against 15% elsewhere (raw_episodes).
  EXPECT_GT(raised->value, 0.5);
  EXPECT_GT(raised->value, raised->limit);
  auto events = store().outlier_events(*id);
  ASSERT_OK(events);
  ASSERT_EQ(events->size(), 2U);
  EXPECT_EQ(events->at(0).what, "Local review: theatre lists re-audited");
  EXPECT_THAT(events->at(1).what, HasSubstr("Raised from alert to alarm by the analysis of 2025/26 run on 2026-05-11"));
  EXPECT_THAT(events->at(1).what, HasSubstr("beyond the 99.8% limit of"));

  auto again = run(today.plus_days(1));
  ASSERT_OK(again);
  EXPECT_TRUE(again->raised.empty());
  EXPECT_TRUE(again->opened.empty());
  EXPECT_EQ(store().outlier_events(*id)->size(), 2U);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MeasureAnalysis, ::testing::Values(sqlite_backend()), backend_name);
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
INSTANTIATE_TEST_SUITE_P(Postgres, MeasureAnalysis, ::testing::Values(postgres_backend()), backend_name);
#endif

}  // namespace
}  // namespace clinaudit::contract
