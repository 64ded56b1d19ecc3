// Every page of the web application, rendered through App::handle from one fixed world
// (http/testing/page_world.hpp) and compared byte for byte with its golden file,
// tests/golden/pages/NAME.html (docs/testing.md, "Page golden files"). A change of markup
// therefore shows in review as a change of these files.
//
// CLINAUDIT_REBASELINE_PAGES=1 writes the files instead of comparing them, and removes the
// files of pages no longer in the list; the tests then fail, saying how many files they
// wrote, so a rebaseline never passes by itself and is always a reviewed commit.
//
// The pages are rendered from SQLite only: the fixed names and ids need a fresh database.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "http/testing/page_golden_files.hpp"
#include "http/testing/page_world.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::Caller;
using testing::PageWorld;

using Fields = std::map<std::string, std::string>;

enum class Who { anonymous, admin, audit_manager, clinical_lead, board_member, read_only, analyst, national_admin };

// A page that changes the world gets a world of its own, so that no page depends on the
// order of the list.
enum class Shared { yes, own_world, own_world_not_analysed };

struct Page {
  std::string name;  // tests/golden/pages/NAME.html
  Who who = Who::audit_manager;
  std::string method = "GET";
  std::function<std::string(PageWorld&)> target;
  int status = 200;
  // The form's fields; may make requests of their own first (the check before a confirmation).
  std::function<Fields(PageWorld&)> fields = {};
  std::function<std::map<std::string, UploadedFile>(PageWorld&)> files = {};
  Shared shared = Shared::yes;
  std::function<void(PageWorld&)> before = {};  // what happens to the world first
};

std::filesystem::path golden_directory() {
  return std::filesystem::path(CLINAUDIT_SOURCE_DIR) / "tests" / "golden" / "pages";
}

bool rebaselining() {
  const char* value = std::getenv("CLINAUDIT_REBASELINE_PAGES");
  return value != nullptr && std::string(value) == "1";
}

std::string id(std::int64_t value) { return std::to_string(value); }

std::function<std::string(PageWorld&)> at(std::string path) {
  return [path = std::move(path)](PageWorld&) { return path; };
}

std::string participation_csv(const std::string& rows) {
  return "organisation_code,audit_code,year,eligible,participating,cases_submitted,cases_required\n" + rows;
}

std::map<std::string, UploadedFile> csv_file(const std::string& name, std::string content) {
  return {{"file", UploadedFile{name, "text/csv", std::move(content)}}};
}

// The own trust's local audit with three criteria and their results, and a re-audit of it
// with two of them again (one written with other capitals and spaces) and a new one.
void add_criteria(PageWorld& w) {
  auto& store = w.world().store();
  const domain::Actor actor{std::nullopt, "test"};
  const AuditId original = w.world().own().local_audit;
  auto repeat = store.audit(original).value();
  repeat.id = {};
  repeat.code = "LA-REAUDIT";
  repeat.title = "Consent re-audit";
  repeat.reaudit_of = original;
  const AuditId reaudit = store.add_audits({repeat}, actor).value().at(0);
  const auto add = [&](AuditId audit, const char* statement, double target, const char* exceptions, std::int64_t met,
                       std::int64_t applicable) {
    domain::Criterion c;
    c.audit_id = audit;
    c.statement = statement;
    c.target_percent = target;
    c.exceptions = exceptions;
    c.met = met;
    c.applicable = applicable;
    ASSERT_TRUE(store.add_criterion(c, actor));
  };
  add(original, "Consent recorded before the day of surgery", 95, "Emergency operations", 30, 50);
  add(original, "Risks discussed & recorded", 90, "", 40, 50);
  add(original, "Site marked before anaesthesia", 100, "", 48, 48);
  add(reaudit, "Consent recorded before the day of surgery", 95, "Emergency operations", 45, 50);
  add(reaudit, "risks discussed  & recorded", 90, "", 42, 50);
  add(reaudit, "Patient given a copy of the consent form", 80, "", 20, 25);
}

std::string own_code(PageWorld& w) { return w.world().own().code; }
std::string audit_code(PageWorld& w) { return "NAT-" + w.world().suffix(); }

// A clean participation file of the own trust, checked through the import page.
std::map<std::string, UploadedFile> clean_participation(PageWorld& w) {
  return csv_file("participation.csv",
                  participation_csv(own_code(w) + "," + audit_code(w) + ",2025/26,yes,yes,50,60\n"));
}

// A one-time password link of a person added for it (not one of the callers, whose sessions
// the pages need), with a fixed token made of `digit`, working until a day after the clock's now.
std::function<std::string(PageWorld&)> reset_link(char digit) {
  return [digit](PageWorld& w) {
    auto& store = w.world().store();
    const domain::Actor actor{std::nullopt, "page goldens"};
    auto user = store.user_by_email("reset.person@example.org");
    if (!user) {
      domain::User person{
          {},  "reset.person@example.org", "Reset Person", Role::read_only, w.world().own().id, "$argon2id$unused",
          true};
      person.id = store.add_user(person, actor).value();
      user = person;
    }
    const std::string token(64, digit);
    // Asked twice in one world (the route check asks every page's target), it is stored once.
    (void)store.add_password_reset(
        {platform::sha256_hex(token), user->id, "2026-01-15T10:00:00Z", "2026-01-16T10:00:00Z", std::nullopt}, actor);
    return "/password-reset/" + token;
  };
}

// A meeting of the own trust booked for three days ago, with nothing recorded: its page
// offers the outcome form. `suffix` follows the meeting's path.
std::function<std::string(PageWorld&)> booked_meeting(std::string suffix) {
  return [suffix = std::move(suffix)](PageWorld& w) {
    auto& store = w.world().store();
    const auto own = w.world().own().id;
    const auto meetings = store.board_meetings(own).value();
    for (const auto& meeting : meetings) {
      if (meeting.committee == "Audit Committee") return "/board-meetings/" + id(meeting.id.value) + suffix;
    }
    const domain::BoardMeetingRecord record{
        {{}, own, "Audit Committee", w.world().clock().today().plus_days(-3)}, {}, {}, {}};
    return "/board-meetings/" + id(store.add_board_meeting(record, {std::nullopt, "page goldens"}).value().value) +
           suffix;
  };
}

Caller* caller_of(PageWorld& w, Who who) {
  switch (who) {
    case Who::anonymous: return nullptr;
    case Who::admin: return &w.caller(Role::admin);
    case Who::audit_manager: return &w.caller(Role::audit_manager);
    case Who::clinical_lead: return &w.caller(Role::clinical_lead);
    case Who::board_member: return &w.caller(Role::board_member);
    case Who::read_only: return &w.caller(Role::read_only);
    case Who::analyst: return &w.world().analyst();
    case Who::national_admin: return &w.world().national_admin();
  }
  return nullptr;
}

Request request_for(PageWorld& w, const Page& page) {
  Request request;
  request.method = page.method;
  request.remote_addr = "127.0.0.1";
  const std::string target = page.target(w);
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) {
    for (auto& [k, v] : parse_urlencoded(target.substr(question + 1))) request.query.emplace(k, v);
  }
  if (page.fields) request.fields = page.fields(w);
  if (page.files) request.files = page.files(w);
  if (const Caller* caller = caller_of(w, page.who)) {
    request.headers["cookie"] = std::string(kSessionCookie) + "=" + caller->token;
    if (page.method != "GET") request.fields["csrf"] = caller->csrf;
  }
  return request;
}

// Every HTML page of the app, as a role that may see it: each page route with GET, the
// forms that answer with a page after a refused submission, and the error pages.
const std::vector<Page>& pages() {
  static const std::vector<Page> kPages = [] {
    std::vector<Page> all;
    const auto audit = [](PageWorld& w) { return id(w.world().national_audit().value); };
    // Signing in.
    all.push_back({"sign-in", Who::anonymous, "GET", at("/login?next=/audits")});
    all.push_back({"sign-in-refused", Who::anonymous, "POST", at("/login"), 401, [](PageWorld& w) {
                     return Fields{{"email", w.caller(Role::audit_manager).user.email},
                                   {"password", "not the password"},
                                   {"next", "/audits"}};
                   }});
    // One organisation's pages, as its audit manager unless said otherwise.
    all.push_back({"dashboard", Who::audit_manager, "GET", at("/")});
    all.push_back({"audits", Who::audit_manager, "GET", at("/audits")});
    all.push_back({"audit-national", Who::audit_manager, "GET",
                   [audit](PageWorld& w) { return "/audits/" + audit(w) + "?year=2025/26"; }});
    all.push_back({"audit-local", Who::audit_manager, "GET",
                   [](PageWorld& w) { return "/audits/" + id(w.world().own().local_audit.value); }});
    all.push_back({"outliers", Who::audit_manager, "GET", at("/outliers")});
    // A notice from a supplier outside clinaudit: the form, and a refusal keeping what was typed.
    all.push_back({"outlier-notice", Who::audit_manager, "GET", at("/outliers/notices/new")});
    all.push_back(
        {"outlier-notice-refused", Who::audit_manager, "POST", at("/outliers/notices"), 400, [audit](PageWorld& w) {
           return Fields{{"audit", audit(w)},
                         {"supplier", "Royal College of Surgeons of England"},
                         {"measure", ""},
                         {"period", "2024/25"},
                         {"stage", "provider_response"},
                         {"received_on", "2026-01-12"}};
         }});
    // The trust's lead clinician, whose turn it is: the page has the form to complete the stage.
    all.push_back({"outlier-case", Who::clinical_lead, "GET",
                   [](PageWorld& w) { return "/outliers/" + id(w.own_case().value); }});
    // Completing it asks for confirmation first; an empty note is refused, keeping the decision.
    const auto own_case = [](const char* suffix) {
      return [suffix](PageWorld& w) { return "/outliers/" + id(w.own_case().value) + suffix; };
    };
    all.push_back({"outlier-stage-confirm", Who::clinical_lead, "POST", own_case("/stage"), 200, [](PageWorld&) {
                     return Fields{{"decision", "done"}, {"note", "Case notes reviewed; explanation sent"}};
                   }});
    all.push_back({"outlier-stage-refused", Who::clinical_lead, "POST", own_case("/stage"), 400, [](PageWorld&) {
                     return Fields{{"decision", "done"}, {"note", ""}};
                   }});
    all.push_back({"participation", Who::audit_manager, "GET", at("/participation?year=2025/26")});
    all.push_back({"participation-refused", Who::audit_manager, "POST", at("/participation?year=2025/26"), 400,
                   [audit](PageWorld& w) {
                     const std::string n = audit(w);
                     return Fields{{"eligible_" + n, "yes"},
                                   {"participating_" + n, "yes"},
                                   {"completed_" + n, "yes"},
                                   {"submitted_" + n, "many"},
                                   {"required_" + n, "60"}};
                   }});
    all.push_back({"actions", Who::audit_manager, "GET", at("/actions?view=all")});
    all.push_back({"actions-refused", Who::audit_manager, "POST", at("/actions"), 400, [](PageWorld&) {
                     return Fields{{"title", "Audit the pathway again"}, {"due_on", "next week"}};
                   }});
    // One action with its history; a new due date refused for want of a reason.
    const auto action = [](const char* suffix) {
      return [suffix](PageWorld& w) { return "/actions/" + id(w.open_action().value) + suffix; };
    };
    all.push_back({"action", Who::audit_manager, "GET", action("")});
    all.push_back({"action-refused", Who::audit_manager, "POST", action("/due-date"), 400, [](PageWorld&) {
                     return Fields{{"due_on", "2026-06-30"}, {"reason", ""}};
                   }});
    // The local audit register.
    const auto proposal = [](const char* suffix) {
      return [suffix](PageWorld& w) { return "/register/" + id(w.proposal().value) + suffix; };
    };
    all.push_back({"register", Who::audit_manager, "GET", at("/register")});
    all.push_back({"register-audit", Who::audit_manager, "GET", proposal("")});
    all.push_back({"register-decision-refused", Who::audit_manager, "POST", proposal("/decision"), 400, [](PageWorld&) {
                     return Fields{{"decision", "decline"}, {"reason", ""}};
                   }});
    all.push_back({"register-propose", Who::clinical_lead, "GET", at("/register/propose")});
    all.push_back(
        {"register-propose-refused", Who::clinical_lead, "POST", at("/register/propose"), 400, [](PageWorld&) {
           return Fields{{"title", "Falls <assessment>"}, {"data_protection_confirmed", "no"}};
         }});
    all.push_back({"structure", Who::audit_manager, "GET", at("/structure")});
    all.push_back({"register-revise", Who::clinical_lead, "GET", proposal("/revise")});
    all.push_back({"register-revise-refused", Who::clinical_lead, "POST", proposal("/revise"), 400, [](PageWorld&) {
                     return Fields{{"title", ""}, {"standards", "GMC Decision making and consent (2020)"}};
                   }});
    all.push_back({"register-next-refused", Who::clinical_lead, "POST", proposal("/next"), 400, [](PageWorld&) {
                     return Fields{{"note", "Started"}};
                   }});
    all.push_back({"register-abandon-refused", Who::clinical_lead, "POST", proposal("/abandon"), 400, [](PageWorld&) {
                     return Fields{{"rationale", ""}};
                   }});
    all.push_back({"register-carry-over-refused", Who::audit_manager, "POST",
                   [](PageWorld& w) { return "/register/" + id(w.world().own().local_audit.value) + "/carry-over"; },
                   400,
                   [](PageWorld&) {
                     return Fields{{"reason", ""}, {"end_date", "2026-09-30"}};
                   }});
    all.push_back({"programme", Who::board_member, "GET", at("/programme")});
    all.push_back({"programme-print", Who::board_member, "GET", at("/programme/print")});
    all.push_back({"annual-audit-report", Who::board_member, "GET", at("/reports/annual-audit-report?year=2025-26")});
    all.push_back({"structure-add-refused", Who::audit_manager, "POST", at("/structure/units"), 400, [](PageWorld&) {
                     return Fields{{"name", "Surgery"}};
                   }});
    all.push_back({"structure-unit-refused", Who::audit_manager, "POST", at("/structure/units/1"), 400, [](PageWorld&) {
                     return Fields{{"name", "Surgery"}};
                   }});
    all.push_back({"notifications", Who::audit_manager, "GET", at("/notifications")});
    all.push_back({"board-meetings", Who::audit_manager, "GET", at("/board-meetings")});
    all.push_back({"board-meetings-refused", Who::audit_manager, "POST", at("/board-meetings"), 400, [](PageWorld&) {
                     return Fields{{"committee", "Quality <Committee>"},
                                   {"held_on", "2026-01-08"},
                                   {"item_0", "other"},
                                   {"item_decision_0", "Noted"},
                                   {"action_title_0", "Audit the pathway again"},
                                   {"action_owner_name_0", "Dr A Jones"}};
                   }});
    all.push_back({"board-meeting", Who::audit_manager, "GET",
                   [](PageWorld& w) { return "/board-meetings/" + id(w.meeting().value); }});
    // Published reports: the register, an audit's reports with the form to record one, one
    // report with the review form, and the forms refused.
    const auto reviewed = [](const char* suffix) {
      return [suffix](PageWorld& w) { return "/audit-reports/" + id(w.reviewed_report().value) + suffix; };
    };
    all.push_back({"audit-reports", Who::audit_manager, "GET", at("/audit-reports")});
    all.push_back({"audit-report", Who::audit_manager, "GET", reviewed("")});
    all.push_back({"audit-report-list", Who::audit_manager, "GET",
                   [audit](PageWorld& w) { return "/audits/" + audit(w) + "/reports"; }});
    all.push_back({"audit-report-list-refused", Who::analyst, "POST",
                   [audit](PageWorld& w) { return "/audits/" + audit(w) + "/reports"; }, 400,
                   [](PageWorld&) {
                     return Fields{{"title", "Tenth annual report"},
                                   {"published_on", "last spring"},
                                   {"recommendations", "Keep a <register>\nAudit it again"}};
                   }});
    all.push_back({"audit-report-review-refused", Who::audit_manager, "POST", reviewed("/review"), 400, [](PageWorld&) {
                     return Fields{{"reviewed_on", "2024-10-01"},
                                   {"committee", "Quality Committee"},
                                   {"findings", "Typed <findings> are shown again"}};
                   }});
    all.push_back(
        {"audit-report-action-refused", Who::audit_manager, "POST", reviewed("/actions"), 400, [](PageWorld&) {
           return Fields{{"title", "Weekly theatre access review"}, {"due_on", "soon"}};
         }});
    // The report tracker: the trust-wide list, one report's tracker, an assessment refused.
    all.push_back({"report-tracker", Who::audit_manager, "GET", at("/report-tracker")});
    all.push_back({"report-tracker-report", Who::audit_manager, "GET", reviewed("/tracker")});
    all.push_back({"report-tracker-refused", Who::audit_manager, "POST", reviewed("/recommendations/2/assessment"), 400,
                   [](PageWorld&) {
                     return Fields{{"compliance", "compliant"}, {"evidence", ""}};
                   }});
    all.push_back(
        {"report-tracker-assign-refused", Who::audit_manager, "POST", reviewed("/assignment"), 400, [](PageWorld&) {
           return Fields{{"lead_id", ""}, {"lead_name", "Dr <Locum>"}, {"deadline", "next month"}};
         }});
    all.push_back({"report-tracker-action-refused", Who::audit_manager, "POST", reviewed("/recommendations/1/actions"),
                   400, [](PageWorld&) {
                     return Fields{{"title", "Audit consent again"}, {"due_on", "soon"}};
                   }});
    all.push_back({"report-tracker-weeks-refused", Who::audit_manager, "POST", at("/report-tracker/settings"), 400,
                   [](PageWorld&) {
                     return Fields{{"review_weeks", "0"}};
                   }});
    // The NICE guidance register: the register, a filtered register, one piece of guidance
    // as its lead and as a board member sees it, and each of its forms refused.
    const auto guidance = [](const char* suffix) {
      return [suffix](PageWorld& w) { return "/nice/" + id(w.nice_guidance().value) + suffix; };
    };
    const auto nice_recommendation = [](const char* suffix) {
      return [suffix](PageWorld& w) {
        return "/nice/" + id(w.nice_guidance().value) + "/recommendations/" + id(w.nice_recommendation().value) +
               suffix;
      };
    };
    all.push_back({"nice", Who::audit_manager, "GET", at("/nice")});
    all.push_back({"nice-filtered", Who::board_member, "GET", at("/nice?status=applicability_to_be_assessed")});
    all.push_back({"nice-guidance", Who::audit_manager, "GET", guidance("")});
    all.push_back({"nice-guidance-lead", Who::clinical_lead, "GET", guidance("")});
    all.push_back({"nice-guidance-board", Who::board_member, "GET", guidance("")});
    all.push_back({"nice-add-refused", Who::audit_manager, "POST", at("/nice"), 400, [](PageWorld&) {
                     return Fields{{"reference", "NG"},
                                   {"title", "Sepsis <recognition>"},
                                   {"published_on", "2016-07-13"},
                                   {"applicability", "applicable"}};
                   }});
    all.push_back({"nice-edit-refused", Who::audit_manager, "POST", guidance(""), 400, [](PageWorld&) {
                     return Fields{{"title", "Hypertension in adults"},
                                   {"published_on", "2019-08-28"},
                                   {"applicability", "not_applicable"},
                                   {"applicability_note", ""}};
                   }});
    all.push_back(
        {"nice-recommendation-refused", Who::audit_manager, "POST", guidance("/recommendations"), 400, [](PageWorld&) {
           return Fields{{"label", "1.2.3"}, {"text", "Offered <again>"}};
         }});
    all.push_back({"nice-assessment-refused", Who::clinical_lead, "POST", nice_recommendation("/assessment"), 400,
                   [](PageWorld&) {
                     return Fields{{"compliance", "compliant"}, {"evidence", ""}};
                   }});
    all.push_back(
        {"nice-action-refused", Who::clinical_lead, "POST", nice_recommendation("/actions"), 400, [](PageWorld&) {
           return Fields{{"title", "Audit the clinics again"}, {"due_on", "soon"}};
         }});
    all.push_back({"nice-link-refused", Who::audit_manager, "POST", guidance("/audits"), 400, [](PageWorld&) {
                     return Fields{{"audit_id", "999999"}, {"linked", "yes"}};
                   }});
    all.push_back({"nice-review-refused", Who::audit_manager, "POST", guidance("/review"), 400, [](PageWorld&) {
                     return Fields{{"reviewed_on", "2026-01-10"}, {"next_review_due", "2025-01-10"}};
                   }});
    all.push_back({"reports", Who::board_member, "GET", at("/reports")});
    all.push_back({"quality-account", Who::board_member, "GET", at("/reports/quality-account?year=2025/26")});
    all.push_back({"board-pack", Who::board_member, "GET", at("/reports/board-pack")});
    all.push_back({"survey-results", Who::read_only, "GET",
                   [](PageWorld& w) { return "/surveys/" + id(w.world().survey().value); }});
    all.push_back({"users", Who::admin, "GET", at("/users")});
    all.push_back({"users-refused", Who::admin, "POST", at("/users"), 400, [](PageWorld&) {
                     return Fields{{"name", "New Person"},
                                   {"email", "new.person@own1.example"},
                                   {"role", "read_only"},
                                   {"password", "too short"}};
                   }});
    // Naming another organisation's user as the chief executive: refused at the field.
    all.push_back({"chief-executive-refused", Who::admin, "POST", at("/users/chief-executive"), 400, [](PageWorld&) {
                     return Fields{{"chief_executive", "999999"}};
                   }});
    const auto lead_path = [](std::string suffix) {
      return [suffix = std::move(suffix)](PageWorld& w) {
        return "/users/" + id(w.caller(Role::clinical_lead).user.id.value) + suffix;
      };
    };
    all.push_back({"user", Who::admin, "GET", lead_path("")});
    all.push_back({"user-refused", Who::admin, "POST", lead_path(""), 400, [](PageWorld&) {
                     return Fields{{"name", " "}, {"role", "board_member"}};
                   }});
    all.push_back({"user-deactivate-refused", Who::admin, "POST",
                   [](PageWorld& w) { return "/users/" + id(w.caller(Role::admin).user.id.value) + "/deactivate"; },
                   400});
    all.push_back({"password-reset", Who::anonymous, "GET", reset_link('c'), 200, {}, {}, Shared::own_world});
    all.push_back({"password-reset-refused",
                   Who::anonymous,
                   "POST",
                   reset_link('d'),
                   400,
                   [](PageWorld&) {
                     return Fields{{"password", "too short"}};
                   },
                   {},
                   Shared::own_world});
    all.push_back({"password-reset-done",
                   Who::anonymous,
                   "POST",
                   reset_link('e'),
                   200,
                   [](PageWorld&) {
                     return Fields{{"password", "a brand new passphrase"}};
                   },
                   {},
                   Shared::own_world});
    all.push_back(
        {"board-meeting-booked", Who::audit_manager, "GET", booked_meeting(""), 200, {}, {}, Shared::own_world});
    all.push_back({"board-meeting-outcome-refused",
                   Who::audit_manager,
                   "POST",
                   booked_meeting("/outcome"),
                   400,
                   [](PageWorld&) {
                     return Fields{{"item_0", "other"}, {"item_decision_0", "Noted"}, {"action_title_0", "Chase it"}};
                   },
                   {},
                   Shared::own_world});
    all.push_back({"import", Who::audit_manager, "GET", at("/import")});
    all.push_back({"import-problems", Who::audit_manager, "POST", at("/import"), 422,
                   [](PageWorld&) {
                     return Fields{{"kind", "participation"}};
                   },
                   [](PageWorld& w) {
                     return csv_file(
                         "participation.csv",
                         participation_csv(own_code(w) + "," + audit_code(w) + ",2025/26,yes,maybe,10,20\n" + "NOPE," +
                                           audit_code(w) + ",2025/26,yes,yes,10,20\n"));
                   }});
    all.push_back({"import-check", Who::audit_manager, "POST", at("/import"), 200,
                   [](PageWorld&) {
                     return Fields{{"kind", "participation"}};
                   },
                   clean_participation});
    all.push_back({"import-complete",
                   Who::audit_manager,
                   "POST",
                   at("/import/confirm"),
                   200,
                   [](PageWorld& w) {
                     Page check{"",
                                Who::audit_manager,
                                "POST",
                                at("/import"),
                                200,
                                [](PageWorld&) {
                                  return Fields{{"kind", "participation"}};
                                },
                                clean_participation};
                     const Response checked = w.world().app().handle(request_for(w, check));
                     const auto found = checked.body.find("name=\"token\" value=\"");
                     if (checked.status != 200 || found == std::string::npos) {
                       throw std::runtime_error("the import check before the confirmation failed: " + checked.body);
                     }
                     const auto value = found + 20;
                     return Fields{{"token", checked.body.substr(value, checked.body.find('"', value) - value)}};
                   },
                   {},
                   Shared::own_world});
    // The national body's pages: its analyst, and its administrator for the national settings.
    all.push_back({"national", Who::analyst, "GET", at("/national")});
    all.push_back({"national-home", Who::analyst, "GET", at("/")});
    all.push_back({"national-admin-home", Who::national_admin, "GET", at("/")});
    all.push_back({"national-audit", Who::analyst, "GET",
                   [audit](PageWorld& w) { return "/national/audits/" + audit(w) + "?year=2025/26"; }});
    all.push_back({"national-provider", Who::analyst, "GET", [audit](PageWorld& w) {
                     return "/national/audits/" + audit(w) + "/providers/" + id(w.world().own().id.value) +
                            "?year=2025/26";
                   }});
    all.push_back({"national-dataset", Who::analyst, "GET",
                   [audit](PageWorld& w) { return "/national/audits/" + audit(w) + "/dataset"; }});
    all.push_back({"national-dataset-refused", Who::analyst, "POST",
                   [audit](PageWorld& w) { return "/national/audits/" + audit(w) + "/dataset"; }, 400,
                   [](PageWorld&) {
                     return Fields{{"rows", "2"},        {"name_0", "died30"},  {"type_0", "yes_no"}, {"name_1", "age"},
                                   {"type_1", "number"}, {"minimum_1", "none"}, {"maximum_1", "120"}};
                   }});
    all.push_back({"national-outliers", Who::analyst, "GET", at("/outliers")});
    // The audit provider completed the stage before the trust's: it may reopen it, with a reason.
    all.push_back({"national-outlier-case", Who::analyst, "GET",
                   [](PageWorld& w) { return "/outliers/" + id(w.own_case().value); }});
    all.push_back({"outlier-reopen-refused", Who::analyst, "POST",
                   [](PageWorld& w) { return "/outliers/" + id(w.own_case().value) + "/reopen"; }, 400,
                   [](PageWorld&) {
                     return Fields{{"reason", ""}};
                   }});
    all.push_back({"national-import", Who::analyst, "GET", at("/import")});
    // The first run of the year, in a world where it has not been run: it opens the cases.
    all.push_back({"analysis-run",
                   Who::analyst,
                   "POST",
                   [audit](PageWorld& w) { return "/national/audits/" + audit(w) + "/analyse?year=2025/26"; },
                   200,
                   {},
                   {},
                   Shared::own_world_not_analysed});
    all.push_back({"outlier-timetable", Who::national_admin, "GET", at("/admin/outlier-timetable")});
    all.push_back(
        {"outlier-timetable-refused", Who::national_admin, "POST", at("/admin/outlier-timetable"), 422, [](PageWorld&) {
           return Fields{{"name", "Draft guidance"},
                         {"csv", "level,key,name,owner,working_days\nalarm,data_check,Check the data,nobody,ten\n"}};
         }});
    // Setting up the register (the national body's administrator), local audits (a trust's
    // audit manager) and measures; each form also as refused, showing what was typed.
    const auto own_id = [](PageWorld& w) { return id(w.world().own().id.value); };
    const auto local = [](PageWorld& w) { return id(w.world().own().local_audit.value); };
    const auto national_measure = [](PageWorld& w) {
      return id(w.world().store().measures_of(w.world().national_audit()).value().at(0).id.value);
    };
    all.push_back({"suppliers", Who::national_admin, "GET", at("/admin/suppliers")});
    all.push_back({"suppliers-refused", Who::national_admin, "POST", at("/admin/suppliers"), 400, [](PageWorld&) {
                     return Fields{{"code", "R C P"}, {"name", "Royal College <of> Physicians"}};
                   }});
    all.push_back(
        {"suppliers-audit-refused", Who::national_admin, "POST", at("/admin/suppliers/audits"), 400, [](PageWorld&) {
           return Fields{{"audit_id", "none"}, {"supplier_id", ""}};
         }});
    all.push_back({"suppliers-analyst-refused", Who::national_admin, "POST", at("/admin/suppliers/analysts"), 400,
                   [](PageWorld& w) {
                     const auto& admin = w.world().own().callers.at(domain::Role::admin);
                     return Fields{{"user_id", std::to_string(admin.user.id.value)}, {"supplier_id", ""}};
                   }});
    all.push_back({"organisations", Who::national_admin, "GET", at("/admin/organisations")});
    all.push_back(
        {"organisations-refused", Who::national_admin, "POST", at("/admin/organisations"), 400, [](PageWorld&) {
           return Fields{{"code", "RZZ"}, {"name", "Zeta <Hospitals>"}, {"type", ""}, {"region", "East"}};
         }});
    all.push_back({"organisation", Who::national_admin, "GET",
                   [own_id](PageWorld& w) { return "/admin/organisations/" + own_id(w); }});
    all.push_back(
        {"organisation-refused", Who::national_admin, "POST",
         [own_id](PageWorld& w) { return "/admin/organisations/" + own_id(w); }, 400,
         [](PageWorld& w) {
           return Fields{{"code", w.world().own().code}, {"name", ""}, {"type", "acute"}, {"region", "North"}};
         }});
    all.push_back({"organisation-user-refused", Who::national_admin, "POST",
                   [own_id](PageWorld& w) { return "/admin/organisations/" + own_id(w) + "/users"; }, 400,
                   [](PageWorld&) {
                     return Fields{{"name", "Nia <Newtown>"},
                                   {"email", "nia.newtown"},
                                   {"role", "admin"},
                                   {"password", "a-long-enough-password"}};
                   }});
    all.push_back({"national-audits", Who::national_admin, "GET", at("/admin/audits")});
    all.push_back({"national-audits-refused", Who::national_admin, "POST", at("/admin/audits"), 400, [](PageWorld&) {
                     return Fields{{"code", "NEW-1"},
                                   {"title", "Falls audit"},
                                   {"kind", "local_audit"},
                                   {"status", "planned"},
                                   {"topic", "Falls"}};
                   }});
    all.push_back({"national-audit-setup", Who::national_admin, "GET",
                   [audit](PageWorld& w) { return "/admin/audits/" + audit(w); }});
    all.push_back({"national-audit-setup-refused", Who::national_admin, "POST",
                   [audit](PageWorld& w) { return "/admin/audits/" + audit(w); }, 400,
                   [](PageWorld& w) {
                     return Fields{
                         {"code", audit_code(w)},   {"title", "Renamed audit"},   {"kind", "national_clinical_audit"},
                         {"status", "in_progress"}, {"start_date", "2026-04-01"}, {"end_date", "2026-03-01"}};
                   }});
    all.push_back({"national-audit-qa-list-refused", Who::national_admin, "POST",
                   [audit](PageWorld& w) { return "/admin/audits/" + audit(w) + "/qa-list"; }, 400,
                   [](PageWorld&) {
                     return Fields{{"year", "2025/26"}, {"eligible_acute", "yes"}, {"eligible_national_body", "yes"}};
                   }});
    all.push_back({"local-audit-new", Who::audit_manager, "GET", at("/audits/new")});
    all.push_back({"local-audit-new-refused", Who::audit_manager, "POST", at("/audits/new"), 400, [](PageWorld&) {
                     return Fields{{"code", "LA-NEW"}, {"title", ""}, {"topic", "Consent"}, {"status", "planned"}};
                   }});
    all.push_back({"local-audit-edit", Who::audit_manager, "GET",
                   [local](PageWorld& w) { return "/audits/" + local(w) + "/edit"; }});
    all.push_back(
        {"local-audit-edit-refused", Who::audit_manager, "POST",
         [local](PageWorld& w) { return "/audits/" + local(w) + "/edit"; }, 400,
         [](PageWorld&) {
           return Fields{
               {"code", "LA-EDIT"}, {"title", "Consent audit"}, {"status", "planned"}, {"start_date", "soon"}};
         }});
    // Standards and results per criterion: the local audit with three criteria and results,
    // and its re-audit compared criterion by criterion.
    const auto criteria = [](PageWorld& w) { add_criteria(w); };
    const auto first_criterion = [local](PageWorld& w) {
      // Without the criteria (the route check's world), a criterion that does not exist.
      const auto all = w.world().store().criteria_of(w.world().own().local_audit).value();
      return "/audits/" + local(w) + "/criteria/" + (all.empty() ? std::string("1") : id(all.front().id.value));
    };
    const auto not_analysed = Shared::own_world_not_analysed;
    all.push_back({"audit-criteria",
                   Who::clinical_lead,
                   "GET",
                   [local](PageWorld& w) { return "/audits/" + local(w) + "?criteria=results"; },
                   200,
                   {},
                   {},
                   not_analysed,
                   criteria});
    all.push_back({"audit-reaudit-criteria",
                   Who::board_member,
                   "GET",
                   [](PageWorld& w) {
                     const auto reaudit = w.world().store().audit_by_code("LA-REAUDIT");
                     return "/audits/" + (reaudit ? id(reaudit->id.value) : std::string("1"));
                   },
                   200,
                   {},
                   {},
                   not_analysed,
                   criteria});
    all.push_back({"criterion", Who::audit_manager, "GET", first_criterion, 200, {}, {}, not_analysed, criteria});
    all.push_back({"criterion-refused",
                   Who::audit_manager,
                   "POST",
                   first_criterion,
                   400,
                   [](PageWorld&) {
                     return Fields{{"change", "save"},
                                   {"statement", "Consent recorded before the day of surgery"},
                                   {"target_percent", "about 90"},
                                   {"exceptions", "Emergency operations"}};
                   },
                   {},
                   not_analysed,
                   criteria});
    all.push_back({"criterion-add-refused", Who::audit_manager, "POST",
                   [local](PageWorld& w) { return "/audits/" + local(w) + "/criteria"; }, 400,
                   [](PageWorld&) {
                     return Fields{{"statement", ""}, {"target_percent", "95"}, {"exceptions", "Day cases"}};
                   }});
    all.push_back({"criterion-results",
                   Who::audit_manager,
                   "GET",
                   [local](PageWorld& w) { return "/audits/" + local(w) + "/criteria/results"; },
                   200,
                   {},
                   {},
                   not_analysed,
                   criteria});
    all.push_back({"criterion-results-refused",
                   Who::audit_manager,
                   "POST",
                   [local](PageWorld& w) { return "/audits/" + local(w) + "/criteria/results"; },
                   400,
                   [](PageWorld& w) {
                     const auto all = w.world().store().criteria_of(w.world().own().local_audit).value();
                     return Fields{{"met_" + id(all.at(0).id.value), "45"},
                                   {"applicable_" + id(all.at(0).id.value), "50"},
                                   {"met_" + id(all.at(1).id.value), "12"},
                                   {"applicable_" + id(all.at(1).id.value), "10"}};
                   },
                   {},
                   not_analysed,
                   criteria});
    all.push_back(
        {"measures", Who::audit_manager, "GET", [local](PageWorld& w) { return "/audits/" + local(w) + "/measures"; }});
    all.push_back({"measures-national", Who::analyst, "GET",
                   [audit](PageWorld& w) { return "/audits/" + audit(w) + "/measures"; }});
    all.push_back({"measures-refused", Who::audit_manager, "POST",
                   [local](PageWorld& w) { return "/audits/" + local(w) + "/measures"; }, 400,
                   [](PageWorld&) {
                     return Fields{
                         {"code", "mort30"},           {"name", "30-day mortality"}, {"type", "ratio"},
                         {"improvement", "decrease"},  {"rate_multiplier", "1"},     {"source", "episode_model_ratio"},
                         {"outcome_column", "died30"}, {"formula", "died ~ age"}};
                   }});
    all.push_back({"measure", Who::analyst, "GET",
                   [national_measure](PageWorld& w) { return "/measures/" + national_measure(w); }});
    all.push_back({"measure-refused", Who::analyst, "POST",
                   [national_measure](PageWorld& w) { return "/measures/" + national_measure(w); }, 400,
                   [](PageWorld&) {
                     return Fields{{"code", "seen"},       {"name", "Seen in time"},
                                   {"type", "proportion"}, {"improvement", "increase"},
                                   {"target", "high"},     {"source", "imported_results"}};
                   }});
    // A one-time survey link, answered without signing in.
    const auto link = [](PageWorld& w) { return "/respond/" + w.survey_link(); };
    const auto answer = [](const char* value) { return [value](PageWorld&) { return Fields{{"q.board", value}}; }; };
    all.push_back({"survey-form", Who::anonymous, "GET", link});
    all.push_back({"survey-form-refused", Who::anonymous, "POST", link, 422, answer("Excellent")});
    all.push_back({"survey-thanks", Who::anonymous, "POST", link, 200, answer("Good"), {}, Shared::own_world});
    all.push_back({"survey-link-used", Who::anonymous, "GET", link, 410, {}, {}, Shared::own_world, [](PageWorld& w) {
                     w.must_answer("POST", "/respond/" + w.survey_link(), nullptr, {{"q.board", "Good"}}, 200);
                   }});
    all.push_back({"survey-link-unknown", Who::anonymous, "GET", at("/respond/" + std::string(64, '0')), 404});
    // The error pages.
    all.push_back({"not-found", Who::audit_manager, "GET", at("/no-such-page"), 404});
    all.push_back({"not-found-signed-out", Who::anonymous, "GET", at("/no-such-page"), 404});
    all.push_back({"forbidden", Who::read_only, "GET", at("/users"), 403});
    return all;
  }();
  return kPages;
}

struct Rendered {
  const Page* page;
  Request request;
  Response response;
  std::string body;  // normalised
};

// Renders every page: the reading pages from one shared world, each page that changes the
// world from a world of its own.
std::vector<Rendered> render_every_page() {
  std::unique_ptr<PageWorld> shared;
  std::vector<Rendered> out;
  const testing::FixedClock clock{};
  for (const Page& page : pages()) {
    std::unique_ptr<PageWorld> own;
    PageWorld* world = nullptr;
    if (page.shared == Shared::yes) {
      if (!shared) shared = std::make_unique<PageWorld>();
      world = shared.get();
    } else {
      own = std::make_unique<PageWorld>(page.shared == Shared::own_world ? PageWorld::Analysis::run
                                                                         : PageWorld::Analysis::not_run);
      world = own.get();
    }
    if (page.before) page.before(*world);
    Request request = request_for(*world, page);
    Response response = world->world().app().handle(request);
    std::string body = testing::normalised(response.body, world->random_values(), clock.now_iso());
    out.push_back(Rendered{&page, std::move(request), std::move(response), std::move(body)});
  }
  return out;
}

TEST(PageGoldens, EveryPageMatchesItsGoldenFile) {
  const auto directory = golden_directory();
  std::vector<std::string> rebaselined;
  for (const auto& rendered : render_every_page()) {
    const Page& page = *rendered.page;
    const auto path = directory / (page.name + ".html");
    EXPECT_EQ(rendered.response.status, page.status)
        << page.name << ": " << page.method << " " << rendered.request.path << " answered " << rendered.response.status;
    const auto golden = testing::read_golden(path);
    if (rebaselining()) {
      if (golden != rendered.body) {
        ASSERT_TRUE(testing::write_golden(path, rendered.body)) << "cannot write " << path;
        rebaselined.push_back(page.name);
      }
      continue;
    }
    if (!golden) {
      ADD_FAILURE() << page.name << ": no golden file " << path.string()
                    << "; write it with CLINAUDIT_REBASELINE_PAGES=1 and review it";
      continue;
    }
    if (const auto difference = testing::first_difference(*golden, rendered.body)) {
      ADD_FAILURE() << "page " << page.name << " differs from " << path.filename().string() << " at " << *difference
                    << "\nIf the change is intended, rebaseline (CLINAUDIT_REBASELINE_PAGES=1) and review the diff.";
    }
  }
  if (rebaselining()) {
    std::string names;
    for (const auto& name : rebaselined) names += " " + name;
    FAIL() << "rebaselined " << rebaselined.size() << " files; review the diff and commit"
           << (rebaselined.empty() ? "" : "\n  written:" + names);
  }
}

TEST(PageGoldens, TheGoldenFilesAreThePagesOfTheList) {
  std::set<std::string> listed;
  for (const Page& page : pages()) {
    EXPECT_TRUE(std::regex_match(page.name, std::regex("[a-z0-9]+(-[a-z0-9]+)*"))) << page.name;
    EXPECT_TRUE(listed.insert(page.name).second) << "two pages named " << page.name;
  }
  std::set<std::string> files;
  std::vector<std::string> removed;
  for (const auto& entry : std::filesystem::directory_iterator(golden_directory())) {
    const auto name = entry.path().filename().string();
    const auto stem = entry.path().stem().string();
    if (entry.path().extension() == ".html" && listed.contains(stem)) {
      files.insert(stem);
      continue;
    }
    if (rebaselining()) {
      std::filesystem::remove(entry.path());
      removed.push_back(name);
      continue;
    }
    ADD_FAILURE() << "tests/golden/pages/" << name
                  << " is not the golden file of any page of the list in http/page_goldens_test.cpp; remove it "
                     "(CLINAUDIT_REBASELINE_PAGES=1 does) or add its page";
  }
  if (rebaselining()) {
    std::string names;
    for (const auto& name : removed) names += " " + name;
    FAIL() << "rebaselined " << removed.size() << " files (removed the files of no page); review the diff and commit"
           << (removed.empty() ? "" : "\n  removed:" + names);
  }
  for (const auto& name : listed) {
    EXPECT_TRUE(files.contains(name)) << "page " << name << " has no golden file tests/golden/pages/" << name
                                      << ".html";
  }
}

// The page routes that answer with no page of their own, and why. Every other page route
// must be requested by at least one page of the list, so a new page cannot go without a
// golden file.
const std::map<std::string, std::string>& routes_without_a_page() {
  static const std::map<std::string, std::string> kRoutes{
      {"GET /healthz", "answers JSON"},
      {"GET /static/style.css", "the stylesheet"},
      {"POST /logout", "answers with a redirect"},
      {R"(POST /actions/(\d{1,18})/close)", "answers with a redirect; a refusal is the action page (action-refused)"},
      {R"(POST /actions/(\d{1,18})/notes)", "answers with a redirect; a refusal is the action page (action-refused)"},
      {R"(POST /actions/(\d{1,18})/reopen)", "answers with a redirect; a refusal is the action page (action-refused)"},
      {R"(POST /actions/(\d{1,18})/owner)", "answers with a redirect; a refusal is the action page (action-refused)"},
      {R"(POST /actions/(\d{1,18})/edit)", "answers with a redirect; a refusal is the action page (action-refused)"},
      {R"(POST /users/(\d{1,18})/reactivate)", "answers with a redirect; a refusal is the user page"},
      {R"(POST /actions/(\d{1,18})/documents)",
       "answers with a redirect; a refused file is the action page with the problem at its field (Documents.*)"},
      {R"(GET /actions/(\d{1,18})/documents/(\d{1,18}))", "a PDF or Word download (Documents.*)"},
      {R"(POST /outliers/(\d{1,18})/documents)",
       "answers with a redirect; a refused file is the case's page with the problem at its field (Documents.*)"},
      {R"(GET /outliers/(\d{1,18})/documents/(\d{1,18}))", "a PDF or Word download (Documents.*)"},
      {R"(GET /outliers/(\d{1,18})/letters/(notification|acknowledgement-request|escalation)\.docx)",
       "a Word download (OutlierLettersApp.*)"},
      {R"(POST /outliers/(\d{1,18})/letters/(notification|acknowledgement-request|escalation))",
       "answers with a redirect to the case's documents (OutlierLettersApp.*)"},
      {R"(POST /users/(\d{1,18})/password-reset)",
       "shows a random one-time link (UserAccounts.AResetLinkIsTheAdministratorsOwnOrganisationsAndShownOnce); a "
       "refusal is the user page"},
      {"GET /reports/quality-account.md", "a Markdown download"},
      {"GET /reports/quality-account.docx", "a Word download"},
      {"GET /reports/board-pack.xlsx", "a spreadsheet download"},
      {"GET /reports/board-pack.pdf", "a PDF download, printed by Chromium (ReportDownloads.*)"},
      {R"(GET /programme\.xlsx)", "a spreadsheet download"},
      {R"(GET /reports/annual-audit-report\.xlsx)", "a spreadsheet download"},
      {R"(GET /reports/annual-audit-report\.pdf)", "a PDF download, printed by Chromium (ReportDownloads.*)"},
      {R"(GET /programme\.pdf)", "a PDF download of the printable page, printed by Chromium (ReportDownloads.*)"},
      {R"(GET /surveys/(\d{1,18})\.xlsx)", "a spreadsheet download"},
      {R"(GET /surveys/(\d{1,18})\.csv)", "a CSV download"},
  };
  return kRoutes;
}

TEST(PageGoldens, EveryPageRouteHasAGoldenPageOrAReasonWhyNot) {
  PageWorld world(PageWorld::Analysis::not_run);
  std::set<std::string> unused;
  for (const auto& [route, why] : routes_without_a_page()) unused.insert(route);
  for (const Route& route : world.world().app().routes()) {
    if (route.api) continue;
    const std::string key = route.method + " " + route.pattern;
    if (routes_without_a_page().contains(key)) {
      unused.erase(key);
      continue;
    }
    bool requested = false;
    for (const Page& page : pages()) {
      if (page.method != route.method) continue;
      const std::string target = page.target(world);
      requested = requested || std::regex_match(target.substr(0, target.find('?')), route.compiled);
    }
    EXPECT_TRUE(requested) << key << " is a page route that no page of the list requests: add the page to "
                           << "http/page_goldens_test.cpp and write its golden file";
  }
  for (const auto& key : unused) ADD_FAILURE() << key << " is listed as a route without a page, but is no route";
}

// The normalising function replaces the random values and the database's wall-clock times,
// and keeps every other byte, the fixed clock's time among them.
TEST(PageGoldenFiles, OnlyRandomValuesAndStoredTimesAreReplaced) {
  const std::string page =
      "<input type=\"hidden\" name=\"csrf\" value=\"c0ffee\"><a href=\"/respond/beef\">"
      "<input type=\"hidden\" name=\"token\" value=\"0123abcd\">stored 2026-12-02T19:05:35Z by x, "
      "at 2026-01-15T10:00:00Z, on 2026-01-15\n";
  EXPECT_EQ(
      testing::normalised(page, {{"c0ffee", "[csrf token]"}, {"beef", "[survey link token]"}}, "2026-01-15T10:00:00Z"),
      "<input type=\"hidden\" name=\"csrf\" value=\"[csrf token]\"><a href=\"/respond/[survey link token]\">"
      "<input type=\"hidden\" name=\"token\" value=\"[import token]\">stored [time stored by the database] by "
      "x, at 2026-01-15T10:00:00Z, on 2026-01-15\n");
}

TEST(PageGoldenFiles, AMismatchNamesTheFirstDifferingLineAndColumnAndShowsBothLines) {
  EXPECT_EQ(testing::first_difference("a\nb\n", "a\nb\n"), std::nullopt);
  EXPECT_EQ(testing::first_difference("<!DOCTYPE html>\n<h1>Audits</h1><p>one</p>\n",
                                      "<!DOCTYPE html>\n<h1>Audits</h1><p>two</p>\n"),
            "line 2, column 19:\n  golden:   <h1>Audits</h1><p>one</p>\n  rendered: <h1>Audits</h1><p>two</p>");
  // A long line is shown around the difference only.
  const std::string before(500, 'x');
  const auto long_line = testing::first_difference(before + "golden" + before, before + "render" + before);
  ASSERT_TRUE(long_line);
  EXPECT_NE(long_line->find("line 1, column 501:"), std::string::npos) << *long_line;
  EXPECT_LT(long_line->size(), 500U) << *long_line;
  EXPECT_EQ(testing::first_difference("a", "a\nb"),
            "line 2: the golden file ends before it; the rendered page goes on with:\n  b");
}

}  // namespace
}  // namespace clinaudit::http
