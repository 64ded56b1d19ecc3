// A survey's results as an XLSX workbook (libxlsxwriter).
#include <xlsxwriter.h>

#include "report/survey_document.hpp"
#include "report/xlsx_sheet.hpp"

namespace clinaudit::report {

namespace {

std::string percent(double share) { return std::to_string(share * 100.0); }

Row share_row(const domain::QuestionResult& q, const domain::ShareResult& s) {
  return {q.question.code,
          q.question.text,
          s.label,
          std::to_string(s.count),
          std::to_string(q.answered),
          percent(s.share),
          percent(s.interval.lower),
          percent(s.interval.upper)};
}

}  // namespace

Result<void> write_survey_xlsx(const domain::SurveyResults& results, const std::vector<domain::WaveChange>& changes,
                               const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Error{ErrorCode::storage_unavailable, "cannot create '" + path + "'"};
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);

  std::vector<Row> shares;
  for (const auto& q : results.questions) {
    for (const auto& group : q.groups) shares.push_back(share_row(q, group));
    for (const auto& option : q.options) shares.push_back(share_row(q, option));
  }
  write_sheet(
      workbook, "Shares",
      {"Question code", "Question", "Answer or group", "Count", "Answered", "Percent", "95% CI lower", "95% CI upper"},
      shares, bold);

  std::vector<Row> by_type;
  for (const auto& q : results.questions) {
    for (std::size_t o = 0; o < q.counts_by_type.size() && o < q.options.size(); ++o) {
      for (std::size_t t = 0; t < q.types.size() && t < q.counts_by_type[o].size(); ++t) {
        by_type.push_back({q.question.code, q.options[o].label, std::string(domain::display_name(q.types[t])),
                           std::to_string(q.counts_by_type[o][t])});
      }
    }
  }
  write_sheet(workbook, "By organisation type", {"Question code", "Answer", "Organisation type", "Count"}, by_type,
              bold);

  std::vector<Row> change_rows;
  change_rows.reserve(changes.size());
  for (const auto& change : changes) {
    change_rows.push_back({change.question_code, change.label, percent(change.earlier.share),
                           percent(change.later.share), percent(change.change.difference),
                           percent(change.change.interval.lower), percent(change.change.interval.upper)});
  }
  write_sheet(
      workbook, "Change since last wave",
      {"Question code", "Answer or group", "Before %", "After %", "Change (points)", "95% CI lower", "95% CI upper"},
      change_rows, bold);

  if (workbook_close(workbook) != LXW_NO_ERROR) {
    return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  }
  return {};
}

}  // namespace clinaudit::report
