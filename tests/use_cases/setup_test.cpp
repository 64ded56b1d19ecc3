// The set-up use cases (domain/register_setup, domain/measure_setup) on a real SQLite store:
// who may set up organisations, national and local audits, the Quality Account list and
// measures; what is refused, with which words; and that a refused change writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/dataset.hpp"
#include "domain/measure_setup.hpp"
#include "domain/register_setup.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

class Setup : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = folder_.open_store();
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    const auto organisations =
        store_->add_organisations({{{}, "NB", "National Body", OrganisationType::national_body, ""},
                                   {{}, "RXA", "Alpha Trust", OrganisationType::acute, "North"},
                                   {{}, "RXB", "Beta Trust", OrganisationType::acute, "South"}},
                                  actor_);
    ASSERT_TRUE(organisations) << organisations.error().message;
    national_body_ = (*organisations)[0];
    own_ = (*organisations)[1];
    other_ = (*organisations)[2];
    national_admin_ = {UserId{1}, "admin@national.example", Role::admin, national_body_,
                       OrganisationType::national_body};
    analyst_ = {UserId{2}, "analyst@national.example", Role::national_analyst, national_body_,
                OrganisationType::national_body};
    trust_admin_ = {UserId{3}, "admin@alpha.example", Role::admin, own_, OrganisationType::acute};
    manager_ = {UserId{4}, "manager@alpha.example", Role::audit_manager, own_, OrganisationType::acute};
    other_manager_ = {UserId{5}, "manager@beta.example", Role::audit_manager, other_, OrganisationType::acute};
  }

  std::size_t log_entries() { return store_->audit_log("", -1)->size(); }

  AuditDraft national_draft(const std::string& code) {
    AuditDraft draft;
    draft.code = code;
    draft.title = "National audit " + code;
    draft.kind = AuditKind::national_clinical_audit;
    draft.status = AuditStatus::in_progress;
    draft.provider_body = "Royal College";
    return draft;
  }

  AuditDraft local_draft(const std::string& code) {
    AuditDraft draft;
    draft.code = code;
    draft.title = "Consent audit";
    draft.status = AuditStatus::planned;
    return draft;
  }

  static MeasureDraft ratio_draft() {
    MeasureDraft draft;
    draft.code = "mort30";
    draft.name = "Risk-adjusted 30-day mortality";
    draft.type = MeasureType::ratio;
    draft.improvement = Improvement::decrease;
    draft.source = MeasureSource::episode_model_ratio;
    draft.outcome_column = "died30";
    draft.formula = "died30 ~ age + sex";
    return draft;
  }

  ::clinaudit::testing::SqliteFolder folder_{"setup"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  const Actor actor_{std::nullopt, "test"};
  OrganisationId national_body_, own_, other_;
  Principal national_admin_, analyst_, trust_admin_, manager_, other_manager_;
};

TEST_F(Setup, OnlyTheNationalBodysAdministratorsKeepTheRegisterOfOrganisations) {
  OrganisationDraft draft{" rzz ", "Zeta Trust", OrganisationType::community, "East"};
  const auto before = log_entries();
  const auto refused = add_organisation(*store_, trust_admin_, actor_, draft);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(log_entries(), before);
  EXPECT_EQ(organisation_register(*store_, trust_admin_).error().code, ErrorCode::forbidden);
  EXPECT_EQ(edit_organisation(*store_, analyst_, actor_, own_, draft).error().code, ErrorCode::forbidden);

  const auto added = add_organisation(*store_, national_admin_, actor_, draft);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(store_->organisation(*added)->code, "RZZ");  // trimmed and upper-cased
  EXPECT_EQ(log_entries(), before + 1);

  draft.name = "Zeta Community Trust";
  ASSERT_TRUE(edit_organisation(*store_, national_admin_, actor_, *added, draft));
  EXPECT_EQ(store_->organisation(*added)->name, "Zeta Community Trust");
  EXPECT_EQ(store_->audit_log("organisation", 1)->front().action, "update");
}

TEST_F(Setup, AnOrganisationNeedsACodeANameAndATypeAndThereIsOneNationalBody) {
  OrganisationDraft draft{"R Z", "Zeta", OrganisationType::acute, ""};
  EXPECT_EQ(add_organisation(*store_, national_admin_, actor_, draft).error().message,
            "code: use 1 to 12 letters, digits or - _ . / (you entered \"R Z\")");
  draft.code = "RZZ";
  draft.type.reset();
  EXPECT_EQ(add_organisation(*store_, national_admin_, actor_, draft).error().message,
            "type: choose the kind of organisation");
  draft.type = OrganisationType::national_body;
  EXPECT_EQ(add_organisation(*store_, national_admin_, actor_, draft).error().message,
            "type: National Body is already the national body; there is one");
  EXPECT_EQ(edit_organisation(*store_, national_admin_, actor_, national_body_,
                              {"NB", "National Body", OrganisationType::acute, ""})
                .error()
                .message,
            "type: the national body stays the national body");
  draft.type = OrganisationType::acute;
  draft.code = "rxa";
  EXPECT_EQ(add_organisation(*store_, national_admin_, actor_, draft).error().code, ErrorCode::conflict);
  EXPECT_EQ(store_->organisations()->size(), 3u);
}

TEST_F(Setup, NationalAuditsAreTheNationalBodysAndStayNational) {
  EXPECT_EQ(add_national_audit(*store_, trust_admin_, actor_, national_draft("NHFD")).error().code,
            ErrorCode::forbidden);
  auto local_kind = national_draft("NHFD");
  local_kind.kind = AuditKind::local_audit;
  EXPECT_EQ(add_national_audit(*store_, national_admin_, actor_, local_kind).error().message,
            "kind: choose national clinical audit or national confidential enquiry");
  auto backwards = national_draft("NHFD");
  backwards.start_date = Date::parse("2026-04-01").value();
  backwards.end_date = Date::parse("2026-03-01").value();
  EXPECT_EQ(add_national_audit(*store_, national_admin_, actor_, backwards).error().message,
            "end_date: the audit cannot end before it starts (2026-04-01)");
  EXPECT_TRUE(store_->audits({})->empty());

  const auto id = add_national_audit(*store_, national_admin_, actor_, national_draft("nhfd"));
  ASSERT_TRUE(id) << id.error().message;
  auto changed = national_draft("NHFD");
  changed.kind = AuditKind::national_confidential_enquiry;
  changed.title = "Hip fracture enquiry";
  ASSERT_TRUE(edit_national_audit(*store_, national_admin_, actor_, *id, changed));
  const auto read = store_->audit(*id);
  EXPECT_EQ(read->kind, AuditKind::national_confidential_enquiry);
  EXPECT_EQ(read->title, "Hip fracture enquiry");
  EXPECT_FALSE(read->owner);

  const auto local = add_local_audit(*store_, manager_, actor_, own_, local_draft("LA-1"));
  ASSERT_TRUE(local) << local.error().message;
  EXPECT_EQ(edit_national_audit(*store_, national_admin_, actor_, *local, changed).error().code, ErrorCode::not_found);
}

TEST_F(Setup, TheQualityAccountListTakesNationalAuditsWithProviderTypesAndLetsThemGo) {
  const auto id = add_national_audit(*store_, national_admin_, actor_, national_draft("NHFD"));
  ASSERT_TRUE(id);
  const auto year = *FinancialYear::parse("2025/26");
  EXPECT_EQ(set_qa_membership(*store_, trust_admin_, actor_, *id, year, {OrganisationType::acute}).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(
      set_qa_membership(*store_, national_admin_, actor_, *id, year, {OrganisationType::national_body}).error().message,
      "eligible_types: the national body takes no part in national audits");
  ASSERT_TRUE(set_qa_membership(*store_, national_admin_, actor_, *id, year,
                                {OrganisationType::acute, OrganisationType::community}));
  auto setup = national_audit_setup(*store_, national_admin_, *id, {year, FinancialYear{2026}});
  ASSERT_TRUE(setup);
  ASSERT_EQ(setup->qa_list.size(), 1u);
  EXPECT_EQ(setup->qa_list[0].eligible_types.size(), 2u);

  ASSERT_TRUE(set_qa_membership(*store_, national_admin_, actor_, *id, year, {}));
  EXPECT_TRUE(store_->qa_list(year)->empty());
  EXPECT_EQ(store_->audit_log("qa_list", 1)->front().action, "delete");
  const auto before = log_entries();
  ASSERT_TRUE(set_qa_membership(*store_, national_admin_, actor_, *id, year, {}));  // not on it: nothing to do
  EXPECT_EQ(log_entries(), before);

  const auto local = add_local_audit(*store_, manager_, actor_, own_, local_draft("LA-1"));
  EXPECT_EQ(set_qa_membership(*store_, national_admin_, actor_, *local, year, {OrganisationType::acute}).error().code,
            ErrorCode::not_found);
}

TEST_F(Setup, ATrustSetsUpItsOwnLocalAuditsAndNeverAnothers) {
  EXPECT_EQ(add_local_audit(*store_, manager_, actor_, other_, local_draft("LA-1")).error().code, ErrorCode::forbidden);
  const Principal board{UserId{9}, "board@alpha.example", Role::board_member, own_, OrganisationType::acute};
  EXPECT_EQ(add_local_audit(*store_, board, actor_, own_, local_draft("LA-1")).error().code, ErrorCode::forbidden);
  auto draft = local_draft("la-1");
  draft.kind = AuditKind::national_clinical_audit;  // ignored: a trust's audit is local
  draft.provider_body = "ignored";
  const auto id = add_local_audit(*store_, manager_, actor_, own_, draft);
  ASSERT_TRUE(id) << id.error().message;
  const auto read = store_->audit(*id);
  EXPECT_EQ(read->kind, AuditKind::local_audit);
  EXPECT_EQ(read->owner, own_);
  EXPECT_EQ(read->code, "LA-1");
  EXPECT_TRUE(read->provider_body.empty());

  const auto before = log_entries();
  auto changed = local_draft("LA-1");
  changed.title = "Their change";
  EXPECT_EQ(edit_local_audit(*store_, other_manager_, actor_, *id, changed).error().code, ErrorCode::not_found);
  EXPECT_EQ(own_local_audit(*store_, other_manager_, *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(log_entries(), before);

  auto reaudit = local_draft("LA-2");
  reaudit.reaudit_of = *id;
  EXPECT_EQ(add_local_audit(*store_, other_manager_, actor_, other_, reaudit).error().message,
            "reaudit_of: there is no audit with id " + std::to_string(id->value));
  const auto second = add_local_audit(*store_, manager_, actor_, own_, reaudit);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(store_->audit(*second)->reaudit_of, *id);

  changed.title = "Consent audit, second cycle";
  ASSERT_TRUE(edit_local_audit(*store_, manager_, actor_, *id, changed));
  EXPECT_EQ(store_->audit(*id)->title, "Consent audit, second cycle");
}

TEST_F(Setup, ANationalAuditsMeasuresAreSetUpByTheNationalBodyALocalAuditsByItsOwner) {
  const auto national = add_national_audit(*store_, national_admin_, actor_, national_draft("NELA"));
  const auto local = add_local_audit(*store_, manager_, actor_, own_, local_draft("LA-1"));
  ASSERT_TRUE(national && local);
  const auto before = log_entries();
  EXPECT_EQ(add_measure(*store_, manager_, actor_, *national, ratio_draft()).error().code, ErrorCode::forbidden);
  EXPECT_EQ(add_measure(*store_, other_manager_, actor_, *local, ratio_draft()).error().code, ErrorCode::not_found);
  EXPECT_EQ(log_entries(), before);
  EXPECT_FALSE(audit_measures(*store_, manager_, *national)->may_change);
  EXPECT_TRUE(audit_measures(*store_, analyst_, *national)->may_change);
  EXPECT_EQ(audit_measures(*store_, other_manager_, *local).error().code, ErrorCode::not_found);

  const auto by_analyst = add_measure(*store_, analyst_, actor_, *national, ratio_draft());
  ASSERT_TRUE(by_analyst) << by_analyst.error().message;
  MeasureDraft share;
  share.code = "consent";
  share.name = "Consent form signed";
  share.type = MeasureType::proportion;
  share.improvement = Improvement::increase;
  share.target = 0.95;
  share.source = MeasureSource::imported_results;
  const auto by_trust = add_measure(*store_, manager_, actor_, *local, share);
  ASSERT_TRUE(by_trust) << by_trust.error().message;
  EXPECT_EQ(store_->measures_of(*local)->front().target, 0.95);

  EXPECT_EQ(measure_to_edit(*store_, manager_, *by_analyst).error().code, ErrorCode::forbidden);
  EXPECT_EQ(edit_measure(*store_, other_manager_, actor_, *by_trust, share).error().code, ErrorCode::not_found);
}

// Once the audit has declared its dataset, a measure computed from episodes may only name its
// columns: a yes/no outcome and the columns its formula reads.
TEST_F(Setup, AMeasureNamesOnlyColumnsOfTheAuditsDataset) {
  const auto national = add_national_audit(*store_, national_admin_, actor_, national_draft("NELA"));
  ASSERT_TRUE(national);
  auto draft = ratio_draft();
  draft.formula = "died30 ~ age + frailty";
  // No dataset yet: the measure may come first.
  const auto before = add_measure(*store_, analyst_, actor_, *national, draft);
  ASSERT_TRUE(before) << before.error().message;

  Dataset dataset;
  dataset.audit_id = *national;
  dataset.columns = {DatasetColumn{.name = "died30", .type = ValueType::yes_no},
                     DatasetColumn{.name = "age", .type = ValueType::number},
                     DatasetColumn{.name = "sex", .type = ValueType::category, .allowed_values = {"F", "M"}}};
  ASSERT_TRUE(store_->set_dataset(dataset, actor_));
  draft.code = "mort30-frailty";
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().message,
            "formula: it reads 'frailty', which is not a column of the audit's dataset");
  draft.formula = "age ~ sex";
  draft.outcome_column = "age";
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().message,
            "outcome_column: 'age' is a number column; it must be a yes/no column");
  EXPECT_EQ(edit_measure(*store_, analyst_, actor_, *before, ratio_draft()).has_value(), true);
  draft = ratio_draft();
  draft.code = "mort30-sex";
  draft.formula = "died30 ~ I((age - 68)/10) * sex";
  const auto after = add_measure(*store_, analyst_, actor_, *national, draft);
  ASSERT_TRUE(after) << after.error().message;
  EXPECT_EQ(store_->measures_of(*national)->size(), 2U);
}

TEST_F(Setup, AMeasuresSourceAndFormulaAreCheckedAndAChangeIsLogged) {
  const auto national = add_national_audit(*store_, national_admin_, actor_, national_draft("NELA"));
  ASSERT_TRUE(national);
  auto draft = ratio_draft();
  draft.formula = "died ~ age";
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().message,
            "formula: its outcome before ~ is \"died\" but the outcome column is \"died30\"");
  draft.formula = "age + sex";
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().message,
            "formula: position 5: expected '~' after the outcome column");
  draft.formula = "";
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().code, ErrorCode::invalid_input);
  draft = ratio_draft();
  draft.type = MeasureType::proportion;
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().message,
            "type: measure 'mort30': observed over expected is a ratio");
  draft = ratio_draft();
  draft.rate_multiplier = 0;
  EXPECT_EQ(add_measure(*store_, analyst_, actor_, *national, draft).error().message,
            "rate_multiplier: measure 'mort30': the display multiplier must be above zero");
  EXPECT_TRUE(store_->measures_of(*national)->empty());

  const auto id = add_measure(*store_, analyst_, actor_, *national, ratio_draft());
  ASSERT_TRUE(id) << id.error().message;
  auto changed = ratio_draft();
  changed.source = MeasureSource::episode_expected_column;
  changed.formula.clear();
  changed.expected_column = "ppossum_risk";
  ASSERT_TRUE(edit_measure(*store_, national_admin_, actor_, *id, changed));
  const auto read = store_->measure(*id);
  EXPECT_EQ(read->source, MeasureSource::episode_expected_column);
  EXPECT_EQ(read->expected_column, "ppossum_risk");
  EXPECT_TRUE(read->formula.empty());
  const auto entry = store_->audit_log("measure", 1)->front();
  EXPECT_EQ(entry.action, "update");
  EXPECT_NE(entry.before.find("died30 ~ age + sex"), std::string::npos);
  EXPECT_NE(entry.after.find("ppossum_risk"), std::string::npos);
}

TEST(MeasureFormula, ItsLeftHandSideIsTheOutcomeColumn) {
  Measure measure;
  measure.outcome_column = "died30";
  measure.formula = "  died30 ~ age";
  EXPECT_TRUE(check_measure_formula(measure));
  measure.formula = "died30";
  EXPECT_FALSE(check_measure_formula(measure));
  measure.formula = "mortality ~ age";
  EXPECT_FALSE(check_measure_formula(measure));
  // The formula is read as R reads it: a syntax error names its position.
  measure.formula = "died30 ~ I((age - 68) / 10 + sex";
  const auto unbalanced = check_measure_formula(measure);
  ASSERT_FALSE(unbalanced);
  EXPECT_NE(unbalanced.error().message.find("formula: position"), std::string::npos) << unbalanced.error().message;
  measure.formula = "died30 ~ I((age - 68) / 10) + factor(asa_grade) + sex:emergency";
  EXPECT_TRUE(check_measure_formula(measure));
}

}  // namespace
}  // namespace clinaudit::domain
