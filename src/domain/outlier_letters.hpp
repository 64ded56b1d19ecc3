#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/outlier_case.hpp"
#include "domain/store.hpp"

// The letters of the outlier process that the audit provider sends: the facts of one case
// that the letter templates (report/outlier_letter_document.hpp) fill in.
namespace clinaudit::domain {

// Which letter: the provider told of a potential outlier; its chief executive asked to
// acknowledge a confirmed alarm; the regulator told of a provider that missed a deadline.
enum class OutlierLetter { notification, acknowledgement_request, escalation };
std::string_view to_string(OutlierLetter letter);  // "notification", "acknowledgement-request", "escalation"
std::optional<OutlierLetter> parse_outlier_letter(std::string_view text);
std::string_view display_name(OutlierLetter letter);  // "Notification to the provider"...

struct OutlierLetterFacts {
  OutlierCase item;
  std::string audit_title;
  std::string audit_provider_body;  // who signs ("Royal College of Physicians"); may be empty
  std::string measure_name;
  std::string value_words;  // the case's value and limit on the measure's scale (OutlierRow)
  std::string limit_words;
  std::string organisation_name;
  std::string chief_executive_name;  // the person named for the duty; empty when none is named
  std::string stage_name;            // the case's current stage, in words
  Date today;
  // The day the addressee is asked to answer by: the deadline of the stage after the case's
  // current one when the audit provider owns the current one (the letter is what completes
  // it, today), else the current stage's own deadline. None for a stage without a deadline.
  std::optional<Date> reply_by = std::nullopt;
};

// The facts of case `id` for a letter written on `today`. Errors: not_found for a case `who`
// may not see (as for one that does not exist); forbidden unless `who` is a national analyst
// (the audit provider writes the letters); the store's.
Result<OutlierLetterFacts> outlier_letter_facts(Store& store, const Principal& who, OutlierCaseId id, Date today);

}  // namespace clinaudit::domain
