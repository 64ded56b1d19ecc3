// The real server on a loopback port: the transport in front of the App.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "http/server.hpp"
#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

class Loopback : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.log_requests = false;
    options.max_request_bytes = 64 * 1024;
    server_ = std::make_unique<Server>(world_.app(), options);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->run(); });
    // Wait until it listens, or stop() can hang.
    while (!server_->running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  void TearDown() override {
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Client client() { return httplib::Client("127.0.0.1", port_); }

  testing::TestWorld world_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(Loopback, AnswersHealthAndServesTheStylesheet) {
  auto c = client();
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, R"({"status":"ok"})");
  auto css = c.Get("/static/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(Loopback, SignsInOverJsonAndCallsTheApiWithTheCookieAndToken) {
  auto c = client();
  const auto& user = world_.own().callers.at(domain::Role::clinical_lead).user;
  const nlohmann::json credentials{{"email", user.email}, {"password", testing::kTestPassword}};
  auto signed_in = c.Post("/api/session", credentials.dump(), "application/json");
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  const std::string cookie = signed_in->get_header_value("Set-Cookie");
  const std::string token = cookie.substr(0, cookie.find(';'));
  const std::string csrf = nlohmann::json::parse(signed_in->body)["csrf_token"];
  httplib::Headers headers{{"Cookie", token}};
  auto dashboard = c.Get("/api/dashboard", headers);
  ASSERT_TRUE(dashboard);
  EXPECT_EQ(dashboard->status, 200);
  EXPECT_EQ(nlohmann::json::parse(dashboard->body)["year"], "2025/26");
  const nlohmann::json action{{"title", "Over the wire"}, {"due_on", "2026-04-01"}};
  auto refused = c.Post("/api/actions", headers, action.dump(), "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  headers.emplace("X-CSRF-Token", csrf);
  auto created = c.Post("/api/actions", headers, action.dump(), "application/json");
  ASSERT_TRUE(created);
  EXPECT_EQ(created->status, 201) << created->body;
}

TEST_F(Loopback, CompressesWhenTheClientAcceptsGzip) {
  auto c = client();
  c.set_decompress(false);
  auto css = c.Get("/static/style.css", httplib::Headers{{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(css->body.size(), 4000u);
}

TEST_F(Loopback, RefusesABodyOverTheLimitAndStaysUp) {
  auto c = client();
  const std::string big(128 * 1024, 'x');
  auto refused = c.Post("/api/session", big, "text/plain");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// JSON whose number is too large for a double makes the parser throw even when asked not to;
// such a body is read as having no fields, answered as a client error, and the server lives.
TEST_F(Loopback, AJsonNumberTooLargeToHoldIsAClientErrorAndTheServerStaysUp) {
  auto c = client();
  auto refused = c.Post("/api/session", R"({"email": 1e999, "password": "x"})", "application/json");
  ASSERT_TRUE(refused);
  EXPECT_GE(refused->status, 400) << refused->body;
  EXPECT_LT(refused->status, 500) << refused->body;
  auto health = c.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

}  // namespace
}  // namespace clinaudit::http
