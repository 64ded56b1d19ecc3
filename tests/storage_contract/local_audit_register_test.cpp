// The local audit register (migration 0011): a trust's divisions and specialties, a local
// audit's entry written with the audit and its first step in one transaction, each later step
// with the audit's status and an audit-log entry, the same refusals on every database, and the
// entries the migration gives local audits recorded before it.
#include "storage/store_factory.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

domain::TrustUnit unit(OrganisationId organisation, std::optional<TrustUnitId> division, const std::string& name) {
  domain::TrustUnit out;
  out.organisation_id = organisation;
  out.division = division;
  out.name = name;
  return out;
}

domain::LocalAuditEvent step(domain::LocalAuditEventKind kind, domain::LocalAuditStage stage, const std::string& at,
                             const std::string& note) {
  domain::LocalAuditEvent event;
  event.kind = kind;
  event.stage = stage;
  event.at = at;
  event.by_name = "Audit manager";
  event.note = note;
  return event;
}

TEST_P(StoreContract, ATrustsDivisionsAndSpecialtiesAreItsOwn) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  auto surgery = store().add_trust_unit(unit(trust, std::nullopt, "Surgery"), actor());
  ASSERT_OK(surgery);
  auto orthopaedics = store().add_trust_unit(unit(trust, *surgery, "Trauma and orthopaedics"), actor());
  ASSERT_OK(orthopaedics);
  ASSERT_OK(store().add_trust_unit(unit(trust, std::nullopt, "Medicine"), actor()));
  ASSERT_OK(store().add_trust_unit(unit(other, std::nullopt, "Surgery"), actor()));  // another trust's

  EXPECT_ERROR(store().add_trust_unit(unit(trust, std::nullopt, "Surgery"), actor()), ErrorCode::conflict);
  EXPECT_ERROR(store().add_trust_unit(unit(trust, *surgery, "Trauma and orthopaedics"), actor()), ErrorCode::conflict);
  EXPECT_ERROR(store().add_trust_unit(unit(other, *surgery, "Urology"), actor()), ErrorCode::invalid_input);
  EXPECT_ERROR(store().add_trust_unit(unit(trust, *orthopaedics, "Hands"), actor()), ErrorCode::invalid_input);
  EXPECT_ERROR(store().add_trust_unit(unit(trust, std::nullopt, "  "), actor()), ErrorCode::invalid_input);

  auto renamed = unit(trust, std::nullopt, "Surgery and theatres");
  renamed.id = *surgery;
  renamed.retired = true;
  ASSERT_OK(store().update_trust_unit(renamed, actor()));
  const auto units = store().trust_units(trust);
  ASSERT_OK(units);
  ASSERT_EQ(units->size(), 3U);
  EXPECT_EQ((*units)[0].name, "Surgery and theatres");
  EXPECT_TRUE((*units)[0].retired);
  EXPECT_EQ((*units)[1].name, "Trauma and orthopaedics");
  EXPECT_EQ((*units)[1].division, *surgery);
  EXPECT_EQ((*units)[2].name, "Medicine");
  EXPECT_EQ(store().trust_units(other)->size(), 1U);
  const auto logged = store().audit_log("trust_unit", 10);
  ASSERT_OK(logged);
  EXPECT_EQ(logged->size(), 5U);
}

TEST_P(StoreContract, ALocalAuditsStepsAreWrittenWithItsEntryAndStatusInOneTransaction) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto lead = add_user("lead@riverside.nhs.uk", trust);
  auto surgery = store().add_trust_unit(unit(trust, std::nullopt, "Surgery"), actor());
  ASSERT_OK(surgery);
  auto theirs = store().add_trust_unit(unit(other, std::nullopt, "Surgery"), actor());
  ASSERT_OK(theirs);

  domain::Audit audit;
  audit.code = "LA-RXX-001";
  audit.title = "Consent in day surgery";
  audit.owner = trust;
  audit.start_date = *Date::parse("2026-03-01");
  audit.end_date = *Date::parse("2026-06-30");
  domain::LocalAuditEntry entry;
  entry.division = *surgery;
  entry.lead = lead;
  entry.reason = domain::AuditReason::nice_guidance;
  entry.tier = domain::ProgrammeTier::divisional;
  entry.sample_method = "40 cases";
  entry.data_protection_confirmed = true;
  entry.proposed_by = lead;
  entry.proposed_at = "2026-02-01T09:00:00Z";
  entry.stage_at = "2026-02-01T09:00:00Z";
  auto id = store().add_local_audit_entry(
      audit, entry,
      step(domain::LocalAuditEventKind::proposed, domain::LocalAuditStage::proposed, entry.proposed_at, ""), actor());
  ASSERT_OK(id);
  audit.id = *id;
  entry.audit_id = *id;
  auto stored = store().local_audit_entry(*id);
  ASSERT_OK(stored);
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->division, *surgery);
  EXPECT_EQ((*stored)->lead, lead);
  EXPECT_EQ((*stored)->reason, domain::AuditReason::nice_guidance);
  EXPECT_EQ((*stored)->tier, domain::ProgrammeTier::divisional);  // the tier chosen, not the reason's
  EXPECT_TRUE((*stored)->data_protection_confirmed);
  EXPECT_EQ((*stored)->stage, domain::LocalAuditStage::proposed);

  // The same code again, and a unit of another trust, are refused and write nothing.
  EXPECT_ERROR(store().add_local_audit_entry(audit, entry,
                                             step(domain::LocalAuditEventKind::proposed,
                                                  domain::LocalAuditStage::proposed, entry.proposed_at, ""),
                                             actor()),
               ErrorCode::conflict);
  auto wrong = entry;
  wrong.division = *theirs;
  audit.status = domain::AuditStatus::in_progress;
  auto refused = store().record_local_audit_event(
      audit, wrong,
      step(domain::LocalAuditEventKind::moved_on, domain::LocalAuditStage::data_collection, "2026-03-01T09:00:00Z", ""),
      actor());
  EXPECT_ERROR(refused, ErrorCode::invalid_input);
  EXPECT_THAT(refused.error().message, HasSubstr("division_id"));
  EXPECT_EQ(store().audit(*id)->status, domain::AuditStatus::planned);
  EXPECT_EQ(store().local_audit_events(*id)->size(), 1U);
  // A decline without a reason is refused by every database alike.
  EXPECT_ERROR(store().record_local_audit_event(audit, entry,
                                                step(domain::LocalAuditEventKind::declined,
                                                     domain::LocalAuditStage::declined, "2026-02-02T09:00:00Z", ""),
                                                actor()),
               ErrorCode::invalid_input);

  entry.stage = domain::LocalAuditStage::approved;
  audit.status = domain::AuditStatus::planned;
  ASSERT_OK(store().record_local_audit_event(
      audit, entry,
      step(domain::LocalAuditEventKind::approved, domain::LocalAuditStage::approved, "2026-02-03T10:00:00Z", "Agreed"),
      actor()));
  entry.stage = domain::LocalAuditStage::data_collection;
  audit.status = domain::AuditStatus::in_progress;
  ASSERT_OK(store().record_local_audit_event(
      audit, entry,
      step(domain::LocalAuditEventKind::moved_on, domain::LocalAuditStage::data_collection, "2026-03-01T09:00:00Z",
           "Started"),
      actor()));
  EXPECT_EQ(store().audit(*id)->status, domain::AuditStatus::in_progress);
  EXPECT_EQ((*store().local_audit_entry(*id))->stage, domain::LocalAuditStage::data_collection);
  const auto history = store().local_audit_events(*id);
  ASSERT_OK(history);
  ASSERT_EQ(history->size(), 3U);
  EXPECT_EQ((*history)[1].kind, domain::LocalAuditEventKind::approved);
  EXPECT_EQ((*history)[1].note, "Agreed");
  EXPECT_EQ((*history)[2].stage, domain::LocalAuditStage::data_collection);
  EXPECT_EQ(store().local_audit_entries(trust)->size(), 1U);
  EXPECT_TRUE(store().local_audit_entries(other)->empty());
  EXPECT_EQ(store().audit_log("local_audit_event", 10)->size(), 3U);
}

TEST_P(StoreContract, LocalAuditsRecordedBeforeTheRegisterStandWhereTheirStatusSays) {
  const std::string url = fresh_database_before(11);
  execute_sql(url,
              "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute');"
              "INSERT INTO audits (id, code, title, kind, status, owner_id) VALUES "
              "(1, 'NELA', 'NELA', 'national_clinical_audit', 'reported', NULL),"
              "(2, 'LA-1', 'Planned one', 'local_audit', 'planned', 1),"
              "(3, 'LA-2', 'Collecting', 'local_audit', 'in_progress', 1),"
              "(4, 'LA-3', 'Analysing', 'local_audit', 'data_collection_complete', 1),"
              "(5, 'LA-4', 'Reported', 'local_audit', 'reported', 1),"
              "(6, 'LA-5', 'Closed', 'local_audit', 'closed', 1);");
  auto opened = storage::open_store(url);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& migrated = **opened;
  const auto entries = migrated.local_audit_entries(OrganisationId{1});
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 5U);
  EXPECT_EQ((*entries)[0].stage, domain::LocalAuditStage::approved);
  EXPECT_EQ((*entries)[1].stage, domain::LocalAuditStage::data_collection);
  EXPECT_EQ((*entries)[2].stage, domain::LocalAuditStage::analysis);
  EXPECT_EQ((*entries)[3].stage, domain::LocalAuditStage::report);
  EXPECT_EQ((*entries)[4].stage, domain::LocalAuditStage::completed);
  EXPECT_FALSE(migrated.local_audit_entry(AuditId{1})->has_value());
}

// Migration 0015: an audit registered before the forward programme takes the tier its reason
// gives; one without a reason has none.
TEST_P(StoreContract, AuditsRegisteredBeforeTheProgrammeTakeTheTierTheirReasonGives) {
  const std::string url = fresh_database_before(15);
  execute_sql(
      url,
      "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute');"
      "INSERT INTO audits (id, code, title, kind, status, owner_id) VALUES "
      "(1, 'LA-1', 'One', 'local_audit', 'planned', 1), (2, 'LA-2', 'Two', 'local_audit', 'planned', 1),"
      "(3, 'LA-3', 'Three', 'local_audit', 'planned', 1), (4, 'LA-4', 'Four', 'local_audit', 'planned', 1);"
      "INSERT INTO local_audit_entries (audit_id, reason, stage) VALUES (1, 'national_requirement', 'approved'),"
      "(2, 'nice_guidance', 'approved'), (3, 'incident_or_complaint', 'approved'), (4, NULL, 'approved');");
  auto opened = storage::open_store(url);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  const auto entries = (**opened).local_audit_entries(OrganisationId{1});
  ASSERT_OK(entries);
  ASSERT_EQ(entries->size(), 4U);
  EXPECT_EQ((*entries)[0].tier, domain::ProgrammeTier::national_mandatory);
  EXPECT_EQ((*entries)[1].tier, domain::ProgrammeTier::trust_priority);
  EXPECT_EQ((*entries)[2].tier, domain::ProgrammeTier::divisional);
  EXPECT_FALSE((*entries)[3].tier.has_value());
}

}  // namespace
}  // namespace clinaudit::contract
