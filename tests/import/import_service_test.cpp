// The import service's rules (src/ingest/import_service), against a real SQLite store in a
// temporary folder.
#include "ingest/import_service.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "storage/store_factory.hpp"

namespace clinaudit::ingest {
namespace {

namespace fs = std::filesystem;

class ImportService : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("clinaudit_import_service_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
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
                       "LOC,A local audit of the national body,local,NAT\n"));
    ASSERT_TRUE(commit(operator_, ImportKind::dataset, "audit_code,column,type,required\nNHFD,outcome,yes_no,yes\n"));
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  // A signed-in person of organisation `code` with `role`.
  Importer person(const std::string& code, domain::Role role) {
    const auto* organisation = organisation_of(code);
    domain::Principal who;
    who.role = role;
    who.organisation_id = organisation->id;
    who.organisation_type = organisation->type;
    return Importer{who, domain::Actor{std::nullopt, "test " + code}};
  }

  const domain::Organisation* organisation_of(const std::string& code) {
    organisations_ = *store_->organisations();
    for (const auto& organisation : organisations_) {
      if (organisation.code == code) return &organisation;
    }
    return nullptr;
  }

  Result<ImportReport> run(const Importer& importer, ImportKind kind, const std::string& text, bool commit,
                           const std::string& audit = "") {
    std::istringstream input(text);
    const ImportFile file{kind, &input, audit, 0, ValidationReport::kDefaultCap, {}};
    return commit ? commit_import(*store_, importer, file) : check_import(*store_, importer, file);
  }
  Result<ImportReport> commit(const Importer& importer, ImportKind kind, const std::string& text,
                              const std::string& audit = "") {
    return run(importer, kind, text, true, audit);
  }

  std::size_t participation_rows() {
    const auto audit = store_->audit_by_code("NHFD");
    return store_->participation_in(audit->id, *FinancialYear::parse("2025/26"))->size();
  }

  fs::path dir_;
  std::unique_ptr<domain::Store> store_;
  std::vector<domain::Organisation> organisations_;
  const Importer operator_{std::nullopt, domain::Actor{std::nullopt, "test operator"}};
};

const char* const kParticipation = "organisation_code,audit_code,year,participating\nRXA,NHFD,2025/26,yes\n";
const char* const kEpisodes = "organisation_code,admission_date,outcome\nRXA,2024-01-03,0\nRXB,2024-01-04,1\n";

TEST_F(ImportService, APersonMayNotImportTheOperatorsKinds) {
  const auto lead = person("RXA", domain::Role::audit_manager);
  EXPECT_FALSE(may_import(lead, ImportKind::organisations));
  EXPECT_TRUE(may_import(operator_, ImportKind::organisations));
  const auto refused = commit(lead, ImportKind::organisations, "code,name,type\nRXC,Gamma,acute\n");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(organisation_of("RXC"), nullptr);
}

TEST_F(ImportService, ARoleWithoutTheImportPermissionImportsNothing) {
  const auto reader = person("RXA", domain::Role::read_only);
  const auto refused = commit(reader, ImportKind::participation, kParticipation);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(participation_rows(), 0u);
}

TEST_F(ImportService, EpisodesAreImportedByNationalAnalystsOnly) {
  const auto lead = person("RXA", domain::Role::audit_manager);
  const auto refused = commit(lead, ImportKind::episodes, kEpisodes, "NHFD");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  const auto analyst = person("NAT", domain::Role::national_analyst);
  const auto imported = commit(analyst, ImportKind::episodes, kEpisodes, "NHFD");
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->written, 2);
  EXPECT_EQ(imported->about, " for audit NHFD");
}

TEST_F(ImportService, APersonsEpisodesBelongToANationalAudit) {
  const auto analyst = person("NAT", domain::Role::national_analyst);
  // LOC is the national body's own local audit: visible to the analyst, but not national.
  const auto local = run(analyst, ImportKind::episodes, kEpisodes, false, "LOC");
  ASSERT_FALSE(local);
  EXPECT_EQ(local.error().code, ErrorCode::not_found);
  EXPECT_EQ(local.error().message, "there is no national audit 'LOC'");
}

TEST_F(ImportService, ATrustImportsRowsForItsOwnOrganisationOnly) {
  const std::string text = std::string(kParticipation) + "RXB,NHFD,2025/26,no\n";
  const auto lead = person("RXA", domain::Role::audit_manager);
  const auto report = commit(lead, ImportKind::participation, text);
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->report.total(), 1);
  EXPECT_EQ(report->report.problems()[0].row, 3);
  EXPECT_EQ(report->report.problems()[0].column, "organisation_code");
  EXPECT_EQ(report->written, 0);
  EXPECT_EQ(participation_rows(), 0u);
  // A national analyst imports for any organisation.
  const auto analyst = person("NAT", domain::Role::national_analyst);
  const auto national = commit(analyst, ImportKind::participation, text);
  ASSERT_TRUE(national) << national.error().message;
  EXPECT_TRUE(national->report.clean());
  EXPECT_EQ(national->written, 2);
  EXPECT_EQ(participation_rows(), 2u);
}

TEST_F(ImportService, ACheckWritesNothing) {
  const auto report = run(operator_, ImportKind::participation, kParticipation, false);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->report.clean());
  EXPECT_EQ(report->records, 1);
  EXPECT_EQ(report->written, 0);
  EXPECT_EQ(participation_rows(), 0u);
}

TEST_F(ImportService, ADatasetIsDeclaredByTheNationalBodyAndChecksEveryRow) {
  const char* const text =
      "audit_code,column,type,required,minimum,maximum,allowed_values,description\n"
      "NHFD,died30,yes_no,yes,,,,Died within 30 days\n"
      "NHFD,age,number,yes,0,120,,Age in years\n"
      "NHFD,asa,category,no,,,1|2|3|4|5,ASA grade\n"
      "NHFD,admitted_from,category,no,,,home| care home ,Where from\n";
  const auto lead = person("RXA", domain::Role::audit_manager);
  const auto refused = commit(lead, ImportKind::dataset, text);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  const auto analyst = person("NAT", domain::Role::national_analyst);
  const auto declared = commit(analyst, ImportKind::dataset, text);
  ASSERT_TRUE(declared) << declared.error().message;
  EXPECT_TRUE(declared->report.clean()) << declared->report.to_text();
  EXPECT_EQ(declared->about, " for audit NHFD");
  const auto dataset = store_->dataset(store_->audit_by_code("NHFD")->id);
  ASSERT_TRUE(dataset);
  ASSERT_EQ(dataset->columns.size(), 4u);
  EXPECT_EQ(dataset->columns[1].maximum, 120.0);
  EXPECT_EQ(dataset->columns[3].allowed_values, (std::vector<std::string>{"home", "care home"}));

  const auto bad = commit(analyst, ImportKind::dataset,
                          "audit_code,column,type,minimum,allowed_values\n"
                          "NHFD,Age,number,,\n"        // row 2: not a column name
                          "NHFD,sex,category,,\n"      // row 3: no allowed values
                          "NHFD,los,whole number,,\n"  // row 4: no such type
                          "NHFD,frail,yes_no,1,\n"     // row 5: a range on yes/no
                          "LOC,x,number,,\n");         // row 6: not national
  ASSERT_TRUE(bad) << bad.error().message;
  EXPECT_EQ(bad->written, 0);
  ASSERT_EQ(bad->report.total(), 5) << bad->report.to_text();
  EXPECT_EQ(bad->report.problems()[0].row, 2);
  EXPECT_EQ(bad->report.problems()[0].column, "column");
  EXPECT_EQ(bad->report.problems()[1].row, 3);
  EXPECT_EQ(bad->report.problems()[1].column, "allowed_values");
  EXPECT_EQ(bad->report.problems()[2].row, 4);
  EXPECT_EQ(bad->report.problems()[2].column, "type");
  EXPECT_EQ(bad->report.problems()[3].row, 5);
  EXPECT_EQ(bad->report.problems()[3].column, "minimum");
  EXPECT_EQ(bad->report.problems()[4].row, 6);
  EXPECT_EQ(bad->report.problems()[4].column, "audit_code");
  EXPECT_EQ(store_->dataset(store_->audit_by_code("NHFD")->id)->columns.size(), 4u);  // unchanged
}

TEST_F(ImportService, EpisodesWaitForTheAuditsDataset) {
  ASSERT_TRUE(commit(operator_, ImportKind::audits, "code,title,kind\nNELA,Emergency laparotomy,NCA\n"));
  const auto analyst = person("NAT", domain::Role::national_analyst);
  const auto refused = commit(analyst, ImportKind::episodes, kEpisodes, "NELA");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_NE(refused.error().message.find("NELA has no dataset yet"), std::string::npos) << refused.error().message;
}

TEST_F(ImportService, AnyBadCellRollsTheWholeEpisodeImportBack) {
  const auto analyst = person("NAT", domain::Role::national_analyst);
  std::string text = "organisation_code,admission_date,outcome\n";
  for (int i = 0; i < 20; ++i) text += "RXA,2024-01-03,1\n";
  text += "RXB,2024-01-04,maybe\n";  // row 22
  const auto report = commit(analyst, ImportKind::episodes, text, "NHFD");
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->report.total(), 1);
  EXPECT_EQ(report->report.problems()[0].row, 22);
  EXPECT_EQ(report->report.problems()[0].column, "outcome");
  EXPECT_EQ(report->written, 0);
  const auto audit = store_->audit_by_code("NHFD")->id;
  EXPECT_EQ(store_->episodes(audit, *Date::parse("2000-01-01"), *Date::parse("2100-01-01"))->size(), 0u);
}

TEST_F(ImportService, ThePeoplesKindsAreTheRegistersParticipationResultsEpisodesMeasuresReportsDatasetsAndNice) {
  EXPECT_EQ(kinds_open_to_people(),
            (std::vector<ImportKind>{ImportKind::organisations, ImportKind::audits, ImportKind::qa_list,
                                     ImportKind::participation, ImportKind::results, ImportKind::episodes,
                                     ImportKind::measures, ImportKind::reports, ImportKind::report_reviews,
                                     ImportKind::dataset, ImportKind::nice_guidance}));
  EXPECT_EQ(import_kinds().size(), 12u);
  EXPECT_EQ(import_kind_named("nice-guidance"), ImportKind::nice_guidance);
  EXPECT_EQ(import_kind_named("qa-list"), ImportKind::qa_list);
  EXPECT_EQ(import_kind_named("measures"), ImportKind::measures);
  EXPECT_EQ(import_kind_name(ImportKind::survey_responses), "survey-responses");
}

TEST_F(ImportService, TheNationalBodysAdministratorsImportTheRegisterAndATrustsDoNot) {
  const auto national_admin = person("NAT", domain::Role::admin);
  const auto trust_admin = person("RXA", domain::Role::admin);
  for (const auto kind : {ImportKind::organisations, ImportKind::audits, ImportKind::qa_list}) {
    EXPECT_TRUE(may_import(national_admin, kind));
    EXPECT_FALSE(may_import(trust_admin, kind));
    EXPECT_FALSE(may_import(person("NAT", domain::Role::national_analyst), kind));
  }
  const auto refused = commit(trust_admin, ImportKind::organisations, "code,name,type\nRXC,Gamma,acute\n");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(refused.error().message, "organisations files are imported by the national body's administrators");
  const auto added = commit(national_admin, ImportKind::organisations, "code,name,type\nRXC,Gamma,acute\n");
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->written, 1);
  ASSERT_NE(organisation_of("RXC"), nullptr);

  // A person adds national audits; a local audit comes from its own organisation's register.
  const std::string audits = "code,title,kind,owner_code\nNELA,Emergency Laparotomy,NCA,\nLA-9,Falls,local,RXA\n";
  const auto local = commit(national_admin, ImportKind::audits, audits);
  ASSERT_TRUE(local) << local.error().message;
  ASSERT_EQ(local->report.total(), 1);
  EXPECT_EQ(local->report.problems()[0].row, 3);
  EXPECT_EQ(local->report.problems()[0].column, "kind");
  EXPECT_EQ(local->written, 0);
  EXPECT_FALSE(store_->audit_by_code("NELA"));
  const auto national = commit(national_admin, ImportKind::audits, "code,title,kind\nNELA,Emergency Laparotomy,NCA\n");
  ASSERT_TRUE(national) << national.error().message;
  EXPECT_EQ(national->written, 1);
  const auto listed =
      commit(national_admin, ImportKind::qa_list, "audit_code,year,eligible_types\nNELA,2025/26,acute\n");
  ASSERT_TRUE(listed) << listed.error().message;
  EXPECT_EQ(listed->written, 1);
  EXPECT_EQ(store_->qa_list(*FinancialYear::parse("2025/26"))->size(), 1u);
}

const char* const kMeasuresHeader =
    "audit_code,code,name,type,improvement,target,multiplier,unit,source,outcome_column,formula,expected_column\n";

TEST_F(ImportService, MeasuresAreCheckedRowAndColumnAndLandWholeOrNotAtAll) {
  const std::string bad = std::string(kMeasuresHeader) +
                          "NHFD,seen,Seen in time,proportion,increase,0.9,,,imported_results,,,\n"
                          "NHFD,mort30,30-day mortality,ratio,decrease,,,,episode_model_ratio,died30,died ~ age,\n"
                          "NHFD,seen,Seen again,proportion,sideways,,,,,,,\n"
                          "NOPE,x,Unknown audit,rate,neutral,,1000,per 1000,,,,\n";
  const auto checked = commit(operator_, ImportKind::measures, bad);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->written, 0);
  std::vector<std::pair<std::int64_t, std::string>> where;
  for (const auto& problem : checked->report.problems()) where.emplace_back(problem.row, problem.column);
  EXPECT_EQ(where, (std::vector<std::pair<std::int64_t, std::string>>{
                       {3, "formula"}, {4, "code"}, {4, "improvement"}, {5, "audit_code"}}));
  EXPECT_NE(checked->report.problems()[0].message.find("outcome column is \"died30\""), std::string::npos)
      << checked->report.problems()[0].message;
  const auto audit = store_->audit_by_code("NHFD");
  EXPECT_TRUE(store_->measures_of(audit->id)->empty());
  // A message that quotes a cell with control characters prints them escaped, as the value.
  const auto control = commit(operator_, ImportKind::measures,
                              std::string(kMeasuresHeader) +
                                  "NHFD,mort30,30-day mortality,ratio,decrease,,,,"
                                  "episode_model_ratio,died" +
                                  std::string("\0\x01", 2) + "30,died30 ~ age,\n");
  ASSERT_TRUE(control) << control.error().message;
  ASSERT_EQ(control->report.problems().size(), 1U) << control->report.to_text();
  const std::string line = control->report.problems()[0].to_string();
  EXPECT_NE(line.find("died\\x00\\x0130"), std::string::npos) << line;
  for (const char c : line) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << line;

  const std::string good =
      std::string(kMeasuresHeader) +
      "NHFD,seen,Seen in time,proportion,increase,0.9,,,imported_results,,,\n"
      "NHFD,mort30,30-day mortality,ratio,decrease,,,,episode_model_ratio,outcome,outcome ~ age,\n";
  ASSERT_TRUE(commit(operator_, ImportKind::dataset,
                     "audit_code,column,type,required\nNHFD,outcome,yes_no,yes\nNHFD,age,number,no\n"));
  const auto nowhere =
      commit(operator_, ImportKind::measures,
             std::string(kMeasuresHeader) +
                 "NHFD,mort90,90-day mortality,ratio,decrease,,,,episode_model_ratio,died90,died90 ~ age,\n");
  ASSERT_TRUE(nowhere) << nowhere.error().message;
  ASSERT_EQ(nowhere->report.total(), 1) << nowhere->report.to_text();
  EXPECT_EQ(nowhere->report.problems()[0].row, 2);
  EXPECT_EQ(nowhere->report.problems()[0].column, "outcome_column");
  EXPECT_EQ(nowhere->report.problems()[0].message, "'died90' is not a column of the audit's dataset");
  const auto written = commit(operator_, ImportKind::measures, good);
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_TRUE(written->report.clean());
  EXPECT_EQ(written->written, 2);
  const auto measures = store_->measures_of(audit->id);
  ASSERT_EQ(measures->size(), 2u);
  EXPECT_EQ(measures->at(0).formula, "outcome ~ age");
  EXPECT_EQ(measures->at(1).target, 0.9);
  // The same codes again: already the audit's.
  const auto again = commit(operator_, ImportKind::measures, good);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->report.total(), 2);
  EXPECT_EQ(again->report.problems()[0].column, "code");
}

TEST_F(ImportService, ATrustImportsTheMeasuresOfItsOwnLocalAuditsOnly) {
  ASSERT_TRUE(commit(operator_, ImportKind::audits, "code,title,kind,owner_code\nLA-A,Consent,local,RXA\n"));
  const std::string file = std::string(kMeasuresHeader) + "LA-A,signed,Consent signed,proportion,increase,,,,,,,\n";
  const std::string national = std::string(kMeasuresHeader) + "NHFD,seen,Seen in time,proportion,increase,,,,,,,\n";
  EXPECT_FALSE(may_import(person("RXA", domain::Role::clinical_lead), ImportKind::measures));
  const auto manager = person("RXA", domain::Role::audit_manager);
  const auto refused = commit(manager, ImportKind::measures, national);
  ASSERT_TRUE(refused) << refused.error().message;
  ASSERT_EQ(refused->report.total(), 1);
  EXPECT_EQ(refused->report.problems()[0].column, "audit_code");
  EXPECT_EQ(refused->written, 0);
  const auto other = commit(person("RXB", domain::Role::audit_manager), ImportKind::measures, file);
  ASSERT_TRUE(other);
  ASSERT_EQ(other->report.total(), 1);
  EXPECT_EQ(other->report.problems()[0].column, "audit_code");  // another trust's audit is unknown
  const auto own = commit(manager, ImportKind::measures, file);
  ASSERT_TRUE(own) << own.error().message;
  EXPECT_EQ(own->written, 1);
  const auto analyst = commit(person("NAT", domain::Role::national_analyst), ImportKind::measures, national);
  ASSERT_TRUE(analyst) << analyst.error().message;
  EXPECT_EQ(analyst->written, 1);
}

}  // namespace
}  // namespace clinaudit::ingest
