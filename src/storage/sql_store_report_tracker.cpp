// The report tracker in the SQL store: assignments of reports to their leads, the baseline
// assessments of recommendations (only ever added) and the weeks a review is due after.
#include <nlohmann/json.hpp>

#include "domain/report_tracking.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kAssignmentColumns =
    "SELECT a.id, a.organisation_id, a.report_id, a.lead_user_id, a.lead_name, a.deadline, a.assigned_at, "
    "a.assigned_by, r.audit_id, r.title, r.published_on "
    "FROM report_assignments a JOIN audit_reports r ON r.id = a.report_id ";
constexpr const char* kAssessmentColumns =
    "SELECT id, organisation_id, report_id, number, compliance, evidence, assessed_by_user, assessed_by, assessed_at "
    "FROM recommendation_assessments ";

domain::ReportAssignment read_assignment(const SqlRow& row) {
  return domain::ReportAssignment{.id = row.int64(0),
                                  .organisation_id = id_of<OrganisationId>(row, 1),
                                  .report_id = id_of<AuditReportId>(row, 2),
                                  .lead = optional_id<UserId>(row, 3),
                                  .lead_name = row.text(4),
                                  .deadline = date_of(row, 5),
                                  .assigned_at = row.text(6),
                                  .assigned_by = row.text(7),
                                  .audit_id = id_of<AuditId>(row, 8),
                                  .report_title = row.text(9),
                                  .published_on = date_of(row, 10)};
}

domain::RecommendationAssessment read_assessment(const SqlRow& row) {
  return domain::RecommendationAssessment{.id = row.int64(0),
                                          .organisation_id = id_of<OrganisationId>(row, 1),
                                          .report_id = id_of<AuditReportId>(row, 2),
                                          .number = static_cast<int>(row.int64(3)),
                                          .compliance = enum_of(row, 4, domain::parse_compliance),
                                          .evidence = row.text(5),
                                          .assessed_by_user = optional_id<UserId>(row, 6),
                                          .assessed_by = row.text(7),
                                          .assessed_at = row.text(8)};
}

nlohmann::json assignment_json(const domain::ReportAssignment& row) {
  return {{"id", row.id},
          {"organisation_id", row.organisation_id.value},
          {"report_id", row.report_id.value},
          {"lead_user_id", row.lead ? nlohmann::json(row.lead->value) : nlohmann::json()},
          {"lead_name", row.lead_name},
          {"deadline", row.deadline.to_string()},
          {"assigned_at", row.assigned_at},
          {"assigned_by", row.assigned_by}};
}

nlohmann::json assessment_json(const domain::RecommendationAssessment& row) {
  return {{"id", row.id},
          {"organisation_id", row.organisation_id.value},
          {"report_id", row.report_id.value},
          {"number", row.number},
          {"compliance", domain::to_string(row.compliance)},
          {"evidence", row.evidence},
          {"assessed_by_user", row.assessed_by_user ? nlohmann::json(row.assessed_by_user->value) : nlohmann::json()},
          {"assessed_by", row.assessed_by},
          {"assessed_at", row.assessed_at}};
}

}  // namespace

Result<void> SqlStore::set_report_assignment(const domain::ReportAssignment& row, const domain::Actor& actor) {
  return write("assigning a report", [&](SqlSession& session) {
    ensure(domain::check(row));
    const std::string what = "assignment of report id " + std::to_string(row.report_id.value) + ": ";
    require_row(session, "organisations", row.organisation_id.value, what + "organisation");
    require_row(session, "audit_reports", row.report_id.value, what + "report");
    if (row.lead) require_row(session, "users", row.lead->value, what + "lead user");
    const auto before =
        first_row(session, std::string(kAssignmentColumns) + "WHERE a.organisation_id = ? AND a.report_id = ?",
                  read_assignment, row.organisation_id, row.report_id);
    domain::ReportAssignment stored = row;
    if (before) {
      stored.id = before->id;
      execute(session,
              "UPDATE report_assignments SET lead_user_id = ?, lead_name = ?, deadline = ?, assigned_at = ?, "
              "assigned_by = ? WHERE id = ?",
              stored.lead, stored.lead_name, stored.deadline, stored.assigned_at, stored.assigned_by, stored.id);
    } else {
      stored.id =
          insert(session,
                 "INSERT INTO report_assignments (organisation_id, report_id, lead_user_id, lead_name, deadline, "
                 "assigned_at, assigned_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 stored.organisation_id, stored.report_id, stored.lead, stored.lead_name, stored.deadline,
                 stored.assigned_at, stored.assigned_by);
    }
    const auto after = assignment_json(stored);
    if (before) {
      const auto old = assignment_json(*before);
      append_audit_log(session, actor, "update", "report_assignment", std::to_string(stored.id), &old, &after);
    } else {
      append_audit_log(session, actor, "create", "report_assignment", std::to_string(stored.id), nullptr, &after);
    }
  });
}

Result<std::vector<domain::ReportAssignment>> SqlStore::report_assignments(OrganisationId organisation) {
  return read("reading report assignments", [&](SqlSession& session) {
    return all_rows(session, std::string(kAssignmentColumns) + "WHERE a.organisation_id = ? ORDER BY a.report_id",
                    read_assignment, organisation);
  });
}

Result<std::int64_t> SqlStore::add_recommendation_assessment(const domain::RecommendationAssessment& row,
                                                             const domain::Actor& actor) {
  return write("assessing a recommendation", [&](SqlSession& session) {
    ensure(domain::check(row));
    const std::string what = "assessment of recommendation " + std::to_string(row.number) + ": ";
    require_row(session, "organisations", row.organisation_id.value, what + "organisation");
    require_row(session, "audit_reports", row.report_id.value, what + "report");
    if (row.assessed_by_user) require_row(session, "users", row.assessed_by_user->value, what + "user");
    const auto exists = first_row(
        session, "SELECT id FROM report_recommendations WHERE report_id = ? AND number = ?",
        [](const SqlRow& found) { return found.int64(0); }, row.report_id, row.number);
    if (!exists) {
      fail(ErrorCode::not_found,
           "report id " + std::to_string(row.report_id.value) + " has no recommendation " + std::to_string(row.number));
    }
    domain::RecommendationAssessment stored = row;
    stored.id = insert(session,
                       "INSERT INTO recommendation_assessments (organisation_id, report_id, number, compliance, "
                       "evidence, assessed_by_user, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                       "RETURNING id",
                       stored.organisation_id, stored.report_id, stored.number, domain::to_string(stored.compliance),
                       stored.evidence, stored.assessed_by_user, stored.assessed_by, stored.assessed_at);
    const auto after = assessment_json(stored);
    append_audit_log(session, actor, "create", "recommendation_assessment", std::to_string(stored.id), nullptr, &after);
    return stored.id;
  });
}

Result<std::vector<domain::RecommendationAssessment>> SqlStore::recommendation_assessments(
    OrganisationId organisation, std::optional<AuditReportId> report) {
  return read("reading recommendation assessments", [&](SqlSession& session) {
    if (report) {
      return all_rows(
          session,
          std::string(kAssessmentColumns) + "WHERE organisation_id = ? AND report_id = ? ORDER BY assessed_at, id",
          read_assessment, organisation, *report);
    }
    return all_rows(session, std::string(kAssessmentColumns) + "WHERE organisation_id = ? ORDER BY assessed_at, id",
                    read_assessment, organisation);
  });
}

Result<std::optional<int>> SqlStore::report_review_weeks(OrganisationId organisation) {
  return read("reading the report review weeks", [&](SqlSession& session) {
    return first_row(
        session, "SELECT review_weeks FROM report_tracker_settings WHERE organisation_id = ?",
        [](const SqlRow& row) { return static_cast<int>(row.int64(0)); }, organisation);
  });
}

Result<void> SqlStore::set_report_review_weeks(OrganisationId organisation, int weeks, const domain::Actor& actor) {
  return write("setting the report review weeks", [&](SqlSession& session) {
    require_row(session, "organisations", organisation.value, "report review weeks: organisation");
    const auto before = first_row(
        session, "SELECT review_weeks FROM report_tracker_settings WHERE organisation_id = ?",
        [](const SqlRow& row) { return row.int64(0); }, organisation);
    if (before) {
      execute(session, "UPDATE report_tracker_settings SET review_weeks = ? WHERE organisation_id = ?", weeks,
              organisation);
    } else {
      execute(session, "INSERT INTO report_tracker_settings (organisation_id, review_weeks) VALUES (?, ?)",
              organisation, weeks);
    }
    const nlohmann::json after{{"organisation_id", organisation.value}, {"review_weeks", weeks}};
    const nlohmann::json old{{"organisation_id", organisation.value}, {"review_weeks", before.value_or(0)}};
    append_audit_log(session, actor, before ? "update" : "create", "report_tracker_settings",
                     std::to_string(organisation.value), before ? &old : nullptr, &after);
  });
}

}  // namespace clinaudit::storage
