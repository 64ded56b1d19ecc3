#include "domain/action_list.hpp"
#include "domain/report_tracker.hpp"
#include "http/app.hpp"
#include "http/form_answers.hpp"
#include "http/pages/report_tracker_pages.hpp"
#include "http/report_tracker_json.hpp"
#include "http/resource.hpp"

// The report tracker (docs/guide-audit-manager.md, "The report tracker"; docs/api.md,
// "Report tracker"). Everyone signed in to an organisation reads its tracker
// (view_organisation); the national body keeps none (forbidden). Assigning a report and
// setting the weeks need record_reports and, in the domain, an audit manager or
// administrator; assessing needs record_reports and the audit manager or the report's lead;
// raising a recommendation's action, manage_actions as well. Another organisation's report
// is not found; its assessments are never read. A form refused for what it holds is shown
// again with what was typed (400).
namespace clinaudit::http {
namespace {

using P = Permission;

Result<AuditReportId> report_id_of(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return AuditReportId{id};
}

Result<int> number_of(Context& c) {
  CLINAUDIT_TRY(const auto number, id_from(c.request.matches.at(1)));
  if (number > 10000) return Error{ErrorCode::not_found, "the report has no such recommendation"};
  return static_cast<int>(number);
}

// What the form sent, to show again when it is refused.
pages::TrackerDraft draft_of(const Context& c, std::string form, int number,
                             std::initializer_list<std::string_view> fields) {
  pages::TrackerDraft draft{std::move(form), number, {}};
  for (const auto name : fields) draft.values[std::string(name)] = field(c, name);
  return draft;
}

domain::NewAssignment assignment_form(const Context& c) {
  domain::NewAssignment out;
  const std::string lead = field(c, "lead_id");
  if (!lead.empty()) {
    const auto id = id_from(lead);
    // An id that is not a number reads as a user who is not in the organisation.
    out.lead = UserId{id ? *id : 0};
  }
  out.lead_name = field(c, "lead_name");
  const std::string deadline = field(c, "deadline");
  if (!deadline.empty()) {
    out.deadline = date_field(c, "deadline");
    out.deadline_unreadable = !out.deadline;
  }
  return out;
}

domain::NewAssessment assessment_form(const Context& c) {
  return domain::NewAssessment{domain::parse_compliance(field(c, "compliance")), field(c, "evidence")};
}

std::optional<int> weeks_field(const Context& c) {
  const std::string text = field(c, "review_weeks");
  if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(text);
}

Result<Response> list_html(Context& c, const std::optional<Error>& error, const std::string& message,
                           const std::optional<pages::TrackerDraft>& draft) {
  CLINAUDIT_TRY(const auto list, domain::report_tracker_list(c.store, c.principal(), c.clock.today()));
  return html_response(pages::report_tracker_list_page(c, list, error, message, draft), error ? 400 : 200);
}

Result<Response> tracker_html(Context& c, const std::optional<Error>& error, const std::string& message,
                              const std::optional<pages::TrackerDraft>& draft) {
  CLINAUDIT_TRY(const auto id, report_id_of(c));
  CLINAUDIT_TRY(const auto tracker, domain::report_tracker(c.store, c.principal(), c.clock.today(), id));
  std::vector<domain::Action> items;
  for (const auto& item : tracker.recommendations) items.insert(items.end(), item.actions.begin(), item.actions.end());
  CLINAUDIT_TRY(const auto by_id, action_rows_by_id(c, std::move(items)));
  return html_response(pages::report_tracker_page(c, tracker, by_id, error, message, draft), error ? 400 : 200);
}

std::string done_message(const Context& c) {
  const auto done = c.request.query_value("done");
  return done == "assigned"   ? "The report was assigned."
         : done == "assessed" ? "The assessment was saved."
         : done == "action"   ? "The action was added to the action plan."
         : done == "weeks"    ? "The default review deadline was saved."
                              : "";
}

std::string tracker_path(const Context& c, std::string_view done, int number = 0) {
  std::string path = "/audit-reports/" + c.request.matches.at(0) + "/tracker?done=" + std::string(done);
  if (number > 0) path += "#recommendation-" + std::to_string(number);
  return path;
}

}  // namespace

std::vector<Route> report_tracker_routes() {
  RouteTable table;
  table.resource<domain::ReportTrackerList>({
      .path = "/report-tracker",
      .load = [](Context& c) { return domain::report_tracker_list(c.store, c.principal(), c.clock.today()); },
      .page = [](Context& c, domain::ReportTrackerList&) { return list_html(c, std::nullopt, done_message(c), {}); },
      .json = [](Context&, domain::ReportTrackerList& list) { return json_response(to_json(list)); },
  });
  table.resource<bool>({
      .method = "POST",
      .path = "/report-tracker/settings",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY_VOID(domain::set_review_weeks(c.store, c.principal(), c.actor(), weeks_field(c)));
        return true;
      },
      .page = [](Context&, bool&) -> Result<Response> { return redirect("/report-tracker?done=weeks"); },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json()); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return list_html(c, error, "", draft_of(c, "weeks", 0, {"review_weeks"}));
      },
  });
  table.resource<domain::ReportTracker>({
      .path = R"(/audit-reports/(\d{1,18})/tracker)",
      .load = [](Context& c) -> Result<domain::ReportTracker> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        return domain::report_tracker(c.store, c.principal(), c.clock.today(), id);
      },
      .page = [](Context& c, domain::ReportTracker&) { return tracker_html(c, std::nullopt, done_message(c), {}); },
      .json = [](Context&, domain::ReportTracker& tracker) { return json_response(to_json(tracker)); },
  });
  table.resource<bool>({
      .method = "POST",
      .path = R"(/audit-reports/(\d{1,18})/assignment)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        CLINAUDIT_TRY_VOID(domain::assign_report(c.store, c.principal(), c.actor(), c.clock, id, assignment_form(c)));
        return true;
      },
      .page = [](Context& c, bool&) -> Result<Response> { return redirect(tracker_path(c, "assigned")); },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json()); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return tracker_html(c, error, "", draft_of(c, "assign", 0, {"lead_id", "lead_name", "deadline"}));
      },
  });
  table.resource<bool>({
      .method = "POST",
      .path = R"(/audit-reports/(\d{1,18})/recommendations/(\d{1,9})/assessment)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        CLINAUDIT_TRY(const auto number, number_of(c));
        CLINAUDIT_TRY_VOID(
            domain::assess_recommendation(c.store, c.principal(), c.actor(), c.clock, id, number, assessment_form(c)));
        return true;
      },
      .page = [](Context& c, bool&) -> Result<Response> {
        CLINAUDIT_TRY(const auto number, number_of(c));
        return redirect(tracker_path(c, "assessed", number));
      },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json(), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        CLINAUDIT_TRY(const auto number, number_of(c));
        return tracker_html(c, error, "", draft_of(c, "assess", number, {"compliance", "evidence"}));
      },
  });
  table.resource<ActionId>({
      .method = "POST",
      .path = R"(/audit-reports/(\d{1,18})/recommendations/(\d{1,9})/actions)",
      .permission = P::manage_actions,
      .load = [](Context& c) -> Result<ActionId> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        CLINAUDIT_TRY(const auto number, number_of(c));
        domain::NewAction action;
        action.title = field(c, "title");
        action.due_on = date_field(c, "due_on");
        action.owner_name = field(c, "owner_name");
        action.raised_on = c.clock.today();
        return domain::raise_recommendation_action(c.store, c.principal(), c.actor(), id, number, action);
      },
      .page = [](Context& c, ActionId&) -> Result<Response> {
        CLINAUDIT_TRY(const auto number, number_of(c));
        return redirect(tracker_path(c, "action", number));
      },
      .json = [](Context&, ActionId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        CLINAUDIT_TRY(const auto number, number_of(c));
        return tracker_html(c, error, "", draft_of(c, "action", number, {"title", "owner_name", "due_on"}));
      },
  });
  return std::move(table).routes();
}

}  // namespace clinaudit::http
