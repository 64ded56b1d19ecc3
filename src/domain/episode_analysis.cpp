#include "domain/episode_analysis.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "stats/case_mix.hpp"
#include "stats/formula_frame.hpp"
#include "stats/model_formula.hpp"
#include "stats/model_frame.hpp"

namespace clinaudit::domain {
namespace {

// The model, funnel and CUSUM on a built frame; `episodes` are the frame's rows, in order.
Result<EpisodeAnalysis> analyse_frame(const EpisodeColumns& episodes, stats::ModelFrame frame,
                                      const std::vector<std::uint8_t>& outcome_values,
                                      const EpisodeAnalysisOptions& options);

stats::Covariate covariate_from(const EpisodeColumn& column) {
  stats::Covariate covariate;
  covariate.name = column.name;
  if (!column.holds_text()) {
    covariate.values = column.numbers;
    return covariate;
  }
  covariate.categorical = true;
  std::map<std::string, std::uint32_t> index;
  covariate.codes.reserve(column.texts.size());
  for (const auto& text : column.texts) {
    const auto [it, added] = index.emplace(text, static_cast<std::uint32_t>(covariate.levels.size()));
    if (added) covariate.levels.push_back(text);
    covariate.codes.push_back(it->second);
  }
  stats::order_levels_as_r(covariate);
  return covariate;
}

Error missing_values(const EpisodeColumn& column) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < column.size(); ++i) count += column.missing(i) ? 1 : 0;
  return Error{ErrorCode::invalid_input, "column '" + column.name + "' has " + std::to_string(count) +
                                             " episodes without a value; the case-mix model needs every value"};
}

// The episodes at `rows` (in order), as a new set.
EpisodeColumns only_rows(const EpisodeColumns& episodes, const std::vector<std::size_t>& rows) {
  EpisodeColumns out;
  out.audit_id = episodes.audit_id;
  for (const auto& column : episodes.columns) out.columns.push_back(EpisodeColumn{column.name, column.type, {}, {}});
  for (const auto i : rows) {
    out.provider.push_back(episodes.provider[i]);
    out.admission_date.push_back(episodes.admission_date[i]);
    for (std::size_t c = 0; c < episodes.columns.size(); ++c) {
      const auto& column = episodes.columns[c];
      if (column.holds_text()) {
        out.columns[c].texts.push_back(column.texts[i]);
      } else {
        out.columns[c].numbers.push_back(column.numbers[i]);
      }
    }
  }
  return out;
}

// The model frame of `formula` over the episodes' columns; rows with a value missing that the
// formula reads are left out, as R's na.omit does.
Result<stats::FormulaFrame> formula_frame(const EpisodeColumns& episodes, const EpisodeAnalysisOptions& options) {
  CLINAUDIT_TRY(const auto formula, stats::parse_model_formula(options.formula));
  if (stats::formula_outcome(formula) != options.outcome_column) {
    return Error{ErrorCode::invalid_input, "the formula models '" + stats::formula_outcome(formula) +
                                               "', not the measure's outcome column '" + options.outcome_column + "'"};
  }
  std::vector<stats::DataColumn> data;
  for (const auto& name : stats::formula_columns(formula)) {
    const EpisodeColumn* column = episodes.column(name);
    if (column == nullptr) {
      return Error{ErrorCode::invalid_input,
                   "the formula reads '" + name + "', which is not a column of the audit's dataset"};
    }
    data.push_back(stats::DataColumn{column->name, column->holds_text(), column->numbers, column->texts});
  }
  return stats::build_formula_frame(formula, data);
}

// Each provider's risk-adjusted CUSUM over its own rows (in admission order) into `analysis`,
// and to options.provider_chart when set.
Result<void> add_cusum_alerts(EpisodeAnalysis& analysis, const std::vector<OrganisationId>& provider,
                              const std::vector<Date>& admitted, const EpisodeAnalysisOptions& options) {
  std::map<std::int64_t, std::vector<std::size_t>> by_provider;
  for (std::size_t i = 0; i < provider.size(); ++i) by_provider[provider[i].value].push_back(i);
  for (const auto& [id, rows] : by_provider) {
    std::vector<double> risks;
    std::vector<double> outcomes;
    risks.reserve(rows.size());
    outcomes.reserve(rows.size());
    for (const auto i : rows) {
      risks.push_back(analysis.expected_risk[i]);
      outcomes.push_back(analysis.outcomes[i]);
    }
    CLINAUDIT_TRY(const auto chart, stats::racusum_chart(risks, outcomes, options.cusum));
    for (const auto& signal : chart.signals) {
      analysis.cusum_alerts.push_back(CusumAlert{OrganisationId{id}, signal.side, admitted[rows[signal.index]],
                                                 static_cast<std::int64_t>(signal.index) + 1, signal.value});
    }
    if (options.provider_chart) {
      std::vector<Date> dates;
      dates.reserve(rows.size());
      for (const auto i : rows) dates.push_back(admitted[i]);
      options.provider_chart(OrganisationId{id}, chart, dates);
    }
  }
  return {};
}

// A measure that needs no model: the share of episodes with the outcome per provider on a
// proportion funnel, or observed over the sum of the dataset's expected risks per provider on
// a ratio funnel with each provider's CUSUM. Rows missing the outcome or the risk are left out.
Result<EpisodeAnalysis> analyse_without_model(const EpisodeColumns& episodes, const EpisodeAnalysisOptions& options) {
  const bool proportion = options.source == MeasureSource::episode_proportion;
  const std::size_t n = episodes.size();
  if (n == 0) return Error{ErrorCode::invalid_input, "no episodes to analyse"};
  const EpisodeColumn* outcome = episodes.column(options.outcome_column);
  if (outcome == nullptr || outcome->type != ValueType::yes_no) {
    return Error{ErrorCode::invalid_input,
                 "the outcome '" + options.outcome_column + "' is not a yes/no column of the audit's dataset"};
  }
  const EpisodeColumn* expected = nullptr;
  if (!proportion) {
    expected = episodes.column(options.expected_column);
    if (expected == nullptr || expected->type != ValueType::number) {
      return Error{ErrorCode::invalid_input, "the expected-risk column '" + options.expected_column +
                                                 "' is not a number column of the audit's dataset"};
    }
  }
  if (episodes.admission_date.size() != n || outcome->size() != n || (expected != nullptr && expected->size() != n)) {
    return Error{ErrorCode::invalid_input, "episode columns have different lengths"};
  }
  EpisodeAnalysis analysis;
  analysis.source = options.source;
  std::vector<OrganisationId> provider;
  std::vector<Date> admitted;
  for (std::size_t i = 0; i < n; ++i) {
    if (outcome->missing(i) || (expected != nullptr && expected->missing(i))) continue;
    if (expected != nullptr) {
      const double risk = expected->numbers[i];
      if (!(risk >= 0 && risk <= 1)) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", risk);
        return Error{ErrorCode::invalid_input, "the expected-risk column '" + options.expected_column + "' holds " +
                                                   text + " for an episode of provider " +
                                                   std::to_string(episodes.provider[i].value) + " admitted " +
                                                   episodes.admission_date[i].to_string() + "; a risk lies in [0, 1]"};
      }
      analysis.expected_risk.push_back(risk);
    }
    analysis.rows.push_back(i);
    analysis.outcomes.push_back(outcome->numbers[i] != 0 ? 1 : 0);
    provider.push_back(episodes.provider[i]);
    admitted.push_back(episodes.admission_date[i]);
  }
  analysis.rows_used = static_cast<std::int64_t>(analysis.rows.size());
  analysis.rows_dropped = static_cast<std::int64_t>(n - analysis.rows.size());
  if (analysis.rows.empty()) {
    return Error{ErrorCode::invalid_input, "every episode lacks a value the measure needs ('" + options.outcome_column +
                                               (proportion ? "'" : "' or '" + options.expected_column + "'") +
                                               "); nothing to analyse"};
  }

  // Per provider, in order of id: episodes, events and (for a ratio) the sum of the risks.
  std::map<std::int64_t, ProviderOutcome> by_provider;
  for (std::size_t r = 0; r < provider.size(); ++r) {
    auto& row = by_provider[provider[r].value];
    row.provider = provider[r];
    ++row.episodes;
    row.observed += analysis.outcomes[r] != 0 ? 1 : 0;
    if (!proportion) row.expected += analysis.expected_risk[r];
  }
  std::vector<stats::UnitCount> units;
  units.reserve(by_provider.size());
  for (const auto& [id, row] : by_provider) {
    units.push_back(stats::UnitCount{std::to_string(id), static_cast<double>(row.observed),
                                     proportion ? static_cast<double>(row.episodes) : row.expected});
  }
  stats::FunnelOptions funnel = options.funnel;
  funnel.type = proportion ? stats::FunnelType::proportion : stats::FunnelType::ratio;
  auto plot = stats::funnel_plot(units, funnel);
  if (!plot) {
    return Error{plot.error().code, std::string(proportion ? "funnel plot of the providers' proportions: "
                                                           : "funnel plot of the providers' O/E: ") +
                                        plot.error().message};
  }
  analysis.funnel = std::move(*plot);
  for (auto& [id, row] : by_provider) {
    for (const auto& unit : analysis.funnel.units) {
      if (unit.unit == std::to_string(id)) row.flag = unit.flag;
    }
    analysis.providers.push_back(row);
  }
  if (!proportion) CLINAUDIT_TRY_VOID(add_cusum_alerts(analysis, provider, admitted, options));
  return analysis;
}
}  // namespace

const Measure* analysed_measure(const std::vector<Measure>& measures) {
  for (const auto& measure : measures) {
    if (measure.source == MeasureSource::episode_model_ratio) return &measure;
  }
  const Measure* last_ratio = nullptr;
  for (const auto& measure : measures) {
    if (measure.type == MeasureType::ratio) last_ratio = &measure;
  }
  return last_ratio;
}

EpisodeAnalysisOptions analysis_options_for(const Measure& measure) {
  EpisodeAnalysisOptions options;
  if (!measure.outcome_column.empty()) options.outcome_column = measure.outcome_column;
  if (measure.from_episodes()) options.source = measure.source;
  if (measure.source == MeasureSource::episode_model_ratio) options.formula = measure.formula;
  if (measure.source == MeasureSource::episode_expected_column) options.expected_column = measure.expected_column;
  return options;
}

std::vector<AnalysedMeasure> analysed_measures(const std::vector<Measure>& measures) {
  std::vector<AnalysedMeasure> out;
  for (const auto& measure : measures) {
    if (measure.from_episodes()) out.push_back(AnalysedMeasure{measure, analysis_options_for(measure)});
  }
  if (out.empty()) {
    if (const Measure* legacy = analysed_measure(measures)) {
      out.push_back(AnalysedMeasure{*legacy, analysis_options_for(*legacy)});
    }
  }
  return out;
}

EpisodeAnalysisOptions analysis_options_for(const std::vector<Measure>& measures) {
  const Measure* measure = analysed_measure(measures);
  return measure == nullptr ? EpisodeAnalysisOptions{} : analysis_options_for(*measure);
}

EpisodeColumns episodes_between(const EpisodeColumns& episodes, Date from, Date to) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    if (episodes.admission_date[i] >= from && episodes.admission_date[i] <= to) rows.push_back(i);
  }
  return only_rows(episodes, rows);
}

Result<EpisodeAnalysis> analyse_episodes(const EpisodeColumns& episodes, const EpisodeAnalysisOptions& options) {
  if (options.source == MeasureSource::episode_proportion || options.source == MeasureSource::episode_expected_column) {
    return analyse_without_model(episodes, options);
  }
  if (!options.formula.empty()) {
    if (episodes.size() == 0) return Error{ErrorCode::invalid_input, "no episodes to analyse"};
    CLINAUDIT_TRY(auto built, formula_frame(episodes, options));
    if (built.frame.rows == 0) {
      return Error{ErrorCode::invalid_input, "every episode lacks a value the formula reads; nothing to analyse"};
    }
    const EpisodeColumns kept = built.dropped == 0 ? EpisodeColumns{} : only_rows(episodes, built.kept_rows);
    auto analysis = analyse_frame(built.dropped == 0 ? episodes : kept, std::move(built.frame), built.outcome, options);
    if (analysis) {
      analysis->rows_dropped = static_cast<std::int64_t>(built.dropped);
      if (built.dropped > 0) analysis->rows = built.kept_rows;
    }
    return analysis;
  }
  const std::size_t n = episodes.size();
  if (n == 0) return Error{ErrorCode::invalid_input, "no episodes to analyse"};
  if (episodes.admission_date.size() != n)
    return Error{ErrorCode::invalid_input, "episode columns have different lengths"};
  const EpisodeColumn* outcome_column = episodes.column(options.outcome_column);
  if (outcome_column == nullptr || outcome_column->type != ValueType::yes_no) {
    return Error{ErrorCode::invalid_input,
                 "the outcome '" + options.outcome_column + "' is not a yes/no column of the audit's dataset"};
  }
  stats::ModelFrame frame;
  frame.rows = n;
  for (const auto& column : episodes.columns) {
    if (column.size() != n) {
      return Error{ErrorCode::invalid_input, "column '" + column.name + "' has the wrong length"};
    }
    if (&column == outcome_column || column.type == ValueType::date) continue;
    std::size_t missing = 0;
    for (std::size_t i = 0; i < n; ++i) missing += column.missing(i) ? 1 : 0;
    if (missing == n) continue;  // an optional column these episodes never hold says nothing
    if (missing > 0 && !column.holds_text()) return missing_values(column);
    frame.covariates.push_back(covariate_from(column));
  }
  std::vector<std::uint8_t> outcome_values(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (outcome_column->missing(i)) return missing_values(*outcome_column);
    outcome_values[i] = outcome_column->numbers[i] != 0 ? 1 : 0;
  }
  return analyse_frame(episodes, std::move(frame), outcome_values, options);
}

namespace {

Result<EpisodeAnalysis> analyse_frame(const EpisodeColumns& episodes, stats::ModelFrame frame,
                                      const std::vector<std::uint8_t>& outcome_values,
                                      const EpisodeAnalysisOptions& options) {
  const std::size_t n = episodes.size();
  // Providers are the groups of the O/E table and the funnel, in order of id.
  stats::Covariate group;
  group.name = "provider";
  group.categorical = true;
  std::map<std::int64_t, std::uint32_t> group_index;
  for (const auto& provider : episodes.provider) group_index.emplace(provider.value, 0);
  std::uint32_t next_code = 0;
  for (auto& [id, code] : group_index) {
    code = next_code++;
    group.levels.push_back(std::to_string(id));
  }
  group.codes.reserve(n);
  for (const auto& provider : episodes.provider) group.codes.push_back(group_index.at(provider.value));

  stats::CaseMixOptions case_mix;
  stats::FunnelOptions funnel = options.funnel;
  funnel.type = stats::FunnelType::ratio;
  case_mix.funnel = funnel;
  CLINAUDIT_TRY(auto model, stats::case_mix_model(std::move(frame), outcome_values, group, case_mix));

  EpisodeAnalysis analysis;
  analysis.source = MeasureSource::episode_model_ratio;
  analysis.rows_used = static_cast<std::int64_t>(n);
  analysis.rows.resize(n);
  for (std::size_t i = 0; i < n; ++i) analysis.rows[i] = i;
  analysis.terms = model.fit.terms;
  analysis.estimates = model.fit.estimates;
  analysis.std_errors = model.fit.std_errors;
  analysis.iterations = model.fit.iterations;
  analysis.converged = model.fit.converged;
  analysis.c_statistic = model.c_statistic;
  analysis.expected_risk = std::move(model.fit.fitted);
  analysis.outcomes.assign(outcome_values.begin(), outcome_values.end());
  analysis.funnel = std::move(*model.funnel);
  for (std::size_t g = 0; g < model.groups.size(); ++g) {
    const auto& outcome = model.groups[g];
    ProviderOutcome provider;
    provider.provider = OrganisationId{std::stoll(outcome.group)};
    provider.episodes = outcome.episodes;
    provider.observed = outcome.observed;
    provider.expected = outcome.expected;
    for (const auto& unit : analysis.funnel.units) {
      if (unit.unit == outcome.group) provider.flag = unit.flag;
    }
    analysis.providers.push_back(provider);
  }
  std::sort(analysis.providers.begin(), analysis.providers.end(),
            [](const ProviderOutcome& a, const ProviderOutcome& b) { return a.provider < b.provider; });

  // Each provider's CUSUM over its own episodes, in admission order.
  CLINAUDIT_TRY_VOID(add_cusum_alerts(analysis, episodes.provider, episodes.admission_date, options));
  return analysis;
}

}  // namespace

}  // namespace clinaudit::domain
