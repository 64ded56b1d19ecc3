#include <nlohmann/json.hpp>

#include "domain/action_list.hpp"
#include "domain/audit_reports.hpp"
#include "domain/report_tracker.hpp"
#include "http/app.hpp"
#include "http/audit_report_json.hpp"
#include "http/pages/pages.hpp"
#include "http/pages/report_tracker_pages.hpp"
#include "http/resource.hpp"

// Published audit reports and reviews of them (docs/governance.md, "Published reports").
// Everyone signed in reads the reports they may see (view_organisation): the national body's
// and their organisation's own, of audits they see. Recording a report or a review needs
// record_reports; raising a review's action, manage_actions. Another organisation's report
// or review is not found. A form refused for what it holds is shown again (400).
namespace clinaudit::http {
namespace {

using P = Permission;

std::string created(std::int64_t id) {
  return nlohmann::json{{"id", id}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Date> date_field(const Request& r, std::string_view name) {
  auto parsed = Date::parse(r.field(name).value_or(""));
  if (!parsed) return std::nullopt;
  return *parsed;
}

// The recommendations: a JSON array of texts in the body, or the form's text, one a line.
std::vector<std::string> recommendations_of(const Request& r) {
  std::vector<std::string> out;
  if (!r.body.empty()) {
    const auto body = nlohmann::json::parse(r.body, nullptr, false);
    if (body.is_object() && body.contains("recommendations") && body["recommendations"].is_array()) {
      for (const auto& item : body["recommendations"]) {
        if (item.is_string()) out.push_back(item.get<std::string>());
      }
      return out;
    }
  }
  const std::string text = r.field("recommendations").value_or("");
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

domain::NewReport report_form(Context& c, AuditId audit) {
  domain::NewReport report;
  report.audit = audit;
  report.title = c.request.field("title").value_or("");
  report.published_on = date_field(c.request, "published_on");
  report.link = c.request.field("link").value_or("");
  report.recommendations = recommendations_of(c.request);
  return report;
}

Result<AuditReportId> report_id_of(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return AuditReportId{id};
}

struct AuditReports {
  domain::Audit audit;
  std::vector<domain::ReportRow> rows;
};

Result<AuditReports> audit_reports_of(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  CLINAUDIT_TRY(auto rows, domain::audit_report_list(c.store, c.principal(), AuditId{id}));
  CLINAUDIT_TRY(auto audit, c.store.audit(AuditId{id}));  // seen: the list found it
  return AuditReports{std::move(audit), std::move(rows)};
}

Result<Response> list_html(Context& c, const std::optional<Error>& error, const domain::NewReport& draft) {
  CLINAUDIT_TRY(auto reports, audit_reports_of(c));
  return html_response(pages::audit_report_list_page(c, reports.audit, reports.rows, error, draft), error ? 400 : 200);
}

domain::NewReview review_form(const Request& r) {
  domain::NewReview review;
  review.reviewed_on = date_field(r, "reviewed_on");
  review.committee = r.field("committee").value_or("");
  review.findings = r.field("findings").value_or("");
  review.intended_actions = r.field("intended_actions").value_or("");
  return review;
}

Result<Response> report_html(Context& c, AuditReportId id, const std::optional<Error>& error,
                             const std::string& message, const std::optional<domain::NewReview>& draft = {}) {
  CLINAUDIT_TRY(auto details, domain::report_details(c.store, c.principal(), id));
  CLINAUDIT_TRY(auto actions, domain::action_rows(c.store, c.clock.today(), details.actions));
  render::Html tracker;
  if (c.principal().organisation_type != domain::OrganisationType::national_body) {
    CLINAUDIT_TRY(const auto tracked, domain::report_tracker(c.store, c.principal(), c.clock.today(), id));
    tracker = pages::report_tracker_summary(tracked.report);
  }
  return html_response(pages::audit_report_page(c, details, actions, error, message, draft, tracker),
                       error ? 400 : 200);
}

}  // namespace

std::vector<Route> audit_report_routes() {
  RouteTable table;
  table.resource<std::vector<domain::ReportRow>>({
      .path = "/audit-reports",
      .load = [](Context& c) { return domain::report_register(c.store, c.principal()); },
      .page = [](Context& c,
                 std::vector<domain::ReportRow>& rows) { return html_response(pages::audit_reports_page(c, rows)); },
      .json = [](Context&, std::vector<domain::ReportRow>& rows) { return json_response(to_json(rows)); },
  });
  table.resource<domain::ReportDetails>({
      .path = R"(/audit-reports/(\d{1,18}))",
      .load = [](Context& c) -> Result<domain::ReportDetails> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        return domain::report_details(c.store, c.principal(), id);
      },
      .page = [](Context& c, domain::ReportDetails& details) -> Result<Response> {
        const auto done = c.request.query_value("done");
        const std::string message = done == "review"   ? "The review was saved."
                                    : done == "action" ? "The action was added to the action plan."
                                    : done == "report" ? "The report was recorded."
                                                       : "";
        return report_html(c, details.row.report.id, std::nullopt, message);
      },
      .json = [](Context&, domain::ReportDetails& details) { return json_response(to_json(details)); },
  });
  table.resource<AuditReports>({
      .path = R"(/audits/(\d{1,18})/reports)",
      .load = audit_reports_of,
      .page = [](Context& c, AuditReports& reports) -> Result<Response> {
        return html_response(
            pages::audit_report_list_page(c, reports.audit, reports.rows, std::nullopt, domain::NewReport{}));
      },
      .json = [](Context&, AuditReports& reports) { return json_response(to_json(reports.rows)); },
  });
  table.resource<AuditReportId>({
      .method = "POST",
      .path = R"(/audits/(\d{1,18})/reports)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<AuditReportId> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        return domain::record_report(c.store, c.principal(), c.actor(), report_form(c, AuditId{id}));
      },
      .page = [](Context&,
                 AuditReportId& id) { return redirect("/audit-reports/" + std::to_string(id.value) + "?done=report"); },
      .json = [](Context&, AuditReportId& id) { return json_response(created(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input && error.code != ErrorCode::conflict) return error;
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        return list_html(c, error, report_form(c, AuditId{id}));
      },
  });
  table.resource<ReportReviewId>({
      .method = "POST",
      .path = R"(/audit-reports/(\d{1,18})/review)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<ReportReviewId> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        return domain::record_review(c.store, c.principal(), c.actor(), id, review_form(c.request));
      },
      .page = [](Context& c, ReportReviewId&) -> Result<Response> {
        return redirect("/audit-reports/" + c.request.matches.at(0) + "?done=review");
      },
      .json = [](Context&, ReportReviewId& id) { return json_response(created(id.value)); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        return report_html(c, id, error, "", review_form(c.request));
      },
  });
  table.resource<ActionId>({
      .method = "POST",
      .path = R"(/audit-reports/(\d{1,18})/actions)",
      .permission = P::manage_actions,
      .load = [](Context& c) -> Result<ActionId> {
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        CLINAUDIT_TRY(const auto details, domain::report_details(c.store, c.principal(), id));
        if (!details.row.review) return Error{ErrorCode::invalid_input, "record the review before its actions"};
        domain::NewAction action;
        action.title = c.request.field("title").value_or("");
        action.due_on = date_field(c.request, "due_on");
        action.owner_name = c.request.field("owner_name").value_or("");
        action.raised_on = c.clock.today();
        return domain::raise_review_action(c.store, c.principal(), c.actor(), details.row.review->id, action);
      },
      .page = [](Context& c, ActionId&) -> Result<Response> {
        return redirect("/audit-reports/" + c.request.matches.at(0) + "?done=action");
      },
      .json = [](Context&, ActionId& id) { return json_response(created(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        CLINAUDIT_TRY(const auto id, report_id_of(c));
        return report_html(c, id, error, "");
      },
  });
  return std::move(table).routes();
}

}  // namespace clinaudit::http
