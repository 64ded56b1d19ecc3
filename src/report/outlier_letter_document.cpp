#include "report/outlier_letter_document.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include <array>
#include <string_view>

#include "report/docx_writer.hpp"

namespace clinaudit::embedded {
std::string_view outlier_letter_notification_txt();
std::string_view outlier_letter_acknowledgement_request_txt();
std::string_view outlier_letter_escalation_txt();
}  // namespace clinaudit::embedded

namespace clinaudit::report {

namespace {

std::string_view template_of(domain::OutlierLetter letter) {
  switch (letter) {
    case domain::OutlierLetter::notification: return embedded::outlier_letter_notification_txt();
    case domain::OutlierLetter::acknowledgement_request: return embedded::outlier_letter_acknowledgement_request_txt();
    case domain::OutlierLetter::escalation: return embedded::outlier_letter_escalation_txt();
  }
  return embedded::outlier_letter_notification_txt();
}

constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};

// "4 December 2026", as a letter is dated.
std::string letter_date(Date date) {
  return std::to_string(date.day()) + " " + std::string(kMonths.at(date.month() - 1)) + " " +
         std::to_string(date.year());
}

// The template's text with the facts in place of its {names}.
Result<std::string> filled(std::string_view text, const domain::OutlierLetterFacts& facts) {
  const auto& item = facts.item;
  const bool alarm = item.level == domain::OutlierLevel::alarm;
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  args.push_back(fmt::arg("date", letter_date(facts.today)));
  args.push_back(fmt::arg("organisation", facts.organisation_name));
  args.push_back(fmt::arg("chief_executive", facts.chief_executive_name.empty() ? std::string("The Chief Executive")
                                                                                : facts.chief_executive_name));
  args.push_back(fmt::arg(
      "salutation", facts.chief_executive_name.empty() ? std::string("Chief Executive") : facts.chief_executive_name));
  args.push_back(fmt::arg("audit", facts.audit_title));
  args.push_back(fmt::arg("measure", facts.measure_name));
  args.push_back(fmt::arg("period", item.period));
  args.push_back(fmt::arg("level", std::string(alarm ? "alarm" : "alert")));
  args.push_back(fmt::arg("value", facts.value_words));
  args.push_back(fmt::arg("limit", facts.limit_words));
  args.push_back(fmt::arg("limit_words", std::string(alarm ? "99.8% control limit (three standard deviations)"
                                                           : "95% control limit (two standard deviations)")));
  args.push_back(fmt::arg(
      "direction", std::string(item.high ? "higher" : "lower") +
                       (item.unfavourable ? " than expected, which is worse" : " than expected, which is better")));
  args.push_back(fmt::arg("stage", facts.stage_name));
  args.push_back(fmt::arg("due", item.stage_due_on ? letter_date(*item.stage_due_on) : std::string("the date agreed")));
  args.push_back(fmt::arg("reply_by", facts.reply_by ? letter_date(*facts.reply_by) : std::string("the date agreed")));
  args.push_back(fmt::arg("case", std::to_string(item.id.value)));
  args.push_back(fmt::arg("from", facts.audit_provider_body.empty() ? std::string("The national audit provider")
                                                                    : facts.audit_provider_body));
  try {
    return fmt::vformat(fmt::string_view(text.data(), text.size()), args);
  } catch (const fmt::format_error& error) {
    return Error{ErrorCode::internal,
                 std::string("an outlier letter's template does not fit its facts: ") + error.what()};
  }
}

}  // namespace

Result<FilledLetter> outlier_letter(domain::OutlierLetter letter, const domain::OutlierLetterFacts& facts) {
  CLINAUDIT_TRY(const auto text, filled(template_of(letter), facts));
  FilledLetter out;
  constexpr std::string_view kSubject = "Subject: ";
  std::string_view rest = text;
  if (rest.starts_with(kSubject)) {
    const auto end = rest.find('\n');
    out.subject = std::string(rest.substr(kSubject.size(), end - kSubject.size()));
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
  }
  if (!out.subject.empty()) out.document.blocks.emplace_back(Heading{1, out.subject});
  // Each line of text is a paragraph of the letter (an address's lines each their own); the
  // template's blank lines only separate them.
  std::size_t start = 0;
  while (start < rest.size()) {
    auto end = rest.find('\n', start);
    if (end == std::string_view::npos) end = rest.size();
    const auto line = rest.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos)
      out.document.blocks.emplace_back(paragraph(std::string(line)));
    start = end + 1;
  }
  return out;
}

std::string outlier_letter_file(domain::OutlierLetter letter, const domain::OutlierLetterFacts& facts) {
  return "outlier-case-" + std::to_string(facts.item.id.value) + "-" + std::string(domain::to_string(letter)) + ".docx";
}

Result<std::string> outlier_letter_docx(domain::OutlierLetter letter, const domain::OutlierLetterFacts& facts) {
  CLINAUDIT_TRY(const auto filled_letter, outlier_letter(letter, facts));
  return docx_bytes(filled_letter.document);
}

}  // namespace clinaudit::report
