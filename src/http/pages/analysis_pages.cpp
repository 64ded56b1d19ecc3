#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

std::string name_of(const AnalysisRunView& view, OrganisationId id) {
  const auto found = view.names.find(id.value);
  return found == view.names.end() ? std::to_string(id.value) : found->second;
}

// The episodes a formula's model left out, as R's na.omit would.
std::string left_out(std::int64_t dropped) {
  if (dropped == 0) return {};
  return "; " + std::to_string(dropped) + (dropped == 1 ? " episode" : " episodes") +
         " left out for a missing value the formula reads";
}

}  // namespace

std::string national_provider_page(const Context& context, const NationalProviderView& view) {
  const std::string year = view.year.to_string();
  Html body = html("<p class=\"breadcrumbs\"><a href=\"/national/audits/{}?year={}\">{}</a></p>", view.audit.id.value,
                   year, view.audit.title);
  body +=
      html("<h1>{}</h1><p class=\"lead\">{}, {}: this provider's results over time and its risk-adjusted CUSUM.</p>",
           view.organisation.name, view.audit.title, year);
  body += "<h2>Risk-adjusted CUSUM</h2>"_html;
  if (view.cusum_svg.empty()) {
    body += html("<p>No patient-level episodes for this provider in {}.</p>", year);
  } else {
    body += html(
        "<p>{} episodes in order of admission, each weighted by its risk from the case-mix model fitted on every "
        "provider's episodes of the year; {} signal(s). The upper chart looks for a doubling of the odds of death "
        "(limit 4.5), the lower chart for a halving (limit −4).</p><figure class=\"chart cusum\">{}</figure>",
        view.episodes, view.cusum_signals, chart_svg(view.cusum_svg));
  }
  body += "<h2>SPC charts</h2>"_html;
  if (view.spc.empty()) body += "<p>Too few results over time for an SPC chart (12 points needed).</p>"_html;
  for (const auto& [name, svg] : view.spc) {
    body += html("<figure class=\"chart spc\">{}<figcaption>{}</figcaption></figure>", chart_svg(svg), name);
  }
  return page(context, view.organisation.name + " – national view", "national", body);
}

std::string analysis_run_page(const Context& context, const AnalysisRunView& view) {
  const auto& run = view.run;
  Html body = html("<p class=\"breadcrumbs\"><a href=\"/national/audits/{}?year={}\">{}</a></p>", view.audit.id.value,
                   run.period, view.audit.title);
  body += html("<h1>Analysis run: {}, {}</h1>", view.audit.code, run.period);
  body += success_banner(std::to_string(run.opened.size()) + " outlier case(s) opened; " +
                         std::to_string(run.already_open) + " flagged provider(s) already had a case; " +
                         std::to_string(run.results_stored) + " provider result(s) stored; " +
                         std::to_string(run.new_alerts.size()) + " new CUSUM signal(s) recorded (run " +
                         std::to_string(run.run_id.value) + ").");
  body += html(
      "<dl class=\"summary-list\"><dt>Episodes</dt><dd>{} admitted {} to {}</dd><dt>Input checksum</dt><dd><code>{}"
      "</code> (FNV-1a over the episodes in order)</dd><dt>Model</dt><dd>{} terms, {} in {} iterations; c-statistic "
      "{}{}</dd>",
      run.episodes, run.from.to_string(), run.to.to_string(), run.input_checksum, run.analysis.terms.size(),
      run.analysis.converged ? "converged"_html : "<strong>did not converge</strong>"_html, run.analysis.iterations,
      number_or_dash(run.analysis.c_statistic), left_out(run.analysis.rows_dropped));
  // The terms as R names them, so that the model can be checked against R's glm.
  std::string terms;
  for (const auto& term : run.analysis.terms) terms += (terms.empty() ? "" : ", ") + term;
  body += html(
      "<dt>Model terms</dt><dd><code>{}</code></dd><dt>Method</dt><dd>{}</dd><dt>Software</dt><dd>clinaudit {}"
      "</dd></dl>",
      terms, run.method, run.software_version);

  body += "<h2>Providers beyond the funnel limits</h2>"_html;
  Html rows;
  for (const auto& provider : run.analysis.providers) {
    if (!provider.flagged()) continue;
    rows += html(
        "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
        name_of(view, provider.provider), provider.observed, number_or_dash(provider.expected),
        number_or_dash(provider.expected > 0 ? static_cast<double>(provider.observed) / provider.expected : 0),
        flag_label(provider.flag_name()));
  }
  if (rows.empty()) {
    body += "<p>No provider is beyond the limits.</p>"_html;
  } else {
    body += html(
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\" class=\"num\">Observed</th><th "
        "scope=\"col\" class=\"num\">Expected</th><th scope=\"col\" class=\"num\">O/E</th><th "
        "scope=\"col\">Flag</th></tr></thead><tbody>{}</tbody></table>",
        rows);
  }

  body += "<h2>Risk-adjusted CUSUM signals</h2>"_html;
  if (run.analysis.cusum_alerts.empty()) {
    body += "<p>No provider's CUSUM crossed its limit.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Direction</th><th "
        "scope=\"col\">Signalled on</th></tr></thead><tbody>"_html;
    for (const auto& alert : run.analysis.cusum_alerts) {
      body +=
          html("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", name_of(view, alert.provider),
               alert.worse_than_expected() ? "Mortality rising" : "Mortality falling", alert.signalled_on.to_string());
    }
    body += "</tbody></table>"_html;
  }

  body += "<h2>Outlier cases opened</h2>"_html;
  if (run.opened.empty()) {
    body += "<p>None: every flagged provider already has a case for this period.</p>"_html;
  } else {
    body += "<ul class=\"list\">"_html;
    for (const auto& opened : run.opened) {
      body +=
          html("<li><a href=\"/outliers/{}\">{}</a>: {}, {} than expected</li>", opened.id.value,
               name_of(view, opened.organisation_id), opened.level == domain::OutlierLevel::alarm ? "alarm" : "alert",
               opened.unfavourable ? "worse" : "better");
    }
    body += "</ul>"_html;
  }
  return page(context, "Analysis run", "national", body);
}

}  // namespace clinaudit::http::pages
