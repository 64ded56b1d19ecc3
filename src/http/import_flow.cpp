#include "http/import_flow.hpp"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string_view>

#include "http/error_response.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"
#include "http/pending_imports.hpp"
#include "ingest/import_service.hpp"
#include "ingest/stored_analyses.hpp"

namespace clinaudit::http {

namespace {

// Whoever is signed in imports as a person: their role and organisation limit the file.
ingest::Importer importer_of(const Context& context) { return {context.principal(), context.actor()}; }

// The kinds the page and the API offer: those the import service opens to people.
std::string offered_kinds(std::string_view separator, std::string_view last) {
  const auto kinds = ingest::kinds_open_to_people();
  std::string text;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) text += i + 1 == kinds.size() ? last : separator;
    text += ingest::import_kind_name(kinds[i]);
  }
  return text;
}

Result<ingest::ImportKind> offered_kind(std::string_view name) {
  const auto kinds = ingest::kinds_open_to_people();
  const auto kind = ingest::import_kind_named(name);
  if (!kind || std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) {
    return Error{ErrorCode::invalid_input, "kind: choose " + offered_kinds(", ", " or ")};
  }
  return *kind;
}

bool imports_episodes(const Context& context) {
  return ingest::may_import(importer_of(context), ingest::ImportKind::episodes);
}

// What the import form offers the signed-in user: the kinds they may import and, to those
// who import episodes, the national audits an episode file may belong to.
pages::ImportChoices import_choices(Context& context) {
  const auto importer = importer_of(context);
  pages::ImportChoices choices;
  for (const auto kind : ingest::kinds_open_to_people()) {
    if (ingest::may_import(importer, kind)) choices.kinds.push_back(kind);
  }
  choices.episodes = imports_episodes(context);
  if (!choices.episodes) return choices;
  auto audits = context.store.audits(domain::AuditFilter{});
  if (!audits) return choices;
  choices.audits.emplace();
  for (auto& audit : *audits) {
    if (domain::acts_for_audit_provider(context.principal(), audit)) choices.audits->push_back(std::move(audit));
  }
  return choices;
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

// An outlier check of imported yearly results, for the API.
nlohmann::json outlier_check_json(const domain::ResultOutlierCheck& check) {
  nlohmann::json out{{"audit", check.audit_code},
                     {"measure", check.measure.code},
                     {"period", check.period},
                     {"from", check.from.to_string()},
                     {"to", check.to.to_string()},
                     {"providers", check.providers},
                     {"flagged", check.flagged},
                     {"cases_opened", check.cases_opened},
                     {"cases_raised", check.cases_raised},
                     {"findings", domain::result_check_findings(check)}};
  if (!check.note.empty()) out["note"] = check.note;
  return out;
}

bool clean(const ImportCheck& check) { return check.problems.empty() && check.total_problems == 0; }

// The import service's report as the page and the API show it.
ImportCheck shown(const ingest::ImportReport& report, std::string_view filename) {
  ImportCheck check;
  check.kind = ingest::import_kind_name(report.kind);
  check.filename = filename.empty() ? "The file" : std::string(filename);
  check.rows = report.rows;
  if (report.kind == ingest::ImportKind::episodes) {
    std::string columns;
    for (const auto& name : report.columns) columns += (columns.empty() ? "" : ", ") + name;
    check.detail =
        " for " + report.audit_code + (columns.empty() ? " (no dataset columns)" : " (columns: " + columns + ")");
  }
  check.total_problems = report.report.total();
  for (const auto& p : report.report.problems()) {
    check.problems.push_back({p.row, p.column, p.has_value ? p.value : std::string(), p.message});
  }
  return check;
}

// An import's report and what the refresh after it found.
struct ImportRun {
  ingest::ImportReport report;
  std::vector<domain::ResultOutlierCheck> outlier_checks;
};

// Checks an uploaded file with the import service for the signed-in user and, when
// `commit`, writes it if clean.
Result<ImportRun> run_import(Context& context, const ImportFile& file, bool commit) {
  auto kind = offered_kind(file.kind);
  if (!kind) return kind.error();
  std::istringstream input{std::string(file.content)};
  const ingest::ImportFile upload{*kind, &input, std::string(file.audit), 0, ingest::ValidationReport::kDefaultCap, {}};
  const auto importer = importer_of(context);
  auto report = commit ? ingest::commit_import(context.store, importer, upload)
                       : ingest::check_import(context.store, importer, upload);
  if (!report) return report.error();
  ImportRun run{std::move(*report), {}};
  // Written episodes and results change the stored analyses every server reads, and yearly
  // results are checked for outliers. The import stands if those fail: the daily job computes
  // and checks them again.
  if (commit) {
    auto refreshed =
        ingest::refresh_after_import(context.store, importer, run.report, context.clock.today(), CLINAUDIT_VERSION);
    if (refreshed) {
      run.outlier_checks = std::move(refreshed->outlier_checks);
    } else {
      spdlog::warn("stored analyses after the import: {}", refreshed.error().message);
    }
  }
  return run;
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

// Holds a clean file for its user's confirmation, in the database for every server, and gives
// the check its token.
std::optional<Refusal> hold(Context& context, const ImportFile& file, ImportCheck& check) {
  const domain::PendingImportBudget budget{context.config.pending_import_bytes_per_user,
                                           context.config.pending_import_bytes_total};
  const domain::PendingImport pending{std::string(file.kind), std::string(file.filename), std::string(file.audit),
                                      std::string(file.content)};
  auto held = hold_import(context.store, context.clock, budget, context.principal().user_id, pending);
  if (!held) return Refusal{held.error(), http_status(held.error().code)};
  switch (held->outcome) {
    case domain::PendingImportHeld::held: check.token = held->token; return std::nullopt;
    case domain::PendingImportHeld::too_large:
      return Refusal{
          Error{ErrorCode::invalid_input, "the file is larger than the " +
                                              describe_bytes(std::min(budget.per_user_bytes, budget.total_bytes)) +
                                              " held for confirmation; split it into smaller files and upload each"},
          413};
    case domain::PendingImportHeld::full:
      return Refusal{Error{ErrorCode::storage_unavailable,
                           describe_bytes(budget.total_bytes) +
                               " of checked files already await confirmation; try again in a few minutes (a checked "
                               "file waits 30 minutes at most)"},
                     503};
  }
  return Refusal{Error{ErrorCode::internal, "unexpected outcome of holding the file"}, 500};
}

}  // namespace

Result<ImportCheck> check_import(Context& context, const ImportFile& file) {
  auto run = run_import(context, file, false);
  if (!run) return run.error();
  return shown(run->report, file.filename);
}

Result<ImportDone> confirm_import(Context& context, const std::string& token) {
  CLINAUDIT_TRY(auto held, take_import(context.store, context.clock, context.principal().user_id, token));
  if (!held) return Error{ErrorCode::not_found, "this import has expired; upload the file again"};
  const ImportFile file{held->kind, held->filename, held->audit, held->content};
  auto run = run_import(context, file, true);
  if (!run) return run.error();
  if (!run->report.report.clean()) {
    const auto& problems = run->report.report.problems();
    const std::string why = problems.empty() ? "" : " (" + problems.front().message + ")";
    return Error{ErrorCode::invalid_input,
                 "the file no longer passes its checks" + why + "; nothing was saved: upload it again"};
  }
  // The rows the confirm button promised: a report or a NICE guidance of several rows is one
  // record of several rows.
  return ImportDone{run->report.rows, std::move(run->outlier_checks)};
}

std::vector<Route> import_routes() {
  using P = Permission;
  std::vector<Route> routes;
  routes.push_back(page_route("GET", "/import", Access::permitted, P::import_data, [](Context& c) -> Result<Response> {
    return html_response(pages::import_page(c, import_choices(c)));
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
    if (check->problems.empty()) return html_response(pages::import_check_page(c, *check, {}));
    // Only a file with problems shows the form again, with its choices.
    return html_response(pages::import_check_page(c, *check, import_choices(c)), 422);
  }));
  routes.push_back(
      page_route("POST", "/import/confirm", Access::permitted, P::import_data, [](Context& c) -> Result<Response> {
        auto done = confirm_import(c, c.request.field("token").value_or(""));
        if (!done) return done.error();
        return html_response(pages::import_done_page(c, *done));
      }));
  // API: POST /api/imports/KIND with the CSV as the body (or a multipart "file"); with
  // ?dry_run=true only the check runs. A file with problems is 422 with the problems.
  // Nothing is held between requests: a clean file is written at once, a dry run is forgotten.
  routes.push_back(api_route(
      "POST", "/api/imports/(" + offered_kinds("|", "|") + ")", Access::permitted, P::import_data,
      [](Context& c) -> Result<Response> {
        const auto file = c.request.files.find("file");
        const std::string& content = file != c.request.files.end() ? file->second.content : c.request.body;
        if (auto refusal = over_upload_limit(c, content)) return refused(c, *refusal, true);
        const std::string audit = c.request.query_value("audit");
        const ImportFile upload{c.request.matches.at(0), "", audit, content};
        const bool dry_run = c.request.query_value("dry_run") == "true";
        auto run = run_import(c, upload, !dry_run);
        if (!run) return run.error();
        const auto check = shown(run->report, upload.filename);
        if (!clean(check)) {
          return json_response(error_json(Error{ErrorCode::invalid_input, "the file has problems; nothing was saved"},
                                          check_json(check)),
                               422);
        }
        if (dry_run) return json_response(check_json(check));
        nlohmann::json checks = nlohmann::json::array();
        for (const auto& outlier_check : run->outlier_checks) checks.push_back(outlier_check_json(outlier_check));
        return json_response(nlohmann::json{{"imported", run->report.written}, {"outlier_checks", checks}}.dump(
                                 -1, ' ', false, nlohmann::json::error_handler_t::replace),
                             201);
      }));
  return routes;
}

}  // namespace clinaudit::http
