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

// A viewer's funnel is the stored one only when it may see every result the funnel compares.
TEST(StoredMeasureFunnels, FitAViewerWhoSeesEveryResultOfTheComparedPeriod) {
  const auto every = yearly_rates();
  auto older = every.front();
  older.period_start = *Date::parse("2024-04-01");
  older.period_end = *Date::parse("2025-03-31");
  auto with_older = every;
  with_older.push_back(older);
  const auto stored = funnel_from_results(a_rate(), with_older, "test");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->period_end, *Date::parse("2026-03-31"));
  EXPECT_TRUE(stored_funnel_fits(*stored, with_older, with_older));
  EXPECT_TRUE(stored_funnel_fits(*stored, every, with_older)) << "a hidden result of another year";
  auto hidden = every;
  hidden.pop_back();
  hidden.push_back(older);
  EXPECT_FALSE(stored_funnel_fits(*stored, hidden, with_older)) << "a hidden result of the compared year";

  auto two = every;
  two.resize(2);
  const auto too_few = funnel_from_results(a_rate(), two, "test");
  ASSERT_TRUE(too_few);
  EXPECT_FALSE(stored_funnel_fits(*too_few, two, two)) << "two providers are no comparison";
}

TEST(StoredMeasureFunnels, AContinuousMeasureOrNoResultsHaveNone) {
  auto measure = a_rate();
  EXPECT_FALSE(funnel_from_results(measure, {}, "test"));
  measure.type = MeasureType::continuous;
  EXPECT_FALSE(funnel_from_results(measure, yearly_rates(), "test"));
}

}  // namespace
}  // namespace clinaudit::domain
