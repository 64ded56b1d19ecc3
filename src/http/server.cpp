#include "http/server.hpp"

#include <httplib.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <thread>

namespace clinaudit::http {

namespace {

Request to_request(const httplib::Request& in) {
  Request out;
  out.method = in.method;
  out.path = in.path;
  out.remote_addr = in.remote_addr;
  for (const auto& [name, value] : in.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[lower] = value;
  }
  const std::string type = out.header("content-type");
  if (in.is_multipart_form_data()) {
    for (const auto& [name, part] : in.files) {
      if (part.filename.empty()) {
        out.fields[name] = part.content;
      } else {
        out.files[name] = UploadedFile{part.filename, part.content_type, part.content};
      }
    }
  } else if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
    out.fields = parse_urlencoded(in.body);
  } else if (type.rfind("application/json", 0) == 0) {
    out.body = in.body;  // for routes that read nested JSON (POST /api/board-meetings)
    nlohmann::json json;
    try {
      json = nlohmann::json::parse(in.body, nullptr, false);
    } catch (const nlohmann::json::exception&) {
      // Even without exceptions for syntax errors the parser throws on a number too large to
      // hold (1e999): such a body has no fields, and the route says what is missing.
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
  } else {
    out.body = in.body;
  }
  // Query parameters come from the target only (httplib also holds form fields here).
  const auto question = in.target.find('?');
  if (question != std::string::npos) {
    for (auto& [key, value] : parse_urlencoded(std::string_view(in.target).substr(question + 1))) {
      out.query.emplace(key, value);
    }
  }
  return out;
}

}  // namespace

struct Server::Impl {
  Impl(App& a, ServerOptions o) : app(a), options(std::move(o)) {}
  App& app;
  ServerOptions options;
  httplib::Server server;
  int port = 0;
};

Server::Server(App& app, ServerOptions options) : impl_(std::make_unique<Impl>(app, std::move(options))) {
  auto& server = impl_->server;
  const auto threads = impl_->options.threads;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  if (impl_->options.tuned) {
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(impl_->options.keep_alive_max_count);
  }
  server.set_payload_max_length(impl_->options.max_request_bytes);
  server.set_read_timeout(30, 0);
  server.set_write_timeout(30, 0);
  const auto dispatch = [this](const httplib::Request& in, httplib::Response& out) {
    const Response response = impl_->app.handle(to_request(in));
    out.status = response.status;
    for (const auto& [name, value] : response.headers) out.set_header(name.c_str(), value);
    if (!response.body.empty() || response.status != 303) out.set_content(response.body, response.content_type.c_str());
  };
  const char* any = ".*";
  server.Get(any, dispatch);
  server.Post(any, dispatch);
  server.Put(any, dispatch);
  server.Delete(any, dispatch);
  server.set_exception_handler([](const httplib::Request&, httplib::Response& out, const std::exception_ptr&) {
    out.status = 500;
    out.set_content(R"({"error":{"code":"internal","message":"unexpected error","details":null}})", "application/json");
  });
  if (impl_->options.log_requests) {
    server.set_logger([](const httplib::Request& in, const httplib::Response& out) {
      // A survey link's token is its respondent's credential: it never goes into the log.
      const std::string_view path =
          in.path.rfind("/respond/", 0) == 0 ? std::string_view("/respond/(token)") : std::string_view(in.path);
      spdlog::info("{} {} {} {} {}B", in.remote_addr, in.method, path, out.status, out.body.size());
    });
  }
}

Server::~Server() { stop(); }

Result<int> Server::bind() {
  auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(o.bind);
    if (impl_->port <= 0) return Error{ErrorCode::invalid_input, "cannot listen on " + o.bind};
  } else {
    if (!impl_->server.bind_to_port(o.bind, o.port)) {
      return Error{ErrorCode::invalid_input,
                   "cannot listen on " + o.bind + ":" + std::to_string(o.port) + " (in use, or not an address here)"};
    }
    impl_->port = o.port;
  }
  return impl_->port;
}

Result<void> Server::run() {
  if (!impl_->server.listen_after_bind()) return Error{ErrorCode::internal, "the server stopped listening"};
  return {};
}

void Server::stop() {
  if (impl_ && impl_->server.is_running()) impl_->server.stop();
}

bool Server::running() const { return impl_->server.is_running(); }

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
      while (!impl_->server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      impl_->server.stop();
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
