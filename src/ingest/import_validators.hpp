#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <vector>

#include "domain/audit.hpp"
#include "domain/dataset.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/nice_guidance.hpp"
#include "domain/organisation.hpp"
#include "domain/participation.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"
#include "ingest/references.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {

// Validators for the summary-level import kinds (docs/csv-import.md gives every kind's
// columns). Each reads a whole CSV input (header row first, see RowReader for what is
// accepted), turns every good row into a domain record, and reports every problem with
// its spreadsheet row, column, value and what was expected, up to `max_problems`.
// References to organisations, audits and measures are resolved through `references`;
// an unknown code is a row problem. A file is importable only when the report is clean;
// `records` then holds one record per data row, in file order (and when it is not clean,
// the records of the good rows, which the caller must not write).
// These functions never throw for bad input and never touch the database.
// Thread-safe as long as each call has its own stream.

struct ValidationOptions {
  std::size_t max_problems = ValidationReport::kDefaultCap;
  // Whether results may be marked published. Publishing is the national audit's decision:
  // only its analysts (and the operator's command line) may; a trust's published row is a
  // problem at its cell.
  bool may_publish = false;
};

template <typename Record>
struct Validated {
  std::vector<Record> records;
  ValidationReport report;
  std::int64_t rows = 0;  // data rows read, good or bad (blank rows are not counted)
};

// dataset: audit_code, column, type (number, yes_no, category, date), [required (yes/no),
// minimum, maximum (numbers), allowed_values (categories, separated by "|"), description].
// Every row names the same national audit; the one record is its whole dataset, declared
// only when every row is good.
Validated<domain::Dataset> validate_dataset(std::istream& input, const References& references,
                                            const ValidationOptions& options);

// organisations: code, name, type, [region]. A code already known to `references`, or
// repeated in the file, is a problem (organisations are added, never overwritten here).
Validated<domain::Organisation> validate_organisations(std::istream& input, const References& references,
                                                       const ValidationOptions& options = {});

// audits: code, title, kind, [topic, provider_body, standards, status, owner_code,
// reaudit_of, start_date, end_date]. Local audits need an owner organisation.
Validated<domain::Audit> validate_audits(std::istream& input, const References& references,
                                         const ValidationOptions& options = {});

// qa-list: audit_code, year, eligible_types (organisation types separated by ';', or
// "all"). One row per national audit and financial year.
Validated<domain::QaListEntry> validate_qa_list(std::istream& input, const References& references,
                                                const ValidationOptions& options = {});

// measures: audit_code, code, name, type, improvement, [target, multiplier, unit, source,
// outcome_column, formula, expected_column]. Each row is checked as the measure use case
// checks it (domain::check_measure_setup); a code the audit already has, or repeated in the
// file, is a problem.
Validated<domain::Measure> validate_measures(std::istream& input, const References& references,
                                             const ValidationOptions& options = {});

// participation: organisation_code, audit_code, year, [eligible, participating,
// reason_not_participating, data_collection_completed, cases_submitted, cases_required].
// Empty cells stay unknown, so that reports list them as gaps.
Validated<domain::Participation> validate_participation(std::istream& input, const References& references,
                                                        const ValidationOptions& options = {});

// results: audit_code, measure_code, organisation_code, the period (period, or
// period_start and period_end), and the figures the measure's type needs (numerator and
// denominator for proportions and rates, numerator and expected for ratios, value for
// continuous measures), [published] (yes only with ValidationOptions::may_publish).
Validated<domain::MeasureResult> validate_results(std::istream& input, const References& references,
                                                  const ValidationOptions& options = {});

// reports: audit_code, title, published_on, [link, recommendation_number, recommendation].
// One row per recommendation; the rows of one report (same audit and title) are grouped into
// one record, carry the same date and link, and number its recommendations 1, 2, 3... in
// order (a report without recommendations is one row with both cells empty). `publisher`
// says whose each report is (empty: the national body's); a title `existing` already holds
// for the same audit and publisher is a problem.
using ReportPublisher = std::function<std::optional<OrganisationId>(const domain::Audit&)>;
Validated<domain::AuditReport> validate_reports(std::istream& input, const References& references,
                                                const ReportPublisher& publisher,
                                                const std::vector<domain::AuditReport>& existing,
                                                const ValidationOptions& options = {});

// report-reviews: organisation_code, audit_code, report_title, reviewed_on, committee,
// [findings, intended_actions]. The report is the organisation's own of that audit and
// title, else the national body's, among `reports`; a report the organisation has already
// reviewed (in `existing` or earlier in the file) or a review dated before the report was
// published is a problem.
Validated<domain::ReportReview> validate_report_reviews(std::istream& input, const References& references,
                                                        const std::vector<domain::AuditReport>& reports,
                                                        const std::vector<domain::ReportReview>& existing,
                                                        const ValidationOptions& options = {});

// nice-guidance: reference, title, published_on, [applicability, applicability_note, lead,
// division, review_due, recommendation, recommendation_text], into `trust`'s register. Rows
// of one reference are one piece of guidance: its own columns agree with its first row, and
// each row with a recommendation (its label and text) adds it in file order. A reference the
// register holds, a label repeated within one guidance and a division the trust does not
// have are problems; a lead who is one of `leads` (by e-mail or name) becomes that user.
struct NiceRegisterSetting {
  OrganisationId organisation;
  std::vector<domain::NiceGuidance> existing;  // the register as it stands
  std::vector<domain::User> leads;             // who may lead guidance: active, recording reports
  std::vector<domain::TrustUnit> divisions;    // the trust's divisions (not specialties)
};
Validated<domain::NiceGuidance> validate_nice_guidance(std::istream& input, const NiceRegisterSetting& trust,
                                                       const ValidationOptions& options = {});

// survey-responses for `survey`: [organisation_type, region, role], then one column per
// question, named by the question's code. Choices must be among the question's options
// (any letter case); multiple choices are separated by ';'.
Validated<domain::SurveyResponse> validate_survey_responses(std::istream& input, const domain::Survey& survey,
                                                            const ValidationOptions& options = {});

// survey invitees (`clinaudit survey invite`): label (or email, or name), then the
// optional respondent tags organisation_type, region and role that a response through
// the invitee's link is tagged with. A label is required and must not repeat.
// The records' survey id and token hash are left for the caller to fill in.
Validated<domain::SurveyInvitation> validate_survey_invitees(std::istream& input,
                                                             const ValidationOptions& options = {});

}  // namespace clinaudit::ingest
