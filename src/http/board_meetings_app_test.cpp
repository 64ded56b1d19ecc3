// The board engagement record through the web application (App::handle on a real SQLite
// file): the form, the JSON API, the organisation scope, and the engagement metrics that a
// recorded meeting feeds.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

const domain::Actor kTest{std::nullopt, "test"};

// A national report published on 2025-10-09 and not yet reviewed, for `trust`.
ReportReviewId unreviewed_report(TestWorld& world, const testing::Trust& trust) {
  domain::ReportReview review{
      {}, world.national_audit(), trust.id, "NELA ninth report", *Date::parse("2025-10-09"), std::nullopt, "", "", {},
      ""};
  return world.store().add_report_review(review, kTest).value();
}

std::string id_text(std::int64_t id) { return std::to_string(id); }

TEST(BoardMeetings, RecordingAMeetingThatReviewsAReportMovesTheEngagementMetrics) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const auto report = unreviewed_report(world, world.own());
  const auto lead = world.own().callers.at(Role::clinical_lead).user;

  auto before = json::parse(world.call("GET", "/api/board-meetings", &manager).body);
  ASSERT_EQ(before["engagement"].size(), 1U);
  EXPECT_EQ(before["engagement"][0]["year"], "2025/26");
  EXPECT_EQ(before["engagement"][0]["national_reports_published"], 1);
  EXPECT_EQ(before["engagement"][0]["national_reports_reviewed"], 0);
  EXPECT_TRUE(before["engagement"][0]["median_days_to_review"].is_null());
  EXPECT_EQ(before["engagement"][0]["board_actions_due"], 0);

  const Response recorded = world.call("POST", "/board-meetings", &manager,
                                       {{"committee", "Quality Committee"},
                                        {"held_on", "2026-01-08"},
                                        {"item_0", "report_review:" + id_text(report.value)},
                                        {"item_decision_0", "Received; actions agreed"},
                                        {"item_1", ""},  // a blank row is ignored
                                        {"item_2", "other"},
                                        {"item_title_2", "Clinical audit programme"},
                                        {"item_decision_2", "Approved"},
                                        {"action_title_0", "Consultant present for every high-risk laparotomy"},
                                        {"action_owner_0", id_text(lead.id.value)},
                                        {"action_due_0", "2026-01-12"},
                                        {"action_title_1", "Report theatre access"},
                                        {"action_owner_name_1", "Dr A Jones"},
                                        {"action_due_1", "2026-04-30"}});
  ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 2000);
  const std::string location = recorded.header("Location");
  ASSERT_EQ(location.rfind("/board-meetings/", 0), 0U) << location;

  const Response page = world.call("GET", location, &manager);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "The meeting was recorded.")) << page.body;
  EXPECT_TRUE(contains(page.body, "NELA ninth report"));
  EXPECT_TRUE(contains(page.body, "Received; actions agreed"));
  EXPECT_TRUE(contains(page.body, "Clinical audit programme"));
  EXPECT_TRUE(contains(page.body, "Dr A Jones"));
  EXPECT_TRUE(contains(page.body, lead.display_name));
  EXPECT_TRUE(contains(page.body, "Overdue"));  // due 2026-01-12, today is 2026-01-15

  // The report is now reviewed by the committee on the meeting's date.
  const auto reviews = world.store().report_reviews(world.own().id).value();
  ASSERT_EQ(reviews.size(), 1U);
  EXPECT_EQ(reviews[0].reviewed_on, Date::parse("2026-01-08").value());
  EXPECT_EQ(reviews[0].committee, "Quality Committee");

  // Hand-computed: 1 of 1 national report reviewed, 91 days after publication (9 October to
  // 8 January); one board action due by today (the other is due in April), not completed.
  auto after = json::parse(world.call("GET", "/api/board-meetings", &manager).body);
  EXPECT_EQ(after["engagement"][0]["national_reports_reviewed"], 1);
  EXPECT_EQ(after["engagement"][0]["median_days_to_review"], 91.0);
  EXPECT_EQ(after["engagement"][0]["board_actions_due"], 1);
  EXPECT_EQ(after["engagement"][0]["board_actions_on_time"], 0);
  ASSERT_EQ(after["meetings"].size(), 1U);
  EXPECT_EQ(after["meetings"][0]["items"], 2);
  EXPECT_EQ(after["meetings"][0]["actions_raised"], 2);

  const Response list = world.call("GET", "/board-meetings", &world.own().callers.at(Role::board_member));
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "1 of 1 (100%)")) << list.body;
  EXPECT_TRUE(contains(list.body, "91.0"));
  EXPECT_FALSE(contains(list.body, "Record the meeting"));  // a board member may not record
}

TEST(BoardMeetings, ARefusedFormIs400WithEachProblemAtItsFieldAndKeepsWhatWasEntered) {
  TestWorld world;
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response refused = world.call("POST", "/board-meetings", &lead,
                                      {{"committee", "Quality <Committee>"},
                                       {"held_on", "2026-01-08"},
                                       {"item_0", "other"},
                                       {"item_decision_0", "Noted"},
                                       {"action_title_0", "Audit the pathway again"},
                                       {"action_owner_name_0", "Dr A Jones"}});
  EXPECT_EQ(refused.status, 400);
  const std::string& body = refused.body;
  EXPECT_TRUE(contains(body, "There is a problem"));
  EXPECT_TRUE(contains(body, "<a href=\"#item-title-0\">Item 1: say what was presented</a>")) << body;
  EXPECT_TRUE(contains(body, "<a href=\"#action-due-0\">Action 1: enter the due date as YYYY-MM-DD</a>"));
  EXPECT_TRUE(contains(body, "id=\"item-title-0-error\""));
  EXPECT_TRUE(contains(body, "aria-describedby=\"item-title-0-hint item-title-0-error\""));
  EXPECT_TRUE(contains(body, "value=\"Quality &lt;Committee&gt;\""));  // kept, escaped
  EXPECT_TRUE(contains(body, ">Noted</textarea>"));
  EXPECT_TRUE(contains(body, "value=\"Audit the pathway again\""));
  EXPECT_TRUE(contains(body, "value=\"Dr A Jones\""));
  EXPECT_TRUE(contains(body, "<option value=\"other\" selected>"));
  EXPECT_TRUE(contains(body, "name=\"csrf\""));
  EXPECT_TRUE(world.store().board_meetings(world.own().id)->empty());
}

TEST(BoardMeetings, AnotherOrganisationsRecordsCannotBePresentedOrOwned) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const auto theirs = unreviewed_report(world, world.other());
  const auto their_case = world.new_outlier_case(world.other());
  const auto their_user = world.other().callers.at(Role::clinical_lead).user.id;
  const Response form = world.call("POST", "/board-meetings", &manager,
                                   {{"committee", "Quality Committee"},
                                    {"held_on", "2026-01-08"},
                                    {"item_0", "report_review:" + id_text(theirs.value)},
                                    {"item_decision_0", "Noted"},
                                    {"item_1", "outlier_case:" + id_text(their_case.value)},
                                    {"item_decision_1", "Noted"},
                                    {"action_title_0", "Do it"},
                                    {"action_owner_0", id_text(their_user.value)},
                                    {"action_due_0", "2026-02-01"}});
  EXPECT_EQ(form.status, 400);
  EXPECT_TRUE(
      contains(form.body, "there is no national report review " + id_text(theirs.value) + " in your organisation"));
  EXPECT_FALSE(contains(form.body, "NELA ninth report"));  // nothing of theirs is shown
  EXPECT_TRUE(contains(form.body, "there is no outlier case " + id_text(their_case.value) + " in your organisation"));
  EXPECT_TRUE(contains(form.body, "there is no user " + id_text(their_user.value) + " in your organisation"));

  const json meeting{{"committee", "Quality Committee"},
                     {"held_on", "2026-01-08"},
                     {"items", {{{"kind", "report_review"}, {"ref_id", theirs.value}, {"decision", "Noted"}}}}};
  const Response api = world.call_body("POST", "/api/board-meetings", manager, meeting.dump());
  EXPECT_EQ(api.status, 400);
  const auto error = json::parse(api.body)["error"];
  EXPECT_EQ(error["code"], "invalid_input");
  ASSERT_EQ(error["details"].size(), 1U);
  EXPECT_EQ(error["details"][0]["field"], "items[0].ref_id");

  EXPECT_TRUE(world.store().board_meetings(world.own().id)->empty());
  EXPECT_FALSE(world.store().report_reviews(world.other().id)->at(0).reviewed_on);
}

TEST(BoardMeetings, AnotherOrganisationsMeetingIsNotFound) {
  TestWorld world;
  const domain::BoardMeetingRecord record{
      {{}, world.other().id, "Their Board", *Date::parse("2026-01-08")}, {}, {}, {}};
  const auto theirs = world.store().add_board_meeting(record, kTest).value();
  auto& admin = world.own().callers.at(Role::admin);
  EXPECT_EQ(world.call("GET", "/board-meetings/" + id_text(theirs.value), &admin).status, 404);
  EXPECT_EQ(world.call("GET", "/api/board-meetings/" + id_text(theirs.value), &admin).status, 404);
  EXPECT_EQ(world.call("GET", "/board-meetings/999999", &admin).status, 404);
  EXPECT_FALSE(contains(world.call("GET", "/board-meetings", &admin).body, "Their Board"));
  EXPECT_EQ(
      world.call("GET", "/board-meetings/" + id_text(theirs.value), &world.other().callers.at(Role::read_only)).status,
      200);
}

// Thursday 15 January 2026 (the test world's day): a Trust Board booked for the 20th is
// announced to the board member, whose notification leads to the meeting's page and from
// there to the meeting's board pack.
TEST(BoardMeetings, ABookedMeetingIsAnnouncedToTheBoardAndItsPageLeadsToThePack) {
  TestWorld world;
  const domain::BoardMeetingRecord record{{{}, world.own().id, "Trust Board", *Date::parse("2026-01-20")}, {}, {}, {}};
  const auto booked = world.store().add_board_meeting(record, kTest).value();
  const std::string page = "/board-meetings/" + id_text(booked.value);
  auto& board = world.own().callers.at(Role::board_member);
  const auto listed = world.call("GET", "/api/notifications", &board);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto notifications = json::parse(listed.body)["notifications"];
  ASSERT_EQ(notifications.size(), 1U) << listed.body;
  EXPECT_EQ(notifications[0]["kind"], "board_meeting_soon");
  EXPECT_EQ(notifications[0]["subject"], "Trust Board in 5 days (2026-01-20): the board pack is ready");
  EXPECT_EQ(notifications[0]["link"], page);
  const auto in_app = world.call("GET", "/notifications", &board);
  EXPECT_TRUE(contains(in_app.body, "<a href=\"" + page + "\">Open the meeting: Trust Board, 2026-01-20</a>"))
      << in_app.body;
  const auto meeting = world.call("GET", page, &board);
  ASSERT_EQ(meeting.status, 200);
  EXPECT_TRUE(contains(meeting.body, "<a href=\"/reports/board-pack?meeting=2026-01-20\">Read the board pack"))
      << meeting.body;
  EXPECT_EQ(world.call("GET", "/reports/board-pack?meeting=2026-01-20", &board).status, 200);
  // The other trust hears nothing of it.
  EXPECT_TRUE(
      json::parse(
          world.call("GET", "/api/notifications", &world.other().callers.at(Role::board_member)).body)["notifications"]
          .empty());
}

TEST(BoardMeetings, TheApiRecordsAJsonMeetingAndReadsItBack) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const json meeting{{"committee", "Trust Board"},
                     {"held_on", "2026-01-08"},
                     {"items", {{{"kind", "action"}, {"ref_id", world.own().action.value}, {"decision", "Extended"}}}},
                     {"actions",
                      {{{"title", "Re-audit in six months"},
                        {"owner_email", world.own().callers.at(Role::clinical_lead).user.email},
                        {"due_on", "2026-07-31"}}}}};
  const Response created = world.call_body("POST", "/api/board-meetings", admin, meeting.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = json::parse(created.body)["id"].get<std::int64_t>();
  const auto read = json::parse(world.call("GET", "/api/board-meetings/" + id_text(id), &admin).body);
  EXPECT_EQ(read["committee"], "Trust Board");
  EXPECT_EQ(read["items"][0]["kind"], "action");
  EXPECT_EQ(read["items"][0]["title"], "Action of " + world.own().code);
  ASSERT_EQ(read["actions"].size(), 1U);
  EXPECT_EQ(read["actions"][0]["status"], "open");
  EXPECT_EQ(read["actions"][0]["owner_id"], world.own().callers.at(Role::clinical_lead).user.id.value);

  const Response misspelt = world.call_body("POST", "/api/board-meetings", admin,
                                            R"({"committee": "Trust Board", "held_on": "2026-01-08",
                                                "items": [{"kind": "other", "title": "x", "decison": "Noted"}]})");
  EXPECT_EQ(misspelt.status, 400);
  EXPECT_EQ(json::parse(misspelt.body)["error"]["details"][0]["field"], "items[0].decison");
}

TEST(BoardMeetings, RecordingNeedsManageActionsAndTheCsrfToken) {
  TestWorld world;
  const std::map<std::string, std::string> fields{{"committee", "Trust Board"}, {"held_on", "2026-01-08"}};
  for (const auto role : {Role::read_only, Role::board_member}) {
    auto& caller = world.own().callers.at(role);
    EXPECT_EQ(world.call("POST", "/board-meetings", &caller, fields).status, 403);
    EXPECT_EQ(world.call_body("POST", "/api/board-meetings", caller, R"({"committee":"Trust Board"})").status, 403);
  }
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto forged = fields;
  forged["csrf"] = "nope";
  EXPECT_EQ(world.call("POST", "/board-meetings", &manager, forged).status, 403);
  EXPECT_EQ(world.call("POST", "/api/board-meetings", &manager, fields, false).status, 403);
  EXPECT_TRUE(world.store().board_meetings(world.own().id)->empty());
}

}  // namespace
}  // namespace clinaudit::http
