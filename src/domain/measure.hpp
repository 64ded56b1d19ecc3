#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace clinaudit::domain {

enum class MeasureType {
  proportion,  // events / cases, e.g. patients thrombolysed / eligible patients
  ratio,       // observed / expected, e.g. risk-adjusted 30-day mortality
  rate,        // events / exposure, e.g. infections per 1,000 bed days
  continuous,  // a value per period, e.g. median door-to-needle minutes
};

// Which way is better.
enum class Improvement { increase, decrease, neutral };

// Where a measure's values come from. Results files give any measure its values per
// organisation and period; a national audit's measures may instead be computed from its
// patient-level episodes (docs/getting-started.md).
enum class MeasureSource {
  imported_results,         // results files: numerator, denominator, expected, value
  episode_proportion,       // the share of episodes whose yes/no `outcome_column` is yes
  episode_model_ratio,      // observed / expected, expected under the case-mix model `formula`
  episode_expected_column,  // observed / expected, expected = sum of the risks in `expected_column`
};

std::string_view to_string(MeasureType type);
std::optional<MeasureType> parse_measure_type(std::string_view text);
std::string_view to_string(Improvement direction);
std::optional<Improvement> parse_improvement(std::string_view text);
std::string_view to_string(MeasureSource source);
std::optional<MeasureSource> parse_measure_source(std::string_view text);
std::string_view display_name(MeasureSource source);

// What an audit measures for each unit.
struct Measure {
  MeasureId id;
  AuditId audit_id;
  std::string code;  // unique within the audit, e.g. "mort30"
  std::string name;
  MeasureType type = MeasureType::proportion;
  Improvement improvement = Improvement::neutral;
  std::optional<double> target;  // on the measure's own scale (proportions in [0, 1])
  double rate_multiplier = 1.0;  // for display of rates: per 1,000 bed days -> 1000
  std::string unit;              // shown after values, e.g. "per 1,000 bed days", "minutes"; may be empty
  MeasureSource source = MeasureSource::imported_results;
  // For the episode sources: the dataset's yes/no outcome column (e.g. "died30"); for
  // episode_model_ratio it is the formula's left-hand side.
  std::string outcome_column;
  // episode_model_ratio: the case-mix model as an R model formula over the dataset's columns,
  // e.g. "died30 ~ I((age - 68) / 10) + sex + factor(asa_grade)".
  std::string formula;
  // episode_expected_column: the dataset's number column holding each episode's expected risk (0-1).
  std::string expected_column;

  bool from_episodes() const { return source != MeasureSource::imported_results; }
};

// A measure's value for one organisation and period. For proportions and rates the
// value is numerator / denominator; for ratios numerator is observed and expected is
// the case-mix-adjusted expectation; continuous measures carry `value` alone.
// Unpublished results are visible only to their own organisation and national analysts.
struct MeasureResult {
  ResultId id;
  MeasureId measure_id;
  OrganisationId organisation_id;
  Date period_start;
  Date period_end;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::optional<double> expected;
  std::optional<double> value;
  bool published = false;
};

}  // namespace clinaudit::domain
