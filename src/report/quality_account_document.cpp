#include "report/quality_account_document.hpp"

#include "core/number_format.hpp"
#include "report/docx_writer.hpp"

namespace clinaudit::report {
namespace {

using domain::QaAuditLine;
using domain::QaCounts;
using domain::QaReviewLine;
using domain::QualityAccountStatement;

constexpr const char* kTitle = "Participation in clinical audits and national confidential enquiries";

std::string percent(double share) { return format_fixed(share * 100.0, 0) + "%"; }

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
  return percent(*line.case_ascertainment) + " (" + std::to_string(*line.cases_submitted) + " of " +
         std::to_string(*line.cases_required) + " cases)";
}

// "67% of national clinical audits", or, when none of that kind was eligible, that none was.
std::string share_of(const QaCounts& counts, const char* kind) {
  if (counts.eligible == 0) return std::string("no ") + kind + " (none covered its services)";
  return percent(*counts.participation_share()) + " of " + kind;
}

std::string kind_label(const QaAuditLine& line) {
  return line.audit.kind == domain::AuditKind::national_confidential_enquiry ? "enquiry" : "audit";
}

BulletList reviews_list(const std::vector<QaReviewLine>& reviews) {
  BulletList list;
  for (const auto& review : reviews) {
    list.items.push_back({Run{review.report_title, true},
                          Run{" (reviewed " + review.reviewed_on.to_string() + " by " + review.committee + "): " +
                                  (review.intended_actions.empty() ? "actions not recorded" : review.intended_actions),
                              false}});
  }
  return list;
}

}  // namespace

TextDocument quality_account_text(const QualityAccountStatement& s) {
  const std::string& name = s.organisation.name;
  const std::string year = s.year.to_string();
  const QaCounts& nca = s.national_audits;
  const QaCounts& nce = s.confidential_enquiries;
  TextDocument doc;
  doc.blocks.emplace_back(Heading{2, kTitle});
  doc.blocks.emplace_back(
      paragraph("During " + year + ", " + plural(nca.eligible, "national clinical audit", "national clinical audits") +
                " and " + plural(nce.eligible, "national confidential enquiry", "national confidential enquiries") +
                " covered relevant health services that " + name + " provides."));
  if (nca.eligible == 0 && nce.eligible == 0) {
    doc.blocks.emplace_back(paragraph("During that period " + name +
                                      " was not eligible to participate in any national clinical audits or national "
                                      "confidential enquiries."));
  } else {
    doc.blocks.emplace_back(paragraph("During that period " + name + " participated in " +
                                      share_of(nca, "national clinical audits") + " and " +
                                      share_of(nce, "national confidential enquiries") +
                                      " of the national clinical audits and national confidential enquiries which it "
                                      "was eligible to participate in."));
  }

  if (s.eligible.empty()) {
    doc.blocks.emplace_back(
        paragraph("There were no national clinical audits or national confidential enquiries that " + name +
                  " was eligible to participate in during " + year + "."));
  } else {
    doc.blocks.emplace_back(paragraph("The national clinical audits and national confidential enquiries that " + name +
                                      " was eligible to participate in during " + year + " are as follows:"));
    BulletList list;
    for (const auto& line : s.eligible) list.items.push_back({Run{line.audit.title + " (" + kind_label(line) + ")"}});
    doc.blocks.emplace_back(std::move(list));
  }

  if (s.participated.empty()) {
    doc.blocks.emplace_back(paragraph(name +
                                      " did not participate in any national clinical audits or national "
                                      "confidential enquiries during " +
                                      year + "."));
  } else {
    doc.blocks.emplace_back(paragraph("The national clinical audits and national confidential enquiries that " + name +
                                      " participated in during " + year + " are as follows:"));
    BulletList list;
    for (const auto& line : s.participated) list.items.push_back({Run{line.audit.title}});
    doc.blocks.emplace_back(std::move(list));
  }

  if (s.completed.empty()) {
    doc.blocks.emplace_back(
        paragraph("There were no national clinical audits or national confidential enquiries that " + name +
                  " participated in for which data collection was completed during " + year + "."));
  } else {
    doc.blocks.emplace_back(paragraph(
        "The national clinical audits and national confidential enquiries that " + name +
        " participated in, and for which data collection was completed during " + year +
        ", are listed below alongside the number of cases submitted to each audit or enquiry as a percentage of the "
        "number of registered cases required by the terms of that audit or enquiry."));
    Table table{{"Audit or enquiry", "Cases submitted as a percentage of cases required"}, {}};
    for (const auto& line : s.completed) table.rows.push_back({line.audit.title, ascertainment(line)});
    doc.blocks.emplace_back(std::move(table));
  }

  for (const auto* reviews : {&s.national_reviews, &s.local_reviews}) {
    const bool national = reviews == &s.national_reviews;
    const char* one = national ? "national clinical audit" : "local clinical audit";
    const char* many = national ? "national clinical audits" : "local clinical audits";
    if (reviews->empty()) {
      doc.blocks.emplace_back(
          paragraph(std::string("No ") + one + " reports were reviewed by the provider in " + year + "."));
      continue;
    }
    doc.blocks.emplace_back(paragraph("The reports of " + plural(static_cast<int>(reviews->size()), one, many) +
                                      " were reviewed by the provider in " + year + " and " + name +
                                      " intends to take the following actions to improve the quality of healthcare "
                                      "provided:"));
    doc.blocks.emplace_back(reviews_list(*reviews));
  }
  return doc;
}

std::string quality_account_markdown(const QualityAccountStatement& s) { return to_markdown(quality_account_text(s)); }

render::Html quality_account_html(const QualityAccountStatement& s) {
  using render::html;
  using render::operator""_html;
  TextDocument doc = quality_account_text(s);
  doc.blocks.erase(doc.blocks.begin());  // the title, written here with the id the section is labelled by
  return html("<section class=\"quality-account\" aria-labelledby=\"qa-title\"><h2 id=\"qa-title\">{}</h2>{}</section>",
              kTitle, to_html(doc));
}

Result<std::string> quality_account_docx(const QualityAccountStatement& s) {
  return docx_bytes(quality_account_text(s));
}

std::vector<std::string> quality_account_notes(const QualityAccountStatement& s, Date today) {
  std::vector<std::string> notes{s.organisation.name + ", " + period(s) + ". " + deadline(s, today)};
  if (!s.gaps.empty()) {
    notes.push_back("Before publishing: " + plural(static_cast<int>(s.gaps.size()), "gap", "gaps") +
                    " in the records. These audits are not counted until the records are complete:");
    for (const auto& gap : s.gaps) notes.push_back(gap.audit_title + " (" + gap.audit_code + "): " + gap.missing);
  }
  return notes;
}

render::Html quality_account_notes_html(const QualityAccountStatement& s, Date today) {
  using render::html;
  using render::operator""_html;
  render::Html out =
      html("<p class=\"meta\">{}, {}. <strong>{}</strong></p>", s.organisation.name, period(s), deadline(s, today));
  if (!s.gaps.empty()) {
    out += html(
        "<div class=\"warning\" role=\"note\"><p><strong>Before publishing: {} in the records.</strong> These audits "
        "are not counted until the records are complete:</p><ul>",
        plural(static_cast<int>(s.gaps.size()), "gap", "gaps"));
    for (const auto& gap : s.gaps) out += html("<li>{} ({}): {}</li>", gap.audit_title, gap.audit_code, gap.missing);
    out += "</ul></div>"_html;
  }
  return out;
}

}  // namespace clinaudit::report
