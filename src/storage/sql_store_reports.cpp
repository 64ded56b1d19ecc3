// Published audit reports and their recommendations in the SQL store.
#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_reports.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kReportColumns =
    "SELECT id, audit_id, organisation_id, title, published_on, link FROM audit_reports ";

domain::AuditReport read_report(const SqlRow& row) {
  return domain::AuditReport{.id = id_of<AuditReportId>(row, 0),
                             .audit_id = id_of<AuditId>(row, 1),
                             .organisation_id = optional_id<OrganisationId>(row, 2),
                             .title = row.text(3),
                             .published_on = date_of(row, 4),
                             .link = row.text(5),
                             .recommendations = {}};
}

std::vector<domain::Recommendation> load_recommendations(SqlSession& session, AuditReportId id) {
  return all_rows(
      session, "SELECT number, body FROM report_recommendations WHERE report_id = ? ORDER BY number",
      [](const SqlRow& row) {
        return domain::Recommendation{.number = static_cast<int>(row.int64(0)), .text = row.text(1)};
      },
      id);
}

std::string describe(const domain::AuditReport& row) { return "report '" + row.title + "'"; }

}  // namespace

domain::AuditReport load_report(SqlSession& session, AuditReportId id) {
  auto report = only_row(session, "report id " + std::to_string(id.value) + " does not exist",
                         std::string(kReportColumns) + "WHERE id = ?", read_report, id);
  report.recommendations = load_recommendations(session, id);
  return report;
}

AuditReportId insert_report(SqlSession& session, const domain::AuditReport& row, const domain::Actor& actor) {
  ensure(domain::check(row));
  require_row(session, "audits", row.audit_id.value, describe(row) + ": audit");
  if (row.organisation_id)
    require_row(session, "organisations", row.organisation_id->value, describe(row) + ": organisation");
  domain::AuditReport stored = row;
  stored.id = AuditReportId{unique(describe(row) + " is already recorded for this audit", [&] {
    return insert(session,
                  "INSERT INTO audit_reports (audit_id, organisation_id, title, published_on, link) "
                  "VALUES (?, ?, ?, ?, ?) RETURNING id",
                  row.audit_id, row.organisation_id, row.title, row.published_on, row.link);
  })};
  for (const auto& recommendation : row.recommendations) {
    execute(session, "INSERT INTO report_recommendations (report_id, number, body) VALUES (?, ?, ?)", stored.id,
            static_cast<std::int64_t>(recommendation.number), recommendation.text);
  }
  const auto after = record_json(stored);
  append_audit_log(session, actor, "create", "audit_report", std::to_string(stored.id.value), nullptr, &after);
  return stored.id;
}

domain::ReportReview attach_report(SqlSession& session, domain::ReportReview review, const domain::Actor& actor) {
  if (!review.report_id.valid()) {
    require_row(session, "audits", review.audit_id.value, "review of '" + review.report_title + "': audit");
    const auto own = first_row(
        session, "SELECT id FROM audit_reports WHERE audit_id = ? AND organisation_id = ? AND title = ?",
        [](const SqlRow& row) { return AuditReportId{row.int64(0)}; }, review.audit_id, review.organisation_id,
        review.report_title);
    if (own) {
      review.report_id = *own;
    } else {
      review.report_id = insert_report(session,
                                       domain::AuditReport{.id = {},
                                                           .audit_id = review.audit_id,
                                                           .organisation_id = review.organisation_id,
                                                           .title = review.report_title,
                                                           .published_on = review.published_on,
                                                           .link = "",
                                                           .recommendations = {}},
                                       actor);
    }
  }
  const auto report = load_report(session, review.report_id);
  // Another organisation's report reads as one that does not exist.
  if (report.organisation_id && *report.organisation_id != review.organisation_id) {
    fail(ErrorCode::not_found, "report id " + std::to_string(review.report_id.value) + " does not exist");
  }
  review.audit_id = report.audit_id;
  review.report_title = report.title;
  review.published_on = report.published_on;
  return review;
}

Result<std::vector<AuditReportId>> SqlStore::add_audit_reports(const std::vector<domain::AuditReport>& rows,
                                                               const domain::Actor& actor) {
  return write("adding reports", [&](SqlSession& session) {
    std::vector<AuditReportId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) ids.push_back(insert_report(session, row, actor));
    return ids;
  });
}

Result<domain::AuditReport> SqlStore::audit_report(AuditReportId id) {
  return read("reading a report", [&](SqlSession& session) { return load_report(session, id); });
}

Result<std::vector<domain::AuditReport>> SqlStore::audit_reports(std::optional<AuditId> audit) {
  return read("reading reports", [&](SqlSession& session) {
    auto reports = all_rows(
        session,
        std::string(kReportColumns) + "WHERE CAST(?1 AS BIGINT) IS NULL OR audit_id = ?1 ORDER BY published_on, id",
        read_report, audit);
    for (auto& report : reports) report.recommendations = load_recommendations(session, report.id);
    return reports;
  });
}

}  // namespace clinaudit::storage
