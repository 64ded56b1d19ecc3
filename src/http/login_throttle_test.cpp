// Sign-in limits through App::handle on a real SQLite file: per client address, the client
// address behind a trusted reverse proxy, parallel guesses at one account, and guesses spread
// over two servers of one database.
#include <gtest/gtest.h>

#include <latch>
#include <thread>
#include <vector>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

// POST /api/session from `peer` (the socket's address), with X-Forwarded-For when given.
Response sign_in(App& app, const std::string& email, const std::string& password, const std::string& peer,
                 const std::string& forwarded_for = {}) {
  Request request;
  request.method = "POST";
  request.path = "/api/session";
  request.remote_addr = peer;
  if (!forwarded_for.empty()) request.headers["x-forwarded-for"] = forwarded_for;
  request.fields = {{"email", email}, {"password", password}};
  return app.handle(request);
}

std::string nobody(int i) { return "nobody" + std::to_string(i) + "@nowhere.example"; }

// The failed sign-ins the audit log holds for `email` (each one is a verified password).
std::size_t failures_logged(TestWorld& world, const std::string& email) {
  const auto entries = world.store().audit_log("session", 1000);
  EXPECT_TRUE(entries);
  std::size_t count = 0;
  for (const auto& entry : entries.value_or(std::vector<domain::AuditLogEntry>{})) {
    if (entry.action == "login_failed" && entry.actor == email) ++count;
  }
  return count;
}

TEST(LoginThrottle, TwentyFailuresFromOneAddressLockThatAddressAndNoOther) {
  TestWorld world;
  App app(world.store(), world.clock(), AppConfig{});
  // Twenty accounts, one wrong guess each: no account reaches its own limit.
  for (int i = 0; i < 20; ++i) EXPECT_EQ(sign_in(app, nobody(i), "wrong", "192.0.2.1").status, 401);
  const auto& user = world.own().callers.at(Role::read_only).user;
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "192.0.2.1").status, 429);
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "192.0.2.2").status, 200);
}

TEST(LoginThrottle, ASuccessDoesNotCountAgainstItsAddress) {
  TestWorld world;
  AppConfig config;
  config.login_failures_per_address = 2;
  App app(world.store(), world.clock(), config);
  const auto& user = world.own().callers.at(Role::read_only).user;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "192.0.2.1").status, 200);
  EXPECT_EQ(sign_in(app, nobody(1), "wrong", "192.0.2.1").status, 401);
  EXPECT_EQ(sign_in(app, nobody(2), "wrong", "192.0.2.1").status, 401);
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "192.0.2.1").status, 429);
}

TEST(LoginThrottle, XForwardedForNamesTheClientOnlyBehindATrustedProxy) {
  TestWorld world;
  AppConfig config;
  config.login_failures_per_address = 3;
  config.trusted_proxies = {"10.0.0.1", "10.0.0.9"};
  App app(world.store(), world.clock(), config);
  const auto& user = world.own().callers.at(Role::read_only).user;

  // Through the trusted proxy: the failures count against the client the proxy saw, whatever
  // the client itself claims in front of it (the right-most entry that is not a proxy).
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(sign_in(app, nobody(i), "wrong", "10.0.0.1", "203.0.113." + std::to_string(i) + ", 198.51.100.7").status,
              401);
  }
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "10.0.0.1", "198.51.100.7").status, 429);
  // Behind two trusted proxies, the same client.
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "10.0.0.9", "198.51.100.7, 10.0.0.1").status, 429);
  // Another client through the same proxy is not locked out.
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "10.0.0.1", "198.51.100.8").status, 200);
  const auto logged = world.store().audit_log("session", 1000);
  ASSERT_TRUE(logged);
  bool client_logged = false;
  for (const auto& entry : *logged) client_logged |= entry.action == "login" && entry.entity_key == "198.51.100.8";
  EXPECT_TRUE(client_logged) << "the audit log names the client, not the proxy";

  // From a peer that is not a trusted proxy the header is the client's own claim: ignored.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(sign_in(app, nobody(10 + i), "wrong", "192.0.2.50", "198.51.100." + std::to_string(20 + i)).status, 401);
  }
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "192.0.2.50", "198.51.100.99").status, 429);
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "192.0.2.51", "198.51.100.7").status, 200);
}

TEST(LoginThrottle, GuessesSpreadOverTwoServersMeetOneLimit) {
  TestWorld world;
  auto second_store = storage::open_store(world.database_url());
  ASSERT_TRUE(second_store) << second_store.error().message;
  App second(**second_store, world.clock(), AppConfig{});
  const auto& user = world.own().callers.at(Role::clinical_lead).user;
  // Five wrong passwords for one account, alternating between the servers, each from its own
  // address: the account's limit (5) is reached on both.
  for (int i = 0; i < 5; ++i) {
    App& app = i % 2 == 0 ? world.app() : second;
    EXPECT_EQ(sign_in(app, user.email, "wrong", "198.51.100." + std::to_string(i + 1)).status, 401);
  }
  EXPECT_EQ(sign_in(second, user.email, testing::kTestPassword, "198.51.100.9").status, 429);
  EXPECT_EQ(sign_in(world.app(), user.email, testing::kTestPassword, "198.51.100.9").status, 429);
  EXPECT_EQ(failures_logged(world, user.email), 5u);
}

TEST(LoginThrottle, ParallelWrongPasswordsForOneAccountAreVerifiedAtMostFiveTimes) {
  TestWorld world;
  App app(world.store(), world.clock(), AppConfig{});
  const auto& user = world.own().callers.at(Role::board_member).user;
  constexpr int kAttempts = 30;
  std::vector<int> statuses(kAttempts, 0);
  std::latch start(kAttempts);
  std::vector<std::thread> threads;
  for (int i = 0; i < kAttempts; ++i) {
    // A different address each, so that only the account's limit (5) applies.
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      statuses[static_cast<std::size_t>(i)] =
          sign_in(app, user.email, "wrong guess " + std::to_string(i), "10.1.0." + std::to_string(i + 1)).status;
    });
  }
  for (auto& thread : threads) thread.join();
  int verified = 0;
  int throttled = 0;
  for (const int status : statuses) {
    verified += status == 401 ? 1 : 0;
    throttled += status == 429 ? 1 : 0;
  }
  EXPECT_EQ(verified, 5);
  EXPECT_EQ(throttled, kAttempts - 5);
  EXPECT_EQ(failures_logged(world, user.email), 5u);
  EXPECT_EQ(sign_in(app, user.email, testing::kTestPassword, "10.2.0.1").status, 429);
}

}  // namespace
}  // namespace clinaudit::http
