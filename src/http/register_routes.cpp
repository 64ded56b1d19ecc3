#include <nlohmann/json.hpp>

#include "domain/local_audit_views.hpp"
#include "domain/local_audit_workflow.hpp"
#include "domain/trust_structure.hpp"
#include "http/app.hpp"
#include "http/pages/register_pages.hpp"
#include "http/register_json.hpp"
#include "http/resource.hpp"

// The local audit register (docs/governance.md, "The local audit register"; docs/api.md):
// every signed-in user of a trust reads its register, its audits' pages and its divisions
// (view_organisation); those who take part in local audits (manage_local_audits: clinical
// leads, audit managers, administrators) propose and move audits on; the domain keeps the
// decisions and the divisions to the audit team. Another trust's audit or division is not
// found. A refused form is shown again, 400, with what was typed.
namespace clinaudit::http {

namespace {

using P = Permission;

std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string field(const Context& c, const char* name) { return c.request.field(name).value_or(""); }

Result<AuditId> audit_id(const Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return AuditId{id};
}

// An optional id field: empty is none; anything but a number is refused at the field.
template <typename IdType>
Result<std::optional<IdType>> id_field(const Context& c, const char* name, std::string_view what) {
  const std::string text = field(c, name);
  if (text.empty()) return std::optional<IdType>{};
  auto id = id_from(text);
  if (!id) return invalid_input(std::string(name) + ": choose " + std::string(what));
  return std::optional<IdType>{IdType{*id}};
}

Result<std::optional<Date>> date_field(const Context& c, const char* name) {
  const std::string text = field(c, name);
  if (text.empty()) return std::optional<Date>{};
  auto date = Date::parse(text);
  if (!date) return invalid_input(std::string(name) + ": enter a date as YYYY-MM-DD (you entered \"" + text + "\")");
  return std::optional<Date>{*date};
}

Result<domain::LocalAuditProposal> proposal_from(const Context& c) {
  domain::LocalAuditProposal p;
  p.title = field(c, "title");
  p.topic = field(c, "topic");
  CLINAUDIT_TRY(p.division, id_field<TrustUnitId>(c, "division_id", "one of your trust's divisions"));
  CLINAUDIT_TRY(p.specialty, id_field<TrustUnitId>(c, "specialty_id", "a specialty of the division"));
  CLINAUDIT_TRY(p.lead, id_field<UserId>(c, "lead_id", "someone in your trust"));
  p.lead_name = field(c, "lead_name");
  p.supervisor = field(c, "supervisor");
  p.standards = field(c, "standards");
  p.reason = domain::parse_audit_reason(field(c, "reason"));
  if (const std::string tier = field(c, "programme_tier"); !tier.empty()) {
    p.tier = domain::parse_programme_tier(tier);
    if (!p.tier) return invalid_input("programme_tier: choose one of the tiers");
  }
  p.sample_method = field(c, "sample_method");
  const std::string confirmed = field(c, "data_protection_confirmed");
  if (confirmed == "yes" || confirmed == "true") p.data_protection_confirmed = true;
  if (confirmed == "no" || confirmed == "false") p.data_protection_confirmed = false;
  p.data_protection_note = field(c, "data_protection_note");
  CLINAUDIT_TRY(p.start_date, date_field(c, "start_date"));
  CLINAUDIT_TRY(p.end_date, date_field(c, "end_date"));
  CLINAUDIT_TRY(p.reaudit_of, id_field<AuditId>(c, "reaudit_of", "one of your trust's local audits"));
  return p;
}

bool shows_on_form(const Error& error) {
  return error.code == ErrorCode::invalid_input || error.code == ErrorCode::conflict;
}

// What an audit's page says after a change (?done=...).
std::string done_message(const Request& r) {
  const std::string done = r.query_value("done");
  if (done == "proposed") return "The proposal was sent to the audit team.";
  if (done == "revised") return "The proposal was saved and awaits a decision.";
  if (done == "decision") return "The decision was recorded.";
  if (done == "next") return "The audit moved on.";
  if (done == "abandoned") return "The audit was abandoned.";
  if (done == "carried-over") return "The carry-over was recorded.";
  if (done == "unit") return "Saved.";
  return "";
}

Result<domain::LocalAuditRecord> record_of(Context& c) {
  CLINAUDIT_TRY(const auto id, audit_id(c));
  return domain::local_audit_record(c.store, c.principal(), c.clock.today(), id);
}

Result<Response> record_html(Context& c, const std::optional<Error>& error, std::string_view form) {
  CLINAUDIT_TRY(const auto record, record_of(c));
  return html_response(pages::local_audit_record_page(c, record, error, form, error ? "" : done_message(c.request)),
                       error ? 400 : 200);
}

Result<Response> proposal_html(Context& c, bool editing, const std::optional<Error>& error) {
  CLINAUDIT_TRY(const auto choices, domain::proposal_choices(c.store, c.principal()));
  std::optional<domain::LocalAuditRecord> record;
  if (editing) {
    CLINAUDIT_TRY(auto found, record_of(c));
    if (!found.may_revise) {
      return Error{ErrorCode::conflict,
                   "this proposal cannot be changed now (" + std::string(display_name(found.row.entry.stage)) + ")"};
    }
    record = std::move(found);
  } else if (!domain::may_propose(c.principal())) {
    return Error{ErrorCode::forbidden, "your organisation does not propose local audits"};
  }
  return html_response(pages::proposal_page(c, choices, record, error), error ? 400 : 200);
}

Result<domain::RegisterFilter> filter_of(const Context& c) {
  domain::RegisterFilter filter;
  const std::string stage = c.request.query_value("stage");
  if (!stage.empty()) {
    filter.stage = domain::parse_local_audit_stage(stage);
    if (!filter.stage) return invalid_input("stage: there is no stage \"" + stage + "\"");
  }
  const std::string division = c.request.query_value("division");
  if (!division.empty()) {
    auto id = id_from(division);
    if (!id) return invalid_input("division: give a division's number");
    filter.division = TrustUnitId{*id};
  }
  return filter;
}

Result<Response> structure_html(Context& c, const std::optional<Error>& error, std::string_view form) {
  CLINAUDIT_TRY(const auto units, domain::trust_structure(c.store, c.principal()));
  return html_response(pages::structure_page(c, units, error, form, error ? "" : done_message(c.request)),
                       error ? 400 : 200);
}

// A step of one audit (`form` names it in the path): the page goes back to the audit, or
// shows it again with the refusal at the form.
void audit_step(RouteTable& table, const char* form, const char* done, Result<void> (*change)(Context&, AuditId)) {
  table.resource<AuditId>({
      .method = "POST",
      .path = std::string(R"(/register/(\d{1,18})/)") + form,
      .permission = P::manage_local_audits,
      .load = [change](Context& c) -> Result<AuditId> {
        CLINAUDIT_TRY(const auto id, audit_id(c));
        CLINAUDIT_TRY_VOID(change(c, id));
        return id;
      },
      .page = [done](Context&, AuditId& id) -> Result<Response> {
        return redirect("/register/" + std::to_string(id.value) + "?done=" + done + "#history");
      },
      .json = [](Context&, AuditId& id) -> Result<Response> {
        return json_response(dumped({{"id", id.value}}));
      },
      .page_refusal = [form](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return record_html(c, error, form);
      },
  });
}

Result<void> decide(Context& c, AuditId id) {
  return domain::decide_local_audit(c.store, c.principal(), c.actor(), c.clock, id,
                                    domain::parse_local_audit_decision(field(c, "decision")), field(c, "reason"));
}

Result<void> move_on(Context& c, AuditId id) {
  return domain::move_local_audit_on(c.store, c.principal(), c.actor(), c.clock, id, field(c, "note"));
}

Result<void> abandon(Context& c, AuditId id) {
  return domain::abandon_local_audit(c.store, c.principal(), c.actor(), c.clock, id, field(c, "rationale"));
}

Result<void> carry_over(Context& c, AuditId id) {
  CLINAUDIT_TRY(const auto end_date, date_field(c, "end_date"));
  return domain::carry_over_local_audit(c.store, c.principal(), c.actor(), c.clock, id, field(c, "reason"), end_date);
}

Result<AuditId> propose(Context& c) {
  CLINAUDIT_TRY(const auto proposal, proposal_from(c));
  return domain::propose_local_audit(c.store, c.principal(), c.actor(), c.clock, proposal);
}

Result<AuditId> revise(Context& c) {
  CLINAUDIT_TRY(const auto id, audit_id(c));
  CLINAUDIT_TRY(const auto proposal, proposal_from(c));
  CLINAUDIT_TRY_VOID(domain::revise_local_audit(c.store, c.principal(), c.actor(), c.clock, id, proposal));
  return id;
}

void register_views(RouteTable& table) {
  table.resource<domain::LocalAuditRegister>({
      .path = "/register",
      .load = [](Context& c) -> Result<domain::LocalAuditRegister> {
        CLINAUDIT_TRY(const auto filter, filter_of(c));
        return domain::local_audit_register(c.store, c.principal(), c.clock.today(), filter);
      },
      .page = [](Context& c, domain::LocalAuditRegister& view) -> Result<Response> {
        return html_response(pages::register_page(c, view));
      },
      .json = [](Context&, domain::LocalAuditRegister& view) -> Result<Response> {
        return json_response(dumped(register_json(view)));
      },
  });
  table.resource<domain::LocalAuditRecord>({
      .path = R"(/register/(\d{1,18}))",
      .load = record_of,
      .page = [](Context& c, domain::LocalAuditRecord&) { return record_html(c, std::nullopt, ""); },
      .json = [](Context&, domain::LocalAuditRecord& record) -> Result<Response> {
        return json_response(dumped(local_audit_json(record)));
      },
  });
  table.resource<std::vector<domain::TrustUnit>>({
      .path = "/structure",
      .load = [](Context& c) { return domain::trust_structure(c.store, c.principal()); },
      .page = [](Context& c, std::vector<domain::TrustUnit>&) { return structure_html(c, std::nullopt, ""); },
      .json = [](Context&, std::vector<domain::TrustUnit>& units) -> Result<Response> {
        return json_response(dumped(structure_json(units)));
      },
  });
}

void proposal_routes(RouteTable& table) {
  table.add(page_route("GET", "/register/propose", Access::permitted, P::manage_local_audits,
                       [](Context& c) { return proposal_html(c, false, std::nullopt); }));
  table.resource<AuditId>({
      .method = "POST",
      .path = "/register/propose",
      .api_path = "/api/register",
      .permission = P::manage_local_audits,
      .load = propose,
      .page = [](Context&, AuditId& id) -> Result<Response> {
        return redirect("/register/" + std::to_string(id.value) + "?done=proposed");
      },
      .json = [](Context&, AuditId& id) -> Result<Response> {
        return json_response(dumped({{"id", id.value}}), 201);
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return proposal_html(c, false, error);
      },
  });
  table.add(page_route("GET", R"(/register/(\d{1,18})/revise)", Access::permitted, P::manage_local_audits,
                       [](Context& c) { return proposal_html(c, true, std::nullopt); }));
  table.resource<AuditId>({
      .method = "POST",
      .path = R"(/register/(\d{1,18})/revise)",
      .permission = P::manage_local_audits,
      .load = revise,
      .page = [](Context&, AuditId& id) -> Result<Response> {
        return redirect("/register/" + std::to_string(id.value) + "?done=revised#history");
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        return proposal_html(c, true, error);
      },
  });
  table.resource<AuditId>({
      .method = "PUT",
      .path = R"(/register/(\d{1,18}))",
      .api_path = R"(/api/register/(\d{1,18}))",
      .permission = P::manage_local_audits,
      .load = revise,
      .json = [](Context&, AuditId& id) -> Result<Response> {
        return json_response(dumped({{"id", id.value}}));
      },
  });
  audit_step(table, "decision", "decision", decide);
  audit_step(table, "next", "next", move_on);
  audit_step(table, "abandon", "abandoned", abandon);
  audit_step(table, "carry-over", "carried-over", carry_over);
}

void structure_routes(RouteTable& table) {
  table.resource<TrustUnitId>({
      .method = "POST",
      .path = "/structure/units",
      .permission = P::manage_local_audits,
      .load = [](Context& c) -> Result<TrustUnitId> {
        CLINAUDIT_TRY(const auto division, id_field<TrustUnitId>(c, "division_id", "one of your trust's divisions"));
        return domain::add_trust_unit(c.store, c.principal(), c.actor(), division, field(c, "name"));
      },
      .page = [](Context&, TrustUnitId&) -> Result<Response> { return redirect("/structure?done=unit"); },
      .json = [](Context&, TrustUnitId& id) -> Result<Response> {
        return json_response(dumped({{"id", id.value}}), 201);
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return structure_html(c, error, "add");
      },
  });
  const auto change = [](Context& c) -> Result<TrustUnitId> {
    CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
    const std::string retired = field(c, "retired");
    CLINAUDIT_TRY_VOID(domain::change_trust_unit(c.store, c.principal(), c.actor(), TrustUnitId{id}, field(c, "name"),
                                                 retired == "yes" || retired == "true"));
    return TrustUnitId{id};
  };
  table.resource<TrustUnitId>({
      .method = "POST",
      .path = R"(/structure/units/(\d{1,18}))",
      .permission = P::manage_local_audits,
      .load = change,
      .page = [](Context&, TrustUnitId&) -> Result<Response> { return redirect("/structure?done=unit"); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return structure_html(c, error, c.request.matches.at(0));
      },
  });
  table.resource<TrustUnitId>({
      .method = "PUT",
      .path = R"(/structure/units/(\d{1,18}))",
      .api_path = R"(/api/structure/units/(\d{1,18}))",
      .permission = P::manage_local_audits,
      .load = change,
      .json = [](Context&, TrustUnitId& id) -> Result<Response> {
        return json_response(dumped({{"id", id.value}}));
      },
  });
}

}  // namespace

std::vector<Route> register_routes() {
  RouteTable table;
  register_views(table);
  proposal_routes(table);
  structure_routes(table);
  return std::move(table).routes();
}

}  // namespace clinaudit::http
