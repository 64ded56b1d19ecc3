#include "domain/access.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

constexpr OrganisationId kTrust{1};
constexpr OrganisationId kOtherTrust{2};
constexpr OrganisationId kNationalBody{9};

Principal someone(Role role, OrganisationId organisation, OrganisationType type = OrganisationType::acute) {
  Principal who;
  who.user_id = UserId{100};
  who.role = role;
  who.organisation_id = organisation;
  who.organisation_type = type;
  return who;
}

Principal analyst() { return someone(Role::national_analyst, kNationalBody, OrganisationType::national_body); }

// The national audit the cases below belong to, run by the audit supplier 3.
constexpr SupplierId kSupplier{3};
const Audit& national_audit() {
  static const Audit kAudit = [] {
    Audit row;
    row.kind = AuditKind::national_clinical_audit;
    row.supplier_id = kSupplier;
    return row;
  }();
  return kAudit;
}

Principal supplier_analyst(SupplierId supplier) {
  Principal who = analyst();
  who.supplier = supplier;
  return who;
}

OutlierCase case_of(OrganisationId organisation) {
  OutlierCase item;
  item.organisation_id = organisation;
  return item;
}

TEST(Access, ARoleHoldsOnlyItsColumnsOfTheMatrix) {
  EXPECT_TRUE(role_allows(Role::board_member, Permission::view_organisation));
  EXPECT_FALSE(role_allows(Role::board_member, Permission::manage_actions));
  EXPECT_FALSE(role_allows(Role::read_only, Permission::import_data));
  EXPECT_TRUE(role_allows(Role::audit_manager, Permission::edit_participation));
  EXPECT_FALSE(role_allows(Role::clinical_lead, Permission::edit_participation));
  EXPECT_TRUE(role_allows(Role::national_analyst, Permission::run_analysis));
  EXPECT_FALSE(role_allows(Role::admin, Permission::view_national));
}

TEST(Access, NationalSettingsNeedTheRoleAndTheNationalBody) {
  EXPECT_FALSE(allows(someone(Role::admin, kTrust), Permission::manage_national_settings));
  EXPECT_TRUE(allows(someone(Role::admin, kNationalBody, OrganisationType::national_body),
                     Permission::manage_national_settings));
  // The national body alone is not enough: the role must hold the permission too.
  EXPECT_FALSE(allows(someone(Role::audit_manager, kNationalBody, OrganisationType::national_body),
                      Permission::manage_national_settings));
  // Every other permission is the role's alone.
  EXPECT_TRUE(allows(someone(Role::admin, kTrust), Permission::manage_users));
}

// An analyst of the national body (no supplier) acts for every national audit's provider; one
// who works for a supplier, for that supplier's audits only: it neither sees their cases nor
// completes their provider's stages, and no local audit is anyone's national work.
TEST(Access, AnAnalystOfAnAuditSupplierActsForThatSuppliersAuditsOnly) {
  EXPECT_TRUE(acts_for_audit_provider(analyst(), national_audit()));
  EXPECT_TRUE(acts_for_audit_provider(supplier_analyst(kSupplier), national_audit()));
  EXPECT_FALSE(acts_for_audit_provider(supplier_analyst(SupplierId{4}), national_audit()));
  Audit unassigned;
  unassigned.kind = AuditKind::national_clinical_audit;
  EXPECT_TRUE(acts_for_audit_provider(analyst(), unassigned));
  EXPECT_FALSE(acts_for_audit_provider(supplier_analyst(kSupplier), unassigned));
  Audit local;
  local.kind = AuditKind::local_audit;
  local.owner = kTrust;
  EXPECT_FALSE(acts_for_audit_provider(analyst(), local));
  EXPECT_FALSE(
      acts_for_audit_provider(someone(Role::admin, kNationalBody, OrganisationType::national_body), national_audit()));

  EXPECT_TRUE(may_see_outlier_case(supplier_analyst(kSupplier), case_of(kTrust), national_audit()));
  EXPECT_FALSE(may_see_outlier_case(supplier_analyst(SupplierId{4}), case_of(kTrust), national_audit()));
  EXPECT_TRUE(may_complete_stage(supplier_analyst(kSupplier), case_of(kTrust), national_audit(),
                                 OutlierParty::audit_provider, std::nullopt));
  EXPECT_FALSE(may_complete_stage(supplier_analyst(SupplierId{4}), case_of(kTrust), national_audit(),
                                  OutlierParty::audit_provider, std::nullopt));
  // The dataset and measures of a national audit: the national body, and of its analysts
  // those who act for the audit.
  auto setup = [](const Principal& who) { return may_manage_audit_setup(who, national_audit()).has_value(); };
  EXPECT_TRUE(setup(analyst()));
  EXPECT_TRUE(setup(supplier_analyst(kSupplier)));
  EXPECT_FALSE(setup(supplier_analyst(SupplierId{4})));
}

TEST(Access, ALocalAuditIsSeenByItsOwnerOnly) {
  Audit local;
  local.kind = AuditKind::local_audit;
  local.owner = kTrust;
  EXPECT_TRUE(may_see_audit(someone(Role::read_only, kTrust), local));
  EXPECT_FALSE(may_see_audit(someone(Role::admin, kOtherTrust), local));
  EXPECT_FALSE(may_see_audit(analyst(), local));
  Audit national;
  national.kind = AuditKind::national_clinical_audit;
  EXPECT_TRUE(may_see_audit(someone(Role::read_only, kOtherTrust), national));
}

TEST(Access, AnOutlierCaseIsSeenByItsProviderAndTheNationalAnalysts) {
  EXPECT_TRUE(may_see_outlier_case(someone(Role::read_only, kTrust), case_of(kTrust), national_audit()));
  EXPECT_FALSE(may_see_outlier_case(someone(Role::admin, kOtherTrust), case_of(kTrust), national_audit()));
  EXPECT_TRUE(may_see_outlier_case(analyst(), case_of(kTrust), national_audit()));
  EXPECT_TRUE(may_see_organisation(someone(Role::admin, kTrust), kTrust));
  EXPECT_FALSE(may_see_organisation(someone(Role::admin, kTrust), kOtherTrust));
}

TEST(Access, EachPartyCompletesOnlyItsOwnStages) {
  const auto provider_staff = someone(Role::clinical_lead, kTrust);
  const std::optional<UserId> no_chief;
  EXPECT_TRUE(may_complete_stage(provider_staff, case_of(kTrust), national_audit(), OutlierParty::provider, no_chief));
  EXPECT_FALSE(
      may_complete_stage(provider_staff, case_of(kTrust), national_audit(), OutlierParty::audit_provider, no_chief));
  EXPECT_FALSE(may_complete_stage(someone(Role::clinical_lead, kOtherTrust), case_of(kTrust), national_audit(),
                                  OutlierParty::provider, no_chief));
  // The provider's stages are its audit team's: a board member or a viewer only sees them.
  EXPECT_FALSE(may_complete_stage(someone(Role::board_member, kTrust), case_of(kTrust), national_audit(),
                                  OutlierParty::provider, no_chief));
  EXPECT_FALSE(may_complete_stage(someone(Role::read_only, kTrust), case_of(kTrust), national_audit(),
                                  OutlierParty::provider, no_chief));
  EXPECT_TRUE(may_complete_stage(analyst(), case_of(kTrust), national_audit(), OutlierParty::audit_provider, no_chief));
  const auto refused =
      may_complete_stage(analyst(), case_of(kTrust), national_audit(), OutlierParty::provider, no_chief);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(refused.error().message, "this stage belongs to the provider organisation's audit team");
}

TEST(Access, OnlyTheNamedChiefExecutiveAcknowledgesInPerson) {
  auto chief = someone(Role::board_member, kTrust);
  chief.user_id = UserId{7};
  const std::optional<UserId> named = UserId{7};
  EXPECT_TRUE(may_complete_stage(chief, case_of(kTrust), national_audit(), OutlierParty::chief_executive, named));
  // Not the audit team, the administrator or the national analysts, however senior.
  for (const auto role : {Role::admin, Role::audit_manager, Role::clinical_lead}) {
    const auto refused = may_complete_stage(someone(role, kTrust), case_of(kTrust), national_audit(),
                                            OutlierParty::chief_executive, named);
    ASSERT_FALSE(refused) << to_string(role);
    EXPECT_EQ(refused.error().message, "this stage is for the provider's chief executive in person");
  }
  EXPECT_FALSE(may_complete_stage(analyst(), case_of(kTrust), national_audit(), OutlierParty::chief_executive, named));
  // Another trust's user with the same id is not this trust's chief executive.
  auto elsewhere = someone(Role::board_member, kOtherTrust);
  elsewhere.user_id = UserId{7};
  EXPECT_FALSE(may_complete_stage(elsewhere, case_of(kTrust), national_audit(), OutlierParty::chief_executive, named));
  // A chief executive's stage is nobody's until the trust names one, and says so.
  const auto unnamed =
      may_complete_stage(chief, case_of(kTrust), national_audit(), OutlierParty::chief_executive, std::nullopt);
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().code, ErrorCode::forbidden);
  EXPECT_NE(unnamed.error().message.find("has named none"), std::string::npos) << unnamed.error().message;
}

TEST(Access, UnpublishedResultsStayWithTheirOrganisationAndTheNationalBody) {
  EXPECT_TRUE(may_see_result(someone(Role::read_only, kOtherTrust), national_audit(), kTrust, true));
  EXPECT_FALSE(may_see_result(someone(Role::admin, kOtherTrust), national_audit(), kTrust, false));
  EXPECT_TRUE(may_see_result(someone(Role::read_only, kTrust), national_audit(), kTrust, false));
  EXPECT_TRUE(may_see_result(analyst(), national_audit(), kTrust, false));
  EXPECT_TRUE(may_see_result(supplier_analyst(kSupplier), national_audit(), kTrust, false));
  EXPECT_FALSE(may_see_result(supplier_analyst(SupplierId{4}), national_audit(), kTrust, false));
}

TEST(Access, NationalAnalystsBelongToTheNationalBody) {
  Organisation trust;
  trust.type = OrganisationType::acute;
  Organisation body;
  body.type = OrganisationType::national_body;
  EXPECT_FALSE(may_assign_role(trust, Role::national_analyst));
  EXPECT_TRUE(may_assign_role(body, Role::national_analyst));
  EXPECT_TRUE(may_assign_role(trust, Role::admin));
}

Principal regulator() { return someone(Role::regulator, kNationalBody, OrganisationType::national_body); }

OutlierCase alarm(OutlierStatus status, std::string stage) {
  OutlierCase item = case_of(kTrust);
  item.level = OutlierLevel::alarm;
  item.unfavourable = true;
  item.status = status;
  item.stage = std::move(stage);
  return item;
}

TEST(Access, TheRegulatorReadsOutlierCasesAndNothingElse) {
  for (int i = 0; i <= static_cast<int>(Permission::view_outliers); ++i) {
    const auto permission = static_cast<Permission>(i);
    EXPECT_EQ(allows(regulator(), permission), permission == Permission::view_outliers) << to_string(permission);
  }
  // Everyone else who sees their organisation sees its outlier cases.
  for (const auto role : {Role::admin, Role::audit_manager, Role::clinical_lead, Role::board_member,
                          Role::national_analyst, Role::read_only}) {
    EXPECT_TRUE(role_allows(role, Permission::view_outliers)) << to_string(role);
  }
}

TEST(Access, TheRegulatorSeesConfirmedAlarmsAndEscalationsOnly) {
  // A potential alarm, still being checked or answered, is the audit's and the provider's.
  EXPECT_FALSE(may_see_outlier_case(regulator(), alarm(OutlierStatus::open, "data_check"), national_audit()));
  EXPECT_FALSE(may_see_outlier_case(regulator(), alarm(OutlierStatus::open, "review"), national_audit()));
  EXPECT_FALSE(may_see_outlier_case(regulator(), alarm(OutlierStatus::withdrawn, "review"), national_audit()));
  EXPECT_TRUE(
      may_see_outlier_case(regulator(), alarm(OutlierStatus::confirmed, "chief_executive_informed"), national_audit()));
  EXPECT_TRUE(may_see_outlier_case(regulator(), alarm(OutlierStatus::closed, "public_disclosure"), national_audit()));
  // Alerts and better-than-expected results are not for the regulator, even when closed.
  auto alert = alarm(OutlierStatus::closed, "alert_local_review");
  alert.level = OutlierLevel::alert;
  EXPECT_FALSE(may_see_outlier_case(regulator(), alert, national_audit()));
  auto positive = alarm(OutlierStatus::closed, "positive_shared");
  positive.unfavourable = false;
  EXPECT_FALSE(may_see_outlier_case(regulator(), positive, national_audit()));
  // A provider that missed its deadline was escalated: the regulator sees the case from then on.
  auto missed = alarm(OutlierStatus::open, "provider_response");
  missed.escalated_on = Date::parse("2026-05-01").value();
  EXPECT_TRUE(may_see_outlier_case(regulator(), missed, national_audit()));
  // It acts on none of them.
  EXPECT_FALSE(may_complete_stage(regulator(), missed, national_audit(), OutlierParty::provider, std::nullopt));
  EXPECT_FALSE(may_complete_stage(regulator(), missed, national_audit(), OutlierParty::audit_provider, std::nullopt));
}

TEST(Access, ARegisteredNoticeIsTheTrustsAloneAndItsTeamRecordsTheSuppliersStages) {
  auto notice = alarm(OutlierStatus::confirmed, "chief_executive_informed");
  notice.notice = OutlierNotice{"Royal College of Surgeons of England", "90-day mortality"};
  EXPECT_TRUE(may_see_outlier_case(someone(Role::read_only, kTrust), notice, national_audit()));
  EXPECT_FALSE(may_see_outlier_case(analyst(), notice, national_audit()));
  EXPECT_FALSE(may_see_outlier_case(regulator(), notice, national_audit()));
  EXPECT_FALSE(may_see_outlier_case(someone(Role::admin, kOtherTrust), notice, national_audit()));
  // The supplier's stages are recorded by the trust's audit team, not by the national analysts.
  EXPECT_TRUE(may_complete_stage(someone(Role::audit_manager, kTrust), notice, national_audit(),
                                 OutlierParty::audit_provider, std::nullopt));
  EXPECT_FALSE(may_complete_stage(someone(Role::board_member, kTrust), notice, national_audit(),
                                  OutlierParty::audit_provider, std::nullopt));
  EXPECT_FALSE(may_complete_stage(analyst(), notice, national_audit(), OutlierParty::audit_provider, std::nullopt));
  // The acknowledgement stays the chief executive's in person.
  EXPECT_FALSE(may_complete_stage(someone(Role::audit_manager, kTrust), notice, national_audit(),
                                  OutlierParty::chief_executive, UserId{7}));
}

TEST(Access, RegulatorsAccountsAreKeptByTheNationalBody) {
  Organisation trust;
  trust.type = OrganisationType::acute;
  Organisation body;
  body.type = OrganisationType::national_body;
  EXPECT_FALSE(may_assign_role(trust, Role::regulator));
  EXPECT_TRUE(may_assign_role(body, Role::regulator));
}

}  // namespace
}  // namespace clinaudit::domain
