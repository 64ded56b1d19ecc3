// A local audit's criteria and its results per criterion (migration 0012): added at the end,
// changed, moved, removed with the rest renumbered, results set all or nothing, each change
// in the audit log; the same refusals on both databases.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

domain::Criterion criterion_of(AuditId audit, const std::string& statement, double target) {
  domain::Criterion c;
  c.audit_id = audit;
  c.statement = statement;
  c.target_percent = target;
  return c;
}

std::vector<std::string> statements(domain::Store& store, AuditId audit) {
  std::vector<std::string> out;
  const auto criteria = store.criteria_of(audit).value();
  for (const auto& c : criteria) {
    out.push_back(std::to_string(c.position) + " " + c.statement);
  }
  return out;
}

TEST_P(StoreContract, AnAuditsCriteriaKeepTheirOrderThroughMovesAndRemovals) {
  const auto audit = add_audit("LA-1", domain::AuditKind::local_audit);
  const auto first = store().add_criterion(criterion_of(audit, "Consent signed", 95), actor());
  const auto second = store().add_criterion(criterion_of(audit, "Site marked", 100), actor());
  const auto third = store().add_criterion(criterion_of(audit, "Risks recorded", 90), actor());
  ASSERT_OK(first);
  ASSERT_OK(second);
  ASSERT_OK(third);
  EXPECT_EQ(statements(store(), audit),
            (std::vector<std::string>{"1 Consent signed", "2 Site marked", "3 Risks recorded"}));

  ASSERT_OK(store().move_criterion(*third, -1, actor()));
  ASSERT_OK(store().move_criterion(*first, -1, actor()));  // already first: nothing moves
  EXPECT_EQ(statements(store(), audit),
            (std::vector<std::string>{"1 Consent signed", "2 Risks recorded", "3 Site marked"}));

  auto changed = criterion_of(audit, "Consent signed before the day", 97.5);
  changed.id = *first;
  changed.exceptions = "Emergencies";
  changed.met = 1;  // results are not changed this way
  changed.applicable = 2;
  ASSERT_OK(store().update_criterion(changed, actor()));
  const auto stored = store().criterion(*first);
  ASSERT_OK(stored);
  EXPECT_EQ(stored->statement, "Consent signed before the day");
  EXPECT_DOUBLE_EQ(stored->target_percent, 97.5);
  EXPECT_EQ(stored->exceptions, "Emergencies");
  EXPECT_FALSE(stored->met);

  ASSERT_OK(store().remove_criterion(*third, actor()));
  EXPECT_EQ(statements(store(), audit), (std::vector<std::string>{"1 Consent signed before the day", "2 Site marked"}));
  EXPECT_ERROR(store().criterion(*third), ErrorCode::not_found);

  const auto log = store().audit_log("audit_criterion", 100);
  ASSERT_OK(log);
  EXPECT_GE(log->size(), 6u);  // three added, moves, the change, the removal
}

TEST_P(StoreContract, ResultsPerCriterionAreSetAllOrNothing) {
  const auto audit = add_audit("LA-2", domain::AuditKind::local_audit);
  const auto other = add_audit("LA-3", domain::AuditKind::local_audit);
  const auto a = store().add_criterion(criterion_of(audit, "Antibiotics within one hour", 95), actor()).value();
  const auto b = store().add_criterion(criterion_of(audit, "Lactate measured", 90), actor()).value();
  const auto theirs = store().add_criterion(criterion_of(other, "Fluids given", 90), actor()).value();

  domain::Criterion good{.id = a, .met = 45, .applicable = 50};
  domain::Criterion bad{.id = b, .met = 12, .applicable = 10};
  const auto refused = store().record_criterion_results(audit, {good, bad}, actor());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_THAT(refused.error().message, HasSubstr("criterion 2: met: "));
  EXPECT_FALSE(store().criterion(a)->met);

  domain::Criterion foreign{.id = theirs, .met = 1, .applicable = 2};
  EXPECT_ERROR(store().record_criterion_results(audit, {good, foreign}, actor()), ErrorCode::not_found);
  EXPECT_FALSE(store().criterion(a)->met);

  bad.met = 8;
  ASSERT_OK(store().record_criterion_results(audit, {good, bad}, actor()));
  EXPECT_EQ(store().criterion(a)->met, 45);
  EXPECT_EQ(store().criterion(b)->applicable, 10);

  // Both counts absent clear a result; one alone is refused.
  ASSERT_OK(store().record_criterion_results(audit, {domain::Criterion{.id = b}}, actor()));
  EXPECT_FALSE(store().criterion(b)->applicable);
  EXPECT_ERROR(store().record_criterion_results(audit, {domain::Criterion{.id = a, .met = 3}}, actor()),
               ErrorCode::invalid_input);
  EXPECT_EQ(store().criterion(a)->met, 45);
}

TEST_P(StoreContract, ACriterionIsRefusedWithTheFieldNamed) {
  const auto audit = add_audit("LA-4", domain::AuditKind::local_audit);
  const auto blank = store().add_criterion(criterion_of(audit, " ", 95), actor());
  ASSERT_FALSE(blank);
  EXPECT_THAT(blank.error().message, HasSubstr("statement: "));
  const auto target = store().add_criterion(criterion_of(audit, "Consent", 101), actor());
  ASSERT_FALSE(target);
  EXPECT_THAT(target.error().message, HasSubstr("target_percent: "));
  EXPECT_ERROR(store().add_criterion(criterion_of(AuditId{999999}, "Consent", 95), actor()), ErrorCode::not_found);
  EXPECT_ERROR(store().criteria_of(AuditId{999999}), ErrorCode::not_found);
  EXPECT_TRUE(store().criteria_of(audit)->empty());
}

}  // namespace
}  // namespace clinaudit::contract
