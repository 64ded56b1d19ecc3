// Audit suppliers through App::handle on a real SQLite file: the national body's administrator
// adds a supplier and names who runs an audit and whom an analyst works for; the analyst then
// works on that supplier's audits, and an analyst of another supplier sees none of it.
#include <gtest/gtest.h>

#include <string>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using testing::TestWorld;

std::optional<SupplierId> supplier_called(TestWorld& world, const std::string& code) {
  const auto suppliers = world.store().suppliers().value();
  for (const auto& row : suppliers) {
    if (row.code == code) return row.id;
  }
  return std::nullopt;
}

TEST(SupplierApp, TheNationalAdministratorAddsASupplierAndRefusesABlankOrRepeatedOne) {
  TestWorld world;
  auto& admin = world.national_admin();
  const Response page = world.call("GET", "/admin/suppliers", &admin);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  // The world's supplier runs its national audit; the other supplier's analyst is listed.
  EXPECT_TRUE(contains(page.body, "Audit supplier " + world.suffix())) << page.body;
  EXPECT_TRUE(contains(page.body, "National audit " + world.suffix())) << page.body;
  EXPECT_TRUE(contains(page.body, world.other_supplier_analyst().user.email));

  const Response added = world.call("POST", "/admin/suppliers", &admin, {{"code", " rcs "}, {"name", "Surgeons"}});
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 300);
  EXPECT_EQ(added.header("Location"), "/admin/suppliers?done=added");
  ASSERT_TRUE(supplier_called(world, "RCS"));
  const auto count = world.store().suppliers().value().size();

  const Response blank = world.call("POST", "/admin/suppliers", &admin, {{"code", "RCR"}, {"name", "  "}});
  EXPECT_EQ(blank.status, 400);
  EXPECT_TRUE(contains(blank.body, "Enter the supplier&#39;s name")) << blank.body;
  EXPECT_TRUE(contains(blank.body, "value=\"RCR\"")) << "the form keeps what was typed";
  const Response repeated = world.call("POST", "/admin/suppliers", &admin, {{"code", "rcs"}, {"name", "Again"}});
  EXPECT_EQ(repeated.status, 400);
  EXPECT_TRUE(contains(repeated.body, "already exists")) << repeated.body;
  EXPECT_EQ(world.store().suppliers().value().size(), count);
  // Only a national analyst works for a supplier.
  const Response trust_admin = world.call(
      "POST", "/api/suppliers/analysts", &admin,
      {{"user_id", std::to_string(world.own().callers.at(domain::Role::admin).user.id.value)}, {"supplier_id", ""}});
  EXPECT_EQ(trust_admin.status, 400);
  EXPECT_TRUE(contains(trust_admin.body, "only a national analyst")) << trust_admin.body;
}

TEST(SupplierApp, AnAnalystWorksOnTheAuditsOfItsSupplierOnly) {
  TestWorld world;
  auto& admin = world.national_admin();
  auto& analyst = world.other_supplier_analyst();
  const std::string audit = std::to_string(world.national_audit().value);
  const OutlierCaseId item = world.new_outlier_case(world.own());
  const std::string case_path = "/outliers/" + std::to_string(item.value);

  // Before: another supplier's audit, so nothing of it is this analyst's.
  EXPECT_EQ(world.call("GET", "/national/audits/" + audit, &analyst).status, 404);
  EXPECT_EQ(world.call("GET", case_path, &analyst).status, 404);
  const Response before = world.call("GET", "/national", &analyst);
  ASSERT_EQ(before.status, 200);
  EXPECT_FALSE(contains(before.body, "National audit " + world.suffix())) << before.body;
  EXPECT_FALSE(contains(world.call("GET", "/api/outliers", &analyst).body, "\"id\":" + std::to_string(item.value)));

  // The administrator names the analyst's supplier as the audit's.
  const auto supplier = world.store().user(analyst.user.id).value().supplier_id;
  ASSERT_TRUE(supplier);
  const Response named = world.call("POST", "/admin/suppliers/audits", &admin,
                                    {{"audit_id", audit}, {"supplier_id", std::to_string(supplier->value)}});
  ASSERT_EQ(named.status, 303) << named.body.substr(0, 300);
  EXPECT_EQ(world.store().audit(world.national_audit()).value().supplier_id, supplier);
  const auto log = world.store().audit_log("audit", 1).value();
  ASSERT_EQ(log.size(), 1U);
  EXPECT_EQ(log.front().actor, admin.user.email);

  EXPECT_EQ(world.call("GET", "/national/audits/" + audit, &analyst).status, 200);
  const Response index = world.call("GET", "/national", &analyst);
  EXPECT_TRUE(contains(index.body, "National audit " + world.suffix())) << index.body;
  ASSERT_EQ(world.call("GET", case_path, &analyst).status, 200);
  const Response done = world.call("POST", "/api" + case_path + "/stage", &analyst,
                                   {{"decision", "done"}, {"note", "Data checked by the supplier"}});
  EXPECT_EQ(done.status, 200) << done.body;
  EXPECT_NE(world.store().outlier_case(item).value().stage, "data_check");

  // The analyst moved to no supplier: every national audit again, as the national body's own.
  const Response moved = world.call("POST", "/api/suppliers/analysts", &admin,
                                    {{"user_id", std::to_string(analyst.user.id.value)}, {"supplier_id", ""}});
  EXPECT_EQ(moved.status, 200) << moved.body;
  EXPECT_FALSE(world.store().user(analyst.user.id).value().supplier_id);
}

}  // namespace
}  // namespace clinaudit::http
