// What signing in promises (docs/security.md, "Sessions"; README, "TLS"): the session cookie
// is HttpOnly and SameSite=Strict, and Secure exactly when the request came through a TLS
// proxy (X-Forwarded-Proto: https) or the server runs with --secure-cookies; the demo
// accounts appear on the sign-in page in demo mode only.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

// A request from the reverse proxy on the same machine, as in the documented deployment.
Request request(const std::string& method, const std::string& path, std::map<std::string, std::string> headers = {},
                std::map<std::string, std::string> fields = {}) {
  Request out;
  out.method = method;
  out.path = path;
  out.remote_addr = "127.0.0.1";
  out.headers = std::move(headers);
  out.fields = std::move(fields);
  return out;
}

std::map<std::string, std::string> credentials(const domain::User& user) {
  return {{"email", user.email}, {"password", testing::kTestPassword}};
}

// The attributes of a Set-Cookie value after "name=value", split at "; ".
std::vector<std::string> cookie_attributes(const std::string& cookie) {
  std::vector<std::string> out;
  std::size_t start = cookie.find("; ");
  while (start != std::string::npos) {
    const std::size_t next = cookie.find("; ", start + 2);
    out.push_back(cookie.substr(start + 2, next == std::string::npos ? std::string::npos : next - start - 2));
    start = next;
  }
  return out;
}

bool has_attribute(const std::string& cookie, const std::string& attribute) {
  for (const auto& a : cookie_attributes(cookie)) {
    if (a == attribute) return true;
  }
  return false;
}

// The cookie of a successful sign-in through the form, with the attributes every session
// cookie carries whatever the transport.
std::string sign_in_cookie(App& app, const domain::User& user, std::map<std::string, std::string> headers) {
  const Response response = app.handle(request("POST", "/login", std::move(headers), credentials(user)));
  EXPECT_EQ(response.status, 303) << response.body.substr(0, 300);
  std::string cookie = response.header("Set-Cookie");
  EXPECT_EQ(cookie.rfind(std::string(kSessionCookie) + "=", 0), 0u) << cookie;
  EXPECT_TRUE(has_attribute(cookie, "HttpOnly")) << cookie;
  EXPECT_TRUE(has_attribute(cookie, "SameSite=Strict")) << cookie;
  EXPECT_TRUE(has_attribute(cookie, "Path=/")) << cookie;
  EXPECT_TRUE(has_attribute(cookie, "Max-Age=28800")) << cookie;  // the 8-hour session lifetime
  return cookie;
}

TEST(SignIn, OverPlainHttpTheCookieIsNotSecure) {
  TestWorld world;
  const auto& user = world.own().callers.at(Role::audit_manager).user;
  EXPECT_FALSE(has_attribute(sign_in_cookie(world.app(), user, {}), "Secure"));
  // A proxy that says the request came over plain http is not TLS either.
  EXPECT_FALSE(has_attribute(sign_in_cookie(world.app(), user, {{"x-forwarded-proto", "http"}}), "Secure"));
}

TEST(SignIn, BehindATlsProxyTheCookieIsSecure) {
  TestWorld world;
  const auto& user = world.own().callers.at(Role::audit_manager).user;
  const std::string cookie = sign_in_cookie(world.app(), user, {{"x-forwarded-proto", "https"}});
  EXPECT_TRUE(has_attribute(cookie, "Secure")) << cookie;

  // The JSON sign-in and both sign-outs mark their cookies the same way.
  const Response api =
      world.app().handle(request("POST", "/api/session", {{"x-forwarded-proto", "https"}}, credentials(user)));
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_TRUE(has_attribute(api.header("Set-Cookie"), "Secure")) << api.header("Set-Cookie");
  EXPECT_TRUE(has_attribute(api.header("Set-Cookie"), "HttpOnly")) << api.header("Set-Cookie");

  auto& caller = world.own().callers.at(Role::clinical_lead);
  Request out = request("POST", "/logout",
                        {{"x-forwarded-proto", "https"}, {"cookie", std::string(kSessionCookie) + "=" + caller.token}},
                        {{"csrf", caller.csrf}});
  const Response signed_out = world.app().handle(out);
  ASSERT_EQ(signed_out.status, 303);
  EXPECT_TRUE(has_attribute(signed_out.header("Set-Cookie"), "Secure")) << signed_out.header("Set-Cookie");
  EXPECT_TRUE(has_attribute(signed_out.header("Set-Cookie"), "Max-Age=0")) << signed_out.header("Set-Cookie");
}

TEST(SignIn, WithSecureCookiesTheCookieIsAlwaysSecure) {
  TestWorld world;
  AppConfig config;
  config.secure_cookies = true;  // clinaudit serve --secure-cookies
  App app(world.store(), world.clock(), config);
  const auto& user = world.own().callers.at(Role::board_member).user;
  for (const std::map<std::string, std::string>& headers :
       {std::map<std::string, std::string>{}, {{"x-forwarded-proto", "http"}}, {{"x-forwarded-proto", "https"}}}) {
    const std::string cookie = sign_in_cookie(app, user, headers);
    EXPECT_TRUE(has_attribute(cookie, "Secure")) << cookie;
  }
  const Response api = app.handle(request("POST", "/api/session", {}, credentials(user)));
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_TRUE(has_attribute(api.header("Set-Cookie"), "Secure")) << api.header("Set-Cookie");
}

TEST(SignIn, TheDemoAccountsAreListedInDemoModeOnly) {
  TestWorld world;
  // Two accounts as `serve --demo` passes them (its list comes from demo::demo_logins).
  const std::vector<DemoLogin> logins{
      {"lead.demo@example.nhs.uk", "demo-password-one", domain::Role::clinical_lead, "Z01"},
      {"board.demo@example.nhs.uk", "demo-password-two", domain::Role::board_member, "Z01"}};

  // The server's own configuration outside demo mode.
  const Response plain = world.call("GET", "/login", nullptr);
  ASSERT_EQ(plain.status, 200);
  // Even when the accounts are known to the configuration, only demo mode shows them.
  AppConfig not_demo;
  not_demo.demo_logins = logins;
  App app(world.store(), world.clock(), not_demo);
  const Response known = app.handle(request("GET", "/login"));
  ASSERT_EQ(known.status, 200);
  for (const Response* page : {&plain, &known}) {
    EXPECT_FALSE(contains(page->body, "Demo accounts")) << page->body;
    for (const auto& login : logins) {
      EXPECT_FALSE(contains(page->body, login.email)) << login.email;
      EXPECT_FALSE(contains(page->body, login.password)) << login.email;
    }
  }

  AppConfig demo;
  demo.demo = true;
  demo.demo_logins = logins;
  App demo_app(world.store(), world.clock(), demo);
  const Response listed = demo_app.handle(request("GET", "/login"));
  ASSERT_EQ(listed.status, 200);
  EXPECT_TRUE(contains(listed.body, "Demo accounts"));
  for (const auto& login : logins) {
    EXPECT_TRUE(contains(listed.body, login.email)) << login.email;
    EXPECT_TRUE(contains(listed.body, login.password)) << login.email;
  }
}

}  // namespace
}  // namespace clinaudit::http
