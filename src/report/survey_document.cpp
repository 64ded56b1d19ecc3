#include "report/survey_document.hpp"

#include <sstream>

#include "core/number_format.hpp"
#include "domain/organisation.hpp"
#include "render/html.hpp"
#include "render/share_bar_chart.hpp"
#include "report/csv_writer.hpp"

namespace clinaudit::report {
namespace {

using domain::QuestionResult;
using domain::ShareResult;
using render::Html;
using render::html;
using render::operator""_html;

std::string pct(double share) { return format_fixed(share * 100.0, 1) + "%"; }
std::string ci(const ShareResult& s) { return pct(s.interval.lower) + " to " + pct(s.interval.upper); }
std::string p_value(double p) { return p < 0.001 ? "< 0.001" : format_fixed(p, 3); }

std::vector<render::ShareBar> bars(const std::vector<ShareResult>& shares, std::int64_t answered) {
  std::vector<render::ShareBar> out;
  out.reserve(shares.size());
  for (const auto& s : shares) out.push_back({s.label, s.share, s.interval, s.count, answered});
  return out;
}

bool is_choice(const QuestionResult& q) { return !q.options.empty(); }

std::string test_sentence(const QuestionResult& q) {
  if (!q.by_type_test) return "";
  const auto& t = *q.by_type_test;
  std::string text = "Difference between organisation types: chi-square " + format_fixed(t.chi_square, 2) + " on " +
                     std::to_string(t.degrees_of_freedom) + " degrees of freedom, p = " + p_value(t.p_value);
  if (t.fisher_p_value) text += "; Fisher's exact test p = " + p_value(*t.fisher_p_value);
  text += ".";
  if (t.small_expected_counts) {
    text += " Some expected counts are below 5, so the chi-square p-value is unreliable: read Fisher's exact test.";
  }
  return text;
}

}  // namespace

Html survey_html(const domain::SurveyResults& results, const std::vector<domain::WaveChange>& changes) {
  Html out = html(
      "<section class=\"survey-results\"><h2>{} — wave {}</h2><p>{} respondents. Percentages are of those who "
      "answered each question, with 95% Wilson confidence intervals.</p>",
      results.survey.title, results.survey.wave, results.respondents);
  for (const auto& q : results.questions) {
    out +=
        html("<article class=\"question\"><h3>{}</h3><p class=\"meta\">{} answered</p>", q.question.text, q.answered);
    if (is_choice(q)) {
      for (const auto& g : q.groups) {
        // The headline in whole percent, as surveys are published; the exact share beside it.
        out += html("<p class=\"headline\"><strong>{}%</strong> {} ({} of {} = {}; 95% CI {})</p>",
                    format_fixed(g.share * 100.0, 0), g.label, g.count, q.answered, pct(g.share), ci(g));
      }
      // The SVG of render/'s bar chart writer, whose every label is escaped as it is written.
      out += Html::trusted(render::share_bar_chart(q.question.text, bars(q.options, q.answered)));
      out +=
          "<table><thead><tr><th scope=\"col\">Answer</th><th scope=\"col\">Count</th><th "
          "scope=\"col\">Percent</th><th scope=\"col\">95% CI</th></tr></thead><tbody>"_html;
      for (const auto& s : q.options) {
        out += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", s.label, s.count, pct(s.share), ci(s));
      }
      out += "</tbody></table>"_html;
      if (q.types.size() >= 2) {
        out +=
            "<table class=\"breakdown\"><caption>By organisation type</caption><thead><tr><th "
            "scope=\"col\">Answer</th>"_html;
        for (const auto type : q.types) out += html("<th scope=\"col\">{}</th>", display_name(type));
        out += "</tr></thead><tbody>"_html;
        for (std::size_t i = 0; i < q.options.size(); ++i) {
          out += html("<tr><td>{}</td>", q.options[i].label);
          for (const auto count : q.counts_by_type[i]) out += html("<td>{}</td>", count);
          out += "</tr>"_html;
        }
        out += html("</tbody></table><p>{}</p>", test_sentence(q));
      }
    }
    if (q.mean) {
      out += html("<p>Mean {}, median {}.</p>", format_fixed(*q.mean, 2), format_fixed(*q.median, 2));
    }
    if (!q.texts.empty()) {
      out += "<ul class=\"free-text\">"_html;
      for (const auto& text : q.texts) out += html("<li>{}</li>", text);
      out += "</ul>"_html;
    }
    bool heading = false;
    for (const auto& change : changes) {
      if (change.question_code != q.question.code) continue;
      if (!heading) {
        out +=
            "<table class=\"changes\"><caption>Change since the previous wave</caption><thead><tr><th "
            "scope=\"col\">Answer</th><th scope=\"col\">Before</th><th scope=\"col\">Now</th><th "
            "scope=\"col\">Change (95% CI)</th></tr></thead><tbody>"_html;
        heading = true;
      }
      out += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{} points ({} to {})</td></tr>", change.label,
                  pct(change.earlier.share), pct(change.later.share), format_fixed(change.change.difference * 100, 1),
                  format_fixed(change.change.interval.lower * 100, 1),
                  format_fixed(change.change.interval.upper * 100, 1));
    }
    if (heading) out += "</tbody></table>"_html;
    out += "</article>"_html;
  }
  out += "</section>"_html;
  return out;
}

std::string survey_markdown(const domain::SurveyResults& results, const std::vector<domain::WaveChange>& changes) {
  std::ostringstream out;
  out << "## " << results.survey.title << " (wave " << results.survey.wave << ")\n\n"
      << results.respondents
      << " respondents. Percentages are of those who answered each question, with 95% Wilson confidence "
         "intervals.\n";
  for (const auto& q : results.questions) {
    out << "\n### " << q.question.text << "\n\n" << q.answered << " answered.\n\n";
    for (const auto& g : q.groups) {
      out << "**" << pct(g.share) << "** " << g.label << " (" << g.count << " of " << q.answered << "; 95% CI " << ci(g)
          << ")\n\n";
    }
    if (is_choice(q)) {
      out << "| Answer | Count | Percent | 95% CI |\n|---|---|---|---|\n";
      for (const auto& s : q.options) {
        out << "| " << s.label << " | " << s.count << " | " << pct(s.share) << " | " << ci(s) << " |\n";
      }
      if (q.by_type_test) out << "\n" << test_sentence(q) << "\n";
    }
    if (q.mean) out << "Mean " << format_fixed(*q.mean, 2) << ", median " << format_fixed(*q.median, 2) << ".\n";
    for (const auto& text : q.texts) out << "- " << text << "\n";
    for (const auto& change : changes) {
      if (change.question_code != q.question.code) continue;
      out << "\nChange since the previous wave, " << change.label << ": " << pct(change.earlier.share) << " to "
          << pct(change.later.share) << ", " << format_fixed(change.change.difference * 100, 1) << " points (95% CI "
          << format_fixed(change.change.interval.lower * 100, 1) << " to "
          << format_fixed(change.change.interval.upper * 100, 1) << ").\n";
    }
  }
  return out.str();
}

std::string survey_csv(const domain::SurveyResults& results) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.row({"question", "answer", "count", "answered", "percent", "ci_lower", "ci_upper"});
  for (const auto& q : results.questions) {
    for (const auto* shares : {&q.options, &q.groups}) {
      for (const auto& s : *shares) {
        csv.row({q.question.code, s.label, std::to_string(s.count), std::to_string(q.answered),
                 format_number(s.share * 100), format_number(s.interval.lower * 100),
                 format_number(s.interval.upper * 100)});
      }
    }
  }
  return out.str();
}

}  // namespace clinaudit::report
