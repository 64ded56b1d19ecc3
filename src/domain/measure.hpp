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

std::string_view to_string(MeasureType type);
std::optional<MeasureType> parse_measure_type(std::string_view text);
std::string_view to_string(Improvement direction);
std::optional<Improvement> parse_improvement(std::string_view text);

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
