#include "core/number_format.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

std::string kind_label(domain::AuditKind kind) {
  switch (kind) {
    case domain::AuditKind::national_clinical_audit: return "National clinical audit";
    case domain::AuditKind::national_confidential_enquiry: return "National confidential enquiry";
    case domain::AuditKind::local_audit: return "Local audit";
  }
  return "";
}

std::string status_label(domain::AuditStatus status) {
  switch (status) {
    case domain::AuditStatus::planned: return "Planned";
    case domain::AuditStatus::in_progress: return "In progress";
    case domain::AuditStatus::data_collection_complete: return "Data collection complete";
    case domain::AuditStatus::reported: return "Reported";
    case domain::AuditStatus::closed: return "Closed";
  }
  return "";
}

std::string option(std::string_view value, std::string_view label, bool selected) {
  return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">" + esc(label) + "</option>";
}

std::string participation_cell(const std::optional<domain::Participation>& record) {
  if (!record || !record->eligible) return "<span class=\"status status-amber\">Not recorded</span>";
  if (!*record->eligible) return "<span class=\"status status-grey\">Not eligible</span>";
  if (record->participating.value_or(false)) {
    std::string text = "<span class=\"status status-green\">Taking part</span>";
    if (auto share = record->case_ascertainment()) text += " " + percent(*share) + " of cases";
    return text;
  }
  if (record->participating) return "<span class=\"status status-red\">Not taking part</span>";
  return "<span class=\"status status-amber\">Eligible, taking part not recorded</span>";
}

std::string participation_list(const std::optional<domain::Participation>& record) {
  if (!record) return "<p class=\"muted\">Nothing is recorded for this year.</p>";
  std::string out = "<dl class=\"summary-list\">";
  out += "<dt>Eligible</dt><dd>" + yes_no_unknown(record->eligible) + "</dd>";
  out += "<dt>Taking part</dt><dd>" + yes_no_unknown(record->participating) + "</dd>";
  if (!record->reason_not_participating.empty()) {
    out += "<dt>Reason for not taking part</dt><dd>" + esc(record->reason_not_participating) + "</dd>";
  }
  out += "<dt>Data collection completed</dt><dd>" + yes_no_unknown(record->data_collection_completed) + "</dd>";
  out += "<dt>Cases submitted</dt><dd>" + count_or_dash(record->cases_submitted) + " of " +
         count_or_dash(record->cases_required) + " required";
  if (auto share = record->case_ascertainment()) out += " (" + percent(*share) + ")";
  out += "</dd></dl>";
  return out;
}

}  // namespace

std::string outliers_table(const std::vector<OutlierRow>& rows, bool with_organisation) {
  std::string out = "<table><thead><tr>";
  if (with_organisation) out += "<th scope=\"col\">Organisation</th>";
  out +=
      "<th scope=\"col\">Audit and measure</th><th scope=\"col\">Period</th><th scope=\"col\">Level</th>"
      "<th scope=\"col\">Direction</th><th scope=\"col\">Stage</th><th scope=\"col\">Due</th>"
      "<th scope=\"col\">Status</th></tr></thead><tbody>";
  for (const auto& row : rows) {
    const auto& c = row.item;
    out += "<tr>";
    if (with_organisation) out += "<td>" + esc(row.organisation_name) + "</td>";
    out += "<td><a href=\"/audits/" + std::to_string(c.audit_id.value) + "\">" + esc(row.audit_title) + "</a><br>" +
           esc(row.measure_name) + "</td><td><a href=\"/outliers/" + std::to_string(c.id.value) + "\">" +
           esc(c.period) + "</a></td><td>" +
           (c.level == domain::OutlierLevel::alarm ? "<span class=\"status status-red\">Alarm (3 SD)</span>"
                                                   : "<span class=\"status status-amber\">Alert (2 SD)</span>") +
           "</td><td>" + (c.high ? "Higher" : "Lower") + " than expected, " + (c.unfavourable ? "worse" : "better") +
           "</td><td>" + esc(c.stage) + "</td><td>" + (c.stage_due_on ? esc(c.stage_due_on->to_string()) : "–") +
           "</td><td>" + esc(to_string(c.status)) + "</td></tr>";
  }
  out += "</tbody></table>";
  return out;
}

std::string measure_section(const MeasureView& view, bool national) {
  const auto& m = view.measure;
  std::string out = "<section class=\"panel\" aria-labelledby=\"measure-" + std::to_string(m.id.value) +
                    "\"><h3 id=\"measure-" + std::to_string(m.id.value) + "\">" + esc(m.name) + "</h3>";
  out += "<p class=\"muted\">" + esc(to_string(m.type)) + "; better is " + esc(to_string(m.improvement));
  if (m.target) out += "; target " + format_number(*m.target);
  out += ".</p>";
  if (!national) {
    out += "<p><strong>Your trend:</strong> " + esc(variation_label(view.variation));
    if (!view.variation.empty()) out += ". " + esc(assurance_label(view.assurance));
    out += ".</p>";
    if (!view.spc_svg.empty()) {
      out += "<figure class=\"chart spc\">" + chart_svg(view.spc_svg) +
             "<figcaption>XmR chart (Making Data Count): special causes are coloured — blue improvement, orange "
             "concern; the icons top right give the variation and whether the target is assured. Hover over a point "
             "for its period, value and rule.</figcaption></figure>";
    }
  }
  if (view.funnel) {
    const auto& f = *view.funnel;
    if (!f.svg.empty()) {
      out += "<figure class=\"chart\">" + chart_svg(f.svg) + "<figcaption>Funnel plot, " + esc(f.period) +
             ". Hover over or select a point to see the provider and value. " + esc(f.note) + "</figcaption></figure>";
    } else {
      out += "<p class=\"muted\">" + esc(f.note) + "</p>";
    }
    if (!f.flags.empty()) {
      out +=
          "<table><caption>Providers outside the funnel limits</caption><thead><tr><th scope=\"col\">Provider</th>"
          "<th scope=\"col\">Flag</th></tr></thead><tbody>";
      for (const auto& [unit, flag] : f.flags) {
        out += "<tr><td>" + esc(unit) + "</td><td>" + esc(flag_label(flag)) + "</td></tr>";
      }
      out += "</tbody></table>";
    }
  }
  if (!national && !view.own_results.empty()) {
    out += "<details><summary>Your results by period (" + std::to_string(view.own_results.size()) +
           ")</summary><table><thead><tr><th scope=\"col\">Period</th><th scope=\"col\" class=\"num\">Numerator</th>"
           "<th scope=\"col\" class=\"num\">Denominator or expected</th><th "
           "scope=\"col\">Published</th></tr></thead><tbody>";
    for (const auto& r : view.own_results) {
      out += "<tr><td>" + esc(r.period_start.to_string()) + " to " + esc(r.period_end.to_string()) +
             "</td><td class=\"num\">" + number_or_dash(r.numerator) + "</td><td class=\"num\">" +
             number_or_dash(r.denominator ? r.denominator : r.expected) + "</td><td>" + (r.published ? "Yes" : "No") +
             "</td></tr>";
    }
    out += "</tbody></table></details>";
  }
  out += "</section>";
  return out;
}

std::string audits_page(const Context& context, const std::vector<AuditRow>& rows, const AuditQuery& query) {
  std::string body =
      "<h1>Audits</h1><p class=\"lead\">National audits on the Quality Account list and your local "
      "audits for " +
      esc(query.year.to_string()) + ".</p>";
  body += "<form class=\"filters\" method=\"get\" action=\"/audits\">";
  body += "<div class=\"form-group\"><label for=\"f-kind\">Type</label><select id=\"f-kind\" name=\"kind\">" +
          option("", "All", !query.local_only && !query.national_only) +
          option("national", "National", query.national_only) + option("local", "Local", query.local_only) +
          "</select></div>";
  body +=
      "<div class=\"form-group\"><label for=\"f-year\">Financial year</label><input type=\"text\" id=\"f-year\" "
      "name=\"year\" size=\"8\" value=\"" +
      esc(query.year.to_string()) + "\" pattern=\"[0-9]{4}/[0-9]{2}\"></div>";
  body += "<div class=\"form-group\"><label for=\"f-status\">Status</label><select id=\"f-status\" name=\"status\">" +
          option("", "Any", !query.status);
  for (const auto status :
       {domain::AuditStatus::planned, domain::AuditStatus::in_progress, domain::AuditStatus::data_collection_complete,
        domain::AuditStatus::reported, domain::AuditStatus::closed}) {
    body += option(to_string(status), status_label(status), query.status == status);
  }
  body += "</select></div>";
  body +=
      "<div class=\"form-group\"><label for=\"f-topic\">Topic or specialty</label><input type=\"text\" id=\"f-topic\" "
      "name=\"topic\" value=\"" +
      esc(query.topic) + "\"></div>";
  body += "<div class=\"form-group\"><button class=\"button\" type=\"submit\">Apply filters</button></div></form>";
  if (rows.empty()) {
    body += "<p>No audits match these filters.</p>";
  } else {
    body += "<table><caption>" + std::to_string(rows.size()) +
            " audits</caption><thead><tr><th scope=\"col\">Audit</th>"
            "<th scope=\"col\">Type</th><th scope=\"col\">Topic</th><th scope=\"col\">Status</th>"
            "<th scope=\"col\">Your participation</th></tr></thead><tbody>";
    for (const auto& row : rows) {
      const auto& a = row.audit;
      body +=
          "<tr><td><a href=\"/audits/" + std::to_string(a.id.value) + "?year=" + esc(query.year.to_string()) + "\">" +
          esc(a.title) + "</a></td><td>" + esc(kind_label(a.kind)) + "</td><td>" + esc(a.topic) + "</td><td>" +
          esc(status_label(a.status)) + "</td><td>" +
          (a.kind == domain::AuditKind::local_audit ? std::string("Local") : participation_cell(row.participation)) +
          "</td></tr>";
    }
    body += "</tbody></table>";
  }
  return page(context, "Audits", "audits", body);
}

std::string audit_page(const Context& context, const AuditView& view) {
  const auto& a = view.audit;
  std::string body = "<p class=\"muted\">" + esc(kind_label(a.kind)) +
                     (a.provider_body.empty() ? "" : " · " + esc(a.provider_body)) + "</p><h1>" + esc(a.title) +
                     "</h1>";
  body += "<dl class=\"summary-list\"><dt>Code</dt><dd>" + esc(a.code) + "</dd><dt>Topic</dt><dd>" + esc(a.topic) +
          "</dd><dt>Status</dt><dd>" + esc(status_label(a.status)) + "</dd>";
  if (!a.standards.empty()) body += "<dt>Standards</dt><dd>" + esc(a.standards) + "</dd>";
  body += "</dl>";
  if (a.kind != domain::AuditKind::local_audit) {
    body += "<h2>Participation in " + esc(view.year.to_string()) + "</h2>" + participation_list(view.participation);
    if (role_allows(context.who->user.role, Permission::edit_participation)) {
      body += "<p><a href=\"/participation?year=" + esc(view.year.to_string()) + "#audit-" +
              std::to_string(a.id.value) + "\">Change participation</a></p>";
    }
  }
  body += "<h2>Results</h2>";
  if (view.measures.empty()) body += "<p class=\"muted\">No measures are recorded for this audit.</p>";
  for (const auto& measure : view.measures) body += measure_section(measure, false);
  body += "<h2>Outlier cases</h2>";
  body += view.outliers.empty() ? "<p class=\"muted\">None for your organisation.</p>"
                                : outliers_table(view.outliers, false);
  body += "<h2>Report reviews</h2>";
  if (view.reviews.empty()) {
    body += "<p class=\"muted\">No report of this audit has been reviewed yet.</p>";
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Report</th><th scope=\"col\">Published</th><th scope=\"col\">Reviewed</th>"
        "<th scope=\"col\">By</th><th scope=\"col\">Intended actions</th></tr></thead><tbody>";
    for (const auto& r : view.reviews) {
      body += "<tr><td>" + esc(r.report_title) + "</td><td>" + esc(r.published_on.to_string()) + "</td><td>" +
              (r.reviewed_on ? esc(r.reviewed_on->to_string()) : "<span class=\"status status-amber\">Not yet</span>") +
              "</td><td>" + esc(r.committee) + "</td><td>" + esc(r.intended_actions) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "<h2>Actions</h2>";
  body += view.actions.empty() ? "<p class=\"muted\">No actions.</p>" : actions_table(context, view.actions, false);
  if (role_allows(context.who->user.role, Permission::manage_actions)) {
    body += "<p><a href=\"/actions?audit=" + std::to_string(a.id.value) +
            "#new-action\">Add an action for this audit</a></p>";
  }
  return page(context, a.title, "audits", body);
}

std::string national_index_page(const Context& context, const std::vector<AuditRow>& rows, FinancialYear year) {
  std::string body = "<h1>National view</h1><p class=\"lead\">Every provider's results and case ascertainment, " +
                     esc(year.to_string()) + ". Unpublished results are shown here only.</p><ul>";
  for (const auto& row : rows) {
    body += "<li><a href=\"/national/audits/" + std::to_string(row.audit.id.value) + "?year=" + esc(year.to_string()) +
            "\">" + esc(row.audit.title) + "</a></li>";
  }
  body += "</ul>";
  if (rows.empty()) body += "<p>No national audit is on the list for this year.</p>";
  return page(context, "National view", "national", body);
}

// The year's stored runs (what each read and how, so a result can be reproduced) and the
// CUSUM signals they raised.
std::string analysis_runs_section(const NationalView& view) {
  std::string body = "<h3>Runs of " + esc(view.year.to_string()) + "</h3>";
  if (view.runs.empty()) {
    body +=
        "<p class=\"muted\">This year has not been analysed yet. The daily jobs analyse it once its episodes "
        "arrive or change.</p>";
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">On</th><th scope=\"col\">By</th>"
        "<th scope=\"col\" class=\"num\">Episodes</th><th scope=\"col\">Input checksum</th>"
        "<th scope=\"col\">Software</th><th scope=\"col\" class=\"num\">Providers flagged</th>"
        "<th scope=\"col\" class=\"num\">Cases opened</th></tr></thead><tbody>";
    for (const auto& run : view.runs) {
      body += "<tr><td>" + std::to_string(run.id.value) + "</td><td>" + esc(run.run_on.to_string()) + "</td><td>" +
              esc(run.created_by) + "</td><td class=\"num\">" + std::to_string(run.episodes) + "</td><td><code>" +
              esc(run.input_checksum) + "</code></td><td>" + esc(run.software_version) + "</td><td class=\"num\">" +
              std::to_string(run.units_flagged) + "</td><td class=\"num\">" + std::to_string(run.cases_opened) +
              "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "<h3>CUSUM signals in " + esc(view.year.to_string()) + "</h3>";
  if (view.alerts.empty()) return body + "<p class=\"muted\">No provider's risk-adjusted CUSUM has signalled.</p>";
  body +=
      "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Signal</th>"
      "<th scope=\"col\">Patient admitted</th><th scope=\"col\" class=\"num\">Patients monitored</th>"
      "<th scope=\"col\">Raised by run</th></tr></thead><tbody>";
  for (const auto& alert : view.alerts) {
    const auto name = view.provider_names.find(alert.organisation_id);
    body += "<tr><td>" +
            esc(name == view.provider_names.end() ? std::to_string(alert.organisation_id.value) : name->second) +
            "</td><td>" +
            (alert.upper ? "<span class=\"status status-red\">Worse than expected</span>"
                         : "<span class=\"status status-green\">Better than expected</span>") +
            "</td><td>" + esc(alert.signalled_on.to_string()) + "</td><td class=\"num\">" +
            std::to_string(alert.episodes_monitored) + "</td><td>" + std::to_string(alert.run_id.value) + " on " +
            esc(alert.raised_on.to_string()) + "</td></tr>";
  }
  return body + "</tbody></table>";
}

std::string national_page(const Context& context, const NationalView& view) {
  std::string body = "<p class=\"muted\">National view · " + esc(view.year.to_string()) + "</p><h1>" +
                     esc(view.audit.title) + "</h1><h2>Case ascertainment by provider</h2>";
  if (view.providers.empty()) {
    body += "<p class=\"muted\">No provider has a participation record for this year.</p>";
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Taking part</th>"
        "<th scope=\"col\" class=\"num\">Cases submitted</th><th scope=\"col\" class=\"num\">Required</th>"
        "<th scope=\"col\" class=\"num\">Case ascertainment</th></tr></thead><tbody>";
    for (const auto& row : view.providers) {
      const auto& p = row.participation;
      const auto share = p ? p->case_ascertainment() : std::nullopt;
      body +=
          "<tr><td><a href=\"/national/audits/" + std::to_string(view.audit.id.value) + "/providers/" +
          std::to_string(row.organisation.id.value) + "?year=" + esc(view.year.to_string()) + "\">" +
          esc(row.organisation.name) + "</a> (" + esc(row.organisation.code) + ")</td><td>" +
          yes_no_unknown(p ? p->participating : std::nullopt) + "</td><td class=\"num\">" +
          count_or_dash(p ? p->cases_submitted : std::nullopt) + "</td><td class=\"num\">" +
          count_or_dash(p ? p->cases_required : std::nullopt) + "</td><td class=\"num\">" +
          (share ? (*share < 0.7 ? "<span class=\"status status-red\">" + percent(*share) + "</span>" : percent(*share))
                 : "–") +
          "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "<h2>Analysis run</h2><form method=\"post\" action=\"/national/audits/" +
          std::to_string(view.audit.id.value) + "/analyse?year=" + esc(view.year.to_string()) + "\" class=\"panel\">" +
          csrf_field(context) + "<p>Fit the case-mix model to every episode admitted in " + esc(view.year.to_string()) +
          ", put each provider's observed/expected on the funnel plot, run each provider's risk-adjusted "
          "CUSUM, store the results and open outlier cases for providers beyond the limits.</p><button "
          "class=\"button\" type=\"submit\">Run the analysis for " +
          esc(view.year.to_string()) + "</button></form>";
  body += analysis_runs_section(view);
  body += "<h2>Results for every provider</h2>";
  if (view.measures.empty()) body += "<p class=\"muted\">No measures are recorded for this audit.</p>";
  for (const auto& measure : view.measures) body += measure_section(measure, true);
  return page(context, view.audit.title + " – national view", "national", body);
}

std::string outliers_page(const Context& context, const std::vector<OutlierRow>& rows) {
  const bool national = context.who->user.role == domain::Role::national_analyst;
  std::string body =
      national ? "<h1>Outlier cases</h1><p class=\"lead\">Every provider beyond the funnel limits of a national audit "
                 "in a reporting cycle, and where each case stands in the outlier-management timetable (deadlines in "
                 "working days, bank holidays excluded).</p>"
               : "<h1>Outlier cases</h1><p class=\"lead\">Where your organisation was beyond the funnel limits in "
                 "a reporting cycle, and where each case stands in the outlier-management timetable.</p>";
  body += rows.empty() ? "<p>There are no outlier cases.</p>" : outliers_table(rows, national);
  return page(context, "Outlier cases", "outliers", body);
}

}  // namespace clinaudit::http::pages
