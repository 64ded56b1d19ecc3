// A trust's register of outlier notices from audit suppliers outside clinaudit: the form
// (GET /outliers/notices/new) and the registration (POST /outliers/notices, with the
// supplier's letter as the optional multipart file "letter"; POST /api/outliers/notices).
#include "domain/document_commands.hpp"
#include "domain/outlier_notices.hpp"
#include "http/document_views.hpp"
#include "http/form_answers.hpp"
#include "http/pages/notice_pages.hpp"
#include "http/resource.hpp"
#include "http/views.hpp"

namespace clinaudit::http {

namespace {

using P = Permission;

domain::NoticeRegistration notice_form(const Context& c) {
  const auto field = [&c](const char* name) { return c.request.field(name).value_or(""); };
  return domain::NoticeRegistration{field("audit"),    field("supplier"), field("measure"),
                                    field("period"),   field("stage"),    field("received_on"),
                                    field("reply_by"), field("value"),    field("limit")};
}

// Registers the notice and keeps the letter sent with it on the case, at its first stage. The
// letter is checked first, so that a wrong file registers nothing and the form keeps what was typed.
Result<OutlierCaseId> register_notice(Context& c) {
  const bool with_letter = c.request.files.contains("letter");
  const auto letter = uploaded_file(c, "letter");
  const auto rules = document_rules(c);
  if (with_letter && !letter.content.empty()) {
    if (auto checked = domain::checked_upload(letter, rules); !checked) {
      auto error = checked.error();
      if (error.message.rfind("document: ", 0) == 0) error.message = "letter: " + error.message.substr(10);
      return error;
    }
  }
  CLINAUDIT_TRY(const auto id,
                domain::register_outlier_notice(c.store, c.principal(), c.actor(), c.clock.today(), notice_form(c)));
  if (with_letter && !letter.content.empty()) {
    CLINAUDIT_TRY_VOID(domain::attach_outlier_document(c.store, c.principal(), c.actor(), c.clock, id, letter, rules));
  }
  return id;
}

Result<Response> notice_form_html(Context& c, const std::optional<Error>& error) {
  CLINAUDIT_TRY(const auto choices, domain::notice_choices(c.store, c.principal()));
  return html_response(pages::outlier_notice_page(c, choices, error), error ? 400 : 200);
}

}  // namespace

std::vector<Route> notice_routes() {
  RouteTable table;
  table.resource<domain::NoticeChoices>({
      .path = "/outliers/notices/new",
      .permission = P::manage_outliers,
      .load = [](Context& c) { return domain::notice_choices(c.store, c.principal()); },
      .page = [](Context& c, domain::NoticeChoices&) { return notice_form_html(c, std::nullopt); },
  });
  table.resource<OutlierCaseId>({
      .method = "POST",
      .path = "/outliers/notices",
      .permission = P::manage_outliers,
      .load = register_notice,
      .page = [](Context&, OutlierCaseId& id) -> Result<Response> {
        return redirect("/outliers/" + std::to_string(id.value) + "?done=notice");
      },
      .json = [](Context&, OutlierCaseId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        return notice_form_html(c, error);
      },
  });
  return std::move(table).routes();
}

}  // namespace clinaudit::http
