// libFuzzer target for the import validators. The first byte picks the import kind
// (organisations, audits, qa-list, participation, results, survey-responses, episodes,
// survey invitees, measures as 9); the rest is the CSV file. Any input must give a validation report,
// never a crash; and the report's invariants must hold (problems kept <= cap, every row
// number >= 1, every line printable). Kind 8 is the answers a survey link's form posts
// (one "code=value" per line, checked by domain::check_answers): every answer kept must
// fit its question. Kinds 10 and 11 are published reports and reviews of them, 12 a national
// audit's dataset and 13 a trust's NICE guidance register.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

#include "domain/survey_answers.hpp"
#include "ingest/episode_validator.hpp"
#include "ingest/import_validators.hpp"

namespace {

using namespace clinaudit;

const ingest::References& references() {
  static const ingest::References refs = [] {
    ingest::References r;
    r.add_organisation({OrganisationId{1}, "RXA", "Alpha", domain::OrganisationType::acute, ""});
    r.add_organisation({OrganisationId{2}, "RXB", "Beta", domain::OrganisationType::mental_health, ""});
    domain::Audit national;
    national.id = AuditId{1};
    national.code = "NHFD";
    national.kind = domain::AuditKind::national_clinical_audit;
    r.add_audit(national);
    domain::Audit local;
    local.id = AuditId{2};
    local.code = "LA-1";
    r.add_audit(local);
    r.add_measure(domain::Measure{.id = MeasureId{1},
                                  .audit_id = AuditId{1},
                                  .code = "p",
                                  .name = "",
                                  .type = domain::MeasureType::proportion,
                                  .improvement = domain::Improvement::increase,
                                  .target = std::nullopt,
                                  .rate_multiplier = 1.0});
    r.add_measure(domain::Measure{.id = MeasureId{2},
                                  .audit_id = AuditId{1},
                                  .code = "r",
                                  .name = "",
                                  .type = domain::MeasureType::ratio,
                                  .improvement = domain::Improvement::decrease,
                                  .target = std::nullopt,
                                  .rate_multiplier = 1.0});
    r.add_measure(domain::Measure{.id = MeasureId{3},
                                  .audit_id = AuditId{1},
                                  .code = "c",
                                  .name = "",
                                  .type = domain::MeasureType::continuous,
                                  .improvement = domain::Improvement::neutral,
                                  .target = std::nullopt,
                                  .rate_multiplier = 1.0});
    return r;
  }();
  return refs;
}

const domain::Survey& survey() {
  static const domain::Survey s = [] {
    domain::Survey out;
    out.id = SurveyId{1};
    out.title = "fuzz";
    out.questions = {{1, "q1", "", domain::QuestionKind::likert, {"Poor", "Good"}},
                     {2, "q2", "", domain::QuestionKind::multiple_choice, {"A", "B"}},
                     {3, "q3", "", domain::QuestionKind::number, {}},
                     {4, "q4", "", domain::QuestionKind::free_text, {}}};
    return out;
  }();
  return s;
}

// A trust's register holding NG51, with one lead who may be named and two divisions, one retired.
const ingest::NiceRegisterSetting& nice_register() {
  static const ingest::NiceRegisterSetting s = [] {
    ingest::NiceRegisterSetting out;
    out.organisation = OrganisationId{1};
    domain::NiceGuidance sepsis;
    sepsis.organisation_id = OrganisationId{1};
    sepsis.number = 51;
    sepsis.title = "Sepsis";
    out.existing.push_back(sepsis);
    domain::User lead;
    lead.id = UserId{1};
    lead.email = "lead@rxa.example";
    lead.display_name = "Jane Lead";
    lead.role = domain::Role::clinical_lead;
    lead.organisation_id = OrganisationId{1};
    out.leads.push_back(lead);
    out.divisions.push_back(domain::TrustUnit{TrustUnitId{1}, OrganisationId{1}, std::nullopt, "Medicine", false});
    out.divisions.push_back(domain::TrustUnit{TrustUnitId{2}, OrganisationId{1}, std::nullopt, "Surgery", true});
    return out;
  }();
  return s;
}

void check(const ingest::ValidationReport& report) {
  if (report.problems().size() > report.cap()) __builtin_trap();
  if (report.total() < static_cast<std::int64_t>(report.problems().size())) __builtin_trap();
  for (const auto& problem : report.problems()) {
    if (problem.row < 1) __builtin_trap();
    for (const char c : problem.to_string()) {
      if (static_cast<unsigned char>(c) < 0x20) __builtin_trap();  // escaped for the terminal
    }
  }
  (void)report.to_text();
}

void check_form_answers(const std::string& text) {
  domain::SubmittedAnswers submitted;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const auto equals = line.find('=');
    if (equals != std::string::npos) submitted[line.substr(0, equals)].push_back(line.substr(equals + 1));
  }
  const auto checked = domain::check_answers(survey(), submitted);
  for (const auto& [code, answer] : checked.answers) {
    const domain::SurveyQuestion* question = nullptr;
    for (const auto& q : survey().questions) {
      if (q.code == code) question = &q;
    }
    if (question == nullptr || answer.empty()) __builtin_trap();
    if (question->kind == domain::QuestionKind::likert &&
        std::find(question->options.begin(), question->options.end(), answer) == question->options.end()) {
      __builtin_trap();
    }
    if (answer.size() > domain::kMaxFreeTextAnswer) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int kind = data[0] % 14;
  std::istringstream input(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  const ingest::ValidationOptions options{20};
  switch (kind) {
    case 0: check(ingest::validate_organisations(input, references(), options).report); break;
    case 1: check(ingest::validate_audits(input, references(), options).report); break;
    case 2: check(ingest::validate_qa_list(input, references(), options).report); break;
    case 3: check(ingest::validate_participation(input, references(), options).report); break;
    case 4: check(ingest::validate_results(input, references(), options).report); break;
    case 5: check(ingest::validate_survey_responses(input, survey(), options).report); break;
    case 7: check(ingest::validate_survey_invitees(input, options).report); break;
    case 8: check_form_answers(input.str()); break;
    case 9: check(ingest::validate_measures(input, references(), options).report); break;
    case 10: {
      const auto national = [](const domain::Audit&) { return std::optional<OrganisationId>{}; };
      check(ingest::validate_reports(input, references(), national, {}, options).report);
      break;
    }
    case 11: {
      domain::AuditReport report;
      report.id = AuditReportId{1};
      report.audit_id = AuditId{1};
      report.title = "NHFD annual report";
      report.published_on = Date::from_ymd(2025, 9, 12).value();
      check(ingest::validate_report_reviews(input, references(), {report}, {}, options).report);
      break;
    }
    case 12: check(ingest::validate_dataset(input, references(), options).report); break;
    case 13: {
      const auto validated = ingest::validate_nice_guidance(input, nice_register(), options);
      check(validated.report);
      // Every record is the trust's, and a guidance never holds a label twice.
      for (const auto& guidance : validated.records) {
        if (guidance.organisation_id != OrganisationId{1}) __builtin_trap();
        for (std::size_t i = 0; i < guidance.recommendations.size(); ++i) {
          for (std::size_t j = i + 1; j < guidance.recommendations.size(); ++j) {
            if (guidance.recommendations[i].label == guidance.recommendations[j].label) __builtin_trap();
          }
        }
      }
      break;
    }
    default: {
      ingest::ValidationReport report(20);
      domain::Dataset dataset{AuditId{1},
                              {{"outcome", domain::ValueType::yes_no, true, {}, {}, {}, ""},
                               {"age", domain::ValueType::number, false, 0.0, 120.0, {}, ""},
                               {"sex", domain::ValueType::category, false, {}, {}, {"F", "M"}, ""},
                               {"seen_on", domain::ValueType::date, false, {}, {}, {}, ""}}};
      ingest::EpisodeValidator validator(input, AuditId{1}, std::move(dataset), references(), report, 3);
      domain::EpisodeColumns chunk;
      while (validator.next_chunk(chunk)) {
        if (chunk.size() > 3 || chunk.columns.size() != validator.columns().size()) __builtin_trap();
        for (const auto& column : chunk.columns) {
          if (column.size() != chunk.size()) __builtin_trap();
        }
      }
      check(report);
    }
  }
  return 0;
}
