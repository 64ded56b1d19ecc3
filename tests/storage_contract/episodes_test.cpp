// Episode imports, concurrent writers and schema versions.
#include <cmath>
#include <thread>

#include "storage/database_maintenance.hpp"
#include "storage/migrations.hpp"
#include "storage/store_factory.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

// The dataset the episode tests declare: an outcome, a number with a range, a category.
void declare_dataset(domain::Store& store, AuditId audit) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  dataset.columns = {
      {"died30", domain::ValueType::yes_no, true, {}, {}, {}, "Died within 30 days"},
      {"age", domain::ValueType::number, false, 0.0, 120.0, {}, "Age in years"},
      {"sex", domain::ValueType::category, false, {}, {}, {"F", "M"}, "Sex"},
      {"asa", domain::ValueType::category, false, {}, {}, {"ASA 1", "ASA 2", "ASA 3", "ASA 4"}, "ASA grade"},
  };
  ASSERT_TRUE(store.set_dataset(dataset, domain::Actor{std::nullopt, "contract-test"}));
}

const std::vector<std::string> kColumns{"died30", "age", "sex", "asa"};

domain::EpisodeColumns chunk(AuditId audit, const std::vector<OrganisationId>& providers, Date first, int rows,
                             int offset) {
  domain::EpisodeColumns columns;
  columns.audit_id = audit;
  columns.add_column("died30", domain::ValueType::yes_no);
  columns.add_column("age", domain::ValueType::number);
  columns.add_column("sex", domain::ValueType::category);
  columns.add_column("asa", domain::ValueType::category);
  auto& died = columns.columns[0];
  auto& age = columns.columns[1];
  auto& sex = columns.columns[2];
  auto& asa = columns.columns[3];
  for (int i = 0; i < rows; ++i) {
    const int n = offset + i;
    columns.provider.push_back(providers[static_cast<std::size_t>(n) % providers.size()]);
    columns.admission_date.push_back(first.plus_days(n % 30));
    died.numbers.push_back(n % 7 == 0 ? 1 : 0);
    age.numbers.push_back(n % 11 == 3 ? std::nan("") : 60 + n % 40);
    sex.texts.push_back(n % 2 == 0 ? "F" : "M");
    asa.texts.push_back(n % 5 == 0 ? "" : "ASA " + std::to_string(1 + n % 4));
  }
  return columns;
}

// Imports `rows` episodes of chunk() with the dataset's columns in one import, then commits it,
// or abandons it (the writer destroyed uncommitted) when `commit` is false.
void import_episodes(domain::Store& store, const domain::Actor& actor, AuditId audit,
                     const std::vector<OrganisationId>& providers, Date first, int rows, bool commit) {
  auto writer = store.begin_episodes(audit, kColumns, actor);
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->append(chunk(audit, providers, first, rows, 0)));
  if (commit) {
    ASSERT_OK((*writer)->commit());
  }
}

TEST_P(StoreContract, EpisodesAreInvisibleUntilCommitThenReadBackInDateOrder) {
  const std::vector<OrganisationId> providers{add_organisation("RAA"), add_organisation("RBB")};
  const auto audit = add_audit("NHFD");
  declare_dataset(store(), audit);
  const Date first = *Date::parse("2025-04-01");
  auto writer = store().begin_episodes(audit, kColumns, actor());
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->append(chunk(audit, providers, first, 500, 0)));
  ASSERT_OK((*writer)->append(chunk(audit, providers, first, 700, 500)));
  EXPECT_EQ(store().episodes(audit, first, first.plus_days(365))->size(), 0U);
  auto written = (*writer)->commit();
  ASSERT_OK(written);
  EXPECT_EQ(*written, 1200);

  auto all = store().episodes(audit, first, first.plus_days(365));
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1200U);
  EXPECT_EQ(all->audit_id, audit);
  EXPECT_EQ(all->column_names(), kColumns);
  for (std::size_t i = 1; i < all->size(); ++i) ASSERT_LE(all->admission_date[i - 1], all->admission_date[i]);
  // The first row on the first day is episode 0 of the first chunk (ties keep insertion order).
  EXPECT_EQ(all->admission_date[0], first);
  EXPECT_EQ(all->provider[0], providers[0]);
  const auto& died = *all->column("died30");
  const auto& age = *all->column("age");
  const auto& sex = *all->column("sex");
  const auto& asa = *all->column("asa");
  EXPECT_EQ(died.numbers[0], 1);
  EXPECT_EQ(age.numbers[0], 60);
  EXPECT_EQ(sex.texts[0], "F");
  EXPECT_EQ(asa.texts[0], "");    // missing
  EXPECT_EQ(age.numbers[1], 90);  // episode 30: same day, next in order
  EXPECT_EQ(asa.texts[1], "");
  EXPECT_EQ(age.numbers[2], 80);  // episode 60
  EXPECT_EQ(sex.texts[3], "F");   // episode 90
  std::int64_t deaths = 0;
  std::int64_t ages_missing = 0;
  for (std::size_t i = 0; i < all->size(); ++i) {
    deaths += static_cast<std::int64_t>(died.numbers[i]);
    ages_missing += age.missing(i) ? 1 : 0;
  }
  EXPECT_EQ(deaths, 172);        // n % 7 == 0 for n in [0, 1200)
  EXPECT_EQ(ages_missing, 109);  // n % 11 == 3 for n in [0, 1200)

  auto one_day = store().episodes(audit, first.plus_days(3), first.plus_days(3));
  ASSERT_OK(one_day);
  EXPECT_EQ(one_day->size(), 40U);
  auto log = store().audit_log("episodes", 5);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->at(0).action, "import");
}

// A national audit's episodes are stored in blocks of a thousand and read in batches (on
// PostgreSQL, 64 blocks a fetch, the next fetched while one is read): every episode comes
// back once, in date order and, within a day, in the order imported, across the blocks' and the
// batches' edges. A stored block that cannot be read fails the read, naming it, even with a fetch
// under way, and the store reads on afterwards.
TEST_P(StoreContract, ManyEpisodesReadBackWholeAndInOrderAcrossBatches) {
  const std::vector<OrganisationId> providers{add_organisation("RAA"), add_organisation("RBB"),
                                              add_organisation("RCC")};
  const auto audit = add_audit("NHFD");
  declare_dataset(store(), audit);
  const Date first = *Date::parse("2025-04-01");
  constexpr int kRows = 80'000;
  import_episodes(store(), actor(), audit, providers, first, kRows, true);

  std::vector<int> expected;  // chunk()'s episode numbers in date order, then in import order
  for (int day = 0; day < 30; ++day) {
    for (int n = day; n < kRows; n += 30) expected.push_back(n);
  }
  const auto all = store().episodes(audit, first, first.plus_days(40));
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), expected.size());
  const auto& age = *all->column("age");
  const auto& sex = *all->column("sex");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const int n = expected[i];
    ASSERT_EQ(all->admission_date[i], first.plus_days(n % 30)) << "row " << i;
    ASSERT_EQ(all->provider[i], providers[static_cast<std::size_t>(n) % providers.size()]) << "row " << i;
    ASSERT_EQ(age.missing(i), n % 11 == 3) << "row " << i;
    if (!age.missing(i)) ASSERT_EQ(age.numbers[i], 60 + n % 40) << "row " << i;
    ASSERT_EQ(sex.texts[i], n % 2 == 0 ? "F" : "M") << "row " << i;
  }

  EXPECT_EQ(GetParam().query_number(url(), "SELECT COUNT(*) FROM episode_blocks"), 80);

  // The 71st block (episodes 70,000 to 70,999) comes in the second fetch of 64 and the third
  // batch of 32; the values of its episodes that did not die are made unreadable.
  GetParam().execute_sql(
      url(),
      "UPDATE episode_blocks SET data = replace(data, ',[false,', ',[false,,') WHERE id = (SELECT id FROM "
      "episode_blocks ORDER BY id LIMIT 1 OFFSET 70)");
  const auto broken = store().episodes(audit, first, first.plus_days(40));
  ASSERT_FALSE(broken);
  EXPECT_THAT(broken.error().message, HasSubstr("episode block "));
  EXPECT_THAT(broken.error().message, HasSubstr("episode 2 of the block"));  // 70,001, whose died30 is 0
  // The store reads on: without the broken block, a day's episodes are the rest of that day's.
  GetParam().execute_sql(url(), "DELETE FROM episode_blocks WHERE data LIKE '%,[false,,%'");
  const auto one_day = store().episodes(audit, first.plus_days(2), first.plus_days(2));
  ASSERT_OK(one_day);
  EXPECT_EQ(one_day->size(), 2667U - 33U);  // n = 2, 32, ..., 79982, less 70022, 70052, ..., 70982
}

// Episodes are stored as lists of values in their import's column order; imports may give the
// columns in any order, and episodes stored by earlier versions as objects with the column
// names are read beside them.
TEST_P(StoreContract, EpisodesOfImportsInAnyColumnOrderAndOfEarlierVersionsReadTogether) {
  const std::vector<OrganisationId> providers{add_organisation("RAA")};
  const auto audit = add_audit("NHFD");
  declare_dataset(store(), audit);
  const Date first = *Date::parse("2025-04-01");
  import_episodes(store(), actor(), audit, providers, first, 1, true);  // died, 60, F, asa missing
  {
    domain::EpisodeColumns reordered;
    reordered.audit_id = audit;
    reordered.add_column("asa", domain::ValueType::category);
    reordered.add_column("died30", domain::ValueType::yes_no);
    reordered.provider.push_back(providers[0]);
    reordered.admission_date.push_back(first.plus_days(1));
    reordered.columns[0].texts.push_back("ASA 3");
    reordered.columns[1].numbers.push_back(0);
    auto writer = store().begin_episodes(audit, {"asa", "died30"}, actor());
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->append(reordered));
    ASSERT_OK((*writer)->commit());
  }
  // As migration 30 stores an episode kept as an object (one of its own block).
  execute_sql(url(),
              "INSERT INTO episode_blocks (audit_id, import_id, first_day, last_day, episodes, data) "
              "SELECT audit_id, import_id, first_day + 2, first_day + 2, 1, '" +
                  std::to_string(providers[0].value) +
                  ",' || (first_day + 2) || ',{\"sex\":\"M\",\"died30\":true,\"age\":77,\"asa\":\"ASA 2\"}' "
                  "FROM episode_blocks WHERE id = (SELECT MIN(id) FROM episode_blocks)");

  auto all = store().episodes(audit, first, first.plus_days(30));
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3U);
  const auto& died = *all->column("died30");
  const auto& age = *all->column("age");
  const auto& sex = *all->column("sex");
  const auto& asa = *all->column("asa");
  EXPECT_EQ(died.numbers[0], 1);
  EXPECT_EQ(age.numbers[0], 60);
  EXPECT_EQ(sex.texts[0], "F");
  EXPECT_EQ(asa.texts[0], "");
  EXPECT_EQ(died.numbers[1], 0);  // the second import: asa and died30 only
  EXPECT_TRUE(age.missing(1));
  EXPECT_EQ(sex.texts[1], "");
  EXPECT_EQ(asa.texts[1], "ASA 3");
  EXPECT_EQ(died.numbers[2], 1);  // stored as an object
  EXPECT_EQ(age.numbers[2], 77);
  EXPECT_EQ(sex.texts[2], "M");
  EXPECT_EQ(asa.texts[2], "ASA 2");
}

// Text values travel through the databases' bulk paths (COPY's text format on PostgreSQL), where
// a backslash, a tab or a line end means something: each comes back exactly as imported.
TEST_P(StoreContract, EpisodeTextWithQuotesBackslashesTabsAndLineEndsReadsBackExactly) {
  const std::vector<OrganisationId> providers{add_organisation("RAA")};
  const auto audit = add_audit("NHFD");
  const std::vector<std::string> units{"Ward \"A\" \\ North", "Day\tunit", "Two\nlines\r", "\\N"};
  domain::Dataset dataset;
  dataset.audit_id = audit;
  dataset.columns = {{"died30", domain::ValueType::yes_no, true, {}, {}, {}, "Died within 30 days"},
                     {"unit", domain::ValueType::category, true, {}, {}, units, "Unit"}};
  ASSERT_TRUE(store().set_dataset(dataset, actor()));
  domain::EpisodeColumns rows;
  rows.audit_id = audit;
  rows.add_column("died30", domain::ValueType::yes_no);
  rows.add_column("unit", domain::ValueType::category);
  const Date day = *Date::parse("2025-04-01");
  for (std::size_t i = 0; i < units.size(); ++i) {
    rows.provider.push_back(providers[0]);
    rows.admission_date.push_back(day.plus_days(static_cast<int>(i)));
    rows.columns[0].numbers.push_back(static_cast<double>(i % 2));
    rows.columns[1].texts.push_back(units[i]);
  }
  auto writer = store().begin_episodes(audit, {"died30", "unit"}, actor());
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->append(rows));
  ASSERT_OK((*writer)->commit());
  auto read = store().episodes(audit, day, day.plus_days(10));
  ASSERT_OK(read);
  ASSERT_EQ(read->size(), units.size());
  EXPECT_EQ(read->column("unit")->texts, units);
  EXPECT_EQ(read->column("died30")->numbers, (std::vector<double>{0, 1, 0, 1}));
}

// An import stores its episodes in blocks of a thousand, one row each, bounded by the blocks'
// first and last admission days, and a block never holds two imports' episodes. A read of a
// period skips the blocks wholly outside it and takes from the others only the period's episodes.
TEST_P(StoreContract, AnImportIsStoredInBlocksOfAThousandThatAReadOfAPeriodFilters) {
  const std::vector<OrganisationId> providers{add_organisation("RAA")};
  const auto audit = add_audit("NHFD");
  declare_dataset(store(), audit);
  const Date first = *Date::parse("2025-04-01");
  import_episodes(store(), actor(), audit, providers, first, 2500, true);
  import_episodes(store(), actor(), audit, providers, first.plus_days(100), 10, true);
  const auto number = [&](const std::string& sql) { return GetParam().query_number(url(), sql); };
  EXPECT_EQ(number("SELECT COUNT(*) FROM episode_blocks"), 4);
  EXPECT_EQ(number("SELECT SUM(episodes) FROM episode_blocks"), 2510);
  EXPECT_EQ(number("SELECT MAX(episodes) FROM episode_blocks"), 1000);
  EXPECT_EQ(number("SELECT COUNT(DISTINCT import_id) FROM episode_blocks"), 2);
  EXPECT_EQ(number("SELECT MIN(first_day) FROM episode_blocks"), first.days_since_epoch());
  EXPECT_EQ(number("SELECT MAX(last_day) FROM episode_blocks WHERE episodes = 1000"), first.days_since_epoch() + 29);
  EXPECT_EQ(number("SELECT MIN(first_day) FROM episode_blocks WHERE episodes = 10"), first.days_since_epoch() + 100);
  // Days 100 to 109 hold the second import's ten (its chunk's days 0 to 9); day 29 the first's 83.
  const auto later = store().episodes(audit, first.plus_days(100), first.plus_days(200));
  ASSERT_OK(later);
  EXPECT_EQ(later->size(), 10U);
  const auto day_29 = store().episodes(audit, first.plus_days(29), first.plus_days(29));
  ASSERT_OK(day_29);
  EXPECT_EQ(day_29->size(), 83U);  // n = 29, 59, ..., 2489
  for (const auto& date : day_29->admission_date) EXPECT_EQ(date, first.plus_days(29));
}

// Episodes stored a row each before version 30 of the schema (as lists of values and, from
// before version 29, as objects) are moved into blocks by the migration and read back the same,
// in the same order: by date, then in the order stored, across imports and audits.
TEST_P(StoreContract, EpisodesStoredARowEachBeforeVersionThirtyReadBackTheSameFromBlocks) {
  close();
  const std::string url = fresh_database_before(30);
  // 2,500 list episodes of import 1 (audit 1), then 5 of import 2 (audit 2), then import 3
  // (audit 1 again) with an object and a list whose columns come in another order.
  execute_sql(url,
              "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RAA', 'Trust A', 'acute');"
              "INSERT INTO organisations (id, code, name, type) VALUES (2, 'RBB', 'Trust B', 'acute');"
              "INSERT INTO audits (id, code, title, kind, status) VALUES "
              "(1, 'NHFD', 'Hip fracture', 'national_clinical_audit', 'reported');"
              "INSERT INTO audits (id, code, title, kind, status) VALUES "
              "(2, 'NELA', 'Laparotomy', 'national_clinical_audit', 'reported');"
              "INSERT INTO dataset_columns (audit_id, position, name, type, required, allowed_values) VALUES "
              "(1, 1, 'died30', 'yes_no', TRUE, '[]'), (1, 2, 'age', 'number', FALSE, '[]'), "
              "(1, 3, 'sex', 'category', FALSE, '[\"F\",\"M\"]'), (2, 1, 'died30', 'yes_no', TRUE, '[]');"
              "INSERT INTO episode_imports (id, audit_id, column_names, imported_at, actor, row_count) VALUES "
              "(1, 1, '[\"died30\",\"age\",\"sex\"]', '2025-06-01T10:00:00Z', 'old', 2500), "
              "(2, 2, '[\"died30\"]', '2025-06-02T10:00:00Z', 'old', 5), "
              "(3, 1, '[\"sex\",\"died30\"]', '2025-06-03T10:00:00Z', 'old', 2);"
              "WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 2499) "
              "INSERT INTO episodes (audit_id, import_id, provider_id, admission_day, data) "
              "SELECT 1, 1, 1 + i % 2, 20179 + i % 30, "
              "'[' || (CASE WHEN i % 2 = 1 THEN 'true' ELSE 'false' END) || ',' || (60 + i % 40) || ',\"' || (CASE "
              "WHEN i % 3 = 0 THEN 'F' ELSE 'M' END) "
              "|| '\"]' FROM k ORDER BY i;"
              "INSERT INTO episodes (audit_id, import_id, provider_id, admission_day, data) VALUES "
              "(2, 2, 2, 20180, '[true]'), (2, 2, 2, 20180, '[false]'), (2, 2, 1, 20181, '[true]'), "
              "(2, 2, 1, 20182, '[false]'), (2, 2, 2, 20183, '[true]');"
              "INSERT INTO episodes (audit_id, import_id, provider_id, admission_day, data) VALUES "
              "(1, 3, 2, 20179, '{\"sex\":\"F\",\"died30\":true,\"age\":101}'), "
              "(1, 3, 1, 20208, '[\"M\",false]');");
  auto opened = storage::open_store(url);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& migrated = **opened;
  EXPECT_EQ(GetParam().query_number(url, "SELECT COUNT(*) FROM episode_blocks"), 5);  // 3 + 1 + 1
  EXPECT_ANY_THROW(GetParam().query_number(url, "SELECT COUNT(*) FROM episodes"));

  const Date first = Date::from_days(20179);
  const auto all = migrated.episodes(AuditId{1}, first, first.plus_days(40));
  ASSERT_OK(all);
  // Expected: each day's episodes of import 1 in order, then import 3's of that day.
  struct Expected {
    std::int64_t provider;
    int day;
    double died;
    double age;  // NaN: missing
    std::string sex;
  };
  std::vector<Expected> expected;
  for (int day = 0; day < 30; ++day) {
    for (int i = day; i < 2500; i += 30) {
      expected.push_back({1 + i % 2, day, static_cast<double>(i % 2), 60.0 + i % 40, i % 3 == 0 ? "F" : "M"});
    }
    if (day == 0) expected.push_back({2, 0, 1, 101, "F"});
    if (day == 29) expected.push_back({1, 29, 0, std::nan(""), "M"});
  }
  ASSERT_EQ(all->size(), expected.size());
  const auto& died = *all->column("died30");
  const auto& age = *all->column("age");
  const auto& sex = *all->column("sex");
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(all->provider[i], OrganisationId{expected[i].provider}) << "row " << i;
    ASSERT_EQ(all->admission_date[i], first.plus_days(expected[i].day)) << "row " << i;
    ASSERT_EQ(died.numbers[i], expected[i].died) << "row " << i;
    if (std::isnan(expected[i].age)) {
      ASSERT_TRUE(age.missing(i)) << "row " << i;
    } else {
      ASSERT_EQ(age.numbers[i], expected[i].age) << "row " << i;
    }
    ASSERT_EQ(sex.texts[i], expected[i].sex) << "row " << i;
  }
  const auto other = migrated.episodes(AuditId{2}, first, first.plus_days(40));
  ASSERT_OK(other);
  EXPECT_EQ(other->column("died30")->numbers, (std::vector<double>{1, 0, 1, 0, 1}));
  EXPECT_EQ(other->provider, (std::vector<OrganisationId>{OrganisationId{2}, OrganisationId{2}, OrganisationId{1},
                                                          OrganisationId{1}, OrganisationId{2}}));
}

TEST_P(StoreContract, EpisodeWriterDestroyedWithoutCommitLeavesNothing) {
  const std::vector<OrganisationId> providers{add_organisation("RAA")};
  const auto audit = add_audit("NHFD");
  declare_dataset(store(), audit);
  const Date first = *Date::parse("2025-04-01");
  {
    auto writer = store().begin_episodes(audit, kColumns, actor());
    ASSERT_OK(writer);
    ASSERT_OK((*writer)->append(chunk(audit, providers, first, 1000, 0)));
  }
  EXPECT_EQ(store().episodes(audit, first, first.plus_days(365))->size(), 0U);
  EXPECT_TRUE(store().audit_log("episodes", 5)->empty());
  // The store is usable afterwards: the abandoned import released the database.
  add_organisation("RBB");
  EXPECT_EQ(store().organisations()->size(), 2U);
}

TEST_P(StoreContract, EpisodeWithUnknownProviderFailsNamingTheRowAndWritesNothing) {
  const auto known = add_organisation("RAA");
  const auto audit = add_audit("NHFD");
  declare_dataset(store(), audit);
  const Date first = *Date::parse("2025-04-01");
  auto writer = store().begin_episodes(audit, kColumns, actor());
  ASSERT_OK(writer);
  ASSERT_OK((*writer)->append(chunk(audit, {known}, first, 100, 0)));
  auto bad = chunk(audit, {known}, first, 100, 100);
  bad.provider[41] = OrganisationId{known.value + 77};
  auto appended = (*writer)->append(bad);
  EXPECT_ERROR(appended, ErrorCode::not_found);
  EXPECT_THAT(appended.error().message, HasSubstr("142"));
  EXPECT_FALSE((*writer)->commit());
  writer->reset();
  EXPECT_EQ(store().episodes(audit, first, first.plus_days(365))->size(), 0U);
}

// Writers of different records never fail one another, however many at once: every write
// moves the data version on, and on PostgreSQL that must not make any two of them collide.
TEST_P(StoreContract, ConcurrentWritersAllLand) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  const auto trust = add_organisation("RXX");
  std::vector<std::thread> threads;
  std::vector<int> failures(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this, t, trust, &failures] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string code = "T" + std::to_string(t) + "-" + std::to_string(i);
        domain::Organisation row{{}, code, "Thread trust", domain::OrganisationType::community, ""};
        if (!store().add_organisations({row}, actor())) ++failures[static_cast<std::size_t>(t)];
        domain::User user{{}, code + "@example.nhs.uk", code, domain::Role::read_only, trust, "h", true};
        if (!store().add_user(user, actor())) ++failures[static_cast<std::size_t>(t)];
        if (!store().organisations()) ++failures[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[static_cast<std::size_t>(t)], 0) << "thread " << t;
  EXPECT_EQ(store().organisations()->size(), static_cast<std::size_t>(kThreads * kPerThread + 1));
  EXPECT_EQ(store().users(trust)->size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(store().audit_log("organisation", 1000)->size(), static_cast<std::size_t>(kThreads * kPerThread + 1));
  reopen();
  EXPECT_EQ(store().organisations()->size(), static_cast<std::size_t>(kThreads * kPerThread + 1));
}

TEST_P(StoreContract, TwoStoresOnOneDatabaseSeeEachOthersCommits) {
  auto second = storage::open_store(url());
  ASSERT_OK(second);
  add_organisation("RXX");
  ASSERT_OK((*second)->organisation_by_code("RXX"));
  domain::Audit audit;
  audit.code = "NHFD";
  audit.title = "Hip fracture";
  ASSERT_OK((*second)->add_audits({audit}, actor()));
  ASSERT_OK(store().audit_by_code("NHFD"));
}

// `clinaudit db migrate` says which migrations it applied, from and to which version, on
// either database; run again, that there was nothing to do.
TEST_P(StoreContract, MigratingADatabaseReportsTheMigrationsItApplied) {
  const auto& all = storage::migrations_for(GetParam().name == "Sqlite" ? storage::SqlDialect::sqlite
                                                                        : storage::SqlDialect::postgres);
  const int latest = all.back().version;
  const std::string older = fresh_database_before(latest - 1);
  auto migrated = storage::migrate_database(older);
  ASSERT_OK(migrated);
  EXPECT_EQ(migrated->from_version, latest - 2);
  EXPECT_EQ(migrated->to_version, latest);
  EXPECT_EQ(migrated->applied, (std::vector<std::string>{all[all.size() - 2].name, all.back().name}));

  auto again = storage::migrate_database(older);
  ASSERT_OK(again);
  EXPECT_EQ(again->from_version, latest);
  EXPECT_EQ(again->to_version, latest);
  EXPECT_TRUE(again->applied.empty());
}

TEST_P(StoreContract, RefusesADatabaseNewerThanThisBinary) {
  add_organisation("RXX");
  close();
  GetParam().execute_sql(url(), "INSERT INTO schema_version (version, name) VALUES (9999, 'from_the_future')");
  auto opened = storage::open_store(url());
  EXPECT_ERROR(opened, ErrorCode::conflict);
  EXPECT_THAT(opened.error().message, HasSubstr("database schema version 9999 is newer than this clinaudit ("));
  EXPECT_THAT(opened.error().message, HasSubstr("upgrade clinaudit"));
}

TEST_P(StoreContract, OpeningTwiceAppliesNoMigrationAgain) {
  add_organisation("RXX");
  reopen();
  reopen();
  EXPECT_EQ(store().organisations()->size(), 1U);
}

}  // namespace
}  // namespace clinaudit::contract
