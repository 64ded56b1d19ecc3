// The local audit register's reminders in the daily notifications: a proposal that has waited
// more than ten working days for a decision (England and Wales bank holidays not counted,
// counted by hand below), and an approved audit past its planned end date.
#include <gtest/gtest.h>

#include "domain/notifications.hpp"

namespace clinaudit::domain {
namespace {

Date d(const char* text) { return *Date::parse(text); }

constexpr OrganisationId kTrust{1};
constexpr OrganisationId kOtherTrust{3};

User person(std::int64_t id, const char* email, Role role, OrganisationId organisation) {
  User row;
  row.id = UserId{id};
  row.email = email;
  row.display_name = email;
  row.role = role;
  row.organisation_id = organisation;
  return row;
}

NotificationInputs world(LocalAuditStage stage, const char* stage_at, const char* end) {
  NotificationInputs inputs;
  inputs.organisations = {{kTrust, "RXX", "Riverside Hospitals", OrganisationType::acute, "London"},
                          {kOtherTrust, "RYY", "Hilltop Trust", OrganisationType::acute, "London"}};
  inputs.users = {person(1, "am@rxx.nhs.uk", Role::audit_manager, kTrust),
                  person(2, "cl@rxx.nhs.uk", Role::clinical_lead, kTrust),
                  person(3, "cl2@rxx.nhs.uk", Role::clinical_lead, kTrust),
                  person(9, "am@ryy.nhs.uk", Role::audit_manager, kOtherTrust)};
  Audit audit;
  audit.id = AuditId{8};
  audit.code = "LA-RXX-001";
  audit.title = "Consent in day surgery";
  audit.owner = kTrust;
  audit.start_date = d("2025-10-01");
  audit.end_date = d(end);
  inputs.audits = {audit};
  LocalAuditEntry entry;
  entry.audit_id = audit.id;
  entry.lead = UserId{2};
  entry.proposed_by_name = "cl@rxx.nhs.uk";
  entry.stage = stage;
  entry.stage_at = stage_at;
  inputs.local_audits = {entry};
  return inputs;
}

std::vector<Notification> on(const NotificationInputs& inputs, const char* today) {
  return daily_notifications(inputs, d(today), OutlierTimetable::default_timetable(),
                             WorkingDayCalendar::england_and_wales());
}

TEST(LocalAuditReminders, AProposalRemindsTheAuditManagersAfterTenWorkingDaysNotCountingChristmas) {
  // Proposed on Friday 12 December 2025. Working days after it: 15-19 (5), 22-24 (8),
  // Christmas Day and Boxing Day are bank holidays, 29 (9), 30 (10), 31 (11).
  const auto inputs = world(LocalAuditStage::proposed, "2025-12-12T09:00:00Z", "2026-06-30");
  EXPECT_TRUE(on(inputs, "2025-12-29").empty());
  EXPECT_TRUE(on(inputs, "2025-12-30").empty());
  const auto due = on(inputs, "2025-12-31");
  ASSERT_EQ(due.size(), 1U);
  EXPECT_EQ(due[0].kind, NotificationKind::proposal_awaiting_decision);
  EXPECT_EQ(due[0].recipients, std::vector<std::string>{"am@rxx.nhs.uk"});
  EXPECT_EQ(due[0].link, "/register/8");
  EXPECT_EQ(due[0].key, "local_audit:8:awaiting_decision:2025-12-12");
  EXPECT_NE(due[0].body.find("Waiting since: 2025-12-12 (Friday), 11 working days."), std::string::npos) << due[0].body;
}

TEST(LocalAuditReminders, AnApprovedAuditPastItsPlannedEndRemindsItsLeadAndTheAuditManagers) {
  const auto inputs = world(LocalAuditStage::data_collection, "2025-10-01T09:00:00Z", "2026-01-09");
  EXPECT_TRUE(on(inputs, "2026-01-09").empty());
  const auto late = on(inputs, "2026-01-10");
  ASSERT_EQ(late.size(), 1U);
  EXPECT_EQ(late[0].kind, NotificationKind::local_audit_past_end);
  EXPECT_EQ(late[0].recipients, (std::vector<std::string>{"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_EQ(late[0].link, "/register/8");
  EXPECT_EQ(late[0].key, "local_audit:8:past_end:2026-01-09");
}

TEST(LocalAuditReminders, FinishedAndUndecidedAuditsAreQuietAboutTheirEndDate) {
  for (const auto stage : {LocalAuditStage::completed, LocalAuditStage::abandoned, LocalAuditStage::declined,
                           LocalAuditStage::changes_requested}) {
    EXPECT_TRUE(on(world(stage, "2025-10-01T09:00:00Z", "2026-01-09"), "2026-02-10").empty()) << to_string(stage);
  }
  // A proposal recorded without its time (before the register) is not chased.
  EXPECT_TRUE(on(world(LocalAuditStage::proposed, "", "2026-06-30"), "2026-02-10").empty());
}

// A NICE guidance review past its date reminds the guidance's lead and the audit managers, once
// for each review date; guidance that does not apply, or is not yet due, reminds no one.
TEST(NiceReviewReminders, AReviewPastItsDateRemindsTheLeadAndTheAuditManagers) {
  auto inputs = world(LocalAuditStage::completed, "2025-10-01T09:00:00Z", "2026-01-09");
  NiceGuidance guidance;
  guidance.id = NiceGuidanceId{4};
  guidance.organisation_id = kTrust;
  guidance.type = GuidanceType::ng;
  guidance.number = 89;
  guidance.title = "Venous thromboembolism in over 16s";
  guidance.applicability = Applicability::applicable;
  guidance.lead = UserId{3};
  guidance.lead_name = "cl2@rxx.nhs.uk";
  guidance.review_due = d("2026-02-27");
  NiceGuidance elsewhere = guidance;
  elsewhere.id = NiceGuidanceId{5};
  elsewhere.organisation_id = kOtherTrust;
  elsewhere.lead.reset();
  elsewhere.applicability = Applicability::not_applicable;
  inputs.nice_guidance = {guidance, elsewhere};
  const auto kinds = [](const std::vector<Notification>& all) {
    std::vector<Notification> out;
    for (const auto& row : all) {
      if (row.kind == NotificationKind::nice_review_overdue) out.push_back(row);
    }
    return out;
  };
  EXPECT_TRUE(kinds(on(inputs, "2026-02-27")).empty());
  const auto late = kinds(on(inputs, "2026-02-28"));
  ASSERT_EQ(late.size(), 1U);  // the other trust's guidance does not apply
  EXPECT_EQ(late[0].recipients, (std::vector<std::string>{"am@rxx.nhs.uk", "cl2@rxx.nhs.uk"}));
  EXPECT_EQ(late[0].link, "/nice/4");
  EXPECT_EQ(late[0].key, "nice:4:review_overdue:2026-02-27");
  EXPECT_EQ(late[0].subject, "NICE guidance review overdue: NG89 Venous thromboembolism in over 16s");
  EXPECT_NE(late[0].body.find("Review due: 2026-02-27 (Friday)."), std::string::npos) << late[0].body;
}

}  // namespace
}  // namespace clinaudit::domain
