// Words, not codes: nothing a person reads shows a raw enum key. The demo world (the one
// `clinaudit demo` and `serve --demo` create) is written into a real SQLite file; every GET
// page route of the route table is requested as every demo login (and signed out), with its
// path parameters filled from the demo's records (every audit, measure, outlier case,
// meeting, report, survey, organisation), together with the board pack (page and XLSX
// contents), the Quality Account (page and Markdown) and the text of the day's
// notifications. The keys looked for come from the enums' own key functions (to_string)
// and from the outlier timetable's stage keys.
//
// Visible text is what a reader sees: tags are removed with their attributes (href, value,
// name, id, class keep the keys, as URLs and forms must), and so are the contents of
// <script>, <style> and <textarea> (a form's value) and <code> (a value shown to be typed
// as it is, such as a column of a CSV file).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "demo/world.hpp"
#include "domain/audit.hpp"
#include "domain/clock.hpp"
#include "domain/criteria_results.hpp"
#include "domain/dataset.hpp"
#include "domain/governance.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/measure.hpp"
#include "domain/notifications.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"
#include "domain/user_admin.hpp"
#include "domain/working_days.hpp"
#include "http/app.hpp"
#include "http/sessions.hpp"
#include "http/survey_links.hpp"
#include "platform/random_token.hpp"
#include "platform/sha256.hpp"
#include "stats/funnel.hpp"
#include "stats/spc_xmr.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit {
namespace {

// The README's date of the demo.
class DemoClock final : public domain::Clock {
 public:
  Date today() const override { return Date::parse("2026-11-26").value(); }
  std::string now_iso() const override { return "2026-11-26T10:00:00Z"; }
};

template <typename Enum>
void add_keys(std::set<std::string>& keys, Enum last) {
  for (int i = 0; i <= static_cast<int>(last); ++i) keys.insert(std::string(to_string(static_cast<Enum>(i))));
}

// Single-word keys that are no English word as shown (or would read as a code in a sentence).
constexpr std::array kSingleWordCodes{"inconsistent", "likert"};

// The raw keys of every enum a person may see: those with an underscore, and the single-word
// codes above (when they are keys of an enum).
std::set<std::string> raw_keys(domain::Store& store) {
  std::set<std::string> all;
  add_keys(all, domain::Role::read_only);
  add_keys(all, domain::AuditKind::local_audit);
  add_keys(all, domain::AuditStatus::closed);
  add_keys(all, domain::MeasureType::continuous);
  add_keys(all, domain::Improvement::neutral);
  add_keys(all, domain::MeasureSource::episode_expected_column);
  add_keys(all, domain::ActionStatus::cancelled);
  add_keys(all, domain::ActionSource::report_review);
  add_keys(all, domain::ActionEventKind::reopened);
  add_keys(all, domain::TargetVerdict::below_target);
  add_keys(all, domain::ChangeVerdict::no_clear_change);
  add_keys(all, domain::ActionEventKind::document_added);
  add_keys(all, domain::DocumentOwner::outlier_case);
  add_keys(all, domain::Compliance::not_applicable);
  add_keys(all, domain::TrackerStage::reviewed);
  add_keys(all, domain::BoardItemKind::other);
  add_keys(all, domain::OutlierLevel::alarm);
  add_keys(all, domain::OutlierStatus::closed);
  add_keys(all, domain::QuestionKind::free_text);
  add_keys(all, domain::OrganisationType::national_body);
  add_keys(all, domain::ValueType::date);
  add_keys(all, domain::NotificationKind::board_outcome_not_recorded);
  add_keys(all, domain::NotificationKind::local_audit_past_end);
  add_keys(all, domain::LocalAuditStage::abandoned);
  add_keys(all, domain::AuditReason::local_interest);
  add_keys(all, domain::LocalAuditEventKind::abandoned);
  add_keys(all, domain::OutlierParty::provider);
  add_keys(all, domain::OutlierTrack::positive);
  add_keys(all, domain::ReminderKind::escalation);
  add_keys(all, stats::SpcRule::common_cause);
  add_keys(all, stats::SpcPointType::common_cause);
  add_keys(all, stats::VariationIcon::neutral_low);
  add_keys(all, stats::AssuranceIcon::inconsistent);
  add_keys(all, stats::FunnelFlag::alarm_low);
  for (const auto& stage : domain::OutlierTimetable::default_timetable().stages()) all.insert(stage.key);
  const auto timetable = domain::current_outlier_timetable(store);
  if (!timetable) throw std::runtime_error("the timetable in force: " + timetable.error().message);
  for (const auto& stage : timetable->stages()) all.insert(stage.key);
  std::set<std::string> keys;
  for (const auto& key : all) {
    if (key.find('_') != std::string::npos) keys.insert(key);
  }
  for (const char* code : kSingleWordCodes) {
    if (all.contains(code)) keys.insert(code);
  }
  return keys;
}

bool word_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The keys found as whole words of `text`, each with a little of the text around it.
std::vector<std::string> keys_in(std::string_view text, const std::set<std::string>& keys) {
  std::vector<std::string> found;
  for (const auto& key : keys) {
    for (auto at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) {
      const auto end = at + key.size();
      if ((at > 0 && word_character(text[at - 1])) || (end < text.size() && word_character(text[end]))) continue;
      const auto from = at > 40 ? at - 40 : 0;
      std::string around(text.substr(from, std::min<std::size_t>(text.size() - from, end - from + 40)));
      for (char& c : around) c = c == '\n' ? ' ' : c;
      found.push_back("'" + key + "' in \"" + around + "\"");
      break;
    }
  }
  return found;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// What a reader sees of an HTML (or XML) document; see the file's comment.
std::string visible_text(std::string_view html) {
  static const std::set<std::string> kHidden{"script", "style", "textarea", "code"};
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      out += html[i++];
      continue;
    }
    if (html.substr(i, 4) == "<!--") {
      const auto end = html.find("-->", i);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const auto end = html.find('>', i);
    if (end == std::string_view::npos) break;
    std::size_t name_end = i + 1;
    while (name_end < end && (word_character(html[name_end]) || html[name_end] == '-' || html[name_end] == ':')) {
      ++name_end;
    }
    const std::string name = lower(std::string(html.substr(i + 1, name_end - i - 1)));
    i = end + 1;
    out += ' ';
    if (kHidden.contains(name) && html[end - 1] != '/') {
      const auto close = lower(std::string(html.substr(i))).find("</" + name);
      i = close == std::string::npos ? html.size() : i + close;
    }
  }
  return out;
}

// The text of every part of an XLSX file (a zip of XML parts), by Debian's unzip.
std::string xlsx_text(const std::string& body) {
  const auto path = std::filesystem::temp_directory_path() / ("clinaudit-words-" + std::to_string(getpid()) + ".xlsx");
  {
    std::ofstream file(path, std::ios::binary);
    file << body;
  }
  const std::string command = "unzip -p '" + path.string() + "' 'xl/sharedStrings.xml' 'xl/worksheets/*.xml'";
  std::string text;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) text.append(buffer.data(), n);
    ::pclose(pipe);
  }
  std::filesystem::remove(path);
  return text;
}

struct Demo {
  std::filesystem::path folder;
  std::unique_ptr<domain::Store> store;
  DemoClock clock;
  std::unique_ptr<http::App> app;
  demo::DemoSummary summary;
};

// The demo world of this process, made by the first test that needs it.
std::unique_ptr<Demo>& demo_slot() {
  static std::unique_ptr<Demo> demo;
  return demo;
}

Demo& demo_world() {
  if (demo_slot()) return *demo_slot();
  demo_slot() = [] {
    auto made = std::make_unique<Demo>();
    std::string pattern = (std::filesystem::temp_directory_path() / "clinaudit-words-XXXXXX").string();
    made->folder = ::mkdtemp(pattern.data());
    auto store = storage::open_store((made->folder / "demo.sqlite").string());
    if (!store) throw std::runtime_error("cannot open the demo store: " + store.error().message);
    made->store = std::move(*store);
    demo::DemoOptions options;
    options.as_of = made->clock.today();
    // Sessions are started directly below; nobody signs in with a password.
    options.hash_password = [](std::string_view password) { return "not a password hash: " + std::string(password); };
    options.sha256_hex = platform::sha256_hex;  // with the demo's evidence documents
    auto summary = demo::create_demo_world(*made->store, options);
    if (!summary) throw std::runtime_error("the demo world: " + summary.error().message);
    made->summary = std::move(*summary);
    http::AppConfig config;
    config.demo = true;
    for (const auto& login : demo::demo_logins()) {
      config.demo_logins.push_back({login.email, login.password, login.role, login.organisation_code});
    }
    made->app = std::make_unique<http::App>(*made->store, made->clock, config);
    return made;
  }();
  return *demo_slot();
}

class DemoEnvironment : public ::testing::Environment {
 public:
  void TearDown() override {
    if (!demo_slot()) return;
    // The store closes its file first.
    Demo& demo = *demo_slot();
    demo.app.reset();
    demo.store.reset();
    std::filesystem::remove_all(demo.folder);
  }
};
const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new DemoEnvironment);

template <typename T>
T must(Result<T> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + ": " + result.error().message);
  return std::move(*result);
}

struct Caller {
  std::string who;
  std::string token;  // empty: signed out
  // The pages this caller's role opens at least: a regulator reads the outlier cases only.
  int pages_at_least = 30;
};

// The demo logins scanned: the first of each role in each organisation. A second login of
// the same role and organisation (the laparotomy supplier's analyst beside the national body's)
// is answered with the same page templates, fewer of them, so scanning it again would add
// time and no page; its own access is the authorisation matrix's.
std::vector<demo::DemoLogin> scanned_logins() {
  std::vector<demo::DemoLogin> out;
  for (const auto& login : demo::demo_logins()) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const demo::DemoLogin& earlier) {
      return earlier.role == login.role && earlier.organisation_code == login.organisation_code;
    });
    if (!seen) out.push_back(login);
  }
  return out;
}

std::vector<Caller> callers(Demo& demo) {
  std::vector<Caller> out{{"signed out", ""}};
  for (const auto& login : scanned_logins()) {
    const auto user = must(demo.store->user_by_email(login.email), login.email);
    const auto session = must(http::start_session(*demo.store, demo.clock, user, std::chrono::hours(8)), login.email);
    out.push_back({login.email, session.token, login.role == domain::Role::regulator ? 3 : 30});
  }
  return out;
}

http::Response get(Demo& demo, const Caller& caller, const std::string& target) {
  http::Request request;
  request.method = "GET";
  request.remote_addr = "127.0.0.1";
  const auto question = target.find('?');
  request.path = target.substr(0, question);
  if (question != std::string::npos) {
    for (auto& [k, v] : http::parse_urlencoded(target.substr(question + 1))) request.query.emplace(k, v);
  }
  if (!caller.token.empty()) request.headers["cookie"] = std::string(http::kSessionCookie) + "=" + caller.token;
  return demo.app->handle(request);
}

template <typename Id>
std::vector<std::string> text_of(const std::vector<Id>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) out.push_back(std::to_string(id.value));
  return out;
}

// The values of each path parameter, by the path segment before it: every record of the demo.
std::map<std::string, std::vector<std::string>> parameter_values(Demo& demo) {
  domain::Store& store = *demo.store;
  std::vector<AuditId> audits;
  std::vector<AuditId> measured;  // the audits with measures
  std::vector<MeasureId> measures;
  std::vector<std::string> audit_criteria;  // "audit|criterion": each criterion with its own audit
  for (const auto& audit : must(store.audits({}), "audits")) {
    audits.push_back(audit.id);
    for (const auto& criterion : must(store.criteria_of(audit.id), "criteria")) {
      audit_criteria.push_back(std::to_string(audit.id.value) + "|" + std::to_string(criterion.id.value));
    }
    const auto own = must(store.measures_of(audit.id), "measures");
    if (!own.empty()) measured.push_back(audit.id);
    for (const auto& measure : own) measures.push_back(measure.id);
  }
  std::vector<OrganisationId> organisations;
  std::vector<BoardMeetingId> meetings;
  for (const auto& organisation : must(store.organisations(), "organisations")) {
    organisations.push_back(organisation.id);
    for (const auto& meeting : must(store.board_meetings(organisation.id), "meetings")) meetings.push_back(meeting.id);
  }
  // Every account, and a password reset link for one of each organisation's (its page as the
  // link's holder sees it).
  std::vector<UserId> users;
  std::vector<std::string> resets;
  const domain::ResetTokens tokens{[] { return platform::openssl_random_hex(32); },
                                   [](std::string_view token) { return platform::sha256_hex(token); }};
  for (const auto& organisation : must(store.organisations(), "organisations")) {
    const auto people = must(store.users(organisation.id), "users");
    for (const auto& person : people) users.push_back(person.id);
    if (people.empty()) continue;
    const auto link = must(domain::start_password_reset(store, demo.clock, tokens, organisation,
                                                        domain::Actor{std::nullopt, "words test"}, people.front().id),
                           "password reset");
    resets.push_back(link.token);
  }
  std::vector<OutlierCaseId> cases;
  for (const auto& row : must(store.outlier_cases(std::nullopt, std::nullopt), "outlier cases"))
    cases.push_back(row.id);
  std::vector<AuditReportId> reports;
  for (const auto& report : must(store.audit_reports(std::nullopt), "reports")) reports.push_back(report.id);
  std::vector<ActionId> actions;
  std::vector<std::string> action_documents;  // "action|document"
  for (const auto& organisation : must(store.organisations(), "organisations")) {
    for (const auto& action : must(store.actions(organisation.id), "actions")) {
      actions.push_back(action.id);
      for (const auto& document : must(store.documents(domain::DocumentOwner::action, action.id.value), "documents")) {
        action_documents.push_back(std::to_string(action.id.value) + "|" + std::to_string(document.id));
      }
    }
  }
  std::vector<std::string> case_documents;  // "case|document"
  std::vector<std::string> case_letters;    // "case|letter"
  for (const auto& id : cases) {
    for (const char* letter : {"notification", "acknowledgement-request", "escalation"}) {
      case_letters.push_back(std::to_string(id.value) + "|" + letter);
    }
    for (const auto& document : must(store.documents(domain::DocumentOwner::outlier_case, id.value), "documents")) {
      case_documents.push_back(std::to_string(id.value) + "|" + std::to_string(document.id));
    }
  }
  std::vector<NiceGuidanceId> guidance;
  for (const auto& organisation : must(store.organisations(), "organisations")) {
    for (const auto& row : must(store.nice_guidance(organisation.id), "NICE guidance")) guidance.push_back(row.id);
  }
  std::vector<SurveyId> surveys;
  for (const auto& survey : must(store.surveys(), "surveys")) surveys.push_back(survey.id);
  domain::SurveyInvitation invitee;
  invitee.label = "words@example.nhs.uk";
  invitee.organisation_type = domain::OrganisationType::acute;
  invitee.region = "North West";
  invitee.role = "audit manager";
  const domain::Actor actor{std::nullopt, "words test"};
  std::vector<std::string> links;
  for (const auto& survey : surveys) {
    for (const auto& link : must(http::issue_survey_links(store, survey, {invitee}, actor), "survey link")) {
      links.push_back(link.token);
    }
  }
  return {{"audits", text_of(audits)},
          {"audits with measures", text_of(measured)},
          {"register", text_of(audits)},
          {"measures", text_of(measures)},
          {"audits criteria", audit_criteria},
          {"organisations", text_of(organisations)},
          {"providers", text_of(organisations)},
          {"board-meetings", text_of(meetings)},
          {"outliers", text_of(cases)},
          {"audit-reports", text_of(reports)},
          {"actions", text_of(actions)},
          {"nice", text_of(guidance)},
          {"actions documents", action_documents},
          {"outliers documents", case_documents},
          {"outliers letters", case_letters},
          {"surveys", text_of(surveys)},
          {"respond", links},
          {"users", text_of(users)},
          {"password-reset", resets}};
}

// Every path a GET page route matches, its parameters filled with every value of the
// segment before each (a route with a parameter of no known segment fails the test).
std::vector<std::string> page_paths(Demo& demo) {
  const auto values = parameter_values(demo);
  std::vector<std::string> paths;
  for (const auto& route : demo.app->routes()) {
    if (route.api || route.method != "GET") continue;
    if (route.pattern == "/healthz" || route.pattern == "/static/style.css") continue;
    // The literal pattern with "\." unescaped, split at its groups.
    std::vector<std::string> parts{""};
    std::vector<std::string> segments;
    for (std::size_t i = 0; i < route.pattern.size(); ++i) {
      const char c = route.pattern[i];
      if (c == '\\' && i + 1 < route.pattern.size() && route.pattern[i + 1] == '.') {
        parts.back() += '.';
        ++i;
      } else if (c == '(') {
        const auto close = route.pattern.find(')', i);
        const std::string& before = parts.back();
        const auto slash = before.rfind('/', before.size() - 2);
        segments.push_back(before.substr(slash + 1, before.size() - slash - 2));
        parts.emplace_back();
        i = close;
      } else {
        parts.back() += c;
      }
    }
    std::vector<std::string> filled{parts[0]};
    // Parameters that belong together (a criterion of its own audit) are filled as tuples, not
    // as every combination, which would mostly be refused and multiply the pages read.
    std::string joined;
    for (const auto& segment : segments) joined += (joined.empty() ? "" : " ") + segment;
    if (const auto tuples = values.find(joined); segments.size() > 1 && tuples != values.end()) {
      if (tuples->second.empty())
        ADD_FAILURE() << "GET " << route.pattern << ": no demo records for '" << joined << "'";
      filled.clear();
      for (const auto& tuple : tuples->second) {
        std::string path = parts[0];
        std::size_t from = 0;
        for (std::size_t g = 0; g < segments.size(); ++g) {
          const auto bar = tuple.find('|', from);
          path += tuple.substr(from, bar == std::string::npos ? std::string::npos : bar - from) + parts[g + 1];
          from = bar == std::string::npos ? tuple.size() : bar + 1;
        }
        filled.push_back(std::move(path));
      }
      segments.clear();
    }
    for (std::size_t g = 0; g < segments.size(); ++g) {
      // An audit's page of one provider: the audits with measures only (another audit has no
      // results to show a provider), with every organisation.
      const bool pair = segments.size() > 1 && segments[g] == "audits";
      const auto found = values.find(pair ? "audits with measures" : segments[g]);
      if (found == values.end() || found->second.empty()) {
        ADD_FAILURE() << "GET " << route.pattern << ": no demo records for its parameter after '" << segments[g]
                      << "/'; add them to parameter_values";
        filled.clear();
        break;
      }
      std::vector<std::string> next;
      for (const auto& prefix : filled) {
        for (const auto& value : found->second) next.push_back(prefix + value + parts[g + 1]);
      }
      filled = std::move(next);
    }
    for (auto& path : filled) {
      if (!std::regex_match(path, route.compiled)) {
        ADD_FAILURE() << path << " does not match its own route " << route.pattern;
        continue;
      }
      paths.push_back(std::move(path));
    }
  }
  // The pages' other views: each year of the demo, every action.
  for (const char* year : {"2024/25", "2025/26", "2026/27"}) {
    for (const char* page : {"/reports/quality-account", "/reports/quality-account.md", "/participation", "/"}) {
      paths.push_back(std::string(page) + "?year=" + year);
    }
  }
  paths.emplace_back("/actions?view=all");
  paths.emplace_back("/outliers?status=all");
  return paths;
}

std::string readable_text(const http::Response& response) {
  if (response.content_type.find("spreadsheetml") != std::string::npos) return visible_text(xlsx_text(response.body));
  if (response.content_type.find("text/html") != std::string::npos) return visible_text(response.body);
  return response.body;  // Markdown and CSV are read as they are
}

TEST(PlainWords, TheKeysLookedForIncludeTheIssuesExamples) {
  const auto keys = raw_keys(*demo_world().store);
  for (const char* key : {"positive_shared", "data_check", "alert_lead_clinician_informed", "in_progress",
                          "common_cause", "inconsistent", "national_clinical_audit", "consistent_fail"}) {
    EXPECT_TRUE(keys.contains(key)) << key;
  }
  EXPECT_FALSE(keys.contains("open")) << "an English word as shown";
}

TEST(PlainWords, TheVisibleTextLeavesOutTagsAttributesScriptsAndFormValues) {
  EXPECT_EQ(visible_text("<a href=\"/x?status=in_progress\" class=\"data_check\">In progress</a>"), " In progress ");
  EXPECT_EQ(visible_text("<style>.common_cause{}</style><p>ok<textarea name=t>data_check</textarea></p>"), "   ok   ");
  EXPECT_EQ(keys_in(" Status: in_progress.", {"in_progress"}).size(), 1U);
  EXPECT_TRUE(keys_in(" in_progress_more", {"in_progress"}).empty());
}

// One test per caller (signed out, then each demo login), so that ctest runs them side by side.
class PlainWordsAs : public ::testing::TestWithParam<std::size_t> {};

TEST_P(PlainWordsAs, NoPageOfTheDemoShowsARawEnumKey) {
  Demo& demo = demo_world();
  const auto keys = raw_keys(*demo.store);
  const auto paths = page_paths(demo);
  ASSERT_GT(paths.size(), 100U);
  const auto everyone = callers(demo);
  ASSERT_LT(GetParam(), everyone.size());
  const Caller& caller = everyone[GetParam()];
  std::map<int, int> seen_by_status;
  std::set<std::string> reported;
  std::multimap<double, std::string> slowest;  // seconds, request: shown to keep the test's time in view
  for (const auto& path : paths) {
    const auto started = std::chrono::steady_clock::now();
    const http::Response response = get(demo, caller, path);
    slowest.emplace(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(), path);
    if (slowest.size() > 5) slowest.erase(slowest.begin());
    seen_by_status[response.status]++;
    for (const auto& found : keys_in(readable_text(response), keys)) {
      // One failure per page and key.
      if (!reported.insert(path + " " + found.substr(0, found.find(' '))).second) continue;
      ADD_FAILURE() << "GET " << path << " as " << caller.who << " (" << response.status << ") shows " << found;
    }
  }
  std::cout << paths.size() << " paths as " << caller.who << "; the slowest:\n";
  for (auto it = slowest.rbegin(); it != slowest.rend(); ++it) {
    std::cout << "  " << it->first << " s " << it->second << "\n";
  }
  // The pages were read, not refused: a signed-in caller is answered with pages (the signed
  // out with the sign-in page and redirects to it).
  if (!caller.token.empty()) EXPECT_GT(seen_by_status[200], caller.pages_at_least) << "too few pages answered";
}

std::string caller_name(const ::testing::TestParamInfo<std::size_t>& info) {
  if (info.param == 0) return "signed_out";
  const auto logins = scanned_logins();
  if (info.param > logins.size()) return "caller_" + std::to_string(info.param);
  std::string name;
  for (const char c : logins[info.param - 1].email) name += word_character(c) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(EveryDemoLogin, PlainWordsAs, ::testing::Range<std::size_t>(0, scanned_logins().size() + 1),
                         caller_name);

TEST(PlainWords, NoNotificationOfTheDemoShowsARawEnumKey) {
  Demo& demo = demo_world();
  const auto keys = raw_keys(*demo.store);
  const auto inputs = must(domain::load_notification_inputs(*demo.store), "notification inputs");
  const auto timetable = must(domain::current_outlier_timetable(*demo.store), "timetable");
  std::size_t checked = 0;
  // The day's notifications, and those of the weeks ahead as deadlines come and pass.
  for (int day = 0; day <= 60; day += 3) {
    const auto today = demo.clock.today().plus_days(day);
    for (const auto& notification :
         domain::daily_notifications(inputs, today, timetable, domain::WorkingDayCalendar::england_and_wales())) {
      ++checked;
      for (const auto& found : keys_in(notification.subject + "\n" + notification.body, keys)) {
        ADD_FAILURE() << "notification " << notification.key << " shows " << found;
      }
    }
  }
  EXPECT_GT(checked, 0U);
}

}  // namespace
}  // namespace clinaudit
