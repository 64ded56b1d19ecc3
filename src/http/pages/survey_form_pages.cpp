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
// through `clinaudit survey create`); they are escaped anyway, as all text is.
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

Html question_html(std::size_t number, const domain::SurveyQuestion& question, const domain::SubmittedAnswers& values,
                   const std::string* problem) {
  const std::string id = field_id(question);
  const Html label = html("{}. {}", number, question.text);
  const std::string error_id = id + "-error";
  const Html error = problem == nullptr ? Html()
                                        : html(
                                              "<p class=\"error-message\" id=\"{}\"><span class=\"visually-hidden\">"
                                              "Error:</span> {}</p>",
                                              error_id, *problem);
  const Html described = problem == nullptr ? Html() : html(" aria-describedby=\"{}\"", error_id);
  Html out =
      html("<div class=\"form-group survey-question{}\">", problem == nullptr ? ""_html : " form-group-error"_html);
  switch (question.kind) {
    case QuestionKind::single_choice:
    case QuestionKind::likert:
    case QuestionKind::multiple_choice: {
      const bool many = question.kind == QuestionKind::multiple_choice;
      out += html("<fieldset id=\"{}\"{}><legend>{}</legend>", id, described, label);
      if (many) out += "<p class=\"hint\">Select all that apply.</p>"_html;
      out +=
          html("{}<div class=\"choices{}\">", error, question.kind == QuestionKind::likert ? " scale"_html : ""_html);
      for (std::size_t i = 0; i < question.options.size(); ++i) {
        const std::string& option = question.options[i];
        const std::string option_id = id + "-" + std::to_string(i);
        const std::string name = "q." + question.code + (many ? "." + std::to_string(i) : std::string());
        out += html(
            "<div class=\"choice\"><input type=\"{}\" id=\"{}\" name=\"{}\" value=\"{}\"{}><label "
            "for=\"{}\">{}</label></div>",
            many ? "checkbox" : "radio", option_id, name, option,
            was_given(values, question, option) ? " checked"_html : ""_html, option_id, option);
      }
      out += "</div></fieldset>"_html;
      break;
    }
    case QuestionKind::number:
      out += html(
          "<label for=\"{}\">{}</label><p class=\"hint\" id=\"{}-hint\">A number, for example 12 or 2.5.</p>{}"
          "<input type=\"text\" inputmode=\"decimal\" id=\"{}\" name=\"q.{}\" aria-describedby=\"{}-hint{}\" "
          "value=\"{}\">",
          id, label, id, error, id, question.code, id, problem == nullptr ? std::string() : " " + error_id,
          first_value(values, question));
      break;
    case QuestionKind::free_text:
      out += html(
          "<label for=\"{}\">{}</label>{}<textarea id=\"{}\" name=\"q.{}\" rows=\"5\" maxlength=\"{}\"{}>{}"
          "</textarea>",
          id, label, error, id, question.code, domain::kMaxFreeTextAnswer, described, first_value(values, question));
      break;
  }
  out += "</div>"_html;
  return out;
}

Html heading(const domain::Survey& survey) {
  Html out;
  if (!survey.wave.empty()) out += html("<p class=\"caption muted\">Survey {}</p>", survey.wave);
  out += html("<h1>{}</h1>", survey.title);
  return out;
}

}  // namespace

std::string survey_form_page(const Context& context, const domain::Survey& survey, const std::string& action,
                             const domain::SubmittedAnswers& values,
                             const std::vector<domain::AnswerProblem>& problems) {
  Html body;
  if (!problems.empty()) {
    body +=
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"error-summary-title\">"
        "<h2 id=\"error-summary-title\">There is a problem</h2><ul>"_html;
    for (std::size_t i = 0; i < survey.questions.size(); ++i) {
      const auto& question = survey.questions[i];
      if (const std::string* problem = problem_for(problems, question)) {
        body += html("<li><a href=\"#{}\">Question {}: {}</a></li>", field_id(question), i + 1, *problem);
      }
    }
    body += "</ul></div>"_html;
  }
  body += heading(survey);
  body += "<p class=\"lead\">Answer the questions you can: you may leave any of them out. "_html;
  body += survey.anonymous ? "Your answers are anonymous: they are not stored with your name or email address. "_html
                           : "Your answers are stored with the invitation you received. "_html;
  body += "This link works once: after you send your answers it cannot be used again.</p>"_html;
  body += html("<form method=\"post\" action=\"{}\" class=\"survey-form\" novalidate>", action);
  for (std::size_t i = 0; i < survey.questions.size(); ++i) {
    body += question_html(i + 1, survey.questions[i], values, problem_for(problems, survey.questions[i]));
  }
  body += "<button class=\"button\" type=\"submit\">Send answers</button></form>"_html;
  return page(context, (problems.empty() ? "" : "Error: ") + survey.title, "", body);
}

std::string survey_thanks_page(const Context& context, const domain::Survey& survey) {
  const Html body = html(
      "<div class=\"banner-success\" role=\"status\"><h1>Thank you</h1><p>Your answers to {} have been saved.</p>"
      "</div><p>The link you used is now closed. You can close this page.</p>",
      survey.title);
  return page(context, "Thank you", "", body);
}

std::string survey_link_closed_page(const Context& context, const Error& error) {
  if (error.code == ErrorCode::conflict) {
    const Html body =
        "<h1>This survey has already been answered</h1><p class=\"lead\">The link you followed has been used to send "
        "answers, and each link works only once.</p><p>If you did not send these answers, tell the person who "
        "invited you.</p>"_html;
    return page(context, "Survey already answered", "", body);
  }
  const Html body =
      "<h1>Survey link not found</h1><p class=\"lead\">This survey link is not known. Check that you copied the "
      "whole link from your invitation.</p>"_html;
  return page(context, "Survey link not found", "", body);
}

}  // namespace clinaudit::http::pages
