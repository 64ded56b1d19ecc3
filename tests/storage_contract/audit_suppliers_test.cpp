// Audit suppliers on each database: added and listed by name, a code held once, and the
// supplier of an audit and of a national analyst written, read back and logged; a supplier
// that does not exist is refused by name and changes nothing.
#include <nlohmann/json.hpp>

#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

TEST_P(StoreContract, AuditSuppliersAreListedByNameAndTheirCodesHeldOnce) {
  auto rcp = store().add_supplier(domain::AuditSupplier{{}, "RCP", "Royal College of Physicians"}, actor());
  ASSERT_OK(rcp);
  auto rcoa = store().add_supplier(domain::AuditSupplier{{}, "RCOA", "Royal College of Anaesthetists"}, actor());
  ASSERT_OK(rcoa);
  auto again = store().add_supplier(domain::AuditSupplier{{}, "RCP", "Another name"}, actor());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  auto blank = store().add_supplier(domain::AuditSupplier{{}, "X", " "}, actor());
  ASSERT_FALSE(blank.has_value());
  EXPECT_EQ(blank.error().code, ErrorCode::invalid_input);

  auto all = store().suppliers();
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ(all->at(0).name, "Royal College of Anaesthetists");
  EXPECT_EQ(all->at(0).id, *rcoa);
  EXPECT_EQ(all->at(1).code, "RCP");
  auto log = store().audit_log("audit supplier", 10);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 2U);
  EXPECT_THAT(log->front().after, HasSubstr("Royal College"));
}

TEST_P(StoreContract, AnAuditAndAnAnalystKeepTheirSupplier) {
  const auto supplier = store().add_supplier(domain::AuditSupplier{{}, "RCP", "Royal College of Physicians"}, actor());
  ASSERT_OK(supplier);
  const auto audit_id = add_audit("NHFD");
  auto audit = store().audit(audit_id);
  ASSERT_OK(audit);
  EXPECT_FALSE(audit->supplier_id);
  audit->supplier_id = *supplier;
  ASSERT_OK(store().update_audit(*audit, actor()));
  EXPECT_EQ(store().audit(audit_id)->supplier_id, *supplier);
  auto log = store().audit_log("audit", 1);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
  // PostgreSQL's jsonb writes a space after the colon.
  const auto after = nlohmann::json::parse(log->front().after);
  EXPECT_EQ(after.at("supplier_id"), supplier->value);

  const auto body = add_organisation("NAT", domain::OrganisationType::national_body);
  domain::User analyst{{}, "analyst@rcp.example", "Analyst", domain::Role::national_analyst, body, "", true, *supplier};
  auto user_id = store().add_user(analyst, actor());
  ASSERT_OK(user_id);
  EXPECT_EQ(store().user(*user_id)->supplier_id, *supplier);
  auto user = store().user(*user_id);
  user->supplier_id = std::nullopt;
  ASSERT_OK(store().update_user(*user, actor()));
  EXPECT_FALSE(store().user(*user_id)->supplier_id);

  // A supplier that does not exist: refused by name, nothing written.
  audit = store().audit(audit_id);
  audit->supplier_id = SupplierId{supplier->value + 100};
  auto refused = store().update_audit(*audit, actor());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::not_found);
  EXPECT_THAT(refused.error().message, HasSubstr("supplier"));
  EXPECT_EQ(store().audit(audit_id)->supplier_id, *supplier);
  user->supplier_id = SupplierId{supplier->value + 100};
  auto refused_user = store().update_user(*user, actor());
  ASSERT_FALSE(refused_user.has_value());
  EXPECT_FALSE(store().user(*user_id)->supplier_id);
}

}  // namespace
}  // namespace clinaudit::contract
