#pragma once

// The fixed world the page golden files are rendered from (http/page_goldens_test.cpp,
// docs/testing.md "Page golden files"): the test world (http/testing/test_world.hpp) with
// fixed names on a fresh SQLite file, furnished so that every page has real rows to show.
// Everything is dated from the fixed clock (Thursday 15 January 2026) and written in the same
// order each time, so a fresh database gives the same ids on every run.
//
// What it holds, beyond the test world's trusts, people, national audit, ratio measure,
// overdue actions and survey:
// - two more acute trusts (Harbourside, Brackenmoor) whose published results put the funnel
//   plots' points around the own trust's;
// - a proportion measure with thirteen monthly results for each trust: the own trust's last
//   month falls below its XmR chart's lower limit (a deteriorating measure);
// - participation of both trusts in the national audit for 2025/26, the other trust below
//   70% case ascertainment;
// - a stored outlier timetable (the default stages, named "HQIP 2025 guidance");
// - 100 patient-level episodes in 2024/25 and 100 in 2025/26 (the CUSUM story of app_test.cpp:
//   the own trust's patients all die, the other trust's survive) and, unless asked otherwise, the national
//   analysis of 2024/25 run by the national analyst, which opens the outlier cases; the own
//   trust's case has its first two stages completed by the analyst, so the trust's turn is next;
// - a national report published by the national body with two recommendations and the own
//   trust's review of it, an unreviewed national report, an open and a completed action, a recorded
//   committee meeting that reviewed a report and raised two actions, and a booked board meeting;
// - an unused one-time link to the survey.
// SQLite only: the names are fixed, so two worlds may not share one database.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "domain/cusum_monitoring.hpp"
#include "domain/stored_measure_charts.hpp"
#include "domain/stored_provider_cusum.hpp"
#include "http/testing/test_world.hpp"

namespace clinaudit::http::testing {

class PageWorld {
 public:
  enum class Analysis { run, not_run };

  explicit PageWorld(Analysis analysis = Analysis::run) : world_(std::string{}, std::string("1")) {
    add_trusts();
    add_monthly_measure();
    add_participation();
    store_timetable();
    add_episodes();
    add_governance();
    add_local_audit_register();
    add_nice_register();
    if (analysis == Analysis::run) analyse();
    survey_link_ = world_.new_survey_link();
  }

  TestWorld& world() { return world_; }
  Caller& caller(domain::Role role) { return world_.own().callers.at(role); }
  OrganisationId harbourside() const { return harbourside_; }
  // The committee meeting recorded through the form.
  BoardMeetingId meeting() const { return meeting_; }
  // The national body's report that the own trust has reviewed.
  AuditReportId reviewed_report() const { return reviewed_report_; }
  // The own trust's outlier case opened by the analysis (an id of 0 when not run).
  OutlierCaseId own_case() const { return own_case_; }
  // The own trust's open action, with a progress note and a due date moved with a reason.
  ActionId open_action() const { return open_action_; }
  // The own trust's local audit proposal awaiting a decision, resubmitted after changes.
  AuditId proposal() const { return proposal_; }
  // The own trust's NICE guidance NG136, its first recommendation assessed twice and not met
  // with an action, its second met; led by the clinical lead, in Medicine, a national audit
  // linked.
  NiceGuidanceId nice_guidance() const { return nice_guidance_; }
  NiceRecommendationId nice_recommendation() const { return nice_recommendation_; }
  // An unused one-time survey link's token.
  const std::string& survey_link() const { return survey_link_; }

  // The world's values that are random on each run (session and CSRF tokens, the survey
  // link's token), each with the label the golden files hold in its place.
  std::vector<std::pair<std::string, std::string>> random_values() {
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&out](const Caller& c) {
      out.emplace_back(c.csrf, "[csrf token]");
      out.emplace_back(c.token, "[session token]");
    };
    for (const Trust* trust : {&world_.own(), &world_.other()}) {
      for (const auto& [role, c] : trust->callers) add(c);
    }
    add(world_.analyst());
    add(world_.national_admin());
    out.emplace_back(survey_link_, "[survey link token]");
    return out;
  }

  // The answer to `request` as the app gives it; throws when the status is not `expected`
  // (the world's set-up must not fail quietly).
  Response must_answer(const std::string& method, const std::string& target, const Caller* who,
                       std::map<std::string, std::string> fields, int expected) {
    Response response = world_.call(method, target, who, std::move(fields));
    if (response.status != expected) {
      throw std::runtime_error("page world: " + method + " " + target + " answered " + std::to_string(response.status) +
                               ": " + response.body.substr(0, 2000));
    }
    return response;
  }

 private:
  template <typename T>
  static T must(Result<T> result) {
    if (!result) throw std::runtime_error("page world: " + result.error().message);
    return std::move(*result);
  }
  static void must(const Result<void>& result) {
    if (!result) throw std::runtime_error("page world: " + result.error().message);
  }

  domain::Store& store() { return world_.store(); }
  AuditId audit() const { return world_.national_audit(); }
  std::string audit_path() const { return std::to_string(world_.national_audit().value); }

  void add_trusts() {
    const auto ids = must(store().add_organisations(
        {domain::Organisation{{}, "RHB", "Harbourside Hospitals", domain::OrganisationType::acute, "North"},
         domain::Organisation{{}, "RBM", "Brackenmoor General", domain::OrganisationType::acute, "North"}},
        actor_));
    harbourside_ = ids[0];
    brackenmoor_ = ids[1];
  }

  // Consultant presence, higher is better, target 85%: thirteen months from April 2024. The
  // own trust's last month (70 of 100) lies below its chart's lower limit; the other trusts'
  // results are published, so every trust's funnel plot shows them.
  void add_monthly_measure() {
    domain::Measure measure;
    measure.audit_id = audit();
    measure.code = "consultant";
    measure.name = "Consultant present in theatre";
    measure.type = domain::MeasureType::proportion;
    measure.improvement = domain::Improvement::increase;
    measure.target = 0.85;
    const MeasureId id = must(store().add_measure(measure, actor_));
    constexpr int kOwn[] = {86, 88, 85, 87, 86, 89, 85, 88, 86, 87, 88, 86, 70};
    std::vector<domain::MeasureResult> rows;
    for (int month = 0; month < 13; ++month) {
      const int year = 2024 + (3 + month) / 12;
      const auto calendar_month = static_cast<unsigned>((3 + month) % 12 + 1);
      const Date start = must(Date::from_ymd(year, calendar_month, 1));
      const Date next =
          must(calendar_month == 12 ? Date::from_ymd(year + 1, 1, 1) : Date::from_ymd(year, calendar_month + 1, 1));
      const auto result = [&](OrganisationId organisation, double numerator, double denominator, bool published) {
        domain::MeasureResult row;
        row.measure_id = id;
        row.organisation_id = organisation;
        row.period_start = start;
        row.period_end = next.plus_days(-1);
        row.numerator = numerator;
        row.denominator = denominator;
        row.published = published;
        rows.push_back(row);
      };
      result(world_.own().id, kOwn[month], 100, false);
      result(world_.other().id, 60 + month % 4, 80, true);
      result(harbourside_, 104 + month % 3, 120, true);
      result(brackenmoor_, 120 + month % 5, 150, true);
    }
    must(store().add_results(rows, actor_));
    // As an import does: each trust's SPC chart of the measure, which the dashboards read.
    must(domain::refresh_measure_charts(store(), std::vector<MeasureId>{id}, "test", actor_));
  }

  void add_participation() {
    const auto record = [this](OrganisationId organisation, bool completed, std::int64_t submitted,
                               std::int64_t required) {
      domain::Participation row;
      row.organisation_id = organisation;
      row.audit_id = audit();
      row.year = FinancialYear{2025};
      row.eligible = true;
      row.participating = true;
      row.data_collection_completed = completed;
      row.cases_submitted = submitted;
      row.cases_required = required;
      return row;
    };
    must(store().upsert_participation({record(world_.own().id, true, 45, 60), record(world_.other().id, false, 14, 40)},
                                      actor_));
  }

  void store_timetable() {
    const auto& who = world_.national_admin().user;
    const domain::Actor admin{who.id, who.email};
    must(domain::store_outlier_timetable(store(), "HQIP 2025 guidance",
                                         domain::OutlierTimetable::default_timetable().to_csv(), admin));
  }

  // One hundred admissions a day apart from 1 April 2024 (the complete year 2024/25) and from
  // 1 April 2025 (this year so far): every fifth is the own trust's and dies, the others are
  // the other trust's and survive (national rate 0.2).
  void add_episodes() {
    domain::EpisodeColumns episodes;
    episodes.audit_id = audit();
    auto& outcome = episodes.add_column("outcome", domain::ValueType::yes_no).numbers;
    for (const char* start : {"2024-04-01", "2025-04-01"}) {
      const Date first = must(Date::parse(start));
      for (int i = 0; i < 100; ++i) {
        const bool own = i % 5 == 0;
        episodes.provider.push_back(own ? world_.own().id : world_.other().id);
        episodes.admission_date.push_back(first.plus_days(i));
        outcome.push_back(own ? 1 : 0);
      }
    }
    auto writer = must(store().begin_episodes(audit(), {"outcome"}, actor_));
    must(writer->append(episodes));
    must(writer->commit());
    // As an import does: the audit's CUSUM monitoring, which the dashboards read, and each
    // provider's CUSUM of the two years, which the national provider page reads.
    must(domain::refresh_cusum_monitoring(store(), audit(), world_.clock().today(), "test", actor_));
    must(domain::refresh_provider_cusum(store(), audit(), {FinancialYear{2024}, FinancialYear{2025}}, "test", actor_));
  }

  // The eighth report in the own trust's tracker: assigned to its clinical lead, the first
  // recommendation assessed not compliant, then partly compliant; the second not applicable.
  void add_tracker(const Trust& own) {
    const Caller& lead = own.callers.at(domain::Role::clinical_lead);
    domain::ReportAssignment assignment;
    assignment.organisation_id = own.id;
    assignment.report_id = reviewed_report_;
    assignment.lead = lead.user.id;
    assignment.lead_name = lead.user.display_name;
    assignment.deadline = must(Date::parse("2025-02-06"));
    assignment.assigned_at = "2024-11-18T09:00:00Z";
    assignment.assigned_by = "Clinical audit manager";
    must(store().set_report_assignment(assignment, actor_));
    const auto assess = [&](int number, domain::Compliance compliance, const char* evidence, const char* at) {
      domain::RecommendationAssessment row;
      row.organisation_id = own.id;
      row.report_id = reviewed_report_;
      row.number = number;
      row.compliance = compliance;
      row.evidence = evidence;
      row.assessed_by_user = lead.user.id;
      row.assessed_by = lead.user.display_name;
      row.assessed_at = at;
      must(store().add_recommendation_assessment(row, actor_));
    };
    assess(1, domain::Compliance::not_compliant, "No consent audit since 2022", "2024-12-02T10:00:00Z");
    assess(1, domain::Compliance::partly_compliant, "Consent recorded for 41 of 50 \"emergency\" operations",
           "2025-01-06T10:00:00Z");
    assess(2, domain::Compliance::not_applicable, "Theatre access is reviewed by the network", "2024-12-02T10:05:00Z");
  }

  void add_governance() {
    const Trust& own = world_.own();
    const auto report = [&](const char* title, const char* published, std::optional<Date> reviewed,
                            const char* committee, const char* intended) {
      return must(store().add_report_review(
          domain::ReportReview{
              {}, audit(), own.id, title, must(Date::parse(published)), reviewed, committee, intended, {}, ""},
          actor_));
    };
    domain::AuditReport eighth;
    eighth.audit_id = audit();
    eighth.title = "Eighth annual report";
    eighth.published_on = must(Date::parse("2024-11-14"));
    eighth.link = "https://audit.example/eighth-report";
    eighth.recommendations = {{1, "Record consent for every emergency operation"},
                              {2, "Review \"theatre access\" weekly & report it"}};
    reviewed_report_ = must(store().add_audit_reports({eighth}, actor_)).front();
    domain::ReportReview reviewed;
    reviewed.report_id = reviewed_report_;
    reviewed.organisation_id = own.id;
    reviewed.reviewed_on = must(Date::parse("2025-01-20"));
    reviewed.committee = "Quality Committee";
    reviewed.findings = "Consent recorded for 41 of 50 operations";
    reviewed.intended_actions = "Re-audit consent in theatre";
    must(store().add_report_review(reviewed, actor_));
    add_tracker(own);
    const ReportReviewId ninth = report("Ninth annual report", "2025-10-09", std::nullopt, "", "");
    report("Organisational audit report", "2025-12-04", std::nullopt, "", "");

    const Caller& lead = own.callers.at(domain::Role::clinical_lead);
    domain::Action open;
    open.organisation_id = own.id;
    open.audit_id = own.local_audit;
    open.title = "Re-audit consent forms";
    open.owner = lead.user.id;
    open.due_on = must(Date::parse("2026-02-27"));
    open.raised_on = must(Date::parse("2025-12-01"));
    open.id = must(store().add_action(open, actor_));
    open_action_ = open.id;
    domain::ActionEvent note;
    note.kind = domain::ActionEventKind::note;
    note.at = "2026-01-06T09:30:00Z";
    note.by_name = "Page world";
    note.note = "Consent forms collected from theatre 3 & 4";
    open.status = domain::ActionStatus::in_progress;
    must(store().record_action_event(open, note, actor_));
    domain::ActionEvent later = note;
    later.kind = domain::ActionEventKind::due_date_changed;
    later.at = "2026-01-07T14:05:00Z";
    later.note = "Theatre 3 closed for a month";
    later.from = "2026-02-27";
    later.to = "2026-03-31";
    open.due_on = must(Date::parse("2026-03-31"));
    must(store().record_action_event(open, later, actor_));
    domain::Action done;
    done.organisation_id = own.id;
    done.audit_id = audit();
    done.title = "Share the findings with the surgical teams";
    done.owner_name = "Dr A Jones";
    done.due_on = must(Date::parse("2026-01-09"));
    const ActionId done_id = must(store().add_action(done, actor_));
    done.id = done_id;
    done.status = domain::ActionStatus::completed;
    done.completed_on = must(Date::parse("2026-01-05"));
    done.evidence = "Minutes of the January surgical meeting";
    must(store().update_action(done, actor_));

    const Caller& manager = own.callers.at(domain::Role::audit_manager);
    const Response recorded = must_answer("POST", "/board-meetings", &manager,
                                          {{"committee", "Quality Committee"},
                                           {"held_on", "2026-01-08"},
                                           {"item_0", "report_review:" + std::to_string(ninth.value)},
                                           {"item_decision_0", "Received; actions agreed"},
                                           {"item_1", "other"},
                                           {"item_title_1", "Clinical audit programme 2026/27"},
                                           {"item_decision_1", "Approved"},
                                           {"action_title_0", "Consultant present for every emergency laparotomy"},
                                           {"action_owner_0", std::to_string(lead.user.id.value)},
                                           {"action_due_0", "2026-01-12"},
                                           {"action_title_1", "Report theatre access to the board"},
                                           {"action_owner_name_1", "Dr A Jones"},
                                           {"action_due_1", "2026-04-30"}},
                                          303);
    const std::string location = recorded.header("Location");
    meeting_ = BoardMeetingId{static_cast<std::int64_t>(std::stoll(location.substr(location.rfind('/') + 1)))};
    // Booked: a meeting not yet held has no items.
    must_answer("POST", "/board-meetings", &manager, {{"committee", "Trust Board"}, {"held_on", "2026-02-05"}}, 303);
  }

  // The local audit register: two divisions (one with a specialty), and a proposal of the
  // clinical lead sent back for changes and resubmitted, awaiting the audit team's decision.
  void add_local_audit_register() {
    Caller& manager = world_.own().callers.at(domain::Role::audit_manager);
    Caller& lead = world_.own().callers.at(domain::Role::clinical_lead);
    const auto unit = [&](std::map<std::string, std::string> fields) {
      const Response added = must_answer("POST", "/api/structure/units", &manager, std::move(fields), 201);
      const auto at = added.body.find(':');
      return std::to_string(std::stoll(added.body.substr(at + 1)));
    };
    const std::string surgery = unit({{"name", "Surgery"}});
    const std::string orthopaedics = unit({{"name", "Trauma and orthopaedics"}, {"division_id", surgery}});
    unit({{"name", "Medicine"}});
    std::map<std::string, std::string> proposal{{"title", "Consent for hip fracture surgery"},
                                                {"topic", "Consent"},
                                                {"division_id", surgery},
                                                {"specialty_id", orthopaedics},
                                                {"lead_id", std::to_string(lead.user.id.value)},
                                                {"supervisor", "Ms R Patel, audit facilitator"},
                                                {"standards", "GMC Decision making and consent (2020)"},
                                                {"reason", "incident_or_complaint"},
                                                {"sample_method", "30 consecutive patients, case notes review"},
                                                {"data_protection_confirmed", "yes"},
                                                {"start_date", "2026-03-02"},
                                                {"end_date", "2026-05-29"}};
    const Response proposed = must_answer("POST", "/register/propose", &lead, proposal, 303);
    const std::string location = proposed.header("Location");
    const std::string path = location.substr(0, location.find('?'));
    proposal_ = AuditId{static_cast<std::int64_t>(std::stoll(path.substr(path.rfind('/') + 1)))};
    must_answer("POST", path + "/decision", &manager,
                {{"decision", "ask_for_changes"}, {"reason", "Say who reviews the case notes"}}, 303);
    proposal["sample_method"] = "30 consecutive patients; case notes reviewed by two registrars";
    must_answer("POST", path + "/revise", &lead, proposal, 303);
  }

  // The NICE guidance register, through its forms: NG136 in Medicine led by the clinical lead,
  // two recommendations (the first not met, then partly met, with an action; the second met),
  // the national audit linked; and QS121, trust-wide, still to be assessed.
  void add_nice_register() {
    Caller& manager = world_.own().callers.at(domain::Role::audit_manager);
    Caller& lead = world_.own().callers.at(domain::Role::clinical_lead);
    std::string medicine;
    for (const auto& unit : must(store().trust_units(world_.own().id))) {
      if (unit.name == "Medicine") medicine = std::to_string(unit.id.value);
    }
    const Response added = must_answer("POST", "/nice", &manager,
                                       {{"reference", "NG136"},
                                        {"title", "Hypertension in adults: diagnosis & management"},
                                        {"published_on", "2019-08-28"},
                                        {"applicability", "applicable"},
                                        {"lead_id", std::to_string(lead.user.id.value)},
                                        {"division_id", medicine},
                                        {"review_due", "2026-08-28"}},
                                       303);
    const std::string location = added.header("Location");
    const std::string path = location.substr(0, location.find('?'));
    nice_guidance_ = NiceGuidanceId{static_cast<std::int64_t>(std::stoll(path.substr(path.rfind('/') + 1)))};
    must_answer("POST", path + "/recommendations", &manager,
                {{"label", "1.2.3"}, {"text", "Offer ambulatory blood pressure monitoring to confirm the diagnosis"}},
                303);
    must_answer("POST", path + "/recommendations", &manager,
                {{"label", "1.4.20"}, {"text", "Review the \"target\" blood pressure yearly"}}, 303);
    const auto guidance = must(store().nice_guidance_item(nice_guidance_));
    nice_recommendation_ = guidance.recommendations.front().id;
    const std::string first = path + "/recommendations/" + std::to_string(nice_recommendation_.value);
    const std::string second = path + "/recommendations/" + std::to_string(guidance.recommendations.back().id.value);
    must_answer("POST", first + "/assessment", &lead,
                {{"compliance", "not_compliant"}, {"evidence", "No monitors in the clinic"}}, 303);
    must_answer("POST", first + "/assessment", &lead,
                {{"compliance", "partly_compliant"}, {"evidence", "Monitors in 2 of 5 clinics"}}, 303);
    must_answer("POST", second + "/assessment", &lead,
                {{"compliance", "compliant"}, {"evidence", "Audit of 40 notes: 38 reviewed"}}, 303);
    must_answer("POST", first + "/actions", &lead,
                {{"title", "Buy monitors for the other clinics"}, {"due_on", "2026-06-30"}}, 303);
    must_answer("POST", path + "/audits", &manager, {{"audit_id", audit_path()}, {"linked", "yes"}}, 303);
    must_answer("POST", "/nice", &manager,
                {{"reference", "QS121"},
                 {"title", "Antimicrobial stewardship"},
                 {"published_on", "2016-04-14"},
                 {"applicability", "to_be_assessed"},
                 {"lead_name", "Dr P Okafor (microbiology)"}},
                303);
  }

  // The analysis of the complete year 2024/25 as the national analyst runs it from the
  // national page (outlier cases open on complete years only); then the analyst completes the
  // own trust's data check and tells its lead clinician.
  void analyse() {
    Caller& analyst = world_.analyst();
    must_answer("POST", "/national/audits/" + audit_path() + "/analyse?year=2024/25", &analyst, {}, 200);
    const auto cases = must(store().outlier_cases(world_.own().id, audit()));
    if (cases.empty()) throw std::runtime_error("page world: the analysis opened no case for the own trust");
    own_case_ = cases.front().id;
    const std::string stage = "/outliers/" + std::to_string(own_case_.value) + "/stage";
    must_answer("POST", stage, &analyst,
                {{"decision", "done"}, {"note", "Data verified with the trust's audit lead"}, {"confirm", "yes"}}, 303);
    must_answer("POST", stage, &analyst,
                {{"decision", "done"}, {"note", "Letter sent to the medical director"}, {"confirm", "yes"}}, 303);
  }

  domain::Actor actor_{std::nullopt, "page world"};
  TestWorld world_;
  OrganisationId harbourside_;
  OrganisationId brackenmoor_;
  AuditReportId reviewed_report_;
  BoardMeetingId meeting_;
  OutlierCaseId own_case_;
  ActionId open_action_;
  AuditId proposal_;
  NiceGuidanceId nice_guidance_;
  NiceRecommendationId nice_recommendation_;
  std::string survey_link_;
};

}  // namespace clinaudit::http::testing
