// The import kind of a trust's NICE guidance register (docs/csv-import.md, "nice-guidance"),
// through the import service on a real SQLite store: rows of one reference grouped into one
// piece of guidance with its recommendations, every bad cell named by row and column, all or
// nothing, the register's own references refused, and who may import.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "ingest/import_service.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::ingest {
namespace {

namespace fs = std::filesystem;
using domain::Applicability;
using domain::GuidanceType;

class NiceGuidanceImports : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("clinaudit_nice_imports_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = storage::open_store((dir_ / "test.sqlite").string());
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    ASSERT_TRUE(commit(operator_, ImportKind::organisations,
                       "code,name,type\nRXA,Alpha,acute\nRXB,Beta,acute\nNAT,National body,national_body\n"));
    lead_ = add_user("jane.lead@alpha.example", "Dr Jane Lead", domain::Role::clinical_lead, "RXA");
    manager_user_ = add_user("ann.manager@alpha.example", "Ann Manager", domain::Role::audit_manager, "RXA");
    medicine_ = add_division("RXA", "Medicine");
    surgery_ = add_division("RXA", "Surgery");
    add_division("RXB", "Cardiology");
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  UserId add_user(const char* email, const char* name, domain::Role role, const char* organisation,
                  bool active = true) {
    domain::User user;
    user.email = email;
    user.display_name = name;
    user.role = role;
    user.organisation_id = id_of(organisation);
    user.password_hash = "x";
    user.active = active;
    return store_->add_user(user, setup_).value();
  }
  TrustUnitId add_division(const char* organisation, const char* name, bool retired = false) {
    return store_->add_trust_unit(domain::TrustUnit{{}, id_of(organisation), std::nullopt, name, retired}, setup_)
        .value();
  }

  Importer person(const std::string& code, domain::Role role) {
    const auto organisation = store_->organisation_by_code(code).value();
    domain::Principal who;
    who.role = role;
    who.organisation_id = organisation.id;
    who.organisation_type = organisation.type;
    return Importer{who, domain::Actor{std::nullopt, "test " + code}};
  }

  Result<ImportReport> run(const Importer& importer, const std::string& text, bool write,
                           const std::string& organisation = "") {
    std::istringstream input(text);
    ImportFile file{ImportKind::nice_guidance, &input, "", 0, ValidationReport::kDefaultCap, {}};
    file.organisation_code = organisation;
    return write ? commit_import(*store_, importer, file) : check_import(*store_, importer, file);
  }
  Result<ImportReport> commit(const Importer& importer, ImportKind kind, const std::string& text) {
    std::istringstream input(text);
    const ImportFile file{kind, &input, "", 0, ValidationReport::kDefaultCap, {}};
    return commit_import(*store_, importer, file);
  }

  std::vector<domain::NiceGuidance> register_of(const char* code) { return store_->nice_guidance(id_of(code)).value(); }
  OrganisationId id_of(const char* code) { return store_->organisation_by_code(code)->id; }

  fs::path dir_;
  std::unique_ptr<domain::Store> store_;
  const domain::Actor setup_{std::nullopt, "test setup"};
  const Importer operator_{std::nullopt, domain::Actor{std::nullopt, "test operator"}};
  UserId lead_;
  UserId manager_user_;
  TrustUnitId medicine_;
  TrustUnitId surgery_;
};

const char* const kHeader =
    "reference,title,published_on,applicability,applicability_note,lead,division,review_due,recommendation,"
    "recommendation_text\n";

const char* const kRegister =
    "NG136,Hypertension in adults: diagnosis and management,2019-08-28,Applicable,,Dr Jane Lead,medicine,"
    "2026-08-28,1.2.3,Offer ambulatory blood pressure monitoring to confirm the diagnosis\n"
    "NG136,Hypertension in adults: diagnosis and management,2019-08-28,Applicable,,Dr Jane Lead,medicine,"
    "2026-08-28,1.4.1,Discuss cardiovascular risk and preferences\n"
    "qs121,Antimicrobial stewardship,2016-04-14,Not Applicable,No inpatient prescribing,Mr Sam Pharmacist,,,"
    "Statement 1,Prescribers follow local antimicrobial prescribing guidelines\n";

std::string file_of(const std::string& rows) { return kHeader + rows; }

TEST_F(NiceGuidanceImports, RowsOfOneReferenceAreOneGuidanceWithItsRecommendationsAndEveryField) {
  const auto imported = run(person("RXA", domain::Role::audit_manager), file_of(kRegister), true);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->report.to_text(), "");
  EXPECT_EQ(imported->rows, 3);
  EXPECT_EQ(imported->records, 2);
  EXPECT_EQ(imported->written, 2);
  EXPECT_EQ(imported->about, " for RXA");
  const auto stored = register_of("RXA");
  ASSERT_EQ(stored.size(), 2U);

  const auto& hypertension = stored[0];
  EXPECT_EQ(hypertension.organisation_id, id_of("RXA"));
  EXPECT_EQ(hypertension.type, GuidanceType::ng);
  EXPECT_EQ(hypertension.number, 136);
  EXPECT_EQ(hypertension.title, "Hypertension in adults: diagnosis and management");
  EXPECT_EQ(hypertension.published_on.to_string(), "2019-08-28");
  EXPECT_EQ(hypertension.applicability, Applicability::applicable);
  EXPECT_EQ(hypertension.applicability_note, "");
  EXPECT_EQ(hypertension.lead, lead_);  // the trust's clinical lead of that name
  EXPECT_EQ(hypertension.lead_name, "Dr Jane Lead");
  EXPECT_EQ(hypertension.division, medicine_);
  ASSERT_TRUE(hypertension.review_due);
  EXPECT_EQ(hypertension.review_due->to_string(), "2026-08-28");
  EXPECT_FALSE(hypertension.last_reviewed_on);
  ASSERT_EQ(hypertension.recommendations.size(), 2U);
  EXPECT_EQ(hypertension.recommendations[0].label, "1.2.3");
  EXPECT_EQ(hypertension.recommendations[0].text,
            "Offer ambulatory blood pressure monitoring to confirm the diagnosis");
  EXPECT_EQ(hypertension.recommendations[1].label, "1.4.1");
  EXPECT_EQ(hypertension.recommendations[1].text, "Discuss cardiovascular risk and preferences");

  const auto& stewardship = stored[1];
  EXPECT_EQ(stewardship.reference(), "QS121");
  EXPECT_EQ(stewardship.title, "Antimicrobial stewardship");
  EXPECT_EQ(stewardship.published_on.to_string(), "2016-04-14");
  EXPECT_EQ(stewardship.applicability, Applicability::not_applicable);
  EXPECT_EQ(stewardship.applicability_note, "No inpatient prescribing");
  EXPECT_FALSE(stewardship.lead);  // no user of that name: a name only
  EXPECT_EQ(stewardship.lead_name, "Mr Sam Pharmacist");
  EXPECT_FALSE(stewardship.division);
  EXPECT_FALSE(stewardship.review_due);
  ASSERT_EQ(stewardship.recommendations.size(), 1U);
  EXPECT_EQ(stewardship.recommendations[0].label, "Statement 1");

  EXPECT_TRUE(register_of("RXB").empty());
}

TEST_F(NiceGuidanceImports, ApplicabilityIsReadAsPeopleWriteItAndEmptyIsToBeAssessed) {
  const auto checked = run(person("RXA", domain::Role::audit_manager),
                           "Reference,Title,Published on,Applicability,Applicability note\n"
                           "NG1,One,2020-01-01,Applicable,\n"
                           "NG2,Two,2020-01-01,not applicable,Not a service we provide\n"
                           "NG3,Three,2020-01-01,Not Applicable,Not a service we provide\n"
                           "NG4,Four,2020-01-01,to be assessed,\n"
                           "NG5,Five,2020-01-01,,\n"
                           "NG 6,Six,01/02/2020,To Be Assessed,\n",
                           false);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->report.to_text(), "");
  EXPECT_EQ(checked->records, 6);
  EXPECT_EQ(checked->written, 0);  // a check writes nothing
  EXPECT_TRUE(register_of("RXA").empty());
  // What a commit of the same file stores.
  ASSERT_TRUE(run(person("RXA", domain::Role::audit_manager),
                  "reference,title,published_on,applicability,applicability_note\n"
                  "NG1,One,2020-01-01,Applicable,\nNG2,Two,2020-01-01,not applicable,Not provided\n"
                  "NG3,Three,2020-01-01,Not Applicable,Not provided\nNG4,Four,2020-01-01,to be assessed,\n"
                  "NG5,Five,2020-01-01,,\nNG 6,Six,01/02/2020,To Be Assessed,\n",
                  true));
  const auto stored = register_of("RXA");
  ASSERT_EQ(stored.size(), 6U);
  EXPECT_EQ(stored[0].applicability, Applicability::applicable);
  EXPECT_EQ(stored[1].applicability, Applicability::not_applicable);
  EXPECT_EQ(stored[2].applicability, Applicability::not_applicable);
  EXPECT_EQ(stored[3].applicability, Applicability::to_be_assessed);
  EXPECT_EQ(stored[4].applicability, Applicability::to_be_assessed);
  EXPECT_EQ(stored[5].reference(), "NG6");
  EXPECT_EQ(stored[5].published_on.to_string(), "2020-02-01");
}

TEST_F(NiceGuidanceImports, EachBadCellIsNamedByItsRowAndColumnAndNothingIsWritten) {
  add_division("RXA", "Women's health", true);
  const auto imported = run(person("RXA", domain::Role::audit_manager),
                            file_of("NGX,Bad reference,2019-08-28,,,,,,,\n"                              // 2
                                    "NG136,Hypertension,2019-02-30,,,,,,,\n"                             // 3
                                    "NG51,Sepsis,2016-07-13,maybe,,,,,,\n"                               // 4
                                    "QS121,Antimicrobial stewardship,2016-04-14,not applicable,,,,,,\n"  // 5
                                    "NG12,Cancer,2015-06-23,,,,Cardiology,,,\n"                          // 6
                                    "NG13,Workplace health,2015-06-24,,,,,2015-01-01,,\n"                // 7
                                    "NG14,Melanoma,2015-07-29,,,,,,1.1.1,\n"                             // 8
                                    "NG15,Antimicrobial use,2015-08-18,,,,,,,Text without a label\n"     // 9
                                    "NG17,Diabetes,2015-08-26,,,,,,1.1.1,First\n"                        // 10
                                    "NG17,Diabetes,2015-08-26,,,,,,1.1.1,Again\n"                        // 11
                                    "NG17,Type 1 diabetes,2015-08-27,,,,,,1.1.2,Second\n"                // 12
                                    "NG18,Children's diabetes,2015-08-26,,,,Women's health,,,\n"         // 13
                                    "NG19,Foot care,2015-08-26,,,,,31/31/2026,,\n"),                     // 14
                            true);
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->written, 0);
  const auto& problems = imported->report.problems();
  const std::vector<std::pair<std::int64_t, std::string>> expected{
      {2, "reference"},       {3, "published_on"}, {4, "applicability"},       {5, "applicability_note"},
      {6, "division"},        {7, "review_due"},   {8, "recommendation_text"}, {9, "recommendation"},
      {11, "recommendation"}, {12, "title"},       {12, "published_on"},       {13, "division"},
      {14, "review_due"}};
  ASSERT_EQ(problems.size(), expected.size()) << imported->report.to_text();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(problems[i].row, expected[i].first) << problems[i].to_string();
    EXPECT_EQ(problems[i].column, expected[i].second) << problems[i].to_string();
  }
  const auto says = [&](std::size_t i, const char* words) {
    EXPECT_NE(problems[i].message.find(words), std::string::npos) << problems[i].to_string();
  };
  says(0, "such as NG136");
  says(1, "is not a real date");
  says(2, "expected applicable, not applicable or to be assessed");
  says(3, "say why it does not apply");
  says(4, "expected Medicine or Surgery");
  says(5, "before the guidance was published (2015-06-24)");
  says(6, "give both or neither");
  says(7, "give both or neither");
  says(8, "repeats recommendation 1.1.1 of NG17, already given on row 10");
  says(9, "differs from the title on this guidance's first row (row 10)");
  says(10, "differs from the date on this guidance's first row (row 10), 2015-08-26");
  says(11, "is a retired division");
  says(12, "is not a real date");
  EXPECT_TRUE(register_of("RXA").empty());
}

TEST_F(NiceGuidanceImports, AFileWithOneBadRowWritesNothing) {
  const auto imported = run(person("RXA", domain::Role::audit_manager),
                            file_of(std::string(kRegister) + "NG51,Sepsis,2016-13-13,,,,,,,\n"), true);
  ASSERT_TRUE(imported) << imported.error().message;
  ASSERT_EQ(imported->report.total(), 1);
  EXPECT_EQ(imported->report.problems()[0].row, 5);
  EXPECT_EQ(imported->report.problems()[0].column, "published_on");
  EXPECT_EQ(imported->written, 0);
  EXPECT_TRUE(register_of("RXA").empty());
  // The same file without the bad row lands whole.
  const auto corrected = run(person("RXA", domain::Role::audit_manager), file_of(kRegister), true);
  ASSERT_TRUE(corrected) << corrected.error().message;
  EXPECT_EQ(corrected->written, 2);
}

TEST_F(NiceGuidanceImports, GuidanceAlreadyInTheRegisterIsAProblemOfItsReferenceOnItsFirstRow) {
  const auto manager = person("RXA", domain::Role::audit_manager);
  ASSERT_TRUE(run(manager, file_of(kRegister), true));
  const auto again =
      run(manager, file_of(std::string(kRegister) + "NG51,Sepsis,2016-07-13,,,,,,1.1.1,Think sepsis\n"), true);
  ASSERT_TRUE(again) << again.error().message;
  const auto& problems = again->report.problems();
  ASSERT_EQ(problems.size(), 2U) << again->report.to_text();
  EXPECT_EQ(problems[0].row, 2);
  EXPECT_EQ(problems[0].column, "reference");
  EXPECT_EQ(problems[0].message, "is already in the register; edit it on its page");
  EXPECT_EQ(problems[1].row, 4);  // qs121, as the file writes it
  EXPECT_EQ(problems[1].value, "qs121");
  EXPECT_EQ(again->written, 0);
  const auto stored = register_of("RXA");
  ASSERT_EQ(stored.size(), 2U);  // NG51 did not land either
  EXPECT_EQ(stored[0].recommendations.size(), 2U);
  // Another trust's register is its own: the same file lands there.
  const auto beta = run(person("RXB", domain::Role::audit_manager),
                        "reference,title,published_on\nNG136,Hypertension in adults: diagnosis and management,"
                        "2019-08-28\n",
                        true);
  ASSERT_TRUE(beta) << beta.error().message;
  EXPECT_EQ(beta->written, 1);
}

TEST_F(NiceGuidanceImports, ALeadBecomesTheTrustsUserWhoseEmailOrNameItIsWhenTheyRecordReports) {
  add_user("board@alpha.example", "Bob Board", domain::Role::board_member, "RXA");
  add_user("gone@alpha.example", "Gina Gone", domain::Role::clinical_lead, "RXA", false);
  add_user("beta.lead@beta.example", "Ben Beta", domain::Role::clinical_lead, "RXB");
  add_user("twin.one@alpha.example", "Pat Twin", domain::Role::clinical_lead, "RXA");
  add_user("twin.two@alpha.example", "Pat Twin", domain::Role::clinical_lead, "RXA");
  ASSERT_TRUE(run(person("RXA", domain::Role::admin),
                  "reference,title,published_on,lead\n"
                  "NG1,One,2020-01-01,ANN.MANAGER@alpha.example\n"
                  "NG2,Two,2020-01-01,dr jane lead\n"
                  "NG3,Three,2020-01-01,Bob Board\n"
                  "NG4,Four,2020-01-01,Gina Gone\n"
                  "NG5,Five,2020-01-01,Ben Beta\n"
                  "NG6,Six,2020-01-01,Pat Twin\n"
                  "NG7,Seven,2020-01-01,\n",
                  true));
  const auto stored = register_of("RXA");
  ASSERT_EQ(stored.size(), 7U);
  EXPECT_EQ(stored[0].lead, manager_user_);
  EXPECT_EQ(stored[0].lead_name, "Ann Manager");
  EXPECT_EQ(stored[1].lead, lead_);
  EXPECT_EQ(stored[1].lead_name, "Dr Jane Lead");
  for (std::size_t i = 2; i < 6; ++i) {
    // A board member does not record reports, a deactivated user leads nothing, another
    // trust's user is not this trust's, and a name two users share says neither.
    EXPECT_FALSE(stored[i].lead) << stored[i].reference();
  }
  EXPECT_EQ(stored[2].lead_name, "Bob Board");
  EXPECT_EQ(stored[5].lead_name, "Pat Twin");
  EXPECT_FALSE(stored[6].lead);
  EXPECT_EQ(stored[6].lead_name, "");
}

TEST_F(NiceGuidanceImports, OnlyATrustsAuditManagersAndAdministratorsImportTheirRegister) {
  EXPECT_TRUE(may_import(person("RXA", domain::Role::audit_manager), ImportKind::nice_guidance));
  EXPECT_TRUE(may_import(person("RXA", domain::Role::admin), ImportKind::nice_guidance));
  for (const auto role : {domain::Role::clinical_lead, domain::Role::board_member, domain::Role::read_only}) {
    EXPECT_FALSE(may_import(person("RXA", role), ImportKind::nice_guidance));
  }
  for (const auto role : {domain::Role::admin, domain::Role::national_analyst}) {
    EXPECT_FALSE(may_import(person("NAT", role), ImportKind::nice_guidance));
  }
  const auto lead = run(person("RXA", domain::Role::clinical_lead), file_of(kRegister), true);
  ASSERT_FALSE(lead);
  EXPECT_EQ(lead.error().code, ErrorCode::forbidden);
  EXPECT_EQ(lead.error().message,
            "the NICE guidance register is imported by the trust's audit managers and administrators");
  const auto national = run(person("NAT", domain::Role::admin), file_of(kRegister), true);
  ASSERT_FALSE(national);
  EXPECT_EQ(national.error().code, ErrorCode::forbidden);
  EXPECT_EQ(national.error().message,
            "the NICE guidance register is kept by each trust for itself; the national body keeps none");
  const auto analyst = run(person("NAT", domain::Role::national_analyst), file_of(kRegister), false);
  ASSERT_FALSE(analyst);
  EXPECT_EQ(analyst.error().code, ErrorCode::forbidden);
  EXPECT_TRUE(register_of("RXA").empty());
  EXPECT_TRUE(register_of("NAT").empty());
}

TEST_F(NiceGuidanceImports, TheOperatorNamesTheTrustWhoseRegisterItIs) {
  const auto unnamed = run(operator_, file_of(kRegister), true);
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().code, ErrorCode::invalid_input);
  const auto unknown = run(operator_, file_of(kRegister), true, "RZZ");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  const auto national = run(operator_, file_of(kRegister), true, "NAT");
  ASSERT_FALSE(national);
  EXPECT_EQ(national.error().code, ErrorCode::invalid_input);
  const auto imported = run(operator_, file_of(kRegister), true, "rxa");
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->written, 2);
  EXPECT_EQ(register_of("RXA").size(), 2U);
  EXPECT_EQ(register_of("RXA")[0].lead, lead_);
}

}  // namespace
}  // namespace clinaudit::ingest
