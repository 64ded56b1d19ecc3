#include "ingest/import_validators.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clinaudit::ingest {
namespace {

References known() {
  References refs;
  refs.add_organisation({OrganisationId{1}, "RXA", "Alpha Hospitals NHS Trust", domain::OrganisationType::acute, ""});
  refs.add_organisation({OrganisationId{2}, "RXB", "Beta Mental Health", domain::OrganisationType::mental_health, ""});
  domain::Audit nhfd;
  nhfd.id = AuditId{10};
  nhfd.code = "NHFD";
  nhfd.kind = domain::AuditKind::national_clinical_audit;
  refs.add_audit(nhfd);
  domain::Audit local;
  local.id = AuditId{11};
  local.code = "LA-1";
  local.kind = domain::AuditKind::local_audit;
  refs.add_audit(local);
  refs.add_measure(domain::Measure{.id = MeasureId{20},
                                   .audit_id = AuditId{10},
                                   .code = "mort30",
                                   .name = "30-day mortality",
                                   .type = domain::MeasureType::ratio,
                                   .improvement = domain::Improvement::decrease,
                                   .target = std::nullopt,
                                   .rate_multiplier = 1.0});
  refs.add_measure(domain::Measure{.id = MeasureId{21},
                                   .audit_id = AuditId{10},
                                   .code = "surgery36",
                                   .name = "Surgery within 36 h",
                                   .type = domain::MeasureType::proportion,
                                   .improvement = domain::Improvement::increase,
                                   .target = 0.8,
                                   .rate_multiplier = 1.0});
  return refs;
}

template <typename Validate>
auto run(Validate validate, const std::string& text) {
  std::istringstream input(text);
  return validate(input, known(), ValidationOptions{});
}

TEST(ValidateOrganisations, ReadsGoodRowsAndRefusesDuplicates) {
  const auto out = run(validate_organisations,
                       "code,name,type,region\n"
                       "rxc,Gamma Community,Community,London\n"
                       "RXA,Alpha again,acute,\n"
                       "RXC,Gamma twice,community,\n"
                       "RXD,Delta,hospital,\n"
                       "R X E,Epsilon,acute,\n");
  EXPECT_EQ(out.rows, 5);
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].code, "RXC");
  EXPECT_EQ(out.records[0].type, domain::OrganisationType::community);
  EXPECT_EQ(out.report.to_text(),
            "row 3, column 'code': 'RXA' is already an organisation (Alpha Hospitals NHS Trust); codes must be unique\n"
            "row 4, column 'code': 'RXC' repeats an organisation code already given on row 2\n"
            "row 5, column 'type': 'hospital' is not an organisation type (expected acute, mental_health, "
            "community, ambulance, primary_care, specialist or national_body)\n"
            "row 6, column 'code': 'R X E' is not a code (expected letters, digits and - _ . / only, no spaces)\n");
}

TEST(ValidateAudits, NeedsAnOwnerForLocalAuditsAndOrderedDates) {
  const auto out = run(validate_audits,
                       "code,title,kind,owner_code,reaudit_of,start_date,end_date,status\n"
                       "LA-2,Consent audit,local,RXA,LA-1,01/04/2025,31/03/2026,in progress\n"
                       "LA-3,Falls audit,local,,,,,\n"
                       "SSNAP,Stroke,NCA,,,2025-04-01,2025-03-01,\n"
                       "LA-4,Re-audit,local,RXA,NOPE,,,\n");
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].owner->value, 1);
  EXPECT_EQ(out.records[0].reaudit_of->value, 11);
  EXPECT_EQ(out.records[0].status, domain::AuditStatus::in_progress);
  EXPECT_EQ(out.records[0].start_date->to_string(), "2025-04-01");
  EXPECT_EQ(out.report.to_text(),
            "row 3, column 'owner_code': is empty but a local audit needs the code of the organisation that owns "
            "it\n"
            "row 4, column 'end_date': '2025-03-01' is before the start date 2025-04-01\n"
            "row 5, column 'reaudit_of': 'NOPE' is not a known audit\n");
}

TEST(ValidateQaList, ReadsTypeListsAndRefusesLocalAudits) {
  const auto out = run(validate_qa_list,
                       "audit_code,year,eligible_types\n"
                       "NHFD,2025/26,acute; Mental health\n"
                       "NHFD,2024/25,all\n"
                       "LA-1,2025/26,acute\n"
                       "NHFD,2025-26,acute\n"
                       "NHFD,2023/24,hospitals\n");
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0].eligible_types,
            (std::set{domain::OrganisationType::acute, domain::OrganisationType::mental_health}));
  EXPECT_EQ(out.records[1].eligible_types.size(), 6u);
  EXPECT_EQ(out.report.problems().size(), 3u);
  EXPECT_EQ(out.report.problems()[0].to_string(),
            "row 4, column 'audit_code': 'LA-1' is a local audit; the Quality Account list holds national audits "
            "only");
  EXPECT_EQ(out.report.problems()[1].to_string(),
            "row 5, column 'audit_code': 'NHFD' repeats audit NHFD in 2025/26, already given on row 2");
  EXPECT_EQ(out.report.problems()[2].row, 6);
}

TEST(ValidateParticipation, KeepsUnknownsEmptyAndChecksCounts) {
  const auto out = run(validate_participation,
                       "Organisation Code,Audit Code,Year,Eligible,Participating,Reason not participating,"
                       "Cases submitted,Cases required\n"
                       "RXA,NHFD,2025/26,yes,yes,,\"1,020\",1100\n"
                       "RXB,NHFD,2025/26,,,,,\n"
                       "RZZ,NHFD,2025/26,yes,no,No surgeon,,\n"
                       "RXA,NHFD,2025/26,yes,yes,,12,-4\n"
                       "RXB,NHFD,2024/25,yes,Y,Too busy,,\n");
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(*out.records[0].cases_submitted, 1020);
  EXPECT_NEAR(*out.records[0].case_ascertainment(), 1020.0 / 1100.0, 1e-12);
  EXPECT_FALSE(out.records[1].eligible.has_value());
  EXPECT_EQ(out.report.to_text(),
            "row 4, column 'Organisation Code': 'RZZ' is not a known organisation\n"
            "row 5, column 'Cases required': '-4' is negative (expected a count of 0 or more)\n"
            "row 5, column 'Organisation Code': 'RXA' repeats the participation of RXA in NHFD for 2025/26, "
            "already given on row 2\n"
            "row 6, column 'Reason not participating': 'Too busy' gives a reason for not participating, but "
            "participating is yes\n");
}

TEST(ValidateResults, ChecksTheFiguresEachMeasureTypeNeeds) {
  const auto out = run(validate_results,
                       "audit_code,measure_code,organisation_code,period,numerator,denominator,expected,value\n"
                       "NHFD,mort30,RXA,2024/25,12,,10.5,\n"
                       "NHFD,surgery36,RXA,2024-03,40,50,,\n"
                       "NHFD,surgery36,RXB,2024-03,60,50,,\n"
                       "NHFD,mort30,RXB,2024/25,12,,,\n"
                       "NHFD,los,RXB,2024/25,1,2,,\n"
                       "NHFD,surgery36,RXA,2024-03,41,50,,\n"
                       "NHFD,surgery36,RXB,Q1,1,2,,\n");
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0].period_start.to_string(), "2024-04-01");
  EXPECT_EQ(out.records[0].period_end.to_string(), "2025-03-31");
  EXPECT_EQ(out.records[1].period_end.to_string(), "2024-03-31");
  EXPECT_EQ(out.report.to_text(),
            "row 4, column 'numerator': '60' is more than the denominator 50 (a proportion cannot exceed 1)\n"
            "row 5, column 'expected': is empty but measure mort30 is a ratio and needs it\n"
            "row 6, column 'measure_code': 'los' is not a measure of audit NHFD\n"
            "row 7, column 'organisation_code': 'RXA' repeats the result of RXA for surgery36 from 2024-03-01 to "
            "2024-03-31, already given on row 3\n"
            "row 8, column 'period': 'Q1' is not a period (expected a financial year 2024/25, a month 2024-03 or a "
            "year 2024)\n");
}

TEST(ValidateResults, NeedsAPeriodColumn) {
  const auto out = run(validate_results, "audit_code,measure_code,organisation_code,value\n");
  EXPECT_EQ(out.report.problems().at(0).column, "period");
}

TEST(ValidateSurveyResponses, MatchesAnswersToTheQuestions) {
  domain::Survey survey;
  survey.id = SurveyId{3};
  survey.title = "Audit staff 2025";
  survey.questions = {
      {1,
       "board_interaction",
       "How is board interaction?",
       domain::QuestionKind::likert,
       {"Poor", "Needs improvement", "Good", "Excellent"}},
      {2, "tools", "Which tools?", domain::QuestionKind::multiple_choice, {"Excel", "R", "clinaudit"}},
      {3, "staff", "How many staff?", domain::QuestionKind::number, {}},
      {4, "comments", "Anything else?", domain::QuestionKind::free_text, {}},
  };
  std::istringstream input(
      "organisation_type,board_interaction,tools,staff,comments,mood\n"
      "Acute,needs improvement,excel; R,3,\"Fine, thanks\",\n"
      "acute,Terrible,,x,,happy\n");
  const auto out = validate_survey_responses(input, survey);
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(out.records[0].organisation_type, domain::OrganisationType::acute);
  EXPECT_EQ(out.records[0].answers,
            (std::vector<std::pair<std::string, std::string>>{{"board_interaction", "Needs improvement"},
                                                              {"tools", "Excel;R"},
                                                              {"staff", "3"},
                                                              {"comments", "Fine, thanks"}}));
  EXPECT_EQ(out.report.to_text(),
            "row 1, column 'mood': is not a question of survey 'Audit staff 2025' (its question codes: "
            "board_interaction, tools, staff, comments)\n"
            "row 3, column 'board_interaction': 'Terrible' is not one of the answers (expected one of: Poor, Needs "
            "improvement, Good, Excellent)\n"
            "row 3, column 'staff': 'x' is not a number (expected e.g. 12 or 0.25)\n");
}

TEST(Validators, StopListingAtTheCapButCountEveryProblem) {
  std::string text = "code,name,type\n";
  for (int i = 0; i < 250; ++i) text += "X" + std::to_string(i) + ",Name,unknown\n";
  std::istringstream input(text);
  const auto out = validate_organisations(input, known(), ValidationOptions{10});
  EXPECT_EQ(out.report.problems().size(), 10u);
  EXPECT_EQ(out.report.total(), 250);
  EXPECT_NE(out.report.to_text().find("and 240 more problems"), std::string::npos);
}

// Results and participation as one trust (RXA, organisation 1) sends them: its own local
// audit and the national audits exist for it; RXB's local audit does not, and is answered
// exactly as a code that exists nowhere, so a file cannot probe for other trusts' audits.
References seen_by_alpha() {
  References refs = known();
  domain::Audit alpha;
  alpha.id = AuditId{12};
  alpha.code = "LA-A";
  alpha.kind = domain::AuditKind::local_audit;
  alpha.owner = OrganisationId{1};
  refs.add_audit(alpha);
  domain::Audit beta;
  beta.id = AuditId{13};
  beta.code = "LA-B";
  beta.kind = domain::AuditKind::local_audit;
  beta.owner = OrganisationId{2};
  refs.add_audit(beta);
  for (const auto& [id, audit] : {std::pair{22, AuditId{12}}, std::pair{23, AuditId{13}}}) {
    refs.add_measure(domain::Measure{.id = MeasureId{id},
                                     .audit_id = audit,
                                     .code = "consent",
                                     .name = "Consent recorded",
                                     .type = domain::MeasureType::proportion,
                                     .improvement = domain::Improvement::increase,
                                     .target = 0.9,
                                     .rate_multiplier = 1.0});
  }
  refs.see_audits_as(OrganisationId{1});
  return refs;
}

TEST(ValidateResults, AnotherOrganisationsLocalAuditIsUnknownLikeOneThatDoesNotExist) {
  std::istringstream input(
      "audit_code,measure_code,organisation_code,period,numerator,denominator\n"
      "LA-A,consent,RXA,2024/25,8,10\n"
      "LA-B,consent,RXA,2024/25,8,10\n"
      "LA-Z,consent,RXA,2024/25,8,10\n"
      "NHFD,surgery36,RXA,2024/25,8,10\n");
  const auto out = validate_results(input, seen_by_alpha(), ValidationOptions{});
  ASSERT_EQ(out.records.size(), 2u) << out.report.to_text();
  EXPECT_EQ(out.records[0].measure_id, MeasureId{22});
  EXPECT_EQ(out.report.to_text(),
            "row 3, column 'audit_code': 'LA-B' is not a known audit\n"
            "row 4, column 'audit_code': 'LA-Z' is not a known audit\n");
}

TEST(ValidateParticipation, AnotherOrganisationsLocalAuditIsUnknownLikeOneThatDoesNotExist) {
  std::istringstream input(
      "organisation_code,audit_code,year\n"
      "RXA,LA-B,2025/26\n"
      "RXA,LA-Z,2025/26\n"
      "RXA,LA-A,2025/26\n");
  const auto out = validate_participation(input, seen_by_alpha(), ValidationOptions{});
  EXPECT_EQ(out.report.to_text(),
            "row 2, column 'audit_code': 'LA-B' is not a known audit\n"
            "row 3, column 'audit_code': 'LA-Z' is not a known audit\n"
            "row 4, column 'audit_code': 'LA-A' is a local audit; participation is recorded for national audits "
            "only\n");
}

TEST(ValidateResults, OnlyThoseWhoMayPublishMarkResultsPublished) {
  const std::string file =
      "audit_code,measure_code,organisation_code,period,numerator,expected,published\n"
      "NHFD,mort30,RXA,2024/25,12,10.5,no\n"
      "NHFD,mort30,RXA,2023/24,12,10.5,yes\n"
      "NHFD,mort30,RXA,2022/23,12,10.5,\n";
  std::istringstream trust_input(file);
  const auto trust = validate_results(trust_input, known(), ValidationOptions{});
  ASSERT_EQ(trust.report.problems().size(), 1u) << trust.report.to_text();
  EXPECT_EQ(trust.report.problems()[0].row, 3);
  EXPECT_EQ(trust.report.problems()[0].column, "published");
  EXPECT_NE(trust.report.to_text().find("only the national audit's analysts publish results"), std::string::npos)
      << trust.report.to_text();
  ValidationOptions national;
  national.may_publish = true;
  std::istringstream national_input(file);
  const auto published = validate_results(national_input, known(), national);
  ASSERT_TRUE(published.report.clean()) << published.report.to_text();
  ASSERT_EQ(published.records.size(), 3u);
  EXPECT_FALSE(published.records[0].published);
  EXPECT_TRUE(published.records[1].published);
}

}  // namespace
}  // namespace clinaudit::ingest
