// Every Store operation round-trips: what is written reads back field for field.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

Date day(const char* text) { return *Date::parse(text); }

TEST_P(StoreContract, OrganisationsRoundTripAndUpdate) {
  domain::Organisation a{{}, "RXX", "Riverside Hospitals NHS Trust", domain::OrganisationType::acute, "London"};
  domain::Organisation b{{}, "RMH", "Moorside Mental Health", domain::OrganisationType::mental_health, "North"};
  auto ids = store().add_organisations({a, b}, actor());
  ASSERT_OK(ids);
  ASSERT_EQ(ids->size(), 2U);
  auto read = store().organisation((*ids)[1]);
  ASSERT_OK(read);
  EXPECT_EQ(read->code, "RMH");
  EXPECT_EQ(read->name, "Moorside Mental Health");
  EXPECT_EQ(read->type, domain::OrganisationType::mental_health);
  EXPECT_EQ(read->region, "North");
  auto by_code = store().organisation_by_code("RXX");
  ASSERT_OK(by_code);
  EXPECT_EQ(by_code->id, (*ids)[0]);
  auto all = store().organisations();
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].code, "RMH");  // ordered by code

  domain::Organisation changed = *read;
  changed.name = "Moorside Mental Health NHS Foundation Trust";
  changed.type = domain::OrganisationType::community;
  ASSERT_OK(store().update_organisation(changed, actor()));
  auto again = store().organisation(changed.id);
  ASSERT_OK(again);
  EXPECT_EQ(again->name, changed.name);
  EXPECT_EQ(again->type, domain::OrganisationType::community);
}

TEST_P(StoreContract, UsersAndSessionsRoundTrip) {
  const auto trust = add_organisation("RXX");
  domain::User user{{},    "lead@riverside.nhs.uk", "Dr A Lead", domain::Role::clinical_lead,
                    trust, "$argon2id$hash",        true};
  auto id = store().add_user(user, actor());
  ASSERT_OK(id);
  auto read = store().user(*id);
  ASSERT_OK(read);
  EXPECT_EQ(read->email, user.email);
  EXPECT_EQ(read->display_name, user.display_name);
  EXPECT_EQ(read->role, domain::Role::clinical_lead);
  EXPECT_EQ(read->organisation_id, trust);
  EXPECT_EQ(read->password_hash, "$argon2id$hash");
  EXPECT_TRUE(read->active);
  auto by_email = store().user_by_email("lead@riverside.nhs.uk");
  ASSERT_OK(by_email);
  EXPECT_EQ(by_email->id, *id);

  domain::User changed = *read;
  changed.active = false;
  changed.role = domain::Role::read_only;
  changed.password_hash = "$argon2id$other";
  ASSERT_OK(store().update_user(changed, actor()));
  auto again = store().user(*id);
  ASSERT_OK(again);
  EXPECT_FALSE(again->active);
  EXPECT_EQ(again->role, domain::Role::read_only);
  EXPECT_EQ(again->password_hash, "$argon2id$other");

  const auto other = add_organisation("RYY");
  add_user("analyst@national.example", other);
  auto of_trust = store().users(trust);
  ASSERT_OK(of_trust);
  ASSERT_EQ(of_trust->size(), 1U);
  auto everyone = store().users(std::nullopt);
  ASSERT_OK(everyone);
  EXPECT_EQ(everyone->size(), 2U);

  ASSERT_OK(store().create_session({"hash-1", *id, "csrf-1", "2026-11-27T10:00:00Z"}));
  ASSERT_OK(store().create_session({"hash-2", *id, "csrf-2", "2026-11-25T10:00:00Z"}));
  auto session = store().session("hash-1");
  ASSERT_OK(session);
  EXPECT_EQ(session->user_id, *id);
  EXPECT_EQ(session->csrf_token, "csrf-1");
  EXPECT_EQ(session->expires_at, "2026-11-27T10:00:00Z");
  ASSERT_OK(store().delete_sessions_expired_before("2026-11-26T00:00:00Z"));
  EXPECT_ERROR(store().session("hash-2"), ErrorCode::not_found);
  ASSERT_OK(store().session("hash-1"));
  ASSERT_OK(store().delete_session("hash-1"));
  EXPECT_ERROR(store().session("hash-1"), ErrorCode::not_found);
}

TEST_P(StoreContract, AuditsRoundTripAndFilter) {
  const auto trust = add_organisation("RXX");
  const auto national = add_audit("NHFD");
  domain::Audit local;
  local.code = "LA-2025-014";
  local.title = "Consent for elective surgery";
  local.kind = domain::AuditKind::local_audit;
  local.topic = "Surgery";
  local.standards = "GMC consent guidance 2020";
  local.status = domain::AuditStatus::in_progress;
  local.owner = trust;
  local.start_date = day("2025-04-01");
  local.end_date = day("2025-09-30");
  auto ids = store().add_audits({local}, actor());
  ASSERT_OK(ids);
  auto read = store().audit((*ids)[0]);
  ASSERT_OK(read);
  EXPECT_EQ(read->code, local.code);
  EXPECT_EQ(read->title, local.title);
  EXPECT_EQ(read->kind, domain::AuditKind::local_audit);
  EXPECT_EQ(read->topic, "Surgery");
  EXPECT_EQ(read->standards, local.standards);
  EXPECT_EQ(read->status, domain::AuditStatus::in_progress);
  EXPECT_EQ(read->owner, trust);
  EXPECT_FALSE(read->reaudit_of);
  EXPECT_EQ(read->start_date, day("2025-04-01"));
  EXPECT_EQ(read->end_date, day("2025-09-30"));

  domain::Audit reaudit = local;
  reaudit.code = "LA-2026-003";
  reaudit.reaudit_of = (*ids)[0];
  reaudit.status = domain::AuditStatus::planned;
  reaudit.start_date.reset();
  reaudit.end_date.reset();
  auto reaudit_ids = store().add_audits({reaudit}, actor());
  ASSERT_OK(reaudit_ids);
  auto read_reaudit = store().audit_by_code("LA-2026-003");
  ASSERT_OK(read_reaudit);
  EXPECT_EQ(read_reaudit->reaudit_of, (*ids)[0]);
  EXPECT_FALSE(read_reaudit->start_date);

  domain::AuditFilter filter;
  filter.kind = domain::AuditKind::local_audit;
  auto locals = store().audits(filter);
  ASSERT_OK(locals);
  EXPECT_EQ(locals->size(), 2U);
  filter.status = domain::AuditStatus::planned;
  auto planned = store().audits(filter);
  ASSERT_OK(planned);
  ASSERT_EQ(planned->size(), 1U);
  EXPECT_EQ((*planned)[0].code, "LA-2026-003");
  auto all = store().audits({});
  ASSERT_OK(all);
  EXPECT_EQ(all->size(), 3U);
  domain::AuditFilter by_topic;
  by_topic.topic = "Surgery";
  EXPECT_EQ(store().audits(by_topic)->size(), 2U);

  auto national_row = store().audit(national);
  ASSERT_OK(national_row);
  national_row->status = domain::AuditStatus::reported;
  national_row->provider_body = "Royal College of Physicians";
  ASSERT_OK(store().update_audit(*national_row, actor()));
  EXPECT_EQ(store().audit(national)->provider_body, "Royal College of Physicians");
  EXPECT_EQ(store().audit(national)->status, domain::AuditStatus::reported);
}

TEST_P(StoreContract, QualityAccountListAndParticipation) {
  const auto trust = add_organisation("RXX");
  const auto nhfd = add_audit("NHFD");
  const auto ssnap = add_audit("SSNAP");
  const FinancialYear year{2025};
  ASSERT_OK(store().set_qa_list({{nhfd, year, {domain::OrganisationType::acute}},
                                 {ssnap, year, {domain::OrganisationType::acute, domain::OrganisationType::community}}},
                                actor()));
  // Setting an (audit, year) again replaces its entry.
  ASSERT_OK(store().set_qa_list({{nhfd, year, {domain::OrganisationType::specialist}}}, actor()));
  auto list = store().qa_list(year);
  ASSERT_OK(list);
  ASSERT_EQ(list->size(), 2U);
  EXPECT_EQ((*list)[0].audit_id, nhfd);
  EXPECT_EQ((*list)[0].eligible_types, std::set{domain::OrganisationType::specialist});
  EXPECT_EQ((*list)[1].eligible_types.size(), 2U);
  EXPECT_TRUE(store().qa_list(FinancialYear{2024})->empty());

  domain::Participation row;
  row.organisation_id = trust;
  row.audit_id = nhfd;
  row.year = year;
  row.eligible = true;
  row.participating = false;
  row.reason_not_participating = "No orthogeriatric service";
  ASSERT_OK(store().upsert_participation({row}, actor()));
  auto of_trust = store().participation_of(trust, year);
  ASSERT_OK(of_trust);
  ASSERT_EQ(of_trust->size(), 1U);
  EXPECT_EQ((*of_trust)[0].eligible, true);
  EXPECT_EQ((*of_trust)[0].participating, false);
  EXPECT_EQ((*of_trust)[0].reason_not_participating, "No orthogeriatric service");
  EXPECT_FALSE((*of_trust)[0].data_collection_completed);
  EXPECT_FALSE((*of_trust)[0].cases_submitted);

  row.participating = true;
  row.reason_not_participating.clear();
  row.data_collection_completed = true;
  row.cases_submitted = 45;
  row.cases_required = 60;
  ASSERT_OK(store().upsert_participation({row}, actor()));
  auto in_audit = store().participation_in(nhfd, year);
  ASSERT_OK(in_audit);
  ASSERT_EQ(in_audit->size(), 1U);
  EXPECT_EQ((*in_audit)[0].participating, true);
  EXPECT_EQ((*in_audit)[0].cases_submitted, 45);
  EXPECT_EQ((*in_audit)[0].cases_required, 60);
  EXPECT_DOUBLE_EQ(*(*in_audit)[0].case_ascertainment(), 0.75);
  EXPECT_TRUE(store().participation_of(trust, FinancialYear{2024})->empty());
}

TEST_P(StoreContract, MeasureKeepsWhereItsValuesComeFrom) {
  const auto audit = add_audit("NELA");
  domain::Measure measure;
  measure.audit_id = audit;
  measure.code = "mort30";
  measure.name = "Risk-adjusted 30-day mortality";
  measure.type = domain::MeasureType::ratio;
  measure.improvement = domain::Improvement::decrease;
  measure.unit = "observed / expected";
  measure.source = domain::MeasureSource::episode_model_ratio;
  measure.outcome_column = "died30";
  measure.formula = "died30 ~ I((age - 68) / 10) + factor(asa_grade)";
  auto id = store().add_measure(measure, actor());
  ASSERT_OK(id);
  auto read = store().measure(*id);
  ASSERT_OK(read);
  EXPECT_EQ(read->source, domain::MeasureSource::episode_model_ratio);
  EXPECT_EQ(read->unit, "observed / expected");
  EXPECT_EQ(read->outcome_column, "died30");
  EXPECT_EQ(read->formula, measure.formula);
  EXPECT_TRUE(read->expected_column.empty());

  domain::Measure by_column = measure;
  by_column.code = "mort30-ppossum";
  by_column.source = domain::MeasureSource::episode_expected_column;
  by_column.formula.clear();
  by_column.expected_column = "ppossum_risk";
  ASSERT_OK(store().add_measure(by_column, actor()));
  EXPECT_EQ(store().measures_of(audit)->at(1).expected_column, "ppossum_risk");

  domain::Measure no_formula = measure;
  no_formula.code = "mort90";
  no_formula.formula.clear();
  auto refused = store().add_measure(no_formula, actor());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_NE(refused.error().message.find("formula"), std::string::npos) << refused.error().message;

  domain::Measure share_as_ratio = measure;
  share_as_ratio.code = "died-share";
  share_as_ratio.source = domain::MeasureSource::episode_proportion;
  share_as_ratio.formula.clear();
  EXPECT_EQ(store().add_measure(share_as_ratio, actor()).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(store().measures_of(audit)->size(), 2U);
}

TEST_P(StoreContract, MeasuresAndResultsRoundTripInOrder) {
  const auto a = add_organisation("RAA");
  const auto b = add_organisation("RBB");
  const auto audit = add_audit("NHFD");
  domain::Measure measure{.audit_id = audit,
                          .code = "mort30",
                          .name = "30-day mortality",
                          .type = domain::MeasureType::ratio,
                          .improvement = domain::Improvement::decrease,
                          .target = std::nullopt,
                          .rate_multiplier = 1.0};
  auto id = store().add_measure(measure, actor());
  ASSERT_OK(id);
  auto read = store().measure(*id);
  ASSERT_OK(read);
  EXPECT_EQ(read->code, "mort30");
  EXPECT_EQ(read->type, domain::MeasureType::ratio);
  EXPECT_EQ(read->improvement, domain::Improvement::decrease);
  EXPECT_FALSE(read->target);
  const auto second = add_measure(audit, "delirium");
  auto of_audit = store().measures_of(audit);
  ASSERT_OK(of_audit);
  ASSERT_EQ(of_audit->size(), 2U);
  EXPECT_EQ(store().measure(second)->target, 0.9);

  auto result = [&](OrganisationId org, const char* start, const char* end, double observed) {
    domain::MeasureResult row;
    row.measure_id = *id;
    row.organisation_id = org;
    row.period_start = day(start);
    row.period_end = day(end);
    row.numerator = observed;
    row.expected = 10.5;
    row.published = org == a;
    return row;
  };
  ASSERT_OK(store().add_results({result(b, "2025-04-01", "2025-06-30", 12), result(a, "2025-04-01", "2025-06-30", 8),
                                 result(a, "2024-04-01", "2024-06-30", 9)},
                                actor()));
  auto all = store().results_of(*id, std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ((*all)[0].period_start, day("2024-04-01"));
  EXPECT_EQ((*all)[1].organisation_id, a);
  EXPECT_EQ((*all)[2].organisation_id, b);
  EXPECT_EQ((*all)[2].numerator, 12.0);
  EXPECT_EQ((*all)[2].expected, 10.5);
  EXPECT_FALSE((*all)[2].denominator);
  EXPECT_FALSE((*all)[2].value);
  EXPECT_FALSE((*all)[2].published);
  EXPECT_TRUE((*all)[1].published);
  auto of_b = store().results_of(*id, b);
  ASSERT_OK(of_b);
  EXPECT_EQ(of_b->size(), 1U);
}

TEST_P(StoreContract, ReviewsActionsAndBoardMeetingsRoundTrip) {
  const auto trust = add_organisation("RXX");
  const auto audit = add_audit("NELA");
  const auto owner = add_user("owner@riverside.nhs.uk", trust);
  domain::ReportReview review{{}, audit, trust, "NELA ninth patient report", day("2025-10-09"), std::nullopt, "",
                              "", {},    ""};
  auto review_id = store().add_report_review(review, actor());
  ASSERT_OK(review_id);
  review.id = *review_id;
  review.reviewed_on = day("2025-11-20");
  review.committee = "Quality Committee";
  review.intended_actions = "Consultant-led review of all high-risk laparotomies";
  ASSERT_OK(store().update_report_review(review, actor()));
  auto reviews = store().report_reviews(trust);
  ASSERT_OK(reviews);
  ASSERT_EQ(reviews->size(), 1U);
  EXPECT_EQ((*reviews)[0].reviewed_on, day("2025-11-20"));
  EXPECT_EQ((*reviews)[0].committee, "Quality Committee");
  EXPECT_EQ((*reviews)[0].published_on, day("2025-10-09"));

  domain::Action action;
  action.organisation_id = trust;
  action.audit_id = audit;
  action.title = "Introduce risk scoring before laparotomy";
  action.owner = owner;
  action.due_on = day("2026-03-31");
  action.source = domain::ActionSource::report_review;
  action.source_id = review_id->value;
  auto action_id = store().add_action(action, actor());
  ASSERT_OK(action_id);
  auto read = store().action(*action_id);
  ASSERT_OK(read);
  EXPECT_EQ(read->title, action.title);
  EXPECT_EQ(read->owner, owner);
  EXPECT_EQ(read->due_on, day("2026-03-31"));
  EXPECT_EQ(read->status, domain::ActionStatus::open);
  EXPECT_EQ(read->source, domain::ActionSource::report_review);
  EXPECT_EQ(read->source_id, review_id->value);
  EXPECT_FALSE(read->completed_on);
  read->status = domain::ActionStatus::completed;
  read->completed_on = day("2026-02-01");
  read->evidence = "Audit of 40 cases: 95% scored";
  ASSERT_OK(store().update_action(*read, actor()));
  auto actions = store().actions(trust);
  ASSERT_OK(actions);
  ASSERT_EQ(actions->size(), 1U);
  EXPECT_EQ((*actions)[0].status, domain::ActionStatus::completed);
  EXPECT_EQ((*actions)[0].completed_on, day("2026-02-01"));
  EXPECT_EQ((*actions)[0].evidence, "Audit of 40 cases: 95% scored");

  domain::BoardMeeting meeting{{}, trust, "Trust Board", day("2025-12-04")};
  std::vector<domain::BoardItem> items{
      {0, {}, domain::BoardItemKind::report_review, review_id->value, "NELA report", "Noted; actions approved"},
      {0, {}, domain::BoardItemKind::other, 0, "Audit programme", ""}};
  auto meeting_id =
      store().add_board_meeting({.meeting = meeting, .items = items, .actions = {}, .reviewed_reports = {}}, actor());
  ASSERT_OK(meeting_id);
  auto meetings = store().board_meetings(trust);
  ASSERT_OK(meetings);
  ASSERT_EQ(meetings->size(), 1U);
  EXPECT_EQ((*meetings)[0].committee, "Trust Board");
  EXPECT_EQ((*meetings)[0].held_on, day("2025-12-04"));
  auto read_items = store().board_items(*meeting_id);
  ASSERT_OK(read_items);
  ASSERT_EQ(read_items->size(), 2U);
  EXPECT_EQ((*read_items)[0].kind, domain::BoardItemKind::report_review);
  EXPECT_EQ((*read_items)[0].ref_id, review_id->value);
  EXPECT_EQ((*read_items)[0].decision, "Noted; actions approved");
  EXPECT_EQ((*read_items)[0].meeting_id, *meeting_id);
}

TEST_P(StoreContract, OutlierCasesAndEventsRoundTrip) {
  const auto trust = add_organisation("RXX");
  const auto audit = add_audit("NHFD");
  const auto measure = add_measure(audit, "mort30");
  const auto lead = add_user("lead@riverside.nhs.uk", trust);
  domain::OutlierCase row;
  row.audit_id = audit;
  row.measure_id = measure;
  row.organisation_id = trust;
  row.period = "2024/25";
  row.level = domain::OutlierLevel::alarm;
  row.value = 1.42;
  row.limit = 1.31;
  row.stage = "data_check";
  row.opened_on = day("2025-07-01");
  row.stage_due_on = day("2025-07-15");
  auto id = store().add_outlier_case(row, actor());
  ASSERT_OK(id);
  auto read = store().outlier_case(*id);
  ASSERT_OK(read);
  EXPECT_EQ(read->level, domain::OutlierLevel::alarm);
  EXPECT_TRUE(read->high);
  EXPECT_TRUE(read->unfavourable);
  EXPECT_DOUBLE_EQ(read->value, 1.42);
  EXPECT_DOUBLE_EQ(read->limit, 1.31);
  EXPECT_EQ(read->stage_due_on, day("2025-07-15"));
  EXPECT_EQ(read->status, domain::OutlierStatus::open);

  read->stage = "lead_clinician_informed";
  read->status = domain::OutlierStatus::confirmed;
  read->stage_due_on = day("2025-07-22");
  ASSERT_OK(store().update_outlier_case(
      *read, {0, *id, "lead_clinician_informed", "Letter sent to lead clinician", lead, "2025-07-14T09:30:00Z"},
      actor()));
  auto events = store().outlier_events(*id);
  ASSERT_OK(events);
  ASSERT_EQ(events->size(), 1U);
  EXPECT_EQ((*events)[0].what, "Letter sent to lead clinician");
  EXPECT_EQ((*events)[0].by, lead);
  EXPECT_EQ((*events)[0].at, "2025-07-14T09:30:00Z");
  EXPECT_EQ(store().outlier_case(*id)->status, domain::OutlierStatus::confirmed);
  EXPECT_EQ(store().outlier_cases(trust, std::nullopt)->size(), 1U);
  EXPECT_EQ(store().outlier_cases(std::nullopt, audit)->size(), 1U);
  EXPECT_EQ(store().outlier_cases(std::nullopt, std::nullopt)->size(), 1U);
  EXPECT_TRUE(store().outlier_cases(OrganisationId{trust.value + 1000}, std::nullopt)->empty());
}

TEST_P(StoreContract, SurveysAndResponsesRoundTrip) {
  domain::Survey survey;
  survey.title = "Survey of clinical audit managers";
  survey.wave = "2025";
  survey.anonymous = true;
  survey.questions = {{0,
                       "board_interaction",
                       "How is board interaction with audit?",
                       domain::QuestionKind::likert,
                       {"poor", "needs improvement", "good", "excellent"}},
                      {0, "comments", "Anything else?", domain::QuestionKind::free_text, {}}};
  auto id = store().add_survey(survey, actor());
  ASSERT_OK(id);
  auto read = store().survey(*id);
  ASSERT_OK(read);
  EXPECT_EQ(read->title, survey.title);
  EXPECT_EQ(read->wave, "2025");
  ASSERT_EQ(read->questions.size(), 2U);
  EXPECT_EQ(read->questions[0].code, "board_interaction");
  EXPECT_EQ(read->questions[0].kind, domain::QuestionKind::likert);
  EXPECT_EQ(read->questions[0].options, survey.questions[0].options);
  EXPECT_TRUE(read->questions[1].options.empty());
  EXPECT_EQ(store().surveys()->size(), 1U);

  domain::SurveyResponse response;
  response.survey_id = *id;
  response.organisation_type = domain::OrganisationType::mental_health;
  response.region = "London";
  response.role = "audit manager";
  response.answers = {{"board_interaction", "poor"}, {"comments", "Board time is short; \"audit\" comes last"}};
  domain::SurveyResponse blank;
  blank.survey_id = *id;
  ASSERT_OK(store().add_survey_responses({response, blank}, actor()));
  auto responses = store().survey_responses(*id);
  ASSERT_OK(responses);
  ASSERT_EQ(responses->size(), 2U);
  EXPECT_EQ((*responses)[0].organisation_type, domain::OrganisationType::mental_health);
  EXPECT_EQ((*responses)[0].answers, response.answers);
  EXPECT_FALSE((*responses)[1].organisation_type);
  EXPECT_TRUE((*responses)[1].answers.empty());
}

TEST_P(StoreContract, CommittedDataSurvivesReopening) {
  add_organisation("RXX");
  add_audit("NHFD");
  reopen();
  ASSERT_OK(store().organisation_by_code("RXX"));
  ASSERT_OK(store().audit_by_code("NHFD"));
}

}  // namespace
}  // namespace clinaudit::contract
