#include "domain/survey_answers.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace clinaudit::domain {
namespace {

std::string_view trimmed(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// Well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t point = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      point = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      point = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      point = c & 0x07U;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0U) != 0x80U) return false;
      point = (point << 6U) | (next & 0x3FU);
    }
    if ((length == 3 && (point < 0x800 || (point >= 0xD800 && point <= 0xDFFF))) ||
        (length == 4 && (point < 0x10000 || point > 0x10FFFF))) {
      return false;
    }
    i += length;
  }
  return true;
}

std::string quoted(std::string_view value) {
  constexpr std::size_t kShown = 40;
  std::string out(value.substr(0, kShown));
  if (value.size() > kShown) out += "...";
  return "'" + out + "'";
}

bool is_number(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

CheckedAnswers check_answers(const Survey& survey, const SubmittedAnswers& submitted) {
  CheckedAnswers out;
  for (const SurveyQuestion& question : survey.questions) {
    const auto found = submitted.find(question.code);
    if (found == submitted.end()) continue;
    std::vector<std::string_view> values;
    for (const auto& value : found->second) {
      if (!trimmed(value).empty()) values.push_back(question.kind == QuestionKind::free_text ? trimmed(value) : value);
    }
    if (values.empty()) continue;  // skipped
    const auto problem = [&](std::string message) { out.problems.push_back({question.code, std::move(message)}); };
    const auto is_option = [&](std::string_view value) {
      return std::find(question.options.begin(), question.options.end(), value) != question.options.end();
    };
    switch (question.kind) {
      case QuestionKind::single_choice:
      case QuestionKind::likert:
        if (values.size() > 1) {
          problem("choose one answer only");
        } else if (!is_option(values.front())) {
          problem(quoted(values.front()) + " is not one of the answers to choose from");
        } else {
          out.answers.emplace_back(question.code, std::string(values.front()));
        }
        break;
      case QuestionKind::multiple_choice: {
        const auto unknown = std::find_if(values.begin(), values.end(), [&](auto v) { return !is_option(v); });
        if (unknown != values.end()) {
          problem(quoted(*unknown) + " is not one of the answers to choose from");
          break;
        }
        std::string stored;
        for (const auto& option : question.options) {
          if (std::find(values.begin(), values.end(), option) != values.end()) {
            stored += (stored.empty() ? "" : ";") + option;
          }
        }
        out.answers.emplace_back(question.code, std::move(stored));
        break;
      }
      case QuestionKind::number:
        if (values.size() > 1) {
          problem("give one number only");
        } else if (!is_number(trimmed(values.front()))) {
          problem(quoted(values.front()) + " is not a number: write digits, for example 12 or 2.5");
        } else {
          out.answers.emplace_back(question.code, std::string(trimmed(values.front())));
        }
        break;
      case QuestionKind::free_text:
        if (values.size() > 1) {
          problem("give one answer only");
        } else if (!valid_utf8(values.front())) {
          problem("the answer holds characters that are not valid text");
        } else if (values.front().size() > kMaxFreeTextAnswer) {
          problem("the answer is too long: at most " + std::to_string(kMaxFreeTextAnswer) + " characters");
        } else {
          out.answers.emplace_back(question.code, std::string(values.front()));
        }
        break;
    }
  }
  return out;
}

Result<SurveyLink> open_survey_link(Store& store, std::string_view token_hash) {
  CLINAUDIT_TRY(auto invitation, store.survey_invitation(token_hash));
  if (invitation.used) return Error{ErrorCode::conflict, "this survey link has already been used to answer"};
  CLINAUDIT_TRY(auto survey, store.survey(invitation.survey_id));
  return SurveyLink{std::move(invitation), std::move(survey)};
}

Result<SurveyAnswerOutcome> answer_survey(Store& store, std::string_view token_hash, const SubmittedAnswers& submitted,
                                          const Actor& actor) {
  CLINAUDIT_TRY(auto link, open_survey_link(store, token_hash));
  SurveyAnswerOutcome outcome;
  outcome.checked = check_answers(link.survey, submitted);
  outcome.survey = std::move(link.survey);
  if (!outcome.checked.problems.empty()) return outcome;
  SurveyResponse response;
  response.survey_id = outcome.survey.id;
  response.answers = outcome.checked.answers;
  CLINAUDIT_TRY(auto id, store.submit_survey_response(token_hash, response, actor));
  outcome.response_id = id;
  return outcome;
}

}  // namespace clinaudit::domain
