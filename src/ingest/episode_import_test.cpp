#include "ingest/episode_import.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "ingest/episode_validator.hpp"

namespace clinaudit::ingest {
namespace {

References providers() {
  References refs;
  refs.add_organisation({OrganisationId{1}, "RXA", "Alpha", domain::OrganisationType::acute, ""});
  refs.add_organisation({OrganisationId{2}, "RXB", "Beta", domain::OrganisationType::acute, ""});
  return refs;
}

// The product's own example: a bad date on row 5 and an unknown organisation on row 9.
const char* const kTwoProblems =
    "organisation_code,admission_date,outcome,age,sex\n"  // row 1
    "RXA,2024-01-03,0,81,F\n"                             // row 2
    "RXA,2024-01-04,1,90,M\n"                             // row 3
    "RXB,04/01/2024,0,77,F\n"                             // row 4
    "RXB,2024-02-30,0,85,F\n"                             // row 5: no 30 February
    "RXA,2024-02-01,0,66,M\n"                             // row 6
    "RXB,2024-02-02,1,93,F\n"                             // row 7
    "RXA,2024-02-03,0,71,M\n"                             // row 8
    "RZZ,2024-02-04,0,88,F\n"                             // row 9: no such organisation
    "RXA,2024-02-05,0,79,M\n";                            // row 10

// The audit's dataset: an outcome, an age in 0-120 (required), a sex among F and M, a day.
domain::Dataset dataset() {
  domain::Dataset out;
  out.audit_id = AuditId{10};
  out.columns = {{"outcome", domain::ValueType::yes_no, true, {}, {}, {}, ""},
                 {"age", domain::ValueType::number, true, 0.0, 120.0, {}, ""},
                 {"sex", domain::ValueType::category, false, {}, {}, {"F", "M"}, ""},
                 {"operated_on", domain::ValueType::date, false, {}, {}, {}, ""}};
  return out;
}

EpisodeImportOptions dry_run() {
  EpisodeImportOptions options;
  options.dry_run = true;
  return options;
}

std::string problems(const std::string& text) {
  std::istringstream input(text);
  const auto outcome = import_episodes(input, AuditId{10}, dataset(), providers(), {}, dry_run());
  return outcome ? outcome->report.to_text() : "error: " + outcome.error().message;
}

TEST(EpisodeValidator, ReportsABadDateAndAnUnknownProviderWithRowAndColumn) {
  std::istringstream input(kTwoProblems);
  const auto outcome = import_episodes(input, AuditId{10}, dataset(), providers(), {}, dry_run());
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(outcome->report.to_text(),
            "row 5, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)\n"
            "row 9, column 'organisation_code': 'RZZ' is not a known organisation\n");
  EXPECT_EQ(outcome->rows_read, 9);
  EXPECT_EQ(outcome->rows_written, 0);
  EXPECT_EQ(outcome->columns, (std::vector<std::string>{"outcome", "age", "sex"}));
}

TEST(EpisodeValidator, HandsOutGoodRowsInChunksOfTheRequestedSize) {
  std::string text = "Provider Code,Admission Date,Outcome,Age\r\n";
  for (int i = 0; i < 10; ++i) text += (i % 2 == 0 ? "rxa" : "RXB") + std::string(",2024-03-0") + "1,yes,3\r\n";
  std::istringstream input(text);
  ValidationReport report;
  const auto refs = providers();
  EpisodeValidator validator(input, AuditId{10}, dataset(), refs, report, 4);
  domain::EpisodeColumns chunk;
  std::vector<std::size_t> sizes;
  while (validator.next_chunk(chunk)) sizes.push_back(chunk.size());
  EXPECT_TRUE(report.clean()) << report.to_text();
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4, 2}));
  EXPECT_EQ(chunk.size(), 0u);
}

// The first chunk of `text` validated against dataset() and providers(); problems go to `report`.
domain::EpisodeColumns first_chunk(const std::string& text, ValidationReport& report) {
  std::istringstream input(text);
  const auto refs = providers();
  EpisodeValidator validator(input, AuditId{10}, dataset(), refs, report);
  domain::EpisodeColumns chunk;
  EXPECT_TRUE(validator.next_chunk(chunk));
  return chunk;
}

// Codes are matched without regard to letter case and in any order; a code found once is not
// looked up again, and an unknown one is reported on every row that names it.
TEST(EpisodeValidator, GivesEachRowItsProviderWhateverTheCodesCaseAndOrder) {
  ValidationReport report;
  const auto chunk = first_chunk(
      "organisation_code,admission_date,outcome,age\n"
      "RXA,2024-03-01,0,50\nrxb,2024-03-01,0,51\nRZZ,2024-03-01,0,52\nrxa,2024-03-01,0,53\n"
      "RXB,2024-03-01,0,54\nRZZ,2024-03-01,0,55\nRxA,2024-03-01,0,56\nrxb,2024-03-01,0,57\n",
      report);
  ASSERT_EQ(chunk.size(), 6U);
  const OrganisationId alpha{1};
  const OrganisationId beta{2};
  EXPECT_EQ(chunk.provider, (std::vector<OrganisationId>{alpha, beta, alpha, beta, alpha, beta}));
  EXPECT_EQ(chunk.columns[1].numbers, (std::vector<double>{50, 51, 53, 54, 56, 57}));
  EXPECT_EQ(report.to_text(),
            "row 4, column 'organisation_code': 'RZZ' is not a known organisation\n"
            "row 7, column 'organisation_code': 'RZZ' is not a known organisation\n");
}

TEST(EpisodeValidator, FillsEveryColumnOfAChunkTyped) {
  ValidationReport report;
  const auto chunk = first_chunk(
      "organisation_code,admission_date,outcome,age,sex,operated_on\nRXB,01/02/2024,yes,90,,2024-02-03\n"
      "RXA,2024-02-02,0,41.5,M,\n",
      report);
  ASSERT_EQ(chunk.size(), 2U);
  EXPECT_TRUE(report.clean()) << report.to_text();
  EXPECT_EQ(chunk.audit_id.value, 10);
  EXPECT_EQ(chunk.column_names(), (std::vector<std::string>{"outcome", "age", "sex", "operated_on"}));
  EXPECT_EQ(chunk.provider, (std::vector<OrganisationId>{OrganisationId{2}, OrganisationId{1}}));
  EXPECT_EQ(chunk.admission_date[0].to_string(), "2024-02-01");
  EXPECT_EQ(chunk.columns[0].numbers, (std::vector<double>{1, 0}));
  EXPECT_EQ(chunk.columns[1].numbers, (std::vector<double>{90, 41.5}));
  EXPECT_EQ(chunk.columns[2].texts, (std::vector<std::string>{"", "M"}));
  EXPECT_EQ(chunk.columns[3].numbers[0], static_cast<double>(Date::parse("2024-02-03")->days_since_epoch()));
  EXPECT_TRUE(chunk.columns[3].missing(1));
}

TEST(EpisodeValidator, ChecksEachCellAgainstItsColumnNamingRowAndColumn) {
  const std::string header = "organisation_code,admission_date,outcome,age,sex,operated_on\n";
  EXPECT_EQ(problems(header + "RXA,2024-01-03,2,80,F,\n"),
            "row 2, column 'outcome': '2' is not yes or no (expected yes/no, y/n, true/false or 1/0)\n");
  EXPECT_EQ(problems(header + "RXA,2024-01-03,1,eighty,F,\n").substr(0, 37), "row 2, column 'age': 'eighty' is not ");
  EXPECT_EQ(problems(header + "RXA,2024-01-03,1,,F,\n"), "row 2, column 'age': is empty but a value is required\n");
  EXPECT_EQ(problems(header + "RXA,2024-01-03,1,80,F,\nRXA,2024-01-03,1,121,F,\n"),
            "row 3, column 'age': '121' is above the maximum 120\n");
  EXPECT_EQ(problems(header + "RXA,2024-01-03,1,-1,F,\n"), "row 2, column 'age': '-1' is below the minimum 0\n");
  EXPECT_EQ(problems(header + "RXA,2024-01-03,1,80,X,\n"),
            "row 2, column 'sex': 'X' is not one of the allowed values (F, M)\n");
  EXPECT_EQ(problems(header + "RXA,2024-01-03,1,80,F,soon\n").substr(0, 43),
            "row 2, column 'operated_on': 'soon' is not ");
}

TEST(EpisodeValidator, ReportsAnUnknownColumnAndAMissingRequiredOne) {
  const auto text = problems("organisation_code,admission_date,outcome,height\nRXA,2024-01-03,1,180\n");
  EXPECT_NE(text.find("row 1, column 'height': "), std::string::npos) << text;
  EXPECT_NE(text.find("row 1, column 'age': is a required column but is missing"), std::string::npos) << text;
}

}  // namespace
}  // namespace clinaudit::ingest
