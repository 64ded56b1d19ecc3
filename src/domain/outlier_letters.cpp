#include "domain/outlier_letters.hpp"

#include <utility>

#include "domain/enum_text.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

namespace {

constexpr EnumTable<OutlierLetter, 3> kLetterKeys{{{OutlierLetter::notification, "notification"},
                                                   {OutlierLetter::acknowledgement_request, "acknowledgement-request"},
                                                   {OutlierLetter::escalation, "escalation"}}};
constexpr EnumTable<OutlierLetter, 3> kLetterWords{
    {{OutlierLetter::notification, "Notification to the provider"},
     {OutlierLetter::acknowledgement_request, "Request for the chief executive's acknowledgement"},
     {OutlierLetter::escalation, "Escalation to the regulator"}}};

}  // namespace

std::string_view to_string(OutlierLetter letter) { return enum_text(kLetterKeys, letter); }
std::optional<OutlierLetter> parse_outlier_letter(std::string_view text) { return enum_from_text(kLetterKeys, text); }
std::string_view display_name(OutlierLetter letter) { return enum_text(kLetterWords, letter); }

Result<OutlierLetterFacts> outlier_letter_facts(Store& store, const Principal& who, OutlierCaseId id, Date today) {
  CLINAUDIT_TRY(auto detail, outlier_case_detail(store, who, id));
  if (who.role != Role::national_analyst) {
    return Error{ErrorCode::forbidden, "the outlier letters are written by the national audit provider"};
  }
  OutlierLetterFacts facts;
  facts.audit_title = std::move(detail.row.audit_title);
  facts.measure_name = std::move(detail.row.measure_name);
  facts.value_words = std::move(detail.row.value_words);
  facts.limit_words = std::move(detail.row.limit_words);
  facts.organisation_name = std::move(detail.row.organisation_name);
  facts.stage_name = std::move(detail.row.stage_name);
  facts.today = today;
  facts.reply_by = detail.row.item.stage_due_on;
  CLINAUDIT_TRY(const auto timetable, current_outlier_timetable(store));
  if (const auto* current = timetable.find(detail.row.item.stage);
      current != nullptr && current->owner == OutlierParty::audit_provider) {
    const auto* next = timetable.next(current->key);
    facts.reply_by =
        next != nullptr && next->working_days > 0
            ? std::optional<Date>(WorkingDayCalendar::england_and_wales().add_working_days(today, next->working_days))
            : std::nullopt;
  }
  CLINAUDIT_TRY(const auto audit, store.audit(detail.row.item.audit_id));
  facts.audit_provider_body = audit.provider_body;
  CLINAUDIT_TRY(const auto organisation, store.organisation(detail.row.item.organisation_id));
  if (organisation.chief_executive) {
    if (auto person = store.user(*organisation.chief_executive)) facts.chief_executive_name = person->display_name;
  }
  facts.item = std::move(detail.row.item);
  return facts;
}

}  // namespace clinaudit::domain
