#include "domain/survey_definition.hpp"

#include <algorithm>
#include <cctype>

namespace clinaudit::domain {
namespace {

bool has_options(QuestionKind kind) {
  return kind == QuestionKind::single_choice || kind == QuestionKind::multiple_choice || kind == QuestionKind::likert;
}

bool valid_code(const std::string& code) {
  if (code.empty() || std::isalpha(static_cast<unsigned char>(code.front())) == 0) return false;
  return std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isalnum(c) != 0 || c == '_'; });
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace

std::vector<std::string> survey_definition_problems(const Survey& survey) {
  std::vector<std::string> problems;
  if (blank(survey.title)) problems.emplace_back("field 'title' is empty: a survey needs a title");
  if (survey.questions.empty())
    problems.emplace_back("field 'questions' is empty: a survey needs at least one question");
  for (std::size_t i = 0; i < survey.questions.size(); ++i) {
    const SurveyQuestion& question = survey.questions[i];
    std::string where = "question " + std::to_string(i + 1);
    if (!question.code.empty()) where += " ('" + question.code + "')";
    const auto add = [&](const std::string& field, const std::string& message) {
      problems.push_back(where + ": field '" + field + "' " + message);
    };
    if (question.code.empty()) {
      add("code", "is empty");
    } else if (!valid_code(question.code)) {
      add("code", "may hold only letters, digits and '_', and must start with a letter");
    } else {
      for (std::size_t j = 0; j < i; ++j) {
        if (lower(survey.questions[j].code) == lower(question.code)) {
          add("code", "is also the code of question " + std::to_string(j + 1) + " (codes must differ)");
          break;
        }
      }
    }
    if (blank(question.text)) add("text", "is empty");
    const std::string kind(to_string(question.kind));
    if (!has_options(question.kind)) {
      if (!question.options.empty()) add("options", "must be empty for a " + kind + " question");
      continue;
    }
    if (question.options.size() < 2) add("options", "needs at least two options for a " + kind + " question");
    for (std::size_t k = 0; k < question.options.size(); ++k) {
      const std::string& option = question.options[k];
      const std::string which = "option " + std::to_string(k + 1);
      if (blank(option)) {
        add("options", "has an empty " + which);
        continue;
      }
      if (question.kind == QuestionKind::multiple_choice && option.find(';') != std::string::npos) {
        add("options", "has ';' in " + which + " ('" + option + "'): answers are stored separated by ';'");
      }
      for (std::size_t m = 0; m < k; ++m) {
        if (lower(question.options[m]) == lower(option)) {
          add("options",
              "has '" + option + "' twice (options " + std::to_string(m + 1) + " and " + std::to_string(k + 1) + ")");
          break;
        }
      }
    }
  }
  return problems;
}

}  // namespace clinaudit::domain
