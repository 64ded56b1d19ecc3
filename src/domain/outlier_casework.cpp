#include "domain/outlier_casework.hpp"

#include <algorithm>

#include "core/number_format.hpp"
#include "domain/display_names.hpp"
#include "domain/measure_series.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

namespace {

// The person who acknowledges an alarm for the case's organisation, if it has named one.
Result<std::optional<UserId>> chief_executive_of(Store& store, const OutlierCase& item) {
  CLINAUDIT_TRY(const auto organisation, store.organisation(item.organisation_id));
  return organisation.chief_executive;
}

}  // namespace

bool may_see_outlier_case(Store& store, const Principal& who, const OutlierCase& item) {
  const auto audit = store.audit(item.audit_id);
  return audit && may_see_outlier_case(who, item, *audit);
}

std::string outlier_value_words(const OutlierCase& item, const Measure* measure, double value) {
  return measure == nullptr || item.notice ? format_number(value) : measure_value_words(*measure, value);
}

std::vector<OutlierRow> outlier_rows(Store& store, std::vector<OutlierCase> items) {
  const auto orgs = organisations_by_id(store);
  // A timetable that no longer reads leaves the stages named from their keys.
  const auto timetable = current_outlier_timetable(store);
  const std::vector<OutlierStage> no_stages;
  const auto& stages = timetable ? timetable->stages() : no_stages;
  std::vector<OutlierRow> rows;
  for (auto& item : items) {
    OutlierRow row;
    row.stage_name = stage_words(stages, item.stage);
    const auto stage =
        std::find_if(stages.begin(), stages.end(), [&](const OutlierStage& s) { return s.key == item.stage; });
    if (item.is_open() && stage != stages.end()) {
      // A registered notice's supplier is outside clinaudit: the trust's audit team records its steps.
      row.whose_turn = item.notice && stage->owner == OutlierParty::audit_provider
                           ? item.notice->supplier + " (recorded by the audit team)"
                           : std::string(display_name(stage->owner));
    }
    if (auto audit = store.audit(item.audit_id)) row.audit_title = audit->title;
    std::optional<Measure> measure;
    if (item.notice) {
      row.measure_name = item.notice->measure;
    } else if (auto found = store.measure(item.measure_id)) {
      measure = std::move(*found);
      row.measure_name = measure->name;
    }
    const Measure* scale = measure ? &*measure : nullptr;
    row.value_words = outlier_value_words(item, scale, item.value);
    row.limit_words = outlier_value_words(item, scale, item.limit);
    if (const auto org = orgs.find(item.organisation_id.value); org != orgs.end()) {
      row.organisation_name = org->second.name;
    }
    row.item = std::move(item);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<OutlierRow>> outlier_list(Store& store, const Principal& who) {
  const bool every_provider = who.role == Role::national_analyst || who.role == Role::regulator;
  CLINAUDIT_TRY(auto cases,
                store.outlier_cases(every_provider ? std::nullopt : std::optional<OrganisationId>(who.organisation_id),
                                    std::nullopt));
  // The audits read once for the list, not once per case.
  CLINAUDIT_TRY(const auto audits, store.audits(AuditFilter{}));
  std::map<AuditId, const Audit*> audit_of;
  for (const auto& audit : audits) audit_of[audit.id] = &audit;
  std::erase_if(cases, [&](const OutlierCase& item) {
    const auto found = audit_of.find(item.audit_id);
    return found == audit_of.end() || !may_see_outlier_case(who, item, *found->second);
  });
  auto rows = outlier_rows(store, std::move(cases));
  sort_for_work(rows);
  return rows;
}

void sort_for_work(std::vector<OutlierRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const OutlierRow& a, const OutlierRow& b) {
    const auto& x = a.item;
    const auto& y = b.item;
    if (x.is_open() != y.is_open()) return x.is_open();
    if (!x.is_open()) return x.opened_on > y.opened_on;
    if (x.stage_due_on.has_value() != y.stage_due_on.has_value()) return x.stage_due_on.has_value();
    if (x.stage_due_on && *x.stage_due_on != *y.stage_due_on) return *x.stage_due_on < *y.stage_due_on;
    return false;
  });
}

Result<OutlierCaseDetail> outlier_case_detail(Store& store, const Principal& who, OutlierCaseId id) {
  CLINAUDIT_TRY(auto item, store.outlier_case(id));
  if (!may_see_outlier_case(store, who, item))
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(id.value)};
  CLINAUDIT_TRY(const auto audit, store.audit(item.audit_id));
  OutlierCaseDetail detail;
  CLINAUDIT_TRY(auto in_force, current_outlier_timetable(store));
  const auto& timetable = in_force;
  const auto* current = timetable.find(item.stage);
  const auto track = current != nullptr ? current->track : track_for(item.level, item.unfavourable);
  for (const auto& stage : timetable.stages()) {
    if (stage.track == track) detail.stages.push_back(stage);
  }
  CLINAUDIT_TRY(auto events, store.outlier_events(id));
  detail.events = std::move(events);
  CLINAUDIT_TRY(detail.documents, store.documents(DocumentOwner::outlier_case, id.value));
  for (const auto& event : detail.events) {
    if (!event.by || detail.people.contains(event.by->value)) continue;
    if (auto user = store.user(*event.by)) detail.people[event.by->value] = user->email;
  }
  CLINAUDIT_TRY(const auto chief_executive, chief_executive_of(store, item));
  detail.may_act = item.is_open() && current != nullptr &&
                   may_complete_stage(who, item, audit, current->owner, chief_executive).has_value();
  if (const auto* before = timetable.previous(item.stage);
      before != nullptr && item.is_open() &&
      may_complete_stage(who, item, audit, before->owner, chief_executive).has_value()) {
    detail.may_reopen = *before;
  }
  detail.row = std::move(outlier_rows(store, {std::move(item)}).front());
  return detail;
}

namespace {

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A completion checked and ready to write.
struct PlannedCompletion {
  OutlierCase next;
  OutlierEvent event;
  StageCompletionCheck check;
};

Result<PlannedCompletion> plan_completion(Store& store, const Principal& who, Date today,
                                          const StageCompletion& params) {
  CLINAUDIT_TRY(auto item, store.outlier_case(params.id));
  if (!may_see_outlier_case(store, who, item)) {
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(params.id.value)};
  }
  CLINAUDIT_TRY(const auto audit, store.audit(item.audit_id));
  CLINAUDIT_TRY(auto in_force, current_outlier_timetable(store));
  const auto& timetable = in_force;
  const auto* current = timetable.find(item.stage);
  if (current == nullptr) return Error{ErrorCode::conflict, "the case's stage is not in the timetable: " + item.stage};
  CLINAUDIT_TRY(const auto chief_executive, chief_executive_of(store, item));
  CLINAUDIT_TRY_VOID(may_complete_stage(who, item, audit, current->owner, chief_executive));
  // The decision and the note are read only after the checks above, so that a case one may
  // not see or act on answers the same whatever the form says.
  StageDecision choice = StageDecision::done;
  if (params.decision == "confirm") {
    choice = StageDecision::confirm;
  } else if (params.decision == "withdraw") {
    choice = StageDecision::withdraw;
  } else if (params.decision != "done") {
    return Error{ErrorCode::invalid_input,
                 "decision: expected done, confirm or withdraw, got '" + params.decision + "'"};
  }
  CLINAUDIT_TRY(auto next, complete_stage(item, choice, timetable, WorkingDayCalendar::england_and_wales(), today));
  if (blank(params.note)) {
    return Error{ErrorCode::invalid_input, "note: enter what was done at this stage (the evidence it asks for)"};
  }
  PlannedCompletion plan;
  plan.check.stage_name = current->name;
  plan.check.outcome = choice == StageDecision::withdraw  ? "Completed: the outlier status is withdrawn"
                       : choice == StageDecision::confirm ? "Completed: confirmed as an outlier"
                                                          : "Completed";
  plan.event.case_id = params.id;
  plan.event.stage = item.stage;
  plan.event.what = current->name + ": " +
                    (choice == StageDecision::withdraw  ? "withdrawn"
                     : choice == StageDecision::confirm ? "confirmed"
                                                        : "completed") +
                    ". " + params.note;
  plan.event.by = who.user_id;
  plan.event.at = params.at;
  plan.check.record = plan.event.what;
  plan.next = std::move(next);
  return plan;
}

}  // namespace

Result<StageCompletionCheck> check_outlier_stage_completion(Store& store, const Principal& who, Date today,
                                                            const StageCompletion& params) {
  CLINAUDIT_TRY(auto plan, plan_completion(store, who, today, params));
  return std::move(plan.check);
}

Result<void> complete_outlier_stage(Store& store, const Principal& who, Date today, const StageCompletion& params) {
  CLINAUDIT_TRY(auto plan, plan_completion(store, who, today, params));
  return store.update_outlier_case(plan.next, plan.event, Actor{who.user_id, who.email});
}

Result<void> reopen_outlier_stage(Store& store, const Principal& who, Date today, const StageReopening& params) {
  CLINAUDIT_TRY(auto item, store.outlier_case(params.id));
  if (!may_see_outlier_case(store, who, item)) {
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(params.id.value)};
  }
  CLINAUDIT_TRY(const auto audit, store.audit(item.audit_id));
  CLINAUDIT_TRY(auto in_force, current_outlier_timetable(store));
  const auto& timetable = in_force;
  // A closed or withdrawn case, or one with no stage completed, has nothing to reopen (conflict,
  // for anyone who may see it); then only the owner of the stage completed last may reopen it.
  CLINAUDIT_TRY(auto reopened, reopen_stage(item, timetable, WorkingDayCalendar::england_and_wales(), today));
  CLINAUDIT_TRY(const auto chief_executive, chief_executive_of(store, item));
  CLINAUDIT_TRY_VOID(may_complete_stage(who, item, audit, reopened.stage.owner, chief_executive));
  if (blank(params.reason)) {
    return Error{ErrorCode::invalid_input, "reason: enter why the stage is reopened"};
  }
  OutlierEvent event;
  event.case_id = params.id;
  event.stage = reopened.stage.key;
  event.what = reopened.stage.name + ": reopened. " + params.reason;
  event.by = who.user_id;
  event.at = params.at;
  return store.update_outlier_case(reopened.item, event, Actor{who.user_id, who.email});
}

}  // namespace clinaudit::domain
