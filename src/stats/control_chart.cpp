#include "stats/control_chart.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "stats/control_chart_limits.hpp"
#include "stats/not_a_number.hpp"

namespace clinaudit::stats {
namespace {

// One subgroup summarised as qicharts2's qic.agg does.
struct Aggregate {
  double y = kNaN;
  double n = kNaN;
  double y_sum = kNaN;
  double y_len = 0;
  double y_mean = kNaN;
  double y_sd = kNaN;
};

Aggregate aggregate(const Subgroup& group, bool with_n) {
  std::vector<double> ys;
  double n_sum = 0;
  for (std::size_t i = 0; i < group.y.size(); ++i) {
    const double n = with_n ? group.n[i] : 0;
    if (std::isnan(group.y[i]) || std::isnan(n)) continue;  // complete cases only
    ys.push_back(group.y[i]);
    n_sum += n;
  }
  Aggregate a;
  a.y_len = static_cast<double>(ys.size());
  if (ys.empty()) {
    // A lone missing value sums to missing; several missing values sum to 0, as R does.
    a.y_sum = group.y.size() > 1 ? 0 : kNaN;
    a.n = with_n ? 0 : kNaN;
    return a;
  }
  double sum = 0;
  for (const double v : ys) sum += v;
  a.y_sum = sum;
  a.y_mean = sum / static_cast<double>(ys.size());
  if (ys.size() > 1) {
    double squares = 0;
    for (const double v : ys) squares += (v - a.y_mean) * (v - a.y_mean);
    a.y_sd = std::sqrt(squares / static_cast<double>(ys.size() - 1));
  }
  a.n = with_n ? n_sum : static_cast<double>(ys.size());
  a.y = with_n ? sum / n_sum : a.y_mean;
  return a;
}

double finite_or_nan(double v) { return std::isfinite(v) ? v : kNaN; }

}  // namespace

std::string_view to_string(ControlChartType type) {
  switch (type) {
    case ControlChartType::run: return "run";
    case ControlChartType::i: return "i";
    case ControlChartType::mr: return "mr";
    case ControlChartType::xbar: return "xbar";
    case ControlChartType::s: return "s";
    case ControlChartType::t: return "t";
    case ControlChartType::p: return "p";
    case ControlChartType::pp: return "pp";
    case ControlChartType::c: return "c";
    case ControlChartType::u: return "u";
    case ControlChartType::up: return "up";
    case ControlChartType::g: return "g";
  }
  return "i";
}

Result<ControlChartType> parse_control_chart_type(std::string_view text) {
  for (const auto type : {ControlChartType::run, ControlChartType::i, ControlChartType::mr, ControlChartType::xbar,
                          ControlChartType::s, ControlChartType::t, ControlChartType::p, ControlChartType::pp,
                          ControlChartType::c, ControlChartType::u, ControlChartType::up, ControlChartType::g}) {
    if (text == to_string(type)) return type;
  }
  if (text == "pprime") return ControlChartType::pp;
  if (text == "uprime") return ControlChartType::up;
  return Error{ErrorCode::invalid_input,
               "chart '" + std::string(text) + "' is not one of run, i, mr, xbar, s, t, p, pp, c, u, up, g"};
}

bool needs_denominator(ControlChartType type) {
  return type == ControlChartType::p || type == ControlChartType::pp || type == ControlChartType::u ||
         type == ControlChartType::up;
}

Result<ControlChart> control_chart(std::span<const Subgroup> subgroups, const ControlOptions& options) {
  const std::size_t size = subgroups.size();
  if (size == 0) return Error{ErrorCode::invalid_input, "a chart needs at least one subgroup"};
  const bool with_n = !subgroups.front().n.empty();
  if (needs_denominator(options.type) && !with_n) {
    return Error{ErrorCode::invalid_input,
                 "a " + std::string(to_string(options.type)) + " chart needs a denominator (n) for every subgroup"};
  }
  for (std::size_t g = 0; g < size; ++g) {
    if (with_n && subgroups[g].n.size() != subgroups[g].y.size()) {
      return Error{ErrorCode::invalid_input, "subgroup " + std::to_string(g + 1) + " has no denominator"};
    }
    for (const double n : subgroups[g].n) {
      if (!std::isnan(n) && !(n > 0)) {
        return Error{ErrorCode::invalid_input,
                     "subgroup " + std::to_string(g + 1) + " has a denominator that is not greater than zero"};
      }
    }
  }
  for (const std::size_t point : options.exclude) {
    if (point < 1 || point > size) {
      return Error{ErrorCode::invalid_input,
                   "excluded point " + std::to_string(point) + " is not between 1 and " + std::to_string(size)};
    }
  }
  // Parts as qicharts2's makeparts: positions 1..size-1 split the chart; others are ignored.
  std::vector<std::size_t> starts{0};
  for (const std::size_t end : options.part_ends) {
    if (end < 1 || end >= size) {
      return Error{ErrorCode::invalid_input,
                   "part boundary " + std::to_string(end) + " is not between 1 and " + std::to_string(size - 1)};
    }
    starts.push_back(end);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  ControlChart chart;
  chart.type = options.type;
  chart.points.resize(size);
  for (std::size_t part = 0; part < starts.size(); ++part) {
    const std::size_t first = starts[part];
    const std::size_t end = part + 1 < starts.size() ? starts[part + 1] : size;
    detail::PartFrame frame;
    std::vector<bool> included;
    for (std::size_t i = first; i < end; ++i) {
      const Aggregate a = aggregate(subgroups[i], with_n);
      frame.y.push_back(a.y);
      frame.n.push_back(a.n);
      frame.y_sum.push_back(a.y_sum);
      frame.y_len.push_back(a.y_len);
      frame.y_mean.push_back(a.y_mean);
      frame.y_sd.push_back(a.y_sd);
      const bool in = std::find(options.exclude.begin(), options.exclude.end(), i + 1) == options.exclude.end();
      const bool baseline = !options.freeze || i + 1 <= *options.freeze;
      included.push_back(in);
      frame.base.push_back(in && baseline);
    }
    if (auto applied = detail::apply_limits(options.type, options, frame); !applied) return applied.error();

    // Runs analysis over the part's included points (qicharts2's runs.analysis).
    std::vector<double> run_y;
    std::vector<double> run_cl;
    for (std::size_t k = 0; k < frame.y.size(); ++k) {
      if (!included[k]) continue;
      run_y.push_back(frame.y[k]);
      run_cl.push_back(frame.cl[k]);
    }
    ControlPart summary;
    summary.first = first;
    summary.count = end - first;
    summary.runs = runs_analysis(run_y, run_cl);
    const bool runs_apply = options.ordered && options.type != ControlChartType::mr;
    if (!runs_apply) summary.runs.signal = false;

    std::vector<double> lcls;
    std::vector<double> ucls;
    std::vector<double> cls;
    for (std::size_t k = 0; k < frame.y.size(); ++k) {
      ControlPoint& p = chart.points[first + k];
      p.y = frame.y[k] * options.multiply;
      p.n = frame.n[k];
      p.cl = frame.cl[k] * options.multiply;
      p.lcl = finite_or_nan(frame.lcl[k] * options.multiply);
      p.ucl = finite_or_nan(frame.ucl[k] * options.multiply);
      p.lcl_95 = finite_or_nan(frame.lcl_95[k] * options.multiply);
      p.ucl_95 = finite_or_nan(frame.ucl_95[k] * options.multiply);
      p.part = part;
      p.baseline = !options.freeze || first + k + 1 <= *options.freeze;
      p.included = included[k];
      p.sigma_signal = p.y > p.ucl || p.y < p.lcl;  // false when either side is NaN
      p.runs_signal = summary.runs.signal;
      if (p.sigma_signal) ++summary.sigma_signals;
      lcls.push_back(p.lcl);
      ucls.push_back(p.ucl);
      cls.push_back(p.cl);
    }
    summary.mean_lcl = detail::mean_present(lcls);
    summary.mean_ucl = detail::mean_present(ucls);
    summary.cl = detail::mean_present(cls);
    chart.parts.push_back(summary);
  }
  return chart;
}

}  // namespace clinaudit::stats
