#include "stats/logistic_regression.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace clinaudit::stats {
namespace {

Covariate numeric(std::string name, std::vector<double> values) {
  return Covariate{std::move(name), false, std::move(values), {}, {}};
}

// A reproducible synthetic data set (a linear congruential generator, no library randomness):
// one numeric covariate, one 3-level factor, outcome drawn from a known logistic model.
struct Synthetic {
  ModelFrame frame;
  std::vector<std::uint8_t> outcome;
};

Synthetic synthetic(std::size_t rows) {
  Synthetic data;
  std::uint64_t state = 12345;
  auto uniform = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  Covariate age = numeric("age", {});
  Covariate kind{"kind", true, {}, {"a", "b", "c"}, {}};
  for (std::size_t i = 0; i < rows; ++i) {
    const double x = 40 + 50 * uniform();
    const auto level = static_cast<std::uint32_t>(uniform() * 3);
    const double eta = -6 + 0.05 * x + (level == 1 ? 0.7 : level == 2 ? -0.4 : 0.0);
    age.values.push_back(x);
    kind.codes.push_back(level);
    data.outcome.push_back(uniform() < 1 / (1 + std::exp(-eta)) ? 1 : 0);
  }
  data.frame.rows = rows;
  data.frame.covariates = {std::move(age), std::move(kind)};
  return data;
}

// Reference: R 4.2.2, glm(y ~ x, binomial) with x = 1:10, y = c(0,0,0,1,0,1,0,1,1,1):
// coefficients -3.7218816847 (SE 2.3479345669), 0.6767057609 (SE 0.3979048168); deviance
// 8.670222875, null deviance 13.86294361111, 5 iterations.
TEST(LogisticRegression, MatchesRGlmOnASmallExample) {
  ModelFrame frame;
  frame.rows = 10;
  frame.covariates = {numeric("x", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<std::uint8_t> y{0, 0, 0, 1, 0, 1, 0, 1, 1, 1};
  const auto fit = fit_logistic(frame, y);
  ASSERT_TRUE(fit) << fit.error().message;
  EXPECT_EQ(fit->terms, (std::vector<std::string>{"(Intercept)", "x"}));
  EXPECT_NEAR(fit->estimates[0], -3.7218816847, 1e-6);
  EXPECT_NEAR(fit->estimates[1], 0.6767057609, 1e-6);
  EXPECT_NEAR(fit->std_errors[0], 2.3479345669, 1e-6);
  EXPECT_NEAR(fit->std_errors[1], 0.3979048168, 1e-6);
  EXPECT_NEAR(fit->deviance, 8.670222875, 1e-6);
  EXPECT_NEAR(fit->null_deviance, 13.862943611, 1e-6);
  EXPECT_EQ(fit->iterations, 5);
  EXPECT_TRUE(fit->converged);
  EXPECT_FALSE(fit->separation());
  ASSERT_EQ(fit->fitted.size(), 10U);
  EXPECT_NEAR(fit->fitted[0], 1 / (1 + std::exp(3.7218816847 - 0.6767057609)), 1e-8);
}

TEST(LogisticRegression, GivesTheSameBitsWhateverTheNumberOfThreads) {
  const auto data = synthetic(200000);  // several blocks of episodes
  LogisticOptions one;
  one.threads = 1;
  LogisticOptions two;
  two.threads = 2;
  const auto a = fit_logistic(data.frame, data.outcome, one);
  const auto b = fit_logistic(data.frame, data.outcome, two);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->estimates, b->estimates);
  EXPECT_EQ(a->std_errors, b->std_errors);
  EXPECT_EQ(a->deviance, b->deviance);
  EXPECT_EQ(a->fitted, b->fitted);
  // And it recovers the generating model.
  EXPECT_NEAR(a->estimates[1], 0.05, 0.005);
  EXPECT_NEAR(a->estimates[2], 0.7, 0.1);
  EXPECT_EQ(a->terms[2], "kind=b");
}

TEST(LogisticRegression, ReportsNonConvergenceWhenTheIterationLimitIsReached) {
  const auto data = synthetic(5000);
  LogisticOptions options;
  options.max_iterations = 2;
  const auto fit = fit_logistic(data.frame, data.outcome, options);
  ASSERT_TRUE(fit);
  EXPECT_FALSE(fit->converged);
  EXPECT_EQ(fit->iterations, 2);
}

// The pass after a solve computes only the deviance and the risks when it is likely the last;
// when the fit goes on after all (a small epsilon: the deviance's change falls below the guess's
// bound before it falls below epsilon) or stops at the iteration limit, the result must still be
// R's: the same iterations, estimates, deviance, and standard errors from the last system solved.
// Reference: R 4.2.2, x = 1:10, y = c(0,0,0,1,0,1,0,1,1,1):
//   glm(y ~ x, binomial, control = glm.control(epsilon = 1e-14)): 6 iterations, coefficients
//   -3.721881684705146, 0.676705760855481, SEs 2.347934908783553, 0.397904879272925,
//   deviance 8.670222874669390;
//   glm(y ~ x, binomial, control = glm.control(maxit = 3)): not converged, coefficients
//   -3.720182045086967, 0.676396735470358, SEs 2.304740220563765, 0.390010753184602,
//   deviance 8.670223477984990.
// A fit of y ~ x as R reported it.
struct RFit {
  bool converged;
  int iterations;
  double intercept, slope, intercept_se, slope_se, deviance;
};

void expect_r_fit(const Result<LogisticFit>& fit, const RFit& r) {
  ASSERT_TRUE(fit) << fit.error().message;
  EXPECT_EQ(fit->converged, r.converged);
  EXPECT_EQ(fit->iterations, r.iterations);
  EXPECT_NEAR(fit->estimates[0], r.intercept, 1e-12);
  EXPECT_NEAR(fit->estimates[1], r.slope, 1e-12);
  EXPECT_NEAR(fit->std_errors[0], r.intercept_se, 1e-11);
  EXPECT_NEAR(fit->std_errors[1], r.slope_se, 1e-11);
  EXPECT_NEAR(fit->deviance, r.deviance, 1e-12);
  ASSERT_EQ(fit->fitted.size(), 10U);
  EXPECT_NEAR(fit->fitted[9], 1 / (1 + std::exp(-r.intercept - 10 * r.slope)), 1e-12);
}

TEST(LogisticRegression, MatchesRWhenTheFitGoesOnOrStopsAtTheLimit) {
  ModelFrame frame;
  frame.rows = 10;
  frame.covariates = {numeric("x", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<std::uint8_t> y{0, 0, 0, 1, 0, 1, 0, 1, 1, 1};
  LogisticOptions small_epsilon;
  small_epsilon.epsilon = 1e-14;
  expect_r_fit(fit_logistic(frame, y, small_epsilon), {true, 6, -3.721881684705146, 0.676705760855481,
                                                       2.347934908783553, 0.397904879272925, 8.670222874669390});
  LogisticOptions three;
  three.max_iterations = 3;
  expect_r_fit(fit_logistic(frame, y, three), {false, 3, -3.720182045086967, 0.676396735470358, 2.304740220563765,
                                               0.390010753184602, 8.670223477984990});
}

// Whether the pass after a solve computes the deviance first (and the full pass only when the
// fit goes on) changes how much is computed, never the result: fits with it always, never and
// when likely give the same bits, on data converging quickly (with R's epsilon and a smaller
// one), slowly (separation) and stopped at the iteration limit.
TEST(LogisticRegression, GivesTheSameBitsWhetherOrNotTheDevianceComesFirst) {
  struct Case {
    ModelFrame frame;
    std::vector<std::uint8_t> outcome;
    LogisticOptions options;
  };
  std::vector<Case> cases;
  auto data = synthetic(150000);
  cases.push_back({data.frame, data.outcome, {}});
  cases.back().options.threads = 2;
  ModelFrame small;
  small.rows = 10;
  small.covariates = {numeric("x", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<std::uint8_t> small_y{0, 0, 0, 1, 0, 1, 0, 1, 1, 1};
  cases.push_back({small, small_y, {}});
  cases.push_back({small, small_y, {}});
  cases.back().options.epsilon = 1e-14;
  cases.push_back({small, small_y, {}});
  cases.back().options.max_iterations = 3;
  ModelFrame separated;
  separated.rows = 8;
  separated.covariates = {numeric("x", {1, 2, 3, 4, 5, 6, 7, 8})};
  cases.push_back({separated, {0, 0, 0, 0, 1, 1, 1, 1}, {}});
  using DevianceFirst = LogisticOptions::DevianceFirst;
  for (std::size_t c = 0; c < cases.size(); ++c) {
    std::vector<LogisticFit> fits;
    for (const auto mode : {DevianceFirst::never, DevianceFirst::always, DevianceFirst::when_likely_last}) {
      auto options = cases[c].options;
      options.deviance_first = mode;
      auto fit = fit_logistic(cases[c].frame, cases[c].outcome, options);
      ASSERT_TRUE(fit) << "case " << c << ": " << fit.error().message;
      fits.push_back(std::move(*fit));
    }
    for (std::size_t m = 1; m < fits.size(); ++m) {
      SCOPED_TRACE("case " + std::to_string(c) + ", mode " + std::to_string(m));
      EXPECT_EQ(fits[m].iterations, fits[0].iterations);
      EXPECT_EQ(fits[m].converged, fits[0].converged);
      EXPECT_EQ(fits[m].estimates, fits[0].estimates);
      EXPECT_EQ(fits[m].std_errors, fits[0].std_errors);
      EXPECT_EQ(fits[m].deviance, fits[0].deviance);
      EXPECT_EQ(fits[m].fitted, fits[0].fitted);
      EXPECT_EQ(fits[m].fitted_at_bound, fits[0].fitted_at_bound);
      EXPECT_EQ(fits[m].diverging_terms, fits[0].diverging_terms);
    }
  }
}

// R's glm.control refuses maxit < 1 ("maximum number of iterations must be > 0"); without an
// iteration there are no weights to give standard errors from, and no fitted risks.
TEST(LogisticRegression, RefusesAnIterationLimitBelowOne) {
  const auto data = synthetic(500);
  for (const int limit : {0, -3}) {
    LogisticOptions options;
    options.max_iterations = limit;
    const auto fit = fit_logistic(data.frame, data.outcome, options);
    ASSERT_FALSE(fit);
    EXPECT_EQ(fit.error().code, ErrorCode::invalid_input);
    EXPECT_NE(fit.error().message.find("at least 1"), std::string::npos) << fit.error().message;
  }
}

TEST(LogisticRegression, DetectsCompleteSeparation) {
  ModelFrame frame;
  frame.rows = 8;
  frame.covariates = {numeric("x", {1, 2, 3, 4, 5, 6, 7, 8})};
  const std::vector<std::uint8_t> y{0, 0, 0, 0, 1, 1, 1, 1};
  const auto fit = fit_logistic(frame, y);
  ASSERT_TRUE(fit);
  EXPECT_TRUE(fit->separation());
  EXPECT_GT(fit->fitted_at_bound, 0);
  EXPECT_GT(fit->std_errors[1], 100.0);
}

TEST(LogisticRegression, RejectsBadOutcomesAndTooFewEpisodes) {
  ModelFrame frame;
  frame.rows = 3;
  frame.covariates = {numeric("x", {1, 2, 3})};
  auto fit = fit_logistic(frame, std::vector<std::uint8_t>{0, 2, 1});
  ASSERT_FALSE(fit);
  EXPECT_NE(fit.error().message.find("episode 2"), std::string::npos);
  fit = fit_logistic(frame, std::vector<std::uint8_t>{0, 0, 0});
  ASSERT_FALSE(fit);
  EXPECT_NE(fit.error().message.find("every outcome is 0"), std::string::npos);
  frame.rows = 1;
  frame.covariates = {numeric("x", {1})};
  fit = fit_logistic(frame, std::vector<std::uint8_t>{1});
  ASSERT_FALSE(fit);
  EXPECT_NE(fit.error().message.find("too few episodes"), std::string::npos);
}

TEST(LogisticRegression, NamesATermThatIsALinearCombinationOfOthers) {
  const auto data = synthetic(1000);
  ModelFrame frame = data.frame;
  auto twice = frame.covariates[0];
  twice.name = "age_twice";
  auto values = twice.values.to_doubles();
  for (auto& v : values) v *= 2;
  twice.values = values;
  frame.covariates.push_back(twice);
  const auto fit = fit_logistic(frame, data.outcome);
  ASSERT_FALSE(fit);
  EXPECT_NE(fit.error().message.find("'age_twice'"), std::string::npos) << fit.error().message;
}

TEST(LogisticRegression, RejectsAFactorWithOneLevel) {
  ModelFrame frame;
  frame.rows = 4;
  frame.covariates = {Covariate{"ward", true, {}, {"A"}, {0, 0, 0, 0}}};
  const auto fit = fit_logistic(frame, std::vector<std::uint8_t>{0, 1, 0, 1});
  ASSERT_FALSE(fit);
  EXPECT_NE(fit.error().message.find("only one level"), std::string::npos);
}

}  // namespace
}  // namespace clinaudit::stats
