// One-time survey links: invitations are found by their token's hash, and answering through
// a link stores the response and uses the link up in one transaction, exactly once.
#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string hash_of(char c) { return std::string(64, c); }

SurveyId add_survey(domain::Store& store, bool anonymous) {
  domain::Survey survey;
  survey.title = "Survey of audit staff";
  survey.wave = "2026";
  survey.anonymous = anonymous;
  survey.questions = {{0, "board", "Board engagement?", domain::QuestionKind::likert, {"Poor", "Good"}}};
  return store.add_survey(survey, domain::Actor{std::nullopt, "contract-test"}).value();
}

domain::SurveyInvitation invitation(SurveyId survey, char hash, const std::string& label) {
  domain::SurveyInvitation row;
  row.survey_id = survey;
  row.token_hash = hash_of(hash);
  row.label = label;
  row.organisation_type = domain::OrganisationType::mental_health;
  row.region = "North West";
  row.role = "audit manager";
  return row;
}

domain::SurveyResponse answers(const char* board) {
  domain::SurveyResponse response;
  response.answers = {{"board", board}};
  return response;
}

TEST_P(StoreContract, SurveyInvitationsAreFoundByTokenHash) {
  const auto survey = add_survey(store(), true);
  auto ids = store().add_survey_invitations(
      {invitation(survey, 'a', "ann@example.nhs.uk"), invitation(survey, 'b', "bob@example.nhs.uk")}, actor());
  ASSERT_OK(ids);
  ASSERT_EQ(ids->size(), 2U);
  auto read = store().survey_invitation(hash_of('b'));
  ASSERT_OK(read);
  EXPECT_EQ(read->id, (*ids)[1]);
  EXPECT_EQ(read->survey_id, survey);
  EXPECT_EQ(read->token_hash, hash_of('b'));
  EXPECT_EQ(read->label, "bob@example.nhs.uk");
  EXPECT_EQ(read->organisation_type, domain::OrganisationType::mental_health);
  EXPECT_EQ(read->region, "North West");
  EXPECT_EQ(read->role, "audit manager");
  EXPECT_FALSE(read->used);
  EXPECT_ERROR(store().survey_invitation(hash_of('z')), ErrorCode::not_found);

  // The log records each invitation, never its token's hash.
  auto log = store().audit_log("survey_invitation", 10);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 2U);
  EXPECT_THAT((*log)[0].after, HasSubstr("bob@example.nhs.uk"));
  EXPECT_THAT((*log)[0].after, Not(HasSubstr(hash_of('b'))));
}

TEST_P(StoreContract, SurveyInvitationsLandWholeOrNotAtAll) {
  const auto survey = add_survey(store(), true);
  ASSERT_OK(store().add_survey_invitations({invitation(survey, 'a', "ann")}, actor()));
  EXPECT_ERROR(
      store().add_survey_invitations({invitation(survey, 'c', "cat"), invitation(survey, 'a', "again")}, actor()),
      ErrorCode::conflict);
  EXPECT_ERROR(store().survey_invitation(hash_of('c')), ErrorCode::not_found);
  EXPECT_ERROR(store().add_survey_invitations({invitation(SurveyId{survey.value + 100}, 'd', "dan")}, actor()),
               ErrorCode::not_found);
  EXPECT_EQ(store().audit_log("survey_invitation", 10)->size(), 1U);
}

TEST_P(StoreContract, AnsweringThroughALinkWorksOnceAndAnonymously) {
  const auto survey = add_survey(store(), true);
  ASSERT_OK(store().add_survey_invitations({invitation(survey, 'a', "ann@example.nhs.uk")}, actor()));
  domain::SurveyResponse sent = answers("Good");
  sent.survey_id = SurveyId{survey.value + 100};  // ignored: the invitation says which survey
  sent.region = "ignored";
  auto id = store().submit_survey_response(hash_of('a'), sent, domain::Actor{std::nullopt, "survey link"});
  ASSERT_OK(id);
  auto responses = store().survey_responses(survey);
  ASSERT_OK(responses);
  ASSERT_EQ(responses->size(), 1U);
  const auto& stored = (*responses)[0];
  EXPECT_EQ(stored.id, *id);
  EXPECT_EQ(stored.organisation_type, domain::OrganisationType::mental_health);
  EXPECT_EQ(stored.region, "North West");
  EXPECT_EQ(stored.role, "audit manager");
  EXPECT_EQ(stored.answers, sent.answers);
  EXPECT_FALSE(stored.invitation_id) << "an anonymous survey's response must not name its invitation";
  EXPECT_TRUE(store().survey_invitation(hash_of('a'))->used);

  // The second use of the link fails and writes nothing.
  EXPECT_ERROR(store().submit_survey_response(hash_of('a'), answers("Poor"), actor()), ErrorCode::conflict);
  EXPECT_EQ(store().survey_responses(survey)->size(), 1U);
  auto response_log = store().audit_log("survey_response", 10);
  ASSERT_OK(response_log);
  ASSERT_EQ(response_log->size(), 1U);
  EXPECT_EQ((*response_log)[0].actor, "survey link");
  EXPECT_THAT((*response_log)[0].after, Not(HasSubstr("ann@example.nhs.uk")));
  // Only the invitation's creation is logged: an entry for its use would tie it to the response.
  EXPECT_EQ(store().audit_log("survey_invitation", 10)->size(), 1U);

  EXPECT_ERROR(store().submit_survey_response(hash_of('z'), answers("Poor"), actor()), ErrorCode::not_found);
}

TEST_P(StoreContract, ANamedSurveyResponseNamesItsInvitation) {
  const auto survey = add_survey(store(), false);
  auto ids = store().add_survey_invitations({invitation(survey, 'a', "ann@example.nhs.uk")}, actor());
  ASSERT_OK(ids);
  ASSERT_OK(store().submit_survey_response(hash_of('a'), answers("Poor"), actor()));
  auto responses = store().survey_responses(survey);
  ASSERT_OK(responses);
  ASSERT_EQ(responses->size(), 1U);
  EXPECT_EQ((*responses)[0].invitation_id, (*ids)[0]);
  auto log = store().audit_log("survey_invitation", 10);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 2U);
  EXPECT_EQ((*log)[0].action, "update");
  EXPECT_EQ(nlohmann::json::parse((*log)[0].after).at("used"), true) << (*log)[0].after;
  reopen();
  EXPECT_EQ(store().survey_responses(survey)->at(0).invitation_id, (*ids)[0]);
}

TEST_P(StoreContract, ConcurrentAnswersThroughOneLinkLandOnce) {
  constexpr int kThreads = 6;
  const auto survey = add_survey(store(), true);
  ASSERT_OK(store().add_survey_invitations({invitation(survey, 'a', "ann")}, actor()));
  std::atomic<int> saved{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      auto result = store().submit_survey_response(hash_of('a'), answers("Good"), actor());
      if (result) {
        ++saved;
      } else if (result.error().code == ErrorCode::conflict) {
        ++conflicts;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(saved.load(), 1);
  EXPECT_EQ(conflicts.load(), kThreads - 1);
  EXPECT_EQ(store().survey_responses(survey)->size(), 1U);
  EXPECT_EQ(store().audit_log("survey_response", 10)->size(), 1U);
}

}  // namespace
}  // namespace clinaudit::contract
