// The stored Making Data Count charts of measures in the SQL store. A chart is kept as JSON
// (its periods, values and the XmR chart over them): it is written and read whole, never
// queried inside, and the same text suits both databases.
#include <array>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "storage/chart_json.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

using nlohmann::json;

constexpr std::array kRules{
    stats::SpcRule::astronomical_high, stats::SpcRule::astronomical_low,  stats::SpcRule::trend_increasing,
    stats::SpcRule::trend_decreasing,  stats::SpcRule::two_in_three_high, stats::SpcRule::two_in_three_low,
    stats::SpcRule::shift_high,        stats::SpcRule::shift_low,         stats::SpcRule::common_cause};
constexpr std::array kPointTypes{stats::SpcPointType::special_cause_improvement,
                                 stats::SpcPointType::special_cause_concern,
                                 stats::SpcPointType::special_cause_neutral_high,
                                 stats::SpcPointType::special_cause_neutral_low, stats::SpcPointType::common_cause};
constexpr std::array kVariations{stats::VariationIcon::common_cause,    stats::VariationIcon::improvement_high,
                                 stats::VariationIcon::improvement_low, stats::VariationIcon::concern_high,
                                 stats::VariationIcon::concern_low,     stats::VariationIcon::neutral_high,
                                 stats::VariationIcon::neutral_low};
constexpr std::array kAssurances{stats::AssuranceIcon::none, stats::AssuranceIcon::consistent_pass,
                                 stats::AssuranceIcon::consistent_fail, stats::AssuranceIcon::inconsistent};

template <typename Enum, std::size_t N>
Enum named(const std::array<Enum, N>& all, const json& text) {
  for (const Enum value : all) {
    if (text.is_string() && stats::to_string(value) == text.get_ref<const std::string&>()) return value;
  }
  throw NotAChart{};
}

std::string chart_text(const domain::StoredMeasureChart& stored) {
  json points = json::array();
  for (const auto& point : stored.points) {
    points.push_back(json::array({point.period_start.to_string(), point.value, point.crude}));
  }
  json lines = json::array();
  for (const auto& point : stored.chart.points) {
    lines.push_back({{"group", point.group},
                     {"mean", nullable_number(point.mean)},
                     {"lpl", nullable_number(point.lpl)},
                     {"upl", nullable_number(point.upl)},
                     {"near_lower", nullable_number(point.near_lower)},
                     {"near_upper", nullable_number(point.near_upper)},
                     {"rule", stats::to_string(point.rule)},
                     {"type", stats::to_string(point.type)}});
  }
  json groups = json::array();
  for (const auto& group : stored.chart.groups) {
    groups.push_back({{"first", group.first},
                      {"count", group.count},
                      {"baseline_points", group.baseline_points},
                      {"moving_ranges_used", group.moving_ranges_used},
                      {"mean", nullable_number(group.mean)},
                      {"amr", nullable_number(group.amr)},
                      {"has_limits", group.has_limits}});
  }
  return json_text({{"points", points},
                    {"lines", lines},
                    {"groups", groups},
                    {"variation", stats::to_string(stored.chart.variation)},
                    {"assurance", stats::to_string(stored.chart.assurance)},
                    {"warnings", stored.chart.warnings}});
}

// The series and chart of `text` into `stored`. Throws NotAChart or json's errors.
void read_chart_text(const std::string& text, domain::StoredMeasureChart& stored) {
  const json parsed = json::parse(text);
  const json& points = parsed.at("points");
  const json& lines = parsed.at("lines");
  if (lines.size() != points.size()) throw NotAChart{};
  for (std::size_t i = 0; i < points.size(); ++i) {
    const json& point = points.at(i);
    const auto start = Date::parse(point.at(0).get<std::string>());
    if (!start) throw NotAChart{};
    stored.points.push_back(domain::ChartPoint{
        .period_start = *start, .value = number_or_nan(point.at(1)), .crude = point.at(2).get<bool>()});
    const json& line = lines.at(i);
    stored.chart.points.push_back(stats::XmrPoint{.value = stored.points.back().value,
                                                  .group = line.at("group").get<std::size_t>(),
                                                  .mean = number_or_nan(line.at("mean")),
                                                  .lpl = number_or_nan(line.at("lpl")),
                                                  .upl = number_or_nan(line.at("upl")),
                                                  .near_lower = number_or_nan(line.at("near_lower")),
                                                  .near_upper = number_or_nan(line.at("near_upper")),
                                                  .rule = named(kRules, line.at("rule")),
                                                  .type = named(kPointTypes, line.at("type"))});
  }
  for (const json& group : parsed.at("groups")) {
    stored.chart.groups.push_back(
        stats::XmrGroup{.first = group.at("first").get<std::size_t>(),
                        .count = group.at("count").get<std::size_t>(),
                        .baseline_points = group.at("baseline_points").get<std::size_t>(),
                        .moving_ranges_used = group.at("moving_ranges_used").get<std::size_t>(),
                        .mean = number_or_nan(group.at("mean")),
                        .amr = number_or_nan(group.at("amr")),
                        .has_limits = group.at("has_limits").get<bool>()});
  }
  stored.chart.variation = named(kVariations, parsed.at("variation"));
  stored.chart.assurance = named(kAssurances, parsed.at("assurance"));
  stored.chart.warnings = parsed.at("warnings").get<std::vector<std::string>>();
}

domain::StoredMeasureChart read_stored_chart(const SqlRow& row) {
  domain::StoredMeasureChart stored{.measure_id = id_of<MeasureId>(row, 0),
                                    .organisation_id = id_of<OrganisationId>(row, 1),
                                    .audit_id = id_of<AuditId>(row, 2),
                                    .points = {},
                                    .chart = {},
                                    .input_checksum = row.text(4),
                                    .software_version = row.text(5),
                                    .computed_at = timestamp_of(row, 6)};
  read_chart(row, 3, [&](const std::string& text) { read_chart_text(text, stored); });
  return stored;
}

}  // namespace

Result<void> SqlStore::put_measure_charts(MeasureId measure, const std::vector<domain::StoredMeasureChart>& charts,
                                          const std::vector<OrganisationId>& removed, const domain::Actor& actor) {
  return write("storing the charts of a measure", [&](SqlSession& session) {
    require_row(session, "measures", measure.value, "measure charts: measure");
    for (const auto& organisation : removed) {
      execute(session, "DELETE FROM measure_charts WHERE measure_id = ? AND organisation_id = ?", measure,
              organisation);
    }
    for (const auto& chart : charts) {
      if (chart.measure_id != measure) {
        fail(ErrorCode::invalid_input, "measure charts: a chart of measure " + std::to_string(chart.measure_id.value) +
                                           " among those of measure " + std::to_string(measure.value));
      }
      require_row(session, "organisations", chart.organisation_id.value, "measure charts: organisation");
      execute(session, "DELETE FROM measure_charts WHERE measure_id = ? AND organisation_id = ?", measure,
              chart.organisation_id);
      execute(session,
              "INSERT INTO measure_charts (measure_id, organisation_id, points, chart, input_checksum, "
              "software_version, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              measure, chart.organisation_id, static_cast<std::int64_t>(chart.points.size()), chart_text(chart),
              chart.input_checksum, chart.software_version, utc_now_iso());
    }
    // Charts computed again from logged results: the log says how many and by which version.
    json written = json::array();
    for (const auto& chart : charts) written.push_back(chart.organisation_id.value);
    json dropped = json::array();
    for (const auto& organisation : removed) dropped.push_back(organisation.value);
    const json after{{"measure_id", measure.value},
                     {"organisations_charted", written},
                     {"organisations_removed", dropped},
                     {"software_version", charts.empty() ? std::string() : charts.front().software_version}};
    append_audit_log(session, actor, "update", "measure_charts", std::to_string(measure.value), nullptr, &after);
  });
}

Result<std::vector<domain::StoredMeasureChart>> SqlStore::measure_charts(std::optional<MeasureId> measure,
                                                                         std::optional<OrganisationId> organisation) {
  return read("reading the charts of measures", [&](SqlSession& session) {
    return all_rows(session,
                    "SELECT c.measure_id, c.organisation_id, m.audit_id, c.chart, c.input_checksum, "
                    "c.software_version, c.computed_at FROM measure_charts c JOIN measures m ON m.id = c.measure_id "
                    "WHERE (CAST(?1 AS BIGINT) IS NULL OR c.measure_id = ?1) AND "
                    "(CAST(?2 AS BIGINT) IS NULL OR c.organisation_id = ?2) ORDER BY c.measure_id, c.organisation_id",
                    read_stored_chart, measure, organisation);
  });
}

}  // namespace clinaudit::storage
