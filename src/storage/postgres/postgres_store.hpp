#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::storage::postgres {

class PgConnectionPool;

struct PostgresOptions {
  // Connections this process opens at most: one per concurrent caller. With several app
  // servers, their sum must stay below the server's max_connections (docs/operations.md).
  std::size_t max_connections = 8;
};

// Opens the PostgreSQL database at `url` (a libpq URI, "postgresql://user@host:5432/db", or a
// keyword string "host=... dbname=..."), applies the pending migrations in one transaction
// under an advisory lock (so that several app servers can start at once) and returns the
// store. A libpq `options=-c search_path=NAME` in the URL puts the tables in that schema.
// Errors: storage_unavailable when the server cannot be reached or a migration fails;
// conflict when the database was written by a newer clinaudit (its schema version is higher
// than this binary knows), naming both versions.
Result<std::unique_ptr<domain::Store>> open_postgres_store(std::string_view url);
Result<std::unique_ptr<domain::Store>> open_postgres_store(std::string_view url, const PostgresOptions& options);

// The Store port on a PostgreSQL server (libpqxx). Every call borrows one pooled connection
// and runs in one transaction with its audit-log entries, so it is safe from any number of
// threads, and any number of processes may share the database. Reads see committed data
// only. Constraint violations become conflict (duplicate natural key) or not_found (unknown
// reference), naming the record; a lost connection becomes storage_unavailable and the next
// call reconnects.
class PostgresStore final : public domain::Store {
 public:
  explicit PostgresStore(std::unique_ptr<PgConnectionPool> pool);
  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  Result<std::vector<OrganisationId>> add_organisations(const std::vector<domain::Organisation>& rows,
                                                        const domain::Actor& actor) override;
  Result<void> update_organisation(const domain::Organisation& row, const domain::Actor& actor) override;
  Result<domain::Organisation> organisation(OrganisationId id) override;
  Result<domain::Organisation> organisation_by_code(std::string_view code) override;
  Result<std::vector<domain::Organisation>> organisations() override;

  Result<UserId> add_user(const domain::User& user, const domain::Actor& actor) override;
  Result<void> update_user(const domain::User& user, const domain::Actor& actor) override;
  Result<domain::User> user(UserId id) override;
  Result<domain::User> user_by_email(std::string_view email) override;
  Result<std::vector<domain::User>> users(std::optional<OrganisationId> organisation) override;
  Result<void> create_session(const domain::Session& session) override;
  Result<domain::Session> session(std::string_view token_hash) override;
  Result<void> delete_session(std::string_view token_hash) override;
  Result<void> delete_sessions_expired_before(std::string_view iso_time) override;

  Result<std::vector<AuditId>> add_audits(const std::vector<domain::Audit>& rows, const domain::Actor& actor) override;
  Result<void> update_audit(const domain::Audit& row, const domain::Actor& actor) override;
  Result<domain::Audit> audit(AuditId id) override;
  Result<domain::Audit> audit_by_code(std::string_view code) override;
  Result<std::vector<domain::Audit>> audits(const domain::AuditFilter& filter) override;
  Result<void> set_qa_list(const std::vector<domain::QaListEntry>& rows, const domain::Actor& actor) override;
  Result<std::vector<domain::QaListEntry>> qa_list(FinancialYear year) override;

  Result<void> upsert_participation(const std::vector<domain::Participation>& rows,
                                    const domain::Actor& actor) override;
  Result<std::vector<domain::Participation>> participation_of(OrganisationId organisation, FinancialYear year) override;
  Result<std::vector<domain::Participation>> participation_in(AuditId audit, FinancialYear year) override;

  Result<MeasureId> add_measure(const domain::Measure& measure, const domain::Actor& actor) override;
  Result<domain::Measure> measure(MeasureId id) override;
  Result<std::vector<domain::Measure>> measures_of(AuditId audit) override;
  Result<void> add_results(const std::vector<domain::MeasureResult>& rows, const domain::Actor& actor) override;
  Result<std::vector<domain::MeasureResult>> results_of(MeasureId measure,
                                                        std::optional<OrganisationId> organisation) override;

  Result<std::unique_ptr<domain::EpisodeWriter>> begin_episodes(AuditId audit, std::vector<std::string> covariates,
                                                                const domain::Actor& actor) override;
  Result<domain::EpisodeColumns> episodes(AuditId audit, Date from, Date to) override;

  Result<ReportReviewId> add_report_review(const domain::ReportReview& row, const domain::Actor& actor) override;
  Result<void> update_report_review(const domain::ReportReview& row, const domain::Actor& actor) override;
  Result<std::vector<domain::ReportReview>> report_reviews(OrganisationId organisation) override;
  Result<ActionId> add_action(const domain::Action& row, const domain::Actor& actor) override;
  Result<void> update_action(const domain::Action& row, const domain::Actor& actor) override;
  Result<domain::Action> action(ActionId id) override;
  Result<std::vector<domain::Action>> actions(OrganisationId organisation) override;
  Result<BoardMeetingId> add_board_meeting(const domain::BoardMeetingRecord& record,
                                           const domain::Actor& actor) override;
  Result<std::vector<domain::BoardMeeting>> board_meetings(OrganisationId organisation) override;
  Result<std::vector<domain::BoardItem>> board_items(BoardMeetingId meeting) override;

  Result<OutlierCaseId> add_outlier_case(const domain::OutlierCase& row, const domain::Actor& actor) override;
  Result<void> update_outlier_case(const domain::OutlierCase& row, const domain::OutlierEvent& event,
                                   const domain::Actor& actor) override;
  Result<domain::OutlierCase> outlier_case(OutlierCaseId id) override;
  Result<std::vector<domain::OutlierCase>> outlier_cases(std::optional<OrganisationId> organisation,
                                                         std::optional<AuditId> audit) override;
  Result<std::vector<domain::OutlierEvent>> outlier_events(OutlierCaseId id) override;

  Result<std::int64_t> add_outlier_timetable(const domain::OutlierTimetableVersion& version,
                                             const domain::Actor& actor) override;
  Result<std::optional<domain::OutlierTimetableVersion>> current_outlier_timetable() override;
  Result<domain::RecordedAnalysisRun> add_analysis_run(const domain::AnalysisRunRecord& run,
                                                       const std::vector<domain::StoredCusumAlert>& alerts,
                                                       const domain::Actor& actor) override;
  Result<std::vector<domain::AnalysisRunRecord>> analysis_runs(AuditId audit) override;
  Result<std::vector<domain::StoredCusumAlert>> cusum_alerts(std::optional<OrganisationId> organisation,
                                                             std::optional<AuditId> audit) override;
  Result<std::vector<domain::OutlierTimetableVersion>> outlier_timetables() override;

  Result<SurveyId> add_survey(const domain::Survey& survey, const domain::Actor& actor) override;
  Result<domain::Survey> survey(SurveyId id) override;
  Result<std::vector<domain::Survey>> surveys() override;
  Result<void> add_survey_responses(const std::vector<domain::SurveyResponse>& rows,
                                    const domain::Actor& actor) override;
  Result<std::vector<domain::SurveyResponse>> survey_responses(SurveyId survey) override;
  Result<std::vector<std::int64_t>> add_survey_invitations(const std::vector<domain::SurveyInvitation>& rows,
                                                           const domain::Actor& actor) override;
  Result<domain::SurveyInvitation> survey_invitation(std::string_view token_hash) override;
  Result<std::int64_t> submit_survey_response(std::string_view token_hash, const domain::SurveyResponse& response,
                                              const domain::Actor& actor) override;

  Result<std::vector<domain::AuditLogEntry>> audit_log(std::string_view entity, std::int64_t limit) override;
  Result<void> log_event(const domain::AuditLogEntry& entry) override;

 private:
  std::unique_ptr<PgConnectionPool> pool_;
};

}  // namespace clinaudit::storage::postgres
