#include "domain/audit_reports.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/access.hpp"

namespace clinaudit::domain {
namespace {

// The organisation's review of each report (the latest stored, should there be two).
std::map<std::int64_t, ReportReview> reviews_by_report(std::vector<ReportReview> reviews) {
  std::map<std::int64_t, ReportReview> out;
  for (auto& review : reviews) out[review.report_id.value] = std::move(review);
  return out;
}

std::optional<ReportReview> review_of(const std::map<std::int64_t, ReportReview>& reviews, AuditReportId report) {
  const auto found = reviews.find(report.value);
  if (found == reviews.end()) return std::nullopt;
  return found->second;
}

}  // namespace

bool may_see_report(const Principal& who, const Audit& audit, const AuditReport& report) {
  return report.audit_id == audit.id && may_see_audit(who, audit) &&
         (!report.organisation_id || *report.organisation_id == who.organisation_id);
}

Result<AuditReportId> publish_report(Store& store, std::optional<OrganisationId> publisher, const Actor& actor,
                                     const NewReport& request) {
  if (!request.audit) return invalid_input("audit_id: choose the audit the report is of");
  auto audit = store.audit(*request.audit);
  if (!audit) return invalid_input("audit_id: there is no such audit");
  if (audit->kind == AuditKind::local_audit && publisher != audit->owner) {
    return invalid_input("audit_id: a local audit's reports are its own organisation's");
  }
  if (request.title.empty()) return invalid_input("title: give the report's title");
  if (!request.published_on) return invalid_input("published_on: enter the publication date as YYYY-MM-DD");
  AuditReport report;
  report.audit_id = audit->id;
  report.organisation_id = publisher;
  report.title = request.title;
  report.published_on = *request.published_on;
  report.link = request.link;
  if (!report.link.empty() && (!report.link.starts_with("https://") || report.link.size() <= 8 ||
                               report.link.find_first_of(" \t\r\n\"<>") != std::string::npos)) {
    return invalid_input("link: give the report's https:// address, or leave it empty");
  }
  int number = 0;
  for (const auto& text : request.recommendations) {
    if (text.empty()) continue;
    report.recommendations.push_back(Recommendation{++number, text});
  }
  CLINAUDIT_TRY(auto ids, store.add_audit_reports({report}, actor));
  return ids.front();
}

Result<AuditReportId> record_report(Store& store, const Principal& who, const Actor& actor, const NewReport& request) {
  if (!allows(who, Permission::record_reports)) return Error{ErrorCode::forbidden, "your role does not record reports"};
  if (!request.audit) return invalid_input("audit_id: choose the audit the report is of");
  auto audit = store.audit(*request.audit);
  if (!audit || !may_see_audit(who, *audit)) return Error{ErrorCode::not_found, "there is no such audit"};
  std::optional<OrganisationId> publisher = who.organisation_id;
  if (is_national_body(who) && audit->kind != AuditKind::local_audit) publisher.reset();
  return publish_report(store, publisher, actor, request);
}

Result<std::vector<ReportRow>> audit_report_list(Store& store, const Principal& who, AuditId audit_id) {
  auto audit = store.audit(audit_id);
  if (!audit || !may_see_audit(who, *audit)) return Error{ErrorCode::not_found, "there is no such audit"};
  CLINAUDIT_TRY(auto reports, store.audit_reports(audit_id));
  CLINAUDIT_TRY(auto reviews, store.report_reviews(who.organisation_id));
  const auto by_report = reviews_by_report(std::move(reviews));
  std::vector<ReportRow> rows;
  for (auto& report : reports) {
    if (!may_see_report(who, *audit, report)) continue;
    auto review = review_of(by_report, report.id);
    rows.push_back(ReportRow{*audit, std::move(report), std::move(review)});
  }
  return rows;
}

Result<std::vector<ReportRow>> report_register(Store& store, const Principal& who) {
  CLINAUDIT_TRY(auto reports, store.audit_reports(std::nullopt));
  CLINAUDIT_TRY(auto reviews, store.report_reviews(who.organisation_id));
  const auto by_report = reviews_by_report(std::move(reviews));
  std::map<std::int64_t, std::optional<Audit>> audits;
  // The national audits the organisation took part in, by financial year.
  std::map<int, std::set<std::int64_t>> taking_part;
  const auto took_part = [&](AuditId audit, FinancialYear year) -> Result<bool> {
    auto found = taking_part.find(year.start_year);
    if (found == taking_part.end()) {
      CLINAUDIT_TRY(auto rows, store.participation_of(who.organisation_id, year));
      std::set<std::int64_t> ids;
      for (const auto& row : rows) {
        if (row.participating.value_or(false)) ids.insert(row.audit_id.value);
      }
      found = taking_part.emplace(year.start_year, std::move(ids)).first;
    }
    return found->second.contains(audit.value);
  };
  std::vector<ReportRow> rows;
  for (auto& report : reports) {
    auto& audit = audits[report.audit_id.value];
    if (!audit) {
      CLINAUDIT_TRY(auto found, store.audit(report.audit_id));
      audit = std::move(found);
    }
    if (!may_see_report(who, *audit, report)) continue;
    auto review = review_of(by_report, report.id);
    bool ours = report.organisation_id.has_value() || review.has_value();
    if (!ours && is_national_body(who)) ours = true;
    if (!ours) {
      const auto year = FinancialYear::containing(report.published_on);
      CLINAUDIT_TRY(const bool now, took_part(report.audit_id, year));
      CLINAUDIT_TRY(const bool before, took_part(report.audit_id, year.previous()));
      ours = now || before;
    }
    if (ours) rows.push_back(ReportRow{*audit, std::move(report), std::move(review)});
  }
  std::reverse(rows.begin(), rows.end());  // newest first
  return rows;
}

Result<ReportDetails> report_details(Store& store, const Principal& who, AuditReportId id) {
  const Error missing{ErrorCode::not_found, "there is no such report"};
  auto report = store.audit_report(id);
  if (!report) return report.error().code == ErrorCode::not_found ? missing : report.error();
  CLINAUDIT_TRY(auto audit, store.audit(report->audit_id));
  if (!may_see_report(who, audit, *report)) return missing;
  CLINAUDIT_TRY(auto reviews, store.report_reviews(who.organisation_id));
  ReportDetails details;
  details.row = ReportRow{std::move(audit), std::move(*report), review_of(reviews_by_report(std::move(reviews)), id)};
  if (details.row.review) {
    CLINAUDIT_TRY(auto actions, store.actions(who.organisation_id));
    for (auto& action : actions) {
      if (action.source == ActionSource::report_review && action.source_id == details.row.review->id.value) {
        details.actions.push_back(std::move(action));
      }
    }
  }
  return details;
}

Result<ReportReviewId> review_report(Store& store, OrganisationId organisation, const Actor& actor,
                                     AuditReportId report_id, const NewReview& request) {
  const Error missing{ErrorCode::not_found, "there is no such report"};
  auto report = store.audit_report(report_id);
  if (!report) return report.error().code == ErrorCode::not_found ? missing : report.error();
  CLINAUDIT_TRY(auto audit, store.audit(report->audit_id));
  if (!visible_to(audit, organisation) || (report->organisation_id && *report->organisation_id != organisation)) {
    return missing;
  }
  if (!request.reviewed_on) return invalid_input("reviewed_on: enter the date of the review as YYYY-MM-DD");
  if (*request.reviewed_on < report->published_on) {
    return invalid_input("reviewed_on: the review cannot come before the report was published (" +
                         report->published_on.to_string() + ")");
  }
  if (request.committee.empty()) return invalid_input("committee: say which committee reviewed the report");
  CLINAUDIT_TRY(auto reviews, store.report_reviews(organisation));
  const auto existing = review_of(reviews_by_report(std::move(reviews)), report_id);
  ReportReview review = existing.value_or(ReportReview{});
  review.organisation_id = organisation;
  review.report_id = report_id;
  review.reviewed_on = request.reviewed_on;
  review.committee = request.committee;
  review.findings = request.findings;
  review.intended_actions = request.intended_actions;
  if (existing) {
    CLINAUDIT_TRY_VOID(store.update_report_review(review, actor));
    return review.id;
  }
  return store.add_report_review(review, actor);
}

Result<ReportReviewId> record_review(Store& store, const Principal& who, const Actor& actor, AuditReportId report,
                                     const NewReview& request) {
  if (!allows(who, Permission::record_reports)) return Error{ErrorCode::forbidden, "your role does not record reviews"};
  if (is_national_body(who)) {
    return Error{ErrorCode::forbidden, "reviews are recorded by the organisation that reviews the report"};
  }
  return review_report(store, who.organisation_id, actor, report, request);
}

Result<ActionId> raise_review_action(Store& store, const Principal& who, const Actor& actor, ReportReviewId review_id,
                                     NewAction action) {
  CLINAUDIT_TRY(auto reviews, store.report_reviews(who.organisation_id));
  const auto review =
      std::find_if(reviews.begin(), reviews.end(), [&](const ReportReview& row) { return row.id == review_id; });
  if (review == reviews.end()) return Error{ErrorCode::not_found, "there is no such review"};
  action.audit = review->audit_id;
  action.source = ActionSource::report_review;
  action.source_id = review->id.value;
  return raise_action(store, who, actor, action);
}

}  // namespace clinaudit::domain
