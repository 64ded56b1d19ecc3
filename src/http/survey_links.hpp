#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "domain/survey.hpp"

// One-time survey links (docs/surveys.md, "Invitations"; docs/security.md). A link is
// /respond/TOKEN where TOKEN is 32 random bytes from the kernel as 64 hex digits (256 bits,
// not guessable); the store holds only the token's SHA-256, so a copy of the database holds
// no usable link. The link is the respondent's only credential: it needs no session.
namespace clinaudit::http {

// The path of the link pages: "/respond/" + 64 lower-case hex digits.
inline constexpr std::string_view kSurveyLinkPattern = R"(/respond/([0-9a-f]{64}))";

// The SHA-256 under which a token is stored and looked up. Pure; thread-safe.
std::string survey_link_hash(std::string_view token);

struct IssuedSurveyLink {
  domain::SurveyInvitation invitation;  // as stored, with its id
  std::string token;                    // shown once, never stored
};

// Creates one link per invitee of survey `survey` (each invitee's label and respondent
// tags; their token hashes are filled in here) and stores them all in one transaction.
// Errors: invalid_input when `invitees` is empty; internal when the kernel has no
// randomness; the store's errors (not_found for an unknown survey). Thread-safe.
Result<std::vector<IssuedSurveyLink>> issue_survey_links(domain::Store& store, SurveyId survey,
                                                         std::vector<domain::SurveyInvitation> invitees,
                                                         const domain::Actor& actor);

// The full link to give an invitee: `base_url` (e.g. "https://audit.example.nhs.uk", a
// trailing '/' is dropped) + "/respond/" + token.
std::string survey_link_url(std::string_view base_url, std::string_view token);

}  // namespace clinaudit::http
