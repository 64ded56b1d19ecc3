// Small pieces of the web application: hashing, tokens, parsing.
#include <gtest/gtest.h>

#include <cstdint>
#include <set>

#include "http/board_meeting_json.hpp"
#include "http/error_response.hpp"
#include "http/redirect_target.hpp"
#include "http/request.hpp"
#include "http/sessions.hpp"

namespace clinaudit::http {
namespace {

// Found by fuzzing: the parser throws on a number too large for a double; the reader must
// report it as a problem instead.
TEST(BoardMeetingJson, ANumberTooLargeToHoldIsAProblemNotACrash) {
  const auto read = read_board_meeting_json(R"({"committee": "Trust Board", "held_on": 1e999})");
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_NE(read.problems[0].message.find("not valid JSON"), std::string::npos) << read.problems[0].message;
}

TEST(Request, ParsesFormsCookiesAndPercentEncoding) {
  const auto fields = parse_urlencoded("a=1&b=two+words&c=%2F%3F%26&d=&e");
  EXPECT_EQ(fields.at("a"), "1");
  EXPECT_EQ(fields.at("b"), "two words");
  EXPECT_EQ(fields.at("c"), "/?&");
  EXPECT_EQ(fields.at("d"), "");
  EXPECT_EQ(fields.at("e"), "");
  EXPECT_EQ(url_decode("100%"), "100%");
  EXPECT_EQ(url_encode("/audits?x=1"), "%2Faudits%3Fx%3D1");
  Request request;
  request.headers["cookie"] = "theme=dark; clinaudit_session=abc123; other=1";
  EXPECT_EQ(request.cookie("clinaudit_session"), "abc123");
  EXPECT_EQ(request.cookie("missing"), "");
}

TEST(Sessions, ExpiryIsComputedInUtc) {
  EXPECT_EQ(iso_plus_seconds("2026-01-15T10:00:00Z", std::int64_t{8} * 3600).value(), "2026-01-15T18:00:00Z");
  EXPECT_EQ(iso_plus_seconds("2026-12-31T20:30:15Z", std::int64_t{4} * 3600).value(), "2027-01-01T00:30:15Z");
  EXPECT_FALSE(iso_plus_seconds("yesterday", 1));
  const std::string cookie = session_cookie("tok", std::chrono::seconds(60), true);
  EXPECT_EQ(cookie, "clinaudit_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure");
  EXPECT_NE(session_cookie("", std::chrono::seconds(60), false).find("Max-Age=0"), std::string::npos);
}

TEST(ErrorResponse, EachCodeHasOneStatus) {
  EXPECT_EQ(http_status(ErrorCode::invalid_input), 400);
  EXPECT_EQ(http_status(ErrorCode::unauthenticated), 401);
  EXPECT_EQ(http_status(ErrorCode::forbidden), 403);
  EXPECT_EQ(http_status(ErrorCode::not_found), 404);
  EXPECT_EQ(http_status(ErrorCode::conflict), 409);
  EXPECT_EQ(http_status(ErrorCode::internal), 500);
  EXPECT_EQ(http_status(ErrorCode::not_implemented), 501);
  EXPECT_EQ(http_status(ErrorCode::storage_unavailable), 503);
  EXPECT_EQ(error_json(Error{ErrorCode::conflict, "taken"}),
            R"({"error":{"code":"conflict","details":null,"message":"taken"}})");
}

TEST(RedirectTarget, KeepsAPathOnThisSite) {
  EXPECT_EQ(local_redirect_target("/actions"), "/actions");
  EXPECT_EQ(local_redirect_target("/audits/12?year=2025/26#measures"), "/audits/12?year=2025/26#measures");
  EXPECT_EQ(local_redirect_target("/reports/quality-account%3Fdraft"), "/reports/quality-account%3Fdraft");
  EXPECT_EQ(local_redirect_target("/"), "/");
}

// Each of these leads a browser to another host, or is not a plain path: all go to "/".
// (The request parser has already decoded the query or form once, so "%09" arrives as a tab.)
TEST(RedirectTarget, SendsEverythingElseHome) {
  for (const std::string& attack : {std::string("/\t/evil.example/phish"),
                                    std::string("/%09/evil.example/phish"),
                                    std::string("//evil.example"),
                                    std::string("/\\evil.example"),
                                    std::string("/%5Cevil.example"),
                                    std::string("/%5cevil.example"),
                                    std::string("%2F%2Fevil.example"),
                                    std::string("/%2F/evil.example"),
                                    std::string("/%2f%2fevil.example"),
                                    std::string("/%252F%252Fevil.example"),
                                    std::string("http://evil.example"),
                                    std::string("https:evil.example"),
                                    std::string("javascript:alert(1)"),
                                    std::string("evil.example"),
                                    std::string("/\n/evil.example"),
                                    std::string("/\r\n/evil.example"),
                                    std::string("/%0A/evil.example"),
                                    std::string("/%0d%0aSet-Cookie:x=y"),
                                    std::string(" /evil.example"),
                                    std::string("/ /evil.example"),
                                    std::string("\t//evil.example"),
                                    std::string("/actions\\..\\..\\evil"),
                                    std::string("/a\x7f"),
                                    std::string("/caf\xc3\xa9"),
                                    std::string("/%"),
                                    std::string("/%zz"),
                                    std::string(""),
                                    std::string("/\0/evil.example", 15)}) {
    EXPECT_EQ(local_redirect_target(attack), "/") << "'" << attack << "'";
  }
}

}  // namespace
}  // namespace clinaudit::http
