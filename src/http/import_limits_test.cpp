// What an import may hold, through App::handle on a real SQLite file (and PostgreSQL when
// CLINAUDIT_TEST_PG_URL is set): the upload limit, nothing held by a dry run, the byte budgets
// of files awaiting confirmation (per user and in all), their expiry, and a file checked
// through one server confirmed through another on the same database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::Caller;
using testing::TestWorld;

struct Checked {
  Response response;
  std::string token;  // empty when nothing is held
};

// The import page: upload, check and (when clean) hold for confirmation.
Checked upload(App& app, const Caller& caller, const std::string& kind, const std::string& content,
               const std::string& audit = {}) {
  Request request;
  request.method = "POST";
  request.path = "/import";
  request.headers["cookie"] = std::string(kSessionCookie) + "=" + caller.token;
  request.fields = {{"csrf", caller.csrf}, {"kind", kind}, {"audit", audit}};
  request.files["file"] = UploadedFile{kind + ".csv", "text/csv", content};
  Checked checked{app.handle(request), ""};
  const auto at = checked.response.body.find("name=\"token\" value=\"");
  if (at != std::string::npos) checked.token = checked.response.body.substr(at + 20, 32);
  return checked;
}

Response confirm(App& app, const Caller& caller, const std::string& token) {
  Request request;
  request.method = "POST";
  request.path = "/import/confirm";
  request.headers["cookie"] = std::string(kSessionCookie) + "=" + caller.token;
  request.fields = {{"csrf", caller.csrf}, {"token", token}};
  return app.handle(request);
}

// The API: the CSV as the body.
Response post_csv(App& app, const Caller& caller, const std::string& target, std::string body) {
  Request request;
  request.method = "POST";
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) {
    for (auto& [k, v] : parse_urlencoded(target.substr(question + 1))) request.query.emplace(k, v);
  }
  request.body = std::move(body);
  request.headers["cookie"] = std::string(kSessionCookie) + "=" + caller.token;
  request.headers["x-csrf-token"] = caller.csrf;
  return app.handle(request);
}

std::string participation(TestWorld& world) {
  return "organisation_code,audit_code,year,eligible\n" + world.own().code + ",NAT-" + world.suffix() + ",2025/26,no\n";
}

// A clean episode file of about 30 bytes a row.
std::string episodes(TestWorld& world, int rows) {
  std::string csv = "organisation_code,admission_date,outcome,age\n";
  for (int i = 0; i < rows; ++i) csv += world.own().code + ",2025-05-01," + std::to_string(i % 2) + ",71\n";
  return csv;
}

// The checked files held in the database and not expired.
domain::PendingImportTotals held(TestWorld& world) {
  auto totals = world.store().pending_import_totals(world.clock().now_iso());
  EXPECT_TRUE(totals) << totals.error().message;
  return totals ? *totals : domain::PendingImportTotals{};
}

std::size_t participation_rows(TestWorld& world) {
  return world.store().participation_of(world.own().id, FinancialYear{2025})->size();
}

TEST(ImportLimits, ADryRunHoldsNothing) {
  TestWorld world;
  App app(world.store(), world.clock(), AppConfig{});
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response checked = post_csv(app, manager, "/api/imports/participation?dry_run=true", participation(world));
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(nlohmann::json::parse(checked.body)["rows"], 1);
  const Response episode_check = post_csv(
      app, world.analyst(), "/api/imports/episodes?dry_run=true&audit=NAT-" + world.suffix(), episodes(world, 3));
  ASSERT_EQ(episode_check.status, 200) << episode_check.body;
  EXPECT_EQ(held(world).files, 0);
  EXPECT_EQ(held(world).bytes, 0);
  EXPECT_EQ(participation_rows(world), 0u);
  // A real API import is written at once and holds nothing either.
  EXPECT_EQ(post_csv(app, manager, "/api/imports/participation", participation(world)).status, 201);
  EXPECT_EQ(held(world).files, 0);
  EXPECT_EQ(participation_rows(world), 1u);
}

TEST(ImportLimits, AFileOverTheUploadLimitIs413OnThePageAndTheApi) {
  TestWorld world;
  const std::string file = participation(world);
  AppConfig config;
  config.max_upload_bytes = file.size() - 1;
  App app(world.store(), world.clock(), config);
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string limit = "upload limit of " + std::to_string(file.size() - 1) + " bytes";

  const Response api = post_csv(app, manager, "/api/imports/participation", file);
  EXPECT_EQ(api.status, 413) << api.body;
  EXPECT_TRUE(contains(api.body, limit)) << api.body;
  const Response dry = post_csv(app, manager, "/api/imports/participation?dry_run=true", file);
  EXPECT_EQ(dry.status, 413) << dry.body;
  const Checked page = upload(app, manager, "participation", file);
  EXPECT_EQ(page.response.status, 413) << page.response.body;
  EXPECT_TRUE(contains(page.response.body, limit)) << page.response.body;
  EXPECT_TRUE(page.token.empty());
  EXPECT_EQ(held(world).files, 0);
  EXPECT_EQ(participation_rows(world), 0u);

  // At the limit exactly, the file is taken.
  AppConfig exact;
  exact.max_upload_bytes = file.size();
  App roomy(world.store(), world.clock(), exact);
  EXPECT_EQ(post_csv(roomy, manager, "/api/imports/participation", file).status, 201);
}

TEST(ImportLimits, AUsersNewFileReplacesTheirOldestWhenOverTheirBudget) {
  TestWorld world;
  AppConfig config;
  // Room for two small files per user (each counts at least the minimum).
  config.pending_import_bytes_per_user = 2 * domain::kMinimumPendingCharge;
  App app(world.store(), world.clock(), config);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& manager = world.own().callers.at(Role::audit_manager);

  const Checked first = upload(app, lead, "participation", participation(world));
  const Checked second = upload(app, lead, "participation", participation(world));
  const Checked other_user = upload(app, manager, "participation", participation(world));
  ASSERT_FALSE(first.token.empty()) << first.response.body;
  ASSERT_FALSE(second.token.empty()) << second.response.body;
  ASSERT_FALSE(other_user.token.empty()) << other_user.response.body;
  EXPECT_EQ(held(world).files, 3);

  const Checked third = upload(app, lead, "participation", participation(world));
  ASSERT_EQ(third.response.status, 200) << third.response.body;
  ASSERT_FALSE(third.token.empty());
  EXPECT_EQ(held(world).files, 3);
  EXPECT_EQ(held(world).bytes, 3 * static_cast<std::int64_t>(domain::kMinimumPendingCharge));
  // The lead's oldest file went; their newer ones and the other user's stay.
  EXPECT_EQ(confirm(app, lead, first.token).status, 404);
  EXPECT_EQ(confirm(app, lead, second.token).status, 200);
  EXPECT_EQ(confirm(app, lead, third.token).status, 200);
  EXPECT_EQ(confirm(app, manager, other_user.token).status, 200);
  EXPECT_EQ(held(world).files, 0);
  EXPECT_EQ(held(world).bytes, 0);

  // A file larger than the whole budget is refused with the budget in words, and nothing held.
  const Checked big = upload(app, world.analyst(), "episodes", episodes(world, 400), "NAT-" + world.suffix());
  EXPECT_EQ(big.response.status, 413) << big.response.body;
  EXPECT_TRUE(contains(big.response.body, "larger than the 8 KB held for confirmation")) << big.response.body;
  EXPECT_TRUE(big.token.empty());
  EXPECT_EQ(held(world).files, 0);
}

TEST(ImportLimits, AFullBudgetRefusesNewFilesAndDropsNoOtherUsers) {
  TestWorld world;
  AppConfig config;
  config.pending_import_bytes_total = 2 * domain::kMinimumPendingCharge;
  App app(world.store(), world.clock(), config);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& admin = world.own().callers.at(Role::admin);

  const Checked lead_file = upload(app, lead, "participation", participation(world));
  const Checked manager_file = upload(app, manager, "participation", participation(world));
  ASSERT_FALSE(lead_file.token.empty()) << lead_file.response.body;
  ASSERT_FALSE(manager_file.token.empty()) << manager_file.response.body;

  const Checked refused = upload(app, admin, "participation", participation(world));
  EXPECT_EQ(refused.response.status, 503) << refused.response.body;
  EXPECT_TRUE(contains(refused.response.body, "8 KB of checked files already await confirmation"))
      << refused.response.body;
  EXPECT_TRUE(refused.token.empty());
  EXPECT_EQ(held(world).files, 2);

  // The lead's new file takes the place of the lead's own older one.
  const Checked again = upload(app, lead, "participation", participation(world));
  ASSERT_FALSE(again.token.empty()) << again.response.body;
  EXPECT_EQ(held(world).files, 2);
  EXPECT_EQ(confirm(app, lead, lead_file.token).status, 404);
  EXPECT_EQ(confirm(app, manager, manager_file.token).status, 200);
  EXPECT_EQ(confirm(app, lead, again.token).status, 200);
  EXPECT_EQ(participation_rows(world), 1u);
}

// A clock that can be moved on, for the expiry of files awaiting confirmation.
class MovableClock final : public domain::Clock {
 public:
  Date today() const override { return Date::parse(now_.substr(0, 10)).value(); }
  std::string now_iso() const override { return now_; }
  void set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_ = "2026-01-15T10:00:00Z";
};

TEST(ImportLimits, ACheckedFileWaitsThirtyMinutesForItsConfirmation) {
  TestWorld world;
  MovableClock clock;
  App app(world.store(), clock, AppConfig{});
  auto& manager = world.own().callers.at(Role::audit_manager);

  const Checked kept = upload(app, manager, "participation", participation(world));
  const Checked lapsed = upload(app, manager, "participation", participation(world));
  ASSERT_FALSE(kept.token.empty()) << kept.response.body;
  ASSERT_FALSE(lapsed.token.empty()) << lapsed.response.body;
  clock.set("2026-01-15T10:29:59Z");
  EXPECT_EQ(confirm(app, manager, kept.token).status, 200);
  clock.set("2026-01-15T10:30:00Z");
  const Response expired = confirm(app, manager, lapsed.token);
  EXPECT_EQ(expired.status, 404) << expired.body;
  EXPECT_TRUE(contains(expired.body, "this import has expired; upload the file again")) << expired.body;
  // The expired file is dropped by the next one held, and counts for nothing meanwhile.
  EXPECT_EQ(world.store().pending_import_totals(clock.now_iso())->files, 0);
  ASSERT_FALSE(upload(app, manager, "participation", participation(world)).token.empty());
  EXPECT_EQ(world.store().pending_import_totals("2026-01-15T10:00:00Z")->files, 1);
}

TEST(ImportLimits, AFileIsConfirmedOnceAndOnlyByWhoeverCheckedIt) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const Checked checked = upload(world.app(), manager, "participation", participation(world));
  ASSERT_FALSE(checked.token.empty()) << checked.response.body;
  EXPECT_EQ(confirm(world.app(), lead, checked.token).status, 404);  // another user's is none
  EXPECT_EQ(confirm(world.app(), manager, checked.token).status, 200);
  EXPECT_EQ(confirm(world.app(), manager, checked.token).status, 404);  // taken once
  EXPECT_EQ(participation_rows(world), 1u);
}

// Two servers on one database, each with its own store (its own connections): the file
// checked through the first is confirmed through the second, as behind a load balancer
// without sticky sessions.
void check_on_one_server_and_confirm_on_another(TestWorld& world) {
  auto second_store = storage::open_store(world.database_url());
  ASSERT_TRUE(second_store) << second_store.error().message;
  App second(**second_store, world.clock(), AppConfig{});
  auto& manager = world.own().callers.at(Role::audit_manager);

  const Checked checked = upload(world.app(), manager, "participation", participation(world));
  ASSERT_EQ(checked.response.status, 200) << checked.response.body;
  ASSERT_FALSE(checked.token.empty()) << checked.response.body;
  EXPECT_EQ(participation_rows(world), 0u);
  const Response confirmed = confirm(second, manager, checked.token);
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(participation_rows(world), 1u);
  EXPECT_EQ(confirm(world.app(), manager, checked.token).status, 404);  // and not again on the first
}

TEST(ImportLimits, AFileCheckedThroughOneServerIsConfirmedThroughAnotherOnSqlite) {
  TestWorld world;
  check_on_one_server_and_confirm_on_another(world);
}

TEST(ImportLimits, AFileCheckedThroughOneServerIsConfirmedThroughAnotherOnPostgres) {
  const char* url = std::getenv("CLINAUDIT_TEST_PG_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "CLINAUDIT_TEST_PG_URL is not set";
  TestWorld world(url);
  check_on_one_server_and_confirm_on_another(world);
}

}  // namespace
}  // namespace clinaudit::http
