#include "http/sessions.hpp"

#include <charconv>
#include <cstdio>

#include "platform/random_token.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {

Result<std::string> iso_plus_seconds(std::string_view iso, std::int64_t seconds) {
  if (iso.size() < 20 || iso[10] != 'T') return Error{ErrorCode::invalid_input, "not an ISO time: " + std::string(iso)};
  const auto date = Date::parse(iso.substr(0, 10));
  if (!date) return date.error();
  int h = 0;
  int m = 0;
  int s = 0;
  const auto read = [&](std::size_t at, int& out) {
    return std::from_chars(iso.data() + at, iso.data() + at + 2, out).ec == std::errc{};
  };
  if (!read(11, h) || !read(14, m) || !read(17, s)) {
    return Error{ErrorCode::invalid_input, "not an ISO time: " + std::string(iso)};
  }
  std::int64_t total =
      date->days_since_epoch() * std::int64_t{86400} + std::int64_t{h} * 3600 + std::int64_t{m} * 60 + s + seconds;
  std::int64_t days = total / 86400;
  std::int64_t rest = total % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  char clock_part[16];
  std::snprintf(clock_part, sizeof clock_part, "T%02d:%02d:%02dZ", static_cast<int>(rest / 3600),
                static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
  return Date::from_days(days).to_string() + clock_part;
}

Result<NewSession> start_session(domain::Store& store, const domain::Clock& clock, const domain::User& user,
                                 std::chrono::seconds lifetime) {
  auto token = platform::random_hex(32);
  if (!token) return token.error();
  auto csrf = platform::random_hex(32);
  if (!csrf) return csrf.error();
  auto expires = iso_plus_seconds(clock.now_iso(), lifetime.count());
  if (!expires) return expires.error();
  NewSession created{*token, domain::Session{platform::sha256_hex(*token), user.id, *csrf, *expires}};
  if (auto stored = store.create_session(created.stored); !stored) return stored.error();
  return created;
}

Result<std::pair<domain::Session, domain::User>> find_session(domain::Store& store, const domain::Clock& clock,
                                                              std::string_view token) {
  const Error signed_out{ErrorCode::unauthenticated, "sign in to continue"};
  if (token.size() != 64) return signed_out;
  auto session = store.session(platform::sha256_hex(token));
  if (!session) return session.error().code == ErrorCode::not_found ? signed_out : session.error();
  // ISO 8601 UTC times of one format compare as text.
  if (session->expires_at <= clock.now_iso()) return signed_out;
  auto user = store.user(session->user_id);
  if (!user) return user.error().code == ErrorCode::not_found ? signed_out : user.error();
  if (!user->active) return signed_out;
  return std::pair{std::move(*session), std::move(*user)};
}

std::string session_cookie(std::string_view token, std::chrono::seconds lifetime, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Strict";
  cookie += token.empty() ? "; Max-Age=0" : "; Max-Age=" + std::to_string(lifetime.count());
  if (secure) cookie += "; Secure";
  return cookie;
}

}  // namespace clinaudit::http
