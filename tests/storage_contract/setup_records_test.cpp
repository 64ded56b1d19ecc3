// Setting up measures and the Quality Account list: a measure changed in place and logged,
// a batch of measures all or nothing, an audit taken off a year's list.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

domain::Measure proportion(AuditId audit, const std::string& code) {
  domain::Measure measure;
  measure.audit_id = audit;
  measure.code = code;
  measure.name = "Seen within 4 hours";
  measure.type = domain::MeasureType::proportion;
  measure.improvement = domain::Improvement::increase;
  return measure;
}

TEST_P(StoreContract, UpdateMeasureChangesItInPlaceAndLogsBeforeAndAfter) {
  const auto audit = add_audit("NELA");
  const auto other = add_audit("NHFD");
  auto id = store().add_measure(proportion(audit, "seen4h"), actor());
  ASSERT_OK(id);
  domain::Measure changed = proportion(other, "mort30");  // the audit id is not the measure's: it stays
  changed.id = *id;
  changed.name = "Risk-adjusted 30-day mortality";
  changed.type = domain::MeasureType::ratio;
  changed.improvement = domain::Improvement::decrease;
  changed.target = 1.0;
  changed.rate_multiplier = 100;
  changed.unit = "observed / expected";
  changed.source = domain::MeasureSource::episode_model_ratio;
  changed.outcome_column = "died30";
  changed.formula = "died30 ~ age";
  ASSERT_OK(store().update_measure(changed, actor()));
  auto read = store().measure(*id);
  ASSERT_OK(read);
  EXPECT_EQ(read->audit_id, audit);
  EXPECT_EQ(read->code, "mort30");
  EXPECT_EQ(read->name, changed.name);
  EXPECT_EQ(read->type, domain::MeasureType::ratio);
  EXPECT_EQ(read->improvement, domain::Improvement::decrease);
  EXPECT_EQ(read->target, 1.0);
  EXPECT_DOUBLE_EQ(read->rate_multiplier, 100);
  EXPECT_EQ(read->unit, "observed / expected");
  EXPECT_EQ(read->source, domain::MeasureSource::episode_model_ratio);
  EXPECT_EQ(read->formula, "died30 ~ age");
  auto log = store().audit_log("measure", 1);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->front().action, "update");
  EXPECT_EQ(log->front().entity_key, std::to_string(id->value));
  EXPECT_NE(log->front().before.find("seen4h"), std::string::npos);
  EXPECT_NE(log->front().after.find("mort30"), std::string::npos);

  ASSERT_OK(store().add_measure(proportion(audit, "seen4h"), actor()));
  changed.code = "seen4h";
  EXPECT_ERROR(store().update_measure(changed, actor()), ErrorCode::conflict);
  changed.code = "mort30";
  changed.formula.clear();  // a model ratio needs its formula, on both databases
  EXPECT_ERROR(store().update_measure(changed, actor()), ErrorCode::invalid_input);
  changed.id = MeasureId{999999};
  changed.formula = "died30 ~ age";
  EXPECT_ERROR(store().update_measure(changed, actor()), ErrorCode::not_found);
  EXPECT_EQ(store().measure(*id)->formula, "died30 ~ age");
}

TEST_P(StoreContract, AddMeasuresLandsWholeOrNotAtAll) {
  const auto audit = add_audit("NELA");
  auto ids = store().add_measures({proportion(audit, "a"), proportion(audit, "b")}, actor());
  ASSERT_OK(ids);
  ASSERT_EQ(ids->size(), 2U);
  EXPECT_EQ(store().measure((*ids)[1])->code, "b");
  const auto logged = store().audit_log("measure", -1)->size();
  EXPECT_ERROR(store().add_measures({proportion(audit, "c"), proportion(audit, "a")}, actor()), ErrorCode::conflict);
  EXPECT_ERROR(store().add_measures({proportion(audit, "d"), proportion(AuditId{999999}, "e")}, actor()),
               ErrorCode::not_found);
  EXPECT_EQ(store().measures_of(audit)->size(), 2U);
  EXPECT_EQ(store().audit_log("measure", -1)->size(), logged);
}

TEST_P(StoreContract, AnAuditComesOffAYearsQualityAccountListAndTheLogSaysSo) {
  const auto audit = add_audit("NHFD");
  const FinancialYear year{2025};
  ASSERT_OK(store().set_qa_list({{audit, year, {domain::OrganisationType::acute}},
                                 {audit, FinancialYear{2026}, {domain::OrganisationType::acute}}},
                                actor()));
  ASSERT_OK(store().remove_from_qa_list(audit, year, actor()));
  EXPECT_TRUE(store().qa_list(year)->empty());
  EXPECT_EQ(store().qa_list(FinancialYear{2026})->size(), 1U);
  auto log = store().audit_log("qa_list", 1);
  ASSERT_OK(log);
  EXPECT_EQ(log->front().action, "delete");
  EXPECT_EQ(log->front().entity_key, std::to_string(audit.value) + "/2025/26");
  EXPECT_NE(log->front().before.find("acute"), std::string::npos);
  EXPECT_ERROR(store().remove_from_qa_list(audit, year, actor()), ErrorCode::not_found);
}

}  // namespace
}  // namespace clinaudit::contract
