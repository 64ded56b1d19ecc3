#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/analysis_record.hpp"
#include "domain/audit.hpp"
#include "domain/audit_criteria.hpp"
#include "domain/audit_log.hpp"
#include "domain/audit_supplier.hpp"
#include "domain/episode.hpp"
#include "domain/evidence_document.hpp"
#include "domain/governance.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/measure.hpp"
#include "domain/nice_guidance.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/participation.hpp"
#include "domain/pending_import.hpp"
#include "domain/report_tracking.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"

namespace clinaudit::domain {

// Streams a large episode import into one open transaction. Nothing is visible to
// readers until commit(); destroying the writer without commit() rolls everything back.
class EpisodeWriter {
 public:
  virtual ~EpisodeWriter() = default;
  // Appends a chunk (provider ids must exist). Errors: invalid_input, not_found,
  // storage_unavailable; after an error the writer only rolls back.
  virtual Result<void> append(const EpisodeColumns& chunk) = 0;
  // Commits the whole import and records it in the audit log; returns rows written.
  virtual Result<std::int64_t> commit() = 0;
};

// A login session, stored server-side. Only a hash of the cookie's token is stored.
struct Session {
  std::string token_hash;
  UserId user_id;
  std::string csrf_token;
  std::string expires_at;  // ISO 8601 UTC
};

// A one-time link to set a new password, started by an administrator. Only a hash of the
// link's token is stored. Times are ISO 8601 UTC; `used_at` is empty until the link is used.
struct PasswordReset {
  std::string token_hash;
  UserId user_id;
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> used_at;
};

struct AuditFilter {
  std::optional<AuditKind> kind;
  std::optional<OrganisationId> owner;  // local audits of this organisation
  std::optional<AuditStatus> status;
  std::string topic;  // empty: any
};

// The persistence port (docs/architecture.md). Implemented once, by storage::SqlStore, over
// a SQLite and a PostgreSQL driver; tests/storage_contract runs every case on both. Every
// write runs in one transaction together with its audit-log entries: it lands whole or not
// at all. Records are checked with the rules of domain/entity_checks.hpp before they are
// written (invalid_input).
// Batch writes (the importable kinds) are atomic over the whole batch.
// Errors: conflict for a duplicate natural key (code, email, (org, audit, year)),
// not_found for an unknown reference or id, storage_unavailable when the database
// cannot be reached, each with a message naming the record.
// Implementations are safe to call from several threads at once.
class Store {
 public:
  virtual ~Store() = default;

  // Organisations
  virtual Result<std::vector<OrganisationId>> add_organisations(const std::vector<Organisation>& rows,
                                                                const Actor& actor) = 0;
  virtual Result<void> update_organisation(const Organisation& row, const Actor& actor) = 0;
  virtual Result<Organisation> organisation(OrganisationId id) = 0;
  virtual Result<Organisation> organisation_by_code(std::string_view code) = 0;
  virtual Result<std::vector<Organisation>> organisations() = 0;
  // Names the organisation's chief executive for the outlier process (Organisation::
  // chief_executive), or nobody. Errors: not_found for an unknown organisation;
  // invalid_input for a user of another organisation.
  virtual Result<void> set_chief_executive(OrganisationId organisation, std::optional<UserId> user,
                                           const Actor& actor) = 0;

  // Audit suppliers (AuditSupplier), by code. Errors: invalid_input for a blank code or name;
  // conflict for a code already held.
  virtual Result<SupplierId> add_supplier(const AuditSupplier& row, const Actor& actor) = 0;
  virtual Result<std::vector<AuditSupplier>> suppliers() = 0;

  // Users and sessions
  virtual Result<UserId> add_user(const User& user, const Actor& actor) = 0;
  // Writes every field of `user`. A user made inactive, or given a new password hash, loses
  // every session in the same transaction: they are signed out at once.
  virtual Result<void> update_user(const User& user, const Actor& actor) = 0;
  virtual Result<User> user(UserId id) = 0;
  virtual Result<User> user_by_email(std::string_view email) = 0;
  virtual Result<std::vector<User>> users(std::optional<OrganisationId> organisation) = 0;
  virtual Result<void> create_session(const Session& session) = 0;
  virtual Result<Session> session(std::string_view token_hash) = 0;  // not_found when absent
  virtual Result<void> delete_session(std::string_view token_hash) = 0;
  virtual Result<void> delete_sessions_expired_before(std::string_view iso_time) = 0;
  // Stores a new password reset of an existing user (not_found otherwise), logged against
  // the user's e-mail address (never the token's hash).
  virtual Result<void> add_password_reset(const PasswordReset& reset, const Actor& actor) = 0;
  virtual Result<PasswordReset> password_reset(std::string_view token_hash) = 0;  // not_found when absent
  // Uses the reset once, in one transaction: marks it used at `now`, gives its user
  // `password_hash` and ends the user's sessions, with an audit-log entry. Errors: not_found
  // for an unknown token; conflict when the reset was used already or expired at or before
  // `now` (checked in the same statement that marks it used, so two uses cannot both pass).
  virtual Result<UserId> use_password_reset(std::string_view token_hash, std::string_view password_hash,
                                            std::string_view now, const Actor& actor) = 0;

  // The sign-in throttle (http/login.cpp), counted here so that every server sees the same
  // counts. Counts one attempt for `key` at `now` and returns true; or counts nothing and
  // returns false when `key` already has `limit` attempts in its window, which begins with the
  // first attempt counted. A count whose window began at or before `window_began_by` has
  // passed: it is dropped (every such count, so the table stays small) and counting begins
  // again. The check and the count are one transaction: parallel attempts cannot all pass.
  virtual Result<bool> reserve_sign_in_attempt(std::string_view key, std::int64_t limit, std::string_view now,
                                               std::string_view window_began_by) = 0;
  // Gives back one reserved attempt that did not fail.
  virtual Result<void> release_sign_in_attempt(std::string_view key) = 0;
  // Clears the key's count (a successful sign-in to an account).
  virtual Result<void> reset_sign_in_attempts(std::string_view key) = 0;

  // Checked files awaiting confirmation on the import page (domain/pending_import.hpp), held
  // for every server. Holding first drops every file expired at `now`, then holds `file` for
  // `owner` under `token_hash` until `expires_at`, dropping the owner's own oldest files when
  // the budget asks for it (plan_pending_import); a refusal holds and drops nothing. Not in
  // the audit log: a held file is not a record (its import is logged when confirmed).
  virtual Result<PendingImportHeld> hold_pending_import(std::string_view token_hash, UserId owner,
                                                        const PendingImport& file, const PendingImportBudget& budget,
                                                        std::string_view now, std::string_view expires_at) = 0;
  // Removes and returns the file `owner` holds under `token_hash`, unless it expired at or
  // before `now`; nothing when there is none (another user's is none).
  virtual Result<std::optional<PendingImport>> take_pending_import(std::string_view token_hash, UserId owner,
                                                                   std::string_view now) = 0;
  // The files held and not expired at `now`.
  virtual Result<PendingImportTotals> pending_import_totals(std::string_view now) = 0;

  // Audits and the Quality Account list
  virtual Result<std::vector<AuditId>> add_audits(const std::vector<Audit>& rows, const Actor& actor) = 0;
  virtual Result<void> update_audit(const Audit& row, const Actor& actor) = 0;
  virtual Result<Audit> audit(AuditId id) = 0;
  virtual Result<Audit> audit_by_code(std::string_view code) = 0;
  virtual Result<std::vector<Audit>> audits(const AuditFilter& filter) = 0;
  // Inserts or replaces the entries for (audit, year).
  virtual Result<void> set_qa_list(const std::vector<QaListEntry>& rows, const Actor& actor) = 0;
  virtual Result<std::vector<QaListEntry>> qa_list(FinancialYear year) = 0;
  // Takes an audit off a year's Quality Account list (audit-logged). Errors: not_found when
  // the audit is not on that year's list.
  virtual Result<void> remove_from_qa_list(AuditId audit, FinancialYear year, const Actor& actor) = 0;

  // The local audit register (docs/governance.md): a trust's divisions and specialties, and
  // each local audit's entry and history. Units: a specialty's division must be a division
  // (not a specialty) of the same organisation (invalid_input otherwise); conflict for a
  // name the organisation already uses at the same level. Listed by division, then name.
  virtual Result<TrustUnitId> add_trust_unit(const TrustUnit& unit, const Actor& actor) = 0;
  virtual Result<void> update_trust_unit(const TrustUnit& unit, const Actor& actor) = 0;  // name, retired
  virtual Result<std::vector<TrustUnit>> trust_units(OrganisationId organisation) = 0;
  // Adds the local audit `audit` with its entry and first history step, in one transaction
  // (conflict for a code already used). `entry.audit_id` and `event.audit_id` are the new id's.
  virtual Result<AuditId> add_local_audit_entry(const Audit& audit, const LocalAuditEntry& entry,
                                                const LocalAuditEvent& event, const Actor& actor) = 0;
  // Writes `audit` and its entry (added when the audit has none yet) and adds `event` to its
  // history, in one transaction, with an audit-log entry for each. Errors: not_found for an
  // unknown audit; invalid_input for a unit of another organisation.
  virtual Result<void> record_local_audit_event(const Audit& audit, const LocalAuditEntry& entry,
                                                const LocalAuditEvent& event, const Actor& actor) = 0;
  // The entries of an organisation's local audits (those that have one), by audit id.
  virtual Result<std::vector<LocalAuditEntry>> local_audit_entries(OrganisationId organisation) = 0;
  virtual Result<std::optional<LocalAuditEntry>> local_audit_entry(AuditId audit) = 0;
  virtual Result<std::vector<LocalAuditEvent>> local_audit_events(AuditId audit) = 0;  // oldest first

  // Participation: inserts or replaces by (organisation, audit, year).
  virtual Result<void> upsert_participation(const std::vector<Participation>& rows, const Actor& actor) = 0;
  virtual Result<std::vector<Participation>> participation_of(OrganisationId organisation, FinancialYear year) = 0;
  virtual Result<std::vector<Participation>> participation_in(AuditId audit, FinancialYear year) = 0;

  // Measures and results
  virtual Result<MeasureId> add_measure(const Measure& measure, const Actor& actor) = 0;
  virtual Result<Measure> measure(MeasureId id) = 0;
  virtual Result<std::vector<Measure>> measures_of(AuditId audit) = 0;
  // Setting up measures: a batch added all or nothing (ids in order), and one changed in
  // place (its audit stays; audit-logged before and after). Errors: conflict for a code
  // already used in the audit; not_found for an unknown audit or measure id.
  virtual Result<std::vector<MeasureId>> add_measures(const std::vector<Measure>& rows, const Actor& actor) = 0;
  virtual Result<void> update_measure(const Measure& measure, const Actor& actor) = 0;
  virtual Result<void> add_results(const std::vector<MeasureResult>& rows, const Actor& actor) = 0;
  // All results of a measure (optionally one organisation's), ordered by period then organisation.
  virtual Result<std::vector<MeasureResult>> results_of(MeasureId measure,
                                                        std::optional<OrganisationId> organisation) = 0;

  // Episodes (patient-level national data)
  // Starts an import of episodes holding the dataset columns `columns` (each declared, every
  // required one present); each chunk gives exactly those columns, in that order, typed as
  // declared, and every value is checked against its column (required, range, allowed values).
  // Errors: not_found for an unknown audit; invalid_input for an audit with no dataset, an
  // undeclared column or a missing required one.
  virtual Result<std::unique_ptr<EpisodeWriter>> begin_episodes(AuditId audit, std::vector<std::string> columns,
                                                                const Actor& actor) = 0;
  // Episodes of an audit admitted in [from, to], ordered by admission date then id, with a
  // column for each of the audit's dataset columns, in its order (missing values as in
  // EpisodeColumn).
  virtual Result<EpisodeColumns> episodes(AuditId audit, Date from, Date to) = 0;

  // Datasets (a national audit's patient-level columns, domain/dataset.hpp)
  // Replaces the audit's declaration with `dataset` (checked as entity_checks' check), with an
  // audit-log entry. Errors: not_found for an unknown audit; invalid_input for a local audit,
  // a dataset that breaks the rules, or one that removes or retypes a column stored episodes
  // hold (the message names the column).
  virtual Result<void> set_dataset(const Dataset& dataset, const Actor& actor) = 0;
  // The audit's dataset; no columns when it has declared none. Errors: not_found.
  virtual Result<Dataset> dataset(AuditId audit) = 0;

  // Report reviews, actions, board meetings
  virtual Result<ReportReviewId> add_report_review(const ReportReview& row, const Actor& actor) = 0;
  virtual Result<void> update_report_review(const ReportReview& row, const Actor& actor) = 0;
  virtual Result<std::vector<ReportReview>> report_reviews(OrganisationId organisation) = 0;
  // Published audit reports and reviews of them (docs/governance.md, "Published reports").
  // Adds the reports with their recommendations, all or none, and returns their ids in order.
  // Errors: invalid_input (check(AuditReport)); not_found for an unknown audit or organisation;
  // conflict for a title the audit already has from the same publisher.
  virtual Result<std::vector<AuditReportId>> add_audit_reports(const std::vector<AuditReport>& rows,
                                                               const Actor& actor) = 0;
  virtual Result<AuditReport> audit_report(AuditReportId id) = 0;  // with its recommendations
  // Reports of one audit, or of every audit, of every publisher, by publication date then id,
  // each with its recommendations. The caller applies who may see which (domain/audit_reports).
  virtual Result<std::vector<AuditReport>> audit_reports(std::optional<AuditId> audit) = 0;
  // Adds reviews, all or none (add_report_review's rules for each). A review's report must
  // be the national body's or the reviewing organisation's own (not_found otherwise).
  virtual Result<std::vector<ReportReviewId>> add_report_reviews(const std::vector<ReportReview>& rows,
                                                                 const Actor& actor) = 0;
  virtual Result<ActionId> add_action(const Action& row, const Actor& actor) = 0;
  virtual Result<void> update_action(const Action& row, const Actor& actor) = 0;
  virtual Result<Action> action(ActionId id) = 0;
  virtual Result<std::vector<Action>> actions(OrganisationId organisation) = 0;
  // Writes `row` (an action already stored) and adds `event` to its history, in one
  // transaction, with an audit-log entry for each. `event.action_id` is taken from `row`.
  // Errors: invalid_input (check(Action), check(ActionEvent)); not_found for an unknown
  // action, audit or owner.
  virtual Result<void> record_action_event(const Action& row, const ActionEvent& event, const Actor& actor) = 0;
  // The action's history, oldest first (by time, then in the order written).
  virtual Result<std::vector<ActionEvent>> action_events(ActionId id) = 0;
  // Records a meeting, its items, the actions it raised and the report reviews it completed
  // (BoardMeetingRecord), all or nothing, with an audit-log entry for each record written.
  // Errors: invalid_input for an empty committee or an action of another organisation;
  // not_found for an unknown organisation or owner, or a report review that is not the
  // meeting organisation's (as for one that does not exist).
  virtual Result<BoardMeetingId> add_board_meeting(const BoardMeetingRecord& record, const Actor& actor) = 0;
  // Records the outcome of the meeting `record.meeting.id` (booked earlier, with nothing
  // recorded yet): its items, the actions it raised and the reviews it completed, as
  // add_board_meeting writes them, in one transaction; the meeting's committee and date stay
  // as stored. Errors: not_found for an unknown meeting or one not of
  // `record.meeting.organisation_id`; conflict when the meeting already has items or actions.
  virtual Result<void> record_board_meeting_outcome(const BoardMeetingRecord& record, const Actor& actor) = 0;
  // The organisation's meetings, oldest first.
  virtual Result<std::vector<BoardMeeting>> board_meetings(OrganisationId organisation) = 0;
  virtual Result<std::vector<BoardItem>> board_items(BoardMeetingId meeting) = 0;

  // The report tracker (domain/report_tracking.hpp). Writes `row` as the organisation's
  // assignment of its report, replacing the one it had, with an audit-log entry. Errors:
  // invalid_input (check(ReportAssignment)); not_found for an unknown organisation, report
  // or lead user.
  virtual Result<void> set_report_assignment(const ReportAssignment& row, const Actor& actor) = 0;
  // The organisation's assignments, by report id, each with its report's title, date, audit.
  virtual Result<std::vector<ReportAssignment>> report_assignments(OrganisationId organisation) = 0;
  // Adds an assessment (the recommendation's latest), with an audit-log entry; returns its
  // id. Errors: invalid_input (check(RecommendationAssessment)); not_found for an unknown
  // organisation, report, user or recommendation number of the report.
  virtual Result<std::int64_t> add_recommendation_assessment(const RecommendationAssessment& row,
                                                             const Actor& actor) = 0;
  // The organisation's assessments of one report (of every report when empty), oldest first
  // (by time, then in the order written).
  virtual Result<std::vector<RecommendationAssessment>> recommendation_assessments(
      OrganisationId organisation, std::optional<AuditReportId> report) = 0;
  // How many weeks after publication the organisation's reviews are due, when it has said.
  virtual Result<std::optional<int>> report_review_weeks(OrganisationId organisation) = 0;
  // Sets it, with an audit-log entry. Errors: not_found for an unknown organisation.
  virtual Result<void> set_report_review_weeks(OrganisationId organisation, int weeks, const Actor& actor) = 0;

  // The NICE guidance register (domain/nice_guidance.hpp). Adds each piece of guidance with
  // its recommendations (its audits are ignored), in one transaction, with audit-log entries;
  // returns their ids in order. Errors: invalid_input (check(NiceGuidance)); not_found for an
  // unknown organisation, lead user or division; conflict naming the reference when the
  // organisation already has it.
  virtual Result<std::vector<NiceGuidanceId>> add_nice_guidance(const std::vector<NiceGuidance>& rows,
                                                                const Actor& actor) = 0;
  // Writes the guidance's own fields (not its organisation, reference, recommendations or
  // audits), with an audit-log entry. Errors: as add_nice_guidance's, not_found for unknown
  // guidance.
  virtual Result<void> update_nice_guidance(const NiceGuidance& row, const Actor& actor) = 0;
  // Adds a recommendation after the guidance's others; returns its id. Errors: invalid_input
  // for an empty label or text; not_found for unknown guidance; conflict for a label it has.
  virtual Result<NiceRecommendationId> add_nice_recommendation(NiceGuidanceId guidance, const NiceRecommendation& row,
                                                               const Actor& actor) = 0;
  // The organisation's guidance by type and number, each with its recommendations (in order)
  // and its audits (by id).
  virtual Result<std::vector<NiceGuidance>> nice_guidance(OrganisationId organisation) = 0;
  // Errors: not_found.
  virtual Result<NiceGuidance> nice_guidance_item(NiceGuidanceId id) = 0;
  // Adds an assessment (the recommendation's latest), with an audit-log entry; returns its
  // id. Errors: invalid_input (check(NiceAssessment)); not_found for unknown guidance, user or
  // a recommendation not of the guidance.
  virtual Result<std::int64_t> add_nice_assessment(const NiceAssessment& row, const Actor& actor) = 0;
  // The assessments of the organisation's guidance (of one piece when given), oldest first
  // (by time, then in the order written).
  virtual Result<std::vector<NiceAssessment>> nice_assessments(OrganisationId organisation,
                                                               std::optional<NiceGuidanceId> guidance) = 0;
  // Links the audit to the guidance, or unlinks it, with an audit-log entry; linking twice or
  // unlinking what is not linked changes nothing. Errors: not_found for unknown guidance or
  // audit.
  virtual Result<void> set_nice_audit_link(NiceGuidanceId guidance, AuditId audit, bool linked, const Actor& actor) = 0;

  // Outlier cases
  virtual Result<OutlierCaseId> add_outlier_case(const OutlierCase& row, const Actor& actor) = 0;
  virtual Result<void> update_outlier_case(const OutlierCase& row, const OutlierEvent& event, const Actor& actor) = 0;
  virtual Result<OutlierCase> outlier_case(OutlierCaseId id) = 0;
  virtual Result<std::vector<OutlierCase>> outlier_cases(std::optional<OrganisationId> organisation,
                                                         std::optional<AuditId> audit) = 0;
  virtual Result<std::vector<OutlierEvent>> outlier_events(OutlierCaseId id) = 0;

  // Analysis runs and the CUSUM alerts they raise (docs/governance.md, "Analysis runs").
  // Stores the run and, in the same transaction, each alert the store does not yet hold for
  // the same measure, organisation, side and signal date (linked to this run, raised on its
  // run_on), with the audit log. Returns the run id and the new alerts with their ids.
  // Errors: not_found for an unknown audit, measure or organisation; invalid_input for an
  // empty period, checksum or method.
  virtual Result<RecordedAnalysisRun> add_analysis_run(const AnalysisRunRecord& run,
                                                       const std::vector<StoredCusumAlert>& alerts,
                                                       const Actor& actor) = 0;
  // The runs of an audit, newest first.
  virtual Result<std::vector<AnalysisRunRecord>> analysis_runs(AuditId audit) = 0;
  // CUSUM alerts, optionally of one organisation and one audit, by signal date then id.
  virtual Result<std::vector<StoredCusumAlert>> cusum_alerts(std::optional<OrganisationId> organisation,
                                                             std::optional<AuditId> audit) = 0;

  // Risk-adjusted CUSUM monitoring (domain/cusum_monitoring.hpp). Replaces the audit's stored
  // monitoring and its signals in one transaction, with the audit log (what it was computed
  // from; not each signal). Errors: not_found for an unknown audit or organisation.
  virtual Result<void> put_cusum_monitoring(const CusumMonitoringRecord& monitoring, const Actor& actor) = 0;
  // Every audit's stored monitoring, by audit id; with the signals of `organisation` only, when given.
  virtual Result<std::vector<CusumMonitoringRecord>> cusum_monitoring(std::optional<OrganisationId> organisation) = 0;

  // Making Data Count charts of each organisation's results on a measure
  // (domain/stored_measure_charts.hpp). Replaces the stored charts of `measure` for the
  // organisations of `charts` and removes those of `removed`, in one transaction, with one
  // audit-log entry (what was computed, not each point). Errors: not_found for an unknown
  // measure or organisation; invalid_input for a chart of another measure.
  virtual Result<void> put_measure_charts(MeasureId measure, const std::vector<StoredMeasureChart>& charts,
                                          const std::vector<OrganisationId>& removed, const Actor& actor) = 0;
  // The stored charts, of one measure and of one organisation when given, by measure then organisation.
  virtual Result<std::vector<StoredMeasureChart>> measure_charts(std::optional<MeasureId> measure,
                                                                 std::optional<OrganisationId> organisation) = 0;

  // The funnel plots of each measure, one per view of its results: over every provider's and
  // over those a trust may see (domain/stored_measure_funnels.hpp). Replaces the stored funnels
  // of `measure` with `funnels` (none removes them), in one transaction with one audit-log
  // entry. Errors: not_found for an unknown measure; invalid_input for a funnel of another
  // measure, two with one checksum, or two over every result.
  virtual Result<void> put_measure_funnels(MeasureId measure, const std::vector<StoredMeasureFunnel>& funnels,
                                           const Actor& actor) = 0;
  // The stored funnels over every result of the measures of `audit` (of `measure` alone, when
  // given), by measure id: what the national views draw.
  virtual Result<std::vector<StoredMeasureFunnel>> measure_funnels(AuditId audit, std::optional<MeasureId> measure) = 0;
  // The stored funnels of `measure`, every view of its results (the one over every result
  // first, then by checksum); the one whose input_checksum is `checksum` alone, when given.
  virtual Result<std::vector<StoredMeasureFunnel>> measure_funnel_views(MeasureId measure,
                                                                        std::optional<std::string> checksum) = 0;

  // Each provider's risk-adjusted CUSUM over a financial year of a national audit
  // (domain/stored_provider_cusum.hpp). Replaces what is stored for the record's audit and
  // year in one transaction, with one audit-log entry (what it was computed from, not each
  // point). Errors: not_found for an unknown audit or organisation.
  virtual Result<void> put_provider_cusum(const ProviderCusumRecord& record, const Actor& actor) = 0;
  // The stored records of `audit`, of one year when given, by year; each with the chart of
  // `organisation` only when given (an organisation that does not exist: none), every
  // provider's otherwise.
  virtual Result<std::vector<ProviderCusumRecord>> provider_cusum(AuditId audit, std::optional<FinancialYear> year,
                                                                  std::optional<OrganisationId> organisation) = 0;

  // Versions of the outlier-management stage table (docs/governance.md). Adds a version
  // (its created_at and created_by are the store's time and the actor) and returns its id.
  // The caller validates the CSV first. Errors: invalid_input for an empty name or CSV.
  virtual Result<std::int64_t> add_outlier_timetable(const OutlierTimetableVersion& version, const Actor& actor) = 0;
  // The latest version, std::nullopt when none has been stored.
  virtual Result<std::optional<OutlierTimetableVersion>> current_outlier_timetable() = 0;
  // Every version, newest first.
  virtual Result<std::vector<OutlierTimetableVersion>> outlier_timetables() = 0;

  // A local audit's criteria and its results for them (domain/audit_criteria.hpp), each change
  // checked (check(Criterion)) and audit-logged. Errors: not_found for an unknown audit or
  // criterion; invalid_input for a broken rule.
  virtual Result<std::vector<Criterion>> criteria_of(AuditId audit) = 0;  // in their order
  virtual Result<Criterion> criterion(CriterionId id) = 0;
  // Adds `row` after the audit's last criterion, with the result it carries.
  virtual Result<CriterionId> add_criterion(const Criterion& row, const Actor& actor) = 0;
  // Changes the statement, target and exceptions; the order and the result stay.
  virtual Result<void> update_criterion(const Criterion& row, const Actor& actor) = 0;
  // Moves a criterion one place earlier (step -1) or later (+1); at either end nothing moves.
  virtual Result<void> move_criterion(CriterionId id, int step, const Actor& actor) = 0;
  // Removes a criterion with its result; those after it move up a place.
  virtual Result<void> remove_criterion(CriterionId id, const Actor& actor) = 0;
  // Sets the results (met, applicable; both absent clears one) of the criteria `rows` name
  // by id, all or nothing. Errors also: not_found for a criterion not of `audit`.
  virtual Result<void> record_criterion_results(AuditId audit, const std::vector<Criterion>& rows,
                                                const Actor& actor) = 0;

  // Surveys
  virtual Result<SurveyId> add_survey(const Survey& survey, const Actor& actor) = 0;
  virtual Result<Survey> survey(SurveyId id) = 0;
  virtual Result<std::vector<Survey>> surveys() = 0;
  virtual Result<void> add_survey_responses(const std::vector<SurveyResponse>& rows, const Actor& actor) = 0;
  virtual Result<std::vector<SurveyResponse>> survey_responses(SurveyId survey) = 0;
  // One-time survey links (docs/surveys.md, "Invitations"). Adds the invitations, all or
  // none, and returns their ids in order. Errors: not_found for an unknown survey;
  // conflict for a token hash already stored.
  virtual Result<std::vector<std::int64_t>> add_survey_invitations(const std::vector<SurveyInvitation>& rows,
                                                                   const Actor& actor) = 0;
  // The invitation whose token hashes to `token_hash` (used or not); not_found when absent.
  virtual Result<SurveyInvitation> survey_invitation(std::string_view token_hash) = 0;
  // Answers through a one-time link, in one transaction: checks that the invitation is
  // unused, inserts `response` (its answers only: the survey, organisation type, region and
  // role are the invitation's; the invitation id only when the survey is not anonymous),
  // marks the invitation used and writes the audit log. For an anonymous survey nothing
  // written (row or log entry) says which invitation the response came from. Returns the
  // response id. Errors: not_found for an unknown link; conflict when the link has been
  // used, by an earlier or a concurrent call (nothing is written).
  virtual Result<std::int64_t> submit_survey_response(std::string_view token_hash, const SurveyResponse& response,
                                                      const Actor& actor) = 0;

  // Evidence documents (domain/evidence_document.hpp), kept with their bytes. Each add stores
  // `document` (checked as check(EvidenceDocument); its size must be content's) with the
  // owner's history entry `event` (its action or case id is the document's owner), in one
  // transaction with an audit-log entry for each (the entry records the name, size and hash,
  // never the bytes). Returns the document's id. Errors: invalid_input; not_found for an
  // unknown action, case or user.
  virtual Result<std::int64_t> add_action_document(const EvidenceDocument& document, std::string_view content,
                                                   const ActionEvent& event, const Actor& actor) = 0;
  virtual Result<std::int64_t> add_outlier_document(const EvidenceDocument& document, std::string_view content,
                                                    const OutlierEvent& event, const Actor& actor) = 0;
  // The documents of one action or case, oldest first (by upload time, then id).
  virtual Result<std::vector<EvidenceDocument>> documents(DocumentOwner owner, std::int64_t owner_id) = 0;
  virtual Result<EvidenceDocument> document(std::int64_t id) = 0;     // not_found when absent
  virtual Result<std::string> document_content(std::int64_t id) = 0;  // the bytes; not_found when absent

  // The audit log, newest first.
  virtual Result<std::vector<AuditLogEntry>> audit_log(std::string_view entity, std::int64_t limit) = 0;
  // Records an event that is not a data change (a login, a report generated).
  virtual Result<void> log_event(const AuditLogEntry& entry) = 0;

  // A number that moves on with every committed change of the records pages show, made
  // through any store on the same database (not sessions, sign-in counts or files awaiting
  // confirmation). What is computed from the records after reading it stays true while it
  // stays the same.
  virtual Result<std::int64_t> data_version() = 0;
};

}  // namespace clinaudit::domain
