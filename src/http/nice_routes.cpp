#include "domain/action_list.hpp"
#include "domain/nice_register.hpp"
#include "http/app.hpp"
#include "http/form_answers.hpp"
#include "http/nice_json.hpp"
#include "http/pages/nice_pages.hpp"
#include "http/resource.hpp"

// The NICE guidance register (docs/guide-audit-manager.md, "The NICE guidance register";
// docs/api.md, "NICE guidance"). Everyone signed in to a trust reads its register
// (view_organisation); the national body keeps none (forbidden). Adding, editing, reviewing
// and linking audits need record_reports and, in the domain, an audit manager or
// administrator; assessing needs record_reports and the audit manager or the guidance's lead;
// raising a recommendation's action, manage_actions as well. Another trust's guidance is not
// found. A form refused for what it holds is shown again with what was typed (400).
namespace clinaudit::http {
namespace {

using P = Permission;

Result<NiceGuidanceId> guidance_id_of(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return NiceGuidanceId{id};
}

Result<NiceRecommendationId> recommendation_id_of(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(1)));
  return NiceRecommendationId{id};
}

// A date field: empty is none; text that is not a date sets `unreadable`.
std::optional<Date> optional_date_field(const Context& c, std::string_view name, bool& unreadable) {
  const std::string text = field(c, name);
  if (text.empty()) return std::nullopt;
  auto parsed = Date::parse(text);
  unreadable = !parsed;
  if (!parsed) return std::nullopt;
  return *parsed;
}

constexpr std::initializer_list<std::string_view> kGuidanceFields{
    "reference", "title",     "published_on", "applicability", "applicability_note",
    "lead_id",   "lead_name", "division_id",  "review_due"};

pages::NiceDraft draft_of(const Context& c, std::string form, std::int64_t recommendation,
                          std::initializer_list<std::string_view> fields) {
  pages::NiceDraft draft{std::move(form), recommendation, {}};
  for (const auto name : fields) draft.values[std::string(name)] = field(c, name);
  return draft;
}

domain::GuidanceForm guidance_form(const Context& c) {
  domain::GuidanceForm out;
  out.reference = field(c, "reference");
  out.title = field(c, "title");
  out.published_on = optional_date_field(c, "published_on", out.published_unreadable);
  out.applicability = domain::parse_applicability(field(c, "applicability"));
  out.applicability_note = field(c, "applicability_note");
  if (const std::string lead = field(c, "lead_id"); !lead.empty()) {
    const auto id = id_from(lead);
    // An id that is not a number reads as a user who is not in the organisation.
    out.lead = UserId{id ? *id : 0};
  }
  out.lead_name = field(c, "lead_name");
  if (const std::string division = field(c, "division_id"); !division.empty()) {
    const auto id = id_from(division);
    out.division = TrustUnitId{id ? *id : 0};
  }
  out.review_due = optional_date_field(c, "review_due", out.review_due_unreadable);
  return out;
}

domain::GuidanceFilter filter_of(const Context& c) {
  domain::GuidanceFilter filter;
  if (const auto division = id_from(c.request.query_value("division"))) filter.division = TrustUnitId{*division};
  filter.status = domain::parse_guidance_status(c.request.query_value("status"));
  return filter;
}

Result<Response> register_html(Context& c, const std::optional<Error>& error, const std::string& message,
                               const std::optional<pages::NiceDraft>& draft) {
  CLINAUDIT_TRY(const auto data, domain::nice_register(c.store, c.principal(), c.clock.today(), filter_of(c)));
  return html_response(pages::nice_register_page(c, data, error, message, draft), error ? 400 : 200);
}

Result<Response> guidance_html(Context& c, const std::optional<Error>& error, const std::string& message,
                               const std::optional<pages::NiceDraft>& draft) {
  CLINAUDIT_TRY(const auto id, guidance_id_of(c));
  CLINAUDIT_TRY(const auto details, domain::guidance_details(c.store, c.principal(), c.clock.today(), id));
  std::vector<domain::Action> items;
  for (const auto& item : details.recommendations) items.insert(items.end(), item.actions.begin(), item.actions.end());
  CLINAUDIT_TRY(const auto by_id, action_rows_by_id(c, std::move(items)));
  return html_response(pages::nice_guidance_page(c, details, by_id, error, message, draft), error ? 400 : 200);
}

std::string done_message(const Context& c) {
  const auto done = c.request.query_value("done");
  return done == "added"            ? "The guidance was added to the register."
         : done == "edited"         ? "The changes were saved."
         : done == "recommendation" ? "The recommendation was added."
         : done == "assessed"       ? "The assessment was saved."
         : done == "action"         ? "The action was added to the action plan."
         : done == "linked"         ? "The audit was linked."
         : done == "unlinked"       ? "The audit was unlinked."
         : done == "reviewed"       ? "The review was recorded."
                                    : "";
}

std::string guidance_path(const Context& c, std::string_view done, std::string_view anchor = {}) {
  std::string path = "/nice/" + c.request.matches.at(0) + "?done=" + std::string(done);
  if (!anchor.empty()) path += "#" + std::string(anchor);
  return path;
}

bool linking(const Context& c) { return field(c, "linked") != "no"; }

std::optional<AuditId> audit_field(const Context& c) {
  const auto id = id_from(field(c, "audit_id"));
  if (!id) return std::nullopt;
  return AuditId{*id};
}

}  // namespace

std::vector<Route> nice_routes() {
  RouteTable table;
  table.resource<domain::NiceRegister>({
      .path = "/nice",
      .load = [](Context& c) { return domain::nice_register(c.store, c.principal(), c.clock.today(), filter_of(c)); },
      .page = [](Context& c, domain::NiceRegister&) { return register_html(c, std::nullopt, done_message(c), {}); },
      .json = [](Context&, domain::NiceRegister& data) { return json_response(to_json(data)); },
  });
  table.resource<NiceGuidanceId>({
      .method = "POST",
      .path = "/nice",
      .permission = P::record_reports,
      .load = [](Context& c) { return domain::add_guidance(c.store, c.principal(), c.actor(), guidance_form(c)); },
      .page = [](Context&, NiceGuidanceId& id) -> Result<Response> {
        return redirect("/nice/" + std::to_string(id.value) + "?done=added");
      },
      .json = [](Context&, NiceGuidanceId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return register_html(c, error, "", draft_of(c, "add", 0, kGuidanceFields));
      },
  });
  table.resource<domain::GuidanceDetails>({
      .path = R"(/nice/(\d{1,18}))",
      .load = [](Context& c) -> Result<domain::GuidanceDetails> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        return domain::guidance_details(c.store, c.principal(), c.clock.today(), id);
      },
      .page = [](Context& c, domain::GuidanceDetails&) { return guidance_html(c, std::nullopt, done_message(c), {}); },
      .json = [](Context&, domain::GuidanceDetails& details) { return json_response(to_json(details)); },
  });
  table.resource<bool>({
      .method = "POST",
      .path = R"(/nice/(\d{1,18}))",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        CLINAUDIT_TRY_VOID(domain::edit_guidance(c.store, c.principal(), c.actor(), id, guidance_form(c)));
        return true;
      },
      .page = [](Context& c, bool&) -> Result<Response> { return redirect(guidance_path(c, "edited")); },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json()); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return guidance_html(c, error, "", draft_of(c, "edit", 0, kGuidanceFields));
      },
  });
  table.resource<NiceRecommendationId>({
      .method = "POST",
      .path = R"(/nice/(\d{1,18})/recommendations)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<NiceRecommendationId> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        return domain::add_guidance_recommendation(c.store, c.principal(), c.actor(), id,
                                                   domain::NiceRecommendation{{}, field(c, "label"), field(c, "text")});
      },
      .page = [](Context& c, NiceRecommendationId& rid) -> Result<Response> {
        return redirect(guidance_path(c, "recommendation", "recommendation-" + std::to_string(rid.value)));
      },
      .json = [](Context&, NiceRecommendationId& rid) { return json_response(created_json(rid.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return guidance_html(c, error, "", draft_of(c, "recommendation", 0, {"label", "text"}));
      },
  });
  table.resource<bool>({
      .method = "POST",
      .path = R"(/nice/(\d{1,18})/recommendations/(\d{1,18})/assessment)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        CLINAUDIT_TRY(const auto rid, recommendation_id_of(c));
        CLINAUDIT_TRY_VOID(domain::assess_guidance_recommendation(
            c.store, c.principal(), c.actor(), c.clock, id, rid,
            domain::NewAssessment{domain::parse_compliance(field(c, "compliance")), field(c, "evidence")}));
        return true;
      },
      .page = [](Context& c, bool&) -> Result<Response> {
        return redirect(guidance_path(c, "assessed", "recommendation-" + c.request.matches.at(1)));
      },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json(), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        CLINAUDIT_TRY(const auto rid, recommendation_id_of(c));
        return guidance_html(c, error, "", draft_of(c, "assess", rid.value, {"compliance", "evidence"}));
      },
  });
  table.resource<ActionId>({
      .method = "POST",
      .path = R"(/nice/(\d{1,18})/recommendations/(\d{1,18})/actions)",
      .permission = P::manage_actions,
      .load = [](Context& c) -> Result<ActionId> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        CLINAUDIT_TRY(const auto rid, recommendation_id_of(c));
        domain::NewAction action;
        action.title = field(c, "title");
        action.due_on = date_field(c, "due_on");
        action.owner_name = field(c, "owner_name");
        action.raised_on = c.clock.today();
        return domain::raise_guidance_action(c.store, c.principal(), c.actor(), id, rid, action);
      },
      .page = [](Context& c, ActionId&) -> Result<Response> {
        return redirect(guidance_path(c, "action", "recommendation-" + c.request.matches.at(1)));
      },
      .json = [](Context&, ActionId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        CLINAUDIT_TRY(const auto rid, recommendation_id_of(c));
        return guidance_html(c, error, "", draft_of(c, "action", rid.value, {"title", "owner_name", "due_on"}));
      },
  });
  table.resource<bool>({
      .method = "POST",
      .path = R"(/nice/(\d{1,18})/audits)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        CLINAUDIT_TRY_VOID(
            domain::link_guidance_audit(c.store, c.principal(), c.actor(), id, audit_field(c), linking(c)));
        return true;
      },
      .page = [](Context& c, bool&) -> Result<Response> {
        return redirect(guidance_path(c, linking(c) ? "linked" : "unlinked", "audits"));
      },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json()); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return guidance_html(c, error, "", draft_of(c, "link", 0, {"audit_id"}));
      },
  });
  table.resource<bool>({
      .method = "POST",
      .path = R"(/nice/(\d{1,18})/review)",
      .permission = P::record_reports,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY(const auto id, guidance_id_of(c));
        CLINAUDIT_TRY_VOID(domain::record_guidance_review(c.store, c.principal(), c.actor(), c.clock.today(), id,
                                                          date_field(c, "reviewed_on"),
                                                          date_field(c, "next_review_due")));
        return true;
      },
      .page = [](Context& c, bool&) -> Result<Response> { return redirect(guidance_path(c, "reviewed", "review")); },
      .json = [](Context&, bool&) -> Result<Response> { return json_response(ok_json()); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shown_on_form(error)) return error;
        return guidance_html(c, error, "", draft_of(c, "review", 0, {"reviewed_on", "next_review_due"}));
      },
  });
  return std::move(table).routes();
}

}  // namespace clinaudit::http
