#include "render/spc_json.hpp"

#include <charconv>
#include <cmath>

namespace clinaudit::render {
namespace {

nlohmann::json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

// A label that is a whole decimal number is written as a number, anything else as text.
nlohmann::json label_json(const std::string& label) {
  double value = 0;
  const char* end = label.data() + label.size();
  const auto [ptr, ec] = std::from_chars(label.data(), end, value);
  if (ec == std::errc() && ptr == end && std::isfinite(value)) return value;
  return label;
}

nlohmann::json runs_json(const stats::RunsAnalysis& runs, nlohmann::json& out, const char* signal_key) {
  const bool any = runs.n_useful > 0;
  out["n_obs"] = runs.n_obs;
  out["n_useful"] = runs.n_useful;
  out["longest_run"] = any ? nlohmann::json(runs.longest_run) : nlohmann::json(nullptr);
  out["longest_run_limit"] = any ? nlohmann::json(runs.longest_run_limit) : nlohmann::json(nullptr);
  out["crossings"] = any ? nlohmann::json(runs.crossings) : nlohmann::json(nullptr);
  out["crossings_limit"] = any ? nlohmann::json(runs.crossings_limit) : nlohmann::json(nullptr);
  out[signal_key] = runs.signal;
  return out;
}

nlohmann::json parts_json(const stats::ControlChart& chart, std::span<const std::string> x) {
  nlohmann::json parts = nlohmann::json::array();
  for (std::size_t k = 0; k < chart.parts.size(); ++k) {
    const auto& part = chart.parts[k];
    nlohmann::json item = nlohmann::json::object();
    item["part"] = k + 1;
    item["first_x"] = label_json(x[part.first]);
    item["last_x"] = label_json(x[part.first + part.count - 1]);
    runs_json(part.runs, item, "runs_signal");
    item["mean_lcl"] = number_or_null(part.mean_lcl);
    item["cl"] = number_or_null(part.cl);
    item["mean_ucl"] = number_or_null(part.mean_ucl);
    item["sigma_signals"] = part.sigma_signals;
    parts.push_back(std::move(item));
  }
  return parts;
}

}  // namespace

nlohmann::json to_json(const stats::XmrChart& chart, std::span<const std::string> dates,
                       stats::ImprovementDirection improvement, const std::optional<double>& target) {
  nlohmann::json out = nlohmann::json::object();
  out["improvement"] = std::string(stats::to_string(improvement));
  out["target"] = target ? nlohmann::json(*target) : nlohmann::json(nullptr);
  out["variation_icon"] = std::string(stats::to_string(chart.variation));
  out["assurance_icon"] = std::string(stats::to_string(chart.assurance));
  out["warnings"] = chart.warnings;
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& group : chart.groups) {
    const auto& first = chart.points[group.first];
    groups.push_back({{"first_date", dates[group.first]},
                      {"points", group.count},
                      {"baseline_points", group.baseline_points},
                      {"mean", number_or_null(group.mean)},
                      {"amr", number_or_null(group.amr)},
                      {"lpl", number_or_null(first.lpl)},
                      {"upl", number_or_null(first.upl)}});
  }
  out["groups"] = std::move(groups);
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    nlohmann::json item = nlohmann::json::object();
    item["date"] = dates[i];
    item["value"] = p.value;
    item["mean"] = number_or_null(p.mean);
    item["lpl"] = number_or_null(p.lpl);
    item["upl"] = number_or_null(p.upl);
    item["near_lower"] = number_or_null(p.near_lower);
    item["near_upper"] = number_or_null(p.near_upper);
    item["rule"] = std::string(stats::to_string(p.rule));
    item["point_type"] = std::string(stats::to_string(p.type));
    points.push_back(std::move(item));
  }
  out["points"] = std::move(points);
  return out;
}

nlohmann::json to_json(const stats::ControlChart& chart, std::span<const std::string> x) {
  nlohmann::json out = nlohmann::json::object();
  out["chart"] = std::string(stats::to_string(chart.type));
  runs_json(chart.parts.back().runs, out, "runs_signal");
  out["parts"] = parts_json(chart, x);
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    nlohmann::json item = nlohmann::json::object();
    item["x"] = label_json(x[i]);
    item["y"] = number_or_null(p.y);
    item["n"] = number_or_null(p.n);
    item["cl"] = number_or_null(p.cl);
    item["lcl"] = number_or_null(p.lcl);
    item["ucl"] = number_or_null(p.ucl);
    item["lcl_95"] = number_or_null(p.lcl_95);
    item["ucl_95"] = number_or_null(p.ucl_95);
    item["part"] = p.part + 1;
    item["baseline"] = p.baseline;
    item["included"] = p.included;
    item["signal"] = p.sigma_signal;
    item["runs_signal"] = p.runs_signal;
    points.push_back(std::move(item));
  }
  out["points"] = std::move(points);
  return out;
}

nlohmann::json run_chart_json(const stats::ControlChart& chart, std::span<const std::string> x) {
  nlohmann::json out = nlohmann::json::object();
  out["centre"] = number_or_null(chart.parts.back().cl);
  runs_json(chart.parts.back().runs, out, "signal");
  out["parts"] = parts_json(chart, x);
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    nlohmann::json item = nlohmann::json::object();
    item["x"] = label_json(x[i]);
    item["y"] = number_or_null(p.y);
    item["centre"] = number_or_null(p.cl);
    item["part"] = p.part + 1;
    item["baseline"] = p.baseline;
    item["included"] = p.included;
    points.push_back(std::move(item));
  }
  out["points"] = std::move(points);
  return out;
}

}  // namespace clinaudit::render
