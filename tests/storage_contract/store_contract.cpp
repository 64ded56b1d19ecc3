#include "store_contract.hpp"

#include <cstdlib>
#include <string_view>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_driver.hpp"
#include "storage/store_factory.hpp"
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
#include "storage/postgres/pg_driver.hpp"
#endif

namespace clinaudit::contract {

void StoreContract::SetUp() {
  backend_ = GetParam();
  if (!backend_.fresh_database_url) {
    const char* required = std::getenv("CLINAUDIT_REQUIRE_PG");
    if (backend_.name == "Postgres" && required != nullptr && std::string_view(required) == "1") {
      FAIL() << "CLINAUDIT_REQUIRE_PG=1 but " << backend_.unavailable_reason;
    }
    GTEST_SKIP() << backend_.unavailable_reason;
  }
  url_ = backend_.fresh_database_url();
  auto opened = storage::open_store(url_);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  store_ = std::move(*opened);
}

void StoreContract::TearDown() {
  store_.reset();
  if (backend_.clean_up) backend_.clean_up();
}

void StoreContract::reopen() {
  store_.reset();
  auto opened = storage::open_store(url_);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  store_ = std::move(*opened);
}

std::string StoreContract::fresh_database_before(int version) {
  const bool sqlite = backend_.name == "Sqlite";
  const auto& all = storage::migrations_for(sqlite ? storage::SqlDialect::sqlite : storage::SqlDialect::postgres);
  std::vector<storage::SchemaMigration> older;
  for (const auto& migration : all) {
    if (migration.version < version) older.push_back(migration);
  }
  const std::string url = backend_.fresh_database_url();
  if (sqlite) {
    auto driver = storage::sqlite::SqliteDriver::open(url, older);
    EXPECT_TRUE(driver.has_value()) << driver.error().message;
  } else {
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
    auto driver = storage::postgres::open_postgres_driver(url, older);
    EXPECT_TRUE(driver.has_value()) << driver.error().message;
#endif
  }
  return url;
}

OrganisationId StoreContract::add_organisation(const std::string& code, domain::OrganisationType type) {
  domain::Organisation row;
  row.code = code;
  row.name = "Organisation " + code;
  row.type = type;
  row.region = "North West";
  auto ids = store().add_organisations({row}, actor());
  EXPECT_TRUE(ids.has_value()) << ids.error().message;
  return ids.has_value() ? ids->at(0) : OrganisationId{};
}

AuditId StoreContract::add_audit(const std::string& code, domain::AuditKind kind) {
  domain::Audit row;
  row.code = code;
  row.title = "Audit " + code;
  row.kind = kind;
  auto ids = store().add_audits({row}, actor());
  EXPECT_TRUE(ids.has_value()) << ids.error().message;
  return ids.has_value() ? ids->at(0) : AuditId{};
}

UserId StoreContract::add_user(const std::string& email, OrganisationId organisation) {
  domain::User row;
  row.email = email;
  row.display_name = "User " + email;
  row.role = domain::Role::audit_manager;
  row.organisation_id = organisation;
  row.password_hash = "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA";
  auto id = store().add_user(row, actor());
  EXPECT_TRUE(id.has_value()) << id.error().message;
  return id.value_or(UserId{});
}

MeasureId StoreContract::add_measure(AuditId audit, const std::string& code) {
  domain::Measure row;
  row.audit_id = audit;
  row.code = code;
  row.name = "Measure " + code;
  row.type = domain::MeasureType::proportion;
  row.improvement = domain::Improvement::increase;
  row.target = 0.9;
  auto id = store().add_measure(row, actor());
  EXPECT_TRUE(id.has_value()) << id.error().message;
  return id.value_or(MeasureId{});
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) { return info.param.name; }

// The backends: SQLite always; PostgreSQL when this build has its store.
INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(sqlite_backend()), backend_name);
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(postgres_backend()), backend_name);
#endif

}  // namespace clinaudit::contract
