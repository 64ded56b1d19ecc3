// Yearly results checked for outliers as they are imported (ingest::refresh_after_import),
// against a real SQLite store: by the operator and the audit's supplier at once, once the
// year has ended; a trust's own results and a year in progress wait for the daily job.
//
// Twenty providers, each with 10,000 bed days; R10 has 60 infections and the others 23, so
// the overall rate is 497 / 200,000 and each provider expects 24.85. P(X >= 60) for a Poisson
// count of that mean is about 2e-9, far beyond the 99.8% limit's one-sided 0.001; the others
// sit 1.85 below the mean, well inside the 95% limits (tests/storage_contract/result_outliers_test.cpp
// works such tails out in full).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "domain/outlier_case.hpp"
#include "ingest/import_service.hpp"
#include "ingest/stored_analyses.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::ingest {
namespace {

namespace fs = std::filesystem;

Date d(const char* text) { return Date::parse(text).value(); }

class OutlierCheckOnImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("clinaudit_outlier_check_on_import_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = storage::open_store((dir_ / "test.sqlite").string());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    std::string organisations = "code,name,type\nNAT,National body,national_body\n";
    for (int t = 0; t < 20; ++t)
      organisations += "R" + std::to_string(10 + t) + ",Trust " + std::to_string(t) + ",acute\n";
    ASSERT_TRUE(import(operator_, ImportKind::organisations, organisations, d("2026-03-01")));
    ASSERT_TRUE(
        import(operator_, ImportKind::audits, "code,title,kind,owner_code\nHCAI,Infections,NCA,\n", d("2026-03-01")));
    domain::Measure measure;
    measure.audit_id = store_->audit_by_code("HCAI")->id;
    measure.code = "cdi";
    measure.name = "C. difficile infections";
    measure.type = domain::MeasureType::rate;
    measure.improvement = domain::Improvement::decrease;
    measure.rate_multiplier = 1000;
    measure.unit = "per 1,000 bed days";
    ASSERT_TRUE(store_->add_measure(measure, operator_.actor));
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  static std::string results(int first, int last) {
    std::string text = "audit_code,measure_code,organisation_code,period,numerator,denominator\n";
    for (int t = first; t <= last; ++t) {
      text += "HCAI,cdi,R" + std::to_string(10 + t) + ",2025/26," + (t == 0 ? "60" : "23") + ",10000\n";
    }
    return text;
  }

  // Imports `text` as `importer` on `today` and refreshes what depends on it.
  Result<AfterImport> import(const Importer& importer, ImportKind kind, const std::string& text, Date today) {
    std::istringstream input(text);
    const ImportFile file{kind, &input, "", 0, ValidationReport::kDefaultCap, {}};
    CLINAUDIT_TRY(const auto report, commit_import(*store_, importer, file));
    if (!report.report.clean()) return Error{ErrorCode::invalid_input, report.report.to_text()};
    return refresh_after_import(*store_, importer, report, today, "test");
  }

  Importer person(const std::string& code, domain::Role role) {
    const auto organisation = store_->organisation_by_code(code);
    domain::Principal who;
    who.role = role;
    who.organisation_id = organisation->id;
    who.organisation_type = organisation->type;
    return Importer{who, domain::Actor{std::nullopt, "test " + code}};
  }

  std::size_t cases() { return store_->outlier_cases(std::nullopt, std::nullopt)->size(); }

  fs::path dir_;
  std::unique_ptr<domain::Store> store_;
  const Importer operator_{std::nullopt, domain::Actor{std::nullopt, "test operator"}};
};

TEST_F(OutlierCheckOnImport, AYearThatHasEndedIsCheckedAsItsResultsAreImported) {
  const auto after = import(operator_, ImportKind::results, results(0, 19), d("2026-04-10"));
  ASSERT_TRUE(after) << after.error().message;
  ASSERT_EQ(after->outlier_checks.size(), 1u);
  const auto& check = after->outlier_checks[0];
  EXPECT_EQ(check.measure.code, "cdi");
  EXPECT_EQ(check.period, "2025/26");
  EXPECT_EQ(check.providers, 20);
  EXPECT_EQ(check.flagged, 1);
  EXPECT_EQ(check.cases_opened, 1);
  EXPECT_EQ(domain::result_check_findings(check),
            "20 providers, 1 beyond the limits, 1 outlier case(s) opened, 0 raised to alarm");
  const auto opened = store_->outlier_cases(std::nullopt, std::nullopt);
  ASSERT_EQ(opened->size(), 1u);
  EXPECT_EQ((*opened)[0].organisation_id.value, store_->organisation_by_code("R10")->id.value);
  EXPECT_EQ((*opened)[0].period, "2025/26");
}

TEST_F(OutlierCheckOnImport, AYearInProgressIsNotChecked) {
  const auto after = import(operator_, ImportKind::results, results(0, 19), d("2026-03-25"));
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_TRUE(after->outlier_checks.empty());
  EXPECT_EQ(cases(), 0u);
}

// The outlier process is the supplier's: a trust's own results, even of an ended year, open
// nothing until the daily job checks the audit; an analyst of the national body opens the case.
TEST_F(OutlierCheckOnImport, ATrustsOwnResultsWaitForTheDailyJobAndTheSuppliersAreCheckedAtOnce) {
  ASSERT_TRUE(import(operator_, ImportKind::results, results(2, 19), d("2026-03-25")));
  const auto trust =
      import(person("R10", domain::Role::audit_manager), ImportKind::results, results(0, 0), d("2026-04-10"));
  ASSERT_TRUE(trust) << trust.error().message;
  EXPECT_TRUE(trust->outlier_checks.empty());
  EXPECT_EQ(cases(), 0u);

  // The last provider's results, from the national body: the year is checked, R10's case opens.
  const auto analyst =
      import(person("NAT", domain::Role::national_analyst), ImportKind::results, results(1, 1), d("2026-04-10"));
  ASSERT_TRUE(analyst) << analyst.error().message;
  ASSERT_EQ(analyst->outlier_checks.size(), 1u);
  EXPECT_EQ(analyst->outlier_checks[0].cases_opened, 1);
  EXPECT_EQ(cases(), 1u);
}

}  // namespace
}  // namespace clinaudit::ingest
