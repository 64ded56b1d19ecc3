#include "report/board_pack_document.hpp"

#include <sstream>

#include "core/number_format.hpp"
#include "render/spc_chart.hpp"
#include "render/svg_writer.hpp"
#include "report/quality_account_document.hpp"

namespace clinaudit::report {
namespace {

using render::xml_escape;

std::string pct(double share) { return format_fixed(share * 100.0, 1) + "%"; }

constexpr const char* kStyle = R"(
body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.35rem;border-bottom:3px solid #005eb8;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem}th,td{border-bottom:1px solid #d8dde0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f5}.synthetic{background:#fff9c4;border-left:6px solid #ffeb3b;padding:.5rem .8rem}
.summary{display:grid;grid-template-columns:repeat(3,1fr);gap:1rem}.summary div{border-top:6px solid;padding:.5rem .8rem;background:#f0f4f5}
.assure{border-color:#007f3b!important}.advise{border-color:#ffb81c!important}.alert{border-color:#d5281b!important}
.icon{font-weight:bold;padding:.1rem .4rem;border-radius:.3rem;color:#fff;white-space:nowrap}
.icon-improvement{background:#289de0}.icon-concern{background:#fab428;color:#212b32}.icon-neutral{background:#361475}.icon-common{background:#7b7d7d}
.icon-pass{background:#289de0}.icon-fail{background:#fab428;color:#212b32}.icon-inconsistent{background:#7b7d7d}
.chart svg{max-width:100%;height:auto}.meta{color:#4c6272}
@page{size:A4;margin:16mm 14mm 18mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font-size:9pt;color:#4c6272}}
@media print{body{margin:0}section{break-before:page}section.first{break-before:auto}.chart{break-inside:avoid}}
)";

std::string variation_label(stats::VariationIcon icon) {
  switch (icon) {
    case stats::VariationIcon::common_cause: return "<span class=\"icon icon-common\">Common cause</span>";
    case stats::VariationIcon::improvement_high:
      return "<span class=\"icon icon-improvement\">Improvement (high)</span>";
    case stats::VariationIcon::improvement_low: return "<span class=\"icon icon-improvement\">Improvement (low)</span>";
    case stats::VariationIcon::concern_high: return "<span class=\"icon icon-concern\">Concern (high)</span>";
    case stats::VariationIcon::concern_low: return "<span class=\"icon icon-concern\">Concern (low)</span>";
    case stats::VariationIcon::neutral_high: return "<span class=\"icon icon-neutral\">Special cause (high)</span>";
    case stats::VariationIcon::neutral_low: return "<span class=\"icon icon-neutral\">Special cause (low)</span>";
  }
  return "";
}

std::string assurance_label(stats::AssuranceIcon icon) {
  switch (icon) {
    case stats::AssuranceIcon::none: return "No target";
    case stats::AssuranceIcon::consistent_pass: return "<span class=\"icon icon-pass\">Consistently passes</span>";
    case stats::AssuranceIcon::consistent_fail: return "<span class=\"icon icon-fail\">Consistently fails</span>";
    case stats::AssuranceIcon::inconsistent: return "<span class=\"icon icon-inconsistent\">Hit and miss</span>";
  }
  return "";
}

std::string format_value(const domain::MeasureChart& m, double value) {
  if (m.measure.type == domain::MeasureType::proportion || m.crude) return pct(value);
  return format_fixed(value, 2);
}

void list(std::ostringstream& out, const char* css, const char* title, const std::vector<std::string>& items) {
  out << "<div class=\"" << css << "\"><h3>" << title << "</h3>";
  if (items.empty()) {
    out << "<p>Nothing to report.</p>";
  } else {
    out << "<ul>";
    for (const auto& item : items) out << "<li>" << xml_escape(item) << "</li>";
    out << "</ul>";
  }
  out << "</div>";
}

}  // namespace

std::string board_pack_html(const domain::BoardPack& pack) {
  std::ostringstream out;
  out << "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Board pack: clinical audit — "
      << xml_escape(pack.organisation.name) << ", " << pack.meeting.to_string() << "</title><style>" << kStyle
      << "</style></head><body>";
  out << "<header><h1>Clinical audit: board assurance report</h1><p class=\"meta\">"
      << xml_escape(pack.organisation.name) << " · meeting of " << pack.meeting.to_string() << "</p></header>";

  out << "<section class=\"first\"><h2>Summary</h2><div class=\"summary\">";
  list(out, "alert", "Alert", pack.alert);
  list(out, "advise", "Advise", pack.advise);
  list(out, "assure", "Assure", pack.assure);
  out << "</div></section>";

  out << "<section><h2>Participation and case ascertainment</h2>"
      << quality_account_html(pack.participation, pack.meeting) << "</section>";

  out << "<section><h2>Open outlier cases</h2>";
  if (pack.open_outliers.empty())
    out << "<p>No open outlier cases.</p>";
  else {
    out << "<table><thead><tr><th>Period</th><th>Level</th><th>Direction</th><th>Value</th><th>Stage</th><th>Stage "
           "due</th></tr></thead><tbody>";
    for (const auto& c : pack.open_outliers) {
      out << "<tr><td>" << xml_escape(c.period) << "</td><td>" << to_string(c.level) << "</td><td>"
          << (c.unfavourable ? "worse than expected" : "better than expected") << "</td><td>"
          << format_fixed(c.value, 3) << "</td><td>" << xml_escape(c.stage) << "</td><td>"
          << (c.stage_due_on ? c.stage_due_on->to_string() : "—") << "</td></tr>";
    }
    out << "</tbody></table>";
  }
  out << "</section>";

  out << "<section><h2>Integrated quality report</h2><p>Making Data Count: variation icons show whether the latest "
         "point is common-cause or special-cause variation; assurance icons whether the target will be met.</p>";
  out << "<table><thead><tr><th>Audit</th><th>Measure</th><th>Latest</th><th>Mean</th><th>Variation</th><th>Assurance</"
         "th>"
         "</tr></thead><tbody>";
  for (const auto& m : pack.measures) {
    const auto& last = m.chart.points.back();
    out << "<tr><td>" << xml_escape(m.audit.code) << "</td><td>" << xml_escape(m.measure.name)
        << (m.crude ? " (crude rate)" : "") << "</td><td>" << format_value(m, last.value) << " ("
        << xml_escape(m.periods.back()) << ")</td><td>" << format_value(m, last.mean) << "</td><td>"
        << variation_label(m.chart.variation) << "</td><td>" << assurance_label(m.chart.assurance) << "</td></tr>";
  }
  out << "</tbody></table>";
  for (const auto& m : pack.measures) {
    if (m.chart.variation == stats::VariationIcon::common_cause) continue;
    const auto svg = render::spc_chart_svg(m.chart, m.periods, m.measure.target);
    if (svg) out << "<div class=\"chart\"><h3>" << xml_escape(m.measure.name) << "</h3>" << *svg << "</div>";
  }
  out << "</section>";

  out << "<section><h2>Risk-adjusted CUSUM alerts</h2>";
  if (pack.cusum_alerts.empty())
    out << "<p>No CUSUM signals in the past year.</p>";
  else {
    out << "<table><thead><tr><th>Signalled</th><th>Chart</th><th>Patients monitored</th></tr></thead><tbody>";
    for (const auto& a : pack.cusum_alerts) {
      out << "<tr><td>" << a.signalled_on.to_string() << "</td><td>"
          << (a.side == stats::CusumSide::upper ? "worse than expected (odds doubled)"
                                                : "better than expected (odds halved)")
          << "</td><td>" << a.episodes_monitored << "</td></tr>";
    }
    out << "</tbody></table>";
  }
  out << "</section>";

  out << "<section><h2>Actions</h2><h3>Overdue</h3>";
  if (pack.overdue_actions.empty())
    out << "<p>No overdue actions.</p>";
  else {
    out << "<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Days overdue</th></tr></thead><tbody>";
    for (const auto& a : pack.overdue_actions) {
      out << "<tr><td>" << xml_escape(a.title) << "</td><td>" << xml_escape(a.owner_name) << "</td><td>"
          << a.due_on.to_string() << "</td><td>" << pack.meeting.days_since(a.due_on) << "</td></tr>";
    }
    out << "</tbody></table>";
  }
  out << "<h3>Completed in the past 90 days</h3>";
  if (pack.completed_actions.empty())
    out << "<p>None.</p>";
  else {
    out << "<table><thead><tr><th>Action</th><th>Completed</th><th>On time</th><th>Evidence</th></tr></thead><tbody>";
    for (const auto& a : pack.completed_actions) {
      out << "<tr><td>" << xml_escape(a.title) << "</td><td>" << a.completed_on->to_string() << "</td><td>"
          << (*a.completed_on <= a.due_on ? "yes" : "no") << "</td><td>" << xml_escape(a.evidence) << "</td></tr>";
    }
    out << "</tbody></table>";
  }
  out << "</section>";

  out << "<section><h2>Re-audit outcomes</h2>";
  if (pack.reaudits.empty())
    out << "<p>No re-audits with results.</p>";
  else {
    out << "<table><thead><tr><th>Re-audit</th><th>Before</th><th>After</th><th>Change (95% CI)</th><th>Verdict</th>"
           "</tr></thead><tbody>";
    for (const auto& r : pack.reaudits) {
      out << "<tr><td>" << xml_escape(r.reaudit.title) << "</td><td>" << pct(r.before_numerator / r.before_denominator)
          << " (" << format_fixed(r.before_numerator, 0) << "/" << format_fixed(r.before_denominator, 0) << ")</td><td>"
          << pct(r.after_numerator / r.after_denominator) << " (" << format_fixed(r.after_numerator, 0) << "/"
          << format_fixed(r.after_denominator, 0) << ")</td><td>" << format_fixed(r.change.difference * 100, 1)
          << " points (" << format_fixed(r.change.interval.lower * 100, 1) << " to "
          << format_fixed(r.change.interval.upper * 100, 1) << ")</td><td>" << r.verdict << "</td></tr>";
    }
    out << "</tbody></table>";
  }
  out << "</section>";

  out << "<section><h2>National reports published but not yet reviewed</h2>";
  if (pack.unreviewed_reports.empty())
    out << "<p>Every published national report has been reviewed.</p>";
  else {
    out << "<ul>";
    for (const auto& r : pack.unreviewed_reports) {
      out << "<li>" << xml_escape(r.report_title) << " (published " << r.published_on.to_string() << ", "
          << pack.meeting.days_since(r.published_on) << " days ago)</li>";
    }
    out << "</ul>";
  }
  out << "<h2>How the board engages with audit</h2><table><thead><tr><th>Financial year</th><th>National reports "
         "reviewed</th><th>Median days from publication to review</th><th>Board actions completed on time</th></tr>"
         "</thead><tbody>";
  for (const auto& e : pack.engagement) {
    out << "<tr><td>" << e.year.to_string() << "</td><td>" << e.national_reports_reviewed << " of "
        << e.national_reports_published << "</td><td>"
        << (e.median_days_to_review ? format_fixed(*e.median_days_to_review, 0) : "—") << "</td><td>"
        << (e.board_actions_due > 0
                ? std::to_string(e.board_actions_on_time) + " of " + std::to_string(e.board_actions_due)
                : "none due")
        << "</td></tr>";
  }
  out << "</tbody></table></section></body></html>";
  return out.str();
}

}  // namespace clinaudit::report
