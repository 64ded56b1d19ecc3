// The board pack's tables as an XLSX workbook (libxlsxwriter): each column labelled in words,
// each enum in its display words, each number a number rounded as the pack shows it.
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "domain/display_names.hpp"
#include "report/board_pack_document.hpp"
#include "report/forward_programme_document.hpp"
#include "report/xlsx_sheet.hpp"

namespace clinaudit::report {
namespace {

using S = NumberStyle;

// A measure's value as the pack shows it: proportions (and ratios shown as events / cases)
// as percentages to one decimal place, rates per their multiplier (per 1,000 bed days) and
// anything else to two decimal places.
Cell measure_cell(const domain::MeasureChart& m, double value) {
  if (m.measure.type == domain::MeasureType::proportion || m.crude) return {value, S::percent_one_decimal};
  return {pack_value(m, value), S::two_decimals};
}

Cell optional_count(const std::optional<std::int64_t>& count) {
  if (!count) return "";
  return {static_cast<double>(*count), S::whole};
}

}  // namespace

void write_reaudit_sheet(lxw_workbook* workbook, const std::vector<domain::ReauditOutcome>& outcomes,
                         const SheetFormats& formats) {
  std::vector<CellRow> reaudits;
  reaudits.reserve(outcomes.size());
  for (const auto& r : outcomes) {
    reaudits.push_back({r.criterion.empty() ? r.reaudit.title : r.reaudit.title + ": " + r.criterion,
                        Cell{r.before_numerator / r.before_denominator, S::percent_one_decimal},
                        Cell{r.after_numerator / r.after_denominator, S::percent_one_decimal},
                        Cell{r.change.difference * 100, S::one_decimal},
                        Cell{r.change.interval.lower * 100, S::one_decimal},
                        Cell{r.change.interval.upper * 100, S::one_decimal}, r.verdict});
  }
  write_table(workbook, "Re-audits",
              {"Re-audit", "Before", "After", "Change (percentage points)", "Change: lower 95% limit",
               "Change: upper 95% limit", "Verdict"},
              reaudits, formats);
}

Result<void> write_board_pack_xlsx(const domain::BoardPack& pack, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Error{ErrorCode::storage_unavailable, "cannot create '" + path + "'"};
  const SheetFormats formats(workbook);

  std::vector<CellRow> summary;
  summary.reserve(pack.alert.size() + pack.advise.size() + pack.assure.size());
  for (const auto& line : pack.alert) summary.push_back({"Alert", line});
  for (const auto& line : pack.advise) summary.push_back({"Advise", line});
  for (const auto& line : pack.assure) summary.push_back({"Assure", line});
  write_table(workbook, "Summary", {"Category", "Finding"}, summary, formats);

  std::vector<CellRow> outliers;
  outliers.reserve(pack.open_outliers.size());
  for (const auto& row : pack.open_outliers) {
    const auto& c = row.item;
    outliers.push_back({row.audit_title, row.measure_name, c.period, std::string(domain::display_name(c.level)),
                        c.unfavourable ? "Worse than expected" : "Better than expected",
                        Cell{c.value, S::three_decimals}, std::string(domain::standing_words(c)), row.stage_name,
                        row.whose_turn, c.stage_due_on ? c.stage_due_on->to_string() : ""});
  }
  write_table(
      workbook, "Outlier cases",
      {"Audit", "Measure", "Period", "Level", "Direction", "Value", "Status", "Stage", "Whose turn", "Stage due"},
      outliers, formats);

  std::vector<CellRow> measures;
  measures.reserve(pack.measures.size());
  for (const auto& m : pack.measures) {
    const auto& last = m.chart.points.back();
    measures.push_back({m.audit.title, m.measure.name, m.measure.unit, m.periods.back(), measure_cell(m, last.value),
                        measure_cell(m, last.mean), measure_cell(m, last.lpl), measure_cell(m, last.upl),
                        std::string(domain::display_name(m.chart.variation)),
                        std::string(domain::display_name(m.chart.assurance))});
  }
  write_table(workbook, "Measures",
              {"Audit", "Measure", "Unit", "Latest period", "Latest value", "Mean", "Lower process limit",
               "Upper process limit", "Variation", "Assurance"},
              measures, formats);

  std::vector<CellRow> participation;
  participation.reserve(pack.participation.eligible.size());
  for (const auto& line : pack.participation.eligible) {
    participation.push_back({line.audit.title, line.participated ? "Yes" : "No", optional_count(line.cases_submitted),
                             optional_count(line.cases_required),
                             line.case_ascertainment ? Cell{*line.case_ascertainment, S::percent_whole} : Cell("")});
  }
  write_table(workbook, "Participation",
              {"Audit", "Took part", "Cases submitted", "Cases required", "Case ascertainment"}, participation,
              formats);

  std::vector<CellRow> actions;
  actions.reserve(pack.overdue_actions.size() + pack.completed_actions.size());
  for (const auto& a : pack.overdue_actions)
    actions.push_back({a.title, a.owner_name, a.due_on.to_string(), "Overdue", ""});
  for (const auto& a : pack.completed_actions) {
    actions.push_back({a.title, a.owner_name, a.due_on.to_string(), "Completed", a.completed_on->to_string()});
  }
  write_table(workbook, "Actions", {"Action", "Owner", "Due", "Status", "Completed on"}, actions, formats);

  write_reaudit_sheet(workbook, pack.reaudits, formats);

  const auto& cycle = pack.figures.cycle;
  write_division_progress(workbook, "Forward programme", cycle.divisions, cycle.programme, formats);
  std::vector<CellRow> overdue;
  overdue.reserve(cycle.overdue_reviews.size());
  for (const auto& r : cycle.overdue_reviews) {
    overdue.push_back({r.row.report.title, r.row.audit.code,
                       r.assignment ? r.assignment->lead_name : std::string("Not assigned"), r.deadline.to_string(),
                       std::string(domain::display_name(r.stage))});
  }
  write_table(workbook, "Overdue report reviews", {"Report", "Audit", "Lead", "Review due by", "Where it stands"},
              overdue, formats);

  std::vector<CellRow> guidance;
  for (const auto& item : cycle.nice_attention) {
    const auto& g = item.guidance;
    guidance.push_back({g.reference(), g.title, g.lead_name.empty() ? std::string("No lead") : g.lead_name,
                        std::string(domain::display_name(item.status)), std::to_string(item.without_action),
                        g.review_due ? g.review_due->to_string() : std::string("Not set"),
                        item.review_overdue ? std::string("Yes") : std::string("No")});
  }
  write_table(workbook, "NICE guidance",
              {"Reference", "Title", "Lead", "Baseline", "Not met without an action", "Next review", "Review overdue"},
              guidance, formats);

  if (workbook_close(workbook) != LXW_NO_ERROR) {
    return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  }
  return {};
}

}  // namespace clinaudit::report
