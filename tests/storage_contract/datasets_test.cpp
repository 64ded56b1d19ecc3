// Audit datasets: declaring, replacing without stranding stored episodes, episodes checked
// and stored typed, and the conversion of episodes stored before datasets (migration 6).
#include <cmath>
#include <limits>

#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using domain::ValueType;
using ::testing::HasSubstr;

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

domain::Dataset hip_dataset(AuditId audit) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  dataset.columns = {
      {"died30", ValueType::yes_no, true, {}, {}, {}, "Died within 30 days"},
      {"age", ValueType::number, true, 0.0, 120.0, {}, "Age in years"},
      {"asa", ValueType::category, false, {}, {}, {"1", "2", "3", "4", "5"}, "ASA grade"},
      {"operated_on", ValueType::date, false, {}, {}, {}, "Day of the operation"},
      {"note", ValueType::category, false, {}, {}, {"say \"hi\"\\", "caf\xc3\xa9"}, "Awkward text"},
  };
  return dataset;
}

// Two episodes holding every type, one with each optional value missing.
domain::EpisodeColumns two_episodes(AuditId audit, OrganisationId provider) {
  domain::EpisodeColumns episodes;
  episodes.audit_id = audit;
  const Date day = *Date::parse("2025-05-01");
  episodes.provider = {provider, provider};
  episodes.admission_date = {day, day.plus_days(1)};
  episodes.add_column("died30", ValueType::yes_no).numbers = {1, 0};
  episodes.add_column("age", ValueType::number).numbers = {87.5, 0.001};
  episodes.add_column("asa", ValueType::category).texts = {"3", ""};
  episodes.add_column("operated_on", ValueType::date).numbers = {
      static_cast<double>(day.plus_days(2).days_since_epoch()), kMissing};
  episodes.add_column("note", ValueType::category).texts = {"say \"hi\"\\", "caf\xc3\xa9"};
  return episodes;
}

TEST_P(StoreContract, ADatasetIsDeclaredReadBackAndLogged) {
  const auto audit = add_audit("NHFD");
  EXPECT_TRUE(store().dataset(audit)->columns.empty());
  ASSERT_OK(store().set_dataset(hip_dataset(audit), actor()));
  const auto stored = store().dataset(audit);
  ASSERT_OK(stored);
  ASSERT_EQ(stored->columns.size(), 5U);
  EXPECT_EQ(stored->columns[0].name, "died30");
  EXPECT_EQ(stored->columns[0].type, ValueType::yes_no);
  EXPECT_TRUE(stored->columns[0].required);
  EXPECT_EQ(stored->columns[1].minimum, 0.0);
  EXPECT_EQ(stored->columns[1].maximum, 120.0);
  EXPECT_EQ(stored->columns[2].allowed_values, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_FALSE(stored->columns[2].minimum.has_value());
  EXPECT_EQ(stored->columns[3].type, ValueType::date);
  EXPECT_EQ(stored->columns[4].description, "Awkward text");
  const auto log = store().audit_log("dataset", 5);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->at(0).action, "create");
}

TEST_P(StoreContract, ADatasetThatBreaksTheRulesIsRefused) {
  const auto audit = add_audit("NHFD");
  auto bad = hip_dataset(audit);
  bad.columns[1].name = "Age";
  EXPECT_ERROR(store().set_dataset(bad, actor()), ErrorCode::invalid_input);
  bad = hip_dataset(audit);
  bad.columns[2].allowed_values.clear();
  EXPECT_ERROR(store().set_dataset(bad, actor()), ErrorCode::invalid_input);
  bad = hip_dataset(audit);
  bad.columns[1].minimum = 130.0;
  EXPECT_ERROR(store().set_dataset(bad, actor()), ErrorCode::invalid_input);
  bad = hip_dataset(audit);
  bad.columns.push_back(bad.columns[0]);
  EXPECT_ERROR(store().set_dataset(bad, actor()), ErrorCode::invalid_input);
  const auto local = add_audit("LOCAL1", domain::AuditKind::local_audit);
  const auto refused = store().set_dataset(hip_dataset(local), actor());
  EXPECT_ERROR(refused, ErrorCode::invalid_input);
  EXPECT_THAT(refused.error().message, HasSubstr("only a national audit"));
  EXPECT_ERROR(store().set_dataset(hip_dataset(AuditId{4242}), actor()), ErrorCode::not_found);
  EXPECT_TRUE(store().dataset(audit)->columns.empty());
}

TEST_P(StoreContract, EpisodesOfEveryTypeRoundTrip) {
  const auto provider = add_organisation("RAA");
  const auto audit = add_audit("NHFD");
  ASSERT_OK(store().set_dataset(hip_dataset(audit), actor()));
  const auto episodes = two_episodes(audit, provider);
  auto writer = store().begin_episodes(audit, episodes.column_names(), actor());
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->append(episodes));
  ASSERT_OK((*writer)->commit());
  const auto read = store().episodes(audit, *Date::parse("2025-04-01"), *Date::parse("2026-03-31"));
  ASSERT_OK(read);
  ASSERT_EQ(read->size(), 2U);
  ASSERT_EQ(read->column_names(), episodes.column_names());
  EXPECT_EQ(read->column("died30")->numbers, (std::vector<double>{1, 0}));
  EXPECT_EQ(read->column("age")->numbers, (std::vector<double>{87.5, 0.001}));
  EXPECT_EQ(read->column("asa")->texts, (std::vector<std::string>{"3", ""}));
  EXPECT_EQ(read->column("operated_on")->numbers[0], episodes.columns[3].numbers[0]);
  EXPECT_TRUE(std::isnan(read->column("operated_on")->numbers[1]));
  EXPECT_EQ(read->column("note")->texts, (std::vector<std::string>{"say \"hi\"\\", "caf\xc3\xa9"}));
}

TEST_P(StoreContract, EpisodeValuesAreCheckedAgainstTheDatasetNamingRowAndColumn) {
  const auto provider = add_organisation("RAA");
  const auto audit = add_audit("NHFD");
  EXPECT_ERROR(store().begin_episodes(audit, {"died30"}, actor()), ErrorCode::invalid_input);  // no dataset yet
  ASSERT_OK(store().set_dataset(hip_dataset(audit), actor()));
  const auto unknown = store().begin_episodes(audit, {"died30", "age", "height"}, actor());
  EXPECT_ERROR(unknown, ErrorCode::invalid_input);
  EXPECT_THAT(unknown.error().message, HasSubstr("'height'"));
  const auto lacking = store().begin_episodes(audit, {"died30"}, actor());
  EXPECT_ERROR(lacking, ErrorCode::invalid_input);
  EXPECT_THAT(lacking.error().message, HasSubstr("required column 'age'"));

  const auto refused = [&](auto change, const std::string& expected) {
    auto episodes = two_episodes(audit, provider);
    change(episodes);
    auto writer = store().begin_episodes(audit, episodes.column_names(), actor());
    ASSERT_OK(writer);
    const auto appended = (*writer)->append(episodes);
    EXPECT_ERROR(appended, ErrorCode::invalid_input);
    EXPECT_THAT(appended.error().message, HasSubstr(expected));
  };
  refused([](domain::EpisodeColumns& e) { e.columns[1].numbers.set(1, 121); },
          "episode row 2: column 'age': is above the maximum 120");
  refused([](domain::EpisodeColumns& e) { e.columns[1].numbers.set(0, kMissing); },
          "episode row 1: column 'age': a value is required");
  refused([](domain::EpisodeColumns& e) { e.columns[2].texts[1] = "6"; },
          "episode row 2: column 'asa': is not one of the allowed values (1, 2, 3, 4, 5)");
  refused([](domain::EpisodeColumns& e) { e.columns[0].numbers.set(0, 2); }, "episode row 1: column 'died30'");
  refused([](domain::EpisodeColumns& e) { e.columns[1].numbers.set(0, HUGE_VAL); },
          "episode row 1: column 'age': the value is not a finite number");
  // With several problems, the first in row order, then in column order, is the one named.
  refused(
      [](domain::EpisodeColumns& e) {
        e.columns[0].numbers.set(1, 2);
        e.columns[2].texts[0] = "6";
      },
      "episode row 1: column 'asa'");
  refused(
      [](domain::EpisodeColumns& e) {
        e.columns[1].numbers.set(1, 121);
        e.columns[0].numbers.set(1, 2);
      },
      "episode row 2: column 'died30'");
  // A provider the store does not hold is named with its row, after any earlier row's problem.
  const auto unknown_provider = [&](bool earlier_problem) {
    auto episodes = two_episodes(audit, provider);
    episodes.provider[1] = OrganisationId{987654};
    if (earlier_problem) episodes.columns[2].texts[0] = "6";
    auto writer = store().begin_episodes(audit, episodes.column_names(), actor());
    EXPECT_TRUE(writer.has_value());
    return writer ? (*writer)->append(episodes) : Result<void>{};
  };
  const auto no_such = unknown_provider(false);
  EXPECT_ERROR(no_such, ErrorCode::not_found);
  EXPECT_THAT(no_such.error().message, HasSubstr("episode row 2: provider organisation id 987654 does not exist"));
  const auto earlier = unknown_provider(true);
  EXPECT_ERROR(earlier, ErrorCode::invalid_input);
  EXPECT_THAT(earlier.error().message, HasSubstr("episode row 1: column 'asa'"));
  EXPECT_EQ(store().episodes(audit, *Date::parse("2025-04-01"), *Date::parse("2026-03-31"))->size(), 0U);
}

TEST_P(StoreContract, ADatasetColumnStoredEpisodesHoldIsNeitherRemovedNorRetyped) {
  const auto provider = add_organisation("RAA");
  const auto audit = add_audit("NHFD");
  ASSERT_OK(store().set_dataset(hip_dataset(audit), actor()));
  auto episodes = two_episodes(audit, provider);
  episodes.columns.erase(episodes.columns.begin() + 4);  // the import leaves out "note"
  auto writer = store().begin_episodes(audit, episodes.column_names(), actor());
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->append(episodes));
  ASSERT_OK((*writer)->commit());

  auto removed = hip_dataset(audit);
  removed.columns.erase(removed.columns.begin() + 2);
  const auto remove = store().set_dataset(removed, actor());
  EXPECT_ERROR(remove, ErrorCode::invalid_input);
  EXPECT_THAT(remove.error().message, HasSubstr("dataset column 'asa' cannot be removed: stored episodes hold it"));
  auto retyped = hip_dataset(audit);
  retyped.columns[1].type = ValueType::category;
  retyped.columns[1].minimum = retyped.columns[1].maximum = std::nullopt;
  retyped.columns[1].allowed_values = {"old", "young"};
  const auto retype = store().set_dataset(retyped, actor());
  EXPECT_ERROR(retype, ErrorCode::invalid_input);
  EXPECT_THAT(retype.error().message, HasSubstr("dataset column 'age' cannot change from number to category"));
  EXPECT_EQ(store().dataset(audit)->columns.size(), 5U);

  // A column no import holds may go; a new one, a wider range and a description may come.
  auto changed = hip_dataset(audit);
  changed.columns.erase(changed.columns.begin() + 4);
  changed.columns[1].maximum = 125.0;
  changed.columns.push_back({"frailty", ValueType::number, false, 1.0, 9.0, {}, "Clinical frailty scale"});
  ASSERT_OK(store().set_dataset(changed, actor()));
  const auto stored = store().dataset(audit);
  ASSERT_EQ(stored->columns.size(), 5U);
  EXPECT_EQ(stored->columns[4].name, "frailty");
  const auto read = store().episodes(audit, *Date::parse("2025-04-01"), *Date::parse("2026-03-31"));
  ASSERT_OK(read);
  EXPECT_EQ(read->column("age")->numbers, (std::vector<double>{87.5, 0.001}));
  EXPECT_TRUE(read->column("frailty")->missing(0));
  EXPECT_EQ(store().audit_log("dataset", 5)->front().action, "update");
}

// Takes a migrated database back to schema version 5 (the episodes table of 0001, no
// datasets) and fills it as clinaudit before version 6 did, then reopens it: migration 6
// must declare the datasets and convert every episode.
TEST_P(StoreContract, EpisodesStoredBeforeDatasetsAreConverted) {
  const auto provider = add_organisation("RAA");
  const auto audit = add_audit("NHFD");
  const auto other = add_audit("NELA");
  close();
  // Back to a database of version 5: undo migrations 30 (episodes in blocks), 21 (audit suppliers), 19 (registered
  // outlier notices) and 18
  // (escalation to the regulator), 17 (the chief executive), 16 (the NICE
  // guidance register), 15 (the
  // programme's tiers, with the register's entries), 14 (the report tracker), 13 (documents),
  // 12 (audit criteria), 11 (the local audit register), 10 (the history of actions), 9 (the
  // measures of analysis runs), 8 (password resets) and 7 (published reports), then migration 6.
  // SQLite cannot drop a column with a foreign key, so it rebuilds the reviews table as it was.
  const std::string reviews_as_in_version_5 =
      GetParam().name == "Sqlite"
          ? "CREATE TABLE reviews_before (id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL, organisation_id INTEGER "
            "NOT NULL, report_title TEXT NOT NULL, published_on TEXT NOT NULL, reviewed_on TEXT, committee TEXT NOT "
            "NULL DEFAULT '', intended_actions TEXT NOT NULL DEFAULT '');"
            "DROP TABLE report_reviews; ALTER TABLE reviews_before RENAME TO report_reviews;"
          : "ALTER TABLE report_reviews DROP COLUMN report_id, DROP COLUMN findings;";
  // The same for the organisations' chief executive, whose column refers to users.
  const std::string organisations_as_in_version_16 =
      GetParam().name == "Sqlite"
          ? "CREATE TABLE organisations_before (id INTEGER PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL, "
            "type text NOT NULL, region text NOT NULL DEFAULT '');"
            "INSERT INTO organisations_before SELECT id, code, name, type, region FROM organisations;"
            "DROP TABLE organisations; ALTER TABLE organisations_before RENAME TO organisations;"
          : "ALTER TABLE organisations DROP COLUMN chief_executive_id;";
  // And the outlier cases as migration 1 made them: a measure always, no escalation, no notice.
  const std::string outlier_cases_as_in_version_17 =
      GetParam().name == "Sqlite"
          ? "CREATE TABLE outlier_cases_before (id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audits "
            "(id), measure_id INTEGER NOT NULL REFERENCES measures (id), organisation_id INTEGER NOT NULL REFERENCES "
            "organisations (id), period text NOT NULL, level text NOT NULL, high INTEGER NOT NULL, unfavourable "
            "INTEGER NOT NULL, value REAL NOT NULL, limit_passed REAL NOT NULL, stage text NOT NULL DEFAULT '', "
            "opened_on TEXT NOT NULL, stage_due_on TEXT, status text NOT NULL);"
            "INSERT INTO outlier_cases_before SELECT id, audit_id, measure_id, organisation_id, period, level, high, "
            "unfavourable, value, limit_passed, stage, opened_on, stage_due_on, status FROM outlier_cases;"
            "DROP TABLE outlier_cases; ALTER TABLE outlier_cases_before RENAME TO outlier_cases;"
            "CREATE INDEX outlier_cases_by_organisation ON outlier_cases (organisation_id);"
            "CREATE INDEX outlier_cases_by_audit ON outlier_cases (audit_id);"
          : "ALTER TABLE outlier_cases DROP COLUMN escalated_on, DROP COLUMN notice_supplier, DROP COLUMN "
            "notice_measure, ALTER COLUMN measure_id SET NOT NULL;";
  const std::string episodes_as_in_version_29 =
      GetParam().name == "Sqlite"
          ? "CREATE TABLE episodes (id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audits (id), "
            "import_id INTEGER NOT NULL REFERENCES episode_imports (id), provider_id INTEGER NOT NULL REFERENCES "
            "organisations (id), admission_day INTEGER NOT NULL, data TEXT NOT NULL DEFAULT '{}');"
          : "CREATE TABLE episodes (id bigserial PRIMARY KEY, audit_id bigint NOT NULL, import_id bigint NOT NULL, "
            "provider_id bigint NOT NULL, admission_day integer NOT NULL, data text NOT NULL DEFAULT '{}');";
  GetParam().execute_sql(url(), "DROP TABLE episode_blocks;" + episodes_as_in_version_29 +
                                    "CREATE INDEX episodes_by_audit_date ON episodes (audit_id, admission_day, id);");
  GetParam().execute_sql(
      url(),
      "DROP TABLE measure_funnel_views; DROP TABLE provider_cusum_charts; DROP TABLE provider_cusum; "
      "DROP TABLE data_version; DROP "
      "TABLE measure_charts; DROP TABLE sign_in_attempts; "
      "DROP TABLE pending_imports;");
  GetParam().execute_sql(url(), "DROP TABLE cusum_monitoring_signals; DROP TABLE cusum_monitoring;");
  GetParam().execute_sql(url(),
                         "ALTER TABLE users DROP COLUMN supplier_id; ALTER TABLE audits DROP COLUMN supplier_id; "
                         "DROP TABLE audit_suppliers;");
  GetParam().execute_sql(url(), outlier_cases_as_in_version_17);
  GetParam().execute_sql(url(), organisations_as_in_version_16);
  GetParam().execute_sql(url(),
                         "DROP TABLE nice_guidance_audits; DROP TABLE nice_assessments; "
                         "DROP TABLE nice_recommendations; DROP TABLE nice_guidance;");
  GetParam().execute_sql(url(),
                         "DROP TABLE report_tracker_settings; DROP TABLE recommendation_assessments; "
                         "DROP TABLE report_assignments;");
  GetParam().execute_sql(url(), "DROP TABLE documents;");
  GetParam().execute_sql(url(), "DROP TABLE audit_criteria;");
  GetParam().execute_sql(url(),
                         "DROP TABLE local_audit_events; DROP TABLE local_audit_entries; DROP TABLE trust_units;");
  GetParam().execute_sql(url(), "DROP TABLE action_events; ALTER TABLE actions DROP COLUMN raised_on;");
  GetParam().execute_sql(url(), "DROP TABLE analysis_run_measures; DROP TABLE password_resets;");
  GetParam().execute_sql(url(), "DROP INDEX IF EXISTS report_reviews_by_report;" + reviews_as_in_version_5 +
                                    "DROP TABLE report_recommendations; DROP TABLE audit_reports;");
  GetParam().execute_sql(url(),
                         "DROP TABLE dataset_columns;"
                         "ALTER TABLE episode_imports RENAME COLUMN column_names TO covariate_names;"
                         "ALTER TABLE episodes DROP COLUMN data;"
                         "ALTER TABLE episodes ADD COLUMN outcome integer NOT NULL DEFAULT 0;"
                         "ALTER TABLE episodes ADD COLUMN covariates text NOT NULL DEFAULT '';"
                         "DELETE FROM schema_version WHERE version >= 6;");
  const std::string a = std::to_string(audit.value), o = std::to_string(other.value),
                    p = std::to_string(provider.value);
  const auto import = [&](const std::string& id, const std::string& audit_id, const std::string& names) {
    return "INSERT INTO episode_imports (id, audit_id, covariate_names, imported_at, actor, row_count) VALUES (" + id +
           ", " + audit_id + ", '" + names + "', '2025-06-01T10:00:00Z', 'old', 2);";
  };
  const auto episode = [&](const std::string& import_id, const std::string& audit_id, int day, int outcome,
                           const std::string& covariates) {
    return "INSERT INTO episodes (audit_id, import_id, provider_id, admission_day, outcome, covariates) VALUES (" +
           audit_id + ", " + import_id + ", " + p + ", " + std::to_string(day) + ", " + std::to_string(outcome) +
           ", '" + covariates + "');";
  };
  const int day = static_cast<int>(Date::parse("2025-05-01")->days_since_epoch());
  // NHFD: two imports; the second adds "Frailty Score" and gives one age as text.
  GetParam().execute_sql(url(), import("901", a, "[\"age\",\"sex\"]") +
                                    import("902", a, "[\"sex\",\"age\",\"Frailty Score\"]") +
                                    import("903", o, "[\"lactate\"]") +
                                    episode("901", a, day, 1,
                                            "87\x1f"
                                            "F") +
                                    episode("901", a, day + 1, 0, "\x1fM") +
                                    episode("902", a, day + 2, 0,
                                            "F\x1f"
                                            "91\x1f"
                                            "4") +
                                    episode("902", a, day + 3, 1,
                                            "M\x1f"
                                            "79\x1f") +
                                    episode("903", o, day, 1, "2.5") + episode("903", o, day + 1, 0, "high"));
  reopen();

  const auto nhfd = store().dataset(audit);
  ASSERT_OK(nhfd);
  ASSERT_EQ(nhfd->columns.size(), 4U);
  EXPECT_EQ(nhfd->columns[0].name, "outcome");
  EXPECT_EQ(nhfd->columns[0].type, ValueType::yes_no);
  EXPECT_EQ(nhfd->columns[1].name, "age");
  EXPECT_EQ(nhfd->columns[1].type, ValueType::number);
  EXPECT_EQ(nhfd->columns[2].name, "sex");
  EXPECT_EQ(nhfd->columns[2].type, ValueType::category);
  EXPECT_EQ(nhfd->columns[2].allowed_values, (std::vector<std::string>{"F", "M"}));
  EXPECT_EQ(nhfd->columns[3].name, "frailty_score");
  EXPECT_EQ(nhfd->columns[3].type, ValueType::number);
  const auto episodes = store().episodes(audit, *Date::parse("2025-04-01"), *Date::parse("2026-03-31"));
  ASSERT_OK(episodes);
  ASSERT_EQ(episodes->size(), 4U);
  EXPECT_EQ(episodes->column("outcome")->numbers, (std::vector<double>{1, 0, 0, 1}));
  EXPECT_EQ(episodes->column("sex")->texts, (std::vector<std::string>{"F", "M", "F", "M"}));
  const auto& age = episodes->column("age")->numbers;
  EXPECT_EQ(age[0], 87);
  EXPECT_TRUE(std::isnan(age[1]));
  EXPECT_EQ(age[2], 91);
  EXPECT_EQ(age[3], 79);
  const auto& frailty = episodes->column("frailty_score")->numbers;
  EXPECT_TRUE(std::isnan(frailty[0]));
  EXPECT_EQ(frailty[2], 4);
  EXPECT_TRUE(std::isnan(frailty[3]));

  // NELA's lactate has a value that is not a number: a category of the values seen.
  const auto nela = store().dataset(other);
  ASSERT_OK(nela);
  ASSERT_EQ(nela->columns.size(), 2U);
  EXPECT_EQ(nela->columns[1].type, ValueType::category);
  EXPECT_EQ(nela->columns[1].allowed_values, (std::vector<std::string>{"2.5", "high"}));
  const auto lactate = store().episodes(other, *Date::parse("2025-04-01"), *Date::parse("2026-03-31"));
  ASSERT_OK(lactate);
  EXPECT_EQ(lactate->column("lactate")->texts, (std::vector<std::string>{"2.5", "high"}));
  // The converted columns are in use: they cannot be removed.
  auto fewer = *nhfd;
  fewer.columns.pop_back();
  EXPECT_ERROR(store().set_dataset(fewer, actor()), ErrorCode::invalid_input);
}

}  // namespace
}  // namespace clinaudit::contract
