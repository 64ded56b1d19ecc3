// The stored funnel plots of measures in the SQL store. A funnel is kept as JSON (its units,
// limit model, overdispersion and the limit curves a chart draws): it is written and read
// whole, never queried inside, and the same text suits both databases.
#include <array>
#include <set>

#include <nlohmann/json.hpp>

#include "storage/chart_json.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

using nlohmann::json;

constexpr std::array kFlags{stats::FunnelFlag::none, stats::FunnelFlag::alert_high, stats::FunnelFlag::alarm_high,
                            stats::FunnelFlag::alert_low, stats::FunnelFlag::alarm_low};

json optional_number(const std::optional<double>& value) { return value ? nullable_number(*value) : json(); }

std::optional<double> read_optional(const json& value) {
  if (value.is_null()) return std::nullopt;
  return number_or_nan(value);
}

json limits_json(const stats::FunnelLimits& limits) {
  return json::array({nullable_number(limits.l95.lower), nullable_number(limits.l95.upper),
                      nullable_number(limits.l998.lower), nullable_number(limits.l998.upper)});
}

stats::FunnelLimits read_limits(const json& text) {
  if (!text.is_array() || text.size() != 4) throw NotAChart{};
  return stats::FunnelLimits{{number_or_nan(text.at(0)), number_or_nan(text.at(1))},
                             {number_or_nan(text.at(2)), number_or_nan(text.at(3))}};
}

// Reads an enum of the statistics engine by its name. Throws NotAChart for another name.
template <typename Enum>
Enum read_enum(const json& text, Result<Enum> (*parse)(std::string_view)) {
  if (!text.is_string()) throw NotAChart{};
  auto parsed = parse(text.get_ref<const std::string&>());
  if (!parsed) throw NotAChart{};
  return *parsed;
}

stats::FunnelFlag read_flag(const json& text) {
  for (const auto flag : kFlags) {
    if (text.is_string() && stats::to_string(flag) == text.get_ref<const std::string&>()) return flag;
  }
  throw NotAChart{};
}

json plot_json(const stats::FunnelPlot& plot) {
  json units = json::array();
  for (const auto& unit : plot.units) {
    units.push_back({{"unit", unit.unit},
                     {"numerator", unit.numerator},
                     {"denominator", unit.denominator},
                     {"value", optional_number(unit.value)},
                     {"z", optional_number(unit.z)},
                     {"limits", unit.limits ? limits_json(*unit.limits) : json()},
                     {"unadjusted_limits", unit.unadjusted_limits ? limits_json(*unit.unadjusted_limits) : json()},
                     {"flag", stats::to_string(unit.flag)}});
  }
  const auto& od = plot.overdispersion;
  const auto& model = plot.model;
  return {{"type", stats::to_string(plot.type)},
          {"target", plot.target},
          {"overdispersion",
           {{"method", stats::to_string(od.method)},
            {"trim", od.trim},
            {"units_used", od.units_used},
            {"phi", optional_number(od.phi)},
            {"tau2", optional_number(od.tau2)},
            {"applied", od.applied}}},
          {"model",
           {{"type", stats::to_string(model.type)},
            {"target", model.target},
            {"limits", stats::to_string(model.limits)},
            {"method", stats::to_string(model.method)},
            {"phi", model.phi},
            {"tau2", model.tau2},
            {"applied", model.applied}}},
          {"units", units}};
}

stats::FunnelPlot read_plot(const json& text) {
  stats::FunnelPlot plot;
  plot.type = read_enum(text.at("type"), stats::parse_funnel_type);
  plot.target = text.at("target").get<double>();
  const json& od = text.at("overdispersion");
  plot.overdispersion.method = read_enum(od.at("method"), stats::parse_overdispersion_method);
  plot.overdispersion.trim = od.at("trim").get<double>();
  plot.overdispersion.units_used = od.at("units_used").get<std::int64_t>();
  plot.overdispersion.phi = read_optional(od.at("phi"));
  plot.overdispersion.tau2 = read_optional(od.at("tau2"));
  plot.overdispersion.applied = od.at("applied").get<bool>();
  const json& model = text.at("model");
  plot.model.type = read_enum(model.at("type"), stats::parse_funnel_type);
  plot.model.target = model.at("target").get<double>();
  plot.model.limits = read_enum(model.at("limits"), stats::parse_limit_method);
  plot.model.method = read_enum(model.at("method"), stats::parse_overdispersion_method);
  plot.model.phi = model.at("phi").get<double>();
  plot.model.tau2 = model.at("tau2").get<double>();
  plot.model.applied = model.at("applied").get<bool>();
  for (const json& unit : text.at("units")) {
    stats::FunnelUnit read;
    read.unit = unit.at("unit").get<std::string>();
    read.numerator = unit.at("numerator").get<double>();
    read.denominator = unit.at("denominator").get<double>();
    read.value = read_optional(unit.at("value"));
    read.z = read_optional(unit.at("z"));
    if (!unit.at("limits").is_null()) read.limits = read_limits(unit.at("limits"));
    if (!unit.at("unadjusted_limits").is_null()) read.unadjusted_limits = read_limits(unit.at("unadjusted_limits"));
    read.flag = read_flag(unit.at("flag"));
    plot.units.push_back(std::move(read));
  }
  return plot;
}

std::string funnel_text(const domain::StoredMeasureFunnel& funnel) {
  json curve = json::array();
  for (const auto& point : funnel.curve) {
    curve.push_back(json::array({point.denominator, limits_json(point.limits), limits_json(point.unadjusted_limits)}));
  }
  return json_text({{"period", funnel.period},
                    {"period_end", funnel.period_end.to_string()},
                    {"note", funnel.note},
                    {"plot", funnel.plot ? plot_json(*funnel.plot) : json()},
                    {"curve", curve}});
}

// The funnel of `text` into `stored`. Throws NotAChart or json's errors.
void read_funnel_text(const std::string& text, domain::StoredMeasureFunnel& stored) {
  const json parsed = json::parse(text);
  stored.period = parsed.at("period").get<std::string>();
  const auto period_end = Date::parse(parsed.at("period_end").get<std::string>());
  if (!period_end) throw NotAChart{};
  stored.period_end = *period_end;
  stored.note = parsed.at("note").get<std::string>();
  if (!parsed.at("plot").is_null()) stored.plot = read_plot(parsed.at("plot"));
  for (const json& point : parsed.at("curve")) {
    if (!point.is_array() || point.size() != 3) throw NotAChart{};
    stored.curve.push_back(
        stats::FunnelCurvePoint{point.at(0).get<double>(), read_limits(point.at(1)), read_limits(point.at(2))});
  }
}

domain::StoredMeasureFunnel read_stored_funnel(const SqlRow& row) {
  domain::StoredMeasureFunnel stored;
  stored.measure_id = id_of<MeasureId>(row, 0);
  stored.audit_id = id_of<AuditId>(row, 1);
  stored.input_checksum = row.text(3);
  stored.every_result = row.boolean(4);
  stored.software_version = row.text(5);
  stored.computed_at = timestamp_of(row, 6);
  read_chart(row, 2, [&](const std::string& text) { read_funnel_text(text, stored); });
  return stored;
}

constexpr const char* kSelectFunnels =
    "SELECT f.measure_id, m.audit_id, f.funnel, f.input_checksum, f.every_result, f.software_version, f.computed_at "
    "FROM measure_funnel_views f JOIN measures m ON m.id = f.measure_id ";

}  // namespace

Result<void> SqlStore::put_measure_funnels(MeasureId measure, const std::vector<domain::StoredMeasureFunnel>& funnels,
                                           const domain::Actor& actor) {
  return write("storing the funnel plots of a measure", [&](SqlSession& session) {
    require_row(session, "measures", measure.value, "measure funnel: measure");
    std::set<std::string> checksums;
    int over_every_result = 0;
    for (const auto& funnel : funnels) {
      if (funnel.measure_id != measure) {
        fail(ErrorCode::invalid_input, "measure funnel: a funnel of measure " +
                                           std::to_string(funnel.measure_id.value) + " given for measure " +
                                           std::to_string(measure.value));
      }
      if (!checksums.insert(funnel.input_checksum).second) {
        fail(ErrorCode::invalid_input,
             "measure funnel: two funnels of measure " + std::to_string(measure.value) + " compare the same results");
      }
      over_every_result += funnel.every_result ? 1 : 0;
    }
    if (over_every_result > 1) {
      fail(ErrorCode::invalid_input,
           "measure funnel: two funnels of measure " + std::to_string(measure.value) + " over every result");
    }
    execute(session, "DELETE FROM measure_funnel_views WHERE measure_id = ?", measure);
    // A funnel kept from an earlier refresh keeps the time it was computed.
    const auto now = utc_now_iso();
    for (const auto& funnel : funnels) {
      execute(session,
              "INSERT INTO measure_funnel_views (measure_id, input_checksum, every_result, funnel, software_version, "
              "computed_at) VALUES (?, ?, ?, ?, ?, ?)",
              measure, funnel.input_checksum, funnel.every_result, funnel_text(funnel), funnel.software_version,
              funnel.computed_at.empty() ? now : funnel.computed_at);
    }
    // Computed again from logged results: the log says for which periods and by which version.
    json views = json::array();
    for (const auto& funnel : funnels) {
      views.push_back({{"period", funnel.period},
                       {"over_every_result", funnel.every_result},
                       {"providers", funnel.plot ? funnel.plot->units.size() : 0}});
    }
    const json after{{"measure_id", measure.value},
                     {"funnels", views},
                     {"software_version", funnels.empty() ? std::string() : funnels.front().software_version}};
    append_audit_log(session, actor, funnels.empty() ? "delete" : "update", "measure_funnel",
                     std::to_string(measure.value), nullptr, &after);
  });
}

Result<std::vector<domain::StoredMeasureFunnel>> SqlStore::measure_funnels(AuditId audit,
                                                                           std::optional<MeasureId> measure) {
  return read("reading the funnel plots of measures", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kSelectFunnels) +
                        "WHERE m.audit_id = ?1 AND f.every_result AND (CAST(?2 AS BIGINT) IS NULL OR "
                        "f.measure_id = ?2) ORDER BY f.measure_id",
                    read_stored_funnel, audit, measure);
  });
}

Result<std::vector<domain::StoredMeasureFunnel>> SqlStore::measure_funnel_views(MeasureId measure,
                                                                                std::optional<std::string> checksum) {
  return read("reading the funnel plots of a measure", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kSelectFunnels) +
                        "WHERE f.measure_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR f.input_checksum = ?2) "
                        "ORDER BY f.every_result DESC, f.input_checksum",
                    read_stored_funnel, measure, checksum);
  });
}

}  // namespace clinaudit::storage
