#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/episode.hpp"
#include "domain/measure.hpp"
#include "stats/funnel.hpp"
#include "stats/logistic_regression.hpp"
#include "stats/racusum.hpp"

namespace clinaudit::domain {

struct EpisodeAnalysisOptions {
  // The dataset's yes/no column modelled as the outcome; every other column but dates is a
  // covariate of the case-mix model.
  std::string outcome_column = "outcome";
  // The measure's case-mix model as an R formula over the dataset's columns (stats/model_formula.hpp),
  // its left-hand side `outcome_column`. Empty: every other column but dates is a covariate, as
  // for episodes imported before measures named their model.
  std::string formula;
  // O/E per provider on a ratio funnel; overdispersion as NHS Digital's SHMI (log scale,
  // 10% truncation, applied when phi > 1).
  stats::FunnelOptions funnel{};
  // Risk-adjusted CUSUM per provider: detect a doubling (upper) or halving (lower) of the
  // odds, Steiner et al. 2000's limits.
  stats::RacusumOptions cusum{};
};

struct ProviderOutcome {
  OrganisationId provider;
  std::int64_t episodes = 0;
  std::int64_t observed = 0;
  double expected = 0;
  stats::FunnelFlag flag = stats::FunnelFlag::none;

  bool flagged() const { return flag != stats::FunnelFlag::none; }
  // The flag's name, e.g. "high_alarm" (stats::to_string).
  std::string_view flag_name() const { return stats::to_string(flag); }
};

// A CUSUM signal for one provider, dated by the admission that triggered it.
struct CusumAlert {
  OrganisationId provider;
  stats::CusumSide side = stats::CusumSide::upper;
  Date signalled_on;
  std::int64_t episodes_monitored = 0;  // the provider's episodes up to and including the signal
  double value = 0;

  // The upper chart signalled: outcomes worse than the case mix predicts (mortality rising).
  bool worse_than_expected() const { return side == stats::CusumSide::upper; }
  // "upper" or "lower", as the API names the side.
  std::string_view side_name() const { return worse_than_expected() ? "upper" : "lower"; }
};

// The national pipeline on one set of episodes: the case-mix model, expected risk per
// episode, observed/expected per provider on a funnel plot with flags, and each
// provider's risk-adjusted CUSUM in admission order.
struct EpisodeAnalysis {
  std::vector<std::string> terms;
  std::vector<double> estimates;
  std::vector<double> std_errors;
  int iterations = 0;
  bool converged = false;
  double c_statistic = 0;
  std::int64_t rows_dropped = 0;           // episodes left out of a formula's model for a missing value (R's na.omit)
  std::vector<double> expected_risk;       // one per episode modelled, in input order
  std::vector<double> outcomes;            // the outcome column, 1 or 0, in input order
  stats::FunnelPlot funnel;                // units named by provider id
  std::vector<ProviderOutcome> providers;  // in order of provider id
  std::vector<CusumAlert> cusum_alerts;    // every signal, by provider then date
};

// Number and yes/no columns enter the model as numbers, categories as factors (levels in
// R's order, a missing category its own level ""); dates do not enter, nor does a column
// that none of the episodes holds. Episodes must be in admission order for the CUSUM (the
// Store returns them so). Pure; safe from any thread.
// Errors: invalid_input for empty input, columns of the wrong length, an outcome column
// that is not a yes/no column of the episodes, a missing outcome or number (naming the
// column), or what the model fit and funnel reject (e.g. every outcome the same).
Result<EpisodeAnalysis> analyse_episodes(const EpisodeColumns& episodes, const EpisodeAnalysisOptions& options = {});

// The measure the national analysis runs for: the audit's first ratio measure whose expected
// deaths come from a case-mix formula, else its last ratio measure; nullptr when it has none.
const Measure* analysed_measure(const std::vector<Measure>& measures);

// The analysis settings for the audit's analysed measure: its outcome column and formula, or
// the column "outcome" (that of episodes imported before datasets were given) and no formula.
EpisodeAnalysisOptions analysis_options_for(const std::vector<Measure>& measures);

// The episodes admitted in [from, to], as a new set.
EpisodeColumns episodes_between(const EpisodeColumns& episodes, Date from, Date to);

}  // namespace clinaudit::domain
