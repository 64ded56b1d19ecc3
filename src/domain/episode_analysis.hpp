#pragma once

#include <cstdint>
#include <functional>
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
  // What is computed: episode_model_ratio fits the case-mix model (`formula`) and puts O/E
  // per provider on a ratio funnel; episode_expected_column takes each episode's expected
  // risk from `expected_column` and does the same; episode_proportion puts the share of
  // episodes with the outcome per provider on a proportion funnel (no model, no CUSUM).
  MeasureSource source = MeasureSource::episode_model_ratio;
  // The dataset's yes/no column modelled as the outcome; without a formula every other column
  // but dates is a covariate of the case-mix model.
  std::string outcome_column = "outcome";
  // The measure's case-mix model as an R formula over the dataset's columns (stats/model_formula.hpp),
  // its left-hand side `outcome_column`. Empty: every other column but dates is a covariate, as
  // for episodes imported before measures named their model.
  std::string formula;
  // episode_expected_column: the dataset's number column of expected risks, each in [0, 1].
  std::string expected_column;
  // O/E per provider on a ratio funnel (a proportion's on a proportion funnel); overdispersion as NHS Digital's SHMI
  // (log scale, 10% truncation, applied when phi > 1).
  stats::FunnelOptions funnel{};
  // Risk-adjusted CUSUM per provider: detect a doubling (upper) or halving (lower) of the
  // odds, Steiner et al. 2000's limits.
  stats::RacusumOptions cusum{};
  // When set, given each provider's whole CUSUM (one point per patient) and its patients'
  // admission dates, for a caller that keeps the charts (domain/stored_provider_cusum.hpp);
  // the analysis itself keeps only the signals.
  std::function<void(OrganisationId, const stats::RacusumChart&, const std::vector<Date>&)> provider_chart;
};

struct ProviderOutcome {
  OrganisationId provider;
  std::int64_t episodes = 0;
  std::int64_t observed = 0;
  double expected = 0;  // 0 for a proportion, which has no expected count
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

// The national pipeline on one set of episodes for one measure: for a ratio, the case-mix
// model (or the dataset's expected risks), expected risk per episode, observed/expected per
// provider on a funnel plot with flags, and each provider's risk-adjusted CUSUM in admission
// order; for a proportion, events and episodes per provider on a proportion funnel.
struct EpisodeAnalysis {
  MeasureSource source = MeasureSource::episode_model_ratio;
  std::vector<std::string> terms;
  std::vector<double> estimates;
  std::vector<double> std_errors;
  int iterations = 0;
  bool converged = false;
  double c_statistic = 0;
  std::int64_t rows_used = 0;              // episodes the measure was computed on
  std::int64_t rows_dropped = 0;           // episodes left out for a missing value the measure needs (R's na.omit)
  std::vector<std::size_t> rows;           // the input episode of each row used, in input order
  std::vector<double> expected_risk;       // one per row used (empty for a proportion)
  std::vector<double> outcomes;            // the outcome column, 1 or 0, one per row used
  stats::FunnelPlot funnel;                // units named by provider id
  std::vector<ProviderOutcome> providers;  // in order of provider id
  std::vector<CusumAlert> cusum_alerts;    // every signal, by provider then date (none for a proportion)

  bool is_proportion() const { return source == MeasureSource::episode_proportion; }
};

// Dispatches on options.source (see EpisodeAnalysisOptions). Rows missing the outcome, the
// expected risk or a value the formula reads are left out and counted in rows_dropped.
// Number and yes/no columns enter the model as numbers, categories as factors (levels in
// R's order, a missing category its own level ""); dates do not enter, nor does a column
// that none of the episodes holds. Episodes must be in admission order for the CUSUM (the
// Store returns them so). Pure; safe from any thread.
// Errors: invalid_input for empty input, columns of the wrong length, an outcome column
// that is not a yes/no column of the episodes, a missing outcome or number without a formula
// (naming the column), an expected-risk column that is not a number column or holds a risk
// outside [0, 1] (naming the provider and admission date), no row left to analyse, or what
// the model fit and funnel reject (e.g. every outcome the same).
Result<EpisodeAnalysis> analyse_episodes(const EpisodeColumns& episodes, const EpisodeAnalysisOptions& options = {});

// The measure whose expected risks a provider's CUSUM follows: the audit's first ratio measure
// whose expected deaths come from a case-mix formula, else its last ratio measure; nullptr
// when it has none.
const Measure* analysed_measure(const std::vector<Measure>& measures);

// The analysis settings for one measure computed from episodes: its source, outcome column,
// formula and expected-risk column. A measure of imported results that is a ratio is analysed
// as episodes imported before datasets were given: outcome column "outcome" (unless it names
// one), every other column a covariate.
EpisodeAnalysisOptions analysis_options_for(const Measure& measure);

// A measure an analysis run computes, with its settings.
struct AnalysedMeasure {
  Measure measure;
  EpisodeAnalysisOptions options;
};

// The measures an analysis run computes, in the audit's order: every measure whose source is
// an episode source; for an audit with none, its analysed_measure (a ratio of imported results,
// as before measures named their source). Empty when the audit has neither.
std::vector<AnalysedMeasure> analysed_measures(const std::vector<Measure>& measures);

// The analysis settings for the audit's analysed measure: its outcome column and formula, or
// the column "outcome" (that of episodes imported before datasets were given) and no formula.
EpisodeAnalysisOptions analysis_options_for(const std::vector<Measure>& measures);

// The episodes admitted in [from, to], as a new set.
EpisodeColumns episodes_between(const EpisodeColumns& episodes, Date from, Date to);

}  // namespace clinaudit::domain
