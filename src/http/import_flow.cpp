#include "http/import_flow.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

#include "http/error_response.hpp"
#include "http/pages/layout.hpp"
#include "http/random_token.hpp"
#include "ingest/episode_import.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/references.hpp"

namespace clinaudit::http {

namespace {

// The codes a file may name, as the caller sees them: another organisation's local audit
// does not exist for them (the same answer as a code that exists nowhere).
Result<ingest::References> load_references(const Context& context) {
  domain::Store& store = context.store;
  ingest::References references;
  references.see_audits_as(context.principal().organisation_id);
  auto orgs = store.organisations();
  if (!orgs) return orgs.error();
  for (const auto& org : *orgs) references.add_organisation(org);
  auto audits = store.audits(domain::AuditFilter{});
  if (!audits) return audits.error();
  for (const auto& audit : *audits) {
    references.add_audit(audit);
    auto measures = store.measures_of(audit.id);
    if (!measures) return measures.error();
    for (const auto& measure : *measures) references.add_measure(measure);
  }
  return references;
}

template <typename Record>
void collect(ImportCheck& check, const Context& context, const ingest::Validated<Record>& validated) {
  check.rows = validated.rows;
  check.total_problems = validated.report.total();
  for (const auto& p : validated.report.problems()) {
    check.problems.push_back({p.row, p.column, p.has_value ? p.value : std::string(), p.message});
  }
  // Organisation scope: a trust imports its own rows only.
  if (context.principal().role == domain::Role::national_analyst) return;
  for (std::size_t i = 0; i < validated.records.size(); ++i) {
    if (validated.records[i].organisation_id != context.principal().organisation_id) {
      ++check.total_problems;
      check.problems.push_back({static_cast<std::int64_t>(i) + 2, "organisation_code", "",
                                "names another organisation; you can import rows for your own organisation only"});
    }
  }
}

bool is_national(const Context& context) { return context.principal().role == domain::Role::national_analyst; }

// National analysts choose the audit an episode file belongs to.
std::string audit_choice(Context& context) {
  if (!is_national(context)) return {};
  auto audits = context.store.audits(domain::AuditFilter{});
  if (!audits) return {};
  std::string out =
      "<div class=\"form-group\"><label for=\"audit\">Audit (episodes only)</label><p class=\"hint\" "
      "id=\"audit-hint\">Episodes need organisation_code, admission_date and outcome columns; every other column "
      "is a case-mix covariate.</p><select id=\"audit\" name=\"audit\" aria-describedby=\"audit-hint\">";
  for (const auto& audit : *audits) {
    if (audit.kind == domain::AuditKind::local_audit) continue;
    out += "<option value=\"" + pages::esc(audit.code) + "\">" + pages::esc(audit.code) + " – " +
           pages::esc(audit.title) + "</option>";
  }
  return out + "</select></div>";
}

std::string import_form(Context& context) {
  const bool national = is_national(context);
  std::string out =
      "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" class=\"panel\">" +
      pages::csrf_field(context) +
      "<div class=\"form-group\"><label for=\"kind\">What the file holds</label><select id=\"kind\" name=\"kind\">"
      "<option value=\"participation\">Participation in national audits</option>"
      "<option value=\"results\">Audit results (measures by period)</option>" +
      std::string(national ? "<option value=\"episodes\">Patient-level episodes of a national audit</option>" : "") +
      "</select></div>" + audit_choice(context) +
      "<div class=\"form-group\"><label for=\"file\">CSV file</label><p class=\"hint\" id=\"file-hint\">"
      "A header row naming the columns, then one row per record. Nothing is saved until you confirm.</p>"
      "<input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\" aria-describedby=\"file-hint\" "
      "required></div><button class=\"button\" type=\"submit\">Check file</button></form>";
  return out;
}

std::string report_html(Context& context, const ImportCheck& check) {
  std::string body;
  if (check.problems.empty()) {
    body += "<h1>Check your import</h1><div class=\"panel\"><p class=\"lead\">" + pages::esc(check.filename) + ": " +
            std::to_string(check.rows) + " rows of " + pages::esc(check.kind) + pages::esc(check.detail) +
            ", no problems found.</p><form method=\"post\" action=\"/import/confirm\">" + pages::csrf_field(context) +
            "<input type=\"hidden\" name=\"token\" value=\"" + pages::esc(check.token) +
            "\"><button class=\"button\" type=\"submit\">Confirm and import " + std::to_string(check.rows) +
            " rows</button> <a href=\"/import\">Cancel</a></form></div>";
    return body;
  }
  body += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>The file was not imported</h2><p>" +
          pages::esc(check.filename) + " has " + std::to_string(check.total_problems) +
          (check.total_problems == 1 ? " problem" : " problems") + " in " + std::to_string(check.rows) +
          " rows. Nothing was saved. Correct the file and upload it again.</p></div><h1>Problems in the file</h1>";
  body +=
      "<table><thead><tr><th scope=\"col\" class=\"num\">Row</th><th scope=\"col\">Column</th><th "
      "scope=\"col\">Value</th>"
      "<th scope=\"col\">Problem</th></tr></thead><tbody>";
  for (const auto& p : check.problems) {
    body += "<tr><td class=\"num\">" + std::to_string(p.row) + "</td><td>" + pages::esc(p.column) + "</td><td>" +
            pages::esc(p.value) + "</td><td>" + pages::esc(p.message) + "</td></tr>";
  }
  body += "</tbody></table>";
  if (check.total_problems > static_cast<std::int64_t>(check.problems.size())) {
    body += "<p>And " + std::to_string(check.total_problems - static_cast<std::int64_t>(check.problems.size())) +
            " more problems not shown.</p>";
  }
  body += "<h2>Upload a corrected file</h2>" + import_form(context);
  return body;
}

std::string check_json(const ImportCheck& check) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : check.problems) {
    problems.push_back({{"row", p.row}, {"column", p.column}, {"value", p.value}, {"message", p.message}});
  }
  return nlohmann::json{
      {"kind", check.kind}, {"rows", check.rows}, {"total_problems", check.total_problems}, {"problems", problems}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The audit an episode file belongs to: a national audit, by code.
Result<AuditId> episode_audit(const ingest::References& references, const std::string& code) {
  if (code.empty()) return Error{ErrorCode::invalid_input, "audit: choose the national audit the episodes belong to"};
  const auto* audit = references.audit(code);
  if (audit == nullptr || audit->kind == domain::AuditKind::local_audit) {
    return Error{ErrorCode::not_found, "audit: there is no national audit '" + code + "'"};
  }
  return audit->id;
}

// Streams the file through the episode validator without writing; a clean file is held
// (as text) for confirmation.
Result<ImportCheck> check_episodes(Context& context, const std::string& filename, const std::string& content,
                                   const std::string& audit_code) {
  if (!is_national(context)) {
    return Error{ErrorCode::forbidden, "patient-level episodes are imported by the national audit's analysts"};
  }
  auto references = load_references(context);
  if (!references) return references.error();
  auto audit = episode_audit(*references, audit_code);
  if (!audit) return audit.error();
  std::istringstream input(content);
  ingest::EpisodeImportOptions options;
  options.dry_run = true;
  auto outcome = ingest::import_episodes(
      input, *audit, *references,
      [](const std::vector<std::string>&) -> Result<std::unique_ptr<domain::EpisodeWriter>> {
        return Error{ErrorCode::internal, "a dry run opens no writer"};
      },
      options);
  if (!outcome) return outcome.error();
  ImportCheck check;
  check.kind = "episodes";
  check.filename = filename.empty() ? "The file" : filename;
  check.rows = outcome->rows_read;
  std::string covariates;
  for (const auto& name : outcome->covariates) covariates += (covariates.empty() ? "" : ", ") + name;
  check.detail = " for " + audit_code + (covariates.empty() ? " (no covariates)" : " (covariates: " + covariates + ")");
  check.total_problems = outcome->report.total();
  for (const auto& p : outcome->report.problems()) {
    check.problems.push_back({p.row, p.column, p.has_value ? p.value : std::string(), p.message});
  }
  if (check.problems.empty() && check.total_problems == 0) {
    auto token = random_hex(16);
    if (!token) return token.error();
    check.token = *token;
    context.imports.put(check.token, context.principal().user_id, check.kind,
                        PendingEpisodes{*audit, content, check.rows});
  }
  return check;
}

// Streams a checked episode file into one store transaction. The check ran against the
// same references moments ago, so a problem now means the data changed in between.
Result<std::int64_t> confirm_episodes(Context& context, const PendingEpisodes& file) {
  auto references = load_references(context);
  if (!references) return references.error();
  std::istringstream input(file.content);
  const domain::Actor actor = context.actor();
  auto outcome = ingest::import_episodes(
      input, file.audit, *references,
      [&](const std::vector<std::string>& covariates) {
        return context.store.begin_episodes(file.audit, covariates, actor);
      },
      ingest::EpisodeImportOptions{});
  if (!outcome) return outcome.error();
  context.cusum.forget(file.audit);
  if (!outcome->report.clean()) {
    return Error{ErrorCode::invalid_input, "the file no longer passes its checks (" +
                                               outcome->report.problems().front().message +
                                               "); nothing was saved: upload it again"};
  }
  return outcome->rows_written;
}

}  // namespace

Result<ImportCheck> check_import(Context& context, const std::string& kind, const std::string& filename,
                                 const std::string& content, const std::string& audit) {
  if (kind == "episodes") return check_episodes(context, filename, content, audit);
  ImportCheck check;
  check.kind = kind;
  check.filename = filename.empty() ? "The file" : filename;
  auto references = load_references(context);
  if (!references) return references.error();
  std::istringstream input(content);
  PendingImports::Records records;
  ingest::ValidationOptions options;
  options.may_publish = is_national(context);  // publishing is the national audit's decision
  if (kind == "participation") {
    auto validated = ingest::validate_participation(input, *references, options);
    collect(check, context, validated);
    records = std::move(validated.records);
  } else if (kind == "results") {
    auto validated = ingest::validate_results(input, *references, options);
    collect(check, context, validated);
    records = std::move(validated.records);
  } else {
    return Error{ErrorCode::invalid_input, "kind: choose participation, results or episodes"};
  }
  if (check.problems.empty()) {
    auto token = random_hex(16);
    if (!token) return token.error();
    check.token = *token;
    context.imports.put(check.token, context.principal().user_id, kind, std::move(records));
  }
  return check;
}

Result<std::int64_t> confirm_import(Context& context, const std::string& token) {
  auto taken = context.imports.take(token, context.principal().user_id);
  if (!taken) return Error{ErrorCode::not_found, "this import has expired; upload the file again"};
  const domain::Actor actor = context.actor();
  if (auto* rows = std::get_if<std::vector<domain::Participation>>(&taken->records)) {
    if (auto saved = context.store.upsert_participation(*rows, actor); !saved) return saved.error();
    return static_cast<std::int64_t>(rows->size());
  }
  if (auto* file = std::get_if<PendingEpisodes>(&taken->records)) return confirm_episodes(context, *file);
  auto& rows = std::get<std::vector<domain::MeasureResult>>(taken->records);
  if (auto saved = context.store.add_results(rows, actor); !saved) return saved.error();
  return static_cast<std::int64_t>(rows.size());
}

std::vector<Route> import_routes() {
  using P = Permission;
  std::vector<Route> routes;
  routes.push_back(page_route("GET", "/import", Access::permitted, P::import_data, [](Context& c) -> Result<Response> {
    const std::string body =
        "<h1>Import a CSV file</h1><p class=\"lead\">Upload participation records or audit results" +
        std::string(is_national(c) ? ", or a national audit's patient-level episodes" : "") +
        ". "
        "clinaudit checks every row first and shows each problem with its row and column; "
        "nothing is saved until the whole file is right and you confirm.</p>" +
        import_form(c);
    return html_response(pages::page(c, "Import", "import", body));
  }));
  routes.push_back(page_route("POST", "/import", Access::permitted, P::import_data, [](Context& c) -> Result<Response> {
    const auto file = c.request.files.find("file");
    if (file == c.request.files.end() || file->second.content.empty()) {
      return Error{ErrorCode::invalid_input, "choose a CSV file to upload"};
    }
    auto check = check_import(c, c.request.field("kind").value_or(""), file->second.filename, file->second.content,
                              c.request.field("audit").value_or(""));
    if (!check) return check.error();
    return html_response(pages::page(c, "Check your import", "import", report_html(c, *check)),
                         check->problems.empty() ? 200 : 422);
  }));
  routes.push_back(
      page_route("POST", "/import/confirm", Access::permitted, P::import_data, [](Context& c) -> Result<Response> {
        auto written = confirm_import(c, c.request.field("token").value_or(""));
        if (!written) return written.error();
        const std::string body = pages::success_banner("Imported " + std::to_string(*written) + " rows.") +
                                 "<h1>Import complete</h1><p><a href=\"/\">Go to your dashboard</a> or "
                                 "<a href=\"/import\">import another file</a>.</p>";
        return html_response(pages::page(c, "Import complete", "import", body));
      }));
  // API: POST /api/imports/KIND with the CSV as the body (or a multipart "file"); with
  // ?dry_run=true only the check runs. A file with problems is 422 with the problems.
  routes.push_back(api_route(
      "POST", "/api/imports/(participation|results|episodes)", Access::permitted, P::import_data,
      [](Context& c) -> Result<Response> {
        const auto file = c.request.files.find("file");
        const std::string& content = file != c.request.files.end() ? file->second.content : c.request.body;
        auto check = check_import(c, c.request.matches.at(0), "", content, c.request.query_value("audit"));
        if (!check) return check.error();
        if (!check->problems.empty()) {
          return json_response(error_json(Error{ErrorCode::invalid_input, "the file has problems; nothing was saved"},
                                          check_json(*check)),
                               422);
        }
        if (c.request.query_value("dry_run") == "true") return json_response(check_json(*check));
        auto written = confirm_import(c, check->token);
        if (!written) return written.error();
        return json_response(
            nlohmann::json{{"imported", *written}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), 201);
      }));
  return routes;
}

}  // namespace clinaudit::http
