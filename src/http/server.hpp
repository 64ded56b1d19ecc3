#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "http/app.hpp"

namespace clinaudit::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;  // 0: any free port (tests)
  // Worker threads. Each keep-alive connection holds a worker while it is open, so this
  // should be at least the number of concurrent connections expected (docs/performance.md).
  std::size_t threads = 64;
  // The STYLE.md settings: TCP_NODELAY and long keep-alive. Off only to measure the defaults.
  bool tuned = true;
  std::size_t keep_alive_max_count = 10000;
  std::size_t max_request_bytes = std::size_t{60} * 1024 * 1024;
  bool log_requests = true;
};

// The HTTP transport: cpp-httplib in front of an App. Every request goes through
// App::handle; responses are gzip-compressed when the client accepts it (text and JSON).
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

  // Serves until SIGINT or SIGTERM, then finishes the requests in flight and returns.
  // Call from the main thread before any other thread starts.
  Result<void> run_until_signalled();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clinaudit::http
