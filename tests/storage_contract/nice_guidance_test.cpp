// The NICE guidance register (migration 0016): guidance with its recommendations, written in
// one batch that lands whole or not at all; its own fields changed with the audit log's
// before and after; assessments only ever added and read oldest first; audits linked and
// unlinked; each organisation reading only its own.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

Date day(const char* text) { return *Date::parse(text); }

domain::NiceGuidance guidance_of(OrganisationId trust, domain::GuidanceType type, int number, const char* title) {
  domain::NiceGuidance row;
  row.organisation_id = trust;
  row.type = type;
  row.number = number;
  row.title = title;
  row.published_on = day("2019-09-26");
  row.applicability = domain::Applicability::applicable;
  row.lead_name = "Dr Lead";
  row.recommendations = {{{}, "1.1.1", "Assess frailty on admission"}, {{}, "1.1.2", "Review medicines"}};
  return row;
}

TEST_P(StoreContract, NiceGuidanceIsAddedWithItsRecommendationsInOneBatch) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto division = store().add_trust_unit(domain::TrustUnit{{}, trust, std::nullopt, "Medicine", false}, actor());
  ASSERT_OK(division);
  auto first = guidance_of(trust, domain::GuidanceType::ng, 136, "Hypertension in adults");
  first.division = *division;
  first.review_due = day("2026-09-30");
  const auto second = guidance_of(trust, domain::GuidanceType::qs, 15, "Patient experience");
  const auto ids = store().add_nice_guidance({first, second}, actor());
  ASSERT_OK(ids);
  ASSERT_EQ(ids->size(), 2U);
  ASSERT_OK(store().add_nice_guidance({guidance_of(other, domain::GuidanceType::ng, 136, "Hypertension")}, actor()));

  const auto stored = store().nice_guidance(trust);
  ASSERT_OK(stored);
  ASSERT_EQ(stored->size(), 2U);
  const auto& ng = (*stored)[0];  // NG before QS
  EXPECT_EQ(ng.reference(), "NG136");
  EXPECT_EQ(ng.division, *division);
  EXPECT_EQ(ng.review_due, day("2026-09-30"));
  ASSERT_EQ(ng.recommendations.size(), 2U);
  EXPECT_EQ(ng.recommendations[0].label, "1.1.1");
  EXPECT_EQ(ng.recommendations[1].text, "Review medicines");
  EXPECT_EQ((*stored)[1].reference(), "QS15");
  EXPECT_EQ(store().nice_guidance_item((*ids)[1])->title, "Patient experience");

  // A reference the trust already has, in a batch with new guidance: nothing of it lands.
  const auto again = store().add_nice_guidance({guidance_of(trust, domain::GuidanceType::ta, 123, "New"),
                                                guidance_of(trust, domain::GuidanceType::ng, 136, "X")},
                                               actor());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_THAT(again.error().message, HasSubstr("NG136"));
  EXPECT_EQ(store().nice_guidance(trust)->size(), 2U);

  // A recommendation without text, or an unknown division: refused.
  auto empty = guidance_of(trust, domain::GuidanceType::cg, 95, "Chest pain");
  empty.recommendations[1].text.clear();
  EXPECT_ERROR(store().add_nice_guidance({empty}, actor()), ErrorCode::invalid_input);
  auto unknown = guidance_of(trust, domain::GuidanceType::cg, 95, "Chest pain");
  unknown.division = TrustUnitId{division->value + 100};
  EXPECT_ERROR(store().add_nice_guidance({unknown}, actor()), ErrorCode::not_found);
  EXPECT_EQ(store().nice_guidance(trust)->size(), 2U);
  EXPECT_EQ(store().audit_log("nice_guidance", 10)->size(), 3U);
}

TEST_P(StoreContract, NiceGuidanceChangesKeepItsReferenceAndAddRecommendationsAtTheEnd) {
  const auto trust = add_organisation("RXX");
  const auto id =
      store().add_nice_guidance({guidance_of(trust, domain::GuidanceType::ng, 56, "Multimorbidity")}, actor());
  ASSERT_OK(id);
  auto row = *store().nice_guidance_item(id->front());
  row.number = 999;  // not changed by an update
  row.applicability = domain::Applicability::not_applicable;
  row.applicability_note = "No such service";
  row.last_reviewed_on = day("2025-10-01");
  row.review_due = day("2026-10-01");
  ASSERT_OK(store().update_nice_guidance(row, actor()));
  const auto added = store().add_nice_recommendation(row.id, {{}, "1.2.1", "Discuss goals"}, actor());
  ASSERT_OK(added);
  EXPECT_ERROR(store().add_nice_recommendation(row.id, {{}, "1.2.1", "Twice"}, actor()), ErrorCode::conflict);
  EXPECT_ERROR(store().add_nice_recommendation(NiceGuidanceId{row.id.value + 50}, {{}, "9", "x"}, actor()),
               ErrorCode::not_found);

  const auto stored = store().nice_guidance_item(row.id);
  ASSERT_OK(stored);
  EXPECT_EQ(stored->reference(), "NG56");
  EXPECT_EQ(stored->applicability, domain::Applicability::not_applicable);
  EXPECT_EQ(stored->applicability_note, "No such service");
  EXPECT_EQ(stored->last_reviewed_on, day("2025-10-01"));
  ASSERT_EQ(stored->recommendations.size(), 3U);
  EXPECT_EQ(stored->recommendations[2].id, *added);
  const auto logged = store().audit_log("nice_guidance", 10);
  ASSERT_OK(logged);
  ASSERT_EQ(logged->size(), 2U);
  EXPECT_THAT((*logged)[0].before + (*logged)[1].before, HasSubstr("applicable"));
  EXPECT_THAT((*logged)[0].after + (*logged)[1].after, HasSubstr("No such service"));
}

TEST_P(StoreContract, NiceAssessmentsAreAddedAndAuditsLinkedOnce) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto ids = store().add_nice_guidance({guidance_of(trust, domain::GuidanceType::ng, 136, "Hypertension"),
                                              guidance_of(trust, domain::GuidanceType::qs, 15, "Experience")},
                                             actor());
  ASSERT_OK(ids);
  const auto other_ids =
      store().add_nice_guidance({guidance_of(other, domain::GuidanceType::ng, 136, "Hypertension")}, actor());
  ASSERT_OK(other_ids);
  const auto guidance = *store().nice_guidance_item(ids->front());
  const auto second = *store().nice_guidance_item((*ids)[1]);

  domain::NiceAssessment row;
  row.guidance_id = guidance.id;
  row.recommendation_id = guidance.recommendations[0].id;
  row.compliance = domain::Compliance::not_compliant;
  row.evidence = "Audit of 30 notes";
  row.assessed_by = "Audit manager";
  row.assessed_at = "2026-01-10T10:00:00Z";
  ASSERT_OK(store().add_nice_assessment(row, actor()));
  row.compliance = domain::Compliance::partly_compliant;
  row.assessed_at = "2026-03-10T10:00:00Z";
  ASSERT_OK(store().add_nice_assessment(row, actor()));
  // A recommendation of other guidance is not this guidance's.
  row.recommendation_id = second.recommendations[0].id;
  EXPECT_ERROR(store().add_nice_assessment(row, actor()), ErrorCode::not_found);
  row.evidence.clear();
  EXPECT_ERROR(store().add_nice_assessment(row, actor()), ErrorCode::invalid_input);

  const auto stored = store().nice_assessments(trust, guidance.id);
  ASSERT_OK(stored);
  ASSERT_EQ(stored->size(), 2U);
  EXPECT_EQ((*stored)[0].compliance, domain::Compliance::not_compliant);
  EXPECT_EQ((*stored)[1].compliance, domain::Compliance::partly_compliant);
  EXPECT_EQ(store().nice_assessments(trust, std::nullopt)->size(), 2U);
  EXPECT_TRUE(store().nice_assessments(other, std::nullopt)->empty());
  EXPECT_TRUE(store().nice_assessments(trust, second.id)->empty());

  const auto audit = add_audit("NHFD");
  ASSERT_OK(store().set_nice_audit_link(guidance.id, audit, true, actor()));
  ASSERT_OK(store().set_nice_audit_link(guidance.id, audit, true, actor()));  // twice: once
  EXPECT_EQ(store().nice_guidance_item(guidance.id)->audits, std::vector<AuditId>{audit});
  EXPECT_TRUE(store().nice_guidance_item(other_ids->front())->audits.empty());
  ASSERT_OK(store().set_nice_audit_link(guidance.id, audit, false, actor()));
  EXPECT_TRUE(store().nice_guidance_item(guidance.id)->audits.empty());
  EXPECT_ERROR(store().set_nice_audit_link(guidance.id, AuditId{audit.value + 99}, true, actor()),
               ErrorCode::not_found);
  EXPECT_EQ(store().audit_log("nice_guidance_audit", 10)->size(), 2U);
}

}  // namespace
}  // namespace clinaudit::contract
