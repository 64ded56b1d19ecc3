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
  std::string body = "<p class=\"breadcrumbs\"><a href=\"/national/audits/" + std::to_string(view.audit.id.value) +
                     "?year=" + esc(view.year.to_string()) + "\">" + esc(view.audit.title) + "</a></p>";
  body += "<h1>" + esc(view.organisation.name) + "</h1><p class=\"lead\">" + esc(view.audit.title) + ", " +
          esc(view.year.to_string()) + ": this provider's results over time and its risk-adjusted CUSUM.</p>";
  body += "<h2>Risk-adjusted CUSUM</h2>";
  if (view.cusum_svg.empty()) {
    body += "<p>No patient-level episodes for this provider in " + esc(view.year.to_string()) + ".</p>";
  } else {
    body += "<p>" + std::to_string(view.episodes) +
            " episodes in order of admission, each weighted by its risk from "
            "the case-mix model fitted on every provider's episodes of the year; " +
            std::to_string(view.cusum_signals) +
            " signal(s). The upper chart looks for a doubling of the odds of death (limit 4.5), the lower chart for "
            "a halving (limit −4).</p><figure class=\"chart cusum\">" +
            chart_svg(view.cusum_svg) + "</figure>";
  }
  body += "<h2>SPC charts</h2>";
  if (view.spc.empty()) body += "<p>Too few results over time for an SPC chart (12 points needed).</p>";
  for (const auto& [name, svg] : view.spc) {
    body += "<figure class=\"chart spc\">" + chart_svg(svg) + "<figcaption>" + esc(name) + "</figcaption></figure>";
  }
  return page(context, view.organisation.name + " – national view", "national", body);
}

std::string analysis_run_page(const Context& context, const AnalysisRunView& view) {
  const auto& run = view.run;
  std::string body = "<p class=\"breadcrumbs\"><a href=\"/national/audits/" + std::to_string(view.audit.id.value) +
                     "?year=" + esc(run.period) + "\">" + esc(view.audit.title) + "</a></p>";
  body += "<h1>Analysis run: " + esc(view.audit.code) + ", " + esc(run.period) + "</h1>";
  body += success_banner(std::to_string(run.opened.size()) + " outlier case(s) opened; " +
                         std::to_string(run.already_open) + " flagged provider(s) already had a case; " +
                         std::to_string(run.results_stored) + " provider result(s) stored; " +
                         std::to_string(run.new_alerts.size()) + " new CUSUM signal(s) recorded (run " +
                         std::to_string(run.run_id.value) + ").");
  body += "<dl class=\"summary-list\"><dt>Episodes</dt><dd>" + std::to_string(run.episodes) + " admitted " +
          esc(run.from.to_string()) + " to " + esc(run.to.to_string()) + "</dd><dt>Input checksum</dt><dd><code>" +
          esc(run.input_checksum) + "</code> (FNV-1a over the episodes in order)</dd><dt>Model</dt><dd>" +
          std::to_string(run.analysis.terms.size()) + " terms, " +
          (run.analysis.converged ? "converged" : "<strong>did not converge</strong>") + " in " +
          std::to_string(run.analysis.iterations) + " iterations; c-statistic " +
          number_or_dash(run.analysis.c_statistic) + "</dd><dt>Method</dt><dd>" + esc(run.method) +
          "</dd><dt>Software</dt><dd>clinaudit " + esc(run.software_version) + "</dd></dl>";

  body += "<h2>Providers beyond the funnel limits</h2>";
  std::string rows;
  for (const auto& provider : run.analysis.providers) {
    if (!provider.flagged()) continue;
    rows += "<tr><td>" + esc(name_of(view, provider.provider)) + "</td><td class=\"num\">" +
            std::to_string(provider.observed) + "</td><td class=\"num\">" + number_or_dash(provider.expected) +
            "</td><td class=\"num\">" +
            number_or_dash(provider.expected > 0 ? static_cast<double>(provider.observed) / provider.expected : 0) +
            "</td><td>" + esc(flag_label(provider.flag_name())) + "</td></tr>";
  }
  body += rows.empty() ? "<p>No provider is beyond the limits.</p>"
                       : "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\" class=\"num\">Observed"
                         "</th><th scope=\"col\" class=\"num\">Expected</th><th scope=\"col\" class=\"num\">O/E</th>"
                         "<th scope=\"col\">Flag</th></tr></thead><tbody>" +
                             rows + "</tbody></table>";

  body += "<h2>Risk-adjusted CUSUM signals</h2>";
  if (run.analysis.cusum_alerts.empty()) {
    body += "<p>No provider's CUSUM crossed its limit.</p>";
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Direction</th><th "
        "scope=\"col\">Signalled on</th></tr></thead><tbody>";
    for (const auto& alert : run.analysis.cusum_alerts) {
      body += "<tr><td>" + esc(name_of(view, alert.provider)) + "</td><td>" +
              (alert.worse_than_expected() ? "Mortality rising" : "Mortality falling") + "</td><td>" +
              esc(alert.signalled_on.to_string()) + "</td></tr>";
    }
    body += "</tbody></table>";
  }

  body += "<h2>Outlier cases opened</h2>";
  if (run.opened.empty()) {
    body += "<p>None: every flagged provider already has a case for this period.</p>";
  } else {
    body += "<ul class=\"list\">";
    for (const auto& opened : run.opened) {
      body += "<li><a href=\"/outliers/" + std::to_string(opened.id.value) + "\">" +
              esc(name_of(view, opened.organisation_id)) +
              "</a>: " + (opened.level == domain::OutlierLevel::alarm ? "alarm" : "alert") + ", " +
              (opened.unfavourable ? "worse" : "better") + " than expected</li>";
    }
    body += "</ul>";
  }
  return page(context, "Analysis run", "national", body);
}

}  // namespace clinaudit::http::pages
