#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "domain/audit_reports.hpp"
#include "http/audit_report_json.hpp"
#include "report/csv_writer.hpp"

// `clinaudit report add|list` and `clinaudit review add`: published audit reports and an
// organisation's reviews of them from the command line (docs/cli.md, docs/governance.md
// "Published reports"). The operator holds the whole database: a report is the national
// body's unless --org names the organisation that records it for itself (a local audit's is
// always its owner's); a review is always one organisation's (--org).
namespace clinaudit::cli {

namespace {

struct ReportOptions {
  std::string db;
  std::string audit;
  std::string org;
  std::string title;
  std::string published_on;
  std::string link;
  std::vector<std::string> recommendations;
  bool json = false;
};

struct ReviewOptions {
  std::string db;
  std::string org;
  std::int64_t report = 0;
  std::string reviewed_on;
  std::string committee;
  std::string findings;
  std::string intended_actions;
};

domain::Actor actor(const char* command) {
  const char* user = std::getenv("USER");
  return domain::Actor{std::nullopt,
                       std::string("clinaudit ") + command + (user != nullptr ? std::string(" by ") + user : "")};
}

Result<domain::Organisation> organisation(domain::Store& store, const std::string& code) {
  auto org = store.organisation_by_code(code);
  if (!org) return Error{org.error().code, "--org " + code + ": " + org.error().message};
  return org;
}

Result<domain::Audit> audit(domain::Store& store, const std::string& code) {
  auto found = store.audit_by_code(code);
  if (!found) return Error{found.error().code, "--audit " + code + ": " + found.error().message};
  return found;
}

std::optional<Date> date_or_empty(const std::string& text) {
  auto parsed = Date::parse(text);
  if (!parsed) return std::nullopt;
  return *parsed;
}

// Prints the new report's id alone on standard output.
Result<void> add(const ReportOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto found, audit(*store, options.audit));
  std::optional<OrganisationId> publisher;
  if (found.kind == domain::AuditKind::local_audit) publisher = found.owner;
  if (!options.org.empty()) {
    CLINAUDIT_TRY(auto org, organisation(*store, options.org));
    publisher = org.id;
  }
  domain::NewReport report;
  report.audit = found.id;
  report.title = options.title;
  report.published_on = date_or_empty(options.published_on);
  report.link = options.link;
  report.recommendations = options.recommendations;
  CLINAUDIT_TRY(auto id, domain::publish_report(*store, publisher, actor("report add"), report));
  std::cout << id.value << '\n';
  std::cerr << "recorded '" << report.title << "' of " << found.code << " with " << report.recommendations.size()
            << (report.recommendations.size() == 1 ? " recommendation" : " recommendations")
            << (publisher ? " for one organisation\n" : " for every organisation\n");
  return {};
}

// Every report, or those an organisation sees with its review; of one audit or all.
Result<void> list(const ReportOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  std::optional<AuditId> audit_id;
  if (!options.audit.empty()) {
    CLINAUDIT_TRY(auto found, audit(*store, options.audit));
    audit_id = found.id;
  }
  std::optional<domain::Organisation> org;
  if (!options.org.empty()) {
    CLINAUDIT_TRY(auto found, organisation(*store, options.org));
    org = std::move(found);
  }
  CLINAUDIT_TRY(auto reports, store->audit_reports(audit_id));
  std::vector<domain::ReportReview> reviews;
  if (org) {
    CLINAUDIT_TRY(auto found, store->report_reviews(org->id));
    reviews = std::move(found);
  }
  std::vector<domain::ReportRow> rows;
  for (auto& report : reports) {
    CLINAUDIT_TRY(auto report_audit, store->audit(report.audit_id));
    if (org && (!domain::visible_to(report_audit, org->id) ||
                (report.organisation_id && *report.organisation_id != org->id))) {
      continue;
    }
    domain::ReportRow row{std::move(report_audit), std::move(report), std::nullopt};
    for (const auto& review : reviews) {
      if (review.report_id == row.report.id) row.review = review;
    }
    rows.push_back(std::move(row));
  }
  if (options.json) {
    std::cout << http::to_json(rows) << '\n';
    return {};
  }
  report::CsvWriter out(std::cout);
  std::vector<std::string> header{"id", "audit_code", "title", "published_on", "published_by", "recommendations"};
  if (org) header.insert(header.end(), {"reviewed_on", "committee"});
  out.row(header);
  for (const auto& row : rows) {
    std::vector<std::string> cells{std::to_string(row.report.id.value),
                                   row.audit.code,
                                   row.report.title,
                                   row.report.published_on.to_string(),
                                   row.report.organisation_id ? "organisation" : "national",
                                   std::to_string(row.report.recommendations.size())};
    if (org) {
      cells.push_back(row.reviewed() ? row.review->reviewed_on->to_string() : "");
      cells.push_back(row.reviewed() ? row.review->committee : "");
    }
    out.row(cells);
  }
  return {};
}

// Prints the review's id alone on standard output.
Result<void> review(const ReviewOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto org, organisation(*store, options.org));
  domain::NewReview review;
  review.reviewed_on = date_or_empty(options.reviewed_on);
  review.committee = options.committee;
  review.findings = options.findings;
  review.intended_actions = options.intended_actions;
  CLINAUDIT_TRY(auto id,
                domain::review_report(*store, org.id, actor("review add"), AuditReportId{options.report}, review));
  std::cout << id.value << '\n';
  std::cerr << "recorded the review of report " << options.report << " by " << org.name << "\n";
  return {};
}

}  // namespace

void add_report_record_commands(CLI::App& report, Outcome& outcome) {
  auto add_options = std::make_shared<ReportOptions>();
  auto* add_command =
      report.add_subcommand("add", "Record a published report of an audit with its recommendations; prints its id");
  add_command->add_option("--db", add_options->db, kDatabaseHelp);
  add_command->add_option("--audit", add_options->audit, "Audit code, e.g. NHFD")->required();
  add_command->add_option("--title", add_options->title, "The report's title")->required();
  add_command->add_option("--published-on", add_options->published_on, "Publication date, YYYY-MM-DD")->required();
  add_command->add_option("--link", add_options->link, "The report's https:// address");
  add_command->add_option("--recommendation", add_options->recommendations,
                          "A recommendation's text; repeat for each, in the report's order");
  add_command->add_option("--org", add_options->org,
                          "Record it for this organisation only (default: the national body's, for everyone)");
  on_run(*add_command, outcome, [add_options]() { return add(*add_options); });

  auto list_options = std::make_shared<ReportOptions>();
  auto* list_command = report.add_subcommand(
      "list", "List published reports as CSV; --org: those the organisation sees, with its review");
  list_command->add_option("--db", list_options->db, kDatabaseHelp);
  list_command->add_option("--audit", list_options->audit, "Only this audit's reports");
  list_command->add_option("--org", list_options->org, "Organisation code, e.g. RXX");
  list_command->add_flag("--json", list_options->json, "JSON, as /api/audit-reports answers");
  on_run(*list_command, outcome, [list_options]() { return list(*list_options); });
}

void add_review_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("review", "Record an organisation's review of a published report");
  command->require_subcommand(1);
  auto options = std::make_shared<ReviewOptions>();
  auto* add_command = command->add_subcommand(
      "add", "Record (or change) the organisation's review of a report; prints the review's id");
  add_command->add_option("--db", options->db, kDatabaseHelp);
  add_command->add_option("--org", options->org, "Organisation code of the reviewer, e.g. RXX")->required();
  add_command->add_option("--report", options->report, "Report id (clinaudit report list)")->required();
  add_command->add_option("--reviewed-on", options->reviewed_on, "Date of the review, YYYY-MM-DD")->required();
  add_command->add_option("--committee", options->committee, "The committee that reviewed it")->required();
  add_command->add_option("--findings", options->findings, "What the committee found");
  add_command->add_option("--intended-actions", options->intended_actions, "The actions the organisation intends");
  on_run(*add_command, outcome, [options]() { return review(*options); });
}

}  // namespace clinaudit::cli
