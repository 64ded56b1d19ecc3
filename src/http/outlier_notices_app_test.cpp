// A trust's register of outlier notices from audit suppliers outside clinaudit, through
// App::handle on a real SQLite file: the form, its refusals (nothing registered), a notice
// with the supplier's letter run through its stages by the trust's own people, and who sees it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::Caller;
using testing::TestWorld;
using Fields = std::map<std::string, std::string>;

// A file of tests/data/documents (see PROVENANCE.md there).
std::string sample(const std::string& name) {
  const char* root = std::getenv("CLINAUDIT_SOURCE_DIR");
  std::ifstream in(std::string(root != nullptr ? root : ".") + "/tests/data/documents/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The registration form as the browser sends it, with the letter (when any) as its file.
Response send(TestWorld& world, const Caller& who, Fields fields, const std::string& letter = {}) {
  Request request;
  request.method = "POST";
  request.path = "/outliers/notices";
  request.remote_addr = "127.0.0.1";
  request.headers["cookie"] = std::string(kSessionCookie) + "=" + who.token;
  request.headers["content-type"] = "multipart/form-data; boundary=x";
  request.fields = std::move(fields);
  request.fields["csrf"] = who.csrf;
  if (!letter.empty()) request.files["letter"] = UploadedFile{"Letter from the college.pdf", "application/pdf", letter};
  return world.app().handle(request);
}

Fields notice(TestWorld& world) {
  return {{"audit", std::to_string(world.national_audit().value)},
          {"supplier", "Royal College of Surgeons of England"},
          {"measure", "90-day mortality after oesophagectomy"},
          {"period", "2024/25"},
          {"stage", "provider_response"},
          {"received_on", "2026-01-12"},
          {"reply_by", ""},
          {"value", "8.1"},
          {"limit", "6.9"}};
}

std::size_t case_count(TestWorld& world) { return world.store().outlier_cases(std::nullopt, std::nullopt)->size(); }

TEST(OutlierNoticesApp, TheFormOffersTheNationalAuditsAndTheStagesATrustAnswers) {
  TestWorld world;
  const Response form = world.call("GET", "/outliers/notices/new", &world.own().callers.at(Role::audit_manager));
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 300);
  EXPECT_TRUE(contains(form.body, "value=\"" + std::to_string(world.national_audit().value) + "\""));
  EXPECT_FALSE(contains(form.body, "value=\"" + std::to_string(world.own().local_audit.value) + "\""));
  EXPECT_TRUE(contains(form.body, "Alarm: The provider checks its data and sends its explanation"));
  EXPECT_TRUE(contains(form.body, "Alarm: The chief executive acknowledges and starts a local review"));
  EXPECT_TRUE(contains(form.body, "Alert: The provider records its local review of the alert"));
  // The audit provider's own stages are not what a notice asks of a trust.
  EXPECT_FALSE(contains(form.body, "value=\"review\""));
  EXPECT_TRUE(contains(world.call("GET", "/outliers", &world.own().callers.at(Role::audit_manager)).body,
                       "href=\"/outliers/notices/new\""));
  // The national body receives no notices: it sends them.
  EXPECT_EQ(world.call("GET", "/outliers/notices/new", &world.analyst()).status, 403);
  EXPECT_EQ(world.call("GET", "/outliers/notices/new", &world.own().callers.at(Role::board_member)).status, 403);
}

TEST(OutlierNoticesApp, ARefusedNoticeRegistersNothingAndKeepsWhatWasTyped) {
  TestWorld world;
  const auto& manager = world.own().callers.at(Role::audit_manager);
  const auto before = case_count(world);
  auto fields = notice(world);
  fields["measure"] = " ";
  const Response refused = send(world, manager, fields);
  ASSERT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "The notice was not registered.")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "id=\"measure-error\"")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "value=\"Royal College of Surgeons of England\""));
  fields = notice(world);
  fields["received_on"] = "2026-02-01";  // after today (15 January 2026)
  EXPECT_TRUE(contains(send(world, manager, fields).body, "id=\"received_on-error\""));
  fields = notice(world);
  fields["stage"] = "review";
  EXPECT_TRUE(contains(send(world, manager, fields).body, "id=\"stage-error\""));
  fields = notice(world);
  fields["audit"] = std::to_string(world.own().local_audit.value);
  EXPECT_TRUE(contains(send(world, manager, fields).body, "id=\"audit-error\""));
  // A letter that is not a PDF or a Word document: refused at its field, nothing registered.
  const Response bad_letter = send(world, manager, notice(world), "just some text");
  ASSERT_EQ(bad_letter.status, 400);
  EXPECT_TRUE(contains(bad_letter.body, "id=\"letter-error\"")) << bad_letter.body;
  EXPECT_EQ(case_count(world), before);
}

TEST(OutlierNoticesApp, TheTrustRunsTheNoticesStagesWithTheSuppliersLetterAndAloneSeesIt) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response sent = send(world, manager, notice(world), sample("letter.pdf"));
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 500);
  const std::string path = sent.header("Location").substr(0, sent.header("Location").find('?'));
  const auto id = OutlierCaseId{std::stoll(path.substr(path.rfind('/') + 1))};
  const auto item = world.store().outlier_case(id).value();
  ASSERT_TRUE(item.notice);
  EXPECT_EQ(item.notice->supplier, "Royal College of Surgeons of England");
  EXPECT_EQ(item.level, domain::OutlierLevel::alarm);
  EXPECT_EQ(item.stage, "provider_response");
  EXPECT_EQ(item.status, domain::OutlierStatus::open);
  EXPECT_EQ(item.opened_on, Date::parse("2026-01-12").value());
  // 25 working days from Monday 12 January 2026 (no bank holiday between): Monday 16 February.
  EXPECT_EQ(item.stage_due_on, Date::parse("2026-02-16").value());
  const auto letters = world.store().documents(domain::DocumentOwner::outlier_case, id.value).value();
  ASSERT_EQ(letters.size(), 1U);
  EXPECT_EQ(letters[0].stage, "provider_response");

  const Response page = world.call("GET", path + "?done=notice", &manager);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "The notice was registered."));
  EXPECT_TRUE(contains(page.body, "90-day mortality after oesophagectomy"));
  EXPECT_TRUE(contains(page.body, "Royal College of Surgeons of England (outside clinaudit"));
  EXPECT_TRUE(contains(page.body, "Letter from the college.pdf"));

  // The trust answers, then records the supplier's review (confirmed) and its telling the chief executive.
  const auto complete = [&](const Caller& who, const char* decision) {
    return world.call("POST", "/api" + path + "/stage", &who, {{"decision", decision}, {"note", "Done: see letter"}});
  };
  ASSERT_EQ(complete(manager, "done").status, 200);
  ASSERT_EQ(complete(manager, "confirm").status, 200);
  EXPECT_EQ(world.store().outlier_case(id)->status, domain::OutlierStatus::confirmed);
  ASSERT_EQ(complete(world.own().callers.at(Role::clinical_lead), "done").status, 200);
  // The acknowledgement is the named chief executive's in person, as for any case.
  EXPECT_EQ(complete(manager, "done").status, 403);
  ASSERT_EQ(complete(world.own().callers.at(Role::board_member), "done").status, 200);
  ASSERT_EQ(complete(manager, "done").status, 200);
  EXPECT_EQ(world.store().outlier_case(id)->status, domain::OutlierStatus::closed);

  // Nobody outside the trust sees it: not the national analysts, another trust or the regulator.
  EXPECT_EQ(world.call("GET", path, &world.analyst()).status, 404);
  EXPECT_FALSE(contains(world.call("GET", "/api/outliers", &world.analyst()).body, "oesophagectomy"));
  EXPECT_EQ(world.call("GET", path, &world.other().callers.at(Role::admin)).status, 404);
  EXPECT_EQ(world.call("GET", path, &world.regulator()).status, 404);
}

TEST(OutlierNoticesApp, TheApiRegistersANoticeAtAConfirmedAlarmsAcknowledgement) {
  TestWorld world;
  auto fields = notice(world);
  fields["stage"] = "chief_executive_acknowledged";
  fields["reply_by"] = "2026-01-30";
  fields["supplier"] = "";
  // With no supplier typed, the audit's provider in the register sent it; an audit that names
  // none leaves the supplier to be typed.
  const Response unnamed = world.call("POST", "/api/outliers/notices", &world.own().callers.at(Role::admin), fields);
  EXPECT_EQ(unnamed.status, 400);
  EXPECT_TRUE(contains(unnamed.body, "supplier: name who sent the notice")) << unnamed.body;
  auto audit = world.store().audit(world.national_audit()).value();
  audit.provider_body = "Healthcare Quality Improvement Partnership";
  ASSERT_TRUE(world.store().update_audit(audit, domain::Actor{std::nullopt, "test"}));
  const Response created = world.call("POST", "/api/outliers/notices", &world.own().callers.at(Role::admin), fields);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = OutlierCaseId{nlohmann::json::parse(created.body)["id"].get<std::int64_t>()};
  const auto item = world.store().outlier_case(id).value();
  EXPECT_EQ(item.status, domain::OutlierStatus::confirmed);
  EXPECT_EQ(item.stage_due_on, Date::parse("2026-01-30").value());
  EXPECT_EQ(item.notice->supplier, "Healthcare Quality Improvement Partnership");
}

// A notice has no measure of clinaudit's: the notifications of the trust and of the national
// body (the daily job's inputs) are read around it, and its reminders reach the trust.
TEST(OutlierNoticesApp, NotificationsAreReadWithANoticeRegistered) {
  TestWorld world;
  auto fields = notice(world);
  fields["reply_by"] = "2026-01-16";  // the fixed clock's tomorrow: a reminder is due
  auto& manager = world.own().callers.at(Role::audit_manager);
  ASSERT_EQ(world.call("POST", "/api/outliers/notices", &manager, fields).status, 201);
  const Response trust = world.call("GET", "/api/notifications", &manager);
  ASSERT_EQ(trust.status, 200) << trust.body;
  EXPECT_TRUE(contains(trust.body, "Reminder")) << trust.body;
  for (auto* national : {&world.analyst(), &world.national_admin()}) {
    const Response answer = world.call("GET", "/api/notifications", national);
    EXPECT_EQ(answer.status, 200) << answer.body;
  }
}

}  // namespace
}  // namespace clinaudit::http
