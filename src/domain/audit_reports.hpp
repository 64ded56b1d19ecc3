#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/action_commands.hpp"
#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/store.hpp"

// Published audit reports, their recommendations and an organisation's reviews of them
// (docs/governance.md, "Published reports"): the report list of an audit, the reports
// register, one report with its review, recording a report, recording a review and raising
// the review's actions. The page, the API, the command line and the imports call these.
namespace clinaudit::domain {

// Whether `who` sees `report` of `audit`: they see the audit, and the report is the national
// body's or their organisation's own.
bool may_see_report(const Principal& who, const Audit& audit, const AuditReport& report);

// A report as a person records it. `published_on` is empty when the date given was missing
// or not a date; recommendations are numbered 1, 2, 3... in the order given.
struct NewReport {
  std::optional<AuditId> audit;
  std::string title;
  std::optional<Date> published_on;
  std::string link;
  std::vector<std::string> recommendations;
};

// Records a published report of `publisher` (empty: the national body, for everyone), as the
// operator's command line does: a local audit's report is its owner's. Errors: invalid_input
// naming the field (audit_id, title, published_on, link); conflict for a title the audit
// already has from the same publisher; the store's.
Result<AuditReportId> publish_report(Store& store, std::optional<OrganisationId> publisher, const Actor& actor,
                                     const NewReport& report);

// Records a published report of an audit `who` sees, with record_reports. Recorded by the
// national body, a national audit's report is everyone's; recorded by an organisation (a
// national audit's report its staff enter, or its own local audit's), it is that
// organisation's alone. Errors: forbidden without the permission; not_found for an audit
// `who` may not see (as for one that does not exist); publish_report's.
Result<AuditReportId> record_report(Store& store, const Principal& who, const Actor& actor, const NewReport& report);

// Where a report stands for one organisation: not yet reviewed (no review, or one without
// a date), or reviewed on a date by a committee.
struct ReportRow {
  Audit audit;
  AuditReport report;
  std::optional<ReportReview> review;  // the organisation's, dated or not
  bool reviewed() const { return review && review->reviewed_on.has_value(); }
};

// The reports of one audit that `who` sees, oldest first, each with `who`'s organisation's
// review. Errors: not_found for an audit `who` may not see (as for one that does not exist).
Result<std::vector<ReportRow>> audit_report_list(Store& store, const Principal& who, AuditId audit);

// The reports register: the reports `who` sees of the audits their organisation takes part
// in (a national audit it took part in, in the year the report was published or the year
// before; its own local audits), those it recorded itself and those it has reviewed; for
// the national body, every national audit's report. Newest first.
Result<std::vector<ReportRow>> report_register(Store& store, const Principal& who);

// One report for its page: the report, its audit, `who`'s organisation's review and the
// actions raised from that review.
struct ReportDetails {
  ReportRow row;
  std::vector<Action> actions;  // source report_review, of the review; by due date
};

// Errors: not_found for a report `who` may not see (as for one that does not exist).
Result<ReportDetails> report_details(Store& store, const Principal& who, AuditReportId id);

// A review as a person records it; a date that was missing or not a date is empty.
struct NewReview {
  std::optional<Date> reviewed_on;
  std::string committee;
  std::string findings;
  std::string intended_actions;
};

// Records `organisation`'s review of the report, as the operator's command line does: the
// report must be the national body's or the organisation's own, of an audit it sees. A
// second review of the same report replaces the first and keeps its actions. Errors:
// not_found for a report the organisation may not see; invalid_input naming the field for a
// missing date, one before the report was published, or a missing committee; the store's.
Result<ReportReviewId> review_report(Store& store, OrganisationId organisation, const Actor& actor,
                                     AuditReportId report, const NewReview& review);

// Records `who`'s organisation's review of the report (record_reports; the national body
// records reports, not reviews), by review_report's rules. Errors: forbidden without the
// permission or for the national body; review_report's.
Result<ReportReviewId> record_review(Store& store, const Principal& who, const Actor& actor, AuditReportId report,
                                     const NewReview& review);

// Raises an action of the review's organisation from the review (raise_action's rules),
// with source report_review, the review as its source and the report's audit. Errors:
// not_found for a review that is not `who`'s organisation's; raise_action's.
Result<ActionId> raise_review_action(Store& store, const Principal& who, const Actor& actor, ReportReviewId review,
                                     NewAction action);

}  // namespace clinaudit::domain
