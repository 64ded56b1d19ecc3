// Every route × every caller × own/other organisation → the expected status, written out
// by hand here (not derived from the route table), on SQLite and, when
// CLINAUDIT_TEST_PG_URL is set, on PostgreSQL. The callers are the six roles of a trust
// (the national analyst of the national body in the fifth place), the national body's
// administrator, a regulator, a national analyst of another audit supplier and a caller
// without a session. Every route of App::routes() has a row:
// a test below fails when one is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "http/testing/test_world.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::Caller;
using testing::TestWorld;

enum class Whose { own, other };

constexpr std::size_t kCallers = 10;
// The callers, in the order of the expectation arrays below. Columns 0-5 are roles held
// in the trust (the national analyst in the national body); then the national body's admin,
// a regulator (its account kept by the national body), a national analyst who works for an
// audit supplier that does not run the world's national audit, and a caller without a session.
constexpr const char* kCallerNames[kCallers] = {"admin",          "audit_manager", "clinical_lead",
                                                "board_member",   "analyst",       "read_only",
                                                "national admin", "regulator",     "analyst of another supplier",
                                                "anonymous"};
constexpr Role kTrustRoles[] = {Role::admin,        Role::audit_manager,    Role::clinical_lead,
                                Role::board_member, Role::national_analyst, Role::read_only};

using Fields = std::map<std::string, std::string>;

using Statuses = std::array<int, kCallers>;

struct Case {
  std::string name;
  std::string method;
  // Builds the target for a caller from `whose` organisation's records.
  std::function<std::string(TestWorld&, Whose)> target;
  Fields fields;
  std::array<int, kCallers> own;    // status per caller, resources of the trust "own"
  std::array<int, kCallers> other;  // status per caller, resources of another trust (all 0: same as own)
  std::function<Fields(TestWorld&)> fresh_fields = {};  // fields that must differ on every call
  bool fresh_session = false;  // the route ends the session it is called with: call it with a new one
};

std::string fixed(const char* path) { return path; }

// A document on the action or outlier case `owner_id`, written straight through the store.
std::string stored_document(TestWorld& w, domain::DocumentOwner owner, std::int64_t owner_id) {
  const std::string content = "%PDF-1.4";
  domain::EvidenceDocument document;
  document.owner = owner;
  document.owner_id = owner_id;
  document.file_name = "letter.pdf";
  document.media_type = "application/pdf";
  document.size = static_cast<std::int64_t>(content.size());
  document.sha256 = platform::sha256_hex(content);
  document.uploaded_at = "2026-01-15T10:00:00Z";
  const domain::Actor actor{std::nullopt, "test"};
  if (owner == domain::DocumentOwner::action) {
    domain::ActionEvent event;
    event.kind = domain::ActionEventKind::document_added;
    event.at = document.uploaded_at;
    return std::to_string(w.store().add_action_document(document, content, event, actor).value());
  }
  domain::OutlierEvent event;
  event.what = "Document added";
  event.at = document.uploaded_at;
  return std::to_string(w.store().add_outlier_document(document, content, event, actor).value());
}

// A new user's details, with an email never used before: in this process, or by an earlier run
// on the same PostgreSQL database.
Fields new_person(TestWorld&) {
  static std::atomic<int> counter{0};
  return {{"email", "person" + std::to_string(getpid() % 100000) + "x" + std::to_string(counter++) + "@matrix.example"},
          {"name", "New Person"},
          {"role", "read_only"},
          {"password", "long enough password"}};
}

// A code never used before, for the set-up forms that add a record: unique in the process,
// and across runs on one PostgreSQL database.
std::string fresh_code(const char* prefix) {
  static std::atomic<int> counter{0};
  return prefix + std::to_string(getpid() % 100000) + "X" + std::to_string(counter++);
}

// Setting up the register, audits and measures: the register (organisations, national
// audits and the Quality Account list) is the national body's administrators' only, never a
// trust administrator's; a trust sets up its own local audits and their measures, never
// another trust's, and never a national audit's measures, which the national body (its
// analysts and administrators) sets up.
void criteria_rows(std::vector<Case>& all);

void setup_rows(std::vector<Case>& all) {
  const auto same = [](const char* p) { return [p](TestWorld&, Whose) { return fixed(p); }; };
  const auto trust = [](TestWorld& w, Whose whose) -> testing::Trust& {
    return whose == Whose::own ? w.own() : w.other();
  };
  const auto trust_path = [trust](const char* prefix, const char* suffix = "") {
    return [trust, prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(trust(w, whose).id.value) + suffix;
    };
  };
  const auto national_path = [](const char* prefix, const char* suffix = "") {
    return [prefix, suffix](TestWorld& w, Whose) { return prefix + std::to_string(w.national_audit().value) + suffix; };
  };
  const auto local_path = [trust](const char* prefix, const char* suffix = "") {
    return [trust, prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(trust(w, whose).local_audit.value) + suffix;
    };
  };
  const auto measure_of = [](TestWorld& w, AuditId audit) {
    domain::Measure measure;
    measure.audit_id = audit;
    measure.code = fresh_code("m");
    measure.name = "Seen within 4 hours";
    measure.type = domain::MeasureType::proportion;
    measure.improvement = domain::Improvement::increase;
    return w.store().add_measure(measure, domain::Actor{std::nullopt, "test"}).value().value;
  };
  const auto national_measure = [measure_of](const char* prefix) {
    return [measure_of, prefix](TestWorld& w, Whose) {
      return prefix + std::to_string(measure_of(w, w.national_audit()));
    };
  };
  const auto local_measure = [measure_of, trust](const char* prefix) {
    return [measure_of, trust, prefix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(measure_of(w, trust(w, whose).local_audit));
    };
  };
  const auto new_organisation = [](TestWorld&) {
    return Fields{{"code", fresh_code("ZZ")}, {"name", "New Trust"}, {"type", "acute"}, {"region", "East"}};
  };
  const auto new_audit = [](TestWorld&) {
    return Fields{{"code", fresh_code("AUD-")},
                  {"title", "A new audit"},
                  {"kind", "national_clinical_audit"},
                  {"status", "planned"}};
  };
  const auto national_audit_fields = [](TestWorld& w) {
    const auto audit = w.store().audit(w.national_audit()).value();
    return Fields{
        {"code", audit.code}, {"title", audit.title}, {"kind", "national_clinical_audit"}, {"status", "in_progress"}};
  };
  const auto new_measure = [](TestWorld&) {
    return Fields{{"code", fresh_code("m")},
                  {"name", "Seen within 4 hours"},
                  {"type", "proportion"},
                  {"improvement", "increase"},
                  {"source", "imported_results"}};
  };
  const Fields organisation_fields{{"name", "Renamed Trust"}, {"type", "acute"}, {"region", "West"}};
  const auto organisation_edit = [organisation_fields](TestWorld& w) {
    Fields fields = organisation_fields;
    fields["code"] = w.own().code;
    return fields;
  };
  // Columns: admin, manager, lead, board, national analyst, read only, national admin, regulator, analyst of
  // another supplier, anonymous.
  // The audit suppliers: the national body's administrators keep them, nobody else.
  const auto new_supplier = [](TestWorld&) { return Fields{{"code", fresh_code("S")}, {"name", "A supplier"}}; };
  const auto audit_supplier = [](TestWorld& w) {
    return Fields{{"audit_id", std::to_string(w.national_audit().value)}, {"supplier_id", ""}};
  };
  const auto analyst_supplier = [](TestWorld& w) {
    return Fields{{"user_id", std::to_string(w.analyst().user.id.value)}, {"supplier_id", ""}};
  };
  all.push_back(
      {"suppliers page", "GET", same("/admin/suppliers"), {}, {403, 403, 403, 403, 403, 403, 200, 403, 403, 303}, {}});
  all.push_back(
      {"suppliers api", "GET", same("/api/suppliers"), {}, {403, 403, 403, 403, 403, 403, 200, 403, 403, 401}, {}});
  all.push_back({"supplier add form",
                 "POST",
                 same("/admin/suppliers"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 new_supplier});
  all.push_back({"supplier add api",
                 "POST",
                 same("/api/suppliers"),
                 {},
                 {403, 403, 403, 403, 403, 403, 201, 403, 403, 401},
                 {},
                 new_supplier});
  all.push_back({"audit's supplier form",
                 "POST",
                 same("/admin/suppliers/audits"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 audit_supplier});
  all.push_back({"audit's supplier api",
                 "POST",
                 same("/api/suppliers/audits"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {},
                 audit_supplier});
  all.push_back({"analyst's supplier form",
                 "POST",
                 same("/admin/suppliers/analysts"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 analyst_supplier});
  all.push_back({"analyst's supplier api",
                 "POST",
                 same("/api/suppliers/analysts"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {},
                 analyst_supplier});
  all.push_back({"organisations page",
                 "GET",
                 same("/admin/organisations"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"organisations api",
                 "GET",
                 same("/api/organisations"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {}});
  all.push_back({"organisation add form",
                 "POST",
                 same("/admin/organisations"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 new_organisation});
  all.push_back({"organisation add api",
                 "POST",
                 same("/api/organisations"),
                 {},
                 {403, 403, 403, 403, 403, 403, 201, 403, 403, 401},
                 {},
                 new_organisation});
  all.push_back({"organisation page",
                 "GET",
                 trust_path("/admin/organisations/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"organisation api",
                 "GET",
                 trust_path("/api/organisations/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {}});
  // The "own" trust's record, whichever trust's path: its code stays the own trust's.
  all.push_back({"organisation edit form",
                 "POST",
                 [](TestWorld& w, Whose) { return "/admin/organisations/" + std::to_string(w.own().id.value); },
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 organisation_edit});
  all.push_back({"organisation edit api",
                 "PUT",
                 [](TestWorld& w, Whose) { return "/api/organisations/" + std::to_string(w.own().id.value); },
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {},
                 organisation_edit});
  // A user of any organisation, its first administrator typically: the national body's only;
  // a trust administrator adds users on /users, to their own trust.
  all.push_back({"organisation user add form",
                 "POST",
                 trust_path("/admin/organisations/", "/users"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 new_person});
  all.push_back({"organisation user add api",
                 "POST",
                 trust_path("/api/organisations/", "/users"),
                 {},
                 {403, 403, 403, 403, 403, 403, 201, 403, 403, 401},
                 {},
                 new_person});
  all.push_back({"national audits page",
                 "GET",
                 same("/admin/audits"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"national audits api",
                 "GET",
                 same("/api/national-audits"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {}});
  all.push_back({"national audit add form",
                 "POST",
                 same("/admin/audits"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 new_audit});
  all.push_back({"national audit add api",
                 "POST",
                 same("/api/national-audits"),
                 {},
                 {403, 403, 403, 403, 403, 403, 201, 403, 403, 401},
                 {},
                 new_audit});
  all.push_back({"national audit set-up page",
                 "GET",
                 national_path("/admin/audits/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"national audit set-up api",
                 "GET",
                 national_path("/api/national-audits/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {}});
  // A local audit is not a national audit, for the national body too.
  all.push_back({"national audit set-up api of a local audit",
                 "GET",
                 local_path("/api/national-audits/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 404, 403, 403, 401},
                 {}});
  all.push_back({"national audit edit form",
                 "POST",
                 national_path("/admin/audits/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 national_audit_fields});
  all.push_back({"national audit edit api",
                 "PUT",
                 national_path("/api/national-audits/"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {},
                 national_audit_fields});
  all.push_back({"quality account list form",
                 "POST",
                 national_path("/admin/audits/", "/qa-list"),
                 {{"year", "2025/26"}, {"eligible_acute", "yes"}},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {}});
  all.push_back({"quality account list api",
                 "PUT",
                 national_path("/api/national-audits/", "/qa-list"),
                 {{"year", "2025/26"}, {"eligible_types", "acute;community"}},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 401},
                 {}});
  // Local audits: those who run them, for their own organisation only.
  all.push_back(
      {"local audit new page", "GET", same("/audits/new"), {}, {200, 200, 200, 403, 403, 403, 200, 403, 403, 303}, {}});
  all.push_back({"local audit add form",
                 "POST",
                 same("/audits/new"),
                 {},
                 {303, 303, 303, 403, 403, 403, 303, 403, 403, 303},
                 {},
                 new_audit});
  all.push_back({"local audit add api",
                 "POST",
                 same("/api/local-audits"),
                 {},
                 {201, 201, 201, 403, 403, 403, 201, 403, 403, 401},
                 {},
                 new_audit});
  all.push_back({"local audit edit page",
                 "GET",
                 local_path("/audits/", "/edit"),
                 {},
                 {200, 200, 200, 403, 403, 403, 404, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 303}});
  all.push_back({"local audit edit form",
                 "POST",
                 local_path("/audits/", "/edit"),
                 {},
                 {303, 303, 303, 403, 403, 403, 404, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 303},
                 new_audit});
  all.push_back({"local audit edit api",
                 "PUT",
                 local_path("/api/local-audits/"),
                 {},
                 {200, 200, 200, 403, 403, 403, 404, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 401},
                 new_audit});
  // Measures: everyone reads those of an audit they see; a national audit's are set up by the
  // national body, a local audit's by its own organisation's administrators and managers.
  all.push_back({"measures page",
                 "GET",
                 national_path("/audits/", "/measures"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"measures api",
                 "GET",
                 national_path("/api/audits/", "/measures"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back({"local audit measures api",
                 "GET",
                 local_path("/api/audits/", "/measures"),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back({"national measure add form",
                 "POST",
                 national_path("/audits/", "/measures"),
                 {},
                 {403, 403, 403, 403, 303, 403, 303, 403, 403, 303},
                 {},
                 new_measure});
  all.push_back({"national measure add api",
                 "POST",
                 national_path("/api/audits/", "/measures"),
                 {},
                 {403, 403, 403, 403, 201, 403, 201, 403, 403, 401},
                 {},
                 new_measure});
  all.push_back({"local measure add form",
                 "POST",
                 local_path("/audits/", "/measures"),
                 {},
                 {303, 303, 403, 403, 404, 403, 404, 403, 404, 303},
                 {404, 404, 403, 403, 404, 403, 404, 403, 404, 303},
                 new_measure});
  all.push_back({"local measure add api",
                 "POST",
                 local_path("/api/audits/", "/measures"),
                 {},
                 {201, 201, 403, 403, 404, 403, 404, 403, 404, 401},
                 {404, 404, 403, 403, 404, 403, 404, 403, 404, 401},
                 new_measure});
  all.push_back({"national measure edit page",
                 "GET",
                 national_measure("/measures/"),
                 {},
                 {403, 403, 403, 403, 200, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"local measure edit page",
                 "GET",
                 local_measure("/measures/"),
                 {},
                 {200, 200, 403, 403, 404, 403, 404, 403, 404, 303},
                 {404, 404, 403, 403, 404, 403, 404, 403, 404, 303}});
  all.push_back({"national measure edit form",
                 "POST",
                 national_measure("/measures/"),
                 {},
                 {403, 403, 403, 403, 303, 403, 303, 403, 403, 303},
                 {},
                 new_measure});
  all.push_back({"national measure edit api",
                 "PUT",
                 national_measure("/api/measures/"),
                 {},
                 {403, 403, 403, 403, 200, 403, 200, 403, 403, 401},
                 {},
                 new_measure});
  all.push_back({"local measure edit api",
                 "PUT",
                 local_measure("/api/measures/"),
                 {},
                 {200, 200, 403, 403, 404, 403, 404, 403, 404, 401},
                 {404, 404, 403, 403, 404, 403, 404, 403, 404, 401},
                 new_measure});
}

// The report tracker: each trust's own. Everyone of the trust reads it; its audit managers and
// administrators assign reports, set the weeks and assess (the clinical lead here is no
// report's lead); raising a recommendation's action needs manage_actions too. The national
// body keeps no tracker and sees none (403); another trust's report is not found.
void report_tracker_rows(std::vector<Case>& all) {
  const auto same = [](const char* p) { return [p](TestWorld&, Whose) { return fixed(p); }; };
  const auto trust = [](TestWorld& w, Whose whose) -> testing::Trust& {
    return whose == Whose::own ? w.own() : w.other();
  };
  // A report of the trust with two recommendations, the first assessed not compliant.
  const auto tracked_report = [trust](const char* prefix, const char* suffix) {
    return [trust, prefix, suffix](TestWorld& w, Whose whose) {
      static std::atomic<int> counter{0};
      const domain::Actor actor{std::nullopt, "test"};
      domain::AuditReport report;
      report.audit_id = w.national_audit();
      report.organisation_id = trust(w, whose).id;
      report.title = "Tracked report " + std::to_string(getpid() % 100000) + "x" + std::to_string(counter++);
      report.published_on = w.clock().today().plus_days(-30);
      report.recommendations = {{1, "Weekend cover"}, {2, "Early mobilisation"}};
      const auto id = w.store().add_audit_reports({report}, actor).value().front();
      domain::RecommendationAssessment assessment;
      assessment.organisation_id = trust(w, whose).id;
      assessment.report_id = id;
      assessment.number = 1;
      assessment.compliance = domain::Compliance::not_compliant;
      assessment.evidence = "No weekend rota";
      assessment.assessed_at = "2026-01-01T09:00:00Z";
      (void)w.store().add_recommendation_assessment(assessment, actor).value();
      return prefix + std::to_string(id.value) + suffix;
    };
  };
  const auto action_fields = [](TestWorld& w) {
    return Fields{{"title", "Weekend rota"}, {"due_on", w.clock().today().plus_days(30).to_string()}};
  };
  all.push_back({"report tracker page",
                 "GET",
                 same("/report-tracker"),
                 {},
                 {200, 200, 200, 200, 403, 200, 403, 403, 403, 303},
                 {}});
  all.push_back({"report tracker api",
                 "GET",
                 same("/api/report-tracker"),
                 {},
                 {200, 200, 200, 200, 403, 200, 403, 403, 403, 401},
                 {}});
  all.push_back({"report tracker weeks form",
                 "POST",
                 same("/report-tracker/settings"),
                 {{"review_weeks", "10"}},
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {}});
  all.push_back({"report tracker weeks api",
                 "POST",
                 same("/api/report-tracker/settings"),
                 {{"review_weeks", "10"}},
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 {}});
  all.push_back({"report's tracker page",
                 "GET",
                 tracked_report("/audit-reports/", "/tracker"),
                 {},
                 {200, 200, 200, 200, 403, 200, 403, 403, 403, 303},
                 {404, 404, 404, 404, 403, 404, 403, 403, 403, 303}});
  all.push_back({"report's tracker api",
                 "GET",
                 tracked_report("/api/audit-reports/", "/tracker"),
                 {},
                 {200, 200, 200, 200, 403, 200, 403, 403, 403, 401},
                 {404, 404, 404, 404, 403, 404, 403, 403, 403, 401}});
  all.push_back({"assign a report form",
                 "POST",
                 tracked_report("/audit-reports/", "/assignment"),
                 {{"lead_name", "Dr Lead"}},
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303}});
  all.push_back({"assign a report api",
                 "POST",
                 tracked_report("/api/audit-reports/", "/assignment"),
                 {{"lead_name", "Dr Lead"}},
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401}});
  all.push_back({"assess a recommendation form",
                 "POST",
                 tracked_report("/audit-reports/", "/recommendations/2/assessment"),
                 {{"compliance", "compliant"}, {"evidence", "Mobilised day one"}},
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303}});
  all.push_back({"assess a recommendation api",
                 "POST",
                 tracked_report("/api/audit-reports/", "/recommendations/2/assessment"),
                 {{"compliance", "compliant"}, {"evidence", "Mobilised day one"}},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401}});
  all.push_back({"recommendation action form",
                 "POST",
                 tracked_report("/audit-reports/", "/recommendations/1/actions"),
                 {},
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303},
                 action_fields});
  all.push_back({"recommendation action api",
                 "POST",
                 tracked_report("/api/audit-reports/", "/recommendations/1/actions"),
                 {},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401},
                 action_fields});
}

// The NICE guidance register: each trust's own. Everyone of the trust reads it; its audit
// managers and administrators add, edit, review and link audits and assess (the clinical lead
// here leads no guidance); raising a recommendation's action needs manage_actions too. The
// national body keeps no register and sees none (403); another trust's guidance is not found.
// Each call acts on fresh guidance of the trust, whose first recommendation is not met.
void nice_rows(std::vector<Case>& all) {
  const auto same = [](const char* p) { return [p](TestWorld&, Whose) { return fixed(p); }; };
  const auto trust = [](TestWorld& w, Whose whose) -> testing::Trust& {
    return whose == Whose::own ? w.own() : w.other();
  };
  const auto fresh_number = [] {
    static std::atomic<int> counter{0};
    return static_cast<int>(getpid() % 100000) * 1000 + counter++;
  };
  // The path of fresh guidance: prefix, its id, then "/recommendations/<the first's id>" when
  // `recommendation`, then suffix.
  const auto guidance_path = [trust, fresh_number](const char* prefix, bool recommendation, const char* suffix) {
    return [=](TestWorld& w, Whose whose) {
      const domain::Actor actor{std::nullopt, "test"};
      domain::NiceGuidance row;
      row.organisation_id = trust(w, whose).id;
      row.type = domain::GuidanceType::ng;
      row.number = fresh_number();
      row.title = "Fresh guidance";
      row.published_on = w.clock().today().plus_days(-400);
      row.applicability = domain::Applicability::applicable;
      row.recommendations = {{{}, "1.1.1", "Weekend cover"}, {{}, "1.1.2", "Early mobilisation"}};
      const auto id = w.store().add_nice_guidance({row}, actor).value().front();
      const auto stored = w.store().nice_guidance_item(id).value();
      domain::NiceAssessment assessment;
      assessment.guidance_id = id;
      assessment.recommendation_id = stored.recommendations.front().id;
      assessment.compliance = domain::Compliance::not_compliant;
      assessment.evidence = "No weekend rota";
      assessment.assessed_at = "2026-01-01T09:00:00Z";
      (void)w.store().add_nice_assessment(assessment, actor).value();
      std::string path = prefix + std::to_string(id.value);
      if (recommendation) path += "/recommendations/" + std::to_string(stored.recommendations.front().id.value);
      return path + suffix;
    };
  };
  const auto new_guidance = [fresh_number](TestWorld&) {
    return Fields{{"reference", "NG" + std::to_string(fresh_number())},
                  {"title", "Hypertension in adults"},
                  {"published_on", "2019-08-28"},
                  {"applicability", "applicable"}};
  };
  const Fields details{{"title", "Hypertension in adults: diagnosis and management"},
                       {"published_on", "2019-08-28"},
                       {"applicability", "applicable"}};
  const auto fresh_label = [fresh_number](TestWorld&) {
    return Fields{{"label", "2." + std::to_string(fresh_number())}, {"text", "Offer a review"}};
  };
  const auto action_fields = [](TestWorld& w) {
    return Fields{{"title", "Weekend rota"}, {"due_on", w.clock().today().plus_days(30).to_string()}};
  };
  const auto link_fields = [](TestWorld& w) {
    return Fields{{"audit_id", std::to_string(w.national_audit().value)}, {"linked", "yes"}};
  };
  const auto review_fields = [](TestWorld& w) {
    return Fields{{"reviewed_on", w.clock().today().plus_days(-1).to_string()},
                  {"next_review_due", w.clock().today().plus_days(365).to_string()}};
  };
  const Statuses manage_form{303, 303, 403, 403, 403, 403, 403, 403, 403, 303};
  const Statuses other_form{404, 404, 404, 403, 403, 403, 403, 403, 403, 303};
  const Statuses other_api{404, 404, 404, 403, 403, 403, 403, 403, 403, 401};
  all.push_back(
      {"NICE register page", "GET", same("/nice"), {}, {200, 200, 200, 200, 403, 200, 403, 403, 403, 303}, {}});
  all.push_back(
      {"NICE register api", "GET", same("/api/nice"), {}, {200, 200, 200, 200, 403, 200, 403, 403, 403, 401}, {}});
  all.push_back({"add NICE guidance form", "POST", same("/nice"), {}, manage_form, {}, new_guidance});
  all.push_back({"add NICE guidance api",
                 "POST",
                 same("/api/nice"),
                 {},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 {},
                 new_guidance});
  all.push_back({"NICE guidance page",
                 "GET",
                 guidance_path("/nice/", false, ""),
                 {},
                 {200, 200, 200, 200, 403, 200, 403, 403, 403, 303},
                 {404, 404, 404, 404, 403, 404, 403, 403, 403, 303}});
  all.push_back({"NICE guidance api",
                 "GET",
                 guidance_path("/api/nice/", false, ""),
                 {},
                 {200, 200, 200, 200, 403, 200, 403, 403, 403, 401},
                 {404, 404, 404, 404, 403, 404, 403, 403, 403, 401}});
  all.push_back(
      {"edit NICE guidance form", "POST", guidance_path("/nice/", false, ""), details, manage_form, other_form});
  all.push_back({"edit NICE guidance api",
                 "POST",
                 guidance_path("/api/nice/", false, ""),
                 details,
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 other_api});
  all.push_back({"add NICE recommendation form",
                 "POST",
                 guidance_path("/nice/", false, "/recommendations"),
                 {},
                 manage_form,
                 other_form,
                 fresh_label});
  all.push_back({"add NICE recommendation api",
                 "POST",
                 guidance_path("/api/nice/", false, "/recommendations"),
                 {},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 other_api,
                 fresh_label});
  all.push_back({"assess NICE recommendation form",
                 "POST",
                 guidance_path("/nice/", true, "/assessment"),
                 {{"compliance", "compliant"}, {"evidence", "Rota in place"}},
                 manage_form,
                 other_form});
  all.push_back({"assess NICE recommendation api",
                 "POST",
                 guidance_path("/api/nice/", true, "/assessment"),
                 {{"compliance", "compliant"}, {"evidence", "Rota in place"}},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 other_api});
  all.push_back({"NICE recommendation action form",
                 "POST",
                 guidance_path("/nice/", true, "/actions"),
                 {},
                 manage_form,
                 other_form,
                 action_fields});
  all.push_back({"NICE recommendation action api",
                 "POST",
                 guidance_path("/api/nice/", true, "/actions"),
                 {},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 other_api,
                 action_fields});
  all.push_back({"link an audit to NICE guidance form",
                 "POST",
                 guidance_path("/nice/", false, "/audits"),
                 {},
                 manage_form,
                 other_form,
                 link_fields});
  all.push_back({"link an audit to NICE guidance api",
                 "POST",
                 guidance_path("/api/nice/", false, "/audits"),
                 {},
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 other_api,
                 link_fields});
  all.push_back({"NICE guidance review form",
                 "POST",
                 guidance_path("/nice/", false, "/review"),
                 {},
                 manage_form,
                 other_form,
                 review_fields});
  all.push_back({"NICE guidance review api",
                 "POST",
                 guidance_path("/api/nice/", false, "/review"),
                 {},
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 other_api,
                 review_fields});
}

// The local audit register: every user of a trust reads its register, its audits and its
// divisions; clinical leads, audit managers and administrators of the trust propose and move
// audits on; only the audit team (audit managers, administrators) decides and keeps the
// divisions. The national body proposes nothing, and another trust's audit or division is
// not found. Each change acts on a fresh record of the trust.
void register_rows(std::vector<Case>& all) {
  const auto same = [](const char* p) { return [p](TestWorld&, Whose) { return fixed(p); }; };
  const auto trust = [](TestWorld& w, Whose whose) -> testing::Trust& {
    return whose == Whose::own ? w.own() : w.other();
  };
  const domain::Actor actor{std::nullopt, "matrix"};
  // The trust's first division, added when it has none.
  const auto division_of = [actor](TestWorld& w, const testing::Trust& t) {
    const auto units = w.store().trust_units(t.id).value();
    if (!units.empty()) return units.front().id;
    domain::TrustUnit unit;
    unit.organisation_id = t.id;
    unit.name = "Surgery";
    return w.store().add_trust_unit(unit, actor).value();
  };
  // A fresh proposal of the trust's clinical lead, awaiting a decision.
  const auto proposal_of = [actor](TestWorld& w, const testing::Trust& t) {
    domain::Audit audit;
    audit.code = fresh_code("LAP");
    audit.title = "Fresh proposal";
    audit.owner = t.id;
    domain::LocalAuditEntry entry;
    entry.proposed_by = t.callers.at(Role::clinical_lead).user.id;
    entry.lead_name = "Dr Lead";
    domain::LocalAuditEvent event;
    event.at = "2026-01-15T10:00:00Z";
    return w.store().add_local_audit_entry(audit, entry, event, actor).value();
  };
  const auto approved_of = [actor](TestWorld& w, const testing::Trust& t) {
    domain::Audit audit;
    audit.code = fresh_code("LAA");
    audit.title = "Fresh approved audit";
    audit.owner = t.id;
    return w.store().add_audits({audit}, actor).value().front();
  };
  const auto fresh_name = [](TestWorld&) { return Fields{{"name", fresh_code("Unit ")}}; };
  const auto proposal_fields = [division_of](TestWorld& w) {
    return Fields{{"title", "Consent in day surgery"},
                  {"division_id", std::to_string(division_of(w, w.own()).value)},
                  {"lead_name", "Dr Lead"},
                  {"standards", "GMC consent guidance"},
                  {"reason", "trust_priority"},
                  {"sample_method", "40 cases"},
                  {"data_protection_confirmed", "yes"},
                  {"start_date", "2026-03-01"},
                  {"end_date", "2026-06-30"}};
  };
  const auto on = [trust](auto make, const char* prefix, const char* suffix) {
    return [trust, make, prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(make(w, trust(w, whose)).value) + suffix;
    };
  };
  const auto seeded = [](TestWorld&, const testing::Trust& t) { return t.local_audit; };

  all.push_back(
      {"register page", "GET", same("/register"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back(
      {"register api", "GET", same("/api/register"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 401}, {}});
  all.push_back({"register audit page",
                 "GET",
                 on(seeded, "/register/", ""),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  all.push_back({"register audit api",
                 "GET",
                 on(seeded, "/api/register/", ""),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back({"register propose page",
                 "GET",
                 same("/register/propose"),
                 {},
                 {200, 200, 200, 403, 403, 403, 403, 403, 403, 303},
                 {}});
  all.push_back({"register propose form",
                 "POST",
                 same("/register/propose"),
                 {},
                 {303, 303, 303, 403, 403, 403, 403, 403, 403, 303},
                 {},
                 proposal_fields});
  all.push_back({"register propose api",
                 "POST",
                 same("/api/register"),
                 {},
                 {201, 201, 201, 403, 403, 403, 403, 403, 403, 401},
                 {},
                 proposal_fields});
  all.push_back({"register revise page",
                 "GET",
                 on(proposal_of, "/register/", "/revise"),
                 {},
                 {200, 200, 200, 403, 403, 403, 404, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 303}});
  all.push_back({"register revise form",
                 "POST",
                 on(proposal_of, "/register/", "/revise"),
                 {},
                 {303, 303, 303, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303},
                 proposal_fields});
  all.push_back({"register revise api",
                 "PUT",
                 on(proposal_of, "/api/register/", ""),
                 {},
                 {200, 200, 200, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401},
                 proposal_fields});
  const Fields decision{{"decision", "approve"}, {"reason", "Meets the trust's priorities"}};
  all.push_back({"register decision form",
                 "POST",
                 on(proposal_of, "/register/", "/decision"),
                 decision,
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303}});
  all.push_back({"register decision api",
                 "POST",
                 on(proposal_of, "/api/register/", "/decision"),
                 decision,
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401}});
  for (const auto& [name, path, fields] :
       {std::tuple{"register next", "/next", Fields{}},
        std::tuple{"register abandon", "/abandon", Fields{{"rationale", "The lead left the trust"}}}}) {
    all.push_back({std::string(name) + " form",
                   "POST",
                   on(approved_of, "/register/", path),
                   fields,
                   {303, 303, 303, 403, 403, 403, 403, 403, 403, 303},
                   {404, 404, 404, 403, 403, 403, 403, 403, 403, 303}});
    all.push_back({std::string(name) + " api",
                   "POST",
                   on(approved_of, "/api/register/", path),
                   fields,
                   {200, 200, 200, 403, 403, 403, 403, 403, 403, 401},
                   {404, 404, 404, 403, 403, 403, 403, 403, 403, 401}});
  }
  // Carrying an approved audit over into the next year is the audit team's.
  const Fields carry_over{{"reason", "The lead is on leave until the spring"}};
  all.push_back({"register carry-over form",
                 "POST",
                 on(approved_of, "/register/", "/carry-over"),
                 carry_over,
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303}});
  all.push_back({"register carry-over api",
                 "POST",
                 on(approved_of, "/api/register/", "/carry-over"),
                 carry_over,
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401}});
  all.push_back(
      {"structure page", "GET", same("/structure"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back(
      {"structure api", "GET", same("/api/structure"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 401}, {}});
  all.push_back({"structure add form",
                 "POST",
                 same("/structure/units"),
                 {},
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {},
                 fresh_name});
  all.push_back({"structure add api",
                 "POST",
                 same("/api/structure/units"),
                 {},
                 {201, 201, 403, 403, 403, 403, 403, 403, 403, 401},
                 {},
                 fresh_name});
  const auto unit_of = [actor](TestWorld& w, const testing::Trust& t) {
    domain::TrustUnit unit;
    unit.organisation_id = t.id;
    unit.name = fresh_code("Division ");
    return w.store().add_trust_unit(unit, actor).value();
  };
  all.push_back({"structure change form",
                 "POST",
                 on(unit_of, "/structure/units/", ""),
                 {},
                 {303, 303, 403, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 403, 403, 403, 403, 403, 403, 403, 303},
                 fresh_name});
  all.push_back({"structure change api",
                 "PUT",
                 on(unit_of, "/api/structure/units/", ""),
                 {},
                 {200, 200, 403, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 403, 403, 403, 403, 403, 403, 403, 401},
                 fresh_name});
}

std::vector<Case> cases() {
  const auto same = [](const char* p) { return [p](TestWorld&, Whose) { return fixed(p); }; };
  const auto trust = [](TestWorld& w, Whose whose) -> testing::Trust& {
    return whose == Whose::own ? w.own() : w.other();
  };
  std::vector<Case> all;
  // Public routes: the same answer with or without a session.
  //                                                           adm  mgr  lead board nat  ro  nbadm reg  anon
  all.push_back({"health", "GET", same("/healthz"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, {}});
  all.push_back(
      {"stylesheet", "GET", same("/static/style.css"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"api index", "GET", same("/api/"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"sign-in page", "GET", same("/login"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, {}});
  // Signing in needs no session (there is none yet); the fields name a real account.
  const auto sign_in = [](TestWorld& w) {
    return Fields{{"email", w.own().callers.at(Role::read_only).user.email}, {"password", testing::kTestPassword}};
  };
  all.push_back(
      {"sign in form", "POST", same("/login"), {}, {303, 303, 303, 303, 303, 303, 303, 303, 303, 303}, {}, sign_in});
  all.push_back({"sign in api",
                 "POST",
                 same("/api/session"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
                 {},
                 sign_in});
  // Signing out ends the caller's session; without one a page goes to the sign-in page.
  all.push_back(
      {"sign out form", "POST", same("/logout"), {}, {303, 303, 303, 303, 303, 303, 303, 303, 303, 303}, {}, {}, true});
  all.push_back({"sign out api",
                 "DELETE",
                 same("/api/session"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 401},
                 {},
                 {},
                 true});
  all.push_back({"me", "GET", same("/api/me"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 401}, {}});
  // One organisation's views: every signed-in user.
  all.push_back({"dashboard page", "GET", same("/"), {}, {200, 200, 200, 200, 200, 200, 200, 303, 200, 303}, {}});
  all.push_back(
      {"dashboard api", "GET", same("/api/dashboard"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 401}, {}});
  all.push_back({"register page", "GET", same("/audits"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back({"register api",
                 "GET",
                 same("/api/audits?kind=local"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  // A local audit exists only for its owner.
  all.push_back(
      {"local audit page",
       "GET",
       [trust](TestWorld& w, Whose whose) { return "/audits/" + std::to_string(trust(w, whose).local_audit.value); },
       {},
       {200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
       {404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  all.push_back({"local audit api",
                 "GET",
                 [trust](TestWorld& w, Whose whose) {
                   return "/api/audits/" + std::to_string(trust(w, whose).local_audit.value);
                 },
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back({"national audit api",
                 "GET",
                 [](TestWorld& w, Whose) { return "/api/audits/" + std::to_string(w.national_audit().value); },
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back(
      {"outliers page", "GET", same("/outliers"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 303}, {}});
  all.push_back(
      {"outliers api", "GET", same("/api/outliers"), {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 401}, {}});
  all.push_back({"actions page",
                 "GET",
                 same("/actions?view=overdue"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"actions api",
                 "GET",
                 same("/api/actions?view=mine"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back({"notifications api",
                 "GET",
                 same("/api/notifications"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 401},
                 {}});
  all.push_back({"notifications page",
                 "GET",
                 same("/notifications"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 303},
                 {}});
  // Participation: those who edit it, for their own organisation.
  const auto participation = [](TestWorld& w) {
    return Fields{{"eligible_" + std::to_string(w.national_audit().value), "yes"},
                  {"participating_" + std::to_string(w.national_audit().value), "yes"}};
  };
  all.push_back({"participation page",
                 "GET",
                 same("/participation"),
                 {},
                 {200, 200, 403, 403, 403, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"participation api",
                 "GET",
                 same("/api/participation"),
                 {},
                 {200, 200, 403, 403, 403, 403, 200, 403, 403, 401},
                 {}});
  all.push_back({"participation save form",
                 "POST",
                 same("/participation?year=2025/26"),
                 {},
                 {200, 200, 403, 403, 403, 403, 200, 403, 403, 303},
                 {},
                 participation});
  all.push_back({"participation save api",
                 "POST",
                 same("/api/participation?year=2025/26"),
                 {},
                 {200, 200, 403, 403, 403, 403, 200, 403, 403, 401},
                 {},
                 participation});
  // Actions: those who manage them, for their own organisation.
  all.push_back({"action create form",
                 "POST",
                 same("/actions"),
                 {{"title", "Check"}, {"due_on", "2026-02-01"}},
                 {303, 303, 303, 403, 403, 403, 303, 403, 403, 303},
                 {}});
  all.push_back({"action create api",
                 "POST",
                 same("/api/actions"),
                 {{"title", "Check"}, {"due_on", "2026-02-01"}},
                 {201, 201, 201, 403, 403, 403, 201, 403, 403, 401},
                 {}});
  all.push_back({"action close api",
                 "POST",
                 [trust](TestWorld& w, Whose whose) {
                   return "/api/actions/" + std::to_string(w.new_action(trust(w, whose)).value) + "/close";
                 },
                 {{"evidence", "Done"}},
                 {200, 200, 200, 403, 403, 403, 404, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 401}});
  all.push_back({"action close form",
                 "POST",
                 [trust](TestWorld& w, Whose whose) {
                   return "/actions/" + std::to_string(w.new_action(trust(w, whose)).value) + "/close";
                 },
                 {{"evidence", "Done"}},
                 {303, 303, 303, 403, 403, 403, 404, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 303}});
  // One action: seen by its organisation; changed by those who manage actions there.
  all.push_back(
      {"action page",
       "GET",
       [trust](TestWorld& w, Whose whose) { return "/actions/" + std::to_string(trust(w, whose).action.value); },
       {},
       {200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
       {404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  all.push_back(
      {"action api",
       "GET",
       [trust](TestWorld& w, Whose whose) { return "/api/actions/" + std::to_string(trust(w, whose).action.value); },
       {},
       {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
       {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  // Documents on an action: attached by those who change actions (a form without a file is
  // refused as bad input, past the checks of role and organisation), downloaded by those who
  // see the action.
  for (const bool api : {false, true}) {
    const std::string prefix = api ? "/api/actions/" : "/actions/";
    all.push_back({std::string("action document upload") + (api ? " api" : " form"),
                   "POST",
                   [trust, prefix](TestWorld& w, Whose whose) {
                     return prefix + std::to_string(w.new_action(trust(w, whose)).value) + "/documents";
                   },
                   {},
                   api ? Statuses{400, 400, 400, 403, 403, 403, 404, 403, 403, 401}
                       : Statuses{400, 400, 400, 403, 403, 403, 404, 403, 403, 303},
                   api ? Statuses{404, 404, 404, 403, 403, 403, 404, 403, 403, 401}
                       : Statuses{404, 404, 404, 403, 403, 403, 404, 403, 403, 303}});
    all.push_back({std::string("action document download") + (api ? " api" : " page"),
                   "GET",
                   [trust, prefix](TestWorld& w, Whose whose) {
                     const auto action = w.new_action(trust(w, whose));
                     return prefix + std::to_string(action.value) + "/documents/" +
                            stored_document(w, domain::DocumentOwner::action, action.value);
                   },
                   {},
                   api ? Statuses{200, 200, 200, 200, 404, 200, 404, 403, 404, 401}
                       : Statuses{200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
                   api ? Statuses{404, 404, 404, 404, 404, 404, 404, 403, 404, 401}
                       : Statuses{404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  }
  struct ActionChange {
    const char* name;
    const char* path;
    Fields fields;
    bool completed;  // the change needs a completed action
  };
  for (const auto& change : std::initializer_list<ActionChange>{
           {"action note", "/notes", {{"note", "Forms collected"}}, false},
           {"action due date", "/due-date", {{"due_on", "2026-05-01"}, {"reason", "Theatre closed"}}, false},
           {"action reassign", "/owner", {{"owner_name", "Ward 7 manager"}}, false},
           {"action edit", "/edit", {{"title", "Audit the consent forms again"}}, false},
           {"action reopen", "/reopen", {{"reason", "The re-audit found gaps"}}, true}}) {
    for (const bool api : {false, true}) {
      const std::string prefix = api ? "/api/actions/" : "/actions/";
      all.push_back(
          {std::string(change.name) + (api ? " api" : " form"), "POST",
           [trust, prefix, path = std::string(change.path), completed = change.completed](TestWorld& w, Whose whose) {
             return prefix + std::to_string(w.new_action(trust(w, whose), completed).value) + path;
           },
           change.fields,
           api ? Statuses{200, 200, 200, 403, 403, 403, 404, 403, 403, 401}
               : Statuses{303, 303, 303, 403, 403, 403, 404, 403, 403, 303},
           api ? Statuses{404, 404, 404, 403, 403, 403, 404, 403, 403, 401}
               : Statuses{404, 404, 404, 403, 403, 403, 404, 403, 403, 303}});
    }
  }
  // Users: each organisation's administrator, for their own organisation.
  all.push_back({"users page", "GET", same("/users"), {}, {200, 403, 403, 403, 403, 403, 200, 403, 403, 303}, {}});
  all.push_back({"users api", "GET", same("/api/users"), {}, {200, 403, 403, 403, 403, 403, 200, 403, 403, 401}, {}});
  all.push_back({"user add form",
                 "POST",
                 same("/users"),
                 {},
                 {200, 403, 403, 403, 403, 403, 200, 403, 403, 303},
                 {},
                 new_person});
  all.push_back({"user add api",
                 "POST",
                 same("/api/users"),
                 {},
                 {201, 403, 403, 403, 403, 403, 201, 403, 403, 401},
                 {},
                 new_person});
  // One user's account: each organisation's administrator, for their own organisation's users
  // only (another's, the national body's administrator's included, is not found). Each call
  // acts on a fresh user, so that deactivating one leaves the callers signed in.
  const auto fresh_user = [trust](const char* prefix, const char* suffix = "") {
    return [trust, prefix, suffix](TestWorld& w, Whose whose) {
      static std::atomic<int> counter{0};
      const domain::User user{
          {},
          "account" + std::to_string(getpid() % 100000) + "x" + std::to_string(counter++) + "@matrix.example",
          "Account Holder",
          Role::read_only,
          trust(w, whose).id,
          "$argon2id$unused",
          true};
      return prefix + std::to_string(w.store().add_user(user, domain::Actor{std::nullopt, "test"}).value().value) +
             suffix;
    };
  };
  const Fields account_change{{"name", "Account Holder Renamed"}, {"role", "board_member"}};
  all.push_back({"user page",
                 "GET",
                 fresh_user("/users/"),
                 {},
                 {200, 403, 403, 403, 403, 403, 404, 403, 403, 303},
                 {404, 403, 403, 403, 403, 403, 404, 403, 403, 303}});
  all.push_back({"user api",
                 "GET",
                 fresh_user("/api/users/"),
                 {},
                 {200, 403, 403, 403, 403, 403, 404, 403, 403, 401},
                 {404, 403, 403, 403, 403, 403, 404, 403, 403, 401}});
  all.push_back({"user change form",
                 "POST",
                 fresh_user("/users/"),
                 account_change,
                 {303, 403, 403, 403, 403, 403, 404, 403, 403, 303},
                 {404, 403, 403, 403, 403, 403, 404, 403, 403, 303}});
  all.push_back({"user change api",
                 "POST",
                 fresh_user("/api/users/"),
                 account_change,
                 {200, 403, 403, 403, 403, 403, 404, 403, 403, 401},
                 {404, 403, 403, 403, 403, 403, 404, 403, 403, 401}});
  for (const char* verb : {"/deactivate", "/reactivate"}) {
    all.push_back({std::string("user form ") + verb,
                   "POST",
                   fresh_user("/users/", verb),
                   {},
                   {303, 403, 403, 403, 403, 403, 404, 403, 403, 303},
                   {404, 403, 403, 403, 403, 403, 404, 403, 403, 303}});
    all.push_back({std::string("user api ") + verb,
                   "POST",
                   fresh_user("/api/users/", verb),
                   {},
                   {200, 403, 403, 403, 403, 403, 404, 403, 403, 401},
                   {404, 403, 403, 403, 403, 403, 404, 403, 403, 401}});
  }
  all.push_back({"password link form",
                 "POST",
                 fresh_user("/users/", "/password-reset"),
                 {},
                 {200, 403, 403, 403, 403, 403, 404, 403, 403, 303},
                 {404, 403, 403, 403, 403, 403, 404, 403, 403, 303}});
  all.push_back({"password link api",
                 "POST",
                 fresh_user("/api/users/", "/password-reset"),
                 {},
                 {201, 403, 403, 403, 403, 403, 404, 403, 403, 401},
                 {404, 403, 403, 403, 403, 403, 404, 403, 403, 401}});
  // The link's page is public: its token is the secret, whoever follows it.
  const auto reset_link = [fresh_user](const char* prefix) {
    return [fresh_user, prefix](TestWorld& w, Whose whose) {
      static std::atomic<int> counter{0};
      const std::string user_path = fresh_user("", "")(w, whose);
      std::string token = std::to_string(getpid()) + "e" + std::to_string(counter++);
      token += std::string(64 - token.size(), 'f');
      const domain::PasswordReset reset{platform::sha256_hex(token), UserId{std::stoll(user_path)},
                                        "2026-01-15T09:00:00Z", "2026-01-16T09:00:00Z", std::nullopt};
      EXPECT_TRUE(w.store().add_password_reset(reset, domain::Actor{std::nullopt, "test"}));
      return prefix + token;
    };
  };
  const Fields new_password{{"password", "a brand new passphrase"}};
  all.push_back({"password link page",
                 "GET",
                 reset_link("/password-reset/"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back({"password link set form",
                 "POST",
                 reset_link("/password-reset/"),
                 new_password,
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back({"password link set api",
                 "POST",
                 reset_link("/api/password-reset/"),
                 new_password,
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
                 {}});
  // The outlier timetable applies to every trust: everyone reads the table in force; only
  // the national body's administrators replace it (a trust's administrator may not).
  const std::string table = domain::OutlierTimetable::default_timetable().to_csv();
  all.push_back({"timetable page",
                 "GET",
                 same("/admin/outlier-timetable"),
                 {},
                 {403, 403, 403, 403, 403, 403, 200, 403, 403, 303},
                 {}});
  all.push_back({"timetable api",
                 "GET",
                 same("/api/outlier-timetable"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back({"timetable store form",
                 "POST",
                 same("/admin/outlier-timetable"),
                 {{"name", "HQIP 2025 guidance"}, {"csv", table}},
                 {403, 403, 403, 403, 403, 403, 303, 403, 403, 303},
                 {}});
  all.push_back({"timetable store api",
                 "POST",
                 same("/api/outlier-timetable"),
                 {{"name", "HQIP 2025 guidance"}, {"csv", table}},
                 {403, 403, 403, 403, 403, 403, 201, 403, 403, 401},
                 {}});
  // National views: national analysts only.
  all.push_back(
      {"national index", "GET", same("/national"), {}, {403, 403, 403, 403, 200, 403, 403, 403, 200, 303}, {}});
  all.push_back(
      {"national index api", "GET", same("/api/national"), {}, {403, 403, 403, 403, 200, 403, 403, 403, 200, 401}, {}});
  all.push_back({"national page",
                 "GET",
                 [](TestWorld& w, Whose) { return "/national/audits/" + std::to_string(w.national_audit().value); },
                 {},
                 {403, 403, 403, 403, 200, 403, 403, 403, 404, 303},
                 {}});
  all.push_back({"national api",
                 "GET",
                 [](TestWorld& w, Whose) { return "/api/national/audits/" + std::to_string(w.national_audit().value); },
                 {},
                 {403, 403, 403, 403, 200, 403, 403, 403, 404, 401},
                 {}});
  all.push_back({"national provider page",
                 "GET",
                 [trust](TestWorld& w, Whose whose) {
                   return "/national/audits/" + std::to_string(w.national_audit().value) + "/providers/" +
                          std::to_string(trust(w, whose).id.value) + "?year=2025/26";
                 },
                 {},
                 {403, 403, 403, 403, 200, 403, 403, 403, 404, 303},
                 {}});
  // A national audit's dataset: everyone reads it; the national body declares it. The API's
  // body here is not JSON, so a caller who may declare is answered 400.
  const auto dataset = [](const char* prefix) {
    return [prefix](TestWorld& w, Whose) {
      return std::string(prefix) + std::to_string(w.national_audit().value) + "/dataset";
    };
  };
  all.push_back({"dataset page",
                 "GET",
                 dataset("/national/audits/"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back(
      {"dataset api", "GET", dataset("/api/audits/"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 401}, {}});
  all.push_back({"dataset form",
                 "POST",
                 dataset("/national/audits/"),
                 {{"rows", "2"},
                  {"name_0", "outcome"},
                  {"type_0", "yes_no"},
                  {"required_0", "yes"},
                  {"name_1", "age"},
                  {"type_1", "number"},
                  {"minimum_1", "0"},
                  {"maximum_1", "120"}},
                 {403, 403, 403, 403, 303, 403, 303, 403, 403, 303},
                 {}});
  all.push_back(
      {"dataset api put", "PUT", dataset("/api/audits/"), {}, {403, 403, 403, 403, 400, 403, 400, 403, 403, 401}, {}});
  // Imports: an empty upload passes the role check and is then refused as a bad file.
  all.push_back({"import page", "GET", same("/import"), {}, {200, 200, 200, 403, 200, 403, 200, 403, 200, 303}, {}});
  all.push_back({"import check form",
                 "POST",
                 same("/import"),
                 {{"kind", "results"}},
                 {400, 400, 400, 403, 400, 403, 400, 403, 400, 303},
                 {}});
  all.push_back({"import confirm form",
                 "POST",
                 same("/import/confirm"),
                 {{"token", "0123456789abcdef0123456789abcdef"}},
                 {404, 404, 404, 403, 404, 403, 404, 403, 404, 303},
                 {}});
  all.push_back({"import api",
                 "POST",
                 same("/api/imports/results?dry_run=true"),
                 {},
                 {422, 422, 422, 403, 422, 403, 422, 403, 422, 401},
                 {}});
  // Outlier cases: seen by their provider and the national analysts; the first stage of an
  // alarm is the audit provider's data check, so only national analysts complete it.
  const auto outlier_case = [trust](const char* prefix, const char* suffix) {
    return [trust, prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(w.new_outlier_case(trust(w, whose)).value) + suffix;
    };
  };
  // A potential alarm is not the regulator's: it sees an alarm once confirmed, or escalated to it.
  all.push_back({"outlier case page",
                 "GET",
                 outlier_case("/outliers/", ""),
                 {},
                 {200, 200, 200, 200, 200, 200, 404, 404, 404, 303},
                 {404, 404, 404, 404, 200, 404, 404, 404, 404, 303}});
  all.push_back({"outlier case api",
                 "GET",
                 outlier_case("/api/outliers/", ""),
                 {},
                 {200, 200, 200, 200, 200, 200, 404, 404, 404, 401},
                 {404, 404, 404, 404, 200, 404, 404, 404, 404, 401}});
  const auto confirmed_alarm = [trust](const char* prefix) {
    return [trust, prefix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(w.new_outlier_case_at(trust(w, whose), "chief_executive_informed").value);
    };
  };
  all.push_back({"outlier case page, a confirmed alarm",
                 "GET",
                 confirmed_alarm("/outliers/"),
                 {},
                 {200, 200, 200, 200, 200, 200, 404, 200, 404, 303},
                 {404, 404, 404, 404, 200, 404, 404, 200, 404, 303}});
  all.push_back({"outlier case api, an alarm escalated to the regulator",
                 "GET",
                 [trust](TestWorld& w, Whose whose) {
                   const auto id = w.new_outlier_case_at(trust(w, whose), "provider_response");
                   auto row = w.store().outlier_case(id).value();
                   row.escalated_on = w.clock().today();
                   w.record_stage(row, row, "Escalated to the regulator");
                   return "/api/outliers/" + std::to_string(id.value);
                 },
                 {},
                 {200, 200, 200, 200, 200, 200, 404, 200, 404, 401},
                 {404, 404, 404, 404, 200, 404, 404, 200, 404, 401}});
  // Whose stage it is the use case decides, after the case is found: another trust's case is
  // not found for every one of that trust's roles.
  all.push_back({"outlier stage api",
                 "POST",
                 outlier_case("/api/outliers/", "/stage"),
                 {{"decision", "done"}, {"note", "Data checked"}},
                 {403, 403, 403, 403, 200, 403, 404, 403, 404, 401},
                 {404, 404, 404, 404, 200, 404, 404, 403, 404, 401}});
  // The form asks for confirmation first (the page "Complete stage '...'?"), then completes.
  all.push_back({"outlier stage form, confirmation step",
                 "POST",
                 outlier_case("/outliers/", "/stage"),
                 {{"decision", "done"}, {"note", "Data checked"}},
                 {403, 403, 403, 403, 200, 403, 404, 403, 404, 303},
                 {404, 404, 404, 404, 200, 404, 404, 403, 404, 303}});
  all.push_back({"outlier stage form, confirmed",
                 "POST",
                 outlier_case("/outliers/", "/stage"),
                 {{"decision", "done"}, {"note", "Data checked"}, {"confirm", "yes"}},
                 {403, 403, 403, 403, 303, 403, 404, 403, 404, 303},
                 {404, 404, 404, 404, 303, 404, 404, 403, 404, 303}});
  // A confirmed alarm's acknowledgement is the trust's chief executive's in person (the test
  // world names each trust's board member): not its administrator, audit team or the analysts.
  const auto at_acknowledgement = [trust](const char* prefix) {
    return [trust, prefix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(w.new_outlier_case_at(trust(w, whose), "chief_executive_acknowledged").value) +
             "/stage";
    };
  };
  all.push_back({"outlier stage api, the chief executive's acknowledgement",
                 "POST",
                 at_acknowledgement("/api/outliers/"),
                 {{"decision", "done"}, {"note", "Acknowledged; local review started"}},
                 {403, 403, 403, 200, 403, 403, 404, 403, 404, 401},
                 {404, 404, 404, 404, 403, 404, 404, 403, 404, 401}});
  all.push_back({"outlier stage form, the chief executive's acknowledgement confirmed",
                 "POST",
                 at_acknowledgement("/outliers/"),
                 {{"decision", "done"}, {"note", "Acknowledged; local review started"}, {"confirm", "yes"}},
                 {403, 403, 403, 303, 403, 403, 404, 403, 404, 303},
                 {404, 404, 404, 404, 403, 404, 404, 403, 404, 303}});
  // Naming the chief executive: an organisation's administrator, among its own users. The
  // rows name the trust's board member again: the national body's administrator is refused,
  // the person being of another organisation.
  const auto own_board_member = [](TestWorld& w) {
    return Fields{{"chief_executive", std::to_string(w.own().callers.at(Role::board_member).user.id.value)}};
  };
  all.push_back({"chief executive form",
                 "POST",
                 same("/users/chief-executive"),
                 {},
                 {303, 403, 403, 403, 403, 403, 400, 403, 403, 303},
                 {},
                 own_board_member});
  all.push_back({"chief executive api",
                 "POST",
                 same("/api/users/chief-executive"),
                 {},
                 {200, 403, 403, 403, 403, 403, 400, 403, 403, 401},
                 {},
                 own_board_member});
  // Reopening the stage completed last (the data check, the audit provider's): its owner only.
  const auto past_data_check = [trust](const char* prefix) {
    return [trust, prefix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(w.new_outlier_case_past_data_check(trust(w, whose)).value) + "/reopen";
    };
  };
  all.push_back({"outlier reopen api",
                 "POST",
                 past_data_check("/api/outliers/"),
                 {{"reason", "Completed by mistake"}},
                 {403, 403, 403, 403, 200, 403, 404, 403, 404, 401},
                 {404, 404, 404, 404, 200, 404, 404, 403, 404, 401}});
  all.push_back({"outlier reopen form",
                 "POST",
                 past_data_check("/outliers/"),
                 {{"reason", "Completed by mistake"}},
                 {403, 403, 403, 403, 303, 403, 404, 403, 404, 303},
                 {404, 404, 404, 404, 303, 404, 404, 403, 404, 303}});
  // Documents on an outlier case: attached by those who work on cases and see this one (either
  // party; no file is refused as bad input), downloaded by those who see it (a potential alarm
  // is not the regulator's).
  for (const bool api : {false, true}) {
    const std::string prefix = api ? "/api/outliers/" : "/outliers/";
    all.push_back({std::string("outlier document upload") + (api ? " api" : " form"),
                   "POST",
                   [trust, prefix](TestWorld& w, Whose whose) {
                     return prefix + std::to_string(w.new_outlier_case(trust(w, whose)).value) + "/documents";
                   },
                   {},
                   api ? Statuses{400, 400, 400, 403, 400, 403, 404, 403, 404, 401}
                       : Statuses{400, 400, 400, 403, 400, 403, 404, 403, 404, 303},
                   api ? Statuses{404, 404, 404, 403, 400, 403, 404, 403, 404, 401}
                       : Statuses{404, 404, 404, 403, 400, 403, 404, 403, 404, 303}});
    all.push_back({std::string("outlier document download") + (api ? " api" : " page"),
                   "GET",
                   [trust, prefix](TestWorld& w, Whose whose) {
                     const auto id = w.new_outlier_case(trust(w, whose));
                     return prefix + std::to_string(id.value) + "/documents/" +
                            stored_document(w, domain::DocumentOwner::outlier_case, id.value);
                   },
                   {},
                   api ? Statuses{200, 200, 200, 200, 200, 200, 404, 404, 404, 401}
                       : Statuses{200, 200, 200, 200, 200, 200, 404, 404, 404, 303},
                   api ? Statuses{404, 404, 404, 404, 200, 404, 404, 404, 404, 401}
                       : Statuses{404, 404, 404, 404, 200, 404, 404, 404, 404, 303}});
  }
  // The audit provider's letters: its national analysts only, on any provider's case; a trust's
  // staff who work on cases are refused their own case's letters (403) and do not see another's.
  const auto letter = [trust](const char* prefix, const char* which) {
    return [trust, prefix, which](TestWorld& w, Whose whose) {
      return prefix + std::to_string(w.new_outlier_case(trust(w, whose)).value) + "/letters/" + which;
    };
  };
  all.push_back({"outlier letter download",
                 "GET",
                 letter("/outliers/", "notification.docx"),
                 {},
                 {403, 403, 403, 403, 200, 403, 404, 403, 404, 303},
                 {404, 404, 404, 403, 200, 403, 404, 403, 404, 303}});
  all.push_back({"outlier letter attach form",
                 "POST",
                 letter("/outliers/", "acknowledgement-request"),
                 {},
                 {403, 403, 403, 403, 303, 403, 404, 403, 404, 303},
                 {404, 404, 404, 403, 303, 403, 404, 403, 404, 303}});
  all.push_back({"outlier letter attach api",
                 "POST",
                 letter("/api/outliers/", "escalation"),
                 {},
                 {403, 403, 403, 403, 201, 403, 404, 403, 404, 401},
                 {404, 404, 404, 403, 201, 403, 404, 403, 404, 401}});
  // A trust's register of notices from suppliers outside clinaudit: its audit team's (those who
  // work on cases); the national body sends notices, it does not register them.
  const auto a_notice = [](TestWorld& w) {
    return Fields{{"audit", std::to_string(w.national_audit().value)},
                  {"supplier", "Royal College of Surgeons of England"},
                  {"measure", "90-day mortality"},
                  {"period", "2024/25"},
                  {"stage", "provider_response"},
                  {"received_on", "2026-01-12"}};
  };
  all.push_back({"outlier notice form",
                 "GET",
                 same("/outliers/notices/new"),
                 {},
                 {200, 200, 200, 403, 403, 403, 403, 403, 403, 303},
                 {}});
  all.push_back({"outlier notice register form",
                 "POST",
                 same("/outliers/notices"),
                 {},
                 {303, 303, 303, 403, 403, 403, 403, 403, 403, 303},
                 {},
                 a_notice});
  all.push_back({"outlier notice register api",
                 "POST",
                 same("/api/outliers/notices"),
                 {},
                 {201, 201, 201, 403, 403, 403, 403, 403, 403, 401},
                 {},
                 a_notice});
  all.push_back({"outlier document download page, a confirmed alarm",
                 "GET",
                 [trust](TestWorld& w, Whose whose) {
                   const auto id = w.new_outlier_case_at(trust(w, whose), "chief_executive_acknowledged");
                   return "/outliers/" + std::to_string(id.value) + "/documents/" +
                          stored_document(w, domain::DocumentOwner::outlier_case, id.value);
                 },
                 {},
                 {200, 200, 200, 200, 200, 200, 404, 200, 404, 303},
                 {404, 404, 404, 404, 200, 404, 404, 200, 404, 303}});
  // Only national analysts run analyses; the test world's audit holds no episodes, so the
  // analyst's run is refused as invalid input (the browser journey runs one on the demo).
  all.push_back({"analysis run",
                 "POST",
                 [](TestWorld& w, Whose) {
                   return "/national/audits/" + std::to_string(w.national_audit().value) + "/analyse?year=2025/26";
                 },
                 {},
                 {403, 403, 403, 403, 400, 403, 403, 403, 404, 303},
                 {}});
  // Reports are always of the caller's own organisation: there is no other organisation's to ask for.
  all.push_back({"reports index", "GET", same("/reports"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back({"quality account page",
                 "GET",
                 same("/reports/quality-account?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"quality account markdown",
                 "GET",
                 same("/reports/quality-account.md?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"quality account word document",
                 "GET",
                 same("/reports/quality-account.docx?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"board pack",
                 "GET",
                 same("/reports/board-pack?meeting=2026-01-20"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"board pack workbook",
                 "GET",
                 same("/reports/board-pack.xlsx?meeting=2026-01-20"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  // The matrix's world has no PDF printer: every role that may read the pack is told the PDF
  // is unavailable (503), after its session and permission were checked.
  all.push_back({"board pack pdf",
                 "GET",
                 same("/reports/board-pack.pdf?meeting=2026-01-20"),
                 {},
                 {503, 503, 503, 503, 503, 503, 503, 403, 503, 303},
                 {}});
  // The forward programme: every signed-in user reads their own organisation's, as a page,
  // JSON, a printable page, a workbook and (no printer here) a PDF.
  all.push_back(
      {"programme page", "GET", same("/programme"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back({"programme api",
                 "GET",
                 same("/api/programme?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back(
      {"programme print", "GET", same("/programme/print"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back({"programme workbook",
                 "GET",
                 same("/programme.xlsx"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back(
      {"programme pdf", "GET", same("/programme.pdf"), {}, {503, 503, 503, 503, 503, 503, 503, 403, 503, 303}, {}});
  all.push_back({"annual audit report",
                 "GET",
                 same("/reports/annual-audit-report?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"annual audit report api",
                 "GET",
                 same("/api/reports/annual-audit-report"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back({"annual audit report workbook",
                 "GET",
                 same("/reports/annual-audit-report.xlsx"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"annual audit report pdf",
                 "GET",
                 same("/reports/annual-audit-report.pdf"),
                 {},
                 {503, 503, 503, 503, 503, 503, 503, 403, 503, 303},
                 {}});
  // The board engagement record: everyone reads their own organisation's meetings; those who
  // manage actions record them; another organisation's meeting is not found.
  const auto meeting = [trust](const char* prefix) {
    return [trust, prefix](TestWorld& w, Whose whose) {
      const domain::BoardMeetingRecord record{
          {{}, trust(w, whose).id, "Quality Committee", w.clock().today().plus_days(-7)},
          {{0, {}, domain::BoardItemKind::other, 0, "Audit programme", "Noted"}},
          {},
          {}};
      const auto id = w.store().add_board_meeting(record, domain::Actor{std::nullopt, "test"});
      return prefix + std::to_string(id.value().value);
    };
  };
  all.push_back({"board meetings page",
                 "GET",
                 same("/board-meetings"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"board meetings api",
                 "GET",
                 same("/api/board-meetings"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back({"board meeting page",
                 "GET",
                 meeting("/board-meetings/"),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  all.push_back({"board meeting api",
                 "GET",
                 meeting("/api/board-meetings/"),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back({"board meeting record form",
                 "POST",
                 same("/board-meetings"),
                 {{"committee", "Trust Board"}, {"held_on", "2026-01-08"}},
                 {303, 303, 303, 403, 403, 403, 303, 403, 403, 303},
                 {}});
  all.push_back({"board meeting record api",
                 "POST",
                 same("/api/board-meetings"),
                 {{"committee", "Trust Board"}, {"held_on", "2026-01-08"}},
                 {201, 201, 201, 403, 403, 403, 201, 403, 403, 401},
                 {}});
  // The outcome of a booked meeting: those who record meetings, for their own organisation's.
  const auto booked = [trust](const char* prefix) {
    return [trust, prefix](TestWorld& w, Whose whose) {
      const domain::BoardMeetingRecord record{
          {{}, trust(w, whose).id, "Trust Board", w.clock().today().plus_days(-2)}, {}, {}, {}};
      const auto id = w.store().add_board_meeting(record, domain::Actor{std::nullopt, "test"});
      return prefix + std::to_string(id.value().value) + "/outcome";
    };
  };
  const Fields outcome{{"item_0", "other"}, {"item_title_0", "Audit programme"}, {"item_decision_0", "Approved"}};
  all.push_back({"board meeting outcome form",
                 "POST",
                 booked("/board-meetings/"),
                 outcome,
                 {303, 303, 303, 403, 403, 403, 404, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 303}});
  all.push_back({"board meeting outcome api",
                 "POST",
                 booked("/api/board-meetings/"),
                 outcome,
                 {200, 200, 200, 403, 403, 403, 404, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 401}});
  // Published audit reports: everyone reads the reports they may see; those who record
  // reports (not board members or read-only users) record them and their trust's reviews;
  // another trust's own report is not found, and the national body reviews nothing.
  const auto own_report = [trust](TestWorld& w, Whose whose) {
    static std::atomic<int> counter{0};
    domain::AuditReport report;
    report.audit_id = w.national_audit();
    report.organisation_id = trust(w, whose).id;
    report.title = "Report " + std::to_string(counter++);
    report.published_on = w.clock().today().plus_days(-30);
    return w.store().add_audit_reports({report}, domain::Actor{std::nullopt, "test"}).value().front();
  };
  const auto report_path = [own_report](const char* prefix, const char* suffix) {
    return [own_report, prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(own_report(w, whose).value) + suffix;
    };
  };
  // A report of the trust with the trust's review, for raising the review's actions.
  const auto reviewed_report = [own_report, trust](const char* prefix) {
    return [own_report, trust, prefix](TestWorld& w, Whose whose) {
      const auto id = own_report(w, whose);
      domain::ReportReview review;
      review.report_id = id;
      review.organisation_id = trust(w, whose).id;
      review.reviewed_on = w.clock().today();
      review.committee = "Quality Committee";
      (void)w.store().add_report_review(review, domain::Actor{std::nullopt, "test"}).value();
      return prefix + std::to_string(id.value) + "/actions";
    };
  };
  const auto audit_reports = [trust](const char* prefix) {
    return [trust, prefix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(trust(w, whose).local_audit.value) + "/reports";
    };
  };
  const auto national_reports = [](const char* prefix) {
    return [prefix](TestWorld& w, Whose) { return prefix + std::to_string(w.national_audit().value) + "/reports"; };
  };
  const auto new_report = [](TestWorld& w) {
    static std::atomic<int> counter{0};
    return Fields{{"title", "Recorded report " + std::to_string(counter++)},
                  {"published_on", w.clock().today().plus_days(-10).to_string()},
                  {"recommendations", "First\nSecond"}};
  };
  const auto review_fields = [](TestWorld& w) {
    return Fields{{"reviewed_on", w.clock().today().to_string()}, {"committee", "Quality Committee"}};
  };
  const auto action_fields = [](TestWorld& w) {
    return Fields{{"title", "Act on the report"},
                  {"due_on", w.clock().today().plus_days(30).to_string()},
                  {"owner_name", "Clinical lead"}};
  };
  all.push_back({"audit reports page",
                 "GET",
                 same("/audit-reports"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 303},
                 {}});
  all.push_back({"audit reports api",
                 "GET",
                 same("/api/audit-reports"),
                 {},
                 {200, 200, 200, 200, 200, 200, 200, 403, 200, 401},
                 {}});
  all.push_back({"audit report page",
                 "GET",
                 report_path("/audit-reports/", ""),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  all.push_back({"audit report api",
                 "GET",
                 report_path("/api/audit-reports/", ""),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back({"local audit reports page",
                 "GET",
                 audit_reports("/audits/"),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 303},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 303}});
  all.push_back({"local audit reports api",
                 "GET",
                 audit_reports("/api/audits/"),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back({"record a local audit's report form",
                 "POST",
                 audit_reports("/audits/"),
                 {},
                 {303, 303, 303, 403, 404, 403, 404, 403, 404, 303},
                 {404, 404, 404, 403, 404, 403, 404, 403, 404, 303},
                 new_report});
  all.push_back({"record a local audit's report api",
                 "POST",
                 audit_reports("/api/audits/"),
                 {},
                 {201, 201, 201, 403, 404, 403, 404, 403, 404, 401},
                 {404, 404, 404, 403, 404, 403, 404, 403, 404, 401},
                 new_report});
  all.push_back({"record a national audit's report form",
                 "POST",
                 national_reports("/audits/"),
                 {},
                 {303, 303, 303, 403, 303, 403, 303, 403, 303, 303},
                 {},
                 new_report});
  all.push_back({"record a national audit's report api",
                 "POST",
                 national_reports("/api/audits/"),
                 {},
                 {201, 201, 201, 403, 201, 403, 201, 403, 201, 401},
                 {},
                 new_report});
  all.push_back({"review a report form",
                 "POST",
                 report_path("/audit-reports/", "/review"),
                 {},
                 {303, 303, 303, 403, 403, 403, 403, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 303},
                 review_fields});
  all.push_back({"review a report api",
                 "POST",
                 report_path("/api/audit-reports/", "/review"),
                 {},
                 {200, 200, 200, 403, 403, 403, 403, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 403, 403, 403, 401},
                 review_fields});
  all.push_back({"review action form",
                 "POST",
                 reviewed_report("/audit-reports/"),
                 {},
                 {303, 303, 303, 403, 403, 403, 404, 403, 403, 303},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 303},
                 action_fields});
  all.push_back({"review action api",
                 "POST",
                 reviewed_report("/api/audit-reports/"),
                 {},
                 {201, 201, 201, 403, 403, 403, 404, 403, 403, 401},
                 {404, 404, 404, 403, 403, 403, 404, 403, 403, 401},
                 action_fields});
  // Survey results are anonymous aggregates, open to every signed-in user.
  const auto survey = [](const char* suffix) {
    return [suffix](TestWorld& w, Whose) { return "/surveys/" + std::to_string(w.survey().value) + suffix; };
  };
  all.push_back({"survey page", "GET", survey(""), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back(
      {"survey workbook", "GET", survey(".xlsx"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  all.push_back({"survey csv", "GET", survey(".csv"), {}, {200, 200, 200, 200, 200, 200, 200, 403, 200, 303}, {}});
  // One-time survey links are public by design: the token in the path is the credential,
  // so every caller, with a session or without, gets the same answer. Each call gets a
  // fresh link.
  const auto survey_link = [](TestWorld& w, Whose) { return "/respond/" + w.new_survey_link(); };
  all.push_back({"survey link form", "GET", survey_link, {}, {200, 200, 200, 200, 200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"survey link answer",
                 "POST",
                 survey_link,
                 {{"q.board", "Good"}},
                 {200, 200, 200, 200, 200, 200, 200, 200, 200, 200},
                 {}});
  setup_rows(all);
  criteria_rows(all);
  register_rows(all);
  report_tracker_rows(all);
  nice_rows(all);
  return all;
}

// A local audit's criteria and results per criterion: read by everyone who sees the audit;
// changed by its own organisation's administrators, audit managers and clinical leads; another
// trust's audit is not found. Each call that changes a criterion gets a fresh one.
void criteria_rows(std::vector<Case>& all) {
  const auto audit_of = [](TestWorld& w, Whose whose) {
    return (whose == Whose::own ? w.own() : w.other()).local_audit;
  };
  const auto audit_path = [audit_of](const std::string& prefix, const std::string& suffix) {
    return [audit_of, prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(audit_of(w, whose).value) + suffix;
    };
  };
  const auto criterion_path = [audit_of](const std::string& prefix, const std::string& suffix = "") {
    return [audit_of, prefix, suffix](TestWorld& w, Whose whose) {
      domain::Criterion c;
      c.audit_id = audit_of(w, whose);
      c.statement = "Consent recorded before the day of surgery";
      c.target_percent = 95;
      const auto id = w.store().add_criterion(c, domain::Actor{std::nullopt, "test"}).value();
      return prefix + std::to_string(c.audit_id.value) + "/criteria/" + std::to_string(id.value) + suffix;
    };
  };
  const Fields criterion{{"statement", "Consent recorded"}, {"target_percent", "95"}, {"exceptions", ""}};
  const Statuses page_read{200, 200, 200, 403, 403, 403, 404, 403, 403, 303};
  const Statuses page_read_other{404, 404, 404, 403, 403, 403, 404, 403, 403, 303};
  const Statuses page_change{303, 303, 303, 403, 403, 403, 404, 403, 403, 303};
  const Statuses page_change_other{404, 404, 404, 403, 403, 403, 404, 403, 403, 303};
  const Statuses api_change{200, 200, 200, 403, 403, 403, 404, 403, 403, 401};
  const Statuses api_change_other{404, 404, 404, 403, 403, 403, 404, 403, 403, 401};
  all.push_back({"criteria api",
                 "GET",
                 audit_path("/api/audits/", "/criteria"),
                 {},
                 {200, 200, 200, 200, 404, 200, 404, 403, 404, 401},
                 {404, 404, 404, 404, 404, 404, 404, 403, 404, 401}});
  all.push_back(
      {"criterion add form", "POST", audit_path("/audits/", "/criteria"), criterion, page_change, page_change_other});
  all.push_back({"criterion add api",
                 "POST",
                 audit_path("/api/audits/", "/criteria"),
                 criterion,
                 {201, 201, 201, 403, 403, 403, 404, 403, 403, 401},
                 api_change_other});
  all.push_back({"criterion page", "GET", criterion_path("/audits/"), {}, page_read, page_read_other});
  Fields save = criterion;
  save.emplace("change", "save");
  all.push_back({"criterion save form", "POST", criterion_path("/audits/"), save, page_change, page_change_other});
  all.push_back(
      {"criterion move form", "POST", criterion_path("/audits/"), {{"change", "up"}}, page_change, page_change_other});
  all.push_back({"criterion remove form",
                 "POST",
                 criterion_path("/audits/"),
                 {{"change", "remove"}},
                 page_change,
                 page_change_other});
  all.push_back({"criterion save api", "PUT", criterion_path("/api/audits/"), criterion, api_change, api_change_other});
  all.push_back({"criterion remove api", "DELETE", criterion_path("/api/audits/"), {}, api_change, api_change_other});
  all.push_back({"criterion move api",
                 "POST",
                 criterion_path("/api/audits/", "/move"),
                 {{"direction", "down"}},
                 api_change,
                 api_change_other});
  all.push_back(
      {"criterion results page", "GET", audit_path("/audits/", "/criteria/results"), {}, page_read, page_read_other});
  all.push_back({"criterion results form",
                 "POST",
                 audit_path("/audits/", "/criteria/results"),
                 {},
                 page_change,
                 page_change_other});
  // The matrix sends form fields, not a JSON body: those allowed get as far as reading the body (400).
  all.push_back({"criterion results api",
                 "PUT",
                 audit_path("/api/audits/", "/criteria/results"),
                 {},
                 {400, 400, 400, 403, 403, 403, 404, 403, 403, 401},
                 api_change_other});
}

// The caller in column `column`; nullptr for the caller without a session.
Caller* caller_at(TestWorld& world, std::size_t column) {
  if (column == 6) return &world.national_admin();
  if (column == 7) return &world.regulator();
  if (column == 8) return &world.other_supplier_analyst();
  if (column == 9) return nullptr;
  const Role role = kTrustRoles[column];
  return role == Role::national_analyst ? &world.analyst() : &world.own().callers.at(role);
}

bool all_zero(const std::array<int, kCallers>& statuses) {
  return std::all_of(statuses.begin(), statuses.end(), [](int status) { return status == 0; });
}

void run_matrix(TestWorld& world) {
  for (auto& c : cases()) {
    // A row written with a caller missing would leave a 0 in its last column.
    const auto written = [](const Statuses& row) { return std::find(row.begin(), row.end(), 0) == row.end(); };
    EXPECT_TRUE(written(c.own) && (all_zero(c.other) || written(c.other))) << c.name << ": a status per caller";
    for (std::size_t column = 0; column < kCallers; ++column) {
      for (const Whose whose : {Whose::own, Whose::other}) {
        const int expected = whose == Whose::other && !all_zero(c.other) ? c.other[column] : c.own[column];
        Fields fields = c.fields;
        if (c.fresh_fields) fields.merge(c.fresh_fields(world));
        Caller* caller = caller_at(world, column);
        std::optional<Caller> fresh;
        if (c.fresh_session && caller != nullptr) caller = &fresh.emplace(world.new_session(*caller));
        const Response response = world.call(c.method, c.target(world, whose), caller, fields);
        EXPECT_EQ(response.status, expected)
            << c.name << " as " << kCallerNames[column] << (whose == Whose::own ? " (own)" : " (other)") << ": "
            << response.body.substr(0, 300);
      }
    }
  }
}

TEST(AuthorizationMatrix, EveryRouteEveryRoleOnSqlite) {
  TestWorld world;
  run_matrix(world);
}

TEST(AuthorizationMatrix, EveryRouteEveryRoleOnPostgres) {
  const char* url = std::getenv("CLINAUDIT_TEST_PG_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "CLINAUDIT_TEST_PG_URL is not set";
  TestWorld world(url);
  run_matrix(world);
}

// The route that answers a request: the first of the table whose pattern matches the path
// and whose method is the request's (as App::handle chooses).
const Route* route_for(const App& app, const std::string& method, const std::string& target) {
  const std::string path = target.substr(0, target.find('?'));
  for (const auto& route : app.routes()) {
    if (route.method == method && std::regex_match(path, route.compiled)) return &route;
  }
  return nullptr;
}

TEST(AuthorizationMatrix, EveryRouteOfTheAppHasARowAndEveryRowARoute) {
  TestWorld world;
  std::set<std::string> covered;
  for (const auto& c : cases()) {
    const Route* route = route_for(world.app(), c.method, c.target(world, Whose::own));
    ASSERT_NE(route, nullptr) << c.name << " reaches no route";
    covered.insert(route->method + " " + route->pattern);
  }
  for (const auto& route : world.app().routes()) {
    const std::string key = route.method + " " + route.pattern;
    EXPECT_TRUE(covered.contains(key)) << key << " has no row in the authorisation matrix";
  }
}

}  // namespace
}  // namespace clinaudit::http
