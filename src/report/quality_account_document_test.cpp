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
  s.gaps.push_back({"SSNAP", "Sentinel Stroke National Audit Programme", "eligibility not recorded"});
  return s;
}

TEST(QualityAccountDocument, WritesThePrescribedStatementsWithTheCounts) {
  const auto text = quality_account_markdown(small_statement(), *Date::parse("2026-06-20"));
  EXPECT_NE(text.find("During 2025/26, 3 national clinical audits and 1 national confidential enquiry covered "
                      "relevant health services that Example Acute <Trust> provides."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("participated in 67% of national clinical audits and 100% of national confidential enquiries"),
            std::string::npos);
  EXPECT_NE(text.find("| National Hip Fracture Database | 90% (45 of 50 cases) |"), std::string::npos);
  EXPECT_NE(text.find("Due by 2026-06-30: 10 days remaining."), std::string::npos);
  EXPECT_NE(text.find("1 gap in the records"), std::string::npos);
  EXPECT_NE(text.find("The reports of 0 national clinical audits were reviewed"), std::string::npos);
}

TEST(QualityAccountDocument, EscapesNamesInHtmlAndSaysWhenOverdue) {
  const auto html = quality_account_html(small_statement(), *Date::parse("2026-07-02")).str();
  EXPECT_NE(html.find("Example Acute &lt;Trust&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<Trust>"), std::string::npos);
  EXPECT_NE(html.find("2 days overdue"), std::string::npos);
}

}  // namespace
}  // namespace clinaudit::report
