#include "http/survey_links.hpp"

#include "platform/random_token.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {

namespace {

// 256 bits, as for session tokens: far beyond guessing, even with many links outstanding.
constexpr std::size_t kTokenBytes = 32;

}  // namespace

std::string survey_link_hash(std::string_view token) { return platform::sha256_hex(token); }

Result<std::vector<IssuedSurveyLink>> issue_survey_links(domain::Store& store, SurveyId survey,
                                                         std::vector<domain::SurveyInvitation> invitees,
                                                         const domain::Actor& actor) {
  if (invitees.empty()) return Error{ErrorCode::invalid_input, "there is nobody to invite"};
  std::vector<IssuedSurveyLink> links;
  links.reserve(invitees.size());
  for (auto& invitee : invitees) {
    auto token = platform::random_hex(kTokenBytes);
    if (!token) return token.error();
    invitee.survey_id = survey;
    invitee.token_hash = survey_link_hash(*token);
    invitee.used = false;
    links.push_back(IssuedSurveyLink{std::move(invitee), std::move(*token)});
  }
  std::vector<domain::SurveyInvitation> rows;
  rows.reserve(links.size());
  for (const auto& link : links) rows.push_back(link.invitation);
  auto ids = store.add_survey_invitations(rows, actor);
  if (!ids) return ids.error();
  for (std::size_t i = 0; i < links.size(); ++i) links[i].invitation.id = (*ids)[i];
  return links;
}

std::string survey_link_url(std::string_view base_url, std::string_view token) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  return std::string(base_url) + "/respond/" + std::string(token);
}

}  // namespace clinaudit::http
