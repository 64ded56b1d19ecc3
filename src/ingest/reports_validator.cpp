// The import kinds of published audit reports and of reviews of them (docs/csv-import.md,
// "reports" and "report-reviews").
#include <map>

#include "domain/entity_checks.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum ReportColumn : std::size_t { kReportAudit, kTitle, kPublished, kLink, kNumber, kRecommendation };
enum ReviewColumn : std::size_t {
  kReviewOrganisation,
  kReviewAudit,
  kReportTitle,
  kReviewedOn,
  kCommittee,
  kFindings,
  kIntendedActions
};

std::string key_of(AuditId audit, std::optional<OrganisationId> publisher, std::string_view title) {
  return std::to_string(audit.value) + "|" + std::to_string(publisher ? publisher->value : 0) + "|" +
         std::string(title);
}

}  // namespace

Validated<domain::AuditReport> validate_reports(std::istream& input, const References& references,
                                                const ReportPublisher& publisher,
                                                const std::vector<domain::AuditReport>& existing,
                                                const ValidationOptions& options) {
  Validated<domain::AuditReport> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"audit_code", true},
                  {"title", true, "report_title"},
                  {"published_on", true, "published"},
                  {"link", false, "url"},
                  {"recommendation_number", false, "number"},
                  {"recommendation", false, "recommendation_text"}},
                 out.report);
  std::map<std::string, std::int64_t> recorded;  // key -> 1 for the reports already stored
  for (const auto& report : existing) recorded[key_of(report.audit_id, report.organisation_id, report.title)] = 1;
  std::map<std::string, std::size_t> in_file;  // key -> index in out.records
  while (rows.next()) {
    const auto* audit = support::audit(rows, kReportAudit, references);
    const auto title = rows.text(kTitle);
    const auto published = rows.date(kPublished);
    const std::string link(rows.text(kLink).value_or(""));
    const auto number = rows.count(kNumber);
    const std::string text(rows.text(kRecommendation).value_or(""));
    if (number && text.empty()) rows.problem(kRecommendation, "is empty but recommendation_number is given");
    if (!number && !text.empty()) rows.problem(kNumber, "is empty but a recommendation is given");
    if (!link.empty() &&
        (!link.starts_with("https://") || link.size() <= 8 || link.find_first_of(" \t\r\n\"<>") != std::string::npos)) {
      rows.problem(kLink, "is not an https:// address");
    }
    if (audit == nullptr || !title || !published) continue;
    const auto owner = publisher(*audit);
    const std::string key = key_of(audit->id, owner, *title);
    if (recorded.contains(key)) {
      rows.problem(kTitle, "is already recorded as a report of " + audit->code);
      continue;
    }
    auto found = in_file.find(key);
    if (found == in_file.end()) {
      domain::AuditReport report;
      report.audit_id = audit->id;
      report.organisation_id = owner;
      report.title = std::string(*title);
      report.published_on = *published;
      report.link = link;
      found = in_file.emplace(key, out.records.size()).first;
      out.records.push_back(std::move(report));
    }
    auto& report = out.records[found->second];
    if (report.published_on != *published) {
      rows.problem(kPublished,
                   "differs from the date on this report's first row (" + report.published_on.to_string() + ")");
    }
    if (report.link != link) rows.problem(kLink, "differs from the link on this report's first row");
    if (number) {
      const auto expected = static_cast<std::int64_t>(report.recommendations.size()) + 1;
      if (*number != expected) {
        rows.problem(kNumber, "should be " + std::to_string(expected) +
                                  ": a report's recommendations are numbered "
                                  "1, 2, 3... in the order of its rows");
      } else {
        report.recommendations.push_back(domain::Recommendation{static_cast<int>(*number), text});
      }
    }
  }
  out.rows = rows.rows_read();
  return out;
}

Validated<domain::ReportReview> validate_report_reviews(std::istream& input, const References& references,
                                                        const std::vector<domain::AuditReport>& reports,
                                                        const std::vector<domain::ReportReview>& existing,
                                                        const ValidationOptions& options) {
  Validated<domain::ReportReview> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"organisation_code", true, "org_code provider_code"},
                  {"audit_code", true},
                  {"report_title", true, "title"},
                  {"reviewed_on", true, "reviewed"},
                  {"committee", true},
                  {"findings", false},
                  {"intended_actions", false, "actions"}},
                 out.report);
  std::map<std::string, const domain::AuditReport*> by_key;
  for (const auto& report : reports) by_key[key_of(report.audit_id, report.organisation_id, report.title)] = &report;
  std::map<std::string, bool> reviewed;  // "org|report" of the reviews already stored
  for (const auto& review : existing) {
    reviewed[std::to_string(review.organisation_id.value) + "|" + std::to_string(review.report_id.value)] = true;
  }
  support::FirstSeen keys;
  while (rows.next()) {
    domain::ReportReview record;
    const auto* organisation = support::organisation(rows, kReviewOrganisation, references);
    const auto* audit = support::audit(rows, kReviewAudit, references);
    const auto title = rows.text(kReportTitle);
    record.reviewed_on = rows.date(kReviewedOn);
    record.committee = std::string(rows.text(kCommittee).value_or(""));
    record.findings = std::string(rows.text(kFindings).value_or(""));
    record.intended_actions = std::string(rows.text(kIntendedActions).value_or(""));
    if (organisation == nullptr || audit == nullptr || !title) continue;
    record.organisation_id = organisation->id;
    // The organisation's own report of that title first, else the national body's.
    const domain::AuditReport* report = nullptr;
    if (auto own = by_key.find(key_of(audit->id, organisation->id, *title)); own != by_key.end()) {
      report = own->second;
    } else if (auto national = by_key.find(key_of(audit->id, std::nullopt, *title)); national != by_key.end()) {
      report = national->second;
    }
    if (report == nullptr) {
      rows.problem(kReportTitle, "is not a recorded report of " + audit->code + " (record the report first)");
      continue;
    }
    record.report_id = report->id;
    record.audit_id = report->audit_id;
    record.report_title = report->title;
    record.published_on = report->published_on;
    const std::string key = std::to_string(organisation->id.value) + "|" + std::to_string(report->id.value);
    if (reviewed.contains(key)) {
      rows.problem(kReportTitle,
                   "has already been reviewed by " + organisation->code + "; change that review on the report's page");
      continue;
    }
    if (record.reviewed_on && *record.reviewed_on < report->published_on) {
      rows.problem(kReviewedOn, "is before the report was published (" + report->published_on.to_string() + ")");
    }
    keys.first(key, rows, kReportTitle, "the review by " + organisation->code + " of this report,");
    if (rows.row_ok()) out.records.push_back(std::move(record));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
