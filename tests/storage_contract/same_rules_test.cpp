// Where the two databases once disagreed: the entity rules, reading back a value the
// program does not know, the messages for unknown references, list order and the audit
// log's names. Every case runs on each database and must give the same answer.
#include <nlohmann/json.hpp>

#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

Date day(const char* text) { return *Date::parse(text); }

TEST_P(StoreContract, AnOrganisationAnAuditAndAMeasureNeedACode) {
  auto organisation = store().add_organisations({{{}, "", "Nameless", domain::OrganisationType::acute, ""}}, actor());
  EXPECT_ERROR(organisation, ErrorCode::invalid_input);
  EXPECT_THAT(organisation.error().message, HasSubstr("an organisation needs a code"));
  EXPECT_TRUE(store().organisations()->empty());

  domain::Audit audit;
  audit.title = "No code";
  auto audits = store().add_audits({audit}, actor());
  EXPECT_ERROR(audits, ErrorCode::invalid_input);
  EXPECT_THAT(audits.error().message, HasSubstr("an audit needs a code"));
  EXPECT_TRUE(store().audits({})->empty());

  const auto nhfd = add_audit("NHFD");
  domain::Measure measure{.audit_id = nhfd,
                          .code = "",
                          .name = "No code",
                          .type = domain::MeasureType::proportion,
                          .improvement = domain::Improvement::increase,
                          .target = std::nullopt,
                          .rate_multiplier = 1.0};
  auto measure_id = store().add_measure(measure, actor());
  EXPECT_ERROR(measure_id, ErrorCode::invalid_input);
  EXPECT_THAT(measure_id.error().message, HasSubstr("a measure needs a code"));
  EXPECT_TRUE(store().measures_of(nhfd)->empty());
}

TEST_P(StoreContract, APeriodThatEndsBeforeItStartsIsRefused) {
  const auto trust = add_organisation("RXX");
  const auto measure = add_measure(add_audit("NHFD"), "mort30");
  domain::MeasureResult result;
  result.measure_id = measure;
  result.organisation_id = trust;
  result.period_start = day("2026-03-31");
  result.period_end = day("2025-04-01");
  result.value = 0.5;
  auto added = store().add_results({result}, actor());
  EXPECT_ERROR(added, ErrorCode::invalid_input);
  EXPECT_THAT(added.error().message, HasSubstr("period ends before it starts"));
  EXPECT_TRUE(store().results_of(measure, std::nullopt)->empty());

  domain::Audit audit;
  audit.code = "LA-1";
  audit.title = "Backwards";
  audit.start_date = day("2026-03-31");
  audit.end_date = day("2025-04-01");
  auto audits = store().add_audits({audit}, actor());
  EXPECT_ERROR(audits, ErrorCode::invalid_input);
  EXPECT_THAT(audits.error().message, HasSubstr("audit 'LA-1' ends before it starts"));

  auto nhfd = *store().audit_by_code("NHFD");
  nhfd.reaudit_of = nhfd.id;
  auto update = store().update_audit(nhfd, actor());
  EXPECT_ERROR(update, ErrorCode::invalid_input);
  EXPECT_THAT(update.error().message, HasSubstr("cannot be a re-audit of itself"));
}

TEST_P(StoreContract, AValueThisProgramDoesNotKnowIsAnInternalErrorNamingIt) {
  const auto trust = add_organisation("RXX");
  const auto audit = add_audit("NHFD");
  GetParam().execute_sql(url(), "UPDATE organisations SET type = 'spaceship'");
  GetParam().execute_sql(url(), "UPDATE audits SET status = 'someday'");

  auto organisation = store().organisation(trust);
  EXPECT_ERROR(organisation, ErrorCode::internal);
  EXPECT_THAT(organisation.error().message, HasSubstr("'spaceship'"));
  EXPECT_ERROR(store().organisations(), ErrorCode::internal);
  auto read = store().audit(audit);
  EXPECT_ERROR(read, ErrorCode::internal);
  EXPECT_THAT(read.error().message, HasSubstr("'someday'"));
}

TEST_P(StoreContract, UnknownReferencesGiveTheSameMessageOnEveryDatabase) {
  const auto trust = add_organisation("RXX");
  domain::Measure measure{.audit_id = AuditId{4242},
                          .code = "m",
                          .name = "M",
                          .type = domain::MeasureType::rate,
                          .improvement = domain::Improvement::neutral,
                          .target = std::nullopt,
                          .rate_multiplier = 1000.0};
  auto measure_id = store().add_measure(measure, actor());
  EXPECT_ERROR(measure_id, ErrorCode::not_found);
  EXPECT_THAT(measure_id.error().message, HasSubstr("measure 'm': audit id 4242 does not exist"));

  domain::Action action;
  action.organisation_id = trust;
  action.title = "Do it";
  action.owner = UserId{777};
  action.due_on = day("2026-01-01");
  auto action_id = store().add_action(action, actor());
  EXPECT_ERROR(action_id, ErrorCode::not_found);
  EXPECT_THAT(action_id.error().message, HasSubstr("action 'Do it': owner user id 777 does not exist"));

  domain::User user{{}, "x@y.nhs.uk", "X", domain::Role::read_only, OrganisationId{trust.value + 500}, "h", true};
  auto user_id = store().add_user(user, actor());
  EXPECT_ERROR(user_id, ErrorCode::not_found);
  EXPECT_THAT(user_id.error().message,
              HasSubstr("user 'x@y.nhs.uk': organisation id " + std::to_string(trust.value + 500) + " does not exist"));
}

TEST_P(StoreContract, ListsComeInTheSameOrderOnEveryDatabase) {
  const auto trust = add_organisation("RXX");
  add_user("zoe@riverside.nhs.uk", trust);
  add_user("adam@riverside.nhs.uk", trust);
  const auto second = add_audit("ZZZ");
  add_audit("AAA");
  add_measure(second, "z-measure");
  add_measure(second, "a-measure");

  auto users = store().users(std::nullopt);
  ASSERT_OK(users);
  ASSERT_EQ(users->size(), 2U);
  EXPECT_EQ((*users)[0].email, "adam@riverside.nhs.uk");  // by email
  auto audits = store().audits({});
  ASSERT_OK(audits);
  ASSERT_EQ(audits->size(), 2U);
  EXPECT_EQ((*audits)[0].code, "AAA");  // by code
  auto measures = store().measures_of(second);
  ASSERT_OK(measures);
  ASSERT_EQ(measures->size(), 2U);
  EXPECT_EQ((*measures)[0].code, "a-measure");  // by code
}

TEST_P(StoreContract, TheWholeLogIsReadWithANegativeLimit) {
  add_organisation("RXX");
  add_organisation("RYY");
  auto log = store().audit_log("organisation", -1);
  ASSERT_OK(log);
  EXPECT_EQ(log->size(), 2U);
}

TEST_P(StoreContract, TheLogNamesRecordsTheSameWayOnEveryDatabase) {
  const auto trust = add_organisation("RXX");
  const auto user = add_user("lead@riverside.nhs.uk", trust);
  auto row = *store().user(user);
  row.password_hash = "$argon2id$v=19$another";
  ASSERT_OK(store().update_user(row, actor()));

  auto organisations = store().audit_log("organisation", 10);
  ASSERT_OK(organisations);
  ASSERT_EQ(organisations->size(), 1U);
  EXPECT_EQ((*organisations)[0].entity_key, "RXX");  // its code
  auto users = store().audit_log("user", 10);
  ASSERT_OK(users);
  ASSERT_EQ(users->size(), 2U);
  EXPECT_EQ((*users)[0].action, "update");
  EXPECT_EQ((*users)[0].entity_key, "lead@riverside.nhs.uk");  // its email
  EXPECT_EQ(nlohmann::json::parse((*users)[0].after).at("password_changed"), true);
}

}  // namespace
}  // namespace clinaudit::contract
