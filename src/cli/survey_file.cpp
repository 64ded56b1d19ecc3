#include "cli/survey_file.hpp"

#include <nlohmann/json.hpp>

#include <set>

#include "domain/survey_definition.hpp"

namespace clinaudit::cli {

namespace {

using nlohmann::json;

constexpr std::string_view kKinds = "single_choice, multiple_choice, likert, number or free_text";

// The value of `name` in `object` as text; a problem when it is present but not text, or
// missing and `required`.
std::string text_field(const json& object, const char* name, bool required, const std::string& where,
                       std::vector<std::string>& problems) {
  const auto found = object.find(name);
  if (found == object.end()) {
    if (required) problems.push_back(where + "field '" + name + "' is missing");
    return {};
  }
  if (!found->is_string()) {
    problems.push_back(where + "field '" + name + "' must be text in double quotes");
    return {};
  }
  return found->get<std::string>();
}

void unknown_fields(const json& object, const std::set<std::string>& known, const std::string& where,
                    std::vector<std::string>& problems) {
  for (const auto& [key, value] : object.items()) {
    if (!known.contains(key)) problems.push_back(where + "field '" + key + "' is not a known field");
  }
}

domain::SurveyQuestion read_question(const json& item, std::size_t number, std::vector<std::string>& problems) {
  domain::SurveyQuestion question;
  std::string where = "question " + std::to_string(number);
  if (!item.is_object()) {
    problems.push_back(where + ": must be an object with code, text, kind and options");
    return question;
  }
  if (const auto code = item.find("code"); code != item.end() && code->is_string()) {
    where += " ('" + code->get<std::string>() + "')";
  }
  where += ": ";
  unknown_fields(item, {"code", "text", "kind", "options"}, where, problems);
  question.code = text_field(item, "code", true, where, problems);
  question.text = text_field(item, "text", true, where, problems);
  const auto kind_text = text_field(item, "kind", true, where, problems);
  if (!kind_text.empty()) {
    if (const auto kind = domain::parse_question_kind(kind_text)) {
      question.kind = *kind;
    } else {
      problems.push_back(where + "field 'kind': '" + kind_text + "' is not a question kind (expected " +
                         std::string(kKinds) + ")");
    }
  } else if (item.contains("kind") && item["kind"].is_string()) {
    problems.push_back(where + "field 'kind' is empty (expected " + std::string(kKinds) + ")");
  }
  if (const auto options = item.find("options"); options != item.end()) {
    if (!options->is_array()) {
      problems.push_back(where + "field 'options' must be an array of texts, e.g. [\"Yes\", \"No\"]");
    } else {
      for (std::size_t i = 0; i < options->size(); ++i) {
        const auto& option = (*options)[i];
        if (option.is_string()) {
          question.options.push_back(option.get<std::string>());
        } else {
          problems.push_back(where + "field 'options': option " + std::to_string(i + 1) + " must be text");
        }
      }
    }
  }
  return question;
}

}  // namespace

SurveyFile read_survey_file(std::string_view json_text) {
  SurveyFile out;
  json document;
  try {
    document = json::parse(json_text);
  } catch (const json::exception& e) {  // a parse error, or a number too large to hold (1e999)
    // e.what() says where: "... parse error at line 3, column 5: ...".
    out.problems.push_back(std::string("not valid JSON: ") + e.what());
    return out;
  }
  if (!document.is_object()) {
    out.problems.emplace_back("the file must hold one JSON object: {\"title\": ..., \"questions\": [...]}");
    return out;
  }
  unknown_fields(document, {"title", "wave", "anonymous", "questions"}, "", out.problems);
  out.survey.title = text_field(document, "title", true, "", out.problems);
  out.survey.wave = text_field(document, "wave", false, "", out.problems);
  if (const auto anonymous = document.find("anonymous"); anonymous != document.end()) {
    if (anonymous->is_boolean()) {
      out.survey.anonymous = anonymous->get<bool>();
    } else {
      out.problems.emplace_back("field 'anonymous' must be true or false (without quotes)");
    }
  }
  const auto questions = document.find("questions");
  if (questions == document.end()) {
    out.problems.emplace_back("field 'questions' is missing");
  } else if (!questions->is_array()) {
    out.problems.emplace_back("field 'questions' must be an array of question objects");
  } else {
    for (std::size_t i = 0; i < questions->size(); ++i) {
      out.survey.questions.push_back(read_question((*questions)[i], i + 1, out.problems));
    }
  }
  if (out.problems.empty()) out.problems = domain::survey_definition_problems(out.survey);
  return out;
}

}  // namespace clinaudit::cli
