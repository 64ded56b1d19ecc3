#include "report/quality_account_document.hpp"

#include <cmath>
#include <sstream>

#include "core/number_format.hpp"

namespace clinaudit::report {
namespace {

using domain::QaAuditLine;
using domain::QaCounts;
using domain::QualityAccountStatement;

std::string percent(std::optional<double> share) {
  if (!share) return "not applicable";
  return format_fixed(*share * 100.0, 0) + "%";
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string period(const QualityAccountStatement& s) {
  return s.year.first_day().to_string() + " to " + s.year.last_day().to_string() + " (" + s.year.to_string() + ")";
}

std::string deadline(const QualityAccountStatement& s, Date today) {
  const auto days = s.due_on.days_since(today);
  std::string text = "Due by " + s.due_on.to_string() + ": ";
  if (days > 0) return text + plural(static_cast<int>(days), "day", "days") + " remaining.";
  if (days == 0) return text + "due today.";
  return text + plural(static_cast<int>(-days), "day", "days") + " overdue.";
}

std::string ascertainment(const QaAuditLine& line) {
  if (!line.case_ascertainment) return "cases not recorded";
  return percent(line.case_ascertainment) + " (" + std::to_string(*line.cases_submitted) + " of " +
         std::to_string(*line.cases_required) + " cases)";
}

// The prescribed sentences, shared by both formats.
struct Sentences {
  std::string covered, participated, eligible_intro, participated_intro, completed_intro, national_reviews,
      local_reviews;
};

Sentences sentences(const QualityAccountStatement& s) {
  const std::string& name = s.organisation.name;
  const QaCounts& nca = s.national_audits;
  const QaCounts& nce = s.confidential_enquiries;
  Sentences out;
  out.covered = "During " + s.year.to_string() + ", " +
                plural(nca.eligible, "national clinical audit", "national clinical audits") + " and " +
                plural(nce.eligible, "national confidential enquiry", "national confidential enquiries") +
                " covered relevant health services that " + name + " provides.";
  out.participated = "During that period " + name + " participated in " + percent(nca.participation_share()) +
                     " of national clinical audits and " + percent(nce.participation_share()) +
                     " of national confidential enquiries of the national clinical audits and national "
                     "confidential enquiries which it was eligible to participate in.";
  out.eligible_intro = "The national clinical audits and national confidential enquiries that " + name +
                       " was eligible to participate in during " + s.year.to_string() + " are as follows:";
  out.participated_intro = "The national clinical audits and national confidential enquiries that " + name +
                           " participated in during " + s.year.to_string() + " are as follows:";
  out.completed_intro = "The national clinical audits and national confidential enquiries that " + name +
                        " participated in, and for which data collection was completed during " + s.year.to_string() +
                        ", are listed below alongside the number of cases submitted to each audit or enquiry as a "
                        "percentage of the number of registered cases required by the terms of that audit or enquiry.";
  out.national_reviews =
      "The reports of " +
      plural(static_cast<int>(s.national_reviews.size()), "national clinical audit", "national clinical audits") +
      " were reviewed by the provider in " + s.year.to_string() + " and " + name +
      " intends to take the following actions to improve the quality of healthcare provided:";
  out.local_reviews =
      "The reports of " +
      plural(static_cast<int>(s.local_reviews.size()), "local clinical audit", "local clinical audits") +
      " were reviewed by the provider in " + s.year.to_string() + " and " + name +
      " intends to take the following actions to improve the quality of healthcare provided:";
  return out;
}

std::string kind_label(const QaAuditLine& line) {
  return line.audit.kind == domain::AuditKind::national_confidential_enquiry ? "enquiry" : "audit";
}

}  // namespace

std::string quality_account_markdown(const QualityAccountStatement& s, Date today) {
  const Sentences text = sentences(s);
  std::ostringstream out;
  out << "## Participation in clinical audits and national confidential enquiries\n\n";
  out << "*" << s.organisation.name << ", " << period(s) << ". " << deadline(s, today) << "*\n\n";
  if (!s.gaps.empty()) {
    out << "> **Before publishing: " << plural(static_cast<int>(s.gaps.size()), "gap", "gaps")
        << " in the records.** These audits are not counted until the records are complete:\n>\n";
    for (const auto& gap : s.gaps)
      out << "> - " << gap.audit_title << " (" << gap.audit_code << "): " << gap.missing << "\n";
    out << "\n";
  }
  out << text.covered << "\n\n" << text.participated << "\n\n" << text.eligible_intro << "\n\n";
  for (const auto& line : s.eligible) out << "- " << line.audit.title << " (" << kind_label(line) << ")\n";
  if (s.eligible.empty()) out << "- none recorded\n";
  out << "\n" << text.participated_intro << "\n\n";
  for (const auto& line : s.participated) out << "- " << line.audit.title << "\n";
  if (s.participated.empty()) out << "- none recorded\n";
  out << "\n" << text.completed_intro << "\n\n";
  out << "| Audit or enquiry | Cases submitted as a percentage of cases required |\n|---|---|\n";
  for (const auto& line : s.completed) out << "| " << line.audit.title << " | " << ascertainment(line) << " |\n";
  if (s.completed.empty()) out << "| none recorded | |\n";
  out << "\n" << text.national_reviews << "\n\n";
  for (const auto& review : s.national_reviews) {
    out << "- **" << review.report_title << "** (reviewed " << review.reviewed_on.to_string() << " by "
        << review.committee
        << "): " << (review.intended_actions.empty() ? "actions not recorded" : review.intended_actions) << "\n";
  }
  if (s.national_reviews.empty()) out << "- none recorded\n";
  out << "\n" << text.local_reviews << "\n\n";
  for (const auto& review : s.local_reviews) {
    out << "- **" << review.report_title << "** (reviewed " << review.reviewed_on.to_string() << " by "
        << review.committee
        << "): " << (review.intended_actions.empty() ? "actions not recorded" : review.intended_actions) << "\n";
  }
  if (s.local_reviews.empty()) out << "- none recorded\n";
  return out.str();
}

render::Html quality_account_html(const QualityAccountStatement& s, Date today) {
  using render::html;
  using render::operator""_html;
  const Sentences text = sentences(s);
  render::Html out =
      "<section class=\"quality-account\" aria-labelledby=\"qa-title\">"
      "<h2 id=\"qa-title\">Participation in clinical audits and national confidential enquiries</h2>"_html;
  out += html("<p class=\"meta\">{}, {}. <strong>{}</strong></p>", s.organisation.name, period(s), deadline(s, today));
  if (!s.gaps.empty()) {
    out += html(
        "<div class=\"warning\" role=\"note\"><h3>Before publishing: {} in the records</h3><p>These audits are not "
        "counted until the records are complete.</p><ul>",
        plural(static_cast<int>(s.gaps.size()), "gap", "gaps"));
    for (const auto& gap : s.gaps) {
      out += html("<li>{} ({}): {}</li>", gap.audit_title, gap.audit_code, gap.missing);
    }
    out += "</ul></div>"_html;
  }
  out += html("<p>{}</p><p>{}</p><p>{}</p><ul>", text.covered, text.participated, text.eligible_intro);
  for (const auto& line : s.eligible) out += html("<li>{} ({})</li>", line.audit.title, kind_label(line));
  out += html("</ul><p>{}</p><ul>", text.participated_intro);
  for (const auto& line : s.participated) out += html("<li>{}</li>", line.audit.title);
  out += html("</ul><p>{}</p>", text.completed_intro);
  out +=
      "<table><thead><tr><th scope=\"col\">Audit or enquiry</th><th scope=\"col\">Cases submitted as a percentage "
      "of cases required</th></tr></thead><tbody>"_html;
  for (const auto& line : s.completed) {
    out += html("<tr><td>{}</td><td>{}</td></tr>", line.audit.title, ascertainment(line));
  }
  out += "</tbody></table>"_html;
  for (const auto* reviews : {&s.national_reviews, &s.local_reviews}) {
    out += html("<p>{}</p><ul>", reviews == &s.national_reviews ? text.national_reviews : text.local_reviews);
    for (const auto& review : *reviews) {
      out += html("<li><strong>{}</strong> (reviewed {} by {}): {}</li>", review.report_title,
                  review.reviewed_on.to_string(), review.committee,
                  review.intended_actions.empty() ? "actions not recorded" : review.intended_actions);
    }
    out += "</ul>"_html;
  }
  out += "</section>"_html;
  return out;
}

}  // namespace clinaudit::report
