// `clinaudit import` against real databases: a SQLite file in a temporary folder, and the
// PostgreSQL cluster of scripts/test.sh when CLINAUDIT_TEST_PG_URL is set.
#include "cli/import_run.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "cli/import_progress.hpp"
#include "ingest/episode_import.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {
namespace {

namespace fs = std::filesystem;

class ImportRun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("clinaudit_import_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    url_ = (dir_ / "test.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // Runs an import; returns the error message ("" on success) and keeps the output.
  std::string run(const std::string& kind, const std::string& text, const std::string& audit = "",
                  bool dry_run = false) {
    ImportRequest request;
    request.kind = kind;
    request.file = write(kind + ".csv", text);
    request.database_url = url_;
    request.audit_code = audit;
    request.dry_run = dry_run;
    std::ostringstream out;
    const auto result = run_import(request, out);
    output_ = out.str();
    return result ? "" : result.error().message;
  }

  std::unique_ptr<domain::Store> store() { return std::move(*storage::open_store(url_)); }

  void add_references() {
    ASSERT_EQ(run("organisations", "code,name,type\nRXA,Alpha,acute\nRXB,Beta,mental_health\n"), "");
    ASSERT_EQ(output_, "imported 2 organisations\n");
    ASSERT_EQ(run("audits", "code,title,kind\nNHFD,National Hip Fracture Database,NCA\n"), "");
    ASSERT_EQ(output_, "imported 1 audit\n");
    ASSERT_EQ(run("dataset",
                  "audit_code,column,type,required,minimum,maximum\nNHFD,outcome,yes_no,yes,,\n"
                  "NHFD,age,number,no,0,120\n"),
              "");
    ASSERT_EQ(output_, "imported 1 dataset for audit NHFD\n");
  }

  fs::path dir_;
  std::string url_;
  std::string output_;
};

const char* const kTwoProblems =
    "organisation_code,admission_date,outcome,age\n"
    "RXA,2024-01-03,0,81\nRXA,2024-01-04,1,90\nRXB,04/01/2024,0,77\n"
    "RXB,2024-02-30,0,85\n"  // row 5
    "RXA,2024-02-01,0,66\nRXB,2024-02-02,1,93\nRXA,2024-02-03,0,71\n"
    "RZZ,2024-02-04,0,88\n"  // row 9
    "RXA,2024-02-05,0,79\n";

TEST_F(ImportRun, ABadDateAndAnUnknownOrganisationAreReportedAndNothingIsWritten) {
  add_references();
  const auto error = run("episodes", kTwoProblems, "NHFD");
  EXPECT_EQ(error, (dir_ / "episodes.csv").string() + ": 2 problems in 9 data rows; nothing was imported");
  EXPECT_EQ(output_,
            "row 5, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)\n"
            "row 9, column 'organisation_code': 'RZZ' is not a known organisation\n");
  const auto audit = store()->audit_by_code("NHFD");
  ASSERT_TRUE(audit);
  EXPECT_EQ(store()->episodes(audit->id, *Date::parse("2000-01-01"), *Date::parse("2100-01-01"))->size(), 0u);
}

TEST_F(ImportRun, AProblemAfterChunksWereWrittenRollsTheWholeImportBack) {
  add_references();
  auto opened = store();
  const auto audit = *opened->audit_by_code("NHFD");
  ingest::References references;
  const auto organisations = opened->organisations();
  ASSERT_TRUE(organisations);
  for (const auto& organisation : *organisations) references.add_organisation(organisation);
  std::string text = "organisation_code,admission_date,outcome\n";
  for (int i = 0; i < 50; ++i) text += "RXA,2024-03-01,0\n";
  text += "RXA,2024-13-01,0\n";  // row 52, in the last chunk of ten
  std::istringstream input(text);
  ingest::EpisodeImportOptions options;
  options.chunk_rows = 10;
  int writers = 0;
  const auto outcome = ingest::import_episodes(
      input, audit.id, *opened->dataset(audit.id), references,
      [&](const std::vector<std::string>& columns) {
        ++writers;
        return opened->begin_episodes(audit.id, columns, domain::Actor{std::nullopt, "test"});
      },
      options);
  ASSERT_TRUE(outcome) << outcome.error().message;
  EXPECT_EQ(writers, 1);
  EXPECT_EQ(outcome->report.total(), 1);
  EXPECT_EQ(outcome->rows_read, 51);
  EXPECT_EQ(outcome->rows_written, 0);
  EXPECT_EQ(opened->episodes(audit.id, *Date::parse("2000-01-01"), *Date::parse("2100-01-01"))->size(), 0u);
}

TEST_F(ImportRun, AGoodFileLandsWholeAndADryRunWritesNothing) {
  add_references();
  const std::string good = "organisation_code,admission_date,outcome,age\nRXA,2024-01-03,0,81\nrxb,03/01/2024,1,77\n";
  EXPECT_EQ(run("episodes", good, "NHFD", true), "");
  EXPECT_NE(output_.find("would import 2 episodes for audit NHFD (columns: outcome, age) (dry run"), std::string::npos)
      << output_;
  const auto audit = *store()->audit_by_code("NHFD");
  const auto from = *Date::parse("2000-01-01");
  const auto to = *Date::parse("2100-01-01");
  EXPECT_EQ(store()->episodes(audit.id, from, to)->size(), 0u);
  EXPECT_EQ(run("episodes", good, "NHFD"), "");
  EXPECT_EQ(output_, "imported 2 episodes for audit NHFD (columns: outcome, age)\n");
  const auto episodes = store()->episodes(audit.id, from, to);
  ASSERT_EQ(episodes->size(), 2u);
  EXPECT_EQ(episodes->column("outcome")->numbers[1], 1);
  EXPECT_EQ(episodes->column("age")->numbers[1], 77);
}

TEST_F(ImportRun, EveryKindImportsIntoTheStore) {
  add_references();
  EXPECT_EQ(run("qa-list", "audit_code,year,eligible_types\nNHFD,2025/26,acute\n"), "");
  EXPECT_EQ(output_, "imported 1 Quality Account list entry for 2025/26\n");
  EXPECT_EQ(run("participation",
                "organisation_code,audit_code,year,eligible,participating,cases_submitted,cases_required\n"
                "RXA,NHFD,2025/26,yes,yes,410,450\nRXB,NHFD,2025/26,no,,,\n"),
            "");
  EXPECT_EQ(output_, "imported 2 participation records for 2025/26\n");
  auto opened = store();
  const auto audit = *opened->audit_by_code("NHFD");
  const auto rxa = *opened->organisation_by_code("RXA");
  const auto participation = opened->participation_of(rxa.id, FinancialYear{2025});
  ASSERT_EQ(participation->size(), 1u);
  EXPECT_EQ(*participation->at(0).cases_submitted, 410);

  domain::Measure measure;
  measure.audit_id = audit.id;
  measure.code = "mort30";
  measure.name = "30-day mortality";
  measure.type = domain::MeasureType::ratio;
  ASSERT_TRUE(opened->add_measure(measure, domain::Actor{std::nullopt, "test"}));
  opened.reset();
  EXPECT_EQ(run("results",
                "audit_code,measure_code,organisation_code,period,numerator,expected\n"
                "NHFD,mort30,RXA,2024/25,30,25.5\nNHFD,MORT30,RXB,2024/25,12,14\n"),
            "");
  EXPECT_EQ(output_, "imported 2 results for audit NHFD\n");
  opened = store();
  const auto measures = opened->measures_of(audit.id);
  ASSERT_EQ(measures->size(), 1u);
  EXPECT_EQ(opened->results_of(measures->at(0).id, std::nullopt)->size(), 2u);
}

// Yearly results of a year that has ended are checked for outliers as they land, and the
// command says what the check found; --as-of sets the import's date. Each provider's observed
// count is well inside Poisson 95% limits around its expected count (30 against 25.5 +- 9.9,
// 12 against 14 +- 7.3, 20 against 20 +- 8.8; the overall ratio, 62 / 59.5, moves them by 4%),
// so none is beyond the limits.
TEST_F(ImportRun, YearlyResultsOfAnEndedYearAreCheckedForOutliersAsTheyLand) {
  add_references();
  ASSERT_EQ(run("organisations", "code,name,type\nRXC,Gamma,acute\n"), "");
  auto opened = store();
  domain::Measure measure;
  measure.audit_id = opened->audit_by_code("NHFD")->id;
  measure.code = "mort30";
  measure.name = "30-day mortality";
  measure.type = domain::MeasureType::ratio;
  ASSERT_TRUE(opened->add_measure(measure, domain::Actor{std::nullopt, "test"}));
  opened.reset();
  ImportRequest request;
  request.kind = "results";
  request.file = write("results.csv",
                       "audit_code,measure_code,organisation_code,period,numerator,expected\n"
                       "NHFD,mort30,RXA,2025/26,30,25.5\nNHFD,mort30,RXB,2025/26,12,14\n");
  request.database_url = url_;
  request.as_of = "2026-03-31";  // the year's last day: still in progress
  std::ostringstream in_year;
  ASSERT_TRUE(run_import(request, in_year));
  EXPECT_EQ(in_year.str(), "imported 2 results for audit NHFD\n");
  request.file = write("last.csv",
                       "audit_code,measure_code,organisation_code,period,numerator,expected\n"
                       "NHFD,mort30,RXC,2025/26,20,20\n");
  request.as_of = "2026-04-01";
  std::ostringstream ended;
  const auto landed = run_import(request, ended);
  ASSERT_TRUE(landed) << landed.error().message;
  EXPECT_EQ(ended.str(),
            "imported 1 result for audit NHFD\n"
            "checked NHFD mort30 2025/26: 3 providers, 0 beyond the limits, 0 outlier case(s) opened, 0 raised to "
            "alarm\n");
  request.as_of = "1 April";
  std::ostringstream refused;
  const auto bad_date = run_import(request, refused);
  ASSERT_FALSE(bad_date);
  EXPECT_EQ(bad_date.error().code, ErrorCode::invalid_input);
  EXPECT_NE(bad_date.error().message.find("--as-of"), std::string::npos) << bad_date.error().message;
}

TEST_F(ImportRun, ReferencesToMissingThingsAreClearErrors) {
  add_references();
  EXPECT_EQ(run("episodes", kTwoProblems, "NOPE"),
            "there is no audit 'NOPE' (import it first with 'clinaudit import audits')");
  EXPECT_EQ(run("episodes", kTwoProblems, ""), "episodes belong to one audit: give its code with --audit CODE");
  ImportRequest missing;
  missing.kind = "organisations";
  missing.file = (dir_ / "no-such-file.csv").string();
  missing.database_url = url_;
  std::ostringstream out;
  const auto result = run_import(missing, out);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::not_found);
}

TEST_F(ImportRun, NiceGuidanceGoesIntoTheRegisterOfTheTrustTheOperatorNames) {
  add_references();
  const std::string file =
      "reference,title,published_on,recommendation,recommendation_text\n"
      "NG136,Hypertension in adults: diagnosis and management,2019-08-28,1.2.3,Offer ambulatory monitoring\n"
      "NG51,Sepsis,2016-07-13,,\n";
  EXPECT_EQ(run("nice-guidance", file),
            "a NICE guidance register is one trust's: give the trust's code with --org CODE");
  ImportRequest request;
  request.kind = "nice-guidance";
  request.file = write("nice.csv", file);
  request.database_url = url_;
  request.organisation_code = "RXB";
  std::ostringstream out;
  const auto result = run_import(request, out);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(out.str(), "imported 2 pieces of NICE guidance for RXB\n");
  auto opened = store();
  const auto stored = opened->nice_guidance(opened->organisation_by_code("RXB")->id);
  ASSERT_EQ(stored->size(), 2U);
  EXPECT_EQ(stored->at(0).reference(), "NG51");
  EXPECT_EQ(stored->at(1).recommendations.size(), 1U);
  EXPECT_TRUE(opened->nice_guidance(opened->organisation_by_code("RXA")->id)->empty());
}

TEST_F(ImportRun, ImportsIntoPostgreSqlToo) {
  const char* pg = std::getenv("CLINAUDIT_TEST_PG_URL");
  if (pg == nullptr || *pg == '\0') GTEST_SKIP() << "CLINAUDIT_TEST_PG_URL is not set (scripts/test.sh sets it)";
  url_ = pg;
  // The cluster is shared by the tests: codes unique to this run.
  const std::string suffix =
      std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + std::to_string(::getpid());
  const std::string org = "IMP" + suffix.substr(0, 8);
  const std::string audit = "IMPORT-" + suffix;
  ASSERT_EQ(run("organisations", "code,name,type\n" + org + ",Import test,acute\n"), "");
  ASSERT_EQ(run("audits", "code,title,kind\n" + audit + ",Import test,NCA\n"), "");
  ASSERT_EQ(run("dataset", "audit_code,column,type\n" + audit + ",outcome,yes_no\n"), "");
  const std::string bad =
      "organisation_code,admission_date,outcome\n" + org + ",2024-02-30,0\n" + org + ",2024-02-01,1\n";
  EXPECT_NE(run("episodes", bad, audit), "");
  EXPECT_EQ(output_, "row 2, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)\n");
  const std::string good =
      "organisation_code,admission_date,outcome\n" + org + ",2024-02-29,0\n" + org + ",2024-02-01,1\n";
  EXPECT_EQ(run("episodes", good, audit), "");
  EXPECT_EQ(output_, "imported 2 episodes for audit " + audit + " (columns: outcome)\n");
  auto opened = store();
  const auto id = opened->audit_by_code(audit)->id;
  EXPECT_EQ(opened->episodes(id, *Date::parse("2000-01-01"), *Date::parse("2100-01-01"))->size(), 2u);
}

TEST(WithThousands, GroupsDigitsInThrees) {
  EXPECT_EQ(with_thousands(0), "0");
  EXPECT_EQ(with_thousands(999), "999");
  EXPECT_EQ(with_thousands(1234), "1,234");
  EXPECT_EQ(with_thousands(1000000), "1,000,000");
  EXPECT_EQ(with_thousands(-12345), "-12,345");
}

}  // namespace
}  // namespace clinaudit::cli
