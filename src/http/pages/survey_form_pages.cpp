// The pages of a one-time survey link (http/survey_routes.cpp): the questionnaire, the
// thank-you page and the page for a link that cannot be used. The respondent has no
// session, so these pages show no navigation; they work without script like every page.
#include <algorithm>

#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

using domain::QuestionKind;

// Ids and names come from question codes (letters, digits and '_' for surveys defined
// through `clinaudit survey create`); they are escaped anyway.
std::string field_id(const domain::SurveyQuestion& question) { return "q-" + question.code; }

const std::string* problem_for(const std::vector<domain::AnswerProblem>& problems,
                               const domain::SurveyQuestion& question) {
  const auto found = std::find_if(problems.begin(), problems.end(),
                                  [&](const domain::AnswerProblem& p) { return p.code == question.code; });
  return found == problems.end() ? nullptr : &found->message;
}

bool was_given(const domain::SubmittedAnswers& values, const domain::SurveyQuestion& question,
               const std::string& option) {
  const auto found = values.find(question.code);
  return found != values.end() && std::find(found->second.begin(), found->second.end(), option) != found->second.end();
}

std::string first_value(const domain::SubmittedAnswers& values, const domain::SurveyQuestion& question) {
  const auto found = values.find(question.code);
  return found == values.end() || found->second.empty() ? std::string() : found->second.front();
}

std::string question_html(std::size_t number, const domain::SurveyQuestion& question,
                          const domain::SubmittedAnswers& values, const std::string* problem) {
  const std::string id = esc(field_id(question));
  const std::string label = std::to_string(number) + ". " + esc(question.text);
  const std::string error_id = id + "-error";
  const std::string error = problem == nullptr
                                ? std::string()
                                : "<p class=\"error-message\" id=\"" + error_id +
                                      "\"><span class=\"visually-hidden\">Error:</span> " + esc(*problem) + "</p>";
  const std::string described = problem == nullptr ? std::string() : " aria-describedby=\"" + error_id + "\"";
  std::string html =
      "<div class=\"form-group survey-question" + std::string(problem == nullptr ? "" : " form-group-error") + "\">";
  switch (question.kind) {
    case QuestionKind::single_choice:
    case QuestionKind::likert:
    case QuestionKind::multiple_choice: {
      const bool many = question.kind == QuestionKind::multiple_choice;
      html += "<fieldset id=\"" + id + "\"" + described + "><legend>" + label + "</legend>";
      if (many) html += "<p class=\"hint\">Select all that apply.</p>";
      html +=
          error + "<div class=\"choices" + std::string(question.kind == QuestionKind::likert ? " scale" : "") + "\">";
      for (std::size_t i = 0; i < question.options.size(); ++i) {
        const std::string& option = question.options[i];
        const std::string option_id = id + "-" + std::to_string(i);
        const std::string name = "q." + question.code + (many ? "." + std::to_string(i) : std::string());
        html += "<div class=\"choice\"><input type=\"" + std::string(many ? "checkbox" : "radio") + "\" id=\"" +
                option_id + "\" name=\"" + esc(name) + "\" value=\"" + esc(option) + "\"" +
                (was_given(values, question, option) ? " checked" : "") + "><label for=\"" + option_id + "\">" +
                esc(option) + "</label></div>";
      }
      html += "</div></fieldset>";
      break;
    }
    case QuestionKind::number:
      html += "<label for=\"" + id + "\">" + label + "</label><p class=\"hint\" id=\"" + id +
              "-hint\">A number, for example 12 or 2.5.</p>" + error +
              "<input type=\"text\" inputmode=\"decimal\" id=\"" + id + "\" name=\"q." + esc(question.code) +
              "\" aria-describedby=\"" + id + "-hint" + (problem == nullptr ? "" : " " + error_id) + "\" value=\"" +
              esc(first_value(values, question)) + "\">";
      break;
    case QuestionKind::free_text:
      html += "<label for=\"" + id + "\">" + label + "</label>" + error + "<textarea id=\"" + id + "\" name=\"q." +
              esc(question.code) + "\" rows=\"5\" maxlength=\"" + std::to_string(domain::kMaxFreeTextAnswer) + "\"" +
              described + ">" + esc(first_value(values, question)) + "</textarea>";
      break;
  }
  return html + "</div>";
}

std::string heading(const domain::Survey& survey) {
  std::string html = "<h1>" + esc(survey.title) + "</h1>";
  if (!survey.wave.empty()) html = "<p class=\"caption muted\">Survey " + esc(survey.wave) + "</p>" + html;
  return html;
}

}  // namespace

std::string survey_form_page(const Context& context, const domain::Survey& survey, const std::string& action,
                             const domain::SubmittedAnswers& values,
                             const std::vector<domain::AnswerProblem>& problems) {
  std::string body;
  if (!problems.empty()) {
    body +=
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">"
        "<h2 id=\"error-summary-title\">There is a problem</h2><ul>";
    for (std::size_t i = 0; i < survey.questions.size(); ++i) {
      const auto& question = survey.questions[i];
      if (const std::string* problem = problem_for(problems, question)) {
        body += "<li><a href=\"#" + esc(field_id(question)) + "\">Question " + std::to_string(i + 1) + ": " +
                esc(*problem) + "</a></li>";
      }
    }
    body += "</ul></div>";
  }
  body += heading(survey);
  body += "<p class=\"lead\">Answer the questions you can: you may leave any of them out. ";
  body += survey.anonymous ? "Your answers are anonymous: they are not stored with your name or email address. "
                           : "Your answers are stored with the invitation you received. ";
  body += "This link works once: after you send your answers it cannot be used again.</p>";
  body += "<form method=\"post\" action=\"" + esc(action) + "\" class=\"survey-form\" novalidate>";
  for (std::size_t i = 0; i < survey.questions.size(); ++i) {
    body += question_html(i + 1, survey.questions[i], values, problem_for(problems, survey.questions[i]));
  }
  body += "<button class=\"button\" type=\"submit\">Send answers</button></form>";
  return page(context, (problems.empty() ? "" : "Error: ") + survey.title, "", body);
}

std::string survey_thanks_page(const Context& context, const domain::Survey& survey) {
  const std::string body =
      "<div class=\"banner-success\" role=\"status\"><h1>Thank you</h1><p>Your answers to " + esc(survey.title) +
      " have been saved.</p></div><p>The link you used is now closed. You can close this page.</p>";
  return page(context, "Thank you", "", body);
}

std::string survey_link_closed_page(const Context& context, const Error& error) {
  std::string body;
  if (error.code == ErrorCode::conflict) {
    body =
        "<h1>This survey has already been answered</h1><p class=\"lead\">The link you followed has been used to send "
        "answers, and each link works only once.</p><p>If you did not send these answers, tell the person who "
        "invited you.</p>";
    return page(context, "Survey already answered", "", body);
  }
  body =
      "<h1>Survey link not found</h1><p class=\"lead\">This survey link is not known. Check that you copied the "
      "whole link from your invitation.</p>";
  return page(context, "Survey link not found", "", body);
}

}  // namespace clinaudit::http::pages
