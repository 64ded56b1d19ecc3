#include "domain/survey_answers.hpp"
#include "http/app.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"
#include "http/survey_links.hpp"

// The one-time survey links: GET /respond/TOKEN shows the questionnaire, POST saves the
// answers (docs/surveys.md, "Answering"). These routes are public: the unguessable token in
// the path is the capability. That is also why they need no CSRF token: another site cannot
// forge a submission without knowing the token, and anyone who knows it may answer anyway
// (docs/security.md, "Survey links").
namespace clinaudit::http {

namespace {

// A form of a few hundred answers fits many times over; free text is capped at 4000 bytes.
constexpr std::size_t kMaxAnswerFormBytes = std::size_t{256} * 1024;

// The respondent as the audit log names them: no user, and nothing about the invitee.
const domain::Actor kRespondent{std::nullopt, "survey link"};

Route public_page(std::string method, Handler handler) {
  return page_route(std::move(method), std::string(kSurveyLinkPattern), Access::anyone, Permission::view_organisation,
                    std::move(handler));
}

std::string action_of(const Context& c) { return c.request.path; }

// The form's fields q.CODE (one value) and q.CODE.N (the N-th checkbox) by question code.
domain::SubmittedAnswers submitted_answers(const Request& request) {
  domain::SubmittedAnswers out;
  for (const auto& [name, value] : request.fields) {
    if (name.rfind("q.", 0) != 0) continue;
    const std::string rest = name.substr(2);
    out[rest.substr(0, rest.find('.'))].push_back(value);
  }
  return out;
}

std::size_t form_bytes(const Request& request) {
  std::size_t total = request.body.size();
  for (const auto& [name, value] : request.fields) total += name.size() + value.size() + 2;
  return total;
}

// A used link is gone for good (410); an unknown one was never here (404).
Result<Response> closed_link(const Context& c, const Error& error) {
  if (error.code == ErrorCode::conflict) return html_response(pages::survey_link_closed_page(c, error), 410);
  if (error.code == ErrorCode::not_found) return html_response(pages::survey_link_closed_page(c, error), 404);
  return error;
}

}  // namespace

std::vector<Route> survey_link_routes() {
  std::vector<Route> routes;
  routes.push_back(public_page("GET", [](Context& c) -> Result<Response> {
    auto link = domain::open_survey_link(c.store, survey_link_hash(c.request.matches.at(0)));
    if (!link) return closed_link(c, link.error());
    return html_response(pages::survey_form_page(c, link->survey, action_of(c), {}, {}));
  }));
  routes.push_back(public_page("POST", [](Context& c) -> Result<Response> {
    if (form_bytes(c.request) > kMaxAnswerFormBytes) {
      Response response = html_response(
          pages::error_page(c, Error{ErrorCode::invalid_input, "the answers are too long to be saved"}), 413);
      return response;
    }
    const auto submitted = submitted_answers(c.request);
    auto outcome = domain::answer_survey(c.store, survey_link_hash(c.request.matches.at(0)), submitted, kRespondent);
    if (!outcome) return closed_link(c, outcome.error());
    if (!outcome->checked.problems.empty()) {
      return html_response(
          pages::survey_form_page(c, outcome->survey, action_of(c), submitted, outcome->checked.problems), 422);
    }
    return html_response(pages::survey_thanks_page(c, outcome->survey));
  }));
  return routes;
}

}  // namespace clinaudit::http
