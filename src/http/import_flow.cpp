#include "http/import_flow.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>

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

// What a check found, with what the write needs: the validated records, or the audit of an
// episode file (episodes are streamed from the file again, not held parsed).
struct Checked {
  ImportCheck check;
  std::vector<domain::Participation> participation;
  std::vector<domain::MeasureResult> results;
  AuditId episode_audit;
};

bool clean(const ImportCheck& check) { return check.problems.empty() && check.total_problems == 0; }

// Streams the file through the episode validator without writing.
Result<Checked> check_episodes(Context& context, const ImportFile& file) {
  if (!is_national(context)) {
    return Error{ErrorCode::forbidden, "patient-level episodes are imported by the national audit's analysts"};
  }
  auto references = load_references(context);
  if (!references) return references.error();
  const std::string audit_code(file.audit);
  auto audit = episode_audit(*references, audit_code);
  if (!audit) return audit.error();
  std::istringstream input{std::string(file.content)};
  ingest::EpisodeImportOptions options;
  options.dry_run = true;
  auto outcome = ingest::import_episodes(
      input, *audit, *references,
      [](const std::vector<std::string>&) -> Result<std::unique_ptr<domain::EpisodeWriter>> {
        return Error{ErrorCode::internal, "a dry run opens no writer"};
      },
      options);
  if (!outcome) return outcome.error();
  Checked checked;
  checked.episode_audit = *audit;
  ImportCheck& check = checked.check;
  check.kind = "episodes";
  check.filename = file.filename.empty() ? "The file" : std::string(file.filename);
  check.rows = outcome->rows_read;
  std::string covariates;
  for (const auto& name : outcome->covariates) covariates += (covariates.empty() ? "" : ", ") + name;
  check.detail = " for " + audit_code + (covariates.empty() ? " (no covariates)" : " (covariates: " + covariates + ")");
  check.total_problems = outcome->report.total();
  for (const auto& p : outcome->report.problems()) {
    check.problems.push_back({p.row, p.column, p.has_value ? p.value : std::string(), p.message});
  }
  return checked;
}

// Streams a checked episode file into one store transaction. The check ran against the
// same references moments ago, so a problem now means the data changed in between.
Result<std::int64_t> write_episodes(Context& context, AuditId audit, std::string_view content) {
  auto references = load_references(context);
  if (!references) return references.error();
  std::istringstream input{std::string(content)};
  const domain::Actor actor = context.actor();
  auto outcome = ingest::import_episodes(
      input, audit, *references,
      [&](const std::vector<std::string>& covariates) {
        return context.store.begin_episodes(audit, covariates, actor);
      },
      ingest::EpisodeImportOptions{});
  if (!outcome) return outcome.error();
  context.cusum.forget(audit);
  if (!outcome->report.clean()) {
    return Error{ErrorCode::invalid_input, "the file no longer passes its checks (" +
                                               outcome->report.problems().front().message +
                                               "); nothing was saved: upload it again"};
  }
  return outcome->rows_written;
}

// Validates the file for the signed-in user; holds and writes nothing.
Result<Checked> check_file(Context& context, const ImportFile& file) {
  if (file.kind == "episodes") return check_episodes(context, file);
  Checked checked;
  checked.check.kind = file.kind;
  checked.check.filename = file.filename.empty() ? "The file" : std::string(file.filename);
  auto references = load_references(context);
  if (!references) return references.error();
  std::istringstream input{std::string(file.content)};
  ingest::ValidationOptions options;
  options.may_publish = is_national(context);  // publishing is the national audit's decision
  if (file.kind == "participation") {
    auto validated = ingest::validate_participation(input, *references, options);
    collect(checked.check, context, validated);
    checked.participation = std::move(validated.records);
  } else if (file.kind == "results") {
    auto validated = ingest::validate_results(input, *references, options);
    collect(checked.check, context, validated);
    checked.results = std::move(validated.records);
  } else {
    return Error{ErrorCode::invalid_input, "kind: choose participation, results or episodes"};
  }
  return checked;
}

// Writes a clean check in one transaction.
Result<std::int64_t> write_checked(Context& context, const ImportFile& file, const Checked& checked) {
  if (file.kind == "episodes") return write_episodes(context, checked.episode_audit, file.content);
  const domain::Actor actor = context.actor();
  if (file.kind == "participation") {
    if (auto saved = context.store.upsert_participation(checked.participation, actor); !saved) return saved.error();
    return static_cast<std::int64_t>(checked.participation.size());
  }
  if (auto saved = context.store.add_results(checked.results, actor); !saved) return saved.error();
  return static_cast<std::int64_t>(checked.results.size());
}

// Sizes as a person reads them; the serve options set limits in whole megabytes.
std::string describe_bytes(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = kKiB * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KB";
  return std::to_string(bytes) + " bytes";
}

// A refusal with a status of its own (413, 503), as a page or as JSON.
struct Refusal {
  Error error;
  int status = 400;
};

Response refused(Context& context, const Refusal& refusal, bool api) {
  if (api) return json_response(error_json(refusal.error), refusal.status);
  return html_response(pages::error_page(context, refusal.error), refusal.status);
}

// Checked before any parsing: the upload limit (AppConfig::max_upload_bytes) holds for
// the page and the API alike.
std::optional<Refusal> over_upload_limit(const Context& context, std::string_view content) {
  if (content.size() <= context.config.max_upload_bytes) return std::nullopt;
  return Refusal{Error{ErrorCode::invalid_input, "the file is larger than this server's upload limit of " +
                                                     describe_bytes(context.config.max_upload_bytes) +
                                                     "; split it into smaller files and upload each"},
                 413};
}

// Holds a clean file for its user's confirmation and gives the check its token.
std::optional<Refusal> hold(Context& context, const ImportFile& file, ImportCheck& check) {
  auto token = random_hex(16);
  if (!token) return Refusal{token.error(), http_status(token.error().code)};
  const auto& budget = context.imports.budget();
  PendingFile pending{std::string(file.kind), std::string(file.filename), std::string(file.audit),
                      std::string(file.content)};
  switch (context.imports.put(*token, context.principal().user_id, std::move(pending))) {
    case PendingImports::Held::held: check.token = *token; return std::nullopt;
    case PendingImports::Held::too_large:
      return Refusal{Error{ErrorCode::invalid_input,
                           "the file is larger than the " +
                               describe_bytes(std::min(budget.per_user_bytes, budget.per_server_bytes)) +
                               " this server holds for confirmation; split it into smaller files and upload each"},
                     413};
    case PendingImports::Held::server_full:
      return Refusal{Error{ErrorCode::storage_unavailable,
                           "this server already holds " + describe_bytes(budget.per_server_bytes) +
                               " of checked files awaiting confirmation; try again in a few minutes (a checked "
                               "file waits 30 minutes at most)"},
                     503};
  }
  return Refusal{Error{ErrorCode::internal, "unexpected outcome of holding the file"}, 500};
}

}  // namespace

Result<ImportCheck> check_import(Context& context, const ImportFile& file) {
  auto checked = check_file(context, file);
  if (!checked) return checked.error();
  return std::move(checked->check);
}

Result<std::int64_t> confirm_import(Context& context, const std::string& token) {
  auto held = context.imports.take(token, context.principal().user_id);
  if (!held) return Error{ErrorCode::not_found, "this import has expired; upload the file again"};
  const ImportFile file{held->kind, held->filename, held->audit, held->content};
  auto checked = check_file(context, file);
  if (!checked) return checked.error();
  if (!clean(checked->check)) {
    const std::string why = checked->check.problems.empty() ? "" : " (" + checked->check.problems.front().message + ")";
    return Error{ErrorCode::invalid_input,
                 "the file no longer passes its checks" + why + "; nothing was saved: upload it again"};
  }
  return write_checked(context, file, *checked);
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
    if (auto refusal = over_upload_limit(c, file->second.content)) return refused(c, *refusal, false);
    const std::string kind = c.request.field("kind").value_or("");
    const std::string audit = c.request.field("audit").value_or("");
    const ImportFile upload{kind, file->second.filename, audit, file->second.content};
    auto check = check_import(c, upload);
    if (!check) return check.error();
    if (clean(*check)) {
      if (auto refusal = hold(c, upload, *check)) return refused(c, *refusal, false);
    }
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
  // Nothing is held between requests: a clean file is written at once, a dry run is forgotten.
  routes.push_back(api_route(
      "POST", "/api/imports/(participation|results|episodes)", Access::permitted, P::import_data,
      [](Context& c) -> Result<Response> {
        const auto file = c.request.files.find("file");
        const std::string& content = file != c.request.files.end() ? file->second.content : c.request.body;
        if (auto refusal = over_upload_limit(c, content)) return refused(c, *refusal, true);
        const std::string audit = c.request.query_value("audit");
        const ImportFile upload{c.request.matches.at(0), "", audit, content};
        auto checked = check_file(c, upload);
        if (!checked) return checked.error();
        if (!clean(checked->check)) {
          return json_response(error_json(Error{ErrorCode::invalid_input, "the file has problems; nothing was saved"},
                                          check_json(checked->check)),
                               422);
        }
        if (c.request.query_value("dry_run") == "true") return json_response(check_json(checked->check));
        auto written = write_checked(c, upload, *checked);
        if (!written) return written.error();
        return json_response(
            nlohmann::json{{"imported", *written}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), 201);
      }));
  return routes;
}

}  // namespace clinaudit::http
