// The Store's rules: duplicates are conflicts, unknown references are not_found, each
// with a message naming the record; batches are atomic; every change is in the audit log.
#include <nlohmann/json.hpp>

#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

std::vector<domain::Organisation> hundred_organisations() {
  std::vector<domain::Organisation> rows;
  for (int i = 0; i < 100; ++i) {
    rows.push_back(
        {{}, "R" + std::to_string(100 + i), "Trust " + std::to_string(i), domain::OrganisationType::acute, ""});
  }
  return rows;
}

TEST_P(StoreContract, DuplicateOrganisationCodeIsAConflictNamingIt) {
  add_organisation("RXX");
  auto again = store().add_organisations({{{}, "RXX", "Another", domain::OrganisationType::acute, ""}}, actor());
  EXPECT_ERROR(again, ErrorCode::conflict);
  EXPECT_THAT(again.error().message, HasSubstr("organisation code 'RXX' already exists"));

  const auto other = add_organisation("RYY");
  auto row = *store().organisation(other);
  row.code = "RXX";
  auto update = store().update_organisation(row, actor());
  EXPECT_ERROR(update, ErrorCode::conflict);
  EXPECT_THAT(update.error().message, HasSubstr("RXX"));
  EXPECT_EQ(store().organisation(other)->code, "RYY");
}

TEST_P(StoreContract, DuplicateEmailAuditCodeAndMeasureCodeAreConflicts) {
  const auto trust = add_organisation("RXX");
  add_user("lead@riverside.nhs.uk", trust);
  domain::User twin{{}, "lead@riverside.nhs.uk", "Twin", domain::Role::read_only, trust, "h", true};
  auto user = store().add_user(twin, actor());
  EXPECT_ERROR(user, ErrorCode::conflict);
  EXPECT_THAT(user.error().message, HasSubstr("lead@riverside.nhs.uk"));

  const auto audit = add_audit("NHFD");
  domain::Audit same;
  same.code = "NHFD";
  same.title = "Again";
  auto audits = store().add_audits({same}, actor());
  EXPECT_ERROR(audits, ErrorCode::conflict);
  EXPECT_THAT(audits.error().message, HasSubstr("audit code 'NHFD' already exists"));

  add_measure(audit, "mort30");
  domain::Measure measure{.audit_id = audit,
                          .code = "mort30",
                          .name = "Again",
                          .type = domain::MeasureType::ratio,
                          .improvement = domain::Improvement::decrease,
                          .target = std::nullopt,
                          .rate_multiplier = 1.0};
  auto measure_id = store().add_measure(measure, actor());
  EXPECT_ERROR(measure_id, ErrorCode::conflict);
  EXPECT_THAT(measure_id.error().message, HasSubstr("mort30"));
  // The same code in another audit is fine.
  measure.audit_id = add_audit("SSNAP");
  ASSERT_OK(store().add_measure(measure, actor()));
}

TEST_P(StoreContract, DuplicateSessionAndResultAreConflicts) {
  const auto trust = add_organisation("RXX");
  const auto user = add_user("a@b.nhs.uk", trust);
  ASSERT_OK(store().create_session({"hash", user, "csrf", "2030-01-01T00:00:00Z"}));
  EXPECT_ERROR(store().create_session({"hash", user, "csrf", "2030-01-01T00:00:00Z"}), ErrorCode::conflict);

  const auto measure = add_measure(add_audit("NHFD"), "mort30");
  domain::MeasureResult result;
  result.measure_id = measure;
  result.organisation_id = trust;
  result.period_start = *Date::parse("2025-04-01");
  result.period_end = *Date::parse("2026-03-31");
  result.value = 0.5;
  ASSERT_OK(store().add_results({result}, actor()));
  EXPECT_ERROR(store().add_results({result}, actor()), ErrorCode::conflict);
  EXPECT_EQ(store().results_of(measure, std::nullopt)->size(), 1U);
}

TEST_P(StoreContract, UnknownReferencesAreNotFoundNamingThem) {
  const auto trust = add_organisation("RXX");
  const OrganisationId missing_org{trust.value + 500};
  domain::User user{{}, "x@y.nhs.uk", "X", domain::Role::read_only, missing_org, "h", true};
  auto added = store().add_user(user, actor());
  EXPECT_ERROR(added, ErrorCode::not_found);
  EXPECT_THAT(added.error().message, HasSubstr("organisation"));
  EXPECT_THAT(added.error().message, HasSubstr(std::to_string(missing_org.value)));

  EXPECT_ERROR(store().create_session({"h", UserId{999}, "c", "2030-01-01T00:00:00Z"}), ErrorCode::not_found);
  domain::Audit local;
  local.code = "LA-1";
  local.title = "Local";
  local.owner = missing_org;
  EXPECT_ERROR(store().add_audits({local}, actor()), ErrorCode::not_found);
  EXPECT_ERROR(store().set_qa_list({{AuditId{4242}, FinancialYear{2025}, {}}}, actor()), ErrorCode::not_found);
  domain::Measure measure{{},
                          AuditId{4242},
                          "m",
                          "M",
                          domain::MeasureType::rate,
                          domain::Improvement::neutral,
                          std::nullopt,
                          1000.0,
                          "",
                          domain::MeasureSource::imported_results,
                          "",
                          "",
                          ""};
  EXPECT_ERROR(store().add_measure(measure, actor()), ErrorCode::not_found);
  domain::Action action;
  action.organisation_id = trust;
  action.title = "Do it";
  action.owner = UserId{777};
  action.due_on = *Date::parse("2026-01-01");
  auto action_id = store().add_action(action, actor());
  EXPECT_ERROR(action_id, ErrorCode::not_found);
  EXPECT_THAT(action_id.error().message, HasSubstr("777"));
  EXPECT_ERROR(store().add_board_meeting({.meeting = {{}, missing_org, "Board", *Date::parse("2026-01-01")},
                                          .items = {},
                                          .actions = {},
                                          .reviewed_reports = {}},
                                         actor()),
               ErrorCode::not_found);
  EXPECT_ERROR(store().add_survey_responses(
                   {domain::SurveyResponse{0, SurveyId{31}, std::nullopt, "", "", {}, std::nullopt}}, actor()),
               ErrorCode::not_found);
  EXPECT_ERROR(store().begin_episodes(AuditId{4242}, {"age"}, actor()), ErrorCode::not_found);
  EXPECT_ERROR(store().dataset(AuditId{4242}), ErrorCode::not_found);
}

TEST_P(StoreContract, UnknownIdsAreNotFound) {
  EXPECT_ERROR(store().organisation(OrganisationId{12345}), ErrorCode::not_found);
  EXPECT_ERROR(store().organisation_by_code("NOPE"), ErrorCode::not_found);
  EXPECT_ERROR(store().user(UserId{12345}), ErrorCode::not_found);
  EXPECT_ERROR(store().user_by_email("nobody@example.org"), ErrorCode::not_found);
  EXPECT_ERROR(store().audit(AuditId{12345}), ErrorCode::not_found);
  EXPECT_ERROR(store().audit_by_code("NOPE"), ErrorCode::not_found);
  EXPECT_ERROR(store().measure(MeasureId{12345}), ErrorCode::not_found);
  EXPECT_ERROR(store().action(ActionId{12345}), ErrorCode::not_found);
  EXPECT_ERROR(store().outlier_case(OutlierCaseId{12345}), ErrorCode::not_found);
  EXPECT_ERROR(store().survey(SurveyId{12345}), ErrorCode::not_found);
  domain::Organisation ghost{OrganisationId{12345}, "GHOST", "Ghost", domain::OrganisationType::acute, ""};
  EXPECT_ERROR(store().update_organisation(ghost, actor()), ErrorCode::not_found);
  domain::Action action;
  action.id = ActionId{12345};
  action.organisation_id = add_organisation("RXX");
  action.title = "t";
  EXPECT_ERROR(store().update_action(action, actor()), ErrorCode::not_found);
}

TEST_P(StoreContract, OneBadRowInABatchOfHundredWritesNothing) {
  add_organisation("R150");  // the batch's row 51 will clash with it
  const auto log_before = store().audit_log("organisation", 1000)->size();
  auto result = store().add_organisations(hundred_organisations(), actor());
  EXPECT_ERROR(result, ErrorCode::conflict);
  EXPECT_THAT(result.error().message, HasSubstr("R150"));
  EXPECT_EQ(store().organisations()->size(), 1U);
  EXPECT_EQ(store().audit_log("organisation", 1000)->size(), log_before);

  // A duplicate inside the batch itself is caught the same way.
  auto rows = hundred_organisations();
  rows[99].code = rows[3].code;
  rows[50].code = "R999";
  EXPECT_ERROR(store().add_organisations(rows, actor()), ErrorCode::conflict);
  EXPECT_EQ(store().organisations()->size(), 1U);
}

TEST_P(StoreContract, ParticipationBatchWithAnUnknownAuditWritesNothing) {
  const auto trust = add_organisation("RXX");
  const auto audit = add_audit("NHFD");
  std::vector<domain::Participation> rows;
  for (int year = 2000; year < 2100; ++year) {
    domain::Participation row;
    row.organisation_id = trust;
    row.audit_id = year == 2077 ? AuditId{audit.value + 99} : audit;
    row.year = FinancialYear{year};
    row.eligible = true;
    rows.push_back(row);
  }
  auto result = store().upsert_participation(rows, actor());
  EXPECT_ERROR(result, ErrorCode::not_found);
  EXPECT_THAT(result.error().message, HasSubstr("audit"));
  for (const int year : {2000, 2050, 2099}) EXPECT_TRUE(store().participation_of(trust, FinancialYear{year})->empty());
}

TEST_P(StoreContract, ResultsBatchWithAnUnknownOrganisationWritesNothing) {
  const auto trust = add_organisation("RXX");
  const auto measure = add_measure(add_audit("NHFD"), "mort30");
  std::vector<domain::MeasureResult> rows;
  Date start = *Date::parse("2020-01-01");
  for (int i = 0; i < 100; ++i) {
    domain::MeasureResult row;
    row.measure_id = measure;
    row.organisation_id = i == 63 ? OrganisationId{trust.value + 10} : trust;
    row.period_start = start.plus_days(i);
    row.period_end = start.plus_days(i);
    row.numerator = 1;
    row.denominator = 2;
    rows.push_back(row);
  }
  EXPECT_ERROR(store().add_results(rows, actor()), ErrorCode::not_found);
  EXPECT_TRUE(store().results_of(measure, std::nullopt)->empty());
}

TEST_P(StoreContract, EveryChangeIsLoggedWithBeforeAndAfter) {
  const domain::Actor manager{std::nullopt, "manager@riverside.nhs.uk"};
  auto ids = store().add_organisations({{{}, "RXX", "Riverside", domain::OrganisationType::acute, "London"}}, manager);
  ASSERT_OK(ids);
  auto row = *store().organisation((*ids)[0]);
  row.name = "Riverside University Hospitals";
  ASSERT_OK(store().update_organisation(row, manager));

  auto log = store().audit_log("organisation", 10);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 2U);
  const auto& update = (*log)[0];  // newest first
  EXPECT_EQ(update.action, "update");
  EXPECT_EQ(update.entity, "organisation");
  EXPECT_EQ(update.actor, "manager@riverside.nhs.uk");
  EXPECT_FALSE(update.at.empty());
  const auto before = nlohmann::json::parse(update.before);
  const auto after = nlohmann::json::parse(update.after);
  EXPECT_EQ(before.at("name"), "Riverside");
  EXPECT_EQ(after.at("name"), "Riverside University Hospitals");
  EXPECT_EQ(after.at("code"), "RXX");
  const auto& create = (*log)[1];
  EXPECT_EQ(create.action, "create");
  EXPECT_TRUE(create.before.empty());
  EXPECT_EQ(nlohmann::json::parse(create.after).at("region"), "London");
  EXPECT_GT(update.id, create.id);

  // A failed write leaves no entry: the entry shares the change's transaction.
  add_organisation("RYY");
  row.code = "RYY";
  EXPECT_ERROR(store().update_organisation(row, manager), ErrorCode::conflict);
  EXPECT_EQ(store().audit_log("organisation", 10)->size(), 3U);
  EXPECT_EQ(store().audit_log("organisation", 1)->size(), 1U);
}

TEST_P(StoreContract, LogNeverHoldsPasswordHashes) {
  const auto trust = add_organisation("RXX");
  const auto user = add_user("lead@riverside.nhs.uk", trust);
  auto row = *store().user(user);
  row.password_hash = "$argon2id$v=19$secret-new-hash";
  ASSERT_OK(store().update_user(row, actor()));
  auto log = store().audit_log("user", 10);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 2U);
  for (const auto& entry : *log) {
    EXPECT_EQ(entry.before.find("argon2id"), std::string::npos);
    EXPECT_EQ(entry.after.find("argon2id"), std::string::npos);
  }
}

TEST_P(StoreContract, EventsAreLoggedAndTheLogFiltersByEntity) {
  domain::AuditLogEntry login;
  login.at = "2026-11-26T15:36:00Z";
  login.user_id = std::nullopt;
  login.actor = "lead@riverside.nhs.uk";
  login.action = "login";
  login.entity = "session";
  login.entity_key = "lead@riverside.nhs.uk";
  ASSERT_OK(store().log_event(login));
  add_organisation("RXX");
  auto sessions = store().audit_log("session", 10);
  ASSERT_OK(sessions);
  ASSERT_EQ(sessions->size(), 1U);
  EXPECT_EQ((*sessions)[0].action, "login");
  EXPECT_EQ((*sessions)[0].at, "2026-11-26T15:36:00Z");
  EXPECT_EQ((*sessions)[0].actor, "lead@riverside.nhs.uk");
  auto everything = store().audit_log("", 10);
  ASSERT_OK(everything);
  EXPECT_EQ(everything->size(), 2U);
  EXPECT_EQ((*everything)[0].entity, "organisation");
}

}  // namespace
}  // namespace clinaudit::contract
