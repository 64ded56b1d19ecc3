// Text that is not UTF-8: a request carrying it is a client error that names where it was,
// and JSON written from stored text that is not UTF-8 never throws.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/error_response.hpp"
#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

void expect_security_headers(const Response& response) {
  EXPECT_TRUE(contains(response.header("Content-Security-Policy"), "default-src 'none'"));
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
}

// GET /api/%FF: the server decodes the path to the byte 0xFF.
TEST(MalformedText, APathThatIsNotUtf8IsA400NamingThePath) {
  TestWorld world;
  const Response response = world.call("GET", "/api/\xFF", nullptr);
  EXPECT_EQ(response.status, 400) << response.body;
  const auto body = json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "invalid_input");
  EXPECT_TRUE(contains(body["error"]["message"].get<std::string>(), "the address")) << response.body;
  expect_security_headers(response);
}

// POST /actions with title=%FF used to fail in the audit log's JSON, as "storage unavailable".
TEST(MalformedText, AFormFieldThatIsNotUtf8IsA400NamingTheFieldAndSavesNothing) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const auto before = world.store().audit_log("action", 100);
  ASSERT_TRUE(before);
  const Response response = world.call("POST", "/actions", &manager, {{"title", "\xFF"}, {"due_on", "2026-03-31"}});
  EXPECT_EQ(response.status, 400) << response.body.substr(0, 400);
  EXPECT_TRUE(contains(response.body, "title")) << response.body;
  EXPECT_TRUE(contains(response.body, "UTF-8")) << response.body;
  expect_security_headers(response);
  const auto after = world.store().audit_log("action", 100);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->size(), before->size());
}

TEST(MalformedText, AnApiFieldOrQueryValueThatIsNotUtf8IsA400NamingIt) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response field =
      world.call("POST", "/api/actions", &manager, {{"title", "ok"}, {"due_on", "2026-03-31"}, {"owner", "a\xC3("}});
  EXPECT_EQ(field.status, 400) << field.body;
  EXPECT_TRUE(contains(json::parse(field.body)["error"]["message"].get<std::string>(), "'owner'")) << field.body;
  expect_security_headers(field);
  const Response query = world.call("GET", "/api/actions?status=%ED%A0%80", &manager);  // a UTF-16 surrogate
  EXPECT_EQ(query.status, 400) << query.body;
  EXPECT_TRUE(contains(json::parse(query.body)["error"]["message"].get<std::string>(), "'status'")) << query.body;
  expect_security_headers(query);
  // Well-formed text of any script passes.
  const Response fine = world.call("POST", "/api/actions", &manager,
                                   {{"title", "Revue \xC3\xA9t\xC3\xA9 \xE2\x9C\x93"}, {"due_on", "2026-03-31"}});
  EXPECT_EQ(fine.status, 201) << fine.body;
}

// Text already stored that is not UTF-8 (an old database, a file written by another tool):
// the audit log's JSON, the API's JSON and the error JSON replace it with U+FFFD.
TEST(MalformedText, JsonWrittenFromStoredTextThatIsNotUtf8DoesNotThrow) {
  TestWorld world;
  domain::Action action;
  action.organisation_id = world.own().id;
  action.title = "Stored \xFF text";
  action.due_on = world.clock().today().plus_days(3);
  const auto added = world.store().add_action(action, domain::Actor{std::nullopt, "import \xFE"});
  ASSERT_TRUE(added) << added.error().message;
  const Response list = world.call("GET", "/api/actions", &world.own().callers.at(Role::read_only));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_TRUE(contains(list.body, "Stored \xEF\xBF\xBD text")) << list.body;
  std::string error;
  EXPECT_NO_THROW(error = error_json(Error{ErrorCode::invalid_input, "bad \xC0 byte"}));
  EXPECT_TRUE(contains(error, "bad \xEF\xBF\xBD byte")) << error;
}

}  // namespace
}  // namespace clinaudit::http
