// The survey-responses import kind: one row per respondent, one column per question
// (docs/csv-import.md, "survey-responses").
#include <algorithm>

#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kOrganisationType, kRegion, kRole };

// The option `text` names, in the survey's own spelling; nullptr when none matches.
const std::string* find_option(const domain::SurveyQuestion& question, std::string_view text) {
  const std::string wanted = normalise_name(text);
  const auto found = std::find_if(question.options.begin(), question.options.end(),
                                  [&](const std::string& option) { return normalise_name(option) == wanted; });
  return found == question.options.end() ? nullptr : &*found;
}

std::string options_list(const domain::SurveyQuestion& question) {
  std::string list;
  for (const auto& option : question.options) list += (list.empty() ? "" : ", ") + option;
  return list;
}

// The answer in its stored form, or nullopt after reporting why it does not fit.
std::optional<std::string> answer(RowReader& rows, const std::string& column, const domain::SurveyQuestion& question,
                                  std::string_view text) {
  using domain::QuestionKind;
  switch (question.kind) {
    case QuestionKind::single_choice:
    case QuestionKind::likert:
      if (const auto* option = find_option(question, text)) return *option;
      rows.row_problem(column, text, "is not one of the answers (expected one of: " + options_list(question) + ")");
      return std::nullopt;
    case QuestionKind::multiple_choice: {
      std::string stored;
      while (!text.empty()) {
        const auto end = text.find(';');
        auto item = text.substr(0, end);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) {
          const auto* option = find_option(question, item);
          if (option == nullptr) {
            rows.row_problem(column, text,
                             "names '" + printable(item) + "', which is not one of the answers (expected some of: " +
                                 options_list(question) + ", separated by ';')");
            return std::nullopt;
          }
          stored += (stored.empty() ? "" : ";") + *option;
        }
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
      }
      return stored;
    }
    case QuestionKind::number:
      if (parse_decimal_cell(text)) return std::string(text);
      rows.row_problem(column, text, "is not a number (expected e.g. 12 or 0.25)");
      return std::nullopt;
    case QuestionKind::free_text: return std::string(text);
  }
  return std::nullopt;
}

}  // namespace

Validated<domain::SurveyResponse> validate_survey_responses(std::istream& input, const domain::Survey& survey,
                                                            const ValidationOptions& options) {
  Validated<domain::SurveyResponse> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input, {{"organisation_type", false, "trust_type type"}, {"region", false}, {"role", false}},
                 out.report, RowReader::Extra::keep);
  // Each extra column must name a question.
  std::vector<const domain::SurveyQuestion*> questions;
  for (const auto& name : rows.extra_names()) {
    const std::string key = normalise_name(name);
    const auto found = std::find_if(survey.questions.begin(), survey.questions.end(),
                                    [&](const domain::SurveyQuestion& q) { return normalise_name(q.code) == key; });
    if (found == survey.questions.end()) {
      std::string codes;
      for (const auto& q : survey.questions) codes += (codes.empty() ? "" : ", ") + q.code;
      out.report.add(1, name, "is not a question of survey '" + survey.title + "' (its question codes: " + codes + ")");
      questions.push_back(nullptr);
    } else {
      questions.push_back(&*found);
    }
  }
  while (rows.next()) {
    domain::SurveyResponse response;
    response.survey_id = survey.id;
    if (const auto type = rows.text(kOrganisationType)) {
      response.organisation_type = domain::parse_organisation_type(*type);
      if (!response.organisation_type) {
        rows.problem(kOrganisationType,
                     "is not an organisation type (expected acute, mental_health, community, ambulance, "
                     "primary_care, specialist)");
      }
    }
    if (const auto region = rows.text(kRegion)) response.region = *region;
    if (const auto role = rows.text(kRole)) response.role = *role;
    for (std::size_t i = 0; i < questions.size(); ++i) {
      const auto text = rows.extra_cell(i);
      if (questions[i] == nullptr || text.empty()) continue;  // no answer
      if (auto stored = answer(rows, rows.extra_names()[i], *questions[i], text)) {
        response.answers.emplace_back(questions[i]->code, std::move(*stored));
      }
    }
    if (rows.row_ok()) out.records.push_back(std::move(response));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
