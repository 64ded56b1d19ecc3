#include "report/annual_audit_report_document.hpp"

#include <xlsxwriter.h>

#include "core/number_format.hpp"
#include "report/board_pack_document.hpp"
#include "report/forward_programme_document.hpp"
#include "report/xlsx_sheet.hpp"

namespace clinaudit::report {

namespace {

std::string count_of(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string pct(double share) { return format_fixed(share * 100.0, 1) + "%"; }

std::string reaudit_name(const domain::ReauditOutcome& r) {
  return r.criterion.empty() ? r.reaudit.title : r.reaudit.title + ": " + r.criterion;
}

std::string change_text(const domain::ReauditOutcome& r) {
  const auto points = [](double share) {
    const std::string text = format_fixed(share * 100.0, 1);
    return share > 0 ? "+" + text : text;
  };
  return points(r.change.difference) + " points (" + points(r.change.interval.lower) + " to " +
         points(r.change.interval.upper) + ")";
}

std::vector<std::string> summary_lines(const domain::AnnualAuditReport& r) {
  const auto& plan = r.programme.total;
  std::vector<std::string> lines;
  std::string programme = "Programme delivered: " + std::to_string(plan.completed) + " of " +
                          std::to_string(plan.in_plan) + " planned local audits completed";
  if (plan.completed_share()) programme += " (" + completed_share_text(plan) + ")";
  lines.push_back(programme + "; " + std::to_string(plan.abandoned) + " abandoned; " +
                  std::to_string(plan.carrying_over) + " carried over to the next year.");
  lines.push_back("Local audits completed within the year: " + std::to_string(r.completed_count) + ".");
  lines.push_back("National audits and confidential enquiries: took part in " +
                  std::to_string(r.programme.national_taking_part) + " of the " +
                  std::to_string(r.programme.national_eligible) + " the trust was eligible for.");
  lines.push_back("National audit reports published in the year: " + std::to_string(r.national_reports_reviewed) +
                  " of " + std::to_string(r.national_reports_published) + " reviewed.");
  lines.push_back(
      "Actions: " + count_of(r.actions_completed, "action", "actions") + " completed in the year, " +
      std::to_string(r.actions_completed_on_time) + " of them by the due date; " + std::to_string(r.actions_overdue) +
      " due in the year and " +
      (r.as_of < r.year.last_day() ? "not done by today (the year is under way)." : "not done by the year's end."));
  const auto& nice = r.nice;
  lines.push_back("NICE guidance: " + count_of(nice.applicable, "piece applies", "pieces apply") + " to the trust; " +
                  std::to_string(nice.compliant) + " fully met, " + std::to_string(nice.partly_compliant) +
                  " partly and " + std::to_string(nice.not_compliant) + " not; " +
                  std::to_string(nice.baseline_incomplete) + " with the baseline incomplete; " +
                  count_of(r.nice_reviewed, "piece", "pieces") + " reviewed within the year.");
  int improved = 0;
  int declined = 0;
  for (const auto& outcome : r.reaudits) {
    improved += outcome.verdict == "improved" ? 1 : 0;
    declined += outcome.verdict == "declined" ? 1 : 0;
  }
  lines.push_back("Re-audit results: " + std::to_string(improved) + " improved, " + std::to_string(declined) +
                  " declined, " + std::to_string(static_cast<int>(r.reaudits.size()) - improved - declined) +
                  " with no clear change.");
  return lines;
}

Table reviews_table(const std::vector<domain::QaReviewLine>& reviews) {
  Table table{{"Audit", "Report", "Reviewed on", "Committee", "Actions intended"}, {}};
  for (const auto& line : reviews) {
    table.rows.push_back(
        {line.audit_code, line.report_title, line.reviewed_on.to_string(), line.committee, line.intended_actions});
  }
  return table;
}

Table reaudit_table(const std::vector<domain::ReauditOutcome>& reaudits) {
  Table table{{"Re-audit", "Before", "After", "Change (95% CI)", "Verdict"}, {}};
  for (const auto& r : reaudits) {
    table.rows.push_back({reaudit_name(r),
                          pct(r.before_numerator / r.before_denominator) + " (" + format_fixed(r.before_numerator, 0) +
                              " of " + format_fixed(r.before_denominator, 0) + ")",
                          pct(r.after_numerator / r.after_denominator) + " (" + format_fixed(r.after_numerator, 0) +
                              " of " + format_fixed(r.after_denominator, 0) + ")",
                          change_text(r), r.verdict});
  }
  return table;
}

Table nice_table(const std::vector<domain::TrackedGuidance>& items) {
  Table table{{"Guidance", "Lead", "Baseline", "Recommendations met", "Actions open", "Next review"}, {}};
  for (const auto& item : items) {
    const auto& g = item.guidance;
    table.rows.push_back(
        {g.reference() + ": " + g.title, g.lead_name.empty() ? std::string("No lead") : g.lead_name,
         std::string(domain::display_name(item.status)),
         std::to_string(item.compliant + item.not_applicable) + " of " + std::to_string(item.recommendations),
         std::to_string(item.open_actions), g.review_due ? g.review_due->to_string() : std::string("Not set")});
  }
  return table;
}

void add_table_or(TextDocument& doc, Table table, const char* none) {
  if (table.rows.empty()) {
    doc.blocks.emplace_back(paragraph(none));
  } else {
    doc.blocks.emplace_back(std::move(table));
  }
}

}  // namespace

TextDocument annual_audit_report_document(const domain::AnnualAuditReport& r) {
  TextDocument doc;
  doc.blocks.emplace_back(Heading{1, "Annual clinical audit report " + r.year.to_string()});
  doc.blocks.emplace_back(paragraph(r.organisation + ", as at " + r.as_of.to_string() + "."));
  doc.blocks.emplace_back(Heading{2, "Summary"});
  BulletList summary;
  for (auto& line : summary_lines(r)) summary.items.push_back({Run{std::move(line), false}});
  doc.blocks.emplace_back(std::move(summary));

  doc.blocks.emplace_back(Heading{2, "Programme delivered against plan"});
  doc.blocks.emplace_back(
      paragraph("The plan is the local audits approved to start in the year and those carried over from earlier years "
                "(the forward programme of " +
                r.year.to_string() + ")."));
  doc.blocks.emplace_back(division_progress_table(r.programme.divisions, r.programme.total));

  doc.blocks.emplace_back(Heading{2, "Local audits completed, by division"});
  if (r.completed.empty()) doc.blocks.emplace_back(paragraph("No local audit was completed within the year."));
  for (const auto& division : r.completed) {
    doc.blocks.emplace_back(Heading{3, division.division});
    Table table{{"Audit", "Lead", "Priority", "Completed on"}, {}};
    for (const auto& item : division.audits) {
      table.rows.push_back({item.code + ": " + item.title, item.lead, std::string(domain::display_name(item.tier)),
                            item.finished_on ? item.finished_on->to_string() : std::string()});
    }
    doc.blocks.emplace_back(std::move(table));
  }

  doc.blocks.emplace_back(Heading{2, "National audit reports reviewed"});
  add_table_or(doc, reviews_table(r.quality_account.national_reviews),
               "No national audit report was reviewed within the year.");
  doc.blocks.emplace_back(Heading{2, "Local audit reports reviewed"});
  doc.blocks.emplace_back(
      paragraph("These are the local audits the Quality Account reports for " + r.year.to_string() + "."));
  add_table_or(doc, reviews_table(r.quality_account.local_reviews),
               "No local audit report was reviewed within the year.");

  doc.blocks.emplace_back(Heading{2, "NICE guidance compliance"});
  doc.blocks.emplace_back(paragraph("The NICE guidance the trust judges to apply, with its baseline as it stands on " +
                                    r.as_of.to_string() +
                                    ". A recommendation counts as met when it is compliant or does not apply."));
  add_table_or(doc, nice_table(r.nice_applicable), "No NICE guidance in the register is judged to apply.");

  doc.blocks.emplace_back(Heading{2, "Re-audit outcomes"});
  add_table_or(doc, reaudit_table(r.reaudits), "No re-audit of the year's programme has results before and after.");
  return doc;
}

std::string annual_audit_report_html(const domain::AnnualAuditReport& report) {
  return to_print_html("Annual clinical audit report " + report.year.to_string() + ": " + report.organisation,
                       annual_audit_report_document(report));
}

Result<void> write_annual_audit_report_xlsx(const domain::AnnualAuditReport& r, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Error{ErrorCode::storage_unavailable, "cannot create '" + path + "'"};
  const SheetFormats formats(workbook);

  std::vector<CellRow> summary;
  for (auto& line : summary_lines(r)) summary.push_back({std::move(line)});
  write_table(workbook, "Summary", {"Finding"}, summary, formats);
  write_division_progress(workbook, "By division", r.programme.divisions, r.programme.total, formats);

  std::vector<CellRow> completed;
  for (const auto& division : r.completed) {
    for (const auto& item : division.audits) {
      completed.push_back({division.division, item.code, item.title, item.lead,
                           std::string(domain::display_name(item.tier)),
                           item.finished_on ? item.finished_on->to_string() : std::string()});
    }
  }
  write_table(workbook, "Completed", {"Division", "Code", "Title", "Lead", "Priority", "Completed on"}, completed,
              formats);

  std::vector<CellRow> reviewed;
  for (const auto* lines : {&r.quality_account.national_reviews, &r.quality_account.local_reviews}) {
    const char* kind = lines == &r.quality_account.national_reviews ? "National" : "Local";
    for (const auto& line : *lines) {
      reviewed.push_back({kind, line.audit_code, line.report_title, line.reviewed_on.to_string(), line.committee,
                          line.intended_actions});
    }
  }
  write_table(workbook, "Reports reviewed",
              {"National or local", "Audit", "Report", "Reviewed on", "Committee", "Actions intended"}, reviewed,
              formats);

  write_reaudit_sheet(workbook, r.reaudits, formats);

  std::vector<CellRow> guidance;
  for (const auto& row : nice_table(r.nice_applicable).rows) guidance.emplace_back(row.begin(), row.end());
  write_table(workbook, "NICE guidance",
              {"Guidance", "Lead", "Baseline", "Recommendations met", "Actions open", "Next review"}, guidance,
              formats);

  if (workbook_close(workbook) != LXW_NO_ERROR) {
    return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  }
  return {};
}

}  // namespace clinaudit::report
