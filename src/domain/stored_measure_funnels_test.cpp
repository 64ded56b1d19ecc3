#include "domain/stored_measure_funnels.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

Measure a_rate() {
  Measure measure;
  measure.id = MeasureId{7};
  measure.audit_id = AuditId{3};
  measure.type = MeasureType::rate;
  measure.improvement = Improvement::decrease;
  return measure;
}

// Ten providers' infections over 10,000 bed days each in 2025/26; provider 10 has 60, three
// times the others' 20 (an expected 24: far beyond the 99.8% limit).
std::vector<MeasureResult> yearly_rates() {
  std::vector<MeasureResult> rows;
  for (std::int64_t p = 1; p <= 10; ++p) {
    MeasureResult row;
    row.measure_id = MeasureId{7};
    row.organisation_id = OrganisationId{p};
    row.period_start = *Date::parse("2025-04-01");
    row.period_end = *Date::parse("2026-03-31");
    row.numerator = p == 10 ? 60 : 20;
    row.denominator = 10000;
    rows.push_back(row);
  }
  return rows;
}

// The stored funnel is the page's funnel: the same plot (units by organisation id), and the
// curve a chart of it would compute; named by organisation when viewed.
TEST(StoredMeasureFunnels, AreThePagesFunnelWithTheChartsCurve) {
  const auto measure = a_rate();
  const auto rows = yearly_rates();
  const auto stored = funnel_from_results(measure, rows, "test");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->measure_id, measure.id);
  EXPECT_EQ(stored->period, "2025-04-01 to 2026-03-31");
  ASSERT_TRUE(stored->plot);
  const auto computed = funnel_of(measure, rows, {});
  ASSERT_TRUE(computed && computed->plot);
  ASSERT_EQ(stored->plot->units.size(), computed->plot->units.size());
  for (std::size_t i = 0; i < stored->plot->units.size(); ++i) {
    EXPECT_EQ(stored->plot->units[i].unit, computed->plot->units[i].unit);
    EXPECT_EQ(stored->plot->units[i].flag, computed->plot->units[i].flag);
  }
  const auto curve = stats::funnel_chart_curve(*computed->plot);
  ASSERT_TRUE(curve);
  ASSERT_EQ(stored->curve.size(), curve->size());
  EXPECT_DOUBLE_EQ(stored->curve.back().limits.l998.upper, curve->back().limits.l998.upper);

  std::map<std::int64_t, Organisation> names;
  names[10] = Organisation{OrganisationId{10}, "R10", "Riverside", OrganisationType::acute, "London"};
  const auto view = stored_funnel_view(*stored, names);
  ASSERT_TRUE(view.plot);
  EXPECT_EQ(view.plot->units.back().unit, "Riverside");
  EXPECT_EQ(view.plot->units.front().unit, "1");  // no name known: its id
  ASSERT_FALSE(view.flags.empty());
  EXPECT_EQ(view.flags.back().first, "Riverside");
  EXPECT_EQ(view.curve.size(), stored->curve.size());
}

// The checksum follows every input the funnel reads, and nothing else.
TEST(StoredMeasureFunnels, TheChecksumFollowsTheResultsTypeAndTarget) {
  auto measure = a_rate();
  auto rows = yearly_rates();
  const auto base = funnel_checksum(measure, rows);
  EXPECT_EQ(funnel_checksum(measure, rows), base);
  measure.name = "renamed";
  measure.improvement = Improvement::increase;
  EXPECT_EQ(funnel_checksum(measure, rows), base) << "the funnel does not read the name or direction";
  measure.target = 0.002;
  EXPECT_NE(funnel_checksum(measure, rows), base);
  measure.target.reset();
  measure.type = MeasureType::proportion;
  EXPECT_NE(funnel_checksum(measure, rows), base);
  measure.type = MeasureType::rate;
  rows[2].numerator = 21;
  EXPECT_NE(funnel_checksum(measure, rows), base);
  rows[2].numerator = 20;
  rows[2].expected = 19.5;
  EXPECT_NE(funnel_checksum(measure, rows), base);
}

// The same compared results give the same checksum, whatever else a viewer sees: a result of
// another period leaves it as it was.
TEST(StoredMeasureFunnels, TheChecksumIsOfTheComparedPeriodOnly) {
  const auto measure = a_rate();
  const auto rows = yearly_rates();
  auto older = rows.front();
  older.period_start = *Date::parse("2024-04-01");
  older.period_end = *Date::parse("2025-03-31");
  auto with_older = rows;
  with_older.push_back(older);
  EXPECT_EQ(funnel_checksum(measure, with_older), funnel_checksum(measure, rows));
  auto fewer = rows;
  fewer.pop_back();
  EXPECT_NE(funnel_checksum(measure, fewer), funnel_checksum(measure, rows));
}

std::vector<std::size_t> view_sizes(const std::vector<FunnelView>& views) {
  std::vector<std::size_t> sizes;
  sizes.reserve(views.size());
  for (const auto& view : views) sizes.push_back(view.rows.size());
  return sizes;
}

// A funnel is stored for every result and for each different set of results trusts compare:
// the published ones, and the published ones with a trust's own unpublished result.
TEST(StoredMeasureFunnels, AreStoredForEachSetOfResultsAViewerCompares) {
  const auto measure = a_rate();
  auto rows = yearly_rates();
  for (auto& row : rows) row.published = true;
  auto views = funnel_views(measure, rows);
  ASSERT_EQ(views.size(), 1U) << "everything published: every viewer compares every result";
  EXPECT_TRUE(views[0].every_result);
  EXPECT_EQ(views[0].checksum, funnel_checksum(measure, rows));

  // Unpublished results of another year compare nothing more.
  auto older = rows.front();
  older.period_start = *Date::parse("2024-04-01");
  older.period_end = *Date::parse("2025-03-31");
  older.published = false;
  auto with_older = rows;
  with_older.push_back(older);
  EXPECT_EQ(view_sizes(funnel_views(measure, with_older)), std::vector<std::size_t>({11}));

  // Providers 9 and 10 unpublished: every result; the published eight; each of the two with
  // the published eight (what provider 9 or 10 sees).
  rows[8].published = false;
  rows[9].published = false;
  views = funnel_views(measure, rows);
  EXPECT_EQ(view_sizes(views), std::vector<std::size_t>({10, 8, 9, 9}));
  EXPECT_TRUE(views[0].every_result);
  EXPECT_FALSE(views[1].every_result || views[2].every_result || views[3].every_result);
  EXPECT_EQ(views[2].rows.back().organisation_id, OrganisationId{9});
  EXPECT_EQ(views[3].rows.back().organisation_id, OrganisationId{10});
  for (const auto& view : views) EXPECT_EQ(view.checksum, funnel_checksum(measure, view.rows));

  // Provider 10 alone unpublished: what it sees is every result, stored once.
  rows[8].published = true;
  EXPECT_EQ(view_sizes(funnel_views(measure, rows)), std::vector<std::size_t>({10, 9}));

  // Nothing published: each provider sees its own result alone.
  for (auto& row : rows) row.published = false;
  EXPECT_EQ(funnel_views(measure, rows).size(), 11U);

  auto continuous = measure;
  continuous.type = MeasureType::continuous;
  EXPECT_TRUE(funnel_views(continuous, rows).empty());
  EXPECT_TRUE(funnel_views(measure, {}).empty());
}

TEST(StoredMeasureFunnels, AContinuousMeasureOrNoResultsHaveNone) {
  auto measure = a_rate();
  EXPECT_FALSE(funnel_from_results(measure, {}, "test"));
  measure.type = MeasureType::continuous;
  EXPECT_FALSE(funnel_from_results(measure, yearly_rates(), "test"));
}

}  // namespace
}  // namespace clinaudit::domain
