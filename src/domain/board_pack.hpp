#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/organisation_figures.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/quality_account.hpp"
#include "domain/store.hpp"

namespace clinaudit::domain {

// Whether the board pack shows the measure's chart, not only its row: its latest point is a
// special cause (improvement, concern or neutral) or it will consistently fail its target.
bool needs_chart(const MeasureChart& measure);

// How the board engages with audit, per financial year (the board can see this about itself).
struct BoardEngagementYear {
  FinancialYear year;
  int national_reports_reviewed = 0;
  int national_reports_published = 0;
  std::optional<double> median_days_to_review;
  int board_actions_due = 0;
  int board_actions_on_time = 0;
};

// The board's engagement with audit as of `as_of`, by financial year, oldest first. Reports:
// the reviews of national (not local) audits in `audits` published by `as_of`, counted in the
// year of publication; reviewed when reviewed_on is on or before `as_of`; the median of
// reviewed_on - published_on in days. Actions: those from board decisions due by `as_of`,
// counted in the year they were due; on time when completed on or before the due date.
// Reviews of audits missing from `audits` are left out. Pure; thread-safe.
std::vector<BoardEngagementYear> board_engagement(const std::vector<ReportReview>& reviews,
                                                  const std::vector<Action>& actions, const std::vector<Audit>& audits,
                                                  Date as_of);

// The board pack for one organisation and meeting date (assure / advise / alert form).
struct BoardPack {
  Organisation organisation;
  Date meeting;
  QualityAccountStatement participation;  // the financial year of the meeting
  // The figures the dashboard shows on the same day (organisation_figures); the lists below
  // are its lists, and the summary's counts are its counts.
  OrganisationFigures figures;
  std::vector<OutlierRow> open_outliers;  // named, open cases first by deadline (sort_for_work)
  std::vector<MeasureChart> measures;     // kMinimumSpcPoints or more results up to the meeting
  std::vector<CusumAlert> cusum_alerts;   // this organisation's signals in the 12 months before the meeting
  std::vector<Action> overdue_actions;
  std::vector<Action> completed_actions;  // completed in the 90 days before the meeting
  std::vector<ReauditOutcome> reaudits;
  std::vector<ReportReview> unreviewed_reports;  // published, not yet reviewed
  std::vector<BoardEngagementYear> engagement;
  std::vector<std::string> assure, advise, alert;
};

// Gathers and judges everything the pack shows, as of the meeting date: the shared figures
// (organisation_figures on the meeting day) and what only the board reads. One call for the
// page, the API and `clinaudit report board-pack`. CUSUM alerts come from each national
// audit's episodes in the 24 months before the meeting (the model is fitted on every
// provider's episodes; only this organisation's signals are kept).
// Errors: not_found for an unknown organisation; the store's and the statistics' errors.
Result<BoardPack> board_pack_for(Store& store, std::string_view organisation_code, Date meeting);

}  // namespace clinaudit::domain
