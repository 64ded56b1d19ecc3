#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "http/app.hpp"

namespace clinaudit::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // Connections served at once. A thread serves each open connection; threads start as
  // connections arrive, up to this number. Beyond it a connection waits until one ends, and
  // the idle keep-alive connections are closed to make room (docs/operations.md).
  std::size_t max_connections = 256;
  // Requests the App answers at once (HandlingGate); the others wait their turn, first come,
  // first served. About twice the cores: fewer leaves a core idle while the next request's
  // thread wakes, more only divides the cores between more requests.
  std::size_t handling_slots = 4;
  // The STYLE.md settings: TCP_NODELAY and long keep-alive. Off only to measure the defaults.
  bool tuned = true;
  std::size_t keep_alive_max_count = 10000;
  // The largest request body, whatever its framing (Content-Length or chunked): 413 beyond.
  std::size_t max_request_bytes = std::size_t{60} * 1024 * 1024;
  // Time limits for a whole request, however slowly it trickles in: 408 and the connection
  // closed. The request line and headers, then the body; and how long an idle keep-alive
  // connection waits for its next request.
  std::chrono::milliseconds header_timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds body_timeout{std::chrono::seconds(120)};
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(5)};
  bool log_requests = true;
};

// The HTTP transport: cpp-httplib in front of an App. Every request goes through
// App::handle; responses are gzip-compressed when the client accepts it (text and JSON).
// The transport refuses, before reading a body, a body over max_request_bytes (413), a
// compressed body (415) and a GET or HEAD with a body (400); a request too slow to arrive gets
// 408 and headers over 64 KiB 431. Every refusal, and a handler's unexpected exception (500),
// is answered with the App's error page or JSON error and its security headers.
// Not copyable. bind() then run() on one thread; stop() from any thread.
class Server {
 public:
  Server(App& app, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port. Errors: invalid_input when the address
  // cannot be bound (in use, not local).
  Result<int> bind();
  // Serves until stop(). Errors: internal when the listening loop fails.
  Result<void> run();
  void stop();
  bool running() const;
  // Serves the requests in `received` as if they came on one connection, without a socket,
  // and returns what the server sends back (fuzzing, tests).
  std::string serve_bytes(std::string_view received);

  // Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
  // Call from the main thread before any other thread starts.
  Result<void> run_until_signalled();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clinaudit::http
