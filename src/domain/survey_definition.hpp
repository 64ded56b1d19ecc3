#pragma once

#include <string>
#include <vector>

#include "domain/survey.hpp"

namespace clinaudit::domain {

// Checks a survey definition before it is stored (docs/surveys.md, "Defining a survey").
// Returns every problem found, each naming the question (by position, from 1, and code)
// and the field, e.g. "question 2 ('board'): field 'options': a single_choice question needs
// at least two options"; empty when the survey can be stored.
// The rules: a title; at least one question; each question has a code of letters, digits
// and '_' that starts with a letter and is unique in the survey (it names the CSV column
// and the form field), a text, and options that fit its kind: two or more distinct,
// non-empty options for single_choice, multiple_choice and likert (no ';' in a
// multiple-choice option, since stored answers are separated by ';'), none for number and
// free_text. Pure; thread-safe.
std::vector<std::string> survey_definition_problems(const Survey& survey);

}  // namespace clinaudit::domain
