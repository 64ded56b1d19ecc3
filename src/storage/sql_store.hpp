#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "storage/document_files.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// Moves Store::data_version on, inside the caller's transaction (an episode import) or in
// the driver's way for a write (SqlDriver::run_marked_write).
void move_data_version_on(SqlSession& session);

// The Store port, written once in SQL over a SqlDriver (storage/sqlite or
// storage/postgres; docs/architecture.md, "Storage"). Every method runs in one transaction
// of the driver's, with its audit-log entries; a write checks its records with the domain's
// rules (domain/entity_checks.hpp) and its references before it writes, so each database
// refuses the same input with the same message. A transaction that fails for a transient
// reason (a serialization failure, a busy database) is run again, a few times at most.
// Safe from any number of threads: the driver hands each transaction its own connection or
// serialises them.
class SqlStore final : public domain::Store {
 public:
  // `files`: where documents' bytes are kept; none, in the database.
  explicit SqlStore(std::unique_ptr<SqlDriver> driver, std::optional<DocumentFiles> files = std::nullopt);
  ~SqlStore() override;
  SqlStore(const SqlStore&) = delete;
  SqlStore& operator=(const SqlStore&) = delete;

  Result<std::vector<OrganisationId>> add_organisations(const std::vector<domain::Organisation>& rows,
                                                        const domain::Actor& actor) override;
  Result<void> update_organisation(const domain::Organisation& row, const domain::Actor& actor) override;
  Result<domain::Organisation> organisation(OrganisationId id) override;
  Result<domain::Organisation> organisation_by_code(std::string_view code) override;
  Result<std::vector<domain::Organisation>> organisations() override;
  Result<SupplierId> add_supplier(const domain::AuditSupplier& row, const domain::Actor& actor) override;
  Result<std::vector<domain::AuditSupplier>> suppliers() override;
  Result<void> set_chief_executive(OrganisationId organisation, std::optional<UserId> user,
                                   const domain::Actor& actor) override;

  Result<UserId> add_user(const domain::User& user, const domain::Actor& actor) override;
  Result<void> update_user(const domain::User& user, const domain::Actor& actor) override;
  Result<domain::User> user(UserId id) override;
  Result<domain::User> user_by_email(std::string_view email) override;
  Result<std::vector<domain::User>> users(std::optional<OrganisationId> organisation) override;
  Result<void> create_session(const domain::Session& session) override;
  Result<domain::Session> session(std::string_view token_hash) override;
  Result<void> delete_session(std::string_view token_hash) override;
  Result<void> delete_sessions_expired_before(std::string_view iso_time) override;
  Result<void> add_password_reset(const domain::PasswordReset& reset, const domain::Actor& actor) override;
  Result<domain::PasswordReset> password_reset(std::string_view token_hash) override;
  Result<UserId> use_password_reset(std::string_view token_hash, std::string_view password_hash, std::string_view now,
                                    const domain::Actor& actor) override;
  Result<bool> reserve_sign_in_attempt(std::string_view key, std::int64_t limit, std::string_view now,
                                       std::string_view window_began_by) override;
  Result<void> release_sign_in_attempt(std::string_view key) override;
  Result<void> reset_sign_in_attempts(std::string_view key) override;
  Result<domain::PendingImportHeld> hold_pending_import(std::string_view token_hash, UserId owner,
                                                        const domain::PendingImport& file,
                                                        const domain::PendingImportBudget& budget, std::string_view now,
                                                        std::string_view expires_at) override;
  Result<std::optional<domain::PendingImport>> take_pending_import(std::string_view token_hash, UserId owner,
                                                                   std::string_view now) override;
  Result<domain::PendingImportTotals> pending_import_totals(std::string_view now) override;

  Result<std::vector<AuditId>> add_audits(const std::vector<domain::Audit>& rows, const domain::Actor& actor) override;
  Result<void> update_audit(const domain::Audit& row, const domain::Actor& actor) override;
  Result<domain::Audit> audit(AuditId id) override;
  Result<domain::Audit> audit_by_code(std::string_view code) override;
  Result<std::vector<domain::Audit>> audits(const domain::AuditFilter& filter) override;
  Result<void> set_qa_list(const std::vector<domain::QaListEntry>& rows, const domain::Actor& actor) override;
  Result<std::vector<domain::QaListEntry>> qa_list(FinancialYear year) override;
  Result<void> remove_from_qa_list(AuditId audit, FinancialYear year, const domain::Actor& actor) override;

  Result<void> upsert_participation(const std::vector<domain::Participation>& rows,
                                    const domain::Actor& actor) override;
  Result<std::vector<domain::Participation>> participation_of(OrganisationId organisation, FinancialYear year) override;
  Result<std::vector<domain::Participation>> participation_in(AuditId audit, FinancialYear year) override;

  Result<MeasureId> add_measure(const domain::Measure& measure, const domain::Actor& actor) override;
  Result<domain::Measure> measure(MeasureId id) override;
  Result<std::vector<domain::Measure>> measures_of(AuditId audit) override;
  Result<std::vector<MeasureId>> add_measures(const std::vector<domain::Measure>& rows,
                                              const domain::Actor& actor) override;
  Result<void> update_measure(const domain::Measure& measure, const domain::Actor& actor) override;
  Result<void> add_results(const std::vector<domain::MeasureResult>& rows, const domain::Actor& actor) override;
  Result<std::vector<domain::MeasureResult>> results_of(MeasureId measure,
                                                        std::optional<OrganisationId> organisation) override;

  Result<std::unique_ptr<domain::EpisodeWriter>> begin_episodes(AuditId audit, std::vector<std::string> columns,
                                                                const domain::Actor& actor) override;
  Result<domain::EpisodeColumns> episodes(AuditId audit, Date from, Date to) override;
  Result<void> set_dataset(const domain::Dataset& dataset, const domain::Actor& actor) override;
  Result<domain::Dataset> dataset(AuditId audit) override;

  Result<ReportReviewId> add_report_review(const domain::ReportReview& row, const domain::Actor& actor) override;
  Result<void> update_report_review(const domain::ReportReview& row, const domain::Actor& actor) override;
  Result<std::vector<domain::ReportReview>> report_reviews(OrganisationId organisation) override;
  Result<std::vector<AuditReportId>> add_audit_reports(const std::vector<domain::AuditReport>& rows,
                                                       const domain::Actor& actor) override;
  Result<void> set_report_assignment(const domain::ReportAssignment& row, const domain::Actor& actor) override;
  Result<std::vector<domain::ReportAssignment>> report_assignments(OrganisationId organisation) override;
  Result<std::int64_t> add_recommendation_assessment(const domain::RecommendationAssessment& row,
                                                     const domain::Actor& actor) override;
  Result<std::vector<domain::RecommendationAssessment>> recommendation_assessments(
      OrganisationId organisation, std::optional<AuditReportId> report) override;
  Result<std::optional<int>> report_review_weeks(OrganisationId organisation) override;
  Result<void> set_report_review_weeks(OrganisationId organisation, int weeks, const domain::Actor& actor) override;
  Result<std::vector<NiceGuidanceId>> add_nice_guidance(const std::vector<domain::NiceGuidance>& rows,
                                                        const domain::Actor& actor) override;
  Result<void> update_nice_guidance(const domain::NiceGuidance& row, const domain::Actor& actor) override;
  Result<NiceRecommendationId> add_nice_recommendation(NiceGuidanceId guidance, const domain::NiceRecommendation& row,
                                                       const domain::Actor& actor) override;
  Result<std::vector<domain::NiceGuidance>> nice_guidance(OrganisationId organisation) override;
  Result<domain::NiceGuidance> nice_guidance_item(NiceGuidanceId id) override;
  Result<std::int64_t> add_nice_assessment(const domain::NiceAssessment& row, const domain::Actor& actor) override;
  Result<std::vector<domain::NiceAssessment>> nice_assessments(OrganisationId organisation,
                                                               std::optional<NiceGuidanceId> guidance) override;
  Result<void> set_nice_audit_link(NiceGuidanceId guidance, AuditId audit, bool linked,
                                   const domain::Actor& actor) override;
  Result<domain::AuditReport> audit_report(AuditReportId id) override;
  Result<std::vector<domain::AuditReport>> audit_reports(std::optional<AuditId> audit) override;
  Result<std::vector<ReportReviewId>> add_report_reviews(const std::vector<domain::ReportReview>& rows,
                                                         const domain::Actor& actor) override;
  Result<ActionId> add_action(const domain::Action& row, const domain::Actor& actor) override;
  Result<void> update_action(const domain::Action& row, const domain::Actor& actor) override;
  Result<domain::Action> action(ActionId id) override;
  Result<void> record_action_event(const domain::Action& row, const domain::ActionEvent& event,
                                   const domain::Actor& actor) override;
  Result<std::vector<domain::ActionEvent>> action_events(ActionId id) override;

  Result<TrustUnitId> add_trust_unit(const domain::TrustUnit& unit, const domain::Actor& actor) override;
  Result<void> update_trust_unit(const domain::TrustUnit& unit, const domain::Actor& actor) override;
  Result<std::vector<domain::TrustUnit>> trust_units(OrganisationId organisation) override;
  Result<AuditId> add_local_audit_entry(const domain::Audit& audit, const domain::LocalAuditEntry& entry,
                                        const domain::LocalAuditEvent& event, const domain::Actor& actor) override;
  Result<void> record_local_audit_event(const domain::Audit& audit, const domain::LocalAuditEntry& entry,
                                        const domain::LocalAuditEvent& event, const domain::Actor& actor) override;
  Result<std::vector<domain::LocalAuditEntry>> local_audit_entries(OrganisationId organisation) override;
  Result<std::optional<domain::LocalAuditEntry>> local_audit_entry(AuditId audit) override;
  Result<std::vector<domain::LocalAuditEvent>> local_audit_events(AuditId audit) override;
  Result<std::vector<domain::Action>> actions(OrganisationId organisation) override;
  Result<BoardMeetingId> add_board_meeting(const domain::BoardMeetingRecord& record,
                                           const domain::Actor& actor) override;
  Result<void> record_board_meeting_outcome(const domain::BoardMeetingRecord& record,
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
  Result<void> put_cusum_monitoring(const domain::CusumMonitoringRecord& monitoring,
                                    const domain::Actor& actor) override;
  Result<std::vector<domain::CusumMonitoringRecord>> cusum_monitoring(
      std::optional<OrganisationId> organisation) override;
  Result<std::vector<domain::StoredCusumAlert>> cusum_alerts(std::optional<OrganisationId> organisation,
                                                             std::optional<AuditId> audit) override;
  Result<void> put_provider_cusum(const domain::ProviderCusumRecord& record, const domain::Actor& actor) override;
  Result<std::vector<domain::ProviderCusumRecord>> provider_cusum(AuditId audit, std::optional<FinancialYear> year,
                                                                  std::optional<OrganisationId> organisation) override;
  Result<void> put_measure_charts(MeasureId measure, const std::vector<domain::StoredMeasureChart>& charts,
                                  const std::vector<OrganisationId>& removed, const domain::Actor& actor) override;
  Result<std::vector<domain::StoredMeasureChart>> measure_charts(std::optional<MeasureId> measure,
                                                                 std::optional<OrganisationId> organisation) override;
  Result<void> put_measure_funnels(MeasureId measure, const std::vector<domain::StoredMeasureFunnel>& funnels,
                                   const domain::Actor& actor) override;
  Result<std::vector<domain::StoredMeasureFunnel>> measure_funnels(AuditId audit,
                                                                   std::optional<MeasureId> measure) override;
  Result<std::vector<domain::StoredMeasureFunnel>> measure_funnel_views(MeasureId measure,
                                                                        std::optional<std::string> checksum) override;
  Result<std::vector<domain::OutlierTimetableVersion>> outlier_timetables() override;

  Result<std::vector<domain::Criterion>> criteria_of(AuditId audit) override;
  Result<domain::Criterion> criterion(CriterionId id) override;
  Result<CriterionId> add_criterion(const domain::Criterion& row, const domain::Actor& actor) override;
  Result<void> update_criterion(const domain::Criterion& row, const domain::Actor& actor) override;
  Result<void> move_criterion(CriterionId id, int step, const domain::Actor& actor) override;
  Result<void> remove_criterion(CriterionId id, const domain::Actor& actor) override;
  Result<void> record_criterion_results(AuditId audit, const std::vector<domain::Criterion>& rows,
                                        const domain::Actor& actor) override;

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

  Result<std::int64_t> add_action_document(const domain::EvidenceDocument& document, std::string_view content,
                                           const domain::ActionEvent& event, const domain::Actor& actor) override;
  Result<std::int64_t> add_outlier_document(const domain::EvidenceDocument& document, std::string_view content,
                                            const domain::OutlierEvent& event, const domain::Actor& actor) override;
  Result<std::vector<domain::EvidenceDocument>> documents(domain::DocumentOwner owner, std::int64_t owner_id) override;
  Result<domain::EvidenceDocument> document(std::int64_t id) override;
  Result<std::string> document_content(std::int64_t id) override;

  Result<std::vector<domain::AuditLogEntry>> audit_log(std::string_view entity, std::int64_t limit) override;
  Result<void> log_event(const domain::AuditLogEntry& entry) override;
  Result<std::int64_t> data_version() override;

 private:
  // Runs `body(session)` in one transaction and returns its value, or the Error that
  // stopped it (a StoreFailure's own, a constraint's, or the driver's reading of its
  // exception, prefixed by `doing`).
  template <typename Body>
  auto transact(SqlDriver::Access access, std::string_view doing, Body&& body)
      -> Result<std::invoke_result_t<Body&, SqlSession&>> {
    using T = std::invoke_result_t<Body&, SqlSession&>;
    if constexpr (std::is_void_v<T>) {
      return run(access, doing, [&](SqlSession& session) { body(session); });
    } else {
      std::optional<T> value;
      CLINAUDIT_TRY_VOID(run(access, doing, [&](SqlSession& session) { value = body(session); }));
      return std::move(*value);
    }
  }
  // A change of the records pages show: moves the data version on with it (the driver says
  // how: SqlDriver::run_marked_write).
  template <typename Body>
  auto write(std::string_view doing, Body&& body) -> Result<std::invoke_result_t<Body&, SqlSession&>> {
    using T = std::invoke_result_t<Body&, SqlSession&>;
    if constexpr (std::is_void_v<T>) {
      return run(
          SqlDriver::Access::write, doing, [&](SqlSession& session) { body(session); }, move_data_version_on);
    } else {
      std::optional<T> value;
      CLINAUDIT_TRY_VOID(run(
          SqlDriver::Access::write, doing, [&](SqlSession& session) { value = body(session); }, move_data_version_on));
      return std::move(*value);
    }
  }
  // Bookkeeping no page shows (sessions, sign-in counts, files awaiting confirmation): the
  // data version stays.
  template <typename Body>
  auto write_bookkeeping(std::string_view doing, Body&& body) {
    return transact(SqlDriver::Access::write, doing, std::forward<Body>(body));
  }
  template <typename Body>
  auto read(std::string_view doing, Body&& body) {
    return transact(SqlDriver::Access::read, doing, std::forward<Body>(body));
  }
  // With a `mark`, a write that moves it on as well (SqlDriver::run_marked_write).
  Result<void> run(SqlDriver::Access access, std::string_view doing, const std::function<void(SqlSession&)>& body,
                   void (*mark)(SqlSession&) = nullptr);

  std::unique_ptr<SqlDriver> driver_;
  std::optional<DocumentFiles> files_;
};

// Appends one audit-log entry inside the caller's transaction, so that it lands or vanishes
// with the change. `before`/`after` may be null (a creation's before, a deletion's after).
void append_audit_log(SqlSession& session, const domain::Actor& actor, std::string_view action, std::string_view entity,
                      std::string_view key, const nlohmann::json* before, const nlohmann::json* after);

// Throws the check's Error as a StoreFailure, so that the transaction writes nothing.
inline void ensure(const Result<void>& checked) {
  if (!checked) throw StoreFailure{checked.error()};
}

}  // namespace clinaudit::storage
