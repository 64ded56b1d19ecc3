#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "storage/sqlite/sqlite_file_lock.hpp"
#include "storage/sqlite/sqlite_migrations.hpp"

namespace clinaudit::storage::sqlite {

// The embedded store: one SQLite file in WAL mode with foreign keys on and
// synchronous=FULL, so a committed write survives a crash or power cut (docs/operations.md).
//
// open() creates the file when missing and applies pending migrations; it refuses a
// database whose schema is newer than this binary. The store holds one connection behind
// a mutex, so it is safe from any number of threads; an EpisodeWriter uses a connection of
// its own so that a long import does not block readers (other writers wait for it, up to
// the busy timeout, then fail with storage_unavailable).
//
// While a store is open it holds a shared lock on "PATH-lock", which is how
// `clinaudit db restore` knows that a server is using the file.
class SqliteStore final : public domain::Store {
 public:
  // Errors: storage_unavailable when the file cannot be opened or is not a clinaudit
  // database; conflict when its schema is newer than this binary.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  const std::string& path() const { return path_; }
  // What open() found and applied.
  const MigrationReport& migration_report() const { return migrations_; }

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
  SqliteStore(std::string path, FileLock lock);

  // Appends one audit-log entry on the store's connection (inside the caller's transaction).
  // `before`/`after` may be null for a creation's before or a deletion's after.
  void log_change(const domain::Actor& actor, std::string_view action, std::string_view entity, std::string_view key,
                  const nlohmann::json* before, const nlohmann::json* after);

  // Readers used inside transactions; they throw StoreFailure(not_found) when absent.
  domain::Organisation load_organisation(OrganisationId id);
  domain::User load_user(UserId id);
  domain::Audit load_audit(AuditId id);
  domain::Measure load_measure(MeasureId id);
  domain::Action load_action(ActionId id);
  domain::OutlierCase load_outlier_case(OutlierCaseId id);
  domain::ReportReview load_report_review(ReportReviewId id);
  domain::Survey load_survey(SurveyId id);

  // Checks and inserts one action with its audit-log entry, inside the caller's transaction.
  ActionId insert_action(const domain::Action& row, const domain::Actor& actor);

  std::string path_;
  FileLock lock_;
  std::mutex mutex_;  // one connection, shared by the server's worker threads
  SQLite::Database db_;
  MigrationReport migrations_;
};

}  // namespace clinaudit::storage::sqlite
