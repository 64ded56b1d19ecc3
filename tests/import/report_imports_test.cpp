// The import kinds of published reports and of reviews of them (docs/csv-import.md,
// "reports" and "report-reviews"), through the import service on a real SQLite store: rows
// grouped into reports, problems named by row and column, all or nothing, and who may import.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "ingest/import_service.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::ingest {
namespace {

namespace fs = std::filesystem;

class ReportImports : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("clinaudit_report_imports_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = storage::open_store((dir_ / "test.sqlite").string());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    ASSERT_TRUE(commit(operator_, ImportKind::organisations,
                       "code,name,type\nRXA,Alpha,acute\nRXB,Beta,acute\nNAT,National body,national_body\n"));
    ASSERT_TRUE(commit(operator_, ImportKind::audits,
                       "code,title,kind,owner_code\nNHFD,National Hip Fracture Database,NCA,\n"
                       "LOC,Alpha's local audit,local,RXA\n"));
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  Importer person(const std::string& code, domain::Role role) {
    const auto organisation = store_->organisation_by_code(code).value();
    domain::Principal who;
    who.role = role;
    who.organisation_id = organisation.id;
    who.organisation_type = organisation.type;
    return Importer{who, domain::Actor{std::nullopt, "test " + code}};
  }

  Result<ImportReport> commit(const Importer& importer, ImportKind kind, const std::string& text) {
    std::istringstream input(text);
    const ImportFile file{kind, &input, "", 0, ValidationReport::kDefaultCap, {}};
    return commit_import(*store_, importer, file);
  }

  std::size_t reports() { return store_->audit_reports(std::nullopt)->size(); }
  OrganisationId id_of(const char* code) { return store_->organisation_by_code(code)->id; }

  fs::path dir_;
  std::unique_ptr<domain::Store> store_;
  const Importer operator_{std::nullopt, domain::Actor{std::nullopt, "test operator"}};
};

const char* const kReports =
    "audit_code,title,published_on,link,recommendation_number,recommendation\n"
    "NHFD,NHFD annual report 2025,2025-09-12,https://www.nhfd.co.uk/,1,Orthogeriatric review within 72 hours\n"
    "NHFD,NHFD annual report 2025,2025-09-12,https://www.nhfd.co.uk/,2,Out of bed the day after surgery\n"
    "NHFD,NHFD winter report,2026-01-15,,,\n";

TEST_F(ReportImports, RowsOfOneTitleAreOneReportWithItsRecommendationsInOrder) {
  const auto imported = commit(operator_, ImportKind::reports, kReports);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_TRUE(imported->report.clean());
  EXPECT_EQ(imported->rows, 3);
  EXPECT_EQ(imported->written, 2);
  const auto stored = store_->audit_reports(std::nullopt).value();
  ASSERT_EQ(stored.size(), 2U);
  EXPECT_EQ(stored[0].title, "NHFD annual report 2025");
  EXPECT_FALSE(stored[0].organisation_id);  // the operator records the national body's
  ASSERT_EQ(stored[0].recommendations.size(), 2U);
  EXPECT_EQ(stored[0].recommendations[1].text, "Out of bed the day after surgery");
  EXPECT_TRUE(stored[1].recommendations.empty());
}

TEST_F(ReportImports, ABadReportRowIsNamedByRowAndColumnAndNothingIsWritten) {
  const auto imported = commit(operator_, ImportKind::reports,
                               "audit_code,title,published_on,link,recommendation_number,recommendation\n"
                               "NHFD,NHFD annual report 2025,2025-09-12,,1,Orthogeriatric review\n"
                               "NHFD,NHFD annual report 2025,2025-09-12,,3,Out of bed\n"
                               "NHFD,Another report,2025-13-01,http://insecure.example/,,\n");
  ASSERT_TRUE(imported) << imported.error().message;
  ASSERT_FALSE(imported->report.clean());
  EXPECT_EQ(imported->written, 0);
  const auto& problems = imported->report.problems();
  ASSERT_EQ(problems.size(), 3U);
  EXPECT_EQ(problems[0].row, 3);
  EXPECT_EQ(problems[0].column, "recommendation_number");
  EXPECT_EQ(problems[1].row, 4);
  EXPECT_EQ(problems[1].column, "published_on");
  EXPECT_EQ(problems[2].row, 4);
  EXPECT_EQ(problems[2].column, "link");
  EXPECT_EQ(reports(), 0U);
}

TEST_F(ReportImports, AReportAlreadyRecordedIsAProblemOfItsTitle) {
  ASSERT_TRUE(commit(operator_, ImportKind::reports, kReports));
  const auto again = commit(operator_, ImportKind::reports, kReports);
  ASSERT_TRUE(again);
  ASSERT_FALSE(again->report.clean());
  EXPECT_EQ(again->report.problems()[0].row, 2);
  EXPECT_EQ(again->report.problems()[0].column, "title");
  EXPECT_EQ(reports(), 2U);
}

TEST_F(ReportImports, ATrustRecordsItsOwnReportsAndABoardMemberNone) {
  const auto manager = person("RXA", domain::Role::audit_manager);
  const auto imported = commit(manager, ImportKind::reports, kReports);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->written, 2);
  EXPECT_EQ(store_->audit_reports(std::nullopt)->at(0).organisation_id, id_of("RXA"));
  // Another trust's local audit is an unknown code.
  const auto theirs = commit(person("RXB", domain::Role::audit_manager), ImportKind::reports,
                             "audit_code,title,published_on\nLOC,Alpha's report,2025-10-01\n");
  ASSERT_TRUE(theirs);
  ASSERT_FALSE(theirs->report.clean());
  EXPECT_EQ(theirs->report.problems()[0].column, "audit_code");
  const auto board = commit(person("RXA", domain::Role::board_member), ImportKind::reports, kReports);
  ASSERT_FALSE(board);
  EXPECT_EQ(board.error().code, ErrorCode::forbidden);
  EXPECT_EQ(reports(), 2U);
}

const char* const kReviews =
    "organisation_code,audit_code,report_title,reviewed_on,committee,findings,intended_actions\n"
    "RXA,NHFD,NHFD annual report 2025,2025-11-04,Quality Committee,Two of three met,Weekend cover\n"
    "RXB,NHFD,NHFD annual report 2025,2025-12-01,Trust Board,,\n";

TEST_F(ReportImports, ReviewsNameTheirReportAndLandTogether) {
  ASSERT_TRUE(commit(operator_, ImportKind::reports, kReports));
  const auto imported = commit(operator_, ImportKind::report_reviews, kReviews);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_TRUE(imported->report.clean());
  EXPECT_EQ(imported->written, 2);
  const auto alpha = store_->report_reviews(id_of("RXA")).value();
  ASSERT_EQ(alpha.size(), 1U);
  EXPECT_EQ(alpha[0].report_title, "NHFD annual report 2025");
  EXPECT_EQ(alpha[0].findings, "Two of three met");
  EXPECT_EQ(alpha[0].intended_actions, "Weekend cover");
  EXPECT_EQ(store_->report_reviews(id_of("RXB"))->size(), 1U);
  // The same reviews again: each is already recorded.
  const auto again = commit(operator_, ImportKind::report_reviews, kReviews);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->report.clean());
  EXPECT_EQ(store_->report_reviews(id_of("RXA"))->size(), 1U);
}

TEST_F(ReportImports, ABadReviewRowIsNamedAndNoReviewIsWritten) {
  ASSERT_TRUE(commit(operator_, ImportKind::reports, kReports));
  const auto imported = commit(operator_, ImportKind::report_reviews,
                               "organisation_code,audit_code,report_title,reviewed_on,committee\n"
                               "RXA,NHFD,NHFD annual report 2025,2025-11-04,Quality Committee\n"
                               "RXB,NHFD,No such report,2025-11-04,Quality Committee\n"
                               "RXB,NHFD,NHFD winter report,2025-12-01,Trust Board\n"
                               "RXB,NHFD,NHFD annual report 2025,2025-12-01,\n");
  ASSERT_TRUE(imported) << imported.error().message;
  ASSERT_FALSE(imported->report.clean());
  const auto& problems = imported->report.problems();
  ASSERT_EQ(problems.size(), 3U);
  EXPECT_EQ(problems[0].row, 3);
  EXPECT_EQ(problems[0].column, "report_title");
  EXPECT_EQ(problems[1].row, 4);
  EXPECT_EQ(problems[1].column, "reviewed_on");  // before the winter report was published
  EXPECT_EQ(problems[2].row, 5);
  EXPECT_EQ(problems[2].column, "committee");
  EXPECT_TRUE(store_->report_reviews(id_of("RXA"))->empty());
}

TEST_F(ReportImports, ATrustImportsItsOwnReviewsOnlyAndTheNationalBodyNone) {
  ASSERT_TRUE(commit(operator_, ImportKind::reports, kReports));
  const auto manager = person("RXA", domain::Role::audit_manager);
  const auto refused = commit(manager, ImportKind::report_reviews, kReviews);
  ASSERT_TRUE(refused) << refused.error().message;
  ASSERT_FALSE(refused->report.clean());
  EXPECT_EQ(refused->report.problems()[0].row, 3);
  EXPECT_EQ(refused->report.problems()[0].column, "organisation_code");
  EXPECT_TRUE(store_->report_reviews(id_of("RXA"))->empty());
  EXPECT_FALSE(may_import(person("NAT", domain::Role::national_analyst), ImportKind::report_reviews));
  EXPECT_TRUE(may_import(person("NAT", domain::Role::national_analyst), ImportKind::reports));
  EXPECT_FALSE(may_import(person("RXA", domain::Role::board_member), ImportKind::report_reviews));
}

}  // namespace
}  // namespace clinaudit::ingest
