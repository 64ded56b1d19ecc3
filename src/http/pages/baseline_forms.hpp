#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/action_list.hpp"
#include "domain/governance.hpp"
#include "domain/nice_guidance.hpp"
#include "domain/report_tracking.hpp"
#include "http/app.hpp"
#include "http/pages/layout.hpp"
#include "render/html.hpp"

// What the report tracker and the NICE guidance register share on their pages: the tag of a
// recommendation's compliance, the form that assesses it, the form that raises an action from
// it and the table of its actions. A recommendation's controls are told apart by `suffix`
// ("compliance-7", "evidence-7", "title-7"); `name` is how a person reads it ("2", "1.2.3").
namespace clinaudit::http::pages {

// A form of such a page sent and refused: which form ("assess", "action", ...), the
// recommendation it was about (0: none) and what was typed, to show again.
struct BaselineDraft {
  std::string form;
  std::int64_t item = 0;
  std::map<std::string, std::string> values;
};

// What was typed in `field` of that form about that item, else `fallback`.
std::string draft_value(const std::optional<BaselineDraft>& draft, std::string_view form, std::int64_t item,
                        const std::string& field, std::string fallback = {});

// The problem of a refused form at its field: "evidence: ..." about item 7 is shown at the
// control "evidence-7", one of the form "edit" at "edit-evidence", any other at its field.
FormErrors baseline_form_errors(const std::optional<Error>& error, const std::optional<BaselineDraft>& draft);

render::Html compliance_tag(domain::Compliance compliance);

// The form posting `compliance` and `evidence` to `action`, with the choice and evidence to
// show (the assessment in force, or what was typed).
render::Html assessment_form(const Context& context, std::string_view action, std::string_view suffix,
                             std::string_view name, bool reassess, const std::string& chosen,
                             const std::string& evidence, const FormErrors& errors);

// What was typed in the action form, to show again.
struct ActionDraft {
  std::string title;
  std::string owner_name;
  std::string due_on;
};

// The form posting `title`, `owner_name` and `due_on` to `action`.
render::Html recommendation_action_form(const Context& context, std::string_view action, std::string_view suffix,
                                        std::string_view name, const ActionDraft& typed, const FormErrors& errors);

// The table of the actions raised from a recommendation; `rows` give each its owner's name and
// whether it is overdue, by action id.
render::Html recommendation_actions_table(std::string_view name, const std::vector<domain::Action>& actions,
                                          const std::map<std::int64_t, domain::ActionRow>& rows);

// The day of an ISO 8601 timestamp: "2026-01-15T10:00:00Z" is "2026-01-15".
std::string day_of(const std::string& iso);

// The assessments a recommendation had before the one in force, folded away; nothing when it
// had none.
render::Html earlier_assessments(const std::vector<domain::RecommendationAssessment>& history);
render::Html earlier_assessments(const std::vector<domain::NiceAssessment>& history);

}  // namespace clinaudit::http::pages
