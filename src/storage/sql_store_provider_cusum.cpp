// The stored risk-adjusted CUSUM of each provider in a year of a national audit, in the SQL
// store. A provider's chart is kept as JSON (its kept points and signals): it is written and
// read whole, never queried inside, and the same text suits both databases.
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "storage/chart_json.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

using nlohmann::json;

std::string chart_text(const domain::ProviderCusumChart& provider) {
  if (provider.patients.size() != provider.chart.points.size() ||
      provider.signal_dates.size() != provider.chart.signals.size()) {
    fail(ErrorCode::invalid_input, "provider CUSUM: the chart of organisation " +
                                       std::to_string(provider.organisation_id.value) +
                                       " has a patient for every point and a date for every signal");
  }
  json points = json::array();
  for (std::size_t i = 0; i < provider.chart.points.size(); ++i) {
    const auto& point = provider.chart.points[i];
    points.push_back(json::array({provider.patients[i], nullable_number(point.upper), nullable_number(point.lower),
                                  nullable_number(point.vlad)}));
  }
  json signals = json::array();
  for (std::size_t i = 0; i < provider.chart.signals.size(); ++i) {
    const auto& signal = provider.chart.signals[i];
    signals.push_back(json::array({signal.index, signal.side == stats::CusumSide::upper ? "upper" : "lower",
                                   signal.value, provider.signal_dates[i].to_string()}));
  }
  return json_text({{"points", points},
                    {"signals", signals},
                    {"observed", provider.chart.observed},
                    {"expected", nullable_number(provider.chart.expected)}});
}

// The points and signals of `text` into `provider`. Throws NotAChart or json's errors.
void read_chart_text(const std::string& text, domain::ProviderCusumChart& provider) {
  const json parsed = json::parse(text);
  for (const json& point : parsed.at("points")) {
    provider.patients.push_back(point.at(0).get<std::int64_t>());
    provider.chart.points.push_back(stats::RacusumPoint{.weight_upper = std::numeric_limits<double>::quiet_NaN(),
                                                        .weight_lower = std::numeric_limits<double>::quiet_NaN(),
                                                        .upper = number_or_nan(point.at(1)),
                                                        .lower = number_or_nan(point.at(2)),
                                                        .vlad = number_or_nan(point.at(3)),
                                                        .signal_upper = false,
                                                        .signal_lower = false});
  }
  for (const json& signal : parsed.at("signals")) {
    const std::string& side = signal.at(1).get_ref<const std::string&>();
    if (side != "upper" && side != "lower") throw NotAChart{};
    const auto day = Date::parse(signal.at(3).get<std::string>());
    if (!day) throw NotAChart{};
    provider.chart.signals.push_back(
        stats::CusumSignal{.index = signal.at(0).get<std::size_t>(),
                           .side = side == "upper" ? stats::CusumSide::upper : stats::CusumSide::lower,
                           .value = number_or_nan(signal.at(2))});
    provider.signal_dates.push_back(*day);
  }
  provider.chart.observed = number_or_nan(parsed.at("observed"));
  provider.chart.expected = number_or_nan(parsed.at("expected"));
}

domain::ProviderCusumRecord read_record(const SqlRow& row) {
  return domain::ProviderCusumRecord{.audit_id = id_of<AuditId>(row, 0),
                                     .year = FinancialYear{static_cast<int>(row.int64(1))},
                                     .episodes = row.int64(2),
                                     .input_checksum = row.text(3),
                                     .software_version = row.text(4),
                                     .computed_at = timestamp_of(row, 5),
                                     .note = row.text(6),
                                     .providers = {}};
}

std::pair<std::int64_t, domain::ProviderCusumChart> read_provider_chart(const SqlRow& row) {
  domain::ProviderCusumChart provider{.organisation_id = id_of<OrganisationId>(row, 1),
                                      .episodes = row.int64(2),
                                      .chart = {},
                                      .patients = {},
                                      .signal_dates = {}};
  read_chart(row, 3, [&](const std::string& text) { read_chart_text(text, provider); });
  return {row.int64(0), std::move(provider)};
}

}  // namespace

Result<void> SqlStore::put_provider_cusum(const domain::ProviderCusumRecord& record, const domain::Actor& actor) {
  return write("storing the providers' CUSUM of an audit", [&](SqlSession& session) {
    require_row(session, "audits", record.audit_id.value, "provider CUSUM: audit");
    const std::int64_t year = record.year.start_year;
    execute(session, "DELETE FROM provider_cusum_charts WHERE audit_id = ? AND year_start = ?", record.audit_id, year);
    execute(session, "DELETE FROM provider_cusum WHERE audit_id = ? AND year_start = ?", record.audit_id, year);
    execute(session,
            "INSERT INTO provider_cusum (audit_id, year_start, episodes, input_checksum, software_version, "
            "computed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            record.audit_id, year, record.episodes, record.input_checksum, record.software_version, utc_now_iso(),
            record.note);
    for (const auto& provider : record.providers) {
      require_row(session, "organisations", provider.organisation_id.value, "provider CUSUM: organisation");
      execute(session,
              "INSERT INTO provider_cusum_charts (audit_id, year_start, organisation_id, episodes, chart) "
              "VALUES (?, ?, ?, ?, ?)",
              record.audit_id, year, provider.organisation_id, provider.episodes, chart_text(provider));
    }
    // Computed again from logged episodes: the log says from what and by which version, not each point.
    const json after{{"audit_id", record.audit_id.value},
                     {"year", record.year.to_string()},
                     {"episodes", record.episodes},
                     {"providers", record.providers.size()},
                     {"input_checksum", record.input_checksum},
                     {"software_version", record.software_version}};
    append_audit_log(session, actor, "update", "provider_cusum",
                     std::to_string(record.audit_id.value) + "/" + record.year.to_string(), nullptr, &after);
  });
}

Result<std::vector<domain::ProviderCusumRecord>> SqlStore::provider_cusum(AuditId audit,
                                                                          std::optional<FinancialYear> year,
                                                                          std::optional<OrganisationId> organisation) {
  const std::optional<std::int64_t> year_start =
      year ? std::optional<std::int64_t>(year->start_year) : std::optional<std::int64_t>();
  return read("reading the providers' CUSUM of an audit", [&](SqlSession& session) {
    auto records = all_rows(session,
                            "SELECT audit_id, year_start, episodes, input_checksum, software_version, computed_at, "
                            "note FROM provider_cusum WHERE audit_id = ?1 AND "
                            "(CAST(?2 AS BIGINT) IS NULL OR year_start = ?2) ORDER BY year_start",
                            read_record, audit, year_start);
    const auto charts = all_rows(session,
                                 "SELECT year_start, organisation_id, episodes, chart FROM provider_cusum_charts "
                                 "WHERE audit_id = ?1 AND (CAST(?2 AS BIGINT) IS NULL OR year_start = ?2) AND "
                                 "(CAST(?3 AS BIGINT) IS NULL OR organisation_id = ?3) "
                                 "ORDER BY year_start, organisation_id",
                                 read_provider_chart, audit, year_start, organisation);
    std::map<std::int64_t, domain::ProviderCusumRecord*> by_year;
    for (auto& record : records) by_year[record.year.start_year] = &record;
    for (const auto& [start, chart] : charts) {
      if (const auto found = by_year.find(start); found != by_year.end()) found->second->providers.push_back(chart);
    }
    return records;
  });
}

}  // namespace clinaudit::storage
