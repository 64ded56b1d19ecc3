#include <charconv>
#include <nlohmann/json.hpp>

#include "domain/measure_setup.hpp"
#include "domain/register_setup.hpp"
#include "domain/user_admin.hpp"
#include "http/app.hpp"
#include "http/pages/pages.hpp"
#include "http/resource.hpp"
#include "platform/password.hpp"

// Setting up the register, audits and measures (docs/api.md, "Setting up"): organisations
// and national audits with their Quality Account list (the national body's administrators,
// manage_register), a trust's local audits (manage_local_audits) and each audit's measures
// (manage_measures, and may_manage_audit_setup for the audit). Each write reads its fields
// into the domain use case's draft and makes that one call; a page shows a refused change
// again with what was typed.
namespace clinaudit::http {

namespace {

using P = Permission;
using pages::SetupForm;

std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string field(const Context& c, const char* name) { return c.request.field(name).value_or(""); }

Result<std::int64_t> matched_id(const Context& c) { return id_from(c.request.matches.at(0)); }

// What was typed, to show again (the CSRF token is the session's, not the form's).
SetupForm typed(const Context& c, const std::optional<Error>& error) {
  SetupForm form;
  form.values = c.request.fields;
  form.values.erase("csrf");
  form.error = error;
  return form;
}

// A refusal the form shows next to what was typed; any other is the answer.
bool shows_on_form(const Error& error) {
  return error.code == ErrorCode::invalid_input || error.code == ErrorCode::conflict ||
         (error.code == ErrorCode::not_found && error.message.starts_with("reaudit_of:"));
}

std::string saved_message(const Context& c) {
  const std::string done = c.request.query_value("done");
  if (done == "added") return "Added.";
  if (done == "saved") return "Saved.";
  if (done == "user") return "User added. They can sign in now.";
  return {};
}

Result<std::optional<Date>> date_field(const Context& c, const char* name) {
  const std::string text = field(c, name);
  if (text.empty()) return std::optional<Date>{};
  auto date = Date::parse(text);
  if (!date)
    return Error{ErrorCode::invalid_input,
                 std::string(name) + ": enter a date as YYYY-MM-DD (you entered \"" + text + "\")"};
  return std::optional<Date>{*date};
}

Result<std::optional<double>> number_field(const Context& c, const char* name) {
  const std::string text = field(c, name);
  if (text.empty()) return std::optional<double>{};
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return Error{ErrorCode::invalid_input,
                 std::string(name) + ": enter a number, for example 0.9 (you entered \"" + text + "\")"};
  }
  return std::optional<double>{value};
}

domain::OrganisationDraft organisation_draft(const Context& c) {
  return {field(c, "code"), field(c, "name"), domain::parse_organisation_type(field(c, "type")), field(c, "region")};
}

Result<domain::AuditDraft> audit_draft(const Context& c) {
  domain::AuditDraft draft;
  draft.code = field(c, "code");
  draft.title = field(c, "title");
  draft.kind = domain::parse_audit_kind(field(c, "kind"));
  draft.topic = field(c, "topic");
  draft.provider_body = field(c, "provider_body");
  draft.standards = field(c, "standards");
  const std::string status = field(c, "status");
  draft.status = status.empty() ? domain::AuditStatus::planned : domain::parse_audit_status(status);
  if (const std::string earlier = field(c, "reaudit_of"); !earlier.empty()) {
    auto id = id_from(earlier);
    if (!id) return Error{ErrorCode::invalid_input, "reaudit_of: give the earlier audit's number"};
    draft.reaudit_of = AuditId{*id};
  }
  CLINAUDIT_TRY(draft.start_date, date_field(c, "start_date"));
  CLINAUDIT_TRY(draft.end_date, date_field(c, "end_date"));
  return draft;
}

Result<domain::MeasureDraft> measure_draft(const Context& c) {
  domain::MeasureDraft draft;
  draft.code = field(c, "code");
  draft.name = field(c, "name");
  draft.type = domain::parse_measure_type(field(c, "type"));
  draft.improvement = domain::parse_improvement(field(c, "improvement"));
  CLINAUDIT_TRY(draft.target, number_field(c, "target"));
  CLINAUDIT_TRY(const auto multiplier, number_field(c, "rate_multiplier"));
  draft.rate_multiplier = multiplier.value_or(1.0);
  draft.unit = field(c, "unit");
  const std::string source = field(c, "source");
  draft.source = source.empty() ? domain::MeasureSource::imported_results : domain::parse_measure_source(source);
  draft.outcome_column = field(c, "outcome_column");
  draft.formula = field(c, "formula");
  draft.expected_column = field(c, "expected_column");
  return draft;
}

// The eligible types: ticked boxes (eligible_acute=yes...) or, from the API, eligible_types
// as "acute;community". Errors: invalid_input for an unknown type.
Result<std::set<domain::OrganisationType>> eligible_types(const Context& c) {
  std::set<domain::OrganisationType> types;
  for (const auto& [name, value] : c.request.fields) {
    if (!name.starts_with("eligible_") || name == "eligible_types" || value != "yes") continue;
    const auto type = domain::parse_organisation_type(name.substr(9));
    if (!type)
      return Error{ErrorCode::invalid_input, "eligible_types: " + name.substr(9) + " is not a kind of organisation"};
    types.insert(*type);
  }
  const std::string listed = field(c, "eligible_types");
  std::string_view text = listed;
  while (!text.empty()) {
    const auto end = text.find_first_of(";,");
    std::string item(text.substr(0, end));
    std::erase(item, ' ');
    if (!item.empty()) {
      const auto type = domain::parse_organisation_type(item);
      if (!type) return Error{ErrorCode::invalid_input, "eligible_types: " + item + " is not a kind of organisation"};
      types.insert(*type);
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return types;
}

// The forms' values of a record.
SetupForm form_of(const domain::Organisation& o) {
  return SetupForm{
      {{"code", o.code}, {"name", o.name}, {"type", std::string(domain::to_string(o.type))}, {"region", o.region}},
      std::nullopt,
      {}};
}

SetupForm form_of(const domain::Audit& a) {
  SetupForm form;
  form.values = {{"code", a.code},
                 {"title", a.title},
                 {"kind", std::string(domain::to_string(a.kind))},
                 {"topic", a.topic},
                 {"provider_body", a.provider_body},
                 {"standards", a.standards},
                 {"status", std::string(domain::to_string(a.status))},
                 {"reaudit_of", a.reaudit_of ? std::to_string(a.reaudit_of->value) : std::string()},
                 {"start_date", a.start_date ? a.start_date->to_string() : std::string()},
                 {"end_date", a.end_date ? a.end_date->to_string() : std::string()}};
  return form;
}

std::string plain_number(double value) {
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc{} ? std::string(buffer.data(), end) : std::string();
}

SetupForm form_of(const domain::Measure& m) {
  SetupForm form;
  form.values = {{"code", m.code},
                 {"name", m.name},
                 {"type", std::string(domain::to_string(m.type))},
                 {"improvement", std::string(domain::to_string(m.improvement))},
                 {"target", m.target ? plain_number(*m.target) : std::string()},
                 {"rate_multiplier", plain_number(m.rate_multiplier)},
                 {"unit", m.unit},
                 {"source", std::string(domain::to_string(m.source))},
                 {"outcome_column", m.outcome_column},
                 {"formula", m.formula},
                 {"expected_column", m.expected_column}};
  return form;
}

SetupForm new_measure_form() {
  return SetupForm{{{"rate_multiplier", "1"}, {"source", "imported_results"}}, std::nullopt, {}};
}

nlohmann::json organisation_json(const domain::Organisation& o) {
  return {{"id", o.id.value},
          {"code", o.code},
          {"name", o.name},
          {"type", std::string(domain::to_string(o.type))},
          {"region", o.region}};
}

nlohmann::json date_json(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->to_string()) : nlohmann::json(nullptr);
}

nlohmann::json audit_json(const domain::Audit& a) {
  return {{"id", a.id.value},
          {"code", a.code},
          {"title", a.title},
          {"kind", std::string(domain::to_string(a.kind))},
          {"topic", a.topic},
          {"provider_body", a.provider_body},
          {"standards", a.standards},
          {"status", std::string(domain::to_string(a.status))},
          {"owner_organisation_id", a.owner ? nlohmann::json(a.owner->value) : nlohmann::json(nullptr)},
          {"reaudit_of", a.reaudit_of ? nlohmann::json(a.reaudit_of->value) : nlohmann::json(nullptr)},
          {"start_date", date_json(a.start_date)},
          {"end_date", date_json(a.end_date)}};
}

nlohmann::json measure_json(const domain::Measure& m) {
  return {{"id", m.id.value},
          {"audit_id", m.audit_id.value},
          {"code", m.code},
          {"name", m.name},
          {"type", std::string(domain::to_string(m.type))},
          {"improvement", std::string(domain::to_string(m.improvement))},
          {"target", m.target ? nlohmann::json(*m.target) : nlohmann::json(nullptr)},
          {"rate_multiplier", m.rate_multiplier},
          {"unit", m.unit},
          {"source", std::string(domain::to_string(m.source))},
          {"outcome_column", m.outcome_column},
          {"formula", m.formula},
          {"expected_column", m.expected_column}};
}

Response created(std::int64_t id) { return json_response(dumped({{"id", id}}), 201); }
Response saved(std::int64_t id) { return json_response(dumped({{"id", id}})); }

// The years whose Quality Account list the national audit page offers: last, this and next.
std::vector<FinancialYear> qa_years(const Context& c) {
  const auto now = FinancialYear::containing(c.clock.today());
  return {FinancialYear{now.start_year - 1}, now, FinancialYear{now.start_year + 1}};
}

// Organisations --------------------------------------------------------------------------

Result<Response> organisations_html(Context& c, const SetupForm& form) {
  CLINAUDIT_TRY(auto rows, domain::organisation_register(c.store, c.principal()));
  return html_response(pages::organisations_page(c, rows, form), form.error ? 400 : 200);
}

// The organisation's page: its details form and its users with the form that adds one; a
// refusal shows on the form that was posted (`form` or `user_form`).
Result<Response> organisation_html(Context& c, OrganisationId id, std::optional<SetupForm> form,
                                   std::optional<SetupForm> user_form = std::nullopt) {
  CLINAUDIT_TRY_VOID(domain::organisation_register(c.store, c.principal()));
  CLINAUDIT_TRY(auto organisation, c.store.organisation(id));
  CLINAUDIT_TRY(auto users, domain::organisation_users(c.store, c.principal(), id));
  SetupForm shown = form ? std::move(*form) : form_of(organisation);
  if (!form && !user_form) shown.message = saved_message(c);
  SetupForm person = user_form ? std::move(*user_form) : SetupForm{{{"role", "admin"}}, std::nullopt, {}};
  const bool refused = shown.error || person.error;
  return html_response(pages::organisation_page(c, organisation, users, shown, person), refused ? 400 : 200);
}

// A user for the organisation of the path: its first administrator, typically.
Result<UserId> add_organisation_user(Context& c) {
  CLINAUDIT_TRY(const auto id, matched_id(c));
  domain::NewUser person;
  person.email = field(c, "email");
  person.display_name = field(c, "name");
  person.role = domain::parse_role(field(c, "role"));
  person.password = field(c, "password");
  return domain::add_user_to_organisation(c.store, c.principal(), c.actor(), OrganisationId{id}, std::move(person),
                                          [](std::string_view password) { return platform::hash_password(password); });
}

void organisation_routes(RouteTable& table) {
  table.resource<std::vector<domain::Organisation>>({
      .path = "/admin/organisations",
      .api_path = "/api/organisations",
      .permission = P::manage_register,
      .load = [](Context& c) { return domain::organisation_register(c.store, c.principal()); },
      .page =
          [](Context& c, std::vector<domain::Organisation>& rows) {
            SetupForm form;
            form.message = saved_message(c);
            return Result<Response>(html_response(pages::organisations_page(c, rows, form)));
          },
      .json =
          [](Context&, std::vector<domain::Organisation>& rows) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& row : rows) out.push_back(organisation_json(row));
            return Result<Response>(json_response(dumped(out)));
          },
  });
  table.resource<OrganisationId>({
      .method = "POST",
      .path = "/admin/organisations",
      .api_path = "/api/organisations",
      .permission = P::manage_register,
      .load =
          [](Context& c) { return domain::add_organisation(c.store, c.principal(), c.actor(), organisation_draft(c)); },
      .page = [](Context&, OrganisationId&) -> Result<Response> { return redirect("/admin/organisations?done=added"); },
      .json = [](Context&, OrganisationId& id) -> Result<Response> { return created(id.value); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return organisations_html(c, typed(c, error));
      },
  });
  table.resource<domain::Organisation>({
      .path = R"(/admin/organisations/(\d{1,18}))",
      .api_path = R"(/api/organisations/(\d{1,18}))",
      .permission = P::manage_register,
      .load = [](Context& c) -> Result<domain::Organisation> {
        CLINAUDIT_TRY(const auto id, matched_id(c));
        CLINAUDIT_TRY_VOID(domain::organisation_register(c.store, c.principal()));
        return c.store.organisation(OrganisationId{id});
      },
      .page = [](Context& c, domain::Organisation& o) { return organisation_html(c, o.id, std::nullopt); },
      .json = [](Context&, domain::Organisation& o) -> Result<Response> {
        return json_response(dumped(organisation_json(o)));
      },
  });
  const auto edit = [](Context& c) -> Result<OrganisationId> {
    CLINAUDIT_TRY(const auto id, matched_id(c));
    CLINAUDIT_TRY_VOID(
        domain::edit_organisation(c.store, c.principal(), c.actor(), OrganisationId{id}, organisation_draft(c)));
    return OrganisationId{id};
  };
  table.resource<OrganisationId>({
      .method = "POST",
      .path = R"(/admin/organisations/(\d{1,18}))",
      .permission = P::manage_register,
      .load = edit,
      .page = [](Context&, OrganisationId& id) -> Result<Response> {
        return redirect("/admin/organisations/" + std::to_string(id.value) + "?done=saved");
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return organisation_html(c, OrganisationId{id}, typed(c, error));
      },
  });
  table.resource<OrganisationId>({
      .method = "PUT",
      .path = R"(/admin/organisations/(\d{1,18}))",
      .api_path = R"(/api/organisations/(\d{1,18}))",
      .permission = P::manage_register,
      .load = edit,
      .json = [](Context&, OrganisationId& id) -> Result<Response> { return saved(id.value); },
  });
  table.resource<UserId>({
      .method = "POST",
      .path = R"(/admin/organisations/(\d{1,18})/users)",
      .api_path = R"(/api/organisations/(\d{1,18})/users)",
      .permission = P::manage_register,
      .load = add_organisation_user,
      .page = [](Context& c, UserId&) -> Result<Response> {
        return redirect("/admin/organisations/" + c.request.matches.at(0) + "?done=user#users");
      },
      .json = [](Context&, UserId& id) -> Result<Response> { return created(id.value); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        // A role the organisation may not hold (forbidden) is a refusal of what was typed.
        if (!shows_on_form(error) && error.code != ErrorCode::forbidden) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        SetupForm form = typed(c, error);
        form.values.erase("password");  // never sent back
        return organisation_html(c, OrganisationId{id}, std::nullopt, std::move(form));
      },
  });
}

// National audits and the Quality Account list ---------------------------------------------

Result<Response> national_audits_html(Context& c, const SetupForm& form) {
  CLINAUDIT_TRY(auto audits, domain::national_audit_list(c.store, c.principal()));
  return html_response(pages::national_audits_page(c, audits, form), form.error ? 400 : 200);
}

Result<Response> national_audit_html(Context& c, AuditId id, const std::optional<SetupForm>& form,
                                     const std::optional<SetupForm>& qa_form) {
  const auto years = qa_years(c);
  CLINAUDIT_TRY(auto setup, domain::national_audit_setup(c.store, c.principal(), id, years));
  SetupForm details = form ? *form : form_of(setup.audit);
  if (!form && !qa_form) details.message = saved_message(c);
  const SetupForm list = qa_form.value_or(SetupForm{});
  const bool refused = details.error || list.error;
  return html_response(pages::national_audit_page(c, setup, years, details, list), refused ? 400 : 200);
}

nlohmann::json national_setup_json(const domain::NationalAuditSetup& setup) {
  nlohmann::json out = audit_json(setup.audit);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& entry : setup.qa_list) {
    nlohmann::json types = nlohmann::json::array();
    for (const auto type : entry.eligible_types) types.push_back(std::string(domain::to_string(type)));
    list.push_back({{"year", entry.year.to_string()}, {"eligible_types", types}});
  }
  out["qa_list"] = list;
  return out;
}

Result<AuditId> set_membership(Context& c) {
  CLINAUDIT_TRY(const auto id, matched_id(c));
  CLINAUDIT_TRY(const auto year, FinancialYear::parse(field(c, "year")));
  CLINAUDIT_TRY(const auto types, eligible_types(c));
  CLINAUDIT_TRY_VOID(domain::set_qa_membership(c.store, c.principal(), c.actor(), AuditId{id}, year, types));
  return AuditId{id};
}

void national_audit_routes(RouteTable& table) {
  table.resource<std::vector<domain::Audit>>({
      .path = "/admin/audits",
      .api_path = "/api/national-audits",
      .permission = P::manage_register,
      .load = [](Context& c) { return domain::national_audit_list(c.store, c.principal()); },
      .page = [](Context& c, std::vector<domain::Audit>& audits) -> Result<Response> {
        SetupForm form;
        form.values = {{"kind", "national_clinical_audit"}, {"status", "planned"}};
        form.message = saved_message(c);
        return html_response(pages::national_audits_page(c, audits, form));
      },
      .json = [](Context&, std::vector<domain::Audit>& audits) -> Result<Response> {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& audit : audits) out.push_back(audit_json(audit));
        return json_response(dumped(out));
      },
  });
  table.resource<AuditId>({
      .method = "POST",
      .path = "/admin/audits",
      .api_path = "/api/national-audits",
      .permission = P::manage_register,
      .load = [](Context& c) -> Result<AuditId> {
        CLINAUDIT_TRY(auto draft, audit_draft(c));
        return domain::add_national_audit(c.store, c.principal(), c.actor(), draft);
      },
      .page = [](Context&, AuditId& id) -> Result<Response> {
        return redirect("/admin/audits/" + std::to_string(id.value) + "?done=added");
      },
      .json = [](Context&, AuditId& id) -> Result<Response> { return created(id.value); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return national_audits_html(c, typed(c, error));
      },
  });
  table.resource<domain::NationalAuditSetup>({
      .path = R"(/admin/audits/(\d{1,18}))",
      .api_path = R"(/api/national-audits/(\d{1,18}))",
      .permission = P::manage_register,
      .load = [](Context& c) -> Result<domain::NationalAuditSetup> {
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return domain::national_audit_setup(c.store, c.principal(), AuditId{id}, qa_years(c));
      },
      .page =
          [](Context& c, domain::NationalAuditSetup& setup) {
            return national_audit_html(c, setup.audit.id, std::nullopt, std::nullopt);
          },
      .json = [](Context&, domain::NationalAuditSetup& setup) -> Result<Response> {
        return json_response(dumped(national_setup_json(setup)));
      },
  });
  const auto edit = [](Context& c) -> Result<AuditId> {
    CLINAUDIT_TRY(const auto id, matched_id(c));
    CLINAUDIT_TRY(auto draft, audit_draft(c));
    CLINAUDIT_TRY_VOID(domain::edit_national_audit(c.store, c.principal(), c.actor(), AuditId{id}, draft));
    return AuditId{id};
  };
  table.resource<AuditId>({
      .method = "POST",
      .path = R"(/admin/audits/(\d{1,18}))",
      .permission = P::manage_register,
      .load = edit,
      .page = [](Context&, AuditId& id) -> Result<Response> {
        return redirect("/admin/audits/" + std::to_string(id.value) + "?done=saved");
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return national_audit_html(c, AuditId{id}, typed(c, error), std::nullopt);
      },
  });
  table.resource<AuditId>({
      .method = "PUT",
      .path = R"(/admin/audits/(\d{1,18}))",
      .api_path = R"(/api/national-audits/(\d{1,18}))",
      .permission = P::manage_register,
      .load = edit,
      .json = [](Context&, AuditId& id) -> Result<Response> { return saved(id.value); },
  });
  table.resource<AuditId>({
      .method = "POST",
      .path = R"(/admin/audits/(\d{1,18})/qa-list)",
      .permission = P::manage_register,
      .load = set_membership,
      .page = [](Context&, AuditId& id) -> Result<Response> {
        return redirect("/admin/audits/" + std::to_string(id.value) + "?done=saved#qa-list");
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return national_audit_html(c, AuditId{id}, std::nullopt, typed(c, error));
      },
  });
  table.resource<AuditId>({
      .method = "PUT",
      .path = R"(/admin/audits/(\d{1,18})/qa-list)",
      .api_path = R"(/api/national-audits/(\d{1,18})/qa-list)",
      .permission = P::manage_register,
      .load = set_membership,
      .json = [](Context&, AuditId& id) -> Result<Response> { return saved(id.value); },
  });
}

// Local audits ------------------------------------------------------------------------------

Result<Response> local_audit_html(Context& c, std::optional<AuditId> id, std::optional<SetupForm> form) {
  std::optional<domain::Audit> audit;
  if (id) {
    CLINAUDIT_TRY(auto found, domain::own_local_audit(c.store, c.principal(), *id));
    audit = std::move(found);
  }
  SetupForm shown = form ? std::move(*form) : (audit ? form_of(*audit) : SetupForm{{{"status", "planned"}}, {}, {}});
  return html_response(pages::local_audit_page(c, audit, shown), shown.error ? 400 : 200);
}

Result<AuditId> add_local(Context& c) {
  CLINAUDIT_TRY(auto draft, audit_draft(c));
  return domain::add_local_audit(c.store, c.principal(), c.actor(), c.principal().organisation_id, draft);
}

Result<AuditId> edit_local(Context& c) {
  CLINAUDIT_TRY(const auto id, matched_id(c));
  CLINAUDIT_TRY(auto draft, audit_draft(c));
  CLINAUDIT_TRY_VOID(domain::edit_local_audit(c.store, c.principal(), c.actor(), AuditId{id}, draft));
  return AuditId{id};
}

void local_audit_routes(RouteTable& table) {
  table.add(page_route("GET", "/audits/new", Access::permitted, P::manage_local_audits,
                       [](Context& c) { return local_audit_html(c, std::nullopt, std::nullopt); }));
  table.resource<AuditId>({
      .method = "POST",
      .path = "/audits/new",
      .api_path = "/api/local-audits",
      .permission = P::manage_local_audits,
      .load = add_local,
      .page = [](Context&, AuditId& id) -> Result<Response> { return redirect("/audits/" + std::to_string(id.value)); },
      .json = [](Context&, AuditId& id) -> Result<Response> { return created(id.value); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        return local_audit_html(c, std::nullopt, typed(c, error));
      },
  });
  table.add(page_route("GET", R"(/audits/(\d{1,18})/edit)", Access::permitted, P::manage_local_audits,
                       [](Context& c) -> Result<Response> {
                         CLINAUDIT_TRY(const auto id, matched_id(c));
                         return local_audit_html(c, AuditId{id}, std::nullopt);
                       }));
  table.resource<AuditId>({
      .method = "POST",
      .path = R"(/audits/(\d{1,18})/edit)",
      .permission = P::manage_local_audits,
      .load = edit_local,
      .page = [](Context&, AuditId& id) -> Result<Response> { return redirect("/audits/" + std::to_string(id.value)); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return local_audit_html(c, AuditId{id}, typed(c, error));
      },
  });
  table.resource<AuditId>({
      .method = "PUT",
      .path = R"(/local-audits/(\d{1,18}))",
      .api_path = R"(/api/local-audits/(\d{1,18}))",
      .permission = P::manage_local_audits,
      .load = edit_local,
      .json = [](Context&, AuditId& id) -> Result<Response> { return saved(id.value); },
  });
}

// Measures ----------------------------------------------------------------------------------

Result<Response> measures_html(Context& c, AuditId audit, std::optional<SetupForm> form) {
  CLINAUDIT_TRY(auto view, domain::audit_measures(c.store, c.principal(), audit));
  SetupForm shown = form ? std::move(*form) : new_measure_form();
  if (!form) shown.message = saved_message(c);
  return html_response(pages::measures_page(c, view, shown), shown.error ? 400 : 200);
}

Result<Response> measure_html(Context& c, MeasureId id, std::optional<SetupForm> form) {
  CLINAUDIT_TRY(auto found, domain::measure_to_edit(c.store, c.principal(), id));
  SetupForm shown = form ? std::move(*form) : form_of(found.second);
  return html_response(pages::measure_page(c, found.first, found.second, shown), shown.error ? 400 : 200);
}

Result<MeasureId> add_measure(Context& c) {
  CLINAUDIT_TRY(const auto id, matched_id(c));
  CLINAUDIT_TRY(auto draft, measure_draft(c));
  return domain::add_measure(c.store, c.principal(), c.actor(), AuditId{id}, draft);
}

Result<MeasureId> edit_measure(Context& c) {
  CLINAUDIT_TRY(const auto id, matched_id(c));
  CLINAUDIT_TRY(auto draft, measure_draft(c));
  CLINAUDIT_TRY_VOID(domain::edit_measure(c.store, c.principal(), c.actor(), MeasureId{id}, draft));
  return MeasureId{id};
}

void measure_routes(RouteTable& table) {
  table.resource<domain::AuditMeasures>({
      .path = R"(/audits/(\d{1,18})/measures)",
      .load = [](Context& c) -> Result<domain::AuditMeasures> {
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return domain::audit_measures(c.store, c.principal(), AuditId{id});
      },
      .page = [](Context& c, domain::AuditMeasures& view) { return measures_html(c, view.audit.id, std::nullopt); },
      .json = [](Context&, domain::AuditMeasures& view) -> Result<Response> {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& measure : view.measures) rows.push_back(measure_json(measure));
        return json_response(
            dumped({{"audit_id", view.audit.id.value}, {"may_change", view.may_change}, {"measures", rows}}));
      },
  });
  table.resource<MeasureId>({
      .method = "POST",
      .path = R"(/audits/(\d{1,18})/measures)",
      .permission = P::manage_measures,
      .load = add_measure,
      .page = [](Context& c, MeasureId&) -> Result<Response> {
        return redirect("/audits/" + c.request.matches.at(0) + "/measures?done=added");
      },
      .json = [](Context&, MeasureId& id) -> Result<Response> { return created(id.value); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return measures_html(c, AuditId{id}, typed(c, error));
      },
  });
  table.add(page_route("GET", R"(/measures/(\d{1,18}))", Access::permitted, P::manage_measures,
                       [](Context& c) -> Result<Response> {
                         CLINAUDIT_TRY(const auto id, matched_id(c));
                         return measure_html(c, MeasureId{id}, std::nullopt);
                       }));
  table.resource<MeasureId>({
      .method = "POST",
      .path = R"(/measures/(\d{1,18}))",
      .permission = P::manage_measures,
      .load = edit_measure,
      .page = [](Context& c, MeasureId& id) -> Result<Response> {
        CLINAUDIT_TRY(const auto measure, c.store.measure(id));
        return redirect("/audits/" + std::to_string(measure.audit_id.value) + "/measures?done=saved");
      },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (!shows_on_form(error)) return error;
        CLINAUDIT_TRY(const auto id, matched_id(c));
        return measure_html(c, MeasureId{id}, typed(c, error));
      },
  });
  table.resource<MeasureId>({
      .method = "PUT",
      .path = R"(/measures/(\d{1,18}))",
      .api_path = R"(/api/measures/(\d{1,18}))",
      .permission = P::manage_measures,
      .load = edit_measure,
      .json = [](Context&, MeasureId& id) -> Result<Response> { return saved(id.value); },
  });
}

}  // namespace

std::vector<Route> setup_routes() {
  RouteTable table;
  organisation_routes(table);
  national_audit_routes(table);
  local_audit_routes(table);
  measure_routes(table);
  return std::move(table).routes();
}

}  // namespace clinaudit::http
