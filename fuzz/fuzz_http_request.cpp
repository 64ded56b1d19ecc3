// libFuzzer target for the HTTP request path, from the bytes a client sends to the answer:
// httplib's parsing of the request line and headers, the transport's limits (body size,
// framing, encodings), the reading of url-encoded, multipart and JSON bodies into a Request
// (headers, cookies, query), and App::handle with its session, role and CSRF checks, on a
// small world in a temporary SQLite file. Any input must be answered or dropped, never crash,
// and every answer must carry the security headers.
//
// In an input, @session@ and @csrf@ stand for a signed-in audit manager's session token and
// CSRF token, so that the fuzzer reaches the routes behind the sign-in.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/server.hpp"
#include "http/testing/test_world.hpp"

namespace {

using namespace clinaudit;

struct Harness {
  http::testing::TestWorld world;
  http::Server server{world.app(), [] {
                        http::ServerOptions options;
                        options.log_requests = false;
                        options.max_request_bytes = 64 * 1024;
                        return options;
                      }()};
};

Harness& harness() {
  static Harness h;
  return h;
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Harness& h = harness();
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libFuzzer hands over bytes
  std::string input(reinterpret_cast<const char*>(data), size);
  const auto& manager = h.world.own().callers.at(domain::Role::audit_manager);
  replace_all(input, "@session@", manager.token);
  replace_all(input, "@csrf@", manager.csrf);
  const std::string answer = h.server.serve_bytes(input);
  // What the server writes starts with a full response carrying the security headers (after
  // an interim 100 Continue).
  std::string_view rest = answer;
  if (rest.rfind("HTTP/1.1 100 ", 0) == 0) rest.remove_prefix(std::min(rest.size(), rest.find("\r\n\r\n") + 4));
  if (!rest.empty()) {
    const auto head_end = rest.find("\r\n\r\n");
    if (rest.rfind("HTTP/1.1 ", 0) != 0 || head_end == std::string_view::npos) std::abort();
    if (rest.substr(0, head_end).find("\r\nContent-Security-Policy: ") == std::string_view::npos) std::abort();
  }
  return 0;
}
