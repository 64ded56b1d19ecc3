#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/survey.hpp"

namespace clinaudit::cli {

// A survey definition file read for `clinaudit survey create` (docs/surveys.md,
// "Defining a survey"): `survey` holds what could be read and `problems` every problem
// found, each naming the question and the field. The survey may be stored only when
// `problems` is empty.
struct SurveyFile {
  domain::Survey survey;
  std::vector<std::string> problems;
};

// Reads the JSON text of a definition: an object with title (text), wave (text, optional),
// anonymous (true or false, optional, default true) and questions (an array of objects
// with code, text, kind and options). Unknown fields are problems (a misspelt "option"
// must not be silently ignored). The structure is checked first; when it is sound, the
// survey's rules (domain::survey_definition_problems) are checked too. Never throws.
SurveyFile read_survey_file(std::string_view json_text);

}  // namespace clinaudit::cli
