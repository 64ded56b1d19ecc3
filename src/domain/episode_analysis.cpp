#include "domain/episode_analysis.hpp"

#include <charconv>
#include <cmath>
#include <map>
#include <string>

#include "stats/case_mix.hpp"
#include "stats/model_frame.hpp"

namespace clinaudit::domain {
namespace {

std::optional<double> as_number(const std::string& text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

stats::Covariate covariate_from(const std::string& name, const std::vector<std::string>& values) {
  stats::Covariate covariate;
  covariate.name = name;
  std::vector<double> numbers;
  numbers.reserve(values.size());
  for (const auto& text : values) {
    const auto number = as_number(text);
    if (!number) break;
    numbers.push_back(*number);
  }
  if (numbers.size() == values.size()) {
    covariate.values = std::move(numbers);
    return covariate;
  }
  covariate.categorical = true;
  std::map<std::string, std::uint32_t> index;
  covariate.codes.reserve(values.size());
  for (const auto& text : values) {
    const auto [it, added] = index.emplace(text, static_cast<std::uint32_t>(covariate.levels.size()));
    if (added) covariate.levels.push_back(text);
    covariate.codes.push_back(it->second);
  }
  stats::order_levels_as_r(covariate);
  return covariate;
}

}  // namespace

EpisodeColumns episodes_between(const EpisodeColumns& episodes, Date from, Date to) {
  EpisodeColumns out;
  out.audit_id = episodes.audit_id;
  out.covariate_names = episodes.covariate_names;
  out.covariate_values.resize(episodes.covariate_values.size());
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    if (episodes.admission_date[i] < from || episodes.admission_date[i] > to) continue;
    out.provider.push_back(episodes.provider[i]);
    out.admission_date.push_back(episodes.admission_date[i]);
    out.outcome.push_back(episodes.outcome[i]);
    for (std::size_t c = 0; c < episodes.covariate_values.size(); ++c) {
      out.covariate_values[c].push_back(episodes.covariate_values[c][i]);
    }
  }
  return out;
}

Result<EpisodeAnalysis> analyse_episodes(const EpisodeColumns& episodes, const EpisodeAnalysisOptions& options) {
  const std::size_t n = episodes.size();
  if (n == 0) return Error{ErrorCode::invalid_input, "no episodes to analyse"};
  if (episodes.provider.size() != n || episodes.admission_date.size() != n ||
      episodes.covariate_values.size() != episodes.covariate_names.size()) {
    return Error{ErrorCode::invalid_input, "episode columns have different lengths"};
  }
  stats::ModelFrame frame;
  frame.rows = n;
  for (std::size_t c = 0; c < episodes.covariate_names.size(); ++c) {
    if (episodes.covariate_values[c].size() != n) {
      return Error{ErrorCode::invalid_input, "covariate '" + episodes.covariate_names[c] + "' has the wrong length"};
    }
    frame.covariates.push_back(covariate_from(episodes.covariate_names[c], episodes.covariate_values[c]));
  }
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
  CLINAUDIT_TRY(auto model, stats::case_mix_model(frame, episodes.outcome, group, case_mix));

  EpisodeAnalysis analysis;
  analysis.terms = model.fit.terms;
  analysis.estimates = model.fit.estimates;
  analysis.std_errors = model.fit.std_errors;
  analysis.iterations = model.fit.iterations;
  analysis.converged = model.fit.converged;
  analysis.c_statistic = model.c_statistic;
  analysis.expected_risk = std::move(model.fit.fitted);
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
  std::map<std::int64_t, std::vector<std::size_t>> by_provider;
  for (std::size_t i = 0; i < n; ++i) by_provider[episodes.provider[i].value].push_back(i);
  for (const auto& [provider, rows] : by_provider) {
    std::vector<double> risks;
    std::vector<double> outcomes;
    risks.reserve(rows.size());
    outcomes.reserve(rows.size());
    for (const auto i : rows) {
      risks.push_back(analysis.expected_risk[i]);
      outcomes.push_back(episodes.outcome[i]);
    }
    CLINAUDIT_TRY(const auto chart, stats::racusum_chart(risks, outcomes, options.cusum));
    for (const auto& signal : chart.signals) {
      analysis.cusum_alerts.push_back(CusumAlert{OrganisationId{provider}, signal.side,
                                                 episodes.admission_date[rows[signal.index]],
                                                 static_cast<std::int64_t>(signal.index) + 1, signal.value});
    }
  }
  return analysis;
}

}  // namespace clinaudit::domain
