// The NICE guidance register (domain/nice_register) on a real SQLite store: who adds and edits
// guidance (the audit managers), who assesses its recommendations (they and its lead), the
// status of a piece of guidance from its applicability and its baseline, actions raised from
// a recommendation not met, linked audits, reviews and overdue reviews, the register's
// filter and figures, and that the national body and another trust see nothing of it.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/nice_register.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

Date day(const char* text) { return *Date::parse(text); }

class FixedClock final : public Clock {
 public:
  Date today() const override { return day("2026-03-01"); }
  std::string now_iso() const override { return "2026-03-01T09:00:00Z"; }
};

class NiceRegisterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = folder_.open_store();
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    const auto organisations =
        store_->add_organisations({{{}, "RXA", "Alpha Trust", OrganisationType::acute, "North"},
                                   {{}, "RXB", "Beta Trust", OrganisationType::acute, "South"},
                                   {{}, "NAT", "National body", OrganisationType::national_body, ""}},
                                  setup_);
    ASSERT_TRUE(organisations) << organisations.error().message;
    own_ = (*organisations)[0];
    const auto add = [&](const char* email, Role role, OrganisationId organisation, OrganisationType type) {
      User user;
      user.email = email;
      user.display_name = email;
      user.role = role;
      user.organisation_id = organisation;
      user.password_hash = "x";
      return Principal{store_->add_user(user, setup_).value(), email, role, organisation, type};
    };
    manager_ = add("manager@alpha.example", Role::audit_manager, own_, OrganisationType::acute);
    lead_ = add("lead@alpha.example", Role::clinical_lead, own_, OrganisationType::acute);
    other_lead_ = add("other.lead@alpha.example", Role::clinical_lead, own_, OrganisationType::acute);
    board_ = add("board@alpha.example", Role::board_member, own_, OrganisationType::acute);
    beta_manager_ = add("manager@beta.example", Role::audit_manager, (*organisations)[1], OrganisationType::acute);
    analyst_ = add("analyst@nat.example", Role::national_analyst, (*organisations)[2], OrganisationType::national_body);
    medicine_ = store_->add_trust_unit(TrustUnit{{}, own_, std::nullopt, "Medicine", false}, setup_).value();
    surgery_ = store_->add_trust_unit(TrustUnit{{}, own_, std::nullopt, "Surgery", false}, setup_).value();
    beta_division_ =
        store_->add_trust_unit(TrustUnit{{}, (*organisations)[1], std::nullopt, "Medicine", false}, setup_).value();
  }

  GuidanceForm form(const char* reference, const char* title) {
    GuidanceForm out;
    out.reference = reference;
    out.title = title;
    out.published_on = day("2019-08-28");
    out.applicability = Applicability::applicable;
    out.lead = lead_.user_id;
    out.division = medicine_;
    out.review_due = day("2026-06-30");
    return out;
  }
  NiceGuidanceId add_with_recommendations(const char* reference, const char* title) {
    const auto id = add_guidance(*store_, manager_, actor_, form(reference, title)).value();
    EXPECT_TRUE(add_guidance_recommendation(*store_, manager_, actor_, id, {{}, "1.1.1", "Measure blood pressure"}));
    EXPECT_TRUE(add_guidance_recommendation(*store_, manager_, actor_, id, {{}, "1.1.2", "Offer monitoring"}));
    return id;
  }
  Result<void> assess(const Principal& who, NiceGuidanceId id, int index, Compliance compliance,
                      const char* evidence = "Notes audit") {
    const auto guidance = store_->nice_guidance_item(id).value();
    return assess_guidance_recommendation(*store_, who, actor_, clock_, id,
                                          guidance.recommendations.at(static_cast<std::size_t>(index)).id,
                                          NewAssessment{compliance, evidence});
  }
  NewAction action_of(const char* title) {
    NewAction action;
    action.title = title;
    action.due_on = day("2026-06-30");
    action.raised_on = clock_.today();
    return action;
  }

  ::clinaudit::testing::SqliteFolder folder_{"nice_register"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  FixedClock clock_;
  const Actor setup_{std::nullopt, "test setup"};
  const Actor actor_{std::nullopt, "test person"};
  OrganisationId own_;
  TrustUnitId medicine_, surgery_, beta_division_;
  Principal manager_, lead_, other_lead_, board_, beta_manager_, analyst_;
};

TEST_F(NiceRegisterTest, TheAuditManagerAddsGuidanceAndTheFormsRefuseWhatIsMissing) {
  const auto id = add_guidance(*store_, manager_, actor_, form("ng136", "Hypertension in adults"));
  ASSERT_TRUE(id) << id.error().message;
  const auto stored = store_->nice_guidance_item(*id).value();
  EXPECT_EQ(stored.reference(), "NG136");
  EXPECT_EQ(stored.lead, lead_.user_id);
  EXPECT_EQ(stored.lead_name, "lead@alpha.example");

  const auto refused = [&](GuidanceForm f, const char* field) {
    const auto result = add_guidance(*store_, manager_, actor_, f);
    ASSERT_FALSE(result) << field;
    EXPECT_EQ(result.error().code, ErrorCode::invalid_input) << field;
    EXPECT_EQ(result.error().message.rfind(std::string(field) + ":", 0), 0U) << result.error().message;
  };
  refused(form("XY12", "Unknown kind"), "reference");
  refused(form("NG", "No number"), "reference");
  refused(form("NG1", ""), "title");
  auto undated = form("NG2", "Undated");
  undated.published_on.reset();
  refused(undated, "published_on");
  auto no_reason = form("NG3", "Not applicable without a reason");
  no_reason.applicability = Applicability::not_applicable;
  refused(no_reason, "applicability_note");
  auto other_trust = form("NG4", "Another trust's lead");
  other_trust.lead = beta_manager_.user_id;
  refused(other_trust, "lead_id");
  auto board_lead = form("NG4", "A board member cannot lead");
  board_lead.lead = board_.user_id;
  refused(board_lead, "lead_id");
  auto other_division = form("NG5", "Another trust's division");
  other_division.division = beta_division_;
  refused(other_division, "division_id");
  // A retired division stays on the guidance that names it but is chosen for no new guidance.
  auto in_surgery = form("NG8", "Perioperative care");
  in_surgery.division = surgery_;
  const auto kept = add_guidance(*store_, manager_, actor_, in_surgery);
  ASSERT_TRUE(kept) << kept.error().message;
  ASSERT_TRUE(store_->update_trust_unit(TrustUnit{surgery_, own_, std::nullopt, "Surgery", true}, setup_));
  in_surgery.title = "Perioperative care in adults";
  EXPECT_TRUE(edit_guidance(*store_, manager_, actor_, *kept, in_surgery));
  auto retired = form("NG9", "A retired division");
  retired.division = surgery_;
  refused(retired, "division_id");
  auto early = form("NG6", "Review before publication");
  early.review_due = day("2019-01-01");
  refused(early, "review_due");
  EXPECT_EQ(add_guidance(*store_, manager_, actor_, form("NG136", "Again")).error().code, ErrorCode::conflict);

  // Only the audit managers add guidance; the national body keeps no register.
  EXPECT_EQ(add_guidance(*store_, lead_, actor_, form("NG7", "x")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(add_guidance(*store_, analyst_, actor_, form("NG7", "x")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(store_->nice_guidance(own_)->size(), 2U);
}

TEST_F(NiceRegisterTest, TheStatusFollowsApplicabilityAndEveryRecommendationsBaseline) {
  const auto id = add_with_recommendations("NG136", "Hypertension in adults");
  const auto status = [&] { return guidance_details(*store_, board_, clock_.today(), id).value().item.status; };
  auto edited = form("NG136", "Hypertension in adults");
  edited.applicability = Applicability::to_be_assessed;
  ASSERT_TRUE(edit_guidance(*store_, manager_, actor_, id, edited));
  EXPECT_EQ(status(), GuidanceStatus::applicability_to_be_assessed);
  edited.applicability = Applicability::applicable;
  ASSERT_TRUE(edit_guidance(*store_, manager_, actor_, id, edited));
  EXPECT_EQ(status(), GuidanceStatus::baseline_incomplete);

  // The lead assesses; another clinical lead and a board member may not.
  ASSERT_TRUE(assess(lead_, id, 0, Compliance::compliant));
  EXPECT_EQ(assess(other_lead_, id, 1, Compliance::compliant).error().code, ErrorCode::forbidden);
  EXPECT_EQ(assess(board_, id, 1, Compliance::compliant).error().code, ErrorCode::forbidden);
  EXPECT_EQ(status(), GuidanceStatus::baseline_incomplete);
  ASSERT_TRUE(assess(manager_, id, 1, Compliance::not_applicable, "No such clinic"));
  EXPECT_EQ(status(), GuidanceStatus::compliant);
  ASSERT_TRUE(assess(lead_, id, 1, Compliance::partly_compliant, "Half the wards"));
  EXPECT_EQ(status(), GuidanceStatus::partly_compliant);
  ASSERT_TRUE(assess(lead_, id, 0, Compliance::not_compliant, "Re-audit found gaps"));
  EXPECT_EQ(status(), GuidanceStatus::not_compliant);
  EXPECT_EQ(assess(lead_, id, 0, Compliance::not_compliant, "Re-audit found gaps").error().code, ErrorCode::conflict);
  EXPECT_EQ(assess(lead_, id, 0, Compliance::not_compliant, "").error().code, ErrorCode::invalid_input);

  const auto details = guidance_details(*store_, lead_, clock_.today(), id).value();
  ASSERT_EQ(details.recommendations.size(), 2U);
  ASSERT_TRUE(details.recommendations[0].assessment);
  EXPECT_EQ(details.recommendations[0].assessment->evidence, "Re-audit found gaps");
  ASSERT_EQ(details.recommendations[0].history.size(), 1U);
  EXPECT_EQ(details.recommendations[0].history[0].compliance, Compliance::compliant);
  EXPECT_TRUE(details.recommendations[0].without_action);
  EXPECT_EQ(details.item.without_action, 2);
  EXPECT_TRUE(details.may_assess);
  EXPECT_FALSE(details.may_manage);

  // Judged not applicable, it has no status of compliance and asks for no actions.
  edited.applicability = Applicability::not_applicable;
  edited.applicability_note = "The trust runs no hypertension clinic";
  ASSERT_TRUE(edit_guidance(*store_, manager_, actor_, id, edited));
  EXPECT_EQ(status(), GuidanceStatus::not_applicable);
  EXPECT_EQ(guidance_details(*store_, board_, clock_.today(), id).value().item.without_action, 0);
}

TEST_F(NiceRegisterTest, ActionsAreRaisedOnlyFromARecommendationNotMet) {
  const auto id = add_with_recommendations("NG136", "Hypertension in adults");
  const auto guidance = store_->nice_guidance_item(id).value();
  const auto first = guidance.recommendations[0].id;
  EXPECT_EQ(raise_guidance_action(*store_, lead_, actor_, id, first, action_of("Too early")).error().code,
            ErrorCode::invalid_input);
  ASSERT_TRUE(assess(lead_, id, 0, Compliance::compliant));
  EXPECT_EQ(raise_guidance_action(*store_, lead_, actor_, id, first, action_of("Met already")).error().code,
            ErrorCode::invalid_input);
  ASSERT_TRUE(assess(lead_, id, 0, Compliance::not_compliant, "No monitoring"));
  const auto action = raise_guidance_action(*store_, lead_, actor_, id, first, action_of("Buy monitors"));
  ASSERT_TRUE(action) << action.error().message;
  EXPECT_EQ(store_->action(*action)->source, ActionSource::nice_recommendation);
  EXPECT_EQ(raise_guidance_action(*store_, other_lead_, actor_, id, first, action_of("Not mine")).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(
      raise_guidance_action(*store_, lead_, actor_, id, NiceRecommendationId{first.value + 99}, action_of("No such"))
          .error()
          .code,
      ErrorCode::not_found);

  const auto details = guidance_details(*store_, board_, clock_.today(), id).value();
  ASSERT_EQ(details.recommendations[0].actions.size(), 1U);
  EXPECT_EQ(details.recommendations[0].actions[0].title, "Buy monitors");
  EXPECT_FALSE(details.recommendations[0].without_action);
  EXPECT_EQ(details.item.actions, 1);
  EXPECT_EQ(details.item.open_actions, 1);
}

TEST_F(NiceRegisterTest, AuditsAreLinkedAndReviewsMoveTheReviewDate) {
  const auto id = add_with_recommendations("NG136", "Hypertension in adults");
  Audit local;
  local.code = "LA-2026-001";
  local.title = "Blood pressure monitoring";
  local.kind = AuditKind::local_audit;
  local.owner = own_;
  Audit beta_local = local;
  beta_local.code = "LB-2026-001";
  beta_local.owner = beta_manager_.organisation_id;
  const auto audits = store_->add_audits({local, beta_local}, setup_).value();
  ASSERT_TRUE(link_guidance_audit(*store_, manager_, actor_, id, audits[0], true));
  EXPECT_EQ(link_guidance_audit(*store_, manager_, actor_, id, audits[1], true).error().code,
            ErrorCode::invalid_input);  // another trust's audit
  EXPECT_EQ(link_guidance_audit(*store_, lead_, actor_, id, audits[0], false).error().code, ErrorCode::forbidden);
  auto details = guidance_details(*store_, manager_, clock_.today(), id).value();
  ASSERT_EQ(details.audits.size(), 1U);
  EXPECT_EQ(details.audits[0].code, "LA-2026-001");
  for (const auto& audit : details.linkable) EXPECT_NE(audit.code, "LB-2026-001");

  // Due 2026-06-30: not overdue on 2026-03-01, overdue on 2026-07-01.
  EXPECT_FALSE(details.item.review_overdue);
  EXPECT_TRUE(guidance_details(*store_, manager_, day("2026-07-01"), id).value().item.review_overdue);
  EXPECT_EQ(record_guidance_review(*store_, manager_, actor_, clock_.today(), id, day("2026-03-02"), day("2027-03-01"))
                .error()
                .message.rfind("reviewed_on:", 0),
            0U);
  EXPECT_EQ(record_guidance_review(*store_, manager_, actor_, clock_.today(), id, day("2026-02-01"), day("2026-01-01"))
                .error()
                .message.rfind("next_review_due:", 0),
            0U);
  ASSERT_TRUE(
      record_guidance_review(*store_, manager_, actor_, clock_.today(), id, day("2026-02-01"), day("2027-02-01")));
  details = guidance_details(*store_, manager_, day("2026-07-01"), id).value();
  EXPECT_FALSE(details.item.review_overdue);
  EXPECT_EQ(details.item.guidance.last_reviewed_on, day("2026-02-01"));
}

TEST_F(NiceRegisterTest, TheRegisterFiltersAndCountsAndIsTheTrustsOwn) {
  const auto hypertension = add_with_recommendations("NG136", "Hypertension in adults");
  const auto falls = add_with_recommendations("NG249", "Falls");
  auto surgical = form("QS48", "Surgical site infection");
  surgical.division = surgery_;
  surgical.review_due = day("2026-01-31");  // overdue on 2026-03-01
  ASSERT_TRUE(add_guidance(*store_, manager_, actor_, surgical));
  auto unassessed = form("TA123", "Not yet assessed");
  unassessed.applicability = Applicability::to_be_assessed;
  ASSERT_TRUE(add_guidance(*store_, manager_, actor_, unassessed));
  ASSERT_TRUE(assess(lead_, hypertension, 0, Compliance::compliant));
  ASSERT_TRUE(assess(lead_, hypertension, 1, Compliance::compliant));
  ASSERT_TRUE(assess(lead_, falls, 0, Compliance::not_compliant));
  ASSERT_TRUE(assess(lead_, falls, 1, Compliance::compliant));

  const auto whole = nice_register(*store_, board_, clock_.today(), {});
  ASSERT_TRUE(whole) << whole.error().message;
  ASSERT_EQ(whole->items.size(), 4U);
  EXPECT_EQ(whole->items[0].guidance.reference(), "QS48");  // the overdue review first
  EXPECT_EQ(whole->summary.guidance, 4);
  EXPECT_EQ(whole->summary.applicable, 3);
  EXPECT_EQ(whole->summary.to_be_assessed, 1);
  EXPECT_EQ(whole->summary.compliant, 1);
  EXPECT_EQ(whole->summary.not_compliant, 1);
  EXPECT_EQ(whole->summary.baseline_incomplete, 1);
  EXPECT_EQ(whole->summary.reviews_overdue, 1);
  EXPECT_EQ(whole->summary.recommendations_without_action, 1);
  EXPECT_FALSE(whole->may_manage);
  EXPECT_TRUE(nice_register(*store_, manager_, clock_.today(), {}).value().may_manage);

  const auto in_surgery = nice_register(*store_, board_, clock_.today(), {surgery_, std::nullopt}).value();
  ASSERT_EQ(in_surgery.items.size(), 1U);
  EXPECT_EQ(in_surgery.items[0].division_name, "Surgery");
  EXPECT_EQ(in_surgery.summary.guidance, 4);  // the figures are the whole register's
  const auto not_met =
      nice_register(*store_, board_, clock_.today(), {std::nullopt, GuidanceStatus::not_compliant}).value();
  ASSERT_EQ(not_met.items.size(), 1U);
  EXPECT_EQ(not_met.items[0].guidance.reference(), "NG249");
  EXPECT_EQ(nice_summary(*store_, own_, clock_.today()).value().not_compliant, 1);

  // Another trust's register is empty and its guidance not found; the national body has none.
  EXPECT_TRUE(nice_register(*store_, beta_manager_, clock_.today(), {}).value().items.empty());
  EXPECT_EQ(guidance_details(*store_, beta_manager_, clock_.today(), falls).error().code, ErrorCode::not_found);
  EXPECT_EQ(nice_register(*store_, analyst_, clock_.today(), {}).error().code, ErrorCode::forbidden);
  auto edit = form("NG249", "Falls");
  EXPECT_EQ(edit_guidance(*store_, beta_manager_, actor_, falls, edit).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace clinaudit::domain
