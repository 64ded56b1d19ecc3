#include "demo/governance.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "demo/catalogue.hpp"

namespace clinaudit::demo {
namespace {

const domain::Actor kDemoActor{std::nullopt, "demo"};

Date months_from(Date date, int months) {
  int month = static_cast<int>(date.month()) - 1 + months;
  int year = date.year() + month / 12;
  month %= 12;
  if (month < 0) {
    month += 12;
    --year;
  }
  const Month target{year, static_cast<unsigned>(month + 1)};
  const unsigned day = std::min(date.day(), target.last_day().day());
  return *Date::from_ymd(year, target.month, day);
}

// The first weekday `iso_weekday` (1 = Monday) on or after `date`.
Date next_weekday(Date date, unsigned iso_weekday) {
  while (date.iso_weekday() != iso_weekday) date = date.plus_days(1);
  return date;
}

constexpr const char* kNotTakingPart[] = {
    "No eligible patients in the data collection period",
    "Service not provided at this organisation during the year",
    "Data collection paused: clinical audit facilitator post vacant",
};

}  // namespace

Result<void> add_demo_participation(domain::Store& store, const DemoGovernanceContext& context, DemoRandom& random) {
  const auto national = demo_national_audits();
  std::vector<domain::Participation> rows;
  for (std::size_t y = 0; y < context.years.size(); ++y) {
    const FinancialYear year = context.years[y];
    const bool current = y + 1 == context.years.size();
    for (const auto& [code, organisation] : context.organisations) {
      if (organisation.type == domain::OrganisationType::national_body) continue;
      for (const auto& entry : national) {
        if (static_cast<int>(y) < entry.first_year_offset || !entry.eligible_types.contains(organisation.type))
          continue;
        const bool home = code == kDemoHomeTrust;
        // The home trust's current year is still being recorded: these show as gaps.
        if (home && current && entry.audit.code == "NAIF") continue;
        domain::Participation row;
        row.organisation_id = organisation.id;
        row.audit_id = context.audits.at(entry.audit.code);
        row.year = year;
        row.eligible = true;
        if (home && current && entry.audit.code == "NACEL") {
          rows.push_back(row);  // eligibility recorded, participation not yet
          continue;
        }
        const bool takes_part = home ? entry.audit.code != "NNAP" || y != 0 : random.chance(0.95);
        row.participating = takes_part;
        if (!takes_part) {
          row.reason_not_participating = kNotTakingPart[random.between(0, 2)];
          rows.push_back(row);
          continue;
        }
        row.data_collection_completed = !current;
        const auto audit_cases = context.cases.find(entry.audit.code);
        if (audit_cases != context.cases.end()) {
          const auto& by_year = audit_cases->second.at(organisation.id.value);
          const auto counts = by_year.find(year.start_year);
          if (counts != by_year.end()) {
            row.cases_submitted = counts->second.first;
            row.cases_required = std::max<std::int64_t>(counts->second.first, std::llround(counts->second.second));
          }
        } else {
          const std::int64_t required = random.between(30, 420);
          const double share = code == kDemoLowAscertainmentProvider ? 0.5 : 0.8 + 0.2 * random.uniform();
          row.cases_required = required;
          row.cases_submitted = std::llround(static_cast<double>(required) * (current ? share * 0.6 : share));
        }
        rows.push_back(row);
      }
    }
  }
  return store.upsert_participation(rows, kDemoActor);
}

namespace {

struct LocalAudit {
  const char* code;
  const char* title;
  const char* topic;
  domain::AuditStatus status;
  int start_offset_months;  // relative to as_of
  int numerator;            // compliance result; denominator 0 when there is none yet
  int denominator;
  const char* reaudit_of;  // code of the audit it repeats, or nullptr
};

struct LocalAction {
  const char* audit_code;
  const char* title;
  const char* owner;
  int due_offset_days;  // relative to as_of
  domain::ActionStatus status;
  int completed_offset_days;  // relative to as_of, when completed
  const char* evidence;
  const char* reaudit_code;  // the re-audit planned from this action
};

}  // namespace

Result<void> add_demo_local_audits(domain::Store& store, const DemoGovernanceContext& context, DemoRandom& /*random*/) {
  const domain::Organisation& home = context.organisations.at(kDemoHomeTrust);
  const LocalAudit audits[] = {
      {"LA-SEPSIS-1", "Sepsis screening and antibiotics within one hour in the emergency department",
       "Emergency medicine", domain::AuditStatus::closed, -20, 62, 100, nullptr},
      {"LA-SEPSIS-2", "Re-audit: sepsis screening and antibiotics within one hour", "Emergency medicine",
       domain::AuditStatus::reported, -6, 102, 120, "LA-SEPSIS-1"},
      {"LA-VTE-1", "VTE risk assessment within 14 hours of admission", "Medicine", domain::AuditStatus::closed, -16, 91,
       100, nullptr},
      {"LA-VTE-2", "Re-audit: VTE risk assessment within 14 hours of admission", "Medicine",
       domain::AuditStatus::reported, -4, 78, 100, "LA-VTE-1"},
      {"LA-ABX-1", "Antibiotic prescriptions with an indication and a review date", "Pharmacy",
       domain::AuditStatus::reported, -9, 140, 200, nullptr},
      {"LA-CONSENT-1", "Consent documentation for elective surgery", "Surgery", domain::AuditStatus::in_progress, -2, 0,
       0, nullptr},
      {"LA-FALLS-1", "Falls risk assessment on admission to older people's wards", "Older people",
       domain::AuditStatus::planned, 1, 0, 0, nullptr},
  };
  std::map<std::string, AuditId> ids;
  for (const auto& local : audits) {
    domain::Audit audit;
    audit.code = local.code;
    audit.title = local.title;
    audit.kind = domain::AuditKind::local_audit;
    audit.topic = local.topic;
    audit.standards = "Trust policy and NICE guidance for " + std::string(local.topic);
    audit.status = local.status;
    audit.owner = home.id;
    if (local.reaudit_of != nullptr) audit.reaudit_of = ids.at(local.reaudit_of);
    audit.start_date = months_from(context.as_of, local.start_offset_months);
    audit.end_date = months_from(context.as_of, local.start_offset_months + 2);
    const auto id = store.add_audits({audit}, kDemoActor);
    if (!id) return id.error();
    ids[local.code] = id->front();
    if (local.denominator == 0) continue;
    domain::Measure measure;
    measure.audit_id = id->front();
    measure.code = "compliance";
    measure.name = "Patients whose care met the standard";
    measure.type = domain::MeasureType::proportion;
    measure.improvement = domain::Improvement::increase;
    measure.target = 0.95;
    const auto measure_id = store.add_measure(measure, kDemoActor);
    if (!measure_id) return measure_id.error();
    domain::MeasureResult result;
    result.measure_id = *measure_id;
    result.organisation_id = home.id;
    result.period_start = *audit.start_date;
    result.period_end = *audit.end_date;
    result.numerator = local.numerator;
    result.denominator = local.denominator;
    result.published = true;
    const auto added = store.add_results({result}, kDemoActor);
    if (!added) return added.error();
  }

  const auto lead = store.user_by_email("clinical.lead@riverside.example");
  const LocalAction actions[] = {
      {"LA-SEPSIS-1", "Add the sepsis screening tool to the emergency department triage form",
       "Dr Amira Patel, ED clinical lead", -500, domain::ActionStatus::completed, -510,
       "Triage form v4 live since go-live", nullptr},
      {"LA-SEPSIS-1", "Sepsis teaching for every emergency department nurse", "Senior nurse educator, ED", -480,
       domain::ActionStatus::completed, -430, "Training record: 96% of ED nurses", nullptr},
      {"LA-SEPSIS-1", "Re-audit sepsis screening after twelve months", "Clinical audit team", -170,
       domain::ActionStatus::completed, -175, "Re-audit completed", "LA-SEPSIS-2"},
      {"LA-VTE-1", "Return the VTE prompt to the electronic admission clerking", "Dr Tom Hughes, thrombosis lead", -30,
       domain::ActionStatus::open, 0, "", nullptr},
      {"LA-VTE-2", "Report the fall in VTE assessment to the Quality Committee", "Clinical audit manager", -10,
       domain::ActionStatus::in_progress, 0, "", nullptr},
      {"LA-ABX-1", "Weekly antimicrobial stewardship ward rounds on medical wards", "Consultant microbiologist", 60,
       domain::ActionStatus::in_progress, 0, "", nullptr},
      {"LA-ABX-1", "Update the antibiotic prescribing policy to require a review date", "Chief pharmacist", -14,
       domain::ActionStatus::open, 0, "", nullptr},
      {"LA-ABX-1", "Add indication and review date fields to electronic prescribing",
       "Chief clinical information officer", -90, domain::ActionStatus::completed, -60, "Change request 2231 deployed",
       nullptr},
  };
  for (const auto& local : actions) {
    domain::Action action;
    action.organisation_id = home.id;
    action.audit_id = ids.at(local.audit_code);
    action.title = local.title;
    action.owner_name = local.owner;
    if (lead && std::string(local.owner).starts_with("Dr Amira")) action.owner = lead->id;
    action.due_on = context.as_of.plus_days(local.due_offset_days);
    action.status = local.status;
    action.evidence = local.evidence;
    if (local.status == domain::ActionStatus::completed)
      action.completed_on = context.as_of.plus_days(local.completed_offset_days);
    action.source = domain::ActionSource::audit_recommendation;
    if (local.reaudit_code != nullptr) action.reaudit_id = ids.at(local.reaudit_code);
    const auto added = store.add_action(action, kDemoActor);
    if (!added) return added.error();
    if (std::string_view(local.audit_code) == "LA-VTE-2") {
      // Its history: the due date moved once, with the reason, and a progress note.
      action.id = *added;
      domain::ActionEvent moved;
      moved.kind = domain::ActionEventKind::due_date_changed;
      moved.at = context.as_of.plus_days(-45).to_string() + "T11:20:00Z";
      moved.by_name = "Clinical audit manager";
      moved.from = context.as_of.plus_days(-40).to_string();
      moved.to = action.due_on.to_string();
      moved.note = "The Quality Committee meeting moved by a month";
      const auto recorded = store.record_action_event(action, moved, kDemoActor);
      if (!recorded) return recorded.error();
      domain::ActionEvent note;
      note.kind = domain::ActionEventKind::note;
      note.at = context.as_of.plus_days(-20).to_string() + "T09:30:00Z";
      note.by_name = "Clinical audit manager";
      note.note = "Paper drafted; on the agenda of the next Quality Committee";
      const auto noted = store.record_action_event(action, note, kDemoActor);
      if (!noted) return noted.error();
    }
  }
  return {};
}

Result<void> add_demo_board_and_reviews(domain::Store& store, const DemoGovernanceContext& context) {
  const domain::Organisation& home = context.organisations.at(kDemoHomeTrust);
  struct Review {
    const char* audit;
    const char* title;
    int published_months_ago;
    int reviewed_months_ago;  // -1: not yet reviewed
    const char* committee;
    const char* actions;
    const char* link;
    std::vector<std::string> recommendations;
  };
  const Review reviews[] = {
      {"MBRRACE",
       "MBRRACE-UK Perinatal Mortality Surveillance Report",
       13,
       11,
       "Quality Committee",
       "Review every term stillbirth with the perinatal mortality review tool within 4 months",
       "https://www.npeu.ox.ac.uk/mbrrace-uk/reports",
       {"Review every perinatal death with the national Perinatal Mortality Review Tool",
        "Offer bereaved parents the chance to contribute to the review"}},
      {"NHFD",
       "National Hip Fracture Database annual report",
       9,
       7,
       "Quality Committee",
       "Orthogeriatrician review within 72 hours for every patient; weekend physiotherapy cover",
       "https://www.nhfd.co.uk/",
       {"Every patient to be reviewed by an orthogeriatrician within 72 hours of admission",
        "Patients to get out of bed by the day after surgery"}},
      {"SSNAP",
       "Sentinel Stroke National Audit Programme annual report",
       8,
       6,
       "Trust Board",
       "Direct admission to the stroke unit within 4 hours: pre-alert pathway with the ambulance service",
       "https://www.strokeaudit.org/",
       {"Admit patients directly to a stroke unit within 4 hours of arrival"}},
      {"NELA",
       "National Emergency Laparotomy Audit annual report",
       6,
       4,
       "Quality Committee",
       "Consultant surgeon and anaesthetist present in theatre for every high-risk laparotomy",
       "https://www.nela.org.uk/",
       {"A consultant surgeon and consultant anaesthetist to be present for every high-risk laparotomy",
        "Assess every patient's risk before surgery and record it"}},
      {"NCEPOD",
       "NCEPOD: Testing times (endoscopy)",
       5,
       1,
       "Quality Committee",
       "Local gap analysis against the eleven recommendations",
       "https://www.ncepod.org.uk/",
       {"Agree local standards for the time from referral to endoscopy"}},
      {"NACAP",
       "National Asthma and COPD Audit Programme: secondary care report",
       2,
       -1,
       "",
       "",
       "https://www.rcp.ac.uk/improving-care/national-clinical-audits/",
       {"Give every patient admitted with COPD a discharge bundle"}},
  };
  for (const auto& item : reviews) {
    // The national body publishes the report for everyone; the trust reviews it.
    domain::AuditReport report;
    report.audit_id = context.audits.at(item.audit);
    report.title = item.title;
    report.published_on = months_from(context.as_of, -item.published_months_ago);
    report.link = item.link;
    for (const auto& text : item.recommendations) {
      report.recommendations.push_back({static_cast<int>(report.recommendations.size()) + 1, text});
    }
    const auto report_ids = store.add_audit_reports({report}, kDemoActor);
    if (!report_ids) return report_ids.error();
    domain::ReportReview review;
    review.report_id = report_ids->front();
    review.audit_id = report.audit_id;
    review.organisation_id = home.id;
    review.report_title = item.title;
    review.published_on = report.published_on;
    if (item.reviewed_months_ago >= 0) review.reviewed_on = months_from(context.as_of, -item.reviewed_months_ago);
    review.committee = item.committee;
    review.intended_actions = item.actions;
    const auto id = store.add_report_review(review, kDemoActor);
    if (!id) return id.error();
    if (!review.reviewed_on) continue;
    domain::BoardMeeting meeting;
    meeting.organisation_id = home.id;
    meeting.committee = item.committee;
    meeting.held_on = *review.reviewed_on;
    domain::BoardItem presented;
    presented.kind = domain::BoardItemKind::report_review;
    presented.ref_id = id->value;
    presented.title = item.title;
    presented.decision = std::string("Report received. Agreed: ") + item.actions;
    const auto added = store.add_board_meeting(
        {.meeting = meeting, .items = {presented}, .actions = {}, .reviewed_reports = {}}, kDemoActor);
    if (!added) return added.error();
  }
  // Monthly Trust Board on the first Thursday, for the past year and the next meeting.
  for (int m = -11; m <= 1; ++m) {
    const Date first = Month::of(months_from(context.as_of, m)).first_day();
    domain::BoardMeeting meeting;
    meeting.organisation_id = home.id;
    meeting.committee = "Trust Board";
    meeting.held_on = next_weekday(first, 4);
    std::vector<domain::BoardItem> items;
    if (meeting.held_on < context.as_of) {
      domain::BoardItem report;
      report.kind = domain::BoardItemKind::measure;
      report.title = "Integrated quality report";
      report.decision = m == -1 ? "Concern noted on VTE assessment; assurance requested from the Medical Director"
                                : "Received; assurance taken on the audit programme";
      items.push_back(report);
    }
    const auto added = store.add_board_meeting(
        {.meeting = meeting, .items = items, .actions = {}, .reviewed_reports = {}}, kDemoActor);
    if (!added) return added.error();
  }
  return {};
}

namespace {

// `count` answers: each option repeated as many times as asked, then shuffled.
std::vector<std::string> answers(const std::vector<std::pair<std::string, int>>& counts, DemoRandom& random) {
  std::vector<std::string> out;
  for (const auto& [option, n] : counts) out.insert(out.end(), static_cast<std::size_t>(n), option);
  for (std::size_t i = out.size(); i > 1; --i) {
    std::swap(out[i - 1], out[static_cast<std::size_t>(random.uniform() * static_cast<double>(i))]);
  }
  return out;
}

struct Wave {
  std::string wave;
  int acute, mental_health, primary_care;
  std::vector<std::pair<std::string, int>> interaction, engagement, more_audit, implementation;
};

}  // namespace

Result<void> add_demo_surveys(domain::Store& store, const DemoGovernanceContext& context, DemoRandom& random) {
  const std::vector<std::string> yes_no{"Yes", "No", "Don't know"};
  const int year = context.as_of.year();
  // Wave 1 reproduces the published survey of 110 audit managers: 62% said board interaction with
  // audit was poor or needed improvement; 45% said engagement had increased; 60% saw more audit;
  // 67% said implementation of audit had improved.
  const Wave waves[] = {
      {std::to_string(year - 1),
       60,
       30,
       20,
       {{"Good", 16}, {"Adequate", 26}, {"Needs improvement", 40}, {"Poor", 28}},
       {{"Yes", 50}, {"No", 42}, {"Don't know", 18}},
       {{"Yes", 66}, {"No", 34}, {"Don't know", 10}},
       {{"Yes", 74}, {"No", 26}, {"Don't know", 10}}},
      {std::to_string(year),
       56,
       30,
       18,
       {{"Good", 22}, {"Adequate", 32}, {"Needs improvement", 32}, {"Poor", 18}},
       {{"Yes", 55}, {"No", 35}, {"Don't know", 14}},
       {{"Yes", 65}, {"No", 30}, {"Don't know", 9}},
       {{"Yes", 74}, {"No", 22}, {"Don't know", 8}}},
  };
  const char* comments[] = {"The board only sees audit when something has gone wrong.",
                            "Our quality committee now reviews every national report.",
                            "Re-audit is rarely funded, so we cannot show improvement.",
                            "Non-executive directors ask good questions about case ascertainment."};
  for (const auto& wave : waves) {
    domain::Survey survey;
    survey.title = "Survey of clinical audit managers: board engagement with clinical audit";
    survey.wave = wave.wave;
    survey.anonymous = true;
    survey.questions = {
        {0,
         "board_interaction",
         "How would you describe the board's interaction with clinical audit?",
         domain::QuestionKind::likert,
         {"Poor", "Needs improvement", "Adequate", "Good"}},
        {0, "engagement_increased", "Has board engagement with clinical audit increased in the past year?",
         domain::QuestionKind::single_choice, yes_no},
        {0, "more_audit", "Have you seen more clinical audit in your organisation in the past year?",
         domain::QuestionKind::single_choice, yes_no},
        {0, "implementation_improved", "Has the implementation of audit recommendations improved?",
         domain::QuestionKind::single_choice, yes_no},
        {0, "comments", "Anything else you would like to tell us?", domain::QuestionKind::free_text, {}},
    };
    const auto id = store.add_survey(survey, kDemoActor);
    if (!id) return id.error();
    const auto interaction = answers(wave.interaction, random);
    const auto engagement = answers(wave.engagement, random);
    const auto more_audit = answers(wave.more_audit, random);
    const auto implementation = answers(wave.implementation, random);
    std::vector<domain::SurveyResponse> responses;
    const int total = wave.acute + wave.mental_health + wave.primary_care;
    for (int i = 0; i < total; ++i) {
      domain::SurveyResponse response;
      response.survey_id = *id;
      response.organisation_type = i < wave.acute                        ? domain::OrganisationType::acute
                                   : i < wave.acute + wave.mental_health ? domain::OrganisationType::mental_health
                                                                         : domain::OrganisationType::primary_care;
      response.role = "Clinical audit manager";
      const auto k = static_cast<std::size_t>(i);
      response.answers = {{"board_interaction", interaction[k]},
                          {"engagement_increased", engagement[k]},
                          {"more_audit", more_audit[k]},
                          {"implementation_improved", implementation[k]}};
      if (i % 27 == 3) response.answers.emplace_back("comments", comments[(i / 27) % 4]);
      responses.push_back(std::move(response));
    }
    const auto added = store.add_survey_responses(responses, kDemoActor);
    if (!added) return added.error();
  }
  return {};
}

}  // namespace clinaudit::demo
