#include "core/number_format.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

Html option(std::string_view value, std::string_view label, bool selected) {
  return html("<option value=\"{}\"{}>{}</option>", value, selected ? " selected"_html : ""_html, label);
}

Html participation_cell(const std::optional<domain::Participation>& record) {
  if (!record || !record->eligible) return "<span class=\"status status-amber\">Not recorded</span>"_html;
  if (!*record->eligible) return "<span class=\"status status-grey\">Not eligible</span>"_html;
  if (record->participating.value_or(false)) {
    Html out = "<span class=\"status status-green\">Taking part</span>"_html;
    if (auto share = record->case_ascertainment()) out += html(" {} of cases", percent(*share));
    return out;
  }
  if (record->participating) return "<span class=\"status status-red\">Not taking part</span>"_html;
  return "<span class=\"status status-amber\">Eligible, taking part not recorded</span>"_html;
}

Html participation_list(const std::optional<domain::Participation>& record) {
  if (!record) return "<p class=\"muted\">Nothing is recorded for this year.</p>"_html;
  Html out = html("<dl class=\"summary-list\"><dt>Eligible</dt><dd>{}</dd><dt>Taking part</dt><dd>{}</dd>",
                  yes_no_unknown(record->eligible), yes_no_unknown(record->participating));
  if (!record->reason_not_participating.empty()) {
    out += html("<dt>Reason for not taking part</dt><dd>{}</dd>", record->reason_not_participating);
  }
  out += html("<dt>Data collection completed</dt><dd>{}</dd><dt>Cases submitted</dt><dd>{} of {} required",
              yes_no_unknown(record->data_collection_completed), count_or_dash(record->cases_submitted),
              count_or_dash(record->cases_required));
  if (auto share = record->case_ascertainment()) out += html(" ({})", percent(*share));
  out += "</dd></dl>"_html;
  return out;
}

}  // namespace

// The level of a case: worse-than-expected cases in red (alarm) or amber (alert); a better
// than expected one in blue with a dashed border, and says so in words.
Html outlier_level(const domain::OutlierCase& c) {
  if (!c.unfavourable) {
    return html("<span class=\"status status-blue\">Better than expected</span> {}", domain::display_name(c.level));
  }
  return html("<span class=\"status {}\">{}</span>",
              c.level == domain::OutlierLevel::alarm ? "status-red" : "status-amber", domain::display_name(c.level));
}

Html outliers_table(const std::vector<OutlierRow>& rows, bool with_organisation) {
  Html out = "<table><thead><tr>"_html;
  if (with_organisation) out += "<th scope=\"col\">Organisation</th>"_html;
  out +=
      "<th scope=\"col\">Audit and measure</th><th scope=\"col\">Period</th><th scope=\"col\">Level</th>"
      "<th scope=\"col\">Direction</th><th scope=\"col\">Stage</th><th scope=\"col\">Whose turn</th>"
      "<th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead><tbody>"_html;
  for (const auto& row : rows) {
    const auto& c = row.item;
    out += "<tr>"_html;
    // The case's link is on the organisation where there is one, else on the period.
    if (with_organisation) {
      out += html("<td><a href=\"/outliers/{}\">{}</a></td><td><a href=\"/audits/{}\">{}</a><br>{}</td><td>{}</td>",
                  c.id.value, row.organisation_name, c.audit_id.value, row.audit_title, row.measure_name, c.period);
    } else {
      out += html("<td><a href=\"/audits/{}\">{}</a><br>{}</td><td><a href=\"/outliers/{}\">{}</a></td>",
                  c.audit_id.value, row.audit_title, row.measure_name, c.id.value, c.period);
    }
    out += html("<td>{}</td><td>{} than expected, {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                outlier_level(c), c.high ? "Higher" : "Lower", c.unfavourable ? "worse" : "better",
                c.is_open() ? row.stage_name : std::string("–"), row.whose_turn.empty() ? "–" : row.whose_turn,
                c.stage_due_on ? c.stage_due_on->to_string() : "–", domain::standing_words(c));
  }
  out += "</tbody></table>"_html;
  return out;
}

Html measure_section(const MeasureView& view, bool national) {
  const auto& m = view.measure;
  Html out = html("<section class=\"panel\" aria-labelledby=\"measure-{}\"><h3 id=\"measure-{}\">{}</h3>", m.id.value,
                  m.id.value, m.name);
  out += html("<p class=\"muted\">{}; better is {}", domain::display_name(m.type), domain::display_name(m.improvement));
  if (m.target) out += html("; target {}", format_number(*m.target));
  out += ".</p>"_html;
  if (!national) {
    out += html("<p><strong>Your trend:</strong> {}", variation_label(view.variation));
    if (!view.variation.empty()) out += html(". {}", assurance_label(view.assurance));
    out += ".</p>"_html;
    if (!view.spc.svg.empty()) {
      out += html(
          "<figure class=\"chart spc\">{}<figcaption>XmR chart (Making Data Count): special causes are coloured and "
          "shaped — blue squares improvement, orange diamonds concern; the legend names the lines, and the icons "
          "top right give the variation and whether the target is assured. Hover over a point for its period, "
          "value and rule, or open the values below the chart.</figcaption></figure>",
          chart_svg(view.spc.svg, view.spc.values));
    }
  }
  if (view.funnel) {
    const auto& f = *view.funnel;
    if (!f.svg.empty()) {
      out += html(
          "<figure class=\"chart\">{}<figcaption>Funnel plot, {}. Hover over a point to see the provider and value, "
          "or open the values below the chart. {}</figcaption></figure>",
          chart_svg(f.svg, f.values), f.period, f.note);
    } else {
      out += html("<p class=\"muted\">{}</p>", f.note);
    }
    if (!f.flags.empty()) {
      out +=
          "<table><caption>Providers outside the funnel limits</caption><thead><tr><th scope=\"col\">Provider</th>"
          "<th scope=\"col\">Flag</th></tr></thead><tbody>"_html;
      for (const auto& [unit, flag] : f.flags) out += html("<tr><td>{}</td><td>{}</td></tr>", unit, flag_label(flag));
      out += "</tbody></table>"_html;
    }
  }
  if (!national && !view.own_results.empty()) {
    out += html(
        "<details><summary>Your results by period ({})</summary><table><thead><tr><th scope=\"col\">Period</th>"
        "<th scope=\"col\" class=\"num\">Numerator</th><th scope=\"col\" class=\"num\">Denominator or expected</th>"
        "<th scope=\"col\">Published</th></tr></thead><tbody>",
        view.own_results.size());
    for (const auto& r : view.own_results) {
      out += html("<tr><td>{} to {}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                  r.period_start.to_string(), r.period_end.to_string(), number_or_dash(r.numerator),
                  number_or_dash(r.denominator ? r.denominator : r.expected), r.published ? "Yes" : "No");
    }
    out += "</tbody></table></details>"_html;
  }
  out += "</section>"_html;
  return out;
}

std::string audits_page(const Context& context, const std::vector<AuditRow>& rows, const AuditQuery& query) {
  const std::string year = query.year.to_string();
  Html body = html(
      "<h1>Audits</h1><p class=\"lead\">National audits on the Quality Account list and your local audits for "
      "{}.</p>",
      year);
  if (domain::allows(context.principal(), Permission::manage_local_audits)) {
    body += "<p><a class=\"button\" href=\"/audits/new\">Add a local audit</a></p>"_html;
  }
  if (domain::allows(context.principal(), Permission::manage_register)) {
    body += "<p><a href=\"/admin/audits\">Set up national audits and the Quality Account list</a></p>"_html;
  }
  body += html(
      "<form class=\"filters\" method=\"get\" action=\"/audits\"><div class=\"form-group\"><label "
      "for=\"f-kind\">Type</label><select id=\"f-kind\" name=\"kind\">{}{}{}</select></div>",
      option("", "All", !query.local_only && !query.national_only), option("national", "National", query.national_only),
      option("local", "Local", query.local_only));
  body += html(
      "<div class=\"form-group\"><label for=\"f-year\">Financial year</label><input type=\"text\" id=\"f-year\" "
      "name=\"year\" size=\"8\" value=\"{}\" pattern=\"[0-9]{{4}}/[0-9]{{2}}\"></div>",
      year);
  body += html(
      "<div class=\"form-group\"><label for=\"f-status\">Status</label><select id=\"f-status\" "
      "name=\"status\">{}",
      option("", "Any", !query.status));
  for (const auto status :
       {domain::AuditStatus::planned, domain::AuditStatus::in_progress, domain::AuditStatus::data_collection_complete,
        domain::AuditStatus::reported, domain::AuditStatus::closed}) {
    body += option(to_string(status), domain::display_name(status), query.status == status);
  }
  body += "</select></div>"_html;
  body += html(
      "<div class=\"form-group\"><label for=\"f-topic\">Topic or specialty</label><input type=\"text\" "
      "id=\"f-topic\" name=\"topic\" value=\"{}\"></div>",
      query.topic);
  body += "<div class=\"form-group\"><button class=\"button\" type=\"submit\">Apply filters</button></div></form>"_html;
  if (rows.empty()) {
    body += "<p>No audits match these filters.</p>"_html;
  } else {
    body += html(
        "<table><caption>{} audits</caption><thead><tr><th scope=\"col\">Audit</th><th scope=\"col\">Type</th>"
        "<th scope=\"col\">Topic</th><th scope=\"col\">Status</th><th scope=\"col\">Your participation</th>"
        "</tr></thead><tbody>",
        rows.size());
    for (const auto& row : rows) {
      const auto& a = row.audit;
      body +=
          html("<tr><td><a href=\"/audits/{}?year={}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
               a.id.value, year, a.title, domain::display_name(a.kind), a.topic, domain::display_name(a.status),
               a.kind == domain::AuditKind::local_audit ? Html("Local"_html) : participation_cell(row.participation));
    }
    body += "</tbody></table>"_html;
  }
  return page(context, "Audits", "audits", body);
}

std::string audit_page(const Context& context, const AuditView& view) {
  const auto& a = view.audit;
  Html body = html("<p class=\"muted\">{}", domain::display_name(a.kind));
  if (!a.provider_body.empty()) body += html(" · {}", a.provider_body);
  body += html("</p><h1>{}</h1>", a.title);
  body += html("<dl class=\"summary-list\"><dt>Code</dt><dd>{}</dd><dt>Topic</dt><dd>{}</dd><dt>Status</dt><dd>{}</dd>",
               a.code, a.topic, domain::display_name(a.status));
  if (!a.standards.empty()) body += html("<dt>Standards</dt><dd>{}</dd>", a.standards);
  body += "</dl>"_html;
  if (a.kind == domain::AuditKind::local_audit &&
      domain::allows(context.principal(), Permission::manage_local_audits)) {
    body += html("<p><a href=\"/audits/{}/edit\">Change this audit</a></p>", a.id.value);
  } else if (a.kind != domain::AuditKind::local_audit &&
             domain::allows(context.principal(), Permission::manage_register)) {
    body += html("<p><a href=\"/admin/audits/{}\">Change this audit and its Quality Account list</a></p>", a.id.value);
  }
  if (a.kind != domain::AuditKind::local_audit) {
    const std::string year = view.year.to_string();
    body += html("<h2>Participation in {}</h2>{}", year, participation_list(view.participation));
    if (role_allows(context.who->user.role, Permission::edit_participation)) {
      body += html("<p><a href=\"/participation?year={}#audit-{}\">Change participation</a></p>", year, a.id.value);
    }
    body += html(
        "<p><a href=\"/national/audits/{}/dataset\">Dataset</a>: the columns each patient-level episode file of "
        "this audit holds</p>",
        a.id.value);
  }
  if (a.kind == domain::AuditKind::local_audit || !view.criteria.criteria.empty()) {
    body += criteria_section(context, view.criteria);
  }
  body += "<h2>Results</h2>"_html;
  if (view.measures.empty()) body += "<p class=\"muted\">No measures are recorded for this audit.</p>"_html;
  for (const auto& measure : view.measures) body += measure_section(measure, false);
  if (domain::may_manage_audit_setup(context.principal(), a)) {
    body += html("<p><a href=\"/audits/{}/measures\">Set up this audit's measures</a> (add a measure, change one)</p>",
                 a.id.value);
  } else {
    body += html("<p><a href=\"/audits/{}/measures\">How this audit's measures are defined</a></p>", a.id.value);
  }
  body += "<h2>Outlier cases</h2>"_html;
  body += view.outliers.empty() ? Html("<p class=\"muted\">None for your organisation.</p>"_html)
                                : outliers_table(view.outliers, false);
  body += audit_reports_section(context, a, view.reports);
  body += "<h2>Actions</h2>"_html;
  body += view.actions.empty() ? Html("<p class=\"muted\">No actions.</p>"_html)
                               : actions_table(context, view.actions, false);
  if (role_allows(context.who->user.role, Permission::manage_actions)) {
    body += html("<p><a href=\"/actions?audit={}#new-action\">Add an action for this audit</a></p>", a.id.value);
  }
  return page(context, a.title, "audits", body);
}

// What the latest run computed for each measure: where its values came from and the episodes
// it used, so a reader sees which outcome and model each funnel below rests on.
Html latest_run_measures(const domain::AnalysisRunRecord& run) {
  if (run.measures.empty()) return {};
  Html body = html("<h4>Measures computed by run {}</h4>", run.id.value);
  body +=
      "<table><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Values</th><th scope=\"col\">Outcome</th>"
      "<th scope=\"col\">Model or expected risk</th><th scope=\"col\" class=\"num\">Episodes used</th>"
      "<th scope=\"col\" class=\"num\">Left out (missing value)</th><th scope=\"col\" class=\"num\">Providers "
      "flagged</th><th scope=\"col\" class=\"num\">Cases opened</th></tr></thead><tbody>"_html;
  for (const auto& m : run.measures) {
    Html model = "–"_html;
    if (m.source == domain::MeasureSource::episode_model_ratio) model = "every other column of the dataset"_html;
    if (!m.formula.empty()) model = html("<code>{}</code>", m.formula);
    if (!m.expected_column.empty()) model = html("column <code>{}</code>", m.expected_column);
    body += html(
        "<tr><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}"
        "</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        m.measure_name, domain::display_name(m.source), m.outcome_column, model, m.rows_used, m.rows_dropped,
        m.units_flagged, m.cases_opened);
  }
  body += "</tbody></table>"_html;
  return body;
}

// The year's stored runs (what each read and how, so a result can be reproduced) and the
// CUSUM signals they raised.
Html analysis_runs_section(const NationalView& view) {
  Html body = html("<h3>Runs of {}</h3>", view.year.to_string());
  if (view.runs.empty()) {
    body +=
        "<p class=\"muted\">This year has not been analysed yet. The daily jobs analyse it once its episodes "
        "arrive or change.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">On</th><th scope=\"col\">By</th>"
        "<th scope=\"col\" class=\"num\">Episodes</th><th scope=\"col\">Input checksum</th>"
        "<th scope=\"col\">Software</th><th scope=\"col\" class=\"num\">Providers flagged</th>"
        "<th scope=\"col\" class=\"num\">Cases opened</th></tr></thead><tbody>"_html;
    for (const auto& run : view.runs) {
      body += html(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td><code>{}</code></td><td>{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
          run.id.value, run.run_on.to_string(), run.created_by, run.episodes, run.input_checksum, run.software_version,
          run.units_flagged, run.cases_opened);
    }
    body += "</tbody></table>"_html;
    body += latest_run_measures(view.runs.front());
  }
  body += html("<h3>CUSUM signals in {}</h3>", view.year.to_string());
  if (view.alerts.empty()) {
    body += "<p class=\"muted\">No provider's risk-adjusted CUSUM has signalled.</p>"_html;
    return body;
  }
  body +=
      "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Signal</th>"
      "<th scope=\"col\">Patient admitted</th><th scope=\"col\" class=\"num\">Patients monitored</th>"
      "<th scope=\"col\">Raised by run</th></tr></thead><tbody>"_html;
  for (const auto& alert : view.alerts) {
    const auto name = view.provider_names.find(alert.organisation_id);
    body +=
        html("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{} on {}</td></tr>",
             name == view.provider_names.end() ? std::to_string(alert.organisation_id.value) : name->second,
             alert.upper ? "<span class=\"status status-red\">Worse than expected</span>"_html
                         : "<span class=\"status status-green\">Better than expected</span>"_html,
             alert.signalled_on.to_string(), alert.episodes_monitored, alert.run_id.value, alert.raised_on.to_string());
  }
  body += "</tbody></table>"_html;
  return body;
}

std::string national_page(const Context& context, const NationalView& view) {
  const std::string year = view.year.to_string();
  Html body = html("<p class=\"muted\">National view · {}</p><h1>{}</h1>", year, view.audit.title);
  body += html(
      "<p><a href=\"/national/audits/{}/dataset\">Dataset</a>: the columns of the audit's patient-level episode "
      "files</p><h2>Case ascertainment by provider</h2>",
      view.audit.id.value);
  if (view.providers.empty()) {
    body += "<p class=\"muted\">No provider has a participation record for this year.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Taking part</th>"
        "<th scope=\"col\" class=\"num\">Cases submitted</th><th scope=\"col\" class=\"num\">Required</th>"
        "<th scope=\"col\" class=\"num\">Case ascertainment</th></tr></thead><tbody>"_html;
    for (const auto& row : view.providers) {
      const auto& p = row.participation;
      const auto share = p ? p->case_ascertainment() : std::nullopt;
      Html ascertainment = "–"_html;
      if (share) {
        ascertainment = *share < 0.7 ? html("<span class=\"status status-red\">{}</span>", percent(*share))
                                     : Html::escaped(percent(*share));
      }
      body += html(
          "<tr><td><a href=\"/national/audits/{}/providers/{}?year={}\">{}</a> ({})</td><td>{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
          view.audit.id.value, row.organisation.id.value, year, row.organisation.name, row.organisation.code,
          yes_no_unknown(p ? p->participating : std::nullopt), count_or_dash(p ? p->cases_submitted : std::nullopt),
          count_or_dash(p ? p->cases_required : std::nullopt), ascertainment);
    }
    body += "</tbody></table>"_html;
  }
  body += html(
      "<h2>Analysis run</h2><form method=\"post\" action=\"/national/audits/{}/analyse?year={}\" class=\"panel\">"
      "{}<p>Fit the case-mix model to every episode admitted in {}, put each provider's observed/expected on the "
      "funnel plot, run each provider's risk-adjusted CUSUM, store the results and open outlier cases for providers "
      "beyond the limits.</p><button class=\"button\" type=\"submit\">Run the analysis for {}</button></form>",
      view.audit.id.value, year, csrf_field(context), year, year);
  body += analysis_runs_section(view);
  body += html(
      "<h2>Published reports</h2><p><a href=\"/audits/{}/reports\">The audit's published reports</a> · "
      "<a href=\"/audits/{}/reports#record-report\">Record a report</a></p>",
      view.audit.id.value, view.audit.id.value);
  body += "<h2>Results for every provider</h2>"_html;
  if (view.measures.empty()) body += "<p class=\"muted\">No measures are recorded for this audit.</p>"_html;
  for (const auto& measure : view.measures) body += measure_section(measure, true);
  return page(context, view.audit.title + " – national view", "national", body);
}

std::string outliers_page(const Context& context, const std::vector<OutlierRow>& rows) {
  const auto role = context.who->user.role;
  // The national analysts and the regulator see every provider's cases (the regulator, those it was told of).
  const bool national = role == domain::Role::national_analyst || role == domain::Role::regulator;
  Html body;
  if (role == domain::Role::regulator) {
    body =
        "<h1>Outlier cases</h1><p class=\"lead\">Every provider's outlier alarms that a national audit has "
        "confirmed, and the cases escalated to you because a provider missed a deadline, with where each stands "
        "in the outlier-management timetable.</p>"_html;
  } else if (national) {
    body =
        "<h1>Outlier cases</h1><p class=\"lead\">Every provider beyond the funnel limits of a national audit in a "
        "reporting cycle, and where each case stands in the outlier-management timetable (deadlines in working "
        "days, bank holidays excluded).</p>"_html;
  } else {
    body =
        "<h1>Outlier cases</h1><p class=\"lead\">Where your organisation was beyond the funnel limits in a "
        "reporting cycle, and where each case stands in the outlier-management timetable.</p>"_html;
  }
  if (allows(context.principal(), Permission::manage_outliers) &&
      context.principal().organisation_type != domain::OrganisationType::national_body) {
    body +=
        "<p><a class=\"button secondary\" href=\"/outliers/notices/new\">Register an outlier notice</a> from an "
        "audit supplier that does not use clinaudit.</p>"_html;
  }
  if (rows.empty() && role == domain::Role::regulator) {
    body +=
        "<p>No alarm has been confirmed or escalated to you. You are e-mailed when a national audit confirms an "
        "alarm or escalates a case, and it then appears here.</p>"_html;
  } else {
    body += rows.empty() ? Html("<p>There are no outlier cases.</p>"_html) : outliers_table(rows, national);
  }
  return page(context, "Outlier cases", "outliers", body);
}

}  // namespace clinaudit::http::pages
