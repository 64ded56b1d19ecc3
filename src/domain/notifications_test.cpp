#include "domain/notifications.hpp"

#include <gtest/gtest.h>

#include <map>

#include <algorithm>

namespace clinaudit::domain {
namespace {

Date d(const char* text) { return *Date::parse(text); }

const OutlierTimetable& timetable() { return OutlierTimetable::default_timetable(); }
const WorkingDayCalendar& calendar() { return WorkingDayCalendar::england_and_wales(); }

constexpr OrganisationId kTrust{1};
constexpr OrganisationId kNational{2};
constexpr OrganisationId kOtherTrust{3};

User person(std::int64_t id, const char* email, Role role, OrganisationId organisation, bool active = true) {
  User row;
  row.id = UserId{id};
  row.email = email;
  row.display_name = email;
  row.role = role;
  row.organisation_id = organisation;
  row.active = active;
  return row;
}

// A trust with one person in each role (and a clinical lead who has left), the national
// body, and a second trust whose people must never hear of the first one's business.
NotificationInputs world() {
  NotificationInputs inputs;
  inputs.organisations = {{kTrust, "RXX", "Riverside Hospitals", OrganisationType::acute, "London"},
                          {kNational, "NAT", "National Audit Body", OrganisationType::national_body, ""},
                          {kOtherTrust, "RYY", "Hilltop Trust", OrganisationType::acute, "London"}};
  inputs.users = {person(1, "am@rxx.nhs.uk", Role::audit_manager, kTrust),
                  person(2, "cl@rxx.nhs.uk", Role::clinical_lead, kTrust),
                  person(3, "bm@rxx.nhs.uk", Role::board_member, kTrust),
                  person(4, "admin@rxx.nhs.uk", Role::admin, kTrust),
                  person(5, "ro@rxx.nhs.uk", Role::read_only, kTrust),
                  person(6, "left@rxx.nhs.uk", Role::clinical_lead, kTrust, false),
                  person(7, "analyst@nat.org.uk", Role::national_analyst, kNational),
                  person(8, "admin@nat.org.uk", Role::admin, kNational),
                  person(9, "am@ryy.nhs.uk", Role::audit_manager, kOtherTrust)};
  Audit audit;
  audit.id = AuditId{4};
  audit.code = "NHFD";
  audit.title = "National Hip Fracture Database";
  inputs.audits = {audit};
  Measure measure;
  measure.id = MeasureId{5};
  measure.audit_id = audit.id;
  measure.name = "30-day mortality";
  inputs.measures = {measure};
  return inputs;
}

OutlierCase outlier_case(OutlierLevel level, const char* stage, const char* opened, const char* due) {
  OutlierCase row;
  row.id = OutlierCaseId{12};
  row.audit_id = AuditId{4};
  row.measure_id = MeasureId{5};
  row.organisation_id = kTrust;
  row.period = "2024/25";
  row.level = level;
  row.value = 0.125;
  row.limit = 0.1;
  row.stage = stage;
  row.opened_on = d(opened);
  row.stage_due_on = d(due);
  return row;
}

Action action(const char* due, std::optional<UserId> owner) {
  Action row;
  row.id = ActionId{30};
  row.organisation_id = kTrust;
  row.audit_id = AuditId{4};
  row.title = "Audit the time to theatre";
  row.owner = owner;
  row.owner_name = "Ward 7 sister";
  row.due_on = d(due);
  return row;
}

std::vector<Notification> on(const NotificationInputs& inputs, const char* today) {
  return daily_notifications(inputs, d(today), timetable(), calendar());
}

std::vector<std::string> emails(std::initializer_list<const char*> list) { return {list.begin(), list.end()}; }

// HQIP's guidance: while the audit provider checks its own data and analysis, the trust is
// not told; it hears of a potential outlier once the check is done.
TEST(Notifications, NewAlarmGoesToTheNationalAnalystsWhileTheyCheckTheData) {
  auto inputs = world();
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "data_check", "2026-04-01", "2026-04-16")};
  const auto out = on(inputs, "2026-04-01");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].kind, NotificationKind::outlier_opened);
  EXPECT_EQ(out[0].key, "outlier:12:opened");
  EXPECT_EQ(out[0].recipients, emails({"analyst@nat.org.uk"}));
  EXPECT_NE(out[0].body.find("told of this potential outlier once the data and the analysis are checked"),
            std::string::npos)
      << out[0].body;
  EXPECT_EQ(out[0].subject,
            "New outlier alarm: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 12)");
  EXPECT_NE(out[0].body.find("measure \"30-day mortality\""), std::string::npos) << out[0].body;
  EXPECT_NE(out[0].body.find("due 2026-04-16 (Thursday)"), std::string::npos) << out[0].body;
}

// The e-mails state the case's value and limit on the measure's scale, as the case's page
// does: a ratio to two places, a proportion as a percentage, not a double's every digit.
TEST(Notifications, StateTheValueAndLimitAsTheMeasureReadsThem) {
  auto inputs = world();
  inputs.measures[0].type = MeasureType::ratio;
  auto row = outlier_case(OutlierLevel::alarm, "data_check", "2026-04-01", "2026-04-16");
  row.value = 4.9999999999991855;
  row.limit = 3.6985373056339754;
  inputs.outlier_cases = {row};
  auto out = on(inputs, "2026-04-01");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_NE(out[0].body.find("value 5.00 beyond the limit 3.70."), std::string::npos) << out[0].body;

  inputs.measures[0].type = MeasureType::proportion;
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "data_check", "2026-04-01", "2026-04-16")};
  out = on(inputs, "2026-04-01");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_NE(out[0].body.find("value 12.5% beyond the limit 10.0%."), std::string::npos) << out[0].body;
}

// A national analyst who works for an audit supplier hears of the cases of that supplier's
// audits only; the national body's own analyst (no supplier) of every audit's.
TEST(Notifications, AnAuditSuppliersAnalystHearsOfItsOwnAuditsCasesOnly) {
  auto inputs = world();
  inputs.audits[0].supplier_id = SupplierId{2};
  auto own = person(10, "analyst@rcp.example", Role::national_analyst, kNational);
  own.supplier_id = SupplierId{2};
  auto other = person(11, "analyst@rcoa.example", Role::national_analyst, kNational);
  other.supplier_id = SupplierId{3};
  inputs.users.push_back(own);
  inputs.users.push_back(other);
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "data_check", "2026-04-01", "2026-04-16")};
  const auto opened = on(inputs, "2026-04-01");
  ASSERT_EQ(opened.size(), 1U);
  EXPECT_EQ(opened[0].recipients, emails({"analyst@nat.org.uk", "analyst@rcp.example"}));
  // The data check overdue: the reminder goes to the same analysts.
  const auto passed = on(inputs, "2026-04-17");
  ASSERT_FALSE(passed.empty());
  for (const auto& notification : passed) {
    EXPECT_EQ(notification.recipients, emails({"analyst@nat.org.uk", "analyst@rcp.example"})) << notification.key;
  }
}

TEST(Notifications, TheTrustHearsOfAPotentialAlarmOnceTheDataAreChecked) {
  auto inputs = world();
  // Data checked on Thursday 16 April 2026: the lead clinician's stage is due 5 working days later.
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "lead_clinician_informed", "2026-04-01", "2026-04-23")};
  const auto out = on(inputs, "2026-04-16");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].kind, NotificationKind::outlier_opened);
  EXPECT_EQ(out[0].key, "outlier:12:provider_told");
  EXPECT_EQ(out[0].recipients, emails({"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_EQ(out[0].subject,
            "Potential outlier alarm: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 12)");
  EXPECT_NE(out[0].body.find("a potential outlier, not yet confirmed"), std::string::npos) << out[0].body;
  // Not before the check is done, nor once the case has moved past the lead clinician's stage.
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "provider_response", "2026-04-01", "2026-05-28")};
  for (const auto& notification : on(inputs, "2026-04-24")) EXPECT_NE(notification.key, "outlier:12:provider_told");
}

TEST(Notifications, NewAlertStaysWithTheTrust) {
  auto inputs = world();
  inputs.outlier_cases = {
      outlier_case(OutlierLevel::alert, "alert_lead_clinician_informed", "2026-04-01", "2026-04-09")};
  const auto out = on(inputs, "2026-04-02");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].recipients, emails({"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
}

TEST(Notifications, BetterThanExpectedIsAPositiveOutlierNotAnAlarm) {
  auto inputs = world();
  auto row = outlier_case(OutlierLevel::alarm, "positive_shared", "2026-04-01", "2026-04-17");
  row.unfavourable = false;
  inputs.outlier_cases = {row};
  const auto out = on(inputs, "2026-04-01");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].subject,
            "New positive outlier: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 12)");
  EXPECT_EQ(out[0].recipients, emails({"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
}

TEST(Notifications, NewCaseIsAnnouncedForFiveWorkingDaysOnly) {
  // Opened Wednesday 1 April 2026; Good Friday (3rd) and Easter Monday (6th) are not counted,
  // so the fifth working day after is Friday 10 April.
  auto inputs = world();
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "data_check", "2026-04-01", "2026-04-16")};
  EXPECT_EQ(on(inputs, "2026-04-10").size(), 1U);
  EXPECT_TRUE(on(inputs, "2026-04-13").empty());
  EXPECT_TRUE(on(inputs, "2026-03-31").empty());  // not opened yet
}

// The notifications of `today` but the trust's notice of a potential outlier (which comes while
// a case is at the lead clinician's stage: TheTrustHearsOfAPotentialAlarmOnceTheDataAreChecked).
std::vector<Notification> stage_reminders(const NotificationInputs& inputs, const char* today) {
  auto all = on(inputs, today);
  std::erase_if(all, [](const Notification& n) { return n.key.ends_with(":provider_told"); });
  return all;
}

// lead_clinician_informed (audit provider, 5 working days) entered Tuesday 15 April 2025 is due
// Thursday 24 April: Good Friday (18th) and Easter Monday (21st) are not working days.
TEST(Notifications, StageDeadlineAcrossEaster2025) {
  auto inputs = world();
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "lead_clinician_informed", "2025-03-01", "2025-04-24")};

  EXPECT_TRUE(stage_reminders(inputs, "2025-04-17").empty());  // three working days left: 22nd, 23rd, 24th

  const auto approaching = stage_reminders(inputs, "2025-04-22");
  ASSERT_EQ(approaching.size(), 1U);
  EXPECT_EQ(approaching[0].kind, NotificationKind::stage_deadline_approaching);
  EXPECT_EQ(approaching[0].key, "outlier:12:lead_clinician_informed:deadline_approaching:2025-04-24");
  EXPECT_EQ(approaching[0].recipients, emails({"analyst@nat.org.uk"}));
  EXPECT_EQ(approaching[0].subject,
            "Reminder: outlier case 12, stage due 2025-04-24: The provider's lead clinician is told and asked to check "
            "the data and explain");

  const auto passed = stage_reminders(inputs, "2025-04-25");
  ASSERT_EQ(passed.size(), 1U);
  EXPECT_EQ(passed[0].kind, NotificationKind::stage_deadline_passed);
  EXPECT_EQ(passed[0].subject,
            "Deadline passed: outlier case 12, stage due 2025-04-24 (1 working day overdue): The provider's lead "
            "clinician is told and asked to check the data and explain");
  EXPECT_NE(passed[0].body.find("Due: 2025-04-24 (Thursday)."), std::string::npos) << passed[0].body;
  EXPECT_NE(passed[0].body.find("Responsible: the national audit provider."), std::string::npos);
  EXPECT_NE(passed[0].body.find("Late by: 1 working day."), std::string::npos) << passed[0].body;

  // Thursday 1 May: 25th, 28th, 29th, 30th, 1st = 5 working days late, not yet escalated.
  const auto five = stage_reminders(inputs, "2025-05-01");
  ASSERT_EQ(five.size(), 1U);
  EXPECT_EQ(five[0].kind, NotificationKind::stage_deadline_passed);
  EXPECT_NE(five[0].subject.find("(5 working days overdue)"), std::string::npos) << five[0].subject;

  // Friday 2 May: 6 working days late, escalated to the national body's admins as well.
  const auto escalated = stage_reminders(inputs, "2025-05-02");
  ASSERT_EQ(escalated.size(), 1U);
  EXPECT_EQ(escalated[0].kind, NotificationKind::stage_escalation);
  EXPECT_EQ(escalated[0].key, "outlier:12:lead_clinician_informed:escalation:2025-04-24");
  EXPECT_EQ(escalated[0].recipients, emails({"admin@nat.org.uk", "analyst@nat.org.uk"}));
  EXPECT_EQ(escalated[0].subject,
            "Escalation: outlier case 12, stage 6 working days overdue (due 2025-04-24): The provider's lead clinician "
            "is told and asked to check the data and explain");
}

TEST(Notifications, ProviderStageEscalatesToTheChiefExecutiveAndBoard) {
  auto inputs = world();
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "provider_response", "2025-03-01", "2025-04-24")};
  const auto passed = on(inputs, "2025-04-25");
  ASSERT_EQ(passed.size(), 1U);
  EXPECT_EQ(passed[0].recipients, emails({"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_NE(passed[0].body.find("Responsible: the provider organisation."), std::string::npos);
  const auto escalated = on(inputs, "2025-05-02");
  ASSERT_EQ(escalated.size(), 1U);
  EXPECT_EQ(escalated[0].recipients, emails({"admin@rxx.nhs.uk", "am@rxx.nhs.uk", "bm@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
}

// The regulator's part (HQIP's guidance): it is informed of an alarm once the audit provider
// confirms it, and of a provider that fails to respond in time; nothing else reaches it.
NotificationInputs world_with_regulator() {
  auto inputs = world();
  inputs.users.push_back(person(10, "inspector@regulator.org.uk", Role::regulator, kNational));
  inputs.users.push_back(person(11, "former@regulator.org.uk", Role::regulator, kNational, false));
  return inputs;
}

std::vector<Notification> of_kind(const std::vector<Notification>& all, NotificationKind kind) {
  std::vector<Notification> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [kind](const auto& n) { return n.kind == kind; });
  return out;
}

TEST(Notifications, TheRegulatorHearsOfAnAlarmOnceItIsConfirmed) {
  auto inputs = world_with_regulator();
  // Confirmed at review on Monday 1 June 2026: the chief executive is to be told by Monday 8 June.
  auto row = outlier_case(OutlierLevel::alarm, "chief_executive_informed", "2026-03-02", "2026-06-08");
  row.status = OutlierStatus::confirmed;
  inputs.outlier_cases = {row};
  const auto told = of_kind(on(inputs, "2026-06-01"), NotificationKind::regulator_alarm_confirmed);
  ASSERT_EQ(told.size(), 1U);
  EXPECT_EQ(told[0].key, "outlier:12:regulator_confirmed");
  EXPECT_EQ(told[0].recipients, emails({"inspector@regulator.org.uk"}));
  EXPECT_EQ(told[0].subject,
            "Confirmed outlier alarm: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (case 12)");
  EXPECT_EQ(told[0].link, "/outliers/12");
  EXPECT_FALSE(told[0].escalates);
  // Announced until the stage's deadline, then no more.
  EXPECT_EQ(of_kind(on(inputs, "2026-06-08"), NotificationKind::regulator_alarm_confirmed).size(), 1U);
  EXPECT_TRUE(of_kind(on(inputs, "2026-06-09"), NotificationKind::regulator_alarm_confirmed).empty());
  // The regulator hears of nothing else about it: not the reminders of the audit provider's stage.
  for (const auto& n : on(inputs, "2026-06-08")) {
    if (n.kind != NotificationKind::regulator_alarm_confirmed) {
      EXPECT_FALSE(std::binary_search(n.recipients.begin(), n.recipients.end(), "inspector@regulator.org.uk")) << n.key;
    }
  }
  // An alarm still at its review, and an alert, are not for the regulator.
  row.status = OutlierStatus::open;
  row.stage = "review";
  inputs.outlier_cases = {row};
  EXPECT_TRUE(of_kind(on(inputs, "2026-06-01"), NotificationKind::regulator_alarm_confirmed).empty());
}

TEST(Notifications, AProviderThatMissesItsResponseIsEscalatedToTheRegulator) {
  auto inputs = world_with_regulator();
  // The provider's response was due Friday 1 May 2026; Monday 4 May is a bank holiday.
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "provider_response", "2026-03-02", "2026-05-01")};
  // Five working days late (Tuesday 5 to Monday 11 May): the trust's senior managers, not yet the regulator.
  EXPECT_TRUE(of_kind(on(inputs, "2026-05-11"), NotificationKind::regulator_escalation).empty());
  EXPECT_EQ(of_kind(on(inputs, "2026-05-11"), NotificationKind::stage_escalation).size(), 0U);
  const auto escalated = of_kind(on(inputs, "2026-05-12"), NotificationKind::regulator_escalation);
  ASSERT_EQ(escalated.size(), 1U);
  EXPECT_EQ(escalated[0].key, "outlier:12:provider_response:regulator:2026-05-01");
  EXPECT_EQ(escalated[0].recipients, emails({"inspector@regulator.org.uk"}));
  EXPECT_EQ(escalated[0].escalates, OutlierCaseId{12});
  EXPECT_EQ(escalated[0].subject, "Outlier alarm escalated: Riverside Hospitals (RXX) has missed a deadline (case 12)");
  EXPECT_NE(escalated[0].body.find("Due: 2026-05-01 (Friday).\nLate by: 6 working days."), std::string::npos)
      << escalated[0].body;
  EXPECT_EQ(of_kind(on(inputs, "2026-05-12"), NotificationKind::stage_escalation).size(), 1U);
  // The chief executive's acknowledgement is the provider's too.
  inputs.outlier_cases = {
      outlier_case(OutlierLevel::alarm, "chief_executive_acknowledged", "2026-03-02", "2026-05-01")};
  EXPECT_EQ(of_kind(on(inputs, "2026-05-12"), NotificationKind::regulator_escalation).size(), 1U);
  // The audit provider's own lateness, and an alert's local review, are not escalated to the regulator.
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "review", "2026-03-02", "2026-05-01")};
  EXPECT_TRUE(of_kind(on(inputs, "2026-05-12"), NotificationKind::regulator_escalation).empty());
  inputs.outlier_cases = {outlier_case(OutlierLevel::alert, "alert_local_review", "2026-03-02", "2026-05-01")};
  EXPECT_TRUE(of_kind(on(inputs, "2026-05-12"), NotificationKind::regulator_escalation).empty());
}

// A notice the trust registered from a supplier outside clinaudit: nobody is told it opened
// (the audit team entered it), the supplier's stages are chased by the trust's audit managers,
// and neither the national analysts nor the regulator hear of it.
TEST(Notifications, ARegisteredNoticeStaysWithTheTrust) {
  auto inputs = world_with_regulator();
  auto row = outlier_case(OutlierLevel::alarm, "provider_response", "2026-03-02", "2026-05-01");
  row.notice = OutlierNotice{"Royal College of Surgeons of England", "90-day mortality after oesophagectomy"};
  inputs.outlier_cases = {row};
  EXPECT_TRUE(on(inputs, "2026-03-02").empty());
  const auto escalated = on(inputs, "2026-05-12");
  ASSERT_EQ(escalated.size(), 1U);
  EXPECT_EQ(escalated[0].kind, NotificationKind::stage_escalation);
  EXPECT_EQ(escalated[0].recipients, emails({"admin@rxx.nhs.uk", "am@rxx.nhs.uk", "bm@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_NE(escalated[0].body.find("(a notice from Royal College of Surgeons of England), measure \"90-day mortality "
                                   "after oesophagectomy\""),
            std::string::npos)
      << escalated[0].body;
  // At the supplier's review, the trust's audit managers are reminded to chase it.
  row.stage = "review";
  inputs.outlier_cases = {row};
  const auto chase = on(inputs, "2026-05-05");
  ASSERT_EQ(chase.size(), 1U);
  EXPECT_EQ(chase[0].kind, NotificationKind::stage_deadline_passed);
  EXPECT_EQ(chase[0].recipients, emails({"am@rxx.nhs.uk"}));
  EXPECT_NE(chase[0].body.find("Responsible: the audit supplier, Royal College of Surgeons of England (recorded by "
                               "your audit team)."),
            std::string::npos)
      << chase[0].body;
  // Confirmed by the supplier: the regulator is the supplier's to tell, not clinaudit's.
  row.stage = "chief_executive_informed";
  row.status = OutlierStatus::confirmed;
  row.stage_due_on = d("2026-06-08");
  inputs.outlier_cases = {row};
  EXPECT_TRUE(of_kind(on(inputs, "2026-06-01"), NotificationKind::regulator_alarm_confirmed).empty());
}

TEST(Notifications, ClosedAndWithdrawnCasesAreQuiet) {
  auto inputs = world();
  auto row = outlier_case(OutlierLevel::alarm, "review", "2025-04-22", "2025-04-24");
  row.status = OutlierStatus::withdrawn;
  inputs.outlier_cases = {row};
  EXPECT_TRUE(on(inputs, "2025-04-25").empty());
}

// An action due Monday 22 December 2025; Christmas Day, Boxing Day and New Year's Day are
// bank holidays.
TEST(Notifications, ActionDueAndOverdueAcrossChristmas2025) {
  auto inputs = world();
  inputs.actions = {action("2025-12-22", UserId{2})};

  EXPECT_TRUE(on(inputs, "2025-12-14").empty());  // eight days ahead
  const auto soon = on(inputs, "2025-12-15");
  ASSERT_EQ(soon.size(), 1U);
  EXPECT_EQ(soon[0].kind, NotificationKind::action_due_soon);
  EXPECT_EQ(soon[0].key, "action:30:due_soon:2025-12-22");
  EXPECT_EQ(soon[0].recipients, emails({"cl@rxx.nhs.uk"}));
  EXPECT_EQ(soon[0].subject, "Action due 2025-12-22: Audit the time to theatre");
  EXPECT_EQ(on(inputs, "2025-12-22").at(0).kind, NotificationKind::action_due_soon);  // due today

  const auto overdue = on(inputs, "2025-12-23");
  ASSERT_EQ(overdue.size(), 1U);
  EXPECT_EQ(overdue[0].kind, NotificationKind::action_overdue);
  EXPECT_EQ(overdue[0].recipients, emails({"cl@rxx.nhs.uk"}));
  EXPECT_EQ(overdue[0].subject, "Action overdue: Audit the time to theatre (due 2025-12-22, 1 working day overdue)");

  // Thursday 8 January 2026: 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8 Jan = 10 working days.
  const auto ten = on(inputs, "2026-01-08");
  ASSERT_EQ(ten.size(), 1U);
  EXPECT_EQ(ten[0].kind, NotificationKind::action_overdue);
  EXPECT_NE(ten[0].subject.find("10 working days overdue"), std::string::npos) << ten[0].subject;

  const auto escalated = on(inputs, "2026-01-09");
  ASSERT_EQ(escalated.size(), 1U);
  EXPECT_EQ(escalated[0].kind, NotificationKind::action_escalation);
  EXPECT_EQ(escalated[0].key, "action:30:escalation:2025-12-22");
  EXPECT_EQ(escalated[0].recipients, emails({"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_EQ(escalated[0].subject, "Escalation: action 'Audit the time to theatre' is 11 working days overdue");
  EXPECT_NE(escalated[0].body.find("Owner: cl@rxx.nhs.uk."), std::string::npos) << escalated[0].body;
}

TEST(Notifications, ActionWithoutAnAccountGoesToTheAuditManagers) {
  auto inputs = world();
  inputs.actions = {action("2025-12-22", std::nullopt)};
  const auto out = on(inputs, "2025-12-23");
  ASSERT_EQ(out.size(), 1U);
  EXPECT_EQ(out[0].recipients, emails({"am@rxx.nhs.uk"}));
  EXPECT_NE(out[0].body.find("Owner: Ward 7 sister."), std::string::npos) << out[0].body;
}

TEST(Notifications, ActionPastDueOnlyOverABankHolidayIsNotYetOverdue) {
  // Due Christmas Eve (Wednesday); on Boxing Day no working day has passed since.
  auto inputs = world();
  inputs.actions = {action("2025-12-24", UserId{2})};
  EXPECT_TRUE(on(inputs, "2025-12-26").empty());
  EXPECT_EQ(on(inputs, "2025-12-29").at(0).kind, NotificationKind::action_overdue);
}

TEST(Notifications, FinishedActionsAreQuiet) {
  auto inputs = world();
  auto done = action("2025-12-22", UserId{2});
  done.status = ActionStatus::completed;
  auto cancelled = done;
  cancelled.id = ActionId{31};
  cancelled.status = ActionStatus::cancelled;
  inputs.actions = {done, cancelled};
  EXPECT_TRUE(on(inputs, "2026-01-09").empty());
}

TEST(Notifications, PublishedReportUntilReviewed) {
  // Published Monday 2 March 2026: announced for 5 working days (to Monday 9th), then
  // reminded from the 20th working day after, Monday 30 March.
  auto inputs = world();
  ReportReview review;
  review.id = ReportReviewId{8};
  review.audit_id = AuditId{4};
  review.organisation_id = kTrust;
  review.report_title = "NHFD annual report 2026";
  review.published_on = d("2026-03-02");
  inputs.report_reviews = {review};

  const auto published = on(inputs, "2026-03-02");
  ASSERT_EQ(published.size(), 1U);
  EXPECT_EQ(published[0].kind, NotificationKind::report_published);
  EXPECT_EQ(published[0].key, "report:8:published");
  EXPECT_EQ(published[0].recipients, emails({"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_EQ(on(inputs, "2026-03-09").size(), 1U);
  EXPECT_TRUE(on(inputs, "2026-03-10").empty());
  EXPECT_TRUE(on(inputs, "2026-03-27").empty());

  const auto reminder = on(inputs, "2026-03-30");
  ASSERT_EQ(reminder.size(), 1U);
  EXPECT_EQ(reminder[0].kind, NotificationKind::report_not_reviewed);
  EXPECT_EQ(reminder[0].subject, "National report not yet reviewed: NHFD annual report 2026 (published 2026-03-02)");

  inputs.report_reviews[0].reviewed_on = d("2026-03-20");
  EXPECT_TRUE(on(inputs, "2026-03-30").empty());
}

TEST(Notifications, AnAssignedReportIsRemindedAfterItsDeadlineToItsLeadToo) {
  // Published Monday 2 March 2026, assigned to the administrator (who hears of no other
  // report) with a deadline of Friday 13 March: the reminder comes on Monday 16th, not
  // 20 working days after publication; and for a report assigned without a review record.
  auto inputs = world();
  ReportReview review;
  review.id = ReportReviewId{8};
  review.audit_id = AuditId{4};
  review.organisation_id = kTrust;
  review.report_id = AuditReportId{21};
  review.report_title = "NHFD annual report 2026";
  review.published_on = d("2026-03-02");
  inputs.report_reviews = {review};
  ReportAssignment assignment;
  assignment.id = 40;
  assignment.organisation_id = kTrust;
  assignment.report_id = AuditReportId{21};
  assignment.lead = UserId{4};
  assignment.lead_name = "admin@rxx.nhs.uk";
  assignment.deadline = d("2026-03-13");
  assignment.audit_id = AuditId{4};
  assignment.report_title = "NHFD annual report 2026";
  assignment.published_on = d("2026-03-02");
  inputs.report_assignments = {assignment};

  EXPECT_TRUE(on(inputs, "2026-03-13").empty());
  const auto late = on(inputs, "2026-03-16");
  ASSERT_EQ(late.size(), 1U);
  EXPECT_EQ(late[0].kind, NotificationKind::report_not_reviewed);
  EXPECT_EQ(late[0].key, "report:8:not_reviewed");
  EXPECT_EQ(late[0].recipients, emails({"admin@rxx.nhs.uk", "am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_NE(late[0].body.find("Review deadline: "), std::string::npos) << late[0].body;

  inputs.report_reviews.clear();
  EXPECT_TRUE(on(inputs, "2026-03-02").empty());  // no announcement without a review record
  const auto unrecorded = on(inputs, "2026-03-16");
  ASSERT_EQ(unrecorded.size(), 1U);
  EXPECT_EQ(unrecorded[0].key, "report:assignment:40:not_reviewed");
  EXPECT_EQ(unrecorded[0].link, "/audit-reports/21");
}

TEST(Notifications, InAppListOfOneUser) {
  auto inputs = world();
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "provider_response", "2025-04-22", "2025-04-24")};
  inputs.actions = {action("2025-04-28", UserId{2})};
  const auto all = on(inputs, "2025-04-25");
  ASSERT_EQ(all.size(), 3U);  // opened, deadline passed, action due soon
  EXPECT_EQ(notifications_for(all, "cl@rxx.nhs.uk").size(), 3U);
  EXPECT_EQ(notifications_for(all, "am@rxx.nhs.uk").size(), 2U);
  EXPECT_EQ(notifications_for(all, "analyst@nat.org.uk").size(), 1U);
  EXPECT_TRUE(notifications_for(all, "am@ryy.nhs.uk").empty());
  EXPECT_TRUE(notifications_for(all, "left@rxx.nhs.uk").empty());
  EXPECT_TRUE(notifications_for(all, "ro@rxx.nhs.uk").empty());
}

// A CUSUM signal of worse outcomes goes to the trust's audit managers and clinical leads for
// five working days after the run that raised it; an improvement signal is not announced.
TEST(Notifications, ANewCusumSignalOfWorseOutcomesIsAnnouncedToTheTrust) {
  auto inputs = world();
  StoredCusumAlert worse;
  worse.id = 41;
  worse.run_id = AnalysisRunId{3};
  worse.audit_id = AuditId{4};
  worse.measure_id = MeasureId{5};
  worse.organisation_id = kTrust;
  worse.upper = true;
  worse.signalled_on = d("2026-03-02");
  worse.episodes_monitored = 57;
  worse.raised_on = d("2026-03-30");  // a Monday; Good Friday 3 April and Easter Monday 6 April follow
  StoredCusumAlert better = worse;
  better.id = 42;
  better.upper = false;
  inputs.cusum_alerts = {better, worse};

  const auto on_raising = daily_notifications(inputs, d("2026-03-30"), timetable(), calendar());
  ASSERT_EQ(on_raising.size(), 1U);
  EXPECT_EQ(on_raising[0].kind, NotificationKind::cusum_alert);
  EXPECT_EQ(on_raising[0].key, "cusum:41:raised");
  EXPECT_EQ(on_raising[0].recipients, (std::vector<std::string>{"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}));
  EXPECT_EQ(on_raising[0].subject,
            "CUSUM alert: National Hip Fracture Database (NHFD), Riverside Hospitals (RXX) (signal on 2026-03-02)");
  EXPECT_NE(on_raising[0].body.find("Measure: 30-day mortality"), std::string::npos) << on_raising[0].body;
  EXPECT_NE(on_raising[0].body.find("admitted on 2026-03-02 (Monday), after 57 patients"), std::string::npos)
      << on_raising[0].body;

  // Five working days on (Easter skipped) it is still caught up; the sixth is too late.
  EXPECT_EQ(daily_notifications(inputs, d("2026-04-08"), timetable(), calendar()).size(), 1U);
  EXPECT_TRUE(daily_notifications(inputs, d("2026-04-09"), timetable(), calendar()).empty());
  EXPECT_TRUE(daily_notifications(inputs, d("2026-03-27"), timetable(), calendar()).empty());
}

// Every notification links to what it is about; an e-mail gives the link absolute under the
// server's public address when one is set, else the path.
TEST(Notifications, EachLinksToTheCaseActionReportOrMeasureItIsAbout) {
  auto inputs = world();
  inputs.outlier_cases = {outlier_case(OutlierLevel::alarm, "provider_response", "2025-04-22", "2025-04-24")};
  inputs.actions = {action("2025-04-28", UserId{2})};
  ReportReview review;
  review.id = ReportReviewId{8};
  review.audit_id = AuditId{4};
  review.organisation_id = kTrust;
  review.report_title = "NHFD annual report 2025";
  review.published_on = d("2025-04-22");
  review.report_id = AuditReportId{6};
  ReportReview unfiled = review;
  unfiled.id = ReportReviewId{9};
  unfiled.report_id = AuditReportId{};
  inputs.report_reviews = {review, unfiled};
  StoredCusumAlert worse;
  worse.id = 41;
  worse.audit_id = AuditId{4};
  worse.measure_id = MeasureId{5};
  worse.organisation_id = kTrust;
  worse.upper = true;
  worse.signalled_on = d("2025-04-01");
  worse.raised_on = d("2025-04-24");
  inputs.cusum_alerts = {worse};

  const auto all = on(inputs, "2025-04-25");
  std::map<std::string, std::string> links;
  for (const auto& n : all) links[n.key] = n.link;
  EXPECT_EQ(links, (std::map<std::string, std::string>{
                       {"outlier:12:opened", "/outliers/12"},
                       {"outlier:12:provider_response:deadline_passed:2025-04-24", "/outliers/12"},
                       {"cusum:41:raised", "/measures/5"},
                       {"action:30:due_soon:2025-04-28", "/actions/30"},
                       {"report:8:published", "/audit-reports/6"},
                       {"report:9:published", "/audit-reports"},
                   }));
  for (const auto& n : all) EXPECT_FALSE(n.link_text.empty()) << n.key;

  const auto& opened = all.front();
  ASSERT_EQ(opened.key, "outlier:12:opened");
  EXPECT_EQ(opened.link_text, "Open outlier case 12");
  const auto mail = notification_email_body(opened, "https://audit.example.nhs.uk/");
  EXPECT_EQ(mail.substr(0, opened.body.size()), opened.body);
  EXPECT_EQ(mail.substr(opened.body.size()), "\nOpen outlier case 12: https://audit.example.nhs.uk/outliers/12\n");
  EXPECT_EQ(notification_url(opened, ""), "/outliers/12");
}

MeetingState meeting(const char* held_on, bool recorded = false, OrganisationId organisation = kTrust) {
  MeetingState row;
  row.meeting.id = BoardMeetingId{40};
  row.meeting.organisation_id = organisation;
  row.meeting.committee = "Trust Board";
  row.meeting.held_on = d(held_on);
  row.outcome_recorded = recorded;
  return row;
}

// Tuesday 10 February 2026: the board members hear a week ahead that the pack is ready, and
// every day up to the meeting (the daily job sends the key once).
TEST(Notifications, ABookedBoardMeetingIsAnnouncedToTheBoardMembersAWeekAhead) {
  auto inputs = world();
  inputs.board_meetings = {meeting("2026-02-10")};
  EXPECT_TRUE(on(inputs, "2026-02-02").empty()) << "8 days ahead";
  const auto week = on(inputs, "2026-02-03");
  ASSERT_EQ(week.size(), 1U);
  EXPECT_EQ(week[0].kind, NotificationKind::board_meeting_soon);
  EXPECT_EQ(week[0].key, "board_meeting:40:soon:2026-02-10");
  EXPECT_EQ(week[0].recipients, emails({"bm@rxx.nhs.uk"}));
  EXPECT_EQ(week[0].subject, "Trust Board in 7 days (2026-02-10): the board pack is ready");
  EXPECT_NE(week[0].body.find("Date: 2026-02-10 (Tuesday)."), std::string::npos) << week[0].body;
  EXPECT_NE(week[0].body.find("Riverside Hospitals (RXX)"), std::string::npos) << week[0].body;
  EXPECT_EQ(week[0].link, "/board-meetings/40");
  EXPECT_EQ(week[0].link_text, "Open the meeting: Trust Board, 2026-02-10");
  EXPECT_EQ(on(inputs, "2026-02-09")[0].subject, "Trust Board tomorrow (2026-02-10): the board pack is ready");
  EXPECT_EQ(on(inputs, "2026-02-10")[0].key, week[0].key) << "the same key up to the day";
  EXPECT_TRUE(on(inputs, "2026-02-11").empty()) << "held yesterday: the outcome has days yet";
  // Another trust's meeting goes to that trust's board members only: it has none here.
  inputs.board_meetings = {meeting("2026-02-10", false, kOtherTrust)};
  EXPECT_TRUE(on(inputs, "2026-02-03").empty());
}

// Friday 19 December 2025, then Christmas Day and Boxing Day: the fifth working day after the
// meeting is Tuesday 30 December, when the audit managers are asked to record the outcome.
TEST(Notifications, AnOutcomeNotRecordedFiveWorkingDaysAfterTheMeetingGoesToTheAuditManagers) {
  auto inputs = world();
  inputs.board_meetings = {meeting("2025-12-19")};
  EXPECT_TRUE(on(inputs, "2025-12-29").empty()) << "4 working days";
  const auto late = on(inputs, "2025-12-30");
  ASSERT_EQ(late.size(), 1U);
  EXPECT_EQ(late[0].kind, NotificationKind::board_outcome_not_recorded);
  EXPECT_EQ(late[0].key, "board_meeting:40:outcome_not_recorded");
  EXPECT_EQ(late[0].recipients, emails({"am@rxx.nhs.uk"}));
  EXPECT_EQ(late[0].subject, "Outcome not recorded: Trust Board of 2025-12-19");
  EXPECT_NE(late[0].body.find("Held on: 2025-12-19 (Friday) (5 working days ago)."), std::string::npos) << late[0].body;
  EXPECT_EQ(late[0].link, "/board-meetings/40");
  EXPECT_EQ(on(inputs, "2026-03-19").size(), 1U) << "90 days after the meeting";
  EXPECT_TRUE(on(inputs, "2026-03-20").empty()) << "older meetings are left to the meetings page";
  // Recorded: nothing, before or after.
  inputs.board_meetings = {meeting("2025-12-19", true)};
  EXPECT_TRUE(on(inputs, "2025-12-30").empty());
  inputs.board_meetings = {meeting("2026-02-10", true)};
  EXPECT_TRUE(on(inputs, "2026-02-03").empty());
}

TEST(Notifications, BoardMeetingChecksLookBackAsFarAsTheOutcomeReminder) {
  EXPECT_EQ(meetings_since(d("2026-03-20"), NotificationRules{}), d("2025-12-20"));
}

TEST(Notifications, KindNamesAreDistinct) {
  std::vector<std::string_view> names;
  for (int kind = 0; kind <= static_cast<int>(NotificationKind::regulator_escalation); ++kind) {
    names.push_back(to_string(static_cast<NotificationKind>(kind)));
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
  EXPECT_EQ(std::count(names.begin(), names.end(), "unknown"), 0);
}

}  // namespace
}  // namespace clinaudit::domain
