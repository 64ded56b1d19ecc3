#pragma once

#include <vector>

#include "core/result.hpp"
#include "stats/control_chart.hpp"

// Internal to control_chart.cpp: the centre and limits of one chart part, per chart type.
namespace clinaudit::stats::detail {

// One part of a chart after aggregation, in qicharts2's column names. Missing values are NaN.
struct PartFrame {
  std::vector<double> y;       // the plotted value
  std::vector<double> n;       // denominator (sum) or NaN without one
  std::vector<double> y_sum;   // sum of the subgroup's values
  std::vector<double> y_len;   // number of non-missing values
  std::vector<double> y_mean;  // mean of the values
  std::vector<double> y_sd;    // sample standard deviation (NaN under 2 values)
  std::vector<bool> base;      // in the baseline and not excluded
  // Outputs, one per point.
  std::vector<double> cl, lcl, ucl, lcl_95, ucl_95;
};

// Fills cl and the limits (and transforms y for mr, s, c and t) for one part.
// Errors: invalid_input for a t chart value <= 0.
Result<void> apply_limits(ControlChartType type, const ControlOptions& options, PartFrame& frame);

// R's mean(x, na.rm = TRUE): NaN when nothing is left.
double mean_present(const std::vector<double>& values);
// R's median(x, na.rm = TRUE).
double median_present(std::vector<double> values);

}  // namespace clinaudit::stats::detail
