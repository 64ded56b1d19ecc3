// The NICE guidance register's import kind through App::handle on a real SQLite file: the
// import page offers it to a trust's audit managers only, and the JSON API lands a file in the
// caller's own register or refuses it in plain words.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

const char* const kOption =
    "<option value=\"nice-guidance\">Your NICE guidance register, with each guidance&#39;s recommendations</option>";

const char* const kRegister =
    "reference,title,published_on,applicability,recommendation,recommendation_text\n"
    "NG136,Hypertension in adults: diagnosis and management,2019-08-28,Applicable,1.2.3,Offer ambulatory monitoring\n"
    "NG136,Hypertension in adults: diagnosis and management,2019-08-28,Applicable,1.4.1,Discuss cardiovascular risk\n"
    "QS121,Antimicrobial stewardship,2016-04-14,to be assessed,,\n";

TEST(NiceImportApp, TheImportPageOffersTheRegisterToATrustsAuditManagerOnly) {
  TestWorld world;
  const Response manager = world.call("GET", "/import", &world.own().callers.at(Role::audit_manager));
  ASSERT_EQ(manager.status, 200) << manager.body;
  EXPECT_TRUE(contains(manager.body, kOption)) << manager.body;
  for (const auto* caller : {&world.own().callers.at(Role::clinical_lead), &world.analyst()}) {
    const Response page = world.call("GET", "/import", caller);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_FALSE(contains(page.body, "nice-guidance")) << page.body;
  }
}

TEST(NiceImportApp, TheApiLandsTheFileInTheCallersRegisterAndRefusesOthers) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response checked = world.call_body("POST", "/api/imports/nice-guidance?dry_run=true", manager, kRegister);
  EXPECT_EQ(checked.status, 200) << checked.body;
  EXPECT_TRUE(world.store().nice_guidance(world.own().id)->empty());

  const Response lead =
      world.call_body("POST", "/api/imports/nice-guidance", world.own().callers.at(Role::clinical_lead), kRegister);
  EXPECT_EQ(lead.status, 403) << lead.body;
  EXPECT_TRUE(contains(lead.body, "imported by the trust's audit managers and administrators")) << lead.body;
  const Response national = world.call_body("POST", "/api/imports/nice-guidance", world.analyst(), kRegister);
  EXPECT_EQ(national.status, 403) << national.body;

  const Response done = world.call_body("POST", "/api/imports/nice-guidance", manager, kRegister);
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_EQ(json::parse(done.body)["imported"], 2);
  const auto stored = world.store().nice_guidance(world.own().id).value();
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].reference(), "NG136");
  EXPECT_EQ(stored[0].recommendations.size(), 2U);
  EXPECT_TRUE(world.store().nice_guidance(world.other().id)->empty());

  const Response again = world.call_body("POST", "/api/imports/nice-guidance", manager, kRegister);
  EXPECT_EQ(again.status, 422) << again.body;
  const auto problems = json::parse(again.body)["error"]["details"]["problems"];
  ASSERT_EQ(problems.size(), 2U) << again.body;
  EXPECT_EQ(problems[0]["column"], "reference");
  EXPECT_EQ(problems[0]["message"], "is already in the register; edit it on its page");
}

}  // namespace
}  // namespace clinaudit::http
