#include "report/quality_account_document.hpp"

#include <gtest/gtest.h>

namespace clinaudit::report {
namespace {

domain::QualityAccountStatement small_statement() {
  domain::QualityAccountStatement s;
  s.organisation.name = "Example Acute <Trust>";
  s.organisation.id = OrganisationId{1};
  s.year = FinancialYear{2025};
  s.due_on = domain::quality_account_due_date(s.year);
  s.national_audits = {3, 2};
  s.confidential_enquiries = {1, 1};
  domain::QaAuditLine line;
  line.audit.title = "National Hip Fracture Database";
  line.audit.code = "NHFD";
  line.participated = true;
  line.data_collection_completed = true;
  line.cases_submitted = 45;
  line.cases_required = 50;
  line.case_ascertainment = 0.9;
  s.eligible = {line};
  s.participated = {line};
  s.completed = {line};
  s.national_reviews.push_back(
      {"NHFD", "NHFD annual report 2025", *Date::parse("2025-11-04"), "Quality Committee", "Weekend cover"});
  s.gaps.push_back({"SSNAP", "Sentinel Stroke National Audit Programme", "eligibility not recorded"});
  return s;
}

// A trust with nothing recorded for the year: every list of the statement is empty.
domain::QualityAccountStatement empty_statement() {
  domain::QualityAccountStatement s;
  s.organisation.name = "Example Community Trust";
  s.year = FinancialYear{2025};
  s.due_on = domain::quality_account_due_date(s.year);
  return s;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(QualityAccountDocument, WritesThePrescribedStatementsWithTheCounts) {
  const auto text = quality_account_markdown(small_statement());
  EXPECT_TRUE(contains(text,
                       "During 2025/26, 3 national clinical audits and 1 national confidential enquiry covered "
                       "relevant health services that Example Acute <Trust> provides."))
      << text;
  EXPECT_TRUE(contains(text,
                       "participated in 67% of national clinical audits and 100% of national confidential "
                       "enquiries"));
  EXPECT_TRUE(contains(text, "| National Hip Fracture Database | 90% (45 of 50 cases) |"));
  EXPECT_TRUE(contains(text, "The reports of 1 national clinical audit were reviewed by the provider in 2025/26"));
  EXPECT_TRUE(
      contains(text, "- **NHFD annual report 2025** (reviewed 2025-11-04 by Quality Committee): Weekend cover"));
}

TEST(QualityAccountDocument, TheTextToPasteHoldsOnlyTheQualityAccountsWords) {
  for (const auto& text :
       {quality_account_markdown(small_statement()), quality_account_html(small_statement()).str()}) {
    EXPECT_FALSE(contains(text, "Due by")) << text;
    EXPECT_FALSE(contains(text, "overdue")) << text;
    EXPECT_FALSE(contains(text, "remaining")) << text;
    EXPECT_FALSE(contains(text, "Before publishing")) << text;
    EXPECT_FALSE(contains(text, "eligibility not recorded")) << text;
  }
}

TEST(QualityAccountDocument, TheNotesAroundTheTextGiveTheDeadlineAndTheGaps) {
  const auto statement = small_statement();
  const auto notes = quality_account_notes(statement, *Date::parse("2026-06-20"));
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0],
            "Example Acute <Trust>, 2025-04-01 to 2026-03-31 (2025/26). Due by 2026-06-30: 10 days remaining.");
  EXPECT_TRUE(contains(notes[1], "Before publishing: 1 gap in the records."));
  EXPECT_EQ(notes[2], "Sentinel Stroke National Audit Programme (SSNAP): eligibility not recorded");
  const auto html = quality_account_notes_html(statement, *Date::parse("2026-07-02")).str();
  EXPECT_TRUE(contains(html, "Example Acute &lt;Trust&gt;"));
  EXPECT_FALSE(contains(html, "<Trust>"));
  EXPECT_TRUE(contains(html, "2 days overdue"));
}

TEST(QualityAccountDocument, EmptyListsAreWordedAsTheRegulationsExpect) {
  const auto text = quality_account_markdown(empty_statement());
  for (const char* sentence :
       {"During 2025/26, 0 national clinical audits and 0 national confidential enquiries covered relevant health "
        "services that Example Community Trust provides.",
        "There were no national clinical audits or national confidential enquiries that Example Community Trust was "
        "eligible to participate in during 2025/26.",
        "Example Community Trust did not participate in any national clinical audits or national confidential "
        "enquiries during 2025/26.",
        "There were no national clinical audits or national confidential enquiries that Example Community Trust "
        "participated in for which data collection was completed during 2025/26.",
        "No national clinical audit reports were reviewed by the provider in 2025/26.",
        "No local clinical audit reports were reviewed by the provider in 2025/26."}) {
    EXPECT_TRUE(contains(text, sentence)) << sentence << "\n" << text;
  }
  for (const char* wrong : {"none recorded", "not applicable", "The reports of 0", "are as follows", "| "}) {
    EXPECT_FALSE(contains(text, wrong)) << wrong << "\n" << text;
  }
  const auto html = quality_account_html(empty_statement()).str();
  EXPECT_TRUE(contains(html, "<p>No local clinical audit reports were reviewed by the provider in 2025/26.</p>"));
  EXPECT_FALSE(contains(html, "<ul></ul>"));
  EXPECT_FALSE(contains(html, "<tbody></tbody>"));
}

TEST(QualityAccountDocument, TheWordDocumentIsAZipOfWordprocessingML) {
  const auto bytes = quality_account_docx(small_statement());
  ASSERT_TRUE(bytes.has_value()) << bytes.error().message;
  EXPECT_EQ(bytes->substr(0, 2), "PK");
  EXPECT_TRUE(contains(*bytes, "word/document.xml"));
  EXPECT_EQ(*bytes, *quality_account_docx(small_statement()));  // the same document, the same bytes
}

}  // namespace
}  // namespace clinaudit::report
