// Analysis runs and their CUSUM alerts: a run is stored with what it read and how; each alert
// is kept once, by the first run that raised it, whatever later runs find again.
#include "storage/store_factory.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

domain::AnalysisRunRecord run_of(AuditId audit, MeasureId measure, const std::string& checksum, Date run_on) {
  domain::AnalysisRunRecord run;
  run.audit_id = audit;
  run.measure_id = measure;
  run.period = "2025/26";
  run.from = *Date::parse("2025-04-01");
  run.to = *Date::parse("2026-03-31");
  run.run_on = run_on;
  run.episodes = 1200;
  run.input_checksum = checksum;
  run.software_version = "1.2.3";
  run.method = "logistic case-mix model; O/E funnel; risk-adjusted CUSUM";
  run.parameters = R"({"cusum":{"upper_odds_ratio":2}})";
  run.units_flagged = 2;
  run.cases_opened = 1;
  return run;
}

domain::StoredCusumAlert alert_of(OrganisationId organisation, bool upper, const std::string& on, std::int64_t n) {
  domain::StoredCusumAlert alert;
  alert.organisation_id = organisation;
  alert.upper = upper;
  alert.signalled_on = *Date::parse(on);
  alert.episodes_monitored = n;
  alert.value = upper ? 4.61 : -4.07;
  return alert;
}

TEST_P(StoreContract, AnAnalysisRunIsStoredWithItsAlertsEachKeptOnce) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto audit = add_audit("NELA");
  const auto measure = add_measure(audit, "MORT30");
  const Date first_day = *Date::parse("2026-01-12");
  const std::vector<domain::StoredCusumAlert> found{alert_of(trust, true, "2025-09-03", 61),
                                                    alert_of(other, false, "2025-11-20", 140)};
  auto first = store().add_analysis_run(run_of(audit, measure, "00ff00ff00ff00ff", first_day), found, actor());
  ASSERT_OK(first);
  ASSERT_EQ(first->new_alerts.size(), 2U);
  EXPECT_EQ(first->new_alerts[0].run_id, first->id);
  EXPECT_EQ(first->new_alerts[0].raised_on, first_day);
  EXPECT_GT(first->new_alerts[0].id, 0);

  // The same signals found again, and one more: only the new one is added.
  const Date second_day = *Date::parse("2026-02-02");
  auto again = found;
  again.push_back(alert_of(trust, true, "2026-01-28", 97));
  auto second = store().add_analysis_run(run_of(audit, measure, "1111222233334444", second_day), again, actor());
  ASSERT_OK(second);
  EXPECT_GT(second->id, first->id);
  ASSERT_EQ(second->new_alerts.size(), 1U);
  EXPECT_EQ(second->new_alerts[0].signalled_on, *Date::parse("2026-01-28"));

  reopen();
  auto runs = store().analysis_runs(audit);
  ASSERT_OK(runs);
  ASSERT_EQ(runs->size(), 2U);
  EXPECT_EQ((*runs)[0].id, second->id);  // newest first
  EXPECT_EQ((*runs)[0].input_checksum, "1111222233334444");
  EXPECT_EQ((*runs)[1].input_checksum, "00ff00ff00ff00ff");
  EXPECT_EQ((*runs)[1].run_on, first_day);
  EXPECT_EQ((*runs)[1].from, *Date::parse("2025-04-01"));
  EXPECT_EQ((*runs)[1].to, *Date::parse("2026-03-31"));
  EXPECT_EQ((*runs)[1].episodes, 1200);
  EXPECT_EQ((*runs)[1].software_version, "1.2.3");
  EXPECT_EQ((*runs)[1].parameters, R"({"cusum":{"upper_odds_ratio":2}})");
  EXPECT_EQ((*runs)[1].units_flagged, 2);
  EXPECT_EQ((*runs)[1].cases_opened, 1);
  EXPECT_EQ((*runs)[1].created_by, "contract-test");
  EXPECT_EQ((*runs)[1].created_at.back(), 'Z');

  auto all = store().cusum_alerts(std::nullopt, std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3U);  // by signal date
  EXPECT_EQ((*all)[0].signalled_on, *Date::parse("2025-09-03"));
  EXPECT_EQ((*all)[0].run_id, first->id);
  EXPECT_TRUE((*all)[0].upper);
  EXPECT_EQ((*all)[0].episodes_monitored, 61);
  EXPECT_DOUBLE_EQ((*all)[0].value, 4.61);
  EXPECT_EQ((*all)[0].measure_id, measure);
  EXPECT_EQ((*all)[0].audit_id, audit);
  EXPECT_FALSE((*all)[1].upper);
  EXPECT_EQ((*all)[2].run_id, second->id);
  EXPECT_EQ((*all)[2].raised_on, second_day);

  auto mine = store().cusum_alerts(trust, audit);
  ASSERT_OK(mine);
  ASSERT_EQ(mine->size(), 2U);
  EXPECT_EQ((*mine)[1].signalled_on, *Date::parse("2026-01-28"));
  EXPECT_TRUE(store().cusum_alerts(trust, add_audit("NHFD"))->empty());

  auto runs_logged = store().audit_log("analysis_run", 10);
  ASSERT_OK(runs_logged);
  ASSERT_EQ(runs_logged->size(), 2U);
  EXPECT_THAT((*runs_logged)[1].after, HasSubstr("00ff00ff00ff00ff"));
  EXPECT_EQ(store().audit_log("cusum_alert", 10)->size(), 3U);
}

TEST_P(StoreContract, AnAnalysisRunWithAnUnknownProviderStoresNothing) {
  const auto trust = add_organisation("RXX");
  const auto audit = add_audit("NELA");
  const auto measure = add_measure(audit, "MORT30");
  const std::vector<domain::StoredCusumAlert> found{alert_of(trust, true, "2025-09-03", 61),
                                                    alert_of(OrganisationId{999}, true, "2025-10-03", 12)};
  auto run =
      store().add_analysis_run(run_of(audit, measure, "00ff00ff00ff00ff", *Date::parse("2026-01-12")), found, actor());
  EXPECT_ERROR(run, ErrorCode::not_found);
  EXPECT_TRUE(store().analysis_runs(audit)->empty());
  EXPECT_TRUE(store().cusum_alerts(std::nullopt, std::nullopt)->empty());
  EXPECT_TRUE(store().audit_log("analysis_run", 5)->empty());

  EXPECT_ERROR(store().add_analysis_run(run_of(AuditId{999}, measure, "ab", *Date::parse("2026-01-12")), {}, actor()),
               ErrorCode::not_found);
  EXPECT_ERROR(store().add_analysis_run(run_of(audit, measure, "", *Date::parse("2026-01-12")), {}, actor()),
               ErrorCode::invalid_input);
  EXPECT_TRUE(store().analysis_runs(audit)->empty());
}

// A run stored before migration 9 keeps its one measure and reads back with no measure list; a
// run after it stores each measure it computed, and a measure of another audit is refused.
TEST_P(StoreContract, RunsBeforeMigrationNineReadBackAndLaterRunsKeepTheirMeasures) {
  close();
  const std::string url = fresh_database_before(9);
  execute_sql(url,
              "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute');"
              "INSERT INTO audits (id, code, title, kind, status) VALUES "
              "(1, 'NELA', 'NELA', 'national_clinical_audit', 'reported');"
              "INSERT INTO measures (id, audit_id, code, name, type, improvement, source, outcome_column, formula) "
              "VALUES (1, 1, 'mort30', 'Risk-adjusted 30-day mortality', 'ratio', 'decrease', "
              "'episode_model_ratio', 'died30', 'died30 ~ age');"
              "INSERT INTO analysis_runs (audit_id, measure_id, period, period_from, period_to, run_on, episodes, "
              "input_checksum, software_version, method, parameters, units_flagged, cases_opened, created_at, "
              "created_by) VALUES (1, 1, '2025/26', '2025-04-01', '2026-03-31', '2026-01-12', 900, "
              "'00ff00ff00ff00ff', '1.0', 'logistic case-mix model', '{}', 1, 1, '2026-01-12T10:00:00Z', 'old');");
  auto opened = storage::open_store(url);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& migrated = **opened;
  auto before = migrated.analysis_runs(AuditId{1});
  ASSERT_OK(before);
  ASSERT_EQ(before->size(), 1U);
  EXPECT_EQ(before->front().measure_id, MeasureId{1});
  EXPECT_TRUE(before->front().measures.empty());

  auto run = run_of(AuditId{1}, MeasureId{1}, "1111222233334444", *Date::parse("2026-02-02"));
  domain::AnalysisRunMeasure measure;
  measure.measure_id = MeasureId{1};
  measure.measure_code = "mort30";
  measure.source = domain::MeasureSource::episode_model_ratio;
  measure.outcome_column = "died30";
  measure.formula = "died30 ~ age";
  measure.rows_used = 899;
  measure.rows_dropped = 1;
  measure.units_flagged = 2;
  measure.cases_opened = 1;
  run.measures = {measure};
  const auto added = migrated.add_analysis_run(run, {}, actor());
  ASSERT_OK(added);
  auto after = migrated.analysis_runs(AuditId{1});
  ASSERT_OK(after);
  ASSERT_EQ(after->size(), 2U);
  ASSERT_EQ(after->front().measures.size(), 1U);
  const auto& kept = after->front().measures.front();
  EXPECT_EQ(kept.measure_code, "mort30");
  EXPECT_EQ(kept.measure_name, "Risk-adjusted 30-day mortality");
  EXPECT_EQ(kept.formula, "died30 ~ age");
  EXPECT_EQ(kept.rows_used, 899);
  EXPECT_EQ(kept.rows_dropped, 1);
  EXPECT_EQ(kept.units_flagged, 2);
  EXPECT_EQ(kept.cases_opened, 1);
  EXPECT_TRUE(after->back().measures.empty());

  // A count below zero is refused by the domain's rule, the same on every database.
  run.measures.front().rows_dropped = -1;
  EXPECT_ERROR(migrated.add_analysis_run(run, {}, actor()), ErrorCode::invalid_input);
  EXPECT_EQ(migrated.analysis_runs(AuditId{1})->size(), 2U);
}

}  // namespace
}  // namespace clinaudit::contract
