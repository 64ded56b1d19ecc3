#include "domain/board_meeting_service.hpp"

#include <algorithm>

namespace clinaudit::domain {

namespace {

// National audits and the organisation's own local audits: the audits it may see.
Result<std::vector<Audit>> visible_audits(Store& store, OrganisationId organisation) {
  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::vector<Audit> out;
  for (auto& audit : audits) {
    if (visible_to(audit, organisation)) out.push_back(std::move(audit));
  }
  return out;
}

}  // namespace

Result<BoardReferences> board_references(Store& store, OrganisationId organisation) {
  BoardReferences refs;
  refs.organisation = organisation;
  CLINAUDIT_TRY(auto reviews, store.report_reviews(organisation));
  refs.reviews = std::move(reviews);
  CLINAUDIT_TRY(auto cases, store.outlier_cases(organisation, std::nullopt));
  refs.outlier_cases = std::move(cases);
  CLINAUDIT_TRY(auto actions, store.actions(organisation));
  refs.actions = std::move(actions);
  CLINAUDIT_TRY(auto users, store.users(organisation));
  for (auto& user : users) user.password_hash.clear();
  refs.users = std::move(users);
  CLINAUDIT_TRY(auto audits, visible_audits(store, organisation));
  for (const auto& audit : audits) {
    CLINAUDIT_TRY(auto measures, store.measures_of(audit.id));
    refs.measures.insert(refs.measures.end(), measures.begin(), measures.end());
  }
  return refs;
}

Result<BoardMeetingOutcome> record_board_meeting(Store& store, OrganisationId organisation,
                                                 const BoardMeetingDraft& draft, Date today, const Actor& actor) {
  CLINAUDIT_TRY(auto refs, board_references(store, organisation));
  BoardMeetingOutcome outcome;
  outcome.checked = check_board_meeting(draft, refs, today);
  if (!outcome.checked.problems.empty()) return outcome;
  CLINAUDIT_TRY(auto id, store.add_board_meeting(outcome.checked.record, actor));
  outcome.id = id;
  return outcome;
}

Result<BoardMeetingOutcome> record_meeting_outcome(Store& store, OrganisationId organisation, BoardMeetingId meeting,
                                                   BoardMeetingDraft draft, Date today, const Actor& actor) {
  CLINAUDIT_TRY(const auto details, board_meeting_details(store, organisation, meeting));
  if (!details.awaiting_outcome()) {
    return Error{ErrorCode::conflict, "the outcome of this meeting has been recorded already"};
  }
  CLINAUDIT_TRY(auto refs, board_references(store, organisation));
  draft.committee = details.meeting.committee;
  draft.held_on = details.meeting.held_on.to_string();
  BoardMeetingOutcome outcome;
  if (details.meeting.held_on > today) {
    outcome.checked.problems.push_back(
        {"held_on", "the meeting is on " + draft.held_on + ": record its outcome on or after that day"});
    return outcome;
  }
  outcome.checked = check_board_meeting(draft, refs, today);
  if (draft.items.empty()) {
    outcome.checked.problems.insert(outcome.checked.problems.begin(),
                                    {"items", "record at least one item the meeting looked at, with its decision"});
  }
  if (!outcome.checked.problems.empty()) return outcome;
  outcome.checked.record.meeting.id = meeting;
  CLINAUDIT_TRY_VOID(store.record_board_meeting_outcome(outcome.checked.record, actor));
  outcome.id = meeting;
  return outcome;
}

Result<BoardMeetingList> board_meeting_list(Store& store, OrganisationId organisation, Date today) {
  CLINAUDIT_TRY(auto meetings, store.board_meetings(organisation));
  CLINAUDIT_TRY(auto actions, store.actions(organisation));
  CLINAUDIT_TRY(auto reviews, store.report_reviews(organisation));
  CLINAUDIT_TRY(auto audits, visible_audits(store, organisation));
  BoardMeetingList list;
  for (auto it = meetings.rbegin(); it != meetings.rend(); ++it) {
    CLINAUDIT_TRY(auto items, store.board_items(it->id));
    BoardMeetingSummary summary{*it, items.size(), 0};
    summary.actions_raised =
        static_cast<std::size_t>(std::count_if(actions.begin(), actions.end(), [&](const Action& a) {
          return a.source == ActionSource::board_decision && a.source_id == it->id.value;
        }));
    list.meetings.push_back(std::move(summary));
  }
  list.engagement = board_engagement(reviews, actions, audits, today);
  return list;
}

Result<BoardMeetingDetails> board_meeting_details(Store& store, OrganisationId organisation, BoardMeetingId id) {
  CLINAUDIT_TRY(auto meetings, store.board_meetings(organisation));
  const auto found =
      std::find_if(meetings.begin(), meetings.end(), [&](const BoardMeeting& meeting) { return meeting.id == id; });
  if (found == meetings.end()) return Error{ErrorCode::not_found, "there is no such board meeting"};
  BoardMeetingDetails details;
  details.meeting = *found;
  CLINAUDIT_TRY(auto items, store.board_items(id));
  details.items = std::move(items);
  CLINAUDIT_TRY(auto actions, store.actions(organisation));
  for (auto& action : actions) {
    if (action.source == ActionSource::board_decision && action.source_id == id.value) {
      details.actions.push_back(std::move(action));
    }
  }
  return details;
}

}  // namespace clinaudit::domain
