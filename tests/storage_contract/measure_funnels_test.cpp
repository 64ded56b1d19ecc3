// The stored funnel plots of measures: written and read whole (units, limit model,
// overdispersion and the chart's limit curves), one per view of a measure's results, replaced
// and removed per measure; computed again only for the measure whose results or settings
// changed; and what the national view and a trust's view draw, computing none on the request.
#include "domain/measure_series.hpp"
#include "domain/stored_measure_charts.hpp"
#include "domain/stored_measure_funnels.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

constexpr int kProviders = 10;

// Ten providers' events in 2025/26: 20 each over 10,000 days, the tenth 60, so the plot has
// an alarm; with `wide`, providers alternate between 5 and 40 so the limits are widened for
// overdispersion (both lines of the curve then differ).
std::vector<domain::MeasureResult> yearly(MeasureId measure, const std::vector<OrganisationId>& providers,
                                          bool wide = false) {
  std::vector<domain::MeasureResult> rows;
  for (int p = 0; p < kProviders; ++p) {
    domain::MeasureResult row;
    row.measure_id = measure;
    row.organisation_id = providers[static_cast<std::size_t>(p)];
    row.period_start = *Date::parse("2025-04-01");
    row.period_end = *Date::parse("2026-03-31");
    row.numerator = wide ? (p % 2 == 0 ? 5 : 40) : p == kProviders - 1 ? 60 : 20;
    row.denominator = 10000;
    rows.push_back(row);
  }
  return rows;
}

class MeasureFunnels : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    for (int p = 0; p < kProviders; ++p) providers_.push_back(add_organisation("RF" + std::to_string(p)));
    audit_ = add_audit("HCAI");
    for (const char* code : {"cdi", "mrsa"}) {
      domain::Measure measure;
      measure.audit_id = audit_;
      measure.code = code;
      measure.name = std::string("Infections: ") + code;
      measure.type = domain::MeasureType::rate;
      measure.improvement = domain::Improvement::decrease;
      auto id = store().add_measure(measure, actor());
      ASSERT_OK(id);
      measure.id = *id;
      measures_.push_back(measure);
    }
  }

  std::map<std::int64_t, domain::StoredMeasureFunnel> stored() {
    std::map<std::int64_t, domain::StoredMeasureFunnel> out;
    auto funnels = store().measure_funnels(audit_, std::nullopt);
    EXPECT_TRUE(funnels.has_value());
    if (funnels) {
      for (auto& f : *funnels) out.emplace(f.measure_id.value, std::move(f));
    }
    return out;
  }

  std::vector<OrganisationId> providers_;
  AuditId audit_;
  std::vector<domain::Measure> measures_;
};

void expect_same_limits(const stats::FunnelLimits& a, const stats::FunnelLimits& b) {
  EXPECT_DOUBLE_EQ(a.l95.lower, b.l95.lower);
  EXPECT_DOUBLE_EQ(a.l95.upper, b.l95.upper);
  EXPECT_DOUBLE_EQ(a.l998.lower, b.l998.lower);
  EXPECT_DOUBLE_EQ(a.l998.upper, b.l998.upper);
}

TEST_P(MeasureFunnels, AreStoredWholeReplacedAndRemoved) {
  const auto& cdi = measures_[0];
  const auto written = domain::funnel_from_results(cdi, yearly(cdi.id, providers_, true), "1.2.3");
  ASSERT_TRUE(written && written->plot);
  ASSERT_TRUE(written->plot->model.applied) << "the figures are meant to be overdispersed";
  auto every = *written;
  every.every_result = true;
  ASSERT_OK(store().put_measure_funnels(cdi.id, {every}, actor()));

  auto held = stored();
  ASSERT_EQ(held.size(), 1U);
  const auto& read = held.at(cdi.id.value);
  EXPECT_EQ(read.audit_id, audit_);
  EXPECT_EQ(read.period, "2025-04-01 to 2026-03-31");
  EXPECT_EQ(read.period_end, *Date::parse("2026-03-31"));
  EXPECT_EQ(read.note, written->note);
  EXPECT_EQ(read.input_checksum, written->input_checksum);
  EXPECT_TRUE(read.every_result);
  EXPECT_EQ(read.software_version, "1.2.3");
  EXPECT_FALSE(read.computed_at.empty());
  ASSERT_TRUE(read.plot);
  const auto& a = *read.plot;
  const auto& b = *written->plot;
  EXPECT_EQ(a.type, b.type);
  EXPECT_DOUBLE_EQ(a.target, b.target);
  EXPECT_EQ(a.overdispersion.method, b.overdispersion.method);
  EXPECT_EQ(a.overdispersion.units_used, b.overdispersion.units_used);
  ASSERT_TRUE(a.overdispersion.phi && b.overdispersion.phi);
  EXPECT_DOUBLE_EQ(*a.overdispersion.phi, *b.overdispersion.phi);
  EXPECT_TRUE(a.overdispersion.applied);
  EXPECT_EQ(a.model.method, b.model.method);
  EXPECT_EQ(a.model.limits, b.model.limits);
  EXPECT_DOUBLE_EQ(a.model.tau2, b.model.tau2);
  ASSERT_EQ(a.units.size(), b.units.size());
  for (std::size_t i = 0; i < a.units.size(); ++i) {
    EXPECT_EQ(a.units[i].unit, b.units[i].unit);
    EXPECT_DOUBLE_EQ(a.units[i].numerator, b.units[i].numerator);
    EXPECT_EQ(a.units[i].flag, b.units[i].flag);
    ASSERT_TRUE(a.units[i].value && a.units[i].z && a.units[i].limits && a.units[i].unadjusted_limits);
    EXPECT_DOUBLE_EQ(*a.units[i].z, *b.units[i].z);
    expect_same_limits(*a.units[i].limits, *b.units[i].limits);
    expect_same_limits(*a.units[i].unadjusted_limits, *b.units[i].unadjusted_limits);
  }
  ASSERT_EQ(read.curve.size(), stats::kFunnelChartCurvePoints);
  for (std::size_t i = 0; i < read.curve.size(); i += 17) {
    EXPECT_DOUBLE_EQ(read.curve[i].denominator, written->curve[i].denominator);
    expect_same_limits(read.curve[i].limits, written->curve[i].limits);
    expect_same_limits(read.curve[i].unadjusted_limits, written->curve[i].unadjusted_limits);
  }

  // A second view: the national read is still the funnel over every result; the measure's
  // views are both, that one first, or the one asked for by its checksum.
  auto fewer = yearly(cdi.id, providers_);
  fewer.pop_back();
  auto view = domain::funnel_from_results(cdi, fewer, "1.2.3");
  ASSERT_TRUE(view);
  view->computed_at = "2026-01-02T03:04:05Z";
  ASSERT_OK(store().put_measure_funnels(cdi.id, {*view, every}, actor()));
  ASSERT_EQ(stored().size(), 1U);
  EXPECT_TRUE(stored().at(cdi.id.value).every_result);
  auto views = store().measure_funnel_views(cdi.id, std::nullopt);
  ASSERT_OK(views);
  ASSERT_EQ(views->size(), 2U);
  EXPECT_TRUE(views->at(0).every_result);
  EXPECT_FALSE(views->at(1).every_result);
  EXPECT_EQ(views->at(1).computed_at, "2026-01-02T03:04:05Z") << "a kept funnel keeps when it was computed";
  auto one = store().measure_funnel_views(cdi.id, view->input_checksum);
  ASSERT_OK(one);
  ASSERT_EQ(one->size(), 1U);
  ASSERT_TRUE(one->front().plot);
  EXPECT_EQ(one->front().plot->units.size(), static_cast<std::size_t>(kProviders) - 1);
  one = store().measure_funnel_views(cdi.id, std::string("no such checksum"));
  ASSERT_OK(one);
  EXPECT_TRUE(one->empty());

  // Refused writes leave what is stored.
  EXPECT_ERROR(store().put_measure_funnels(measures_[1].id, {every}, actor()), ErrorCode::invalid_input);
  EXPECT_ERROR(store().put_measure_funnels(cdi.id, {every, every}, actor()), ErrorCode::invalid_input);
  auto also_every = *view;
  also_every.every_result = true;
  EXPECT_ERROR(store().put_measure_funnels(cdi.id, {every, also_every}, actor()), ErrorCode::invalid_input);
  EXPECT_ERROR(store().put_measure_funnels(MeasureId{987654}, {}, actor()), ErrorCode::not_found);
  views = store().measure_funnel_views(cdi.id, std::nullopt);
  ASSERT_OK(views);
  EXPECT_EQ(views->size(), 2U);

  ASSERT_OK(store().put_measure_funnels(cdi.id, {}, actor()));
  EXPECT_TRUE(stored().empty());
  views = store().measure_funnel_views(cdi.id, std::nullopt);
  ASSERT_OK(views);
  EXPECT_TRUE(views->empty());
}

// Results of one measure recompute its funnel and no other's; unchanged inputs recompute
// nothing; a new target recomputes it; a new software version recomputes both.
TEST_P(MeasureFunnels, AChangeOfResultsOrSettingsRecomputesExactlyTheFunnelThatDependsOnIt) {
  const auto& cdi = measures_[0];
  const auto& mrsa = measures_[1];
  ASSERT_OK(store().add_results(yearly(cdi.id, providers_), actor()));
  ASSERT_OK(store().add_results(yearly(mrsa.id, providers_, true), actor()));
  const std::vector<MeasureId> both{cdi.id, mrsa.id};
  auto done = domain::refresh_measure_charts(store(), both, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->funnels_stored, 2);
  const auto first = stored();
  ASSERT_EQ(first.size(), 2U);

  done = domain::refresh_measure_charts(store(), both, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->funnels_stored, 0);

  // Another year of cdi: its funnel moves to 2026/27; mrsa's is left as it was.
  auto later = yearly(cdi.id, providers_);
  for (auto& row : later) {
    row.period_start = *Date::parse("2026-04-01");
    row.period_end = *Date::parse("2027-03-31");
  }
  ASSERT_OK(store().add_results(later, actor()));
  done = domain::refresh_measure_charts(store(), both, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->funnels_stored, 1);
  const auto second = stored();
  EXPECT_EQ(second.at(cdi.id.value).period, "2026-04-01 to 2027-03-31");
  EXPECT_NE(second.at(cdi.id.value).input_checksum, first.at(cdi.id.value).input_checksum);
  EXPECT_EQ(second.at(mrsa.id.value).input_checksum, first.at(mrsa.id.value).input_checksum);
  EXPECT_EQ(second.at(mrsa.id.value).computed_at, first.at(mrsa.id.value).computed_at);

  auto targeted = mrsa;
  targeted.target = 0.002;
  ASSERT_OK(store().update_measure(targeted, actor()));
  done = domain::refresh_measure_charts(store(), both, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->funnels_stored, 1);
  ASSERT_TRUE(stored().at(mrsa.id.value).plot);
  EXPECT_DOUBLE_EQ(stored().at(mrsa.id.value).plot->target, 0.002);

  done = domain::refresh_measure_charts(store(), both, "2.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->funnels_stored, 2);
}

// Both views draw stored funnels only (with their stored curves): the national view the one
// over every result, a trust's the one over what it may see (published results and its own);
// before one is stored, the page says so instead of computing it.
TEST_P(MeasureFunnels, PagesDrawTheStoredFunnelOfWhatTheViewerMaySee) {
  const auto& cdi = measures_[0];
  auto rows = yearly(cdi.id, providers_);
  for (auto& row : rows) row.published = true;
  ASSERT_OK(store().add_results(rows, actor()));
  domain::Principal analyst;
  analyst.role = domain::Role::national_analyst;
  analyst.organisation_id = add_organisation("NAT", domain::OrganisationType::national_body);
  domain::Principal trust;
  trust.role = domain::Role::audit_manager;
  trust.organisation_id = providers_[3];

  auto before = domain::measure_series(store(), analyst, audit_, true);
  ASSERT_OK(before);
  ASSERT_TRUE(before->front().funnel);
  EXPECT_FALSE(before->front().funnel->plot) << "nothing stored yet: nothing computed on the request";
  EXPECT_EQ(before->front().funnel->note, domain::funnel_not_computed().note);
  auto trust_before = domain::measure_series(store(), trust, audit_, false);
  ASSERT_OK(trust_before);
  ASSERT_TRUE(trust_before->front().funnel);
  EXPECT_FALSE(trust_before->front().funnel->plot);
  EXPECT_FALSE(trust_before->back().funnel) << "mrsa has no results: no funnel, and nothing to compute";

  ASSERT_OK(domain::refresh_measure_charts(store(), cdi, "1.0", actor()));
  auto after = domain::measure_series(store(), analyst, audit_, true);
  ASSERT_OK(after);
  const auto& funnel = after->front().funnel;
  ASSERT_TRUE(funnel && funnel->plot);
  EXPECT_EQ(funnel->curve.size(), stats::kFunnelChartCurvePoints);
  EXPECT_EQ(funnel->plot->units.back().unit, "Organisation RF9");
  ASSERT_EQ(funnel->flags.size(), 1U);
  EXPECT_EQ(funnel->flags.front().first, "Organisation RF9");
  EXPECT_TRUE(funnel->own_unit.empty());

  auto own = domain::measure_series(store(), trust, audit_, false);
  ASSERT_OK(own);
  ASSERT_TRUE(own->front().funnel && own->front().funnel->plot);
  EXPECT_EQ(own->front().funnel->curve.size(), stats::kFunnelChartCurvePoints);
  EXPECT_EQ(own->front().funnel->plot->units.size(), static_cast<std::size_t>(kProviders));
  EXPECT_EQ(own->front().funnel->own_unit, "Organisation RF3");
  EXPECT_EQ(own->front().own_results.size(), 1U);

  // A late, unpublished result of a provider of its own for the same year. Until the refresh,
  // the trust that may not see it draws the same stored funnel, and the late provider is told
  // its funnel is not computed yet.
  const auto late = add_organisation("RF10");
  domain::MeasureResult row = rows.front();
  row.organisation_id = late;
  row.numerator = 25;
  row.published = false;
  ASSERT_OK(store().add_results({row}, actor()));
  domain::Principal late_trust = trust;
  late_trust.organisation_id = late;
  auto unchanged = domain::measure_series(store(), trust, audit_, false);
  ASSERT_OK(unchanged);
  ASSERT_TRUE(unchanged->front().funnel && unchanged->front().funnel->plot);
  auto not_yet = domain::measure_series(store(), late_trust, audit_, false);
  ASSERT_OK(not_yet);
  ASSERT_TRUE(not_yet->front().funnel);
  EXPECT_FALSE(not_yet->front().funnel->plot);

  // After it: the national funnel and the late provider's take it in; the other trust's is the
  // published results' funnel, kept as it was computed.
  const auto published_view = store().measure_funnel_views(cdi.id, std::nullopt);
  ASSERT_OK(published_view);
  ASSERT_EQ(published_view->size(), 1U);
  ASSERT_OK(domain::refresh_measure_charts(store(), cdi, "1.0", actor()));
  auto national = domain::measure_series(store(), analyst, audit_, true);
  ASSERT_OK(national);
  ASSERT_TRUE(national->front().funnel && national->front().funnel->plot);
  EXPECT_EQ(national->front().funnel->plot->units.size(), static_cast<std::size_t>(kProviders) + 1);
  auto seen = domain::measure_series(store(), late_trust, audit_, false);
  ASSERT_OK(seen);
  ASSERT_TRUE(seen->front().funnel && seen->front().funnel->plot);
  EXPECT_EQ(seen->front().funnel->plot->units.size(), static_cast<std::size_t>(kProviders) + 1);
  EXPECT_EQ(seen->front().funnel->own_unit, "Organisation RF10");
  auto published = domain::measure_series(store(), trust, audit_, false);
  ASSERT_OK(published);
  ASSERT_TRUE(published->front().funnel && published->front().funnel->plot);
  EXPECT_EQ(published->front().funnel->curve.size(), stats::kFunnelChartCurvePoints);
  EXPECT_EQ(published->front().funnel->plot->units.size(), static_cast<std::size_t>(kProviders));
  const auto views = store().measure_funnel_views(cdi.id, std::nullopt);
  ASSERT_OK(views);
  ASSERT_EQ(views->size(), 2U) << "every result (also what the late provider sees); the published ones";
  EXPECT_EQ(views->at(1).input_checksum, published_view->front().input_checksum);
  EXPECT_EQ(views->at(1).computed_at, published_view->front().computed_at);
}

// A trust's own chart on its page is its stored chart (stored_measure_charts.hpp).
TEST_P(MeasureFunnels, ATrustsOwnChartIsItsStoredChart) {
  const auto& cdi = measures_[0];
  std::vector<domain::MeasureResult> monthly;
  for (int month = 0; month < 14; ++month) {
    domain::MeasureResult row;
    row.measure_id = cdi.id;
    row.organisation_id = providers_[2];
    row.period_start = Date::parse("2025-04-01")->plus_days(31 * month);
    row.period_end = row.period_start.plus_days(30);
    row.numerator = month == 13 ? 9 : 2 + month % 3;
    row.denominator = 1000;
    monthly.push_back(row);
  }
  ASSERT_OK(store().add_results(monthly, actor()));
  domain::Principal trust;
  trust.role = domain::Role::audit_manager;
  trust.organisation_id = providers_[2];
  auto before = domain::measure_series(store(), trust, audit_, false);
  ASSERT_OK(before);
  EXPECT_EQ(before->front().own_results.size(), 14U);
  EXPECT_FALSE(before->front().own_chart) << "not stored yet: not computed on the request";

  ASSERT_OK(domain::refresh_measure_charts(store(), cdi, "1.0", actor()));
  auto after = domain::measure_series(store(), trust, audit_, false);
  ASSERT_OK(after);
  ASSERT_TRUE(after->front().own_chart);
  const auto expected = domain::chart_from_results(cdi, providers_[2], monthly, "1.0");
  ASSERT_TRUE(expected);
  EXPECT_EQ(after->front().own_chart->points.size(), 14U);
  EXPECT_EQ(after->front().own_chart->variation, expected->chart.variation);
  EXPECT_EQ(after->front().variation, stats::to_string(expected->chart.variation));
  EXPECT_EQ(after->front().own_periods.size(), 14U);
  EXPECT_EQ(after->front().own_periods.front(), "2025-04-01");
}

// Funnels stored over every result before version 31 of the schema are kept as the national
// view's; the next refresh replaces them with the views of today's checksums.
TEST_P(MeasureFunnels, FunnelsStoredBeforeVersionThirtyOneAreTheNationalViewsUntilRefreshed) {
  const auto& cdi = measures_[0];
  const auto written = domain::funnel_from_results(cdi, yearly(cdi.id, providers_), "0.9");
  ASSERT_TRUE(written);
  auto every = *written;
  every.every_result = true;
  every.input_checksum = "as version 30 took it";
  ASSERT_OK(store().put_measure_funnels(cdi.id, {every}, actor()));
  close();
  execute_sql(url(),
              "CREATE TABLE measure_funnels (measure_id bigint PRIMARY KEY REFERENCES measures (id), funnel text NOT "
              "NULL, input_checksum text NOT NULL, software_version text NOT NULL, computed_at " +
                  std::string(GetParam().name == "Sqlite" ? "TEXT" : "timestamptz") +
                  " NOT NULL);"
                  "INSERT INTO measure_funnels SELECT measure_id, funnel, input_checksum, software_version, "
                  "computed_at FROM measure_funnel_views;"
                  "DROP TABLE measure_funnel_views; DELETE FROM schema_version WHERE version >= 31;");
  reopen();
  const auto held = stored();
  ASSERT_EQ(held.size(), 1U);
  const auto& kept = held.at(cdi.id.value);
  EXPECT_TRUE(kept.every_result);
  EXPECT_EQ(kept.input_checksum, "as version 30 took it");
  ASSERT_TRUE(kept.plot);
  EXPECT_EQ(kept.plot->units.size(), static_cast<std::size_t>(kProviders));

  ASSERT_OK(store().add_results(yearly(cdi.id, providers_), actor()));
  auto done = domain::refresh_measure_charts(store(), cdi, "0.9", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->funnels_stored, 1);
  EXPECT_EQ(stored().at(cdi.id.value).input_checksum, written->input_checksum);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, MeasureFunnels, ::testing::Values(sqlite_backend()), backend_name);
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
INSTANTIATE_TEST_SUITE_P(Postgres, MeasureFunnels, ::testing::Values(postgres_backend()), backend_name);
#endif

}  // namespace
}  // namespace clinaudit::contract
