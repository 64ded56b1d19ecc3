// Documents attached as evidence to an action or an outlier case: the upload (a multipart
// form with the file in "document", CSRF-checked like every change) and the download, each a
// page route and its /api twin. Uploading needs the permission to change the action or work
// on the case; downloading, only to see it (its organisation, and the national body its cases).
#include <nlohmann/json.hpp>

#include "domain/document_commands.hpp"
#include "domain/outlier_letters.hpp"
#include "http/document_views.hpp"
#include "http/form_answers.hpp"
#include "http/pages/pages.hpp"
#include "http/resource.hpp"
#include "http/views.hpp"
#include "report/outlier_letter_document.hpp"

namespace clinaudit::http {

namespace {

using P = Permission;

constexpr const char* kActionDocuments = R"(/actions/(\d{1,18})/documents)";
constexpr const char* kOutlierDocuments = R"(/outliers/(\d{1,18})/documents)";

// The action's page again with the refused upload (400): the form shows the problem at its field.
Result<Response> action_refusal(Context& c, const Error& error) {
  if (error.code != ErrorCode::invalid_input) return error;
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  CLINAUDIT_TRY(auto detail, action_detail(c, ActionId{id}));
  CLINAUDIT_TRY(auto people, organisation_users(c));
  AuditQuery query;
  query.year = FinancialYear::containing(c.clock.today());
  CLINAUDIT_TRY(auto audits, audit_register(c, query));
  return html_response(pages::action_page(c, detail, people, audits, error, "documents", ""), 400);
}

Result<Response> outlier_refusal(Context& c, const Error& error) {
  if (error.code != ErrorCode::invalid_input) return error;
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  CLINAUDIT_TRY(const auto view, outlier_case_view(c, OutlierCaseId{id}));
  pages::OutlierCaseForms forms;
  forms.error = error;
  forms.document = true;
  return html_response(pages::outlier_case_page(c, view, forms), 400);
}

// What an upload answers: the owner (for the page's redirect) and the new document (the API's 201).
struct Attached {
  std::int64_t owner = 0;
  std::int64_t document = 0;
};

const auto kCreated = [](Context&, Attached& a) -> Result<Response> {
  return json_response(created_json(a.document), 201);
};

const auto kDownload = [](Context&, domain::DocumentDownload& download) -> Result<Response> {
  return document_response(download);
};

// A letter is downloaded as a file of its own type (…/letters/notification.docx) and kept on
// the case by a POST to the letter's name (…/letters/notification).
constexpr const char* kOutlierLetter =
    R"(/outliers/(\d{1,18})/letters/(notification|acknowledgement-request|escalation))";
constexpr const char* kOutlierLetterFile =
    R"(/outliers/(\d{1,18})/letters/(notification|acknowledgement-request|escalation)\.docx)";

// A letter of the outlier process, filled in for the case the path names.
struct Letter {
  std::int64_t case_id = 0;
  std::string file_name;
  std::string bytes;
};

Result<Letter> outlier_letter(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  const auto kind = domain::parse_outlier_letter(c.request.matches.at(1));
  if (!kind) return Error{ErrorCode::not_found, "no such letter"};
  CLINAUDIT_TRY(const auto facts,
                domain::outlier_letter_facts(c.store, c.principal(), OutlierCaseId{id}, c.clock.today()));
  CLINAUDIT_TRY(auto bytes, report::outlier_letter_docx(*kind, facts));
  return Letter{id, report::outlier_letter_file(*kind, facts), std::move(bytes)};
}

}  // namespace

std::vector<Route> document_routes() {
  RouteTable table;
  table.resource<Attached>({
      .method = "POST",
      .path = kActionDocuments,
      .permission = P::manage_actions,
      .load = [](Context& c) -> Result<Attached> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto document, attach_action_document(c, ActionId{id}));
        return Attached{id, document};
      },
      .page = [](Context&,
                 Attached& a) { return redirect("/actions/" + std::to_string(a.owner) + "?done=document#documents"); },
      .json = kCreated,
      .page_refusal = action_refusal,
  });
  table.resource<domain::DocumentDownload>({
      .path = std::string(kActionDocuments) + R"(/(\d{1,18}))",
      .load = [](Context& c) -> Result<domain::DocumentDownload> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto document, id_from(c.request.matches.at(1)));
        return action_document(c, ActionId{id}, document);
      },
      .page = kDownload,
      .json = kDownload,
  });
  table.resource<Attached>({
      .method = "POST",
      .path = kOutlierDocuments,
      .permission = P::manage_outliers,
      .load = [](Context& c) -> Result<Attached> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto document, attach_outlier_document(c, OutlierCaseId{id}));
        return Attached{id, document};
      },
      .page = [](Context&,
                 Attached& a) { return redirect("/outliers/" + std::to_string(a.owner) + "?done=document#documents"); },
      .json = kCreated,
      .page_refusal = outlier_refusal,
  });
  table.resource<domain::DocumentDownload>({
      .path = std::string(kOutlierDocuments) + R"(/(\d{1,18}))",
      .permission = P::view_outliers,
      .load = [](Context& c) -> Result<domain::DocumentDownload> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto document, id_from(c.request.matches.at(1)));
        return outlier_document(c, OutlierCaseId{id}, document);
      },
      .page = kDownload,
      .json = kDownload,
  });
  // The audit provider's letters: downloaded as Word documents, or attached to the case at its
  // current stage (the upload's checks and record, as for a file sent from the browser).
  table.resource<Letter>({
      .path = kOutlierLetterFile,
      .permission = P::manage_outliers,
      .load = outlier_letter,
      .page = [](Context&, Letter& letter) -> Result<Response> {
        Response response;
        response.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        response.body = std::move(letter.bytes);
        response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + letter.file_name + "\"");
        return response;
      },
  });
  table.resource<Attached>({
      .method = "POST",
      .path = kOutlierLetter,
      .permission = P::manage_outliers,
      .load = [](Context& c) -> Result<Attached> {
        CLINAUDIT_TRY(auto letter, outlier_letter(c));
        CLINAUDIT_TRY(
            const auto document,
            domain::attach_outlier_document(c.store, c.principal(), c.actor(), c.clock, OutlierCaseId{letter.case_id},
                                            {letter.file_name, letter.bytes}, document_rules(c)));
        return Attached{letter.case_id, document};
      },
      .page = [](Context&,
                 Attached& a) { return redirect("/outliers/" + std::to_string(a.owner) + "?done=document#documents"); },
      .json = kCreated,
  });
  return std::move(table).routes();
}

}  // namespace clinaudit::http
