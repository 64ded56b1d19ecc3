#pragma once

// A small world for the web application's tests, on a real database: a temporary SQLite
// file, or PostgreSQL when CLINAUDIT_TEST_PG_URL is set and asked for. Two trusts (own and
// other), the national body, one user of each role in each trust, a national analyst and
// an administrator of the national body, and a few records per trust. Sessions are started directly (no password
// hashing per test); one test signs in through the form.

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/clock.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/stored_measure_charts.hpp"
#include "http/app.hpp"
#include "http/sessions.hpp"
#include "http/survey_links.hpp"
#include "platform/password.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::http {

// Whether a page or response body holds `part`.
inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace clinaudit::http

namespace clinaudit::http::testing {

class FixedClock final : public domain::Clock {
 public:
  Date today() const override { return Date::parse("2026-01-15").value(); }
  std::string now_iso() const override { return "2026-01-15T10:00:00Z"; }
};

inline const char* kTestPassword = "correct horse battery";

struct Caller {
  std::string token;
  std::string csrf;
  domain::User user;
};

struct Trust {
  OrganisationId id;
  std::string code;
  AuditId local_audit;
  ActionId action;
  std::map<domain::Role, Caller> callers;
};

class TestWorld {
 public:
  // `url` empty: a fresh SQLite file under the temp directory. `names`, when given, takes the
  // place of the process-unique suffix in the world's codes, titles and emails, so that a
  // fresh SQLite world renders the same pages on every run (http/page_goldens_test.cpp); the
  // file's name stays unique.
  explicit TestWorld(std::string url = {}, const std::optional<std::string>& names = std::nullopt) {
    static std::atomic<int> counter{0};
    const std::string unique = std::to_string(getpid()) + "x" + std::to_string(counter++);
    suffix_ = names.value_or(unique);
    if (url.empty()) {
      path_ = std::filesystem::temp_directory_path() / ("clinaudit_http_" + unique + ".sqlite");
      std::filesystem::remove(path_);
      url = path_.string();
    }
    url_ = url;
    auto opened = storage::open_store(url);
    if (!opened) throw std::runtime_error("cannot open the test store: " + opened.error().message);
    store_ = std::move(*opened);
    seed();
    app_ = std::make_unique<App>(*store_, clock_, AppConfig{});
  }
  ~TestWorld() {
    app_.reset();
    store_.reset();
    if (!path_.empty()) {
      std::error_code ignored;
      for (const char* extra : {"", "-wal", "-shm", "-lock"}) std::filesystem::remove(path_.string() + extra, ignored);
    }
  }

  App& app() { return *app_; }
  // The application again with `config` (e.g. a PDF printer), on the same store and clock.
  void reconfigure(const AppConfig& config) { app_ = std::make_unique<App>(*store_, clock_, config); }
  domain::Store& store() { return *store_; }
  // The database's URL, for a second server (its own store and App) on the same database.
  const std::string& database_url() const { return url_; }
  const domain::Clock& clock() const { return clock_; }
  Trust& own() { return own_; }
  Trust& other() { return other_; }
  Caller& analyst() { return analyst_; }
  // The national body's administrator: the only one who changes national settings.
  Caller& national_admin() { return national_admin_; }
  // A regulator (its account kept by the national body): reads confirmed alarms and escalations only.
  Caller& regulator() { return regulator_; }
  // A national analyst who works for an audit supplier that runs no audit of this world
  // (the national audit is run by the world's own supplier): sees none of its national work.
  Caller& other_supplier_analyst() { return other_supplier_analyst_; }
  OrganisationId national_body() const { return national_body_; }
  AuditId national_audit() const { return national_audit_; }
  SurveyId survey() const { return survey_; }
  const std::string& suffix() const { return suffix_; }

  Response call(const std::string& method, const std::string& target, const Caller* caller,
                std::map<std::string, std::string> fields = {}, bool api_csrf = true) {
    return call_on(*app_, method, target, caller, std::move(fields), api_csrf);
  }

  // The same request, handled by `app` (another server on the same database).
  Response call_on(App& app, const std::string& method, const std::string& target, const Caller* caller,
                   std::map<std::string, std::string> fields = {}, bool api_csrf = true) {
    Request request;
    request.method = method;
    request.remote_addr = "127.0.0.1";
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) {
      for (auto& [k, v] : parse_urlencoded(target.substr(question + 1))) request.query.emplace(k, v);
    }
    request.fields = std::move(fields);
    if (caller != nullptr) {
      request.headers["cookie"] = std::string(kSessionCookie) + "=" + caller->token;
      if (method != "GET") {
        if (request.path.rfind("/api/", 0) == 0) {
          if (api_csrf) request.headers["x-csrf-token"] = caller->csrf;
        } else if (!request.fields.contains("csrf")) {
          request.fields["csrf"] = caller->csrf;
        }
      }
    }
    return app.handle(request);
  }

  Response call_body(const std::string& method, const std::string& target, const Caller& caller, std::string body) {
    Request request;
    request.method = method;
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) {
      for (auto& [k, v] : parse_urlencoded(target.substr(question + 1))) request.query.emplace(k, v);
    }
    request.body = std::move(body);
    request.headers["cookie"] = std::string(kSessionCookie) + "=" + caller.token;
    request.headers["x-csrf-token"] = caller.csrf;
    return app_->handle(request);
  }

  // An alarm (worse than expected) for the trust, at the first stage of its track: the
  // audit provider's data check.
  OutlierCaseId new_outlier_case(const Trust& trust) {
    domain::OutlierCase flagged;
    flagged.audit_id = national_audit_;
    flagged.measure_id = measure_;
    flagged.organisation_id = trust.id;
    flagged.period = "2025/26";
    flagged.level = domain::OutlierLevel::alarm;
    flagged.value = 1.9;
    flagged.limit = 1.6;
    // As the analysis run does: the first stage of the timetable in force.
    const auto timetable = must(domain::current_outlier_timetable(*store_));
    const auto opened =
        domain::open_outlier_case(flagged, timetable, domain::WorkingDayCalendar::england_and_wales(), clock_.today());
    return must(store_->add_outlier_case(opened, actor_));
  }

  // The same, with the data check completed by the audit provider: the case is at the lead
  // clinician stage, and the data check is the stage completed last (which may be reopened).
  OutlierCaseId new_outlier_case_past_data_check(const Trust& trust) {
    const auto id = new_outlier_case(trust);
    const auto row = must(store_->outlier_case(id));
    const auto timetable = must(domain::current_outlier_timetable(*store_));
    const auto next = must(domain::complete_stage(row, domain::StageDecision::done, timetable,
                                                  domain::WorkingDayCalendar::england_and_wales(), clock_.today()));
    record_stage(row, next, "The audit provider checks the data and the analysis: completed. Data checked");
    return id;
  }

  // The same, taken through every stage before `stage` (confirmed at the review): the case is
  // at `stage`, as its owner would find it.
  OutlierCaseId new_outlier_case_at(const Trust& trust, std::string_view stage) {
    const auto id = new_outlier_case(trust);
    const auto timetable = must(domain::current_outlier_timetable(*store_));
    for (auto row = must(store_->outlier_case(id)); row.stage != stage;) {
      const auto decision =
          row.stage == domain::kReviewStage ? domain::StageDecision::confirm : domain::StageDecision::done;
      auto next = must(domain::complete_stage(row, decision, timetable, domain::WorkingDayCalendar::england_and_wales(),
                                              clock_.today()));
      if (!next.is_open()) throw std::logic_error("no stage " + std::string(stage) + " on the alarm track");
      record_stage(row, next, "completed");
      row = std::move(next);
    }
    return id;
  }

  // Stores `next`, the case after its stage in `done` was completed today, with `what` in its record.
  void record_stage(const domain::OutlierCase& done, const domain::OutlierCase& next, std::string what) {
    domain::OutlierEvent event;
    event.case_id = done.id;
    event.stage = done.stage;
    event.what = std::move(what);
    event.at = clock_.now_iso();
    must(store_->update_outlier_case(next, event, actor_));
  }

  // A second session of the caller's user (for sign-out, which ends the session it is given).
  Caller new_session(const Caller& caller) {
    auto session = must(start_session(*store_, clock_, caller.user, std::chrono::hours(8)));
    return Caller{session.token, session.stored.csrf_token, caller.user};
  }

  // A new action of `trust`, open, or completed today with evidence.
  ActionId new_action(const Trust& trust, bool completed = false) {
    domain::Action action;
    action.organisation_id = trust.id;
    action.title = "Fresh action";
    action.due_on = clock_.today().plus_days(10);
    if (completed) {
      action.status = domain::ActionStatus::completed;
      action.completed_on = clock_.today();
      action.evidence = "Re-audit report";
    }
    return must(store_->add_action(action, actor_));
  }

  // A fresh one-time link to `survey` (the seeded one by default) for an audit manager of
  // an acute trust in the North West; returns its token.
  std::string new_survey_link(std::optional<SurveyId> survey = std::nullopt) {
    domain::SurveyInvitation invitee;
    invitee.label = "invitee@example.nhs.uk";
    invitee.organisation_type = domain::OrganisationType::acute;
    invitee.region = "North West";
    invitee.role = "audit manager";
    return must(issue_survey_links(*store_, survey.value_or(survey_), {invitee}, actor_)).front().token;
  }

 private:
  template <typename T>
  static T must(Result<T> result) {
    if (!result) throw std::runtime_error("test world: " + result.error().message);
    return std::move(*result);
  }
  static void must(Result<void> result) {
    if (!result) throw std::runtime_error("test world: " + result.error().message);
  }

  Caller caller(const std::string& email, domain::Role role, OrganisationId org, const std::string& hash,
                std::optional<SupplierId> supplier = std::nullopt) {
    domain::User user{{}, email, "User " + email, role, org, hash, true, supplier};
    user.id = must(store_->add_user(user, actor_));
    auto session = must(start_session(*store_, clock_, user, std::chrono::hours(8)));
    return Caller{session.token, session.stored.csrf_token, user};
  }

  void seed_trust(Trust& trust, const std::string& code, const std::string& hash) {
    trust.code = code;
    trust.id = must(store_->add_organisations(
        {domain::Organisation{{}, code, "Trust " + code, domain::OrganisationType::acute, "North"}}, actor_))[0];
    domain::Audit local;
    local.code = "LA-" + code;
    local.title = "Local audit of " + code;
    local.owner = trust.id;
    local.start_date = clock_.today().plus_days(-30);
    trust.local_audit = must(store_->add_audits({local}, actor_))[0];
    domain::Action action;
    action.organisation_id = trust.id;
    action.audit_id = national_audit_;
    action.title = "Action of " + code;
    action.due_on = clock_.today().plus_days(-5);
    trust.action = must(store_->add_action(action, actor_));
    for (const auto role : {domain::Role::admin, domain::Role::audit_manager, domain::Role::clinical_lead,
                            domain::Role::board_member, domain::Role::read_only}) {
      // Emails are stored in lower case (domain/user.hpp).
      std::string email = std::string(to_string(role)) + "@" + code + ".example";
      for (char& ch : email) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      trust.callers[role] = caller(email, role, trust.id, hash);
    }
    // Its board member is its chief executive, who acknowledges an alarm in person.
    must(store_->set_chief_executive(trust.id, trust.callers.at(domain::Role::board_member).user.id, actor_));
  }

  void seed() {
    const std::string hash = must(platform::hash_password(kTestPassword));
    domain::Audit national;
    national.code = "NAT-" + suffix_;
    national.title = "National audit " + suffix_;
    national.kind = domain::AuditKind::national_clinical_audit;
    national_audit_ = must(store_->add_audits({national}, actor_))[0];
    // Its patient-level dataset: an outcome and the patient's age.
    must(store_->set_dataset(
        domain::Dataset{national_audit_,
                        {{"outcome", domain::ValueType::yes_no, true, {}, {}, {}, "Died within 30 days"},
                         {"age", domain::ValueType::number, false, 0.0, 120.0, {}, "Age in years"}}},
        actor_));
    must(store_->set_qa_list(
        {domain::QaListEntry{
            national_audit_, FinancialYear::containing(clock_.today()), {domain::OrganisationType::acute}}},
        actor_));
    seed_trust(own_, "OWN" + suffix_, hash);
    seed_trust(other_, "OTH" + suffix_, hash);
    const auto body = must(store_->add_organisations(
        {domain::Organisation{{}, "NB" + suffix_, "National body", domain::OrganisationType::national_body, ""}},
        actor_))[0];
    national_body_ = body;
    analyst_ = caller("analyst@" + suffix_ + ".example", domain::Role::national_analyst, body, hash);
    national_admin_ = caller("admin@nb" + suffix_ + ".example", domain::Role::admin, body, hash);
    regulator_ = caller("inspector@nb" + suffix_ + ".example", domain::Role::regulator, body, hash);
    const auto own_supplier =
        must(store_->add_supplier(domain::AuditSupplier{{}, "SUP" + suffix_, "Audit supplier " + suffix_}, actor_));
    const auto other_supplier =
        must(store_->add_supplier(domain::AuditSupplier{{}, "OSP" + suffix_, "Other supplier " + suffix_}, actor_));
    auto audit = must(store_->audit(national_audit_));
    audit.supplier_id = own_supplier;
    must(store_->update_audit(audit, actor_));
    other_supplier_analyst_ =
        caller("analyst@osp" + suffix_ + ".example", domain::Role::national_analyst, body, hash, other_supplier);
    domain::Measure measure;
    measure.audit_id = national_audit_;
    measure.code = "m1";
    measure.name = "Mortality";
    measure.type = domain::MeasureType::ratio;
    const auto measure_id = must(store_->add_measure(measure, actor_));
    measure_ = measure_id;
    std::vector<domain::MeasureResult> results;
    for (const auto& [trust, observed, published] :
         {std::tuple{&own_, 12.0, false}, std::tuple{&other_, 30.0, false}}) {
      domain::MeasureResult r;
      r.measure_id = measure_id;
      r.organisation_id = trust->id;
      r.period_start = Date::parse("2025-04-01").value();
      r.period_end = Date::parse("2025-12-31").value();
      r.numerator = observed;
      r.expected = 20;
      r.published = published;
      results.push_back(r);
    }
    must(store_->add_results(results, actor_));
    // As an import does: the measure's charts and funnels, which the pages read.
    must(domain::refresh_measure_charts(*store_, std::vector<MeasureId>{measure_id}, "test", actor_));
    domain::Survey staff;
    staff.title = "Survey of audit staff " + suffix_;
    staff.wave = "2025";
    staff.questions.push_back(domain::SurveyQuestion{
        0, "board", "How does the board engage with audit?", domain::QuestionKind::single_choice, {"Poor", "Good"}});
    survey_ = must(store_->add_survey(staff, actor_));
    std::vector<domain::SurveyResponse> responses;
    for (const char* answer : {"Poor", "Good", "Poor"}) {
      responses.push_back(domain::SurveyResponse{
          0, survey_, domain::OrganisationType::acute, "North", "manager", {{"board", answer}}, std::nullopt});
    }
    must(store_->add_survey_responses(responses, actor_));
  }

  std::string suffix_;
  std::filesystem::path path_;
  std::string url_;
  FixedClock clock_;
  domain::Actor actor_{std::nullopt, "test"};
  std::unique_ptr<domain::Store> store_;
  std::unique_ptr<App> app_;
  AuditId national_audit_;
  SurveyId survey_;
  MeasureId measure_;
  Trust own_;
  Trust other_;
  Caller analyst_;
  Caller national_admin_;
  Caller regulator_;
  Caller other_supplier_analyst_;
  OrganisationId national_body_;
};

}  // namespace clinaudit::http::testing
