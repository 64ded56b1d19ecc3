#include "report/outlier_letter_document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace clinaudit::report {
namespace {

domain::OutlierLetterFacts facts() {
  domain::OutlierLetterFacts f;
  f.item.id = OutlierCaseId{12};
  f.item.period = "2025/26";
  f.item.level = domain::OutlierLevel::alarm;
  f.item.high = true;
  f.item.unfavourable = true;
  f.item.value = 1.42;
  f.item.limit = 1.3;
  f.item.stage_due_on = Date::parse("2026-06-01").value();
  f.audit_title = "National Emergency Laparotomy Audit";
  f.audit_provider_body = "Royal College of Anaesthetists";
  f.measure_name = "30-day mortality";
  f.value_words = "1.42";
  f.limit_words = "1.30";
  f.organisation_name = "Harbourside Hospitals NHS Trust";
  f.chief_executive_name = "Dr Asha Patel";
  f.stage_name = "The provider checks its data and sends its explanation";
  f.today = Date::parse("2026-04-23").value();
  f.reply_by = Date::parse("2026-06-02").value();
  return f;
}

// The letter's paragraphs, one a line.
std::string text_of(const FilledLetter& letter) {
  std::string out;
  for (const auto& block : letter.document.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&block)) {
      for (const auto& run : p->runs) out += run.text;
      out += "\n";
    }
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(OutlierLetters, TheNotificationTellsTheProviderOfAPotentialOutlierWithTheCasesFacts) {
  const auto letter = outlier_letter(domain::OutlierLetter::notification, facts());
  ASSERT_TRUE(letter) << letter.error().message;
  EXPECT_EQ(letter->subject, "Potential outlier: National Emergency Laparotomy Audit, 30-day mortality, 2025/26");
  const auto text = text_of(*letter);
  EXPECT_TRUE(text.starts_with("23 April 2026\nDr Asha Patel\nHarbourside Hospitals NHS Trust\nDear Dr Asha Patel,\n"))
      << text;
  EXPECT_TRUE(contains(text,
                       "finds Harbourside Hospitals NHS Trust's result for 30-day mortality in 2025/26 beyond the "
                       "99.8% control limit (three standard deviations) of the funnel plot: 1.42 against a limit of "
                       "1.30 (higher than expected, which is worse)"))
      << text;
  EXPECT_TRUE(contains(text, "a potential outlier at alarm level. It is not confirmed")) << text;
  EXPECT_TRUE(contains(text, "send us your explanation, with any errors you find, by 2 June 2026.")) << text;
  EXPECT_TRUE(contains(text, "Outlier case 12 in clinaudit")) << text;
  EXPECT_TRUE(text.ends_with("Yours sincerely,\nRoyal College of Anaesthetists\n")) << text;
  EXPECT_FALSE(contains(text, "{")) << text;
}

TEST(OutlierLetters, WithNoChiefExecutiveNamedTheLetterIsToTheOffice) {
  auto f = facts();
  f.chief_executive_name.clear();
  f.audit_provider_body.clear();
  const auto letter = outlier_letter(domain::OutlierLetter::acknowledgement_request, f);
  ASSERT_TRUE(letter) << letter.error().message;
  const auto text = text_of(*letter);
  EXPECT_TRUE(contains(text, "The Chief Executive\nHarbourside Hospitals NHS Trust\nDear Chief Executive,\n")) << text;
  EXPECT_TRUE(contains(text, "acknowledge this letter by 2 June 2026")) << text;
  EXPECT_TRUE(text.ends_with("The national audit provider\n")) << text;
}

TEST(OutlierLetters, TheEscalationTellsTheRegulatorWhichStageWasMissed) {
  auto f = facts();
  f.item.level = domain::OutlierLevel::alert;
  const auto letter = outlier_letter(domain::OutlierLetter::escalation, f);
  ASSERT_TRUE(letter) << letter.error().message;
  EXPECT_EQ(letter->subject,
            "Outlier alarm escalated: Harbourside Hospitals NHS Trust, National Emergency Laparotomy Audit, 2025/26");
  const auto text = text_of(*letter);
  EXPECT_TRUE(contains(text, "The Care Quality Commission\nDear Sir or Madam,\n")) << text;
  EXPECT_TRUE(contains(text, "beyond the 95% control limit (two standard deviations)")) << text;
  EXPECT_TRUE(contains(text,
                       "The stage \"The provider checks its data and sends its explanation\" was due on 1 June 2026 "
                       "and has not been completed."))
      << text;
}

TEST(OutlierLetters, EveryLetterIsAWordDocumentNamedAfterItsCase) {
  for (const auto letter : {domain::OutlierLetter::notification, domain::OutlierLetter::acknowledgement_request,
                            domain::OutlierLetter::escalation}) {
    const auto bytes = outlier_letter_docx(letter, facts());
    ASSERT_TRUE(bytes) << bytes.error().message;
    EXPECT_TRUE(bytes->starts_with("PK\x03\x04")) << domain::to_string(letter);
  }
  EXPECT_EQ(outlier_letter_file(domain::OutlierLetter::acknowledgement_request, facts()),
            "outlier-case-12-acknowledgement-request.docx");
  EXPECT_EQ(domain::parse_outlier_letter("escalation"), domain::OutlierLetter::escalation);
  EXPECT_FALSE(domain::parse_outlier_letter("Escalation"));
}

}  // namespace
}  // namespace clinaudit::report
