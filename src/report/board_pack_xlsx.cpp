// The board pack's tables as an XLSX workbook (libxlsxwriter).
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "domain/display_names.hpp"
#include "report/board_pack_document.hpp"
#include "report/xlsx_sheet.hpp"

namespace clinaudit::report {
namespace {

std::string num(double value) { return std::to_string(value); }

}  // namespace

Result<void> write_board_pack_xlsx(const domain::BoardPack& pack, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Error{ErrorCode::storage_unavailable, "cannot create '" + path + "'"};
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);

  std::vector<Row> summary;
  for (const auto& line : pack.alert) summary.push_back({"Alert", line});
  for (const auto& line : pack.advise) summary.push_back({"Advise", line});
  for (const auto& line : pack.assure) summary.push_back({"Assure", line});
  write_sheet(workbook, "Summary", {"Category", "Finding"}, summary, bold);

  std::vector<Row> outliers;
  for (const auto& row : pack.open_outliers) {
    const auto& c = row.item;
    outliers.push_back({row.audit_title, row.measure_name, c.period, std::string(domain::display_name(c.level)),
                        c.unfavourable ? "Worse than expected" : "Better than expected", num(c.value),
                        std::string(domain::standing_words(c)), row.stage_name,
                        c.stage_due_on ? c.stage_due_on->to_string() : ""});
  }
  write_sheet(workbook, "Outlier cases",
              {"Audit", "Measure", "Period", "Level", "Direction", "Value", "Status", "Stage", "Stage due"}, outliers,
              bold);

  std::vector<Row> measures;
  for (const auto& m : pack.measures) {
    const auto& last = m.chart.points.back();
    measures.push_back({m.audit.code + ": " + m.measure.name, m.periods.back(), num(last.value), num(last.mean),
                        num(last.lpl), num(last.upl), std::string(domain::display_name(m.chart.variation)),
                        std::string(domain::display_name(m.chart.assurance))});
  }
  write_sheet(
      workbook, "Measures",
      {"Measure", "Latest period", "Latest value", "Mean", "Lower limit", "Upper limit", "Variation", "Assurance"},
      measures, bold);

  std::vector<Row> participation;
  for (const auto& line : pack.participation.eligible) {
    participation.push_back({line.audit.title, line.participated ? "yes" : "no",
                             line.cases_submitted ? std::to_string(*line.cases_submitted) : "",
                             line.cases_required ? std::to_string(*line.cases_required) : "",
                             line.case_ascertainment ? num(*line.case_ascertainment * 100) : ""});
  }
  write_sheet(workbook, "Participation", {"Audit", "Took part", "Cases submitted", "Cases required", "Ascertainment %"},
              participation, bold);

  std::vector<Row> actions;
  for (const auto& a : pack.overdue_actions)
    actions.push_back({a.title, a.owner_name, a.due_on.to_string(), "overdue", ""});
  for (const auto& a : pack.completed_actions) {
    actions.push_back({a.title, a.owner_name, a.due_on.to_string(), "completed", a.completed_on->to_string()});
  }
  write_sheet(workbook, "Actions", {"Action", "Owner", "Due", "Status", "Completed"}, actions, bold);

  std::vector<Row> reaudits;
  for (const auto& r : pack.reaudits) {
    reaudits.push_back({r.reaudit.title, num(r.before_numerator / r.before_denominator * 100),
                        num(r.after_numerator / r.after_denominator * 100), num(r.change.difference * 100),
                        num(r.change.interval.lower * 100), num(r.change.interval.upper * 100), r.verdict});
  }
  write_sheet(workbook, "Re-audits",
              {"Re-audit", "Before %", "After %", "Change (points)", "CI lower", "CI upper", "Verdict"}, reaudits,
              bold);

  if (workbook_close(workbook) != LXW_NO_ERROR) {
    return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  }
  return {};
}

}  // namespace clinaudit::report
