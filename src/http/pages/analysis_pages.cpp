#include <algorithm>

#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

std::string name_of(const AnalysisRunView& view, OrganisationId id) {
  const auto found = view.names.find(id.value);
  return found == view.names.end() ? std::to_string(id.value) : found->second;
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
  if (!view.cusum_computed) {
    body += html(
        "<p>No CUSUM has been computed for {}. It is computed when episodes of the year are imported, when the "
        "audit's measures change, and by the daily job.</p>",
        year);
  } else if (view.cusum_svg.empty() && !view.cusum_note.empty()) {
    body += html("<p>No CUSUM for {}: {}. Computed at {}.</p>", year, view.cusum_note, view.cusum_computed_at);
  } else if (view.cusum_svg.empty()) {
    body += html("<p>No patient-level episodes for this provider in {}.</p>", year);
  } else {
    body += html(
        "<p>{} episodes in order of admission, each weighted by its risk from the case-mix model fitted on every "
        "provider's episodes of the year; {} signal(s). The upper chart looks for a doubling of the odds of death "
        "(limit 4.5), the lower chart for a halving (limit −4). Computed from the year's episodes at {}.</p>"
        "<figure class=\"chart cusum\">{}</figure>",
        view.episodes, view.cusum_signals, view.cusum_computed_at, chart_svg(view.cusum_svg));
  }
  body += "<h2>Compared with the other providers</h2>"_html;
  if (view.funnels.empty()) body += "<p>No measure of this audit can be drawn as a funnel plot.</p>"_html;
  for (const auto& [name, funnel] : view.funnels) {
    if (funnel.svg.empty()) {
      body += html("<p class=\"muted\">{}: {}</p>", name, funnel.note);
      continue;
    }
    const auto own = std::find_if(funnel.flags.begin(), funnel.flags.end(),
                                  [&view](const auto& flag) { return flag.first == view.organisation.name; });
    body += html(
        "<figure class=\"chart\">{}<figcaption>Funnel plot of {}, {}: this provider is ringed and named ({}). Hover "
        "over a point to see the provider and value, or open the values below the chart. {}</figcaption></figure>",
        chart_svg(funnel.svg, funnel.values), name, funnel.period,
        own == funnel.flags.end() ? std::string("Within the limits") : flag_label(own->second), funnel.note);
  }
  body += "<h2>SPC charts</h2>"_html;
  if (view.spc.empty()) body += "<p>Too few results over time for an SPC chart (12 points needed).</p>"_html;
  for (const auto& [name, chart] : view.spc) {
    body += html("<figure class=\"chart spc\">{}<figcaption>{}</figcaption></figure>",
                 chart_svg(chart.svg, chart.values), name);
  }
  return page(context, view.organisation.name + " – national view", "national", body);
}

namespace {

// One measure of a run: where its values came from, the episodes it used, its model and the
// providers beyond its funnel limits, its CUSUM signals and the cases it opened.
Html measure_run_section(const AnalysisRunView& view, const domain::MeasureRun& computed) {
  const auto& analysis = computed.analysis;
  const bool proportion = analysis.is_proportion();
  Html body = html("<section class=\"measure-run\"><h2>{}</h2>", computed.measure.name);
  Html values = Html::escaped(std::string(domain::display_name(computed.options.source)));
  Html settings = html("<dt>Outcome</dt><dd><code>{}</code></dd>", computed.options.outcome_column);
  if (!computed.options.formula.empty()) {
    settings += html("<dt>Case-mix model</dt><dd><code>{}</code></dd>", computed.options.formula);
  } else if (computed.options.source == domain::MeasureSource::episode_model_ratio) {
    settings += "<dt>Case-mix model</dt><dd>every other column of the dataset</dd>"_html;
  }
  if (!computed.options.expected_column.empty()) {
    settings +=
        html("<dt>Expected risk</dt><dd>from the column <code>{}</code></dd>", computed.options.expected_column);
  }
  if (computed.options.source == domain::MeasureSource::episode_model_ratio) {
    settings += html("<dt>Model</dt><dd>{} terms, {} in {} iterations; c-statistic {}</dd>", analysis.terms.size(),
                     analysis.converged ? "converged"_html : "<strong>did not converge</strong>"_html,
                     analysis.iterations, number_or_dash(analysis.c_statistic));
    // The terms as R names them, so that the model can be checked against R's glm.
    std::string terms;
    for (const auto& term : analysis.terms) terms += (terms.empty() ? "" : ", ") + term;
    settings += html("<dt>Model terms</dt><dd><code>{}</code></dd>", terms);
  }
  body += html(
      "<dl class=\"summary-list\"><dt>Values</dt><dd>{}</dd>{}<dt>Episodes</dt><dd>{} used; {} left out for a "
      "missing value</dd><dt>Results stored</dt><dd>{} provider result(s)</dd></dl>",
      values, settings, analysis.rows_used, analysis.rows_dropped, computed.results_stored);

  body += "<h3>Providers beyond the funnel limits</h3>"_html;
  Html rows;
  for (const auto& provider : analysis.providers) {
    if (!provider.flagged()) continue;
    if (proportion) {
      rows += html(
          "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}"
          "</td></tr>",
          name_of(view, provider.provider), provider.observed, provider.episodes,
          percent(provider.episodes > 0
                      ? static_cast<double>(provider.observed) / static_cast<double>(provider.episodes)
                      : 0,
                  1),
          flag_label(provider.flag_name()));
    } else {
      rows += html(
          "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
          name_of(view, provider.provider), provider.observed, number_or_dash(provider.expected),
          number_or_dash(provider.expected > 0 ? static_cast<double>(provider.observed) / provider.expected : 0),
          flag_label(provider.flag_name()));
    }
  }
  if (rows.empty()) {
    body += "<p>No provider is beyond the limits.</p>"_html;
  } else if (proportion) {
    body += html(
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\" class=\"num\">With the outcome</th><th "
        "scope=\"col\" class=\"num\">Episodes</th><th scope=\"col\" class=\"num\">Proportion</th><th "
        "scope=\"col\">Flag</th></tr></thead><tbody>{}</tbody></table>",
        rows);
  } else {
    body += html(
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\" class=\"num\">Observed</th><th "
        "scope=\"col\" class=\"num\">Expected</th><th scope=\"col\" class=\"num\">O/E</th><th "
        "scope=\"col\">Flag</th></tr></thead><tbody>{}</tbody></table>",
        rows);
  }

  if (!proportion) {
    body += "<h3>Risk-adjusted CUSUM signals</h3>"_html;
    if (analysis.cusum_alerts.empty()) {
      body += "<p>No provider's CUSUM crossed its limit.</p>"_html;
    } else {
      body +=
          "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Direction</th><th "
          "scope=\"col\">Signalled on</th></tr></thead><tbody>"_html;
      for (const auto& alert : analysis.cusum_alerts) {
        body += html("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", name_of(view, alert.provider),
                     alert.worse_than_expected() ? "Worse than expected" : "Better than expected",
                     alert.signalled_on.to_string());
      }
      body += "</tbody></table>"_html;
    }
  }

  body += "<h3>Outlier cases opened</h3>"_html;
  if (!view.run.complete_period) {
    body += html(
        "<p>None: the year is not over, and outlier cases open on a complete year. {} provider(s) are beyond a "
        "limit so far; their CUSUM and SPC charts follow them in the meantime.</p></section>",
        computed.flagged_in_year);
    return body;
  }
  Html opened_items;
  for (const auto& opened : view.run.opened) {
    if (opened.measure_id != computed.measure.id) continue;
    opened_items +=
        html("<li><a href=\"/outliers/{}\">{}</a>: {}, {} than expected</li>", opened.id.value,
             name_of(view, opened.organisation_id), opened.level == domain::OutlierLevel::alarm ? "alarm" : "alert",
             opened.unfavourable ? "worse" : "better");
  }
  for (const auto& raised : view.run.raised) {
    if (raised.measure_id != computed.measure.id) continue;
    opened_items += html("<li><a href=\"/outliers/{}\">{}</a>: raised from alert to alarm</li>", raised.id.value,
                         name_of(view, raised.organisation_id));
  }
  if (opened_items.empty()) {
    body += computed.already_open > 0 ? "<p>None: every flagged provider already has a case for this period.</p>"_html
                                      : "<p>None.</p>"_html;
  } else {
    body += html("<ul class=\"list\">{}</ul>", opened_items);
  }
  body += "</section>"_html;
  return body;
}

}  // namespace

std::string analysis_run_page(const Context& context, const AnalysisRunView& view) {
  const auto& run = view.run;
  Html body = html("<p class=\"breadcrumbs\"><a href=\"/national/audits/{}?year={}\">{}</a></p>", view.audit.id.value,
                   run.period, view.audit.title);
  body += html("<h1>Analysis run: {}, {}</h1>", view.audit.code, run.period);
  body += success_banner(
      std::to_string(run.measures.size()) + " measure(s) computed; " +
      (run.complete_period
           ? std::to_string(run.opened.size()) + " outlier case(s) opened; " + std::to_string(run.raised.size()) +
                 " raised to alarm; " + std::to_string(run.already_open) + " flagged provider(s) already had a case; "
           : std::string("in-year monitoring (outlier cases open on the complete year); ")) +
      std::to_string(run.results_stored) + " provider result(s) stored; " + std::to_string(run.new_alerts.size()) +
      " new CUSUM signal(s) recorded (run " + std::to_string(run.run_id.value) + ").");
  body += html(
      "<dl class=\"summary-list\"><dt>Episodes</dt><dd>{} admitted {} to {}</dd><dt>Input checksum</dt><dd><code>{}"
      "</code> (FNV-1a over the episodes in order)</dd><dt>Method</dt><dd>{}</dd><dt>Software</dt><dd>clinaudit {}"
      "</dd></dl>",
      run.episodes, run.from.to_string(), run.to.to_string(), run.input_checksum, run.method, run.software_version);
  for (const auto& computed : run.measures) body += measure_run_section(view, computed);
  return page(context, "Analysis run", "national", body);
}

}  // namespace clinaudit::http::pages
