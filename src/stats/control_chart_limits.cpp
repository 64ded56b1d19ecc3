#include "stats/control_chart_limits.hpp"

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <set>

#include "stats/not_a_number.hpp"

namespace clinaudit::stats::detail {
namespace {

constexpr double kD2 = 1.128;       // E(MR)/sigma for moving ranges of two, as qicharts2 rounds it
constexpr double kMrUpper = 3.267;  // D4 for moving ranges of two
constexpr double kTPower = 3.6;     // Nelson's transformation for times between events

std::vector<double> where_base(const std::vector<double>& values, const std::vector<bool>& base) {
  std::vector<double> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (base[i]) out.push_back(values[i]);
  }
  return out;
}

double sum_present(const std::vector<double>& values) {
  double sum = 0;
  for (const double v : values) {
    if (!std::isnan(v)) sum += v;
  }
  return sum;
}

// Average moving range of consecutive values (missing ones give missing ranges, skipped),
// screened as qicharts2 does when asked: ranges >= 3.267·AMR are dropped.
double average_moving_range(const std::vector<double>& values, bool screen) {
  std::vector<double> ranges;
  for (std::size_t i = 1; i < values.size(); ++i) ranges.push_back(std::abs(values[i] - values[i - 1]));
  double amr = mean_present(ranges);
  if (screen) {
    const double cut = kMrUpper * amr;
    std::erase_if(ranges, [cut](double r) { return !(r < cut); });
    amr = mean_present(ranges);
  }
  return amr;
}

void set_sigma_limits(PartFrame& f, const std::vector<double>& sigma) {
  const std::size_t size = f.y.size();
  f.lcl.resize(size);
  f.ucl.resize(size);
  f.lcl_95.resize(size);
  f.ucl_95.resize(size);
  for (std::size_t i = 0; i < size; ++i) {
    f.lcl[i] = f.cl[i] - 3 * sigma[i];
    f.ucl[i] = f.cl[i] + 3 * sigma[i];
    f.lcl_95[i] = f.cl[i] - 2 * sigma[i];
    f.ucl_95[i] = f.cl[i] + 2 * sigma[i];
  }
}

void floor_lower(PartFrame& f) {
  for (std::size_t i = 0; i < f.y.size(); ++i) {
    if (std::isfinite(f.lcl[i]) && f.lcl[i] < 0) f.lcl[i] = 0;
    if (std::isfinite(f.lcl_95[i]) && f.lcl_95[i] < 0) f.lcl_95[i] = 0;
  }
}

void cap_upper_at_one(PartFrame& f) {
  for (std::size_t i = 0; i < f.y.size(); ++i) {
    if (std::isfinite(f.ucl[i]) && f.ucl[i] > 1) f.ucl[i] = 1;
    if (std::isfinite(f.ucl_95[i]) && f.ucl_95[i] > 1) f.ucl_95[i] = 1;
  }
}

// c4(n) = sqrt(2/(n-1)) Γ(n/2) / Γ((n-1)/2); NaN for n <= 1.
double c4(double n) {
  if (!(n > 1)) return kNaN;
  return std::sqrt(2 / (n - 1)) * std::exp(boost::math::lgamma(n / 2) - boost::math::lgamma((n - 1) / 2));
}

void i_chart(const ControlOptions& options, PartFrame& f) {
  const double centre = mean_present(where_base(f.y, f.base));
  f.cl.assign(f.y.size(), centre);
  const double sigma = average_moving_range(where_base(f.y, f.base), options.screen) / kD2;
  set_sigma_limits(f, std::vector<double>(f.y.size(), sigma));
}

void mr_chart(PartFrame& f) {
  std::vector<double> ranges(f.y.size(), kNaN);
  for (std::size_t i = 1; i < f.y.size(); ++i) ranges[i] = std::abs(f.y[i] - f.y[i - 1]);
  f.y = ranges;
  const double centre = mean_present(where_base(f.y, f.base));
  f.cl.assign(f.y.size(), centre);
  f.lcl.assign(f.y.size(), 0);
  f.lcl_95.assign(f.y.size(), 0);
  f.ucl.assign(f.y.size(), kMrUpper * centre);
  f.ucl_95.assign(f.y.size(), (kMrUpper / 3) * 2 * centre);
}

// Montgomery 6.29 (equal subgroup sizes: mean sd) or 6.31 (pooled sd).
double pooled_sd(const PartFrame& f) {
  const bool varying = std::set<double>(f.y_len.begin(), f.y_len.end()).size() > 1;
  if (!varying) return mean_present(where_base(f.y_sd, f.base));
  double weighted = 0;
  double degrees = 0;
  for (std::size_t i = 0; i < f.y.size(); ++i) {
    if (!f.base[i]) continue;
    const double term = (f.y_len[i] - 1) * f.y_sd[i] * f.y_sd[i];
    if (!std::isnan(term)) weighted += term;
    if (!std::isnan(f.y_len[i])) degrees += f.y_len[i] - 1;
  }
  return std::sqrt(weighted / degrees);
}

void xbar_chart(PartFrame& f) {
  double weighted = 0;
  double count = 0;
  for (std::size_t i = 0; i < f.y.size(); ++i) {
    if (!f.base[i]) continue;
    const double term = f.y_len[i] * f.y_mean[i];
    if (!std::isnan(term)) weighted += term;
    count += f.y_len[i];
  }
  f.cl.assign(f.y.size(), weighted / count);
  const double sd = pooled_sd(f);
  std::vector<double> sigma(f.y.size());
  for (std::size_t i = 0; i < f.y.size(); ++i) sigma[i] = sd / (c4(f.y_len[i]) * std::sqrt(f.y_len[i]));
  set_sigma_limits(f, sigma);
}

void s_chart(PartFrame& f) {
  f.y = f.y_sd;
  const double centre = pooled_sd(f);
  f.cl.assign(f.y.size(), centre);
  const std::size_t size = f.y.size();
  f.lcl.resize(size);
  f.ucl.resize(size);
  f.lcl_95.resize(size);
  f.ucl_95.resize(size);
  for (std::size_t i = 0; i < size; ++i) {
    const double c4n = c4(f.y_len[i]);
    const double ratio = std::sqrt(1 - c4n * c4n) / c4n;  // c5/c4
    f.lcl[i] = std::max(0.0, 1 - 3 * ratio) * centre;
    f.lcl_95[i] = std::max(0.0, 1 - 2 * ratio) * centre;
    f.ucl[i] = (1 + 3 * ratio) * centre;
    f.ucl_95[i] = (1 + 2 * ratio) * centre;
    if (std::isnan(ratio)) f.lcl[i] = f.lcl_95[i] = kNaN;  // R's pmax keeps NA
  }
}

Result<void> t_chart(const ControlOptions& options, PartFrame& f) {
  for (const double y : f.y) {
    if (!std::isnan(y) && y <= 0) return Error{ErrorCode::invalid_input, "a t chart needs times greater than zero"};
  }
  for (double& y : f.y) y = std::pow(y, 1 / kTPower);
  i_chart(options, f);
  for (std::size_t i = 0; i < f.y.size(); ++i) {
    f.y[i] = std::pow(f.y[i], kTPower);
    f.cl[i] = std::pow(f.cl[i], kTPower);
    f.ucl[i] = std::pow(f.ucl[i], kTPower);
    f.ucl_95[i] = std::pow(f.ucl_95[i], kTPower);
    // A negative transformed limit has no real power: it becomes 0, as does a negative one.
    f.lcl[i] = std::pow(f.lcl[i], kTPower);
    if (std::isnan(f.lcl[i]) || f.lcl[i] < 0) f.lcl[i] = 0;
    f.lcl_95[i] = std::pow(f.lcl_95[i], kTPower);
  }
  return {};
}

// Σ y_sum / Σ n over the baseline.
double ratio_centre(const PartFrame& f) {
  return sum_present(where_base(f.y_sum, f.base)) / sum_present(where_base(f.n, f.base));
}

// Laney's sigma_z from the z-scores of the baseline points.
double laney_sigma_z(const ControlOptions& options, const PartFrame& f, const std::vector<double>& sigma) {
  std::vector<double> z;
  for (std::size_t i = 0; i < f.y.size(); ++i) {
    if (f.base[i]) z.push_back((f.y[i] - f.cl[i]) / sigma[i]);
  }
  if (options.ordered) return average_moving_range(z, options.screen) / kD2;
  // Categorical subgroups: the sample standard deviation (R's sd, so a missing z gives NaN).
  if (z.size() < 2) return kNaN;
  double mean = 0;
  for (const double v : z) mean += v;
  mean /= static_cast<double>(z.size());
  double squares = 0;
  for (const double v : z) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / static_cast<double>(z.size() - 1));
}

void proportion_chart(const ControlOptions& options, bool laney, PartFrame& f) {
  const double centre = ratio_centre(f);
  f.cl.assign(f.y.size(), centre);
  std::vector<double> sigma(f.y.size());
  for (std::size_t i = 0; i < f.y.size(); ++i) sigma[i] = std::sqrt(centre * (1 - centre) / f.n[i]);
  if (laney) {
    const double sigma_z = laney_sigma_z(options, f, sigma);
    for (double& s : sigma) s *= sigma_z;
  }
  set_sigma_limits(f, sigma);
  cap_upper_at_one(f);
  floor_lower(f);
}

void rate_chart(const ControlOptions& options, bool laney, PartFrame& f) {
  const double centre = ratio_centre(f);
  f.cl.assign(f.y.size(), centre);
  std::vector<double> sigma(f.y.size());
  for (std::size_t i = 0; i < f.y.size(); ++i) sigma[i] = std::sqrt(centre / f.n[i]);
  if (laney) {
    const double sigma_z = laney_sigma_z(options, f, sigma);
    for (double& s : sigma) s *= sigma_z;
  }
  set_sigma_limits(f, sigma);
  floor_lower(f);
}

void c_chart(PartFrame& f) {
  f.y = f.y_sum;
  const double centre = mean_present(where_base(f.y, f.base));
  f.cl.assign(f.y.size(), centre);
  set_sigma_limits(f, std::vector<double>(f.y.size(), std::sqrt(centre)));
  floor_lower(f);
}

void g_chart(PartFrame& f) {
  const double mean = mean_present(where_base(f.y, f.base));
  f.cl.assign(f.y.size(), mean);
  set_sigma_limits(f, std::vector<double>(f.y.size(), std::sqrt(mean * (mean + 1))));
  floor_lower(f);
  // The limits come from the geometric mean; the line drawn is the median (Provost 2011).
  f.cl.assign(f.y.size(), median_present(where_base(f.y, f.base)));
}

void run_chart(PartFrame& f) {
  f.cl.assign(f.y.size(), median_present(where_base(f.y, f.base)));
  f.lcl.assign(f.y.size(), kNaN);
  f.ucl.assign(f.y.size(), kNaN);
  f.lcl_95.assign(f.y.size(), kNaN);
  f.ucl_95.assign(f.y.size(), kNaN);
}

}  // namespace

double mean_present(const std::vector<double>& values) {
  double sum = 0;
  std::size_t count = 0;
  for (const double v : values) {
    if (std::isnan(v)) continue;
    sum += v;
    ++count;
  }
  return count == 0 ? kNaN : sum / static_cast<double>(count);
}

double median_present(std::vector<double> values) {
  std::erase_if(values, [](double v) { return std::isnan(v); });
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

Result<void> apply_limits(ControlChartType type, const ControlOptions& options, PartFrame& frame) {
  switch (type) {
    case ControlChartType::run: run_chart(frame); return {};
    case ControlChartType::i: i_chart(options, frame); return {};
    case ControlChartType::mr: mr_chart(frame); return {};
    case ControlChartType::xbar: xbar_chart(frame); return {};
    case ControlChartType::s: s_chart(frame); return {};
    case ControlChartType::t: return t_chart(options, frame);
    case ControlChartType::p: proportion_chart(options, false, frame); return {};
    case ControlChartType::pp: proportion_chart(options, true, frame); return {};
    case ControlChartType::c: c_chart(frame); return {};
    case ControlChartType::u: rate_chart(options, false, frame); return {};
    case ControlChartType::up: rate_chart(options, true, frame); return {};
    case ControlChartType::g: g_chart(frame); return {};
  }
  return {};
}

}  // namespace clinaudit::stats::detail
