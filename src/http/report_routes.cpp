#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "domain/annual_audit_report.hpp"
#include "domain/board_pack.hpp"
#include "domain/forward_programme.hpp"
#include "domain/quality_account_service.hpp"
#include "domain/survey_service.hpp"
#include "http/app.hpp"
#include "http/pages/pages.hpp"
#include "http/pages/programme_pages.hpp"
#include "http/resource.hpp"
#include "http/views.hpp"
#include "report/annual_audit_report_document.hpp"
#include "report/board_pack_document.hpp"
#include "report/forward_programme_document.hpp"
#include "report/quality_account_document.hpp"
#include "report/survey_document.hpp"

// The governance reports in the browser: the Quality Account clinical audit section, the
// board pack (screen, print, PDF and XLSX) and the audit-staff survey results. Each is the
// same document `clinaudit report ...` writes, built by the same domain call.
namespace clinaudit::http {

namespace {

using P = Permission;

// Every report is a page any signed-in user of the organisation may read.
Route report_page(std::string method, std::string pattern, Handler handler) {
  return page_route(std::move(method), std::move(pattern), Access::permitted, P::view_organisation, std::move(handler));
}

Response download(std::string body, std::string content_type, const std::string& filename) {
  Response response;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return response;
}

// The board pack is a self-contained print document with its own inline stylesheet: it
// may use inline styles, and still runs no script.
constexpr const char* kPrintDocumentPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'; "
    "base-uri 'none'";

// The meeting a board pack is for: ?meeting=YYYY-MM-DD, else the organisation's next board
// meeting, else today.
Result<Date> meeting_date(Context& c) {
  if (const std::string text = c.request.query_value("meeting"); !text.empty()) {
    auto date = Date::parse(text);
    if (!date) return Error{ErrorCode::invalid_input, "meeting: expected a date as YYYY-MM-DD, got " + text};
    return *date;
  }
  const Date today = c.clock.today();
  CLINAUDIT_TRY(auto meetings, c.store.board_meetings(c.principal().organisation_id));
  std::optional<Date> next;
  for (const auto& meeting : meetings) {
    if (meeting.held_on >= today && (!next || meeting.held_on < *next)) next = meeting.held_on;
  }
  return next.value_or(today);
}

Result<domain::BoardPack> board_pack(Context& c) {
  CLINAUDIT_TRY(auto meeting, meeting_date(c));
  return domain::board_pack_for(c.store, c.who->organisation.code, meeting);
}

Result<domain::QualityAccountStatement> quality_account(Context& c, FinancialYear& year) {
  // The Quality Account published by 30 June covers the financial year that ended in March.
  const std::string text = c.request.query_value("year");
  if (text.empty()) {
    year = FinancialYear::containing(c.clock.today()).previous();
  } else {
    CLINAUDIT_TRY(auto parsed, year_from(c, text));
    year = parsed;
  }
  return domain::quality_account_for(c.store, c.who->organisation.code, year);
}

// The file name of a report's download for a year: "quality-account-RXX-2025-26.docx".
std::string year_file(const Context& c, const char* report, FinancialYear year, const char* extension) {
  std::string name = std::string(report) + "-" + c.who->organisation.code + "-" + year.to_string() + "." + extension;
  for (char& ch : name) {
    if (ch == '/') ch = '-';
  }
  return name;
}

std::string quality_account_file(const Context& c, FinancialYear year, const char* extension) {
  return year_file(c, "quality-account", year, extension);
}

constexpr const char* kNoPdfPrinter =
    "PDF printing is not available on this server (it needs Chromium); open the printable page and print it from the "
    "browser instead";

// `html` printed to PDF by the server's printer. Chromium missing or failing is this server's
// state, not the caller's mistake: storage_unavailable (503), in words.
Result<std::string> printed_pdf(const Context& c, const std::string& html) {
  if (!c.config.print_pdf) return Error{ErrorCode::storage_unavailable, kNoPdfPrinter};
  auto bytes = c.config.print_pdf(html);
  if (!bytes) {
    return Error{ErrorCode::storage_unavailable,
                 bytes.error().code == ErrorCode::not_found ? kNoPdfPrinter : "printing the PDF failed; try again"};
  }
  return std::move(*bytes);
}

Result<domain::SurveyReport> survey(Context& c) {
  CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
  return domain::survey_report(c.store, SurveyId{id});
}

// An XLSX workbook goes through a private temporary file: libxlsxwriter writes to paths.
template <typename Write>
Result<std::string> xlsx_bytes(Write write) {
  std::string path = (std::filesystem::temp_directory_path() / "clinaudit-workbook-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return Error{ErrorCode::storage_unavailable, "cannot create a temporary file for the workbook"};
  ::close(fd);
  Result<void> written = write(path);
  std::string bytes;
  if (written) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    bytes = buffer.str();
  }
  std::filesystem::remove(path);
  if (!written) return written.error();
  return bytes;
}

Result<domain::ForwardProgramme> programme(Context& c) {
  CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
  return domain::forward_programme(c.store, c.principal(), c.clock.today(), year);
}

nlohmann::json programme_json(const domain::ForwardProgramme& p) {
  const auto progress = [](const domain::DivisionProgress& d) {
    return nlohmann::json{{"division_id", d.division_id ? nlohmann::json(d.division_id->value) : nlohmann::json()},
                          {"division", d.division},
                          {"in_plan", d.in_plan},
                          {"carried_in", d.carried_in},
                          {"completed", d.completed},
                          {"under_way", d.under_way},
                          {"not_started", d.not_started},
                          {"abandoned", d.abandoned},
                          {"overdue", d.overdue},
                          {"carrying_over", d.carrying_over},
                          {"awaiting_approval", d.awaiting_approval}};
  };
  nlohmann::json out{{"organisation", p.organisation},
                     {"year", p.year.to_string()},
                     {"as_of", p.as_of.to_string()},
                     {"national_eligible", p.national_eligible},
                     {"national_taking_part", p.national_taking_part},
                     {"total", progress(p.total)},
                     {"divisions", nlohmann::json::array()},
                     {"items", nlohmann::json::array()}};
  for (const auto& d : p.divisions) out["divisions"].push_back(progress(d));
  for (const auto& item : p.items) {
    out["items"].push_back(
        {{"audit_id", item.audit_id.value},
         {"code", item.code},
         {"title", item.title},
         {"tier", domain::to_string(item.tier)},
         {"national", item.national},
         {"division_id", item.division_id ? nlohmann::json(item.division_id->value) : nlohmann::json()},
         {"division", item.division},
         {"lead", item.lead},
         {"start_date", item.start_date ? nlohmann::json(item.start_date->to_string()) : nlohmann::json()},
         {"end_date", item.end_date ? nlohmann::json(item.end_date->to_string()) : nlohmann::json()},
         {"stage", item.stage ? nlohmann::json(domain::to_string(*item.stage)) : nlohmann::json()},
         {"state", domain::to_string(item.state)},
         {"progress", item.progress},
         {"carried_in", item.carried_in},
         {"carries_over", item.carries_over},
         {"carried_in_reason", item.carried_in_reason},
         {"carry_over_reason", item.carry_over_reason},
         {"abandoned_reason", item.abandoned_reason},
         {"not_taking_part_reason", item.not_taking_part_reason},
         {"overdue", item.overdue}});
  }
  return out;
}

// The forward programme (docs/governance.md): the page and /api/programme, the printable
// page, the PDF and the workbook, for every signed-in user of the organisation.
void programme_routes(std::vector<Route>& routes) {
  RouteTable table;
  table.resource<domain::ForwardProgramme>({
      .path = "/programme",
      .load = programme,
      .page = [](Context& c, domain::ForwardProgramme& p) -> Result<Response> {
        return html_response(pages::forward_programme_page(c, p));
      },
      .json = [](Context&, domain::ForwardProgramme& p) -> Result<Response> {
        return json_response(programme_json(p).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      },
  });
  for (auto& route : std::move(table).routes()) routes.push_back(std::move(route));
  routes.push_back(report_page("GET", "/programme/print", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto p, programme(c));
    Response response = html_response(report::forward_programme_html(p));
    response.headers.emplace_back("Content-Security-Policy", kPrintDocumentPolicy);
    return response;
  }));
  routes.push_back(report_page("GET", R"(/programme\.pdf)", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto p, programme(c));
    CLINAUDIT_TRY(auto bytes, printed_pdf(c, report::forward_programme_html(p)));
    return download(std::move(bytes), "application/pdf", year_file(c, "forward-programme", p.year, "pdf"));
  }));
  routes.push_back(report_page("GET", R"(/programme\.xlsx)", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto p, programme(c));
    CLINAUDIT_TRY(auto bytes,
                  xlsx_bytes([&](const std::string& path) { return report::write_forward_programme_xlsx(p, path); }));
    return download(std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    year_file(c, "forward-programme", p.year, "xlsx"));
  }));
}

// The annual clinical audit report (docs/governance.md): the year that ended in March unless
// ?year= says which.
Result<domain::AnnualAuditReport> annual_report(Context& c) {
  FinancialYear year = FinancialYear::containing(c.clock.today()).previous();
  if (const std::string text = c.request.query_value("year"); !text.empty()) {
    CLINAUDIT_TRY(year, year_from(c, text));
  }
  return domain::annual_audit_report(c.store, c.principal(), c.clock.today(), year);
}

nlohmann::json annual_report_json(const domain::AnnualAuditReport& r) {
  nlohmann::json completed = nlohmann::json::array();
  for (const auto& division : r.completed) {
    for (const auto& item : division.audits) {
      completed.push_back({{"division", division.division},
                           {"audit_id", item.audit_id.value},
                           {"code", item.code},
                           {"title", item.title},
                           {"completed_on", item.finished_on ? item.finished_on->to_string() : std::string()}});
    }
  }
  const auto reviews = [](const std::vector<domain::QaReviewLine>& lines) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& line : lines) {
      out.push_back({{"audit_code", line.audit_code},
                     {"report_title", line.report_title},
                     {"reviewed_on", line.reviewed_on.to_string()},
                     {"committee", line.committee},
                     {"intended_actions", line.intended_actions}});
    }
    return out;
  };
  nlohmann::json reaudits = nlohmann::json::array();
  for (const auto& o : r.reaudits) {
    reaudits.push_back({{"audit_id", o.reaudit.id.value},
                        {"title", o.reaudit.title},
                        {"criterion", o.criterion},
                        {"before", o.before_numerator / o.before_denominator},
                        {"after", o.after_numerator / o.after_denominator},
                        {"change", o.change.difference},
                        {"change_lower", o.change.interval.lower},
                        {"change_upper", o.change.interval.upper},
                        {"verdict", o.verdict}});
  }
  const auto& plan = r.programme.total;
  return {{"organisation", r.organisation},
          {"year", r.year.to_string()},
          {"as_of", r.as_of.to_string()},
          {"programme",
           {{"in_plan", plan.in_plan},
            {"completed", plan.completed},
            {"abandoned", plan.abandoned},
            {"carrying_over", plan.carrying_over},
            {"overdue", plan.overdue}}},
          {"completed", completed},
          {"national_reports_published", r.national_reports_published},
          {"national_reports_reviewed", r.national_reports_reviewed},
          {"national_reviews", reviews(r.quality_account.national_reviews)},
          {"local_reviews", reviews(r.quality_account.local_reviews)},
          {"nice_guidance",
           {{"applicable", r.nice.applicable},
            {"compliant", r.nice.compliant},
            {"partly_compliant", r.nice.partly_compliant},
            {"not_compliant", r.nice.not_compliant},
            {"baseline_incomplete", r.nice.baseline_incomplete},
            {"reviewed_in_year", r.nice_reviewed}}},
          {"actions_completed", r.actions_completed},
          {"actions_completed_on_time", r.actions_completed_on_time},
          {"actions_overdue", r.actions_overdue},
          {"reaudits", reaudits}};
}

void annual_report_routes(std::vector<Route>& routes) {
  RouteTable table;
  table.resource<domain::AnnualAuditReport>({
      .path = "/reports/annual-audit-report",
      .load = annual_report,
      .page = [](Context& c, domain::AnnualAuditReport& r) -> Result<Response> {
        return html_response(pages::annual_audit_report_page(c, r));
      },
      .json = [](Context&, domain::AnnualAuditReport& r) -> Result<Response> {
        return json_response(annual_report_json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      },
  });
  for (auto& route : std::move(table).routes()) routes.push_back(std::move(route));
  routes.push_back(report_page("GET", R"(/reports/annual-audit-report\.pdf)", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto r, annual_report(c));
    CLINAUDIT_TRY(auto bytes, printed_pdf(c, report::annual_audit_report_html(r)));
    return download(std::move(bytes), "application/pdf", year_file(c, "annual-audit-report", r.year, "pdf"));
  }));
  routes.push_back(report_page("GET", R"(/reports/annual-audit-report\.xlsx)", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto r, annual_report(c));
    CLINAUDIT_TRY(auto bytes,
                  xlsx_bytes([&](const std::string& path) { return report::write_annual_audit_report_xlsx(r, path); }));
    return download(std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    year_file(c, "annual-audit-report", r.year, "xlsx"));
  }));
}

}  // namespace

std::vector<Route> report_routes() {
  std::vector<Route> routes;
  programme_routes(routes);
  annual_report_routes(routes);
  routes.push_back(report_page("GET", "/reports", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto surveys, c.store.surveys());
    CLINAUDIT_TRY(auto meeting, meeting_date(c));
    return html_response(pages::reports_page(c, surveys, meeting));
  }));
  routes.push_back(report_page("GET", "/reports/quality-account", [](Context& c) -> Result<Response> {
    FinancialYear year = FinancialYear::containing(c.clock.today());
    CLINAUDIT_TRY(auto statement, quality_account(c, year));
    return html_response(pages::quality_account_page(c, year,
                                                     report::quality_account_notes_html(statement, c.clock.today()),
                                                     report::quality_account_html(statement)));
  }));
  routes.push_back(report_page("GET", "/reports/quality-account.md", [](Context& c) -> Result<Response> {
    FinancialYear year = FinancialYear::containing(c.clock.today());
    CLINAUDIT_TRY(auto statement, quality_account(c, year));
    return download(report::quality_account_markdown(statement), "text/markdown; charset=utf-8",
                    quality_account_file(c, year, "md"));
  }));
  routes.push_back(report_page("GET", "/reports/quality-account.docx", [](Context& c) -> Result<Response> {
    FinancialYear year = FinancialYear::containing(c.clock.today());
    CLINAUDIT_TRY(auto statement, quality_account(c, year));
    CLINAUDIT_TRY(auto bytes, report::quality_account_docx(statement));
    return download(std::move(bytes), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    quality_account_file(c, year, "docx"));
  }));
  routes.push_back(report_page("GET", "/reports/board-pack", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto pack, board_pack(c));
    Response response = html_response(report::board_pack_html(pack));
    response.headers.emplace_back("Content-Security-Policy", kPrintDocumentPolicy);
    return response;
  }));
  routes.push_back(report_page("GET", "/reports/board-pack.pdf", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto pack, board_pack(c));
    CLINAUDIT_TRY(auto bytes, printed_pdf(c, report::board_pack_html(pack)));
    return download(std::move(bytes), "application/pdf",
                    "board-pack-" + c.who->organisation.code + "-" + pack.meeting.to_string() + ".pdf");
  }));
  routes.push_back(report_page("GET", "/reports/board-pack.xlsx", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto pack, board_pack(c));
    CLINAUDIT_TRY(auto bytes,
                  xlsx_bytes([&](const std::string& path) { return report::write_board_pack_xlsx(pack, path); }));
    return download(std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "board-pack-" + c.who->organisation.code + "-" + pack.meeting.to_string() + ".xlsx");
  }));
  routes.push_back(report_page("GET", R"(/surveys/(\d{1,18}))", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto report, survey(c));
    return html_response(
        pages::survey_page(c, report.results.survey, report::survey_html(report.results, report.changes)));
  }));
  routes.push_back(report_page("GET", R"(/surveys/(\d{1,18})\.xlsx)", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto report, survey(c));
    CLINAUDIT_TRY(auto bytes, xlsx_bytes([&](const std::string& path) {
                    return report::write_survey_xlsx(report.results, report.changes, path);
                  }));
    return download(std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "survey-" + std::to_string(report.results.survey.id.value) + ".xlsx");
  }));
  routes.push_back(report_page("GET", R"(/surveys/(\d{1,18})\.csv)", [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto report, survey(c));
    return download(report::survey_csv(report.results), "text/csv; charset=utf-8",
                    "survey-" + std::to_string(report.results.survey.id.value) + ".csv");
  }));
  return routes;
}

}  // namespace clinaudit::http
