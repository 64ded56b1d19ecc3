// Every response carries the seven security headers of docs/security.md ("Headers"), once
// each and with the documented values: pages, API answers, errors and redirects, below HTTP
// and through the real server on a loopback port.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "http/server.hpp"
#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

constexpr const char* kPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

// The documented headers and values (the Content-Security-Policy and Cache-Control of a
// normal response; the board pack and the stylesheet differ, below).
const std::vector<std::pair<std::string, std::string>>& documented_headers() {
  static const std::vector<std::pair<std::string, std::string>> kHeaders{
      {"Content-Security-Policy", kPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
      {"Cache-Control", "no-store"},
  };
  return kHeaders;
}

std::size_t count_of(const Response& response, const std::string& name) {
  std::size_t n = 0;
  for (const auto& [key, value] : response.headers) n += key == name ? 1 : 0;
  return n;
}

void expect_documented_headers(const Response& response, const std::string& what, const std::string& policy = kPolicy,
                               const std::string& cache = "no-store") {
  for (const auto& [name, value] : documented_headers()) {
    const std::string expected = name == "Content-Security-Policy" ? policy : name == "Cache-Control" ? cache : value;
    EXPECT_EQ(response.header(name), expected) << what << ": " << name;
    EXPECT_EQ(count_of(response, name), 1u) << what << ": " << name << " sent more than once";
  }
}

TEST(SecurityHeaders, OnAPageAnApiAnswerAnErrorAndARedirect) {
  TestWorld world;
  auto& board = world.own().callers.at(Role::board_member);

  const Response page = world.call("GET", "/", &board);
  ASSERT_EQ(page.status, 200);
  expect_documented_headers(page, "the dashboard page");

  const Response api = world.call("GET", "/api/me", &board);
  ASSERT_EQ(api.status, 200);
  expect_documented_headers(api, "GET /api/me");

  const Response missing_page = world.call("GET", "/no-such-page", &board);
  ASSERT_EQ(missing_page.status, 404);
  expect_documented_headers(missing_page, "a page that does not exist");

  const Response missing_api = world.call("GET", "/api/no-such-thing", nullptr);
  ASSERT_EQ(missing_api.status, 404);
  expect_documented_headers(missing_api, "an API route that does not exist");

  const Response forbidden = world.call("GET", "/users", &board);
  ASSERT_EQ(forbidden.status, 403);
  expect_documented_headers(forbidden, "a page the role may not open");

  const Response to_login = world.call("GET", "/actions", nullptr);
  ASSERT_EQ(to_login.status, 303);
  expect_documented_headers(to_login, "the redirect to sign in");

  const auto& user = board.user;
  const Response signed_in =
      world.call("POST", "/login", nullptr, {{"email", user.email}, {"password", testing::kTestPassword}});
  ASSERT_EQ(signed_in.status, 303);
  expect_documented_headers(signed_in, "the redirect after signing in");
}

TEST(SecurityHeaders, TheBoardPackAndTheStylesheetKeepEveryHeader) {
  TestWorld world;
  auto& board = world.own().callers.at(Role::board_member);
  // The board pack is a self-contained print document: its own inline style, nothing else.
  const Response pack = world.call("GET", "/reports/board-pack?meeting=2026-01-20", &board);
  ASSERT_EQ(pack.status, 200);
  const std::string policy = pack.header("Content-Security-Policy");
  EXPECT_NE(policy.find("style-src 'unsafe-inline'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("script-src"), std::string::npos) << policy;
  expect_documented_headers(pack, "the board pack", policy);

  // The stylesheet may be cached for an hour; everything else stays.
  const Response css = world.call("GET", "/static/style.css", nullptr);
  ASSERT_EQ(css.status, 200);
  expect_documented_headers(css, "the stylesheet", kPolicy, "public, max-age=3600");
}

TEST(SecurityHeaders, SurviveTheTransport) {
  TestWorld world;
  ServerOptions options;
  options.port = 0;
  options.max_connections = 2;
  options.log_requests = false;
  Server server(world.app(), options);
  auto port = server.bind();
  ASSERT_TRUE(port) << port.error().message;
  std::thread thread([&server] { (void)server.run(); });
  // Wait until it listens, or stop() can hang.
  while (!server.running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  httplib::Client client("127.0.0.1", *port);
  for (const char* path : {"/login", "/api/no-such-thing", "/no-such-page", "/actions"}) {
    auto answer = client.Get(path);
    ASSERT_TRUE(answer) << path;
    for (const auto& [name, value] : documented_headers()) {
      EXPECT_EQ(answer->get_header_value(name), value) << path << ": " << name;
      EXPECT_EQ(answer->get_header_value_count(name), 1u) << path << ": " << name;
    }
  }
  server.stop();
  thread.join();
}

}  // namespace
}  // namespace clinaudit::http
