// Results per criterion against target, and a re-audit's change per criterion. The expected
// intervals were computed with R 4.2 (r-base-core), independently of stats/:
//
//   wilson <- function(x, n) as.numeric(prop.test(x, n, correct = FALSE)$conf.int)
//   newcombe <- function(x1, n1, x2, n2) {   # Newcombe 1998, method 10: after - before
//     p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1); w2 <- wilson(x2, n2); d <- p1 - p2
//     c(d, d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
//   }
//   options(digits = 15)
//   wilson(45, 50)  # 0.786397685625204 0.956524235068110
//   wilson(30, 50)  # 0.461814377475894 0.723916102697435
//   wilson(48, 50)  # 0.86539909312493  0.98896111567238
//   newcombe(45, 50, 30, 50)  # 0.3   0.131890849924725  0.449299214406539
//   newcombe(42, 50, 40, 50)  # 0.04 -0.112734252038809  0.191222105842201
#include "domain/criteria_results.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

constexpr double kTolerance = 1e-9;

Criterion criterion(std::string statement, double target, std::optional<std::int64_t> met,
                    std::optional<std::int64_t> applicable) {
  Criterion c;
  c.id = CriterionId{static_cast<std::int64_t>(statement.size())};
  c.statement = std::move(statement);
  c.target_percent = target;
  c.met = met;
  c.applicable = applicable;
  return c;
}

TEST(CriterionFigures, ComplianceHasTheWilsonIntervalOfR) {
  const auto f = criterion_figures(criterion("Antibiotics within one hour", 95, 45, 50)).value();
  ASSERT_TRUE(f.compliance);
  EXPECT_NEAR(*f.compliance, 0.9, kTolerance);
  EXPECT_NEAR(f.interval.lower, 0.786397685625204, kTolerance);
  EXPECT_NEAR(f.interval.upper, 0.956524235068110, kTolerance);
}

TEST(CriterionFigures, TheVerdictComparesComplianceAndItsIntervalWithTheTarget) {
  // 48/50 = 96% reaches 95%; 45/50 = 90% is short, but its interval reaches 95.7%;
  // 30/50 = 60% is short and its interval ends at 72.4%.
  EXPECT_EQ(criterion_figures(criterion("a", 95, 48, 50)).value().verdict, TargetVerdict::meets_target);
  EXPECT_EQ(criterion_figures(criterion("a", 95, 45, 50)).value().verdict, TargetVerdict::short_within_interval);
  EXPECT_EQ(criterion_figures(criterion("a", 95, 30, 50)).value().verdict, TargetVerdict::below_target);
  // Every case met: a 100% target is met, though the interval's lower end is below it.
  EXPECT_EQ(criterion_figures(criterion("a", 100, 20, 20)).value().verdict, TargetVerdict::meets_target);
}

TEST(CriterionFigures, NoFiguresWithoutAResultOrWithoutCases) {
  EXPECT_FALSE(criterion_figures(criterion("a", 95, std::nullopt, std::nullopt)).value().compliance);
  const auto none = criterion_figures(criterion("a", 95, 0, 0)).value();
  EXPECT_FALSE(none.compliance);
  EXPECT_FALSE(none.verdict);
}

TEST(CompareCriteria, MatchesByStatementAndGivesNewcombesIntervalOfR) {
  const std::vector<Criterion> before{criterion("Antibiotics within one hour", 95, 30, 50),
                                      criterion("Lactate measured", 90, 40, 50), criterion("Fluids given", 90, 10, 20)};
  const std::vector<Criterion> after{criterion("lactate  MEASURED ", 90, 42, 50),
                                     criterion("Antibiotics within one hour", 95, 45, 50),
                                     criterion("Senior review within an hour", 80, 5, 10)};
  const auto rows = compare_criteria(before, after).value();
  ASSERT_EQ(rows.size(), 3u);

  ASSERT_TRUE(rows[0].change);
  EXPECT_EQ(rows[0].before->criterion.statement, "Lactate measured");
  EXPECT_NEAR(rows[0].change->difference, 0.04, kTolerance);
  EXPECT_NEAR(rows[0].change->interval.lower, -0.112734252038809, kTolerance);
  EXPECT_NEAR(rows[0].change->interval.upper, 0.191222105842201, kTolerance);
  EXPECT_EQ(rows[0].verdict, ChangeVerdict::no_clear_change);

  ASSERT_TRUE(rows[1].change);
  EXPECT_NEAR(rows[1].change->difference, 0.3, kTolerance);
  EXPECT_NEAR(rows[1].change->interval.lower, 0.131890849924725, kTolerance);
  EXPECT_NEAR(rows[1].change->interval.upper, 0.449299214406539, kTolerance);
  EXPECT_EQ(rows[1].verdict, ChangeVerdict::improved);

  EXPECT_FALSE(rows[2].before);
  EXPECT_FALSE(rows[2].change);

  const auto dropped = criteria_not_repeated(before, after);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].statement, "Fluids given");
}

TEST(CompareCriteria, AFallIsADecline) {
  const auto rows =
      compare_criteria({criterion("Consent recorded", 95, 45, 50)}, {criterion("Consent recorded", 95, 30, 50)})
          .value();
  ASSERT_TRUE(rows[0].change);
  EXPECT_NEAR(rows[0].change->difference, -0.3, kTolerance);
  EXPECT_EQ(rows[0].verdict, ChangeVerdict::declined);
}

TEST(CriterionCheck, NamesTheFieldOfEachBrokenRule) {
  auto c = criterion("Consent recorded", 95, 51, 50);
  EXPECT_EQ(check(c).error().message.rfind("met: ", 0), 0u);
  c.met = 5;
  c.applicable = std::nullopt;
  EXPECT_EQ(check(c).error().message.rfind("applicable: ", 0), 0u);
  c.applicable = -1;
  c.met = std::nullopt;
  EXPECT_EQ(check(c).error().message.rfind("met: ", 0), 0u);
  c = criterion("  ", 95, std::nullopt, std::nullopt);
  EXPECT_EQ(check(c).error().message.rfind("statement: ", 0), 0u);
  c = criterion("Consent recorded", 101, std::nullopt, std::nullopt);
  EXPECT_EQ(check(c).error().message.rfind("target_percent: ", 0), 0u);
  EXPECT_TRUE(check(criterion("Consent recorded", 0, 0, 0)));
}

TEST(CriterionMatchKey, IgnoresCaseAndRunsOfSpaces) {
  EXPECT_EQ(criterion_match_key("  Consent \t recorded  in NOTES "), "consent recorded in notes");
}

}  // namespace
}  // namespace clinaudit::domain
