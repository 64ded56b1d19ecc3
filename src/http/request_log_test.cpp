// The request log keeps no secret (docs/security.md, "Survey links"): with logging on, as
// `clinaudit serve` runs by default, a survey link's token never reaches the log, and
// neither does a password or a session token; the log still names every request.
#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "http/server.hpp"
#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using testing::TestWorld;

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// Sends the default logger to a string for the life of this object.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(text_);
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink));
  }
  ~CapturedLog() {
    spdlog::set_default_logger(previous_);
    spdlog::drop("captured");  // the registry keeps every default logger by name
  }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;
  std::string text() const { return text_.str(); }

 private:
  std::shared_ptr<spdlog::logger> previous_;
  std::ostringstream text_;
};

TEST(RequestLog, NamesEveryRequestButNeverASurveyTokenPasswordOrSession) {
  TestWorld world;
  const std::string token = world.new_survey_link();
  const std::string link = "/respond/" + token;
  const auto& user = world.own().callers.at(domain::Role::clinical_lead).user;

  CapturedLog log;
  std::string session_cookie;
  {
    ServerOptions options;
    options.port = 0;
    options.max_connections = 2;
    options.log_requests = true;  // what `clinaudit serve` does without --quiet
    Server server(world.app(), options);
    auto port = server.bind();
    ASSERT_TRUE(port) << port.error().message;
    std::thread thread([&server] { (void)server.run(); });
    // Wait until it listens, or stop() can hang.
    while (!server.running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    httplib::Client client("127.0.0.1", *port);
    auto health = client.Get("/healthz");
    ASSERT_TRUE(health);
    EXPECT_EQ(health->status, 200);
    auto form = client.Get(link.c_str());
    ASSERT_TRUE(form);
    EXPECT_EQ(form->status, 200);
    auto answered = client.Post(link.c_str(), "q.board=Good", "application/x-www-form-urlencoded");
    ASSERT_TRUE(answered);
    EXPECT_EQ(answered->status, 200) << answered->body;
    auto again = client.Post(link.c_str(), "q.board=Poor", "application/x-www-form-urlencoded");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 410);
    auto beyond = client.Get((link + "/anything").c_str());
    ASSERT_TRUE(beyond);
    EXPECT_EQ(beyond->status, 404);

    const nlohmann::json credentials{{"email", user.email}, {"password", testing::kTestPassword}};
    auto signed_in = client.Post("/api/session", credentials.dump(), "application/json");
    ASSERT_TRUE(signed_in);
    ASSERT_EQ(signed_in->status, 200) << signed_in->body;
    session_cookie = signed_in->get_header_value("Set-Cookie");
    server.stop();
    thread.join();  // the log lines of every request are written by now
  }

  const std::string text = log.text();
  // Logging was on: every request has its line, the survey ones with the path masked.
  EXPECT_EQ(occurrences(text, "GET /healthz 200"), 1u) << text;
  EXPECT_EQ(occurrences(text, "GET /respond/(token) 200"), 1u) << text;
  EXPECT_EQ(occurrences(text, "POST /respond/(token) 200"), 1u) << text;
  EXPECT_EQ(occurrences(text, "POST /respond/(token) 410"), 1u) << text;
  EXPECT_EQ(occurrences(text, "GET /respond/(token) 404"), 1u) << text;
  EXPECT_EQ(occurrences(text, "POST /api/session 200"), 1u) << text;
  // No part of a secret: not the token, nor its first half.
  EXPECT_EQ(text.find(token.substr(0, 32)), std::string::npos) << text;
  EXPECT_EQ(text.find(testing::kTestPassword), std::string::npos) << text;
  const auto equals = session_cookie.find('=');
  ASSERT_NE(equals, std::string::npos) << session_cookie;
  const std::string session_token = session_cookie.substr(equals + 1, 64);
  ASSERT_EQ(session_token.size(), 64u) << session_cookie;
  EXPECT_EQ(text.find(session_token.substr(0, 32)), std::string::npos) << text;
}

}  // namespace
}  // namespace clinaudit::http
