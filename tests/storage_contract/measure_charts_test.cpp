// The stored SPC charts of measures: written and read whole (the XmR chart with its lines,
// NaN where a group has none), replaced and removed per organisation; and computed again only
// for the measure and organisation whose results, settings or software version changed, so
// that a change invalidates what depends on it and nothing else.
#include <cmath>
#include <map>

#include "domain/measure_series.hpp"
#include "domain/stored_measure_charts.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

// Month `i` (0-based) from April 2024.
Date month(int i) { return Month{2024 + (3 + i) / 12, static_cast<unsigned>((3 + i) % 12 + 1)}.first_day(); }

domain::MeasureResult result_of(MeasureId measure, OrganisationId organisation, int i, double numerator) {
  domain::MeasureResult row;
  row.measure_id = measure;
  row.organisation_id = organisation;
  row.period_start = month(i);
  row.period_end = Month::of(month(i)).last_day();
  row.numerator = numerator;
  row.denominator = 100;
  return row;
}

// `months` monthly results from April 2024; the numerators wander around 80 and the last
// three fall to 40, so the latest point is a special cause.
std::vector<domain::MeasureResult> series(MeasureId measure, OrganisationId organisation, int months, int from = 0) {
  std::vector<domain::MeasureResult> rows;
  for (int i = from; i < from + months; ++i) {
    rows.push_back(result_of(measure, organisation, i, i >= 14 ? 40 : 78 + (i * 7) % 5));
  }
  return rows;
}

domain::StoredMeasureChart chart_of(const domain::Measure& measure, OrganisationId organisation,
                                    const std::vector<double>& values) {
  std::vector<domain::MeasureResult> rows;
  for (std::size_t i = 0; i < values.size(); ++i) {
    rows.push_back(result_of(measure.id, organisation, static_cast<int>(i), values[i] * 100));
  }
  auto chart = domain::chart_from_results(measure, organisation, rows, "1.2.3");
  EXPECT_TRUE(chart.has_value());
  return chart.value_or(domain::StoredMeasureChart{});
}

bool same_line(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

TEST_P(StoreContract, MeasureChartsAreStoredWholeReplacedAndRemovedPerOrganisation) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto audit = add_audit("NHFD");
  const auto measure = *store().measure(add_measure(audit, "timely"));
  const auto second = *store().measure(add_measure(audit, "assessed"));

  std::vector<double> wandering;
  for (int i = 0; i < 15; ++i) wandering.push_back(i >= 12 ? 0.40 : 0.78 + 0.01 * ((i * 7) % 5));
  const auto charted = chart_of(measure, trust, wandering);
  const auto flat = chart_of(measure, other, std::vector<double>(13, 0.5));  // no limits: NaN lines
  ASSERT_OK(store().put_measure_charts(measure.id, {charted, flat}, {}, actor()));
  ASSERT_OK(store().put_measure_charts(second.id, {chart_of(second, trust, wandering)}, {}, actor()));

  auto own = store().measure_charts(std::nullopt, trust);
  ASSERT_OK(own);
  ASSERT_EQ(own->size(), 2U);
  const auto& read = (*own)[0];
  EXPECT_EQ(read.measure_id, measure.id);
  EXPECT_EQ(read.organisation_id, trust);
  EXPECT_EQ(read.audit_id, audit);
  EXPECT_EQ(read.input_checksum, charted.input_checksum);
  EXPECT_EQ(read.software_version, "1.2.3");
  EXPECT_FALSE(read.computed_at.empty());
  ASSERT_EQ(read.points.size(), 15U);
  EXPECT_EQ(read.points[14].period_start, month(14));
  EXPECT_DOUBLE_EQ(read.points[3].value, wandering[3]);
  EXPECT_EQ(read.chart.variation, charted.chart.variation);
  EXPECT_EQ(read.chart.variation, stats::VariationIcon::concern_low);
  EXPECT_EQ(read.chart.assurance, charted.chart.assurance);
  ASSERT_EQ(read.chart.points.size(), charted.chart.points.size());
  for (std::size_t i = 0; i < read.chart.points.size(); ++i) {
    EXPECT_EQ(read.chart.points[i].value, charted.chart.points[i].value) << i;  // exact: the text round-trips
    EXPECT_EQ(read.chart.points[i].upl, charted.chart.points[i].upl) << i;
    EXPECT_EQ(read.chart.points[i].near_lower, charted.chart.points[i].near_lower) << i;
    EXPECT_EQ(read.chart.points[i].rule, charted.chart.points[i].rule) << i;
    EXPECT_EQ(read.chart.points[i].type, charted.chart.points[i].type) << i;
  }
  ASSERT_EQ(read.chart.groups.size(), 1U);
  EXPECT_EQ(read.chart.groups[0].moving_ranges_used, charted.chart.groups[0].moving_ranges_used);
  EXPECT_EQ(read.chart.groups[0].amr, charted.chart.groups[0].amr);

  auto of_measure = store().measure_charts(measure.id, std::nullopt);
  ASSERT_OK(of_measure);
  ASSERT_EQ(of_measure->size(), 2U);
  const auto& constant = (*of_measure)[1];
  EXPECT_EQ(constant.organisation_id, other);
  ASSERT_FALSE(flat.chart.groups[0].has_limits);
  EXPECT_FALSE(constant.chart.groups[0].has_limits);
  EXPECT_TRUE(same_line(constant.chart.points[0].upl, flat.chart.points[0].upl));
  EXPECT_TRUE(same_line(constant.chart.groups[0].amr, flat.chart.groups[0].amr));
  EXPECT_EQ(store().measure_charts(measure.id, other)->size(), 1U);

  // Computed again for one organisation, removed for the other: one audit-log entry.
  const auto shorter = chart_of(measure, trust, std::vector<double>(wandering.begin(), wandering.begin() + 12));
  ASSERT_OK(store().put_measure_charts(measure.id, {shorter}, {other}, actor()));
  of_measure = store().measure_charts(measure.id, std::nullopt);
  ASSERT_OK(of_measure);
  ASSERT_EQ(of_measure->size(), 1U);
  EXPECT_EQ((*of_measure)[0].points.size(), 12U);
  EXPECT_EQ((*of_measure)[0].input_checksum, shorter.input_checksum);
  EXPECT_EQ(store().measure_charts(second.id, std::nullopt)->size(), 1U);  // another measure's stays
  EXPECT_EQ(store().audit_log("measure_charts", 10)->size(), 3U);

  // Refused whole: nothing of the write is kept.
  const auto unknown = store().put_measure_charts(MeasureId{987654}, {}, {}, actor());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  auto stranger = charted;
  stranger.organisation_id = OrganisationId{987654};
  const auto refused = store().put_measure_charts(measure.id, {stranger}, {trust}, actor());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::not_found);
  const auto misplaced = store().put_measure_charts(second.id, {charted}, {}, actor());
  ASSERT_FALSE(misplaced);
  EXPECT_EQ(misplaced.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(store().measure_charts(measure.id, trust)->front().points.size(), 12U);
}

// The checksum and computation time of each stored chart, by (measure, organisation).
std::map<std::pair<std::int64_t, std::int64_t>, std::string> stored_checksums(domain::Store& store) {
  std::map<std::pair<std::int64_t, std::int64_t>, std::string> out;
  const auto charts = store.measure_charts(std::nullopt, std::nullopt);
  EXPECT_TRUE(charts.has_value());
  for (const auto& chart : charts.value_or(std::vector<domain::StoredMeasureChart>{})) {
    out[{chart.measure_id.value, chart.organisation_id.value}] = chart.input_checksum + " " + chart.software_version;
  }
  return out;
}

TEST_P(StoreContract, AChangeOfResultsOrSettingsRecomputesExactlyTheChartsThatDependOnIt) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto newcomer = add_organisation("RZZ");
  const auto audit = add_audit("NHFD");
  const auto timely = add_measure(audit, "timely");
  const auto assessed = add_measure(audit, "assessed");
  ASSERT_OK(store().add_results(series(timely, trust, 15), actor()));
  ASSERT_OK(store().add_results(series(timely, other, 13), actor()));
  ASSERT_OK(store().add_results(series(assessed, trust, 14), actor()));
  ASSERT_OK(store().add_results(series(assessed, newcomer, 11), actor()));  // too few to chart

  auto done = domain::refresh_all_measure_charts(store(), "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->stored, 3);
  EXPECT_EQ(done->removed, 0);
  const auto first = stored_checksums(store());
  ASSERT_EQ(first.size(), 3U);
  EXPECT_FALSE(first.contains({assessed.value, newcomer.value}));
  EXPECT_EQ(store().measure_charts(timely, trust)->front().chart.variation, stats::VariationIcon::concern_low);

  // Nothing changed: nothing computed again, nothing written.
  done = domain::refresh_all_measure_charts(store(), "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->stored, 0);
  EXPECT_EQ(done->unchanged, 3);
  EXPECT_EQ(store().audit_log("measure_charts", 100)->size(), 2U);  // one entry per measure, from the first

  // Another month of one organisation's results on one measure: that chart alone.
  ASSERT_OK(store().add_results(series(timely, other, 1, 13), actor()));
  done = domain::refresh_measure_charts(store(), std::vector<MeasureId>{timely, assessed}, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->stored, 1);
  EXPECT_EQ(done->unchanged, 2);
  const auto second = stored_checksums(store());
  EXPECT_NE(second.at({timely.value, other.value}), first.at({timely.value, other.value}));
  EXPECT_EQ(second.at({timely.value, trust.value}), first.at({timely.value, trust.value}));
  EXPECT_EQ(second.at({assessed.value, trust.value}), first.at({assessed.value, trust.value}));
  EXPECT_EQ(store().measure_charts(timely, other)->front().points.size(), 14U);

  // The twelfth result of an organisation charts it for the first time.
  ASSERT_OK(store().add_results(series(assessed, newcomer, 1, 11), actor()));
  done = domain::refresh_measure_charts(store(), std::vector<MeasureId>{assessed}, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->stored, 1);
  EXPECT_EQ(stored_checksums(store()).size(), 4U);

  // A new target changes every chart of that measure (its assurance icon), none of the other's.
  auto measure = *store().measure(timely);
  measure.target = 0.5;
  ASSERT_OK(store().update_measure(measure, actor()));
  const auto before_target = stored_checksums(store());
  done = domain::refresh_measure_charts(store(), measure, "1.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->stored, 2);
  const auto after_target = stored_checksums(store());
  EXPECT_NE(after_target.at({timely.value, trust.value}), before_target.at({timely.value, trust.value}));
  EXPECT_NE(after_target.at({timely.value, other.value}), before_target.at({timely.value, other.value}));
  EXPECT_EQ(after_target.at({assessed.value, trust.value}), before_target.at({assessed.value, trust.value}));
  EXPECT_EQ(after_target.at({assessed.value, newcomer.value}), before_target.at({assessed.value, newcomer.value}));

  // Another software version computes every chart again.
  done = domain::refresh_all_measure_charts(store(), "2.0", actor());
  ASSERT_OK(done);
  EXPECT_EQ(done->stored, 4);
  for (const auto& [key, stamp] : stored_checksums(store())) EXPECT_TRUE(stamp.ends_with(" 2.0"));
}

}  // namespace
}  // namespace clinaudit::contract
