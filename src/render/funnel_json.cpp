#include "render/funnel_json.hpp"

#include <string>

namespace clinaudit::render {
namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json limits_json(const std::optional<stats::FunnelLimits>& limits) {
  if (!limits) return nullptr;
  nlohmann::json out = nlohmann::json::object();
  out["95"] = {{"lower", limits->l95.lower}, {"upper", limits->l95.upper}};
  out["99.8"] = {{"lower", limits->l998.lower}, {"upper", limits->l998.upper}};
  return out;
}

}  // namespace

nlohmann::json to_json(const stats::FunnelPlot& plot) {
  nlohmann::json out = nlohmann::json::object();
  out["type"] = std::string(stats::to_string(plot.type));
  out["target"] = plot.target;
  const auto& od = plot.overdispersion;
  out["overdispersion"] = {{"method", std::string(stats::to_string(od.method))},
                           {"trim", od.trim},
                           {"units_used", od.units_used},
                           {"phi", optional_number(od.phi)},
                           {"tau2", optional_number(od.tau2)},
                           {"applied", od.applied}};
  nlohmann::json units = nlohmann::json::array();
  for (const auto& unit : plot.units) {
    nlohmann::json item = nlohmann::json::object();
    item["unit"] = unit.unit;
    item["numerator"] = unit.numerator;
    item["denominator"] = unit.denominator;
    item["value"] = optional_number(unit.value);
    item["z"] = optional_number(unit.z);
    item["limits"] = limits_json(unit.limits);
    item["unadjusted_limits"] = limits_json(unit.unadjusted_limits);
    item["flag"] = std::string(stats::to_string(unit.flag));
    units.push_back(std::move(item));
  }
  out["units"] = std::move(units);
  return out;
}

}  // namespace clinaudit::render
