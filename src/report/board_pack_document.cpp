#include "report/board_pack_document.hpp"

#include "core/number_format.hpp"
#include "domain/display_names.hpp"
#include "render/html.hpp"
#include "render/measure_charts.hpp"
#include "report/forward_programme_document.hpp"
#include "report/quality_account_document.hpp"

namespace clinaudit::report {
namespace {

using render::Html;
using render::html;
using render::operator""_html;

std::string pct(double share) { return format_fixed(share * 100.0, 1) + "%"; }

constexpr render::Markup kStyle = R"(
body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2rem;line-height:1.45}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{font-size:1.35rem;border-bottom:3px solid #005eb8;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem}th,td{border-bottom:1px solid #d8dde0;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f4f5}.synthetic{background:#fff9c4;border-left:6px solid #ffeb3b;padding:.5rem .8rem}
.summary{display:grid;grid-template-columns:repeat(3,1fr);gap:1rem}.summary div{border-top:6px solid;padding:.5rem .8rem;background:#f0f4f5}
.assure{border-color:#007f3b!important}.advise{border-color:#ffb81c!important}.alert{border-color:#d5281b!important}
.icon{font-weight:bold;padding:.1rem .4rem;border-radius:.3rem;color:#fff;white-space:nowrap}
.icon-improvement{background:#289de0;color:#212b32}.icon-concern{background:#fab428;color:#212b32}.icon-neutral{background:#361475}.icon-common{background:#686a6a}
.icon-pass{background:#289de0;color:#212b32}.icon-fail{background:#fab428;color:#212b32}.icon-inconsistent{background:#686a6a}
.chart svg text{font-family:Arial,Helvetica,sans-serif}.chart-values summary{cursor:pointer}
@media print{.chart-values{display:none}}
.chart svg{max-width:100%;height:auto}.meta{color:#4c6272}
@page{size:A4;margin:16mm 14mm 18mm;@bottom-right{content:"Page " counter(page) " of " counter(pages);font-size:9pt;color:#4c6272}}
@media (max-width:640px){body{margin:1rem}.summary{grid-template-columns:1fr}table{display:block;overflow-x:auto;position:relative}}
@media print{body{margin:0}h2,h3{break-after:avoid}tr,li,.chart,.summary div,.warning{break-inside:avoid}thead{display:table-header-group}p{orphans:3;widows:3}}
)"_html;

const char* variation_class(stats::VariationIcon icon) {
  switch (icon) {
    case stats::VariationIcon::common_cause: return "icon icon-common";
    case stats::VariationIcon::improvement_high:
    case stats::VariationIcon::improvement_low: return "icon icon-improvement";
    case stats::VariationIcon::concern_high:
    case stats::VariationIcon::concern_low: return "icon icon-concern";
    case stats::VariationIcon::neutral_high:
    case stats::VariationIcon::neutral_low: return "icon icon-neutral";
  }
  return "icon";
}

Html variation_label(stats::VariationIcon icon) {
  return html("<span class=\"{}\">{}</span>", variation_class(icon), domain::display_name(icon));
}

Html assurance_label(stats::AssuranceIcon icon) {
  switch (icon) {
    case stats::AssuranceIcon::none: return html("{}", domain::display_name(icon));
    case stats::AssuranceIcon::consistent_pass:
      return html("<span class=\"icon icon-pass\">{}</span>", domain::display_name(icon));
    case stats::AssuranceIcon::consistent_fail:
      return html("<span class=\"icon icon-fail\">{}</span>", domain::display_name(icon));
    case stats::AssuranceIcon::inconsistent:
      return html("<span class=\"icon icon-inconsistent\">{}</span>", domain::display_name(icon));
  }
  return {};
}

std::string format_value(const domain::MeasureChart& m, double value) {
  if (m.measure.type == domain::MeasureType::proportion || m.crude) return pct(value);
  return format_fixed(pack_value(m, value), 2);
}

Html list(const char* css, const char* title, const std::vector<std::string>& items) {
  Html out = html("<div class=\"{}\"><h3>{}</h3>", css, title);
  if (items.empty()) {
    out += "<p>Nothing to report.</p>"_html;
  } else {
    out += "<ul>"_html;
    for (const auto& item : items) out += html("<li>{}</li>", item);
    out += "</ul>"_html;
  }
  out += "</div>"_html;
  return out;
}

}  // namespace

double pack_value(const domain::MeasureChart& m, double value) {
  if (m.measure.type == domain::MeasureType::rate && !m.crude) return value * m.measure.rate_multiplier;
  return value;
}

std::string board_pack_html(const domain::BoardPack& pack) {
  Html out = html(
      "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>Board pack: clinical audit — {}, {}"
      "</title><style>{}</style></head><body>",
      pack.organisation.name, pack.meeting.to_string(), kStyle);
  out +=
      html("<header><h1>Clinical audit: board assurance report</h1><p class=\"meta\">{} · meeting of {}</p></header>",
           pack.organisation.name, pack.meeting.to_string());

  out += "<section><h2>Summary</h2><div class=\"summary\">"_html;
  out += list("alert", "Alert", pack.alert);
  out += list("advise", "Advise", pack.advise);
  out += list("assure", "Assure", pack.assure);
  out += "</div></section>"_html;

  out += html("<section><h2>Participation and case ascertainment</h2><p>{}</p>{}{}</section>",
              domain::participation_definition(pack.figures.participation, pack.figures.year),
              quality_account_notes_html(pack.participation, pack.meeting), quality_account_html(pack.participation));

  out += "<section><h2>Open outlier cases</h2>"_html;
  if (pack.open_outliers.empty()) {
    out += "<p>No open outlier cases.</p>"_html;
  } else {
    out +=
        "<table><thead><tr><th>Audit</th><th>Measure</th><th>Period</th><th>Level</th><th>Direction</th>"
        "<th>Value</th><th>Status</th><th>Stage</th><th>Whose turn</th><th>Stage due</th></tr></thead><tbody>"_html;
    for (const auto& row : pack.open_outliers) {
      const auto& c = row.item;
      out += html(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
          "<td>{}</td></tr>",
          row.audit_title, row.measure_name, c.period, domain::display_name(c.level),
          c.unfavourable ? "Worse than expected" : "Better than expected", row.value_words, domain::standing_words(c),
          row.stage_name, row.whose_turn.empty() ? "—" : row.whose_turn,
          c.stage_due_on ? c.stage_due_on->to_string() : "—");
    }
    out += "</tbody></table>"_html;
  }
  out += "</section>"_html;

  out +=
      "<section><h2>Integrated quality report</h2><p>Making Data Count: variation icons show whether the latest "
      "point is common-cause or special-cause variation; assurance icons whether the target will be met. Each measure "
      "with at least twelve monthly results up to the meeting is shown; the dashboard counts the same ones.</p>"_html;
  out +=
      "<table><thead><tr><th>Audit</th><th>Measure</th><th>Latest</th><th>Mean</th><th>Variation</th><th>Assurance"
      "</th></tr></thead><tbody>"_html;
  for (const auto& m : pack.measures) {
    const auto& last = m.chart.points.back();
    out += html("<tr><td>{}</td><td>{}{}</td><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td></tr>", m.audit.code,
                m.measure.name, m.crude ? " (crude rate)" : "", format_value(m, last.value), m.periods.back(),
                format_value(m, last.mean), variation_label(m.chart.variation), assurance_label(m.chart.assurance));
  }
  out += "</tbody></table>"_html;
  // The charts are stored, not computed for the pack (domain/stored_measure_charts.hpp). Their
  // times of computation stay out: the same records and meeting give the same pack, byte for byte.
  if (!pack.measures.empty()) {
    out += html(
        "<p class=\"muted\">From {} stored chart(s), each computed when its results or settings last "
        "changed, and drawn over the results up to the meeting.</p>",
        pack.measures.size());
  }
  for (const auto& m : pack.measures) {
    if (!domain::needs_chart(m)) continue;
    auto measure = m.measure;
    if (m.crude) measure.type = domain::MeasureType::proportion;  // events / cases until expected counts come
    const auto chart = render::measure_spc(measure, m.chart, m.periods, m.audit.code + ": " + m.measure.name);
    if (chart.svg.empty()) continue;
    // The SVG of render/'s chart writer, whose every label is escaped as it is written.
    const Html svg = Html::trusted(chart.svg);
    // Its values table, from render/'s chart_values, every cell escaped as it is written.
    const Html values = Html::trusted(chart.values);
    out += html("<div class=\"chart\"><h3>{}</h3>{}{}</div>", m.measure.name, svg, values);
  }
  out += "</section>"_html;

  out += "<section><h2>Risk-adjusted CUSUM alerts</h2>"_html;
  if (pack.cusum_alerts.empty()) {
    out += "<p>No CUSUM signals in the past year.</p>"_html;
  } else {
    out += "<table><thead><tr><th>Signalled</th><th>Chart</th><th>Patients monitored</th></tr></thead><tbody>"_html;
    for (const auto& a : pack.cusum_alerts) {
      out += html("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", a.signalled_on.to_string(),
                  a.side == stats::CusumSide::upper ? "worse than expected (odds doubled)"
                                                    : "better than expected (odds halved)",
                  a.episodes_monitored);
    }
    out += "</tbody></table>"_html;
  }
  // What the signals were computed from, and when: they are stored (domain/cusum_monitoring.hpp).
  if (pack.figures.cusum_monitoring.empty()) {
    out +=
        "<p class=\"muted\">The CUSUM signals have not been computed yet: they are computed when a national audit's "
        "episodes are imported, and again each day.</p>"_html;
  }
  for (const auto& m : pack.figures.cusum_monitoring) {
    if (m.monitoring.episodes == 0) continue;  // a national audit with no patient-level data here
    out += html("<p class=\"muted\">{}: signals computed on {} from {} episodes admitted {} to {}.</p>", m.audit.title,
                m.monitoring.to.to_string(), m.monitoring.episodes, m.monitoring.from.to_string(),
                m.monitoring.to.to_string());
  }
  out += "</section>"_html;

  out += "<section><h2>Actions</h2><h3>Overdue</h3>"_html;
  if (pack.overdue_actions.empty()) {
    out += "<p>No overdue actions.</p>"_html;
  } else {
    out += "<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Days overdue</th></tr></thead><tbody>"_html;
    for (const auto& a : pack.overdue_actions) {
      out += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", a.title, a.owner_name, a.due_on.to_string(),
                  pack.meeting.days_since(a.due_on));
    }
    out += "</tbody></table>"_html;
  }
  out += "<h3>Completed in the past 90 days</h3>"_html;
  if (pack.completed_actions.empty()) {
    out += "<p>None.</p>"_html;
  } else {
    out +=
        "<table><thead><tr><th>Action</th><th>Completed</th><th>On time</th><th>Evidence</th></tr></thead><tbody>"_html;
    for (const auto& a : pack.completed_actions) {
      out += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", a.title, a.completed_on->to_string(),
                  *a.completed_on <= a.due_on ? "yes" : "no", a.evidence);
    }
    out += "</tbody></table>"_html;
  }
  out += "</section>"_html;

  out += "<section><h2>Re-audit outcomes</h2>"_html;
  if (pack.reaudits.empty()) {
    out += "<p>No re-audits with results.</p>"_html;
  } else {
    out +=
        "<table><thead><tr><th>Re-audit</th><th>Before</th><th>After</th><th>Change (95% CI)</th><th>Verdict</th>"
        "</tr></thead><tbody>"_html;
    for (const auto& r : pack.reaudits) {
      out += html("<tr><td>{}</td><td>{} ({}/{})</td><td>{} ({}/{})</td><td>{} points ({} to {})</td><td>{}</td></tr>",
                  r.criterion.empty() ? r.reaudit.title : r.reaudit.title + ": " + r.criterion,
                  pct(r.before_numerator / r.before_denominator), format_fixed(r.before_numerator, 0),
                  format_fixed(r.before_denominator, 0), pct(r.after_numerator / r.after_denominator),
                  format_fixed(r.after_numerator, 0), format_fixed(r.after_denominator, 0),
                  format_fixed(r.change.difference * 100, 1), format_fixed(r.change.interval.lower * 100, 1),
                  format_fixed(r.change.interval.upper * 100, 1), r.verdict);
    }
    out += "</tbody></table>"_html;
  }
  out += "</section>"_html;

  const auto& cycle = pack.figures.cycle;
  out += html("<section><h2>Forward programme {}</h2>", cycle.year.to_string());
  if (cycle.programme.in_plan + cycle.programme.awaiting_approval == 0) {
    out += "<p>No local audits are planned for this year.</p>"_html;
  } else {
    out += html(
        "<p>Progress against the plan: the local audits approved to start this year and those carried over from "
        "earlier years, by division.{}</p>",
        cycle.carried_without_reason > 0
            ? " " + std::to_string(cycle.carried_without_reason) + " carried over with no reason recorded."
            : std::string());
    out += to_html(TextDocument{{division_progress_table(cycle.divisions, cycle.programme)}});
  }
  out += "</section>"_html;

  out += "<section><h2>National report reviews past their deadline</h2>"_html;
  if (cycle.overdue_reviews.empty()) {
    out += "<p>No review on the report tracker is past its deadline.</p>"_html;
  } else {
    out +=
        "<table><thead><tr><th>Report</th><th>Lead</th><th>Review due by</th><th>Where it stands</th></tr></thead>"
        "<tbody>"_html;
    for (const auto& r : cycle.overdue_reviews) {
      out += html("<tr><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td></tr>", r.row.report.title, r.row.audit.code,
                  r.assignment ? r.assignment->lead_name : std::string("Not assigned"), r.deadline.to_string(),
                  domain::display_name(r.stage));
    }
    out += "</tbody></table>"_html;
  }
  out += "</section>"_html;

  out += "<section><h2>NICE guidance needing attention</h2>"_html;
  const auto& nice = cycle.nice;
  const auto counted = [](int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  out += html(
      "<p>{} of {} of applicable NICE guidance fully met; {} not compliant, {} partly compliant; {} not met "
      "without an action; {} past {} date.</p>",
      nice.compliant, counted(nice.applicable, "piece", "pieces"), nice.not_compliant, nice.partly_compliant,
      counted(nice.recommendations_without_action, "recommendation", "recommendations"),
      counted(nice.reviews_overdue, "review", "reviews"), nice.reviews_overdue == 1 ? "its" : "their");
  if (cycle.nice_attention.empty()) {
    out += "<p>No NICE guidance in the register needs attention.</p>"_html;
  } else {
    out +=
        "<table><thead><tr><th>Guidance</th><th>Lead</th><th>Baseline</th><th>Not met without an action</th>"
        "<th>Next review</th></tr></thead><tbody>"_html;
    for (const auto& item : cycle.nice_attention) {
      const auto& g = item.guidance;
      out += html("<tr><td>{}: {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>", g.reference(), g.title,
                  g.lead_name.empty() ? std::string("No lead") : g.lead_name, domain::display_name(item.status),
                  item.without_action, g.review_due ? g.review_due->to_string() : std::string("Not set"),
                  item.review_overdue ? " (overdue)" : "");
    }
    out += "</tbody></table>"_html;
  }
  out += "</section>"_html;

  out += "<section><h2>National reports published but not yet reviewed</h2>"_html;
  if (pack.unreviewed_reports.empty()) {
    out += "<p>Every published national report has been reviewed.</p>"_html;
  } else {
    out += "<ul>"_html;
    for (const auto& r : pack.unreviewed_reports) {
      out += html("<li>{} (published {}, {} days ago)</li>", r.report_title, r.published_on.to_string(),
                  pack.meeting.days_since(r.published_on));
    }
    out += "</ul>"_html;
  }
  out +=
      "<h2>How the board engages with audit</h2><table><thead><tr><th>Financial year</th><th>National reports "
      "reviewed</th><th>Median days from publication to review</th><th>Board actions completed on time</th></tr>"
      "</thead><tbody>"_html;
  for (const auto& e : pack.engagement) {
    out += html(
        "<tr><td>{}</td><td>{} of {}</td><td>{}</td><td>{}</td></tr>", e.year.to_string(), e.national_reports_reviewed,
        e.national_reports_published, e.median_days_to_review ? format_fixed(*e.median_days_to_review, 0) : "—",
        e.board_actions_due > 0 ? std::to_string(e.board_actions_on_time) + " of " + std::to_string(e.board_actions_due)
                                : "none due");
  }
  out += "</tbody></table></section></body></html>"_html;
  return std::move(out).str();
}

}  // namespace clinaudit::report
