// Small pieces of the web application: hashing, tokens, rate limits, parsing.
#include <gtest/gtest.h>

#include <set>

#include "http/board_meeting_json.hpp"
#include "http/error_response.hpp"
#include "http/password.hpp"
#include "http/random_token.hpp"
#include "http/rate_limiter.hpp"
#include "http/redirect_target.hpp"
#include "http/request.hpp"
#include "http/sessions.hpp"
#include "http/sha256.hpp"

namespace clinaudit::http {
namespace {

// Found by fuzzing: the parser throws on a number too large for a double; the reader must
// report it as a problem instead.
TEST(BoardMeetingJson, ANumberTooLargeToHoldIsAProblemNotACrash) {
  const auto read = read_board_meeting_json(R"({"committee": "Trust Board", "held_on": 1e999})");
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_NE(read.problems[0].message.find("not valid JSON"), std::string::npos) << read.problems[0].message;
}

TEST(Sha256, MatchesTheFipsExamples) {
  // FIPS 180-4 examples (NIST CSRC "SHA256.pdf").
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(RandomToken, Is256BitsOfHexAndDiffersEachTime) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    auto token = random_hex(32);
    ASSERT_TRUE(token);
    EXPECT_EQ(token->size(), 64u);
    EXPECT_EQ(token->find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(*token);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(Password, HashesWithArgon2idAndVerifies) {
  auto hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << *hash;
  EXPECT_TRUE(verify_password("correct horse battery", *hash));
  EXPECT_FALSE(verify_password("correct horse batterz", *hash));
  EXPECT_FALSE(verify_password("anything", "not a hash"));
  auto again = hash_password("correct horse battery");
  ASSERT_TRUE(again);
  EXPECT_NE(*hash, *again);  // a fresh salt each time
  EXPECT_FALSE(hash_password(""));
}

TEST(RateLimiter, RefusesAfterTheLimitUntilTheWindowPasses) {
  RateLimiter limiter(3, std::chrono::seconds(60));
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.try_reserve("a", t0));
  EXPECT_FALSE(limiter.try_reserve("a", t0 + std::chrono::seconds(59)));
  EXPECT_TRUE(limiter.try_reserve("b", t0));
  EXPECT_TRUE(limiter.try_reserve("a", t0 + std::chrono::seconds(60)));
  EXPECT_TRUE(limiter.try_reserve("c", t0));
  limiter.reset("c");
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.try_reserve("c", t0));
}

TEST(RateLimiter, AReleasedAttemptDoesNotCount) {
  RateLimiter limiter(2, std::chrono::seconds(60));
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  EXPECT_TRUE(limiter.try_reserve("a", t0));
  EXPECT_TRUE(limiter.try_reserve("a", t0));
  EXPECT_FALSE(limiter.try_reserve("a", t0));  // a refusal counts nothing
  limiter.release("a");
  EXPECT_TRUE(limiter.try_reserve("a", t0));
  EXPECT_FALSE(limiter.try_reserve("a", t0));
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
  EXPECT_EQ(iso_plus_seconds("2026-01-15T10:00:00Z", 8 * 3600).value(), "2026-01-15T18:00:00Z");
  EXPECT_EQ(iso_plus_seconds("2026-12-31T20:30:15Z", 4 * 3600).value(), "2027-01-01T00:30:15Z");
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
