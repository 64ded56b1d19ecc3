#include "http/server.hpp"

#include <httplib.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <atomic>
#include <cctype>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/connection.hpp"
#include "http/connection_pool.hpp"
#include "http/handling_gate.hpp"

namespace clinaudit::http {

namespace {

// The request line and headers together; cookies and tokens fit many times over.
constexpr std::size_t kMaxHeaderBytes = std::size_t{64} * 1024;

std::string lower_case(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The request without its body: method, path, query and headers.
Request request_head(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  out.path = in.path;
  out.remote_addr = in.remote_addr;
  for (const auto& [name, value] : in.headers) out.headers[lower_case(name)] = value;
  // Query parameters come from the target only (httplib also holds form fields here).
  const auto question = in.target.find('?');
  if (question != std::string::npos) {
    for (auto& [key, value] : parse_urlencoded(std::string_view(in.target).substr(question + 1))) {
      out.query.emplace(key, value);
    }
  }
  return out;
}

// The request with its body read as a form (url-encoded or multipart), JSON or raw bytes.
Request to_request(const httplib::Request& in, std::string body, std::vector<httplib::MultipartFormData> parts) {
  Request out = request_head(in);
  const std::string type = out.header("content-type");
  if (in.is_multipart_form_data()) {
    for (auto& part : parts) {
      if (part.filename.empty()) {
        out.fields[part.name] = std::move(part.content);
      } else {
        out.files[part.name] =
            UploadedFile{std::move(part.filename), std::move(part.content_type), std::move(part.content)};
      }
    }
  } else if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    out.fields = parse_urlencoded(body);
  } else if (type.rfind("application/json", 0) == 0) {
    nlohmann::json json;
    try {
      json = nlohmann::json::parse(body, nullptr, false);
    } catch (const nlohmann::json::exception&) {
      // Even without exceptions for syntax errors the parser throws on a number too large to
      // hold (1e999): such a body has no fields, and the route says what is missing.
      json = nlohmann::json::value_t::discarded;
    }
    if (json.is_object()) {
      for (const auto& [key, value] : json.items()) {
        if (value.is_string()) {
          out.fields[key] = value.get<std::string>();
        } else if (value.is_boolean()) {
          out.fields[key] = value.get<bool>() ? "true" : "false";
        } else if (value.is_number()) {
          out.fields[key] = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
      }
    }
    out.body = std::move(body);  // for routes that read nested JSON (POST /api/board-meetings)
  } else {
    out.body = std::move(body);
  }
  return out;
}

void to_httplib(const Response& response, httplib::Response& out) {
  out.status = response.status;
  for (const auto& [name, value] : response.headers) out.set_header(name.c_str(), value);
  if (!response.body.empty() || response.status != 303) out.set_content(response.body, response.content_type.c_str());
}

std::string size_in_words(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  if (bytes % (kKiB * kKiB) == 0) return std::to_string(bytes / (kKiB * kKiB)) + " MiB";
  if (bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

// What a request refused by the transport is told.
std::string refusal_message(int status, std::size_t max_request_bytes) {
  switch (status) {
    case 408: return "the request took too long to arrive; try again";
    case 413: return "the request is larger than the limit of " + size_in_words(max_request_bytes);
    case 414: return "the address is too long";
    case 415: return "the request body is compressed; send it without a Content-Encoding";
    case 416: return "the requested range is not valid";
    case 431: return "the request's headers are larger than the limit of " + size_in_words(kMaxHeaderBytes);
    case 500: return "unexpected error";
    default: return "the request could not be read";
  }
}

// An all-digits Content-Length; nullopt when it is not one.
std::optional<std::uint64_t> content_length(const std::string& text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

bool carries_body(const std::string& method) { return method == "POST" || method == "PUT" || method == "DELETE"; }

// One request on its connection. httplib's handlers see only the request, and a connection
// is served on one thread from start to end, so the handlers find it here.
struct Exchange {
  Connection& connection;
  bool close = false;  // the request's body may be left unread: close once answered
};
thread_local Exchange* current_exchange = nullptr;

}  // namespace

// cpp-httplib's server with clinaudit's connection handling: each connection served by its
// own loop (Transport::serve) with time limits per request, bodies read by the handler with the
// size limit whatever their framing, and every refusal answered by the App's error page.
class Transport final : public httplib::Server {
 public:
  Transport(App& app, ServerOptions options);

  // Serves the requests of one connection, one after another. Returns whether the client may
  // still be sending (a refused or cut-off request).
  bool serve(Connection& connection);
  void shut_down() {
    stopping_ = true;
    stop();
  }
  const ServerOptions& options() const { return options_; }
  // Debian's cpp-httplib is a compiled library that listens with a backlog of 5: when more
  // clients connect at once (64 board members opening the dashboard, a load balancer's pool)
  // the kernel drops their handshakes and each waits a second or more for TCP to try again.
  // Listening again on the bound socket raises the backlog to the system's limit.
  bool widen_backlog() { return ::listen(svr_sock_, SOMAXCONN) == 0; }

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Before any body is read: refuses what the limits forbid.
  HandlerResponse screen(const httplib::Request& in, httplib::Response& out);
  void answer_with_body(const httplib::Request& in, httplib::Response& out, const httplib::ContentReader& reader);
  void refuse(const httplib::Request& in, httplib::Response& out, int status);
  bool crowded() const {
    const ConnectionPool* pool = pool_.load();
    return pool != nullptr && pool->connections_waiting();
  }

  // The App's answer, computed with a slot of the gate held.
  Response handle(const Request& request) {
    const HandlingGate::Pass pass(gate_);
    return app_.handle(request);
  }

  App& app_;
  ServerOptions options_;
  HandlingGate gate_;
  std::atomic<ConnectionPool*> pool_{nullptr};
  std::atomic<bool> stopping_{false};
};

Transport::Transport(App& app, ServerOptions options)
    : app_(app), options_(std::move(options)), gate_(options_.handling_slots) {
  new_task_queue = [this] {
    auto* pool = new ConnectionPool(options_.max_connections);
    pool_ = pool;
    return pool;
  };
  if (options_.tuned) {
    set_tcp_nodelay(true);
    set_keep_alive_max_count(options_.keep_alive_max_count);
  }
  set_keep_alive_timeout(std::chrono::ceil<std::chrono::seconds>(options_.idle_timeout).count());
  set_payload_max_length(options_.max_request_bytes);
  set_read_timeout(30, 0);
  set_write_timeout(30, 0);
  set_pre_routing_handler([this](const httplib::Request& in, httplib::Response& out) { return screen(in, out); });
  const char* any = ".*";
  Get(any, [this](const httplib::Request& in, httplib::Response& out) { to_httplib(handle(request_head(in)), out); });
  const auto with_body = [this](const httplib::Request& in, httplib::Response& out,
                                const httplib::ContentReader& reader) { answer_with_body(in, out, reader); };
  Post(any, with_body);
  Put(any, with_body);
  Delete(any, with_body);
  // httplib's own refusals (a malformed request line, a cut-off header) have no body yet;
  // the App's answers always carry its security headers and stay as they are.
  set_error_handler(HandlerWithResponse([this](const httplib::Request& in, httplib::Response& out) {
    if (out.has_header("Content-Security-Policy")) return HandlerResponse::Unhandled;
    int status = out.status;
    if (current_exchange != nullptr && current_exchange->connection.timed_out()) status = 408;
    if (current_exchange != nullptr && current_exchange->connection.headers_too_large()) status = 431;
    refuse(in, out, status);
    return HandlerResponse::Handled;
  }));
  set_exception_handler(
      [this](const httplib::Request& in, httplib::Response& out, const std::exception_ptr&) { refuse(in, out, 500); });
  set_post_routing_handler([](const httplib::Request&, httplib::Response& out) {
    if (current_exchange == nullptr || !current_exchange->close) return;
    out.headers.erase("Keep-Alive");
    out.headers.erase("Connection");
    out.set_header("Connection", "close");
  });
  if (options_.log_requests) {
    set_logger([](const httplib::Request& in, const httplib::Response& out) {
      // A survey link's token is its respondent's credential: it never goes into the log.
      const std::string_view path =
          in.path.rfind("/respond/", 0) == 0 ? std::string_view("/respond/(token)") : std::string_view(in.path);
      spdlog::info("{} {} {} {} {}B", in.remote_addr, in.method, path, out.status, out.body.size());
    });
  }
}

bool Transport::process_and_close_socket(socket_t sock) {
  SocketConnection connection(sock, std::chrono::seconds(read_timeout_sec_), std::chrono::seconds(write_timeout_sec_));
  connection.close(serve(connection));
  return true;
}

bool Transport::serve(Connection& connection) {
  // An idle keep-alive connection gives its thread up when another connection is waiting.
  const auto give_up = [this] { return stopping_ || svr_sock_ == INVALID_SOCKET || crowded(); };
  for (std::size_t served = 0; served < keep_alive_max_count_; ++served) {
    if (!connection.wait_for_request(options_.idle_timeout, give_up)) return false;
    Exchange exchange{connection};
    current_exchange = &exchange;
    connection.start_request(Connection::Clock::now() + options_.header_timeout, kMaxHeaderBytes);
    const bool last = served + 1 == keep_alive_max_count_ || give_up();
    bool client_closes = false;
    const bool answered = process_request(connection, last, client_closes, nullptr);
    current_exchange = nullptr;
    if (!answered && connection.timed_out() && connection.sent() == 0) {
      // Cut off in the request line, before httplib could answer anything.
      Request unknown;
      const Response response = app_.refusal(unknown, 408, refusal_message(408, options_.max_request_bytes));
      std::string wire = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + response.content_type + "\r\n";
      for (const auto& [name, value] : response.headers) wire += name + ": " + value + "\r\n";
      wire += "Content-Length: " + std::to_string(response.body.size()) + "\r\nConnection: close\r\n\r\n";
      wire += response.body;
      (void)connection.write(wire.data(), wire.size());
    }
    if (!answered || client_closes || last || exchange.close) return exchange.close || connection.timed_out();
  }
  return false;
}

httplib::Server::HandlerResponse Transport::screen(const httplib::Request& in, httplib::Response& out) {
  if (current_exchange != nullptr) {
    current_exchange->connection.start_body(Connection::Clock::now() + options_.body_timeout);
  }
  const bool chunked = in.has_header("Transfer-Encoding");
  const bool has_length = in.has_header("Content-Length");
  const auto length = content_length(in.get_header_value("Content-Length"));
  const bool has_body = chunked || (has_length && length != std::uint64_t{0});
  const std::string encoding = lower_case(in.get_header_value("Content-Encoding"));
  if (in.method != "GET" && in.method != "HEAD" && !carries_body(in.method)) {
    // Methods no route answers: the App says so (405 or 404); a body is left unread.
    if (has_body && current_exchange != nullptr) current_exchange->close = true;
    to_httplib(handle(request_head(in)), out);
    return HandlerResponse::Handled;
  }
  int refused = 0;
  if (!encoding.empty() && encoding != "identity") {
    refused = 415;  // a compressed body could inflate far beyond the limit; no route takes one
  } else if ((has_length && !length) ||
             (chunked && (has_length || lower_case(in.get_header_value("Transfer-Encoding")) != "chunked")) ||
             (!carries_body(in.method) && has_body)) {
    // A length that is not a number, framing that could be read two ways, or a GET or HEAD
    // with a body.
    refused = 400;
  } else if (length && *length > options_.max_request_bytes) {
    refused = 413;
  }
  if (refused == 0) return HandlerResponse::Unhandled;
  refuse(in, out, refused);
  return HandlerResponse::Handled;
}

void Transport::answer_with_body(const httplib::Request& in, httplib::Response& out,
                                 const httplib::ContentReader& reader) {
  // Only a Content-Length or chunked framing announces a body (RFC 9112, 6.3).
  const bool framed = in.has_header("Content-Length") || in.has_header("Transfer-Encoding");
  const std::size_t limit = options_.max_request_bytes;
  constexpr std::size_t kMaxParts = 1024;
  std::size_t total = 0;
  bool over = false;
  const auto count = [&](std::size_t bytes) {
    total += bytes;
    over = total > limit;
    return !over;
  };
  std::string body;
  std::vector<httplib::MultipartFormData> parts;
  bool read = true;
  if (framed && in.is_multipart_form_data()) {
    read = reader(
        [&](const httplib::MultipartFormData& part) {
          if (parts.size() == kMaxParts) over = true;
          if (over || !count(part.name.size() + part.filename.size() + part.content_type.size())) return false;
          parts.push_back(part);
          return true;
        },
        [&](const char* data, std::size_t size) {
          if (!count(size)) return false;
          parts.back().content.append(data, size);
          return true;
        });
  } else if (framed) {
    read = reader([&](const char* data, std::size_t size) {
      if (!count(size)) return false;
      body.append(data, size);
      return true;
    });
  }
  if (!read) {
    const bool late = current_exchange != nullptr && current_exchange->connection.timed_out();
    refuse(in, out, over ? 413 : late ? 408 : 400);
    return;
  }
  to_httplib(handle(to_request(in, std::move(body), std::move(parts))), out);
}

void Transport::refuse(const httplib::Request& in, httplib::Response& out, int status) {
  if (current_exchange != nullptr) current_exchange->close = true;
  out = httplib::Response{};
  out.version = "HTTP/1.1";
  to_httplib(app_.refusal(request_head(in), status, refusal_message(status, options_.max_request_bytes)), out);
}

struct Server::Impl {
  Impl(App& app, ServerOptions options) : transport(app, std::move(options)) {}
  Transport transport;
  int port = 0;
};

Server::Server(App& app, ServerOptions options) : impl_(std::make_unique<Impl>(app, std::move(options))) {}

Server::~Server() { stop(); }

Result<int> Server::bind() {
  const auto& o = impl_->transport.options();
  if (o.port == 0) {
    impl_->port = impl_->transport.bind_to_any_port(o.bind);
    if (impl_->port <= 0) return Error{ErrorCode::invalid_input, "cannot listen on " + o.bind};
  } else {
    if (!impl_->transport.bind_to_port(o.bind, o.port)) {
      return Error{ErrorCode::invalid_input,
                   "cannot listen on " + o.bind + ":" + std::to_string(o.port) + " (in use, or not an address here)"};
    }
    impl_->port = o.port;
  }
  if (!impl_->transport.widen_backlog()) {
    return Error{ErrorCode::internal, "cannot listen on " + o.bind + " with a backlog of " + std::to_string(SOMAXCONN)};
  }
  return impl_->port;
}

Result<void> Server::run() {
  if (!impl_->transport.listen_after_bind()) return Error{ErrorCode::internal, "the server stopped listening"};
  return {};
}

void Server::stop() {
  if (impl_ && impl_->transport.is_running()) impl_->transport.shut_down();
}

bool Server::running() const { return impl_->transport.is_running(); }

std::string Server::serve_bytes(std::string_view received) {
  MemoryConnection connection(received);
  (void)impl_->transport.serve(connection);
  return connection.output();
}

Result<void> Server::run_until_signalled() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread started from here inherits the mask
  std::thread watcher([this, signals] {
    int received = 0;
    sigwait(&signals, &received);
    if (received != 0) {
      spdlog::info("signal {} received: finishing requests in flight and stopping", received);
      // httplib::Server::stop() may be called before listen has started; wait until it runs.
      while (!impl_->transport.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      impl_->transport.shut_down();
    }
  });
  auto result = run();
  if (watcher.joinable()) {
    // When the loop ended without a signal, wake the watcher.
    // SIGTERM is blocked in every thread and only wakes the watcher's sigwait(); no thread ends.
    if (!result) pthread_kill(watcher.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
    watcher.join();
  }
  return result;
}

}  // namespace clinaudit::http
