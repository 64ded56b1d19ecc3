// The real server on a loopback port: the transport in front of the App.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "http/server.hpp"
#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

// A client connection on a plain socket, for what httplib::Client will not send: a slow
// request, a chunked body of our choosing, a GET with a body.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the socket API takes a sockaddr
    if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("cannot connect to the test server");
    }
    // A bound that only catches a server that never answers.
    timeval wait{20, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False once the server has closed the connection.
  bool send(std::string_view data) {
    while (!data.empty()) {
      const auto sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }
  // Everything the server sends until it closes the connection (or 20 s of silence).
  std::string read_until_closed() {
    std::string received;
    char buffer[4096];
    for (;;) {
      const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) return received;
      received.append(buffer, static_cast<std::size_t>(got));
    }
  }

 private:
  int fd_;
};

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// The value of a response header in raw response text, or "".
std::string raw_header(const std::string& response, const std::string& name) {
  const auto at = response.find("\r\n" + name + ": ");
  if (at == std::string::npos) return {};
  const auto start = at + name.size() + 4;
  return response.substr(start, response.find("\r\n", start) - start);
}

ServerOptions test_options() {
  ServerOptions options;
  options.port = 0;
  options.max_connections = 32;
  options.log_requests = false;
  options.max_request_bytes = 64 * 1024;
  return options;
}

class Loopback : public ::testing::Test {
 protected:
  void SetUp() override { start(test_options()); }
  void start(const ServerOptions& options) {
    server_ = std::make_unique<Server>(world_.app(), options);
    auto port = server_->bind();
    ASSERT_TRUE(port) << port.error().message;
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->run(); });
    // Wait until it listens, or stop() can hang.
    while (!server_->running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  void TearDown() override {
    if (!server_) return;
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

TEST_F(Loopback, RefusesABodyOverTheLimitWithTheAppsErrorAndStaysUp) {
  auto c = client();
  const std::string big(128 * 1024, 'x');
  auto refused = c.Post("/api/session", big, "text/plain");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 413);
  EXPECT_FALSE(refused->get_header_value("Content-Security-Policy").empty());
  EXPECT_EQ(refused->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(nlohmann::json::parse(refused->body, nullptr, false)["error"]["code"], "invalid_input") << refused->body;
  auto page = client().Post("/login", big, "application/x-www-form-urlencoded");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 413);
  EXPECT_FALSE(page->get_header_value("Content-Security-Policy").empty());
  EXPECT_NE(page->body.find("<h1>There is a problem</h1>"), std::string::npos) << page->body;
  auto health = client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// Chunked framing has no length up front: the limit holds while the body is read.
TEST_F(Loopback, RefusesAChunkedBodyOverTheLimitAndStaysUp) {
  RawConnection connection(port_);
  ASSERT_TRUE(
      connection.send("POST /api/session HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                      "Transfer-Encoding: chunked\r\n\r\n"));
  // A JSON body, not a form, so that no limit on forms is what refuses it.
  const std::string chunk = "2000\r\n" + std::string(0x2000, ' ') + "\r\n";
  for (int i = 0; i < 16; ++i) {
    if (!connection.send(chunk)) break;  // the server may stop reading once over the limit
  }
  (void)connection.send("0\r\n\r\n");
  const std::string response = connection.read_until_closed();
  EXPECT_TRUE(starts_with(response, "HTTP/1.1 413")) << response.substr(0, 200);
  EXPECT_FALSE(raw_header(response, "Content-Security-Policy").empty()) << response.substr(0, 400);
  auto health = client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// A compressed body could inflate far beyond the limit; no route takes one.
TEST_F(Loopback, RefusesACompressedBody) {
  // "email=a%40b.example&password=x" compressed with gzip.
  const std::string gzipped(
      "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x4b\xcd\x4d\xcc\xcc\xb1\x4d\x54\x35\x31\x48\xd2\x4b\xad\x48\xcc\x2d"
      "\xc8\x49\x55\x2b\x48\x2c\x2e\x2e\xcf\x2f\x4a\xb1\xad\x00\x00\xcb\xfc\x49\x83\x1e\x00\x00\x00",
      50);
  auto refused = client().Post("/login", httplib::Headers{{"Content-Encoding", "gzip"}}, gzipped,
                               "application/x-www-form-urlencoded");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 415);
  EXPECT_FALSE(refused->get_header_value("Content-Security-Policy").empty());
  auto health = client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(Loopback, RefusesAGetWithABody) {
  RawConnection connection(port_);
  ASSERT_TRUE(connection.send(
      "GET /healthz HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
  const std::string response = connection.read_until_closed();
  EXPECT_TRUE(starts_with(response, "HTTP/1.1 400")) << response.substr(0, 200);
  EXPECT_FALSE(raw_header(response, "Content-Security-Policy").empty()) << response.substr(0, 400);
}

// A survey respondent's long free-text answers, or any form above 8 KiB, reach the route.
TEST_F(Loopback, AFormOfTwentyKilobytesReachesTheRoute) {
  const auto& user = world_.own().callers.at(domain::Role::clinical_lead).user;
  const std::string form = "email=" + url_encode(user.email) + "&password=" + url_encode(testing::kTestPassword) +
                           "&notes=" + std::string(20 * 1024, 'n');
  auto c = client();
  auto signed_in = c.Post("/login", form, "application/x-www-form-urlencoded");
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 303) << signed_in->body.substr(0, 300);
  EXPECT_FALSE(signed_in->get_header_value("Set-Cookie").empty());
}

// Clients that send a request a little at a time each hold a connection; they are cut off at
// the header time limit, and meanwhile the server still answers everyone else.
TEST_F(Loopback, SlowClientsAreCutOffAndDoNotStarveOthers) {
  TearDown();
  ServerOptions options = test_options();
  options.header_timeout = std::chrono::seconds(1);
  start(options);
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 12; ++i) {
    slow.push_back(std::make_unique<RawConnection>(port_));
    ASSERT_TRUE(slow.back()->send("GET /healthz HTTP/1.1\r\n"));
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done) {
      for (auto& connection : slow) (void)connection->send("X-Slow: a\r\n");
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  auto c = client();
  c.set_read_timeout(10, 0);  // only catches a server that no longer answers
  auto health = c.Get("/healthz");
  const std::string cut_off = slow.front()->read_until_closed();
  done = true;
  trickle.join();
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_TRUE(starts_with(cut_off, "HTTP/1.1 408")) << cut_off.substr(0, 200);
  EXPECT_FALSE(raw_header(cut_off, "Content-Security-Policy").empty()) << cut_off.substr(0, 400);
}

TEST_F(Loopback, ASlowBodyIsCutOffAtItsTimeLimit) {
  TearDown();
  ServerOptions options = test_options();
  options.body_timeout = std::chrono::seconds(1);
  start(options);
  RawConnection connection(port_);
  ASSERT_TRUE(
      connection.send("POST /login HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                      "Content-Length: 1000\r\n\r\nemail="));
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done && connection.send("a")) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  });
  const std::string response = connection.read_until_closed();
  done = true;
  trickle.join();
  EXPECT_TRUE(starts_with(response, "HTTP/1.1 408")) << response.substr(0, 200);
}

// A clock that fails, to see what the server answers when a handler throws.
// Clients that connect together are all queued by the kernel, even before the server accepts
// any: the listen backlog is the system's limit, not cpp-httplib's 5, beyond which a client's
// handshake is dropped and waits a second or more for TCP to try again (docs/performance.md).
// The server is bound but not run, so nothing is accepted; each connection either completes
// its handshake within two seconds or is one the backlog dropped.
TEST(ServerBacklog, FortyClientsConnectingTogetherAreAllQueued) {
  testing::TestWorld world;
  Server server(world.app(), test_options());
  const auto port = server.bind();
  ASSERT_TRUE(port) << port.error().message;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(*port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::vector<pollfd> clients;
  for (int i = 0; i < 40; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    ASSERT_GE(fd, 0);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the socket API takes a sockaddr
    const int started = ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    ASSERT_TRUE(started == 0 || errno == EINPROGRESS) << std::strerror(errno);
    clients.push_back(pollfd{fd, POLLOUT, 0});
  }
  int connected = 0;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  for (auto& client : clients) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (::poll(&client, 1, static_cast<int>(std::max<std::int64_t>(left.count(), 0))) == 1) {
      int error = 0;
      socklen_t length = sizeof error;
      ::getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &error, &length);
      if (error == 0) ++connected;
    }
  }
  for (const auto& client : clients) ::close(client.fd);
  EXPECT_EQ(connected, 40);
}

class BrokenClock final : public domain::Clock {
 public:
  Date today() const override { throw std::runtime_error("the clock failed"); }
  std::string now_iso() const override { throw std::runtime_error("the clock failed"); }
};

TEST(ServerFailure, AnUnexpectedErrorIsA500WithTheSecurityHeaders) {
  testing::TestWorld world;
  BrokenClock clock;
  App app(world.store(), clock, AppConfig{});
  Server server(app, test_options());
  auto port = server.bind();
  ASSERT_TRUE(port) << port.error().message;
  std::thread running([&] { (void)server.run(); });
  while (!server.running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  httplib::Client c("127.0.0.1", *port);
  const auto& caller = world.own().callers.at(domain::Role::clinical_lead);
  auto failed = c.Get("/api/dashboard", httplib::Headers{{"Cookie", std::string(kSessionCookie) + "=" + caller.token}});
  server.stop();
  running.join();
  ASSERT_TRUE(failed);
  EXPECT_EQ(failed->status, 500);
  EXPECT_FALSE(failed->get_header_value("Content-Security-Policy").empty());
  EXPECT_EQ(failed->get_header_value("X-Frame-Options"), "DENY");
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
