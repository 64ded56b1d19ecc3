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

EpisodeImportOptions dry_run() {
  EpisodeImportOptions options;
  options.dry_run = true;
  return options;
}

TEST(EpisodeValidator, ReportsABadDateAndAnUnknownProviderWithRowAndColumn) {
  std::istringstream input(kTwoProblems);
  const auto outcome = import_episodes(input, AuditId{10}, providers(), {}, dry_run());
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(outcome->report.to_text(),
            "row 5, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)\n"
            "row 9, column 'organisation_code': 'RZZ' is not a known organisation\n");
  EXPECT_EQ(outcome->rows_read, 9);
  EXPECT_EQ(outcome->rows_written, 0);
  EXPECT_EQ(outcome->covariates, (std::vector<std::string>{"age", "sex"}));
}

TEST(EpisodeValidator, HandsOutGoodRowsInChunksOfTheRequestedSize) {
  std::string text = "Provider Code,Admission Date,Outcome,asa\r\n";
  for (int i = 0; i < 10; ++i) text += (i % 2 == 0 ? "rxa" : "RXB") + std::string(",2024-03-0") + "1,yes,3\r\n";
  std::istringstream input(text);
  ValidationReport report;
  const auto refs = providers();
  EpisodeValidator validator(input, AuditId{10}, refs, report, 4);
  domain::EpisodeColumns chunk;
  std::vector<std::size_t> sizes;
  while (validator.next_chunk(chunk)) sizes.push_back(chunk.size());
  EXPECT_TRUE(report.clean()) << report.to_text();
  EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 4, 2}));
  EXPECT_EQ(chunk.size(), 0u);
}

TEST(EpisodeValidator, FillsEveryColumnOfAChunk) {
  std::istringstream input(
      "organisation_code,admission_date,outcome,age,sex\nRXB,01/02/2024,1,90,\nRXA,2024-02-02,0,,M\n");
  ValidationReport report;
  const auto refs = providers();
  EpisodeValidator validator(input, AuditId{10}, refs, report);
  domain::EpisodeColumns chunk;
  ASSERT_TRUE(validator.next_chunk(chunk));
  EXPECT_EQ(chunk.audit_id.value, 10);
  EXPECT_EQ(chunk.covariate_names, (std::vector<std::string>{"age", "sex"}));
  EXPECT_EQ(chunk.provider, (std::vector<OrganisationId>{OrganisationId{2}, OrganisationId{1}}));
  EXPECT_EQ(chunk.admission_date[0].to_string(), "2024-02-01");
  EXPECT_EQ(chunk.outcome, (std::vector<std::uint8_t>{1, 0}));
  EXPECT_EQ(chunk.covariate_values[0], (std::vector<std::string>{"90", ""}));
  EXPECT_EQ(chunk.covariate_values[1], (std::vector<std::string>{"", "M"}));
}

TEST(EpisodeValidator, ReportsAMissingRequiredColumnAndABadOutcome) {
  std::istringstream input("organisation_code,outcome\nRXA,2\n");
  const auto outcome = import_episodes(input, AuditId{10}, providers(), {}, dry_run());
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->report.to_text(),
            "row 1, column 'admission_date': is a required column but is missing\n"
            "row 2, column 'outcome': '2' is not an outcome (expected 1 for the event, e.g. death, or 0 for none)\n");
}

}  // namespace
}  // namespace clinaudit::ingest
