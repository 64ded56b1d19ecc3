#include "domain/board_meeting_service.hpp"

#include <algorithm>

namespace clinaudit::domain {

namespace {

// National audits and the organisation's own local audits: the audits it may see.
Result<std::vector<Audit>> visible_audits(Store& store, OrganisationId organisation) {
  auto audits = store.audits(AuditFilter{});
  if (!audits) return audits.error();
  std::vector<Audit> out;
  for (auto& audit : *audits) {
    if (visible_to(audit, organisation)) out.push_back(std::move(audit));
  }
  return out;
}

}  // namespace

Result<BoardReferences> board_references(Store& store, OrganisationId organisation) {
  BoardReferences refs;
  refs.organisation = organisation;
  auto reviews = store.report_reviews(organisation);
  if (!reviews) return reviews.error();
  refs.reviews = std::move(*reviews);
  auto cases = store.outlier_cases(organisation, std::nullopt);
  if (!cases) return cases.error();
  refs.outlier_cases = std::move(*cases);
  auto actions = store.actions(organisation);
  if (!actions) return actions.error();
  refs.actions = std::move(*actions);
  auto users = store.users(organisation);
  if (!users) return users.error();
  for (auto& user : *users) user.password_hash.clear();
  refs.users = std::move(*users);
  auto audits = visible_audits(store, organisation);
  if (!audits) return audits.error();
  for (const auto& audit : *audits) {
    auto measures = store.measures_of(audit.id);
    if (!measures) return measures.error();
    refs.measures.insert(refs.measures.end(), measures->begin(), measures->end());
  }
  return refs;
}

Result<BoardMeetingOutcome> record_board_meeting(Store& store, OrganisationId organisation,
                                                 const BoardMeetingDraft& draft, Date today, const Actor& actor) {
  auto refs = board_references(store, organisation);
  if (!refs) return refs.error();
  BoardMeetingOutcome outcome;
  outcome.checked = check_board_meeting(draft, *refs, today);
  if (!outcome.checked.problems.empty()) return outcome;
  auto id = store.add_board_meeting(outcome.checked.record, actor);
  if (!id) return id.error();
  outcome.id = *id;
  return outcome;
}

Result<BoardMeetingList> board_meeting_list(Store& store, OrganisationId organisation, Date today) {
  auto meetings = store.board_meetings(organisation);
  if (!meetings) return meetings.error();
  auto actions = store.actions(organisation);
  if (!actions) return actions.error();
  auto reviews = store.report_reviews(organisation);
  if (!reviews) return reviews.error();
  auto audits = visible_audits(store, organisation);
  if (!audits) return audits.error();
  BoardMeetingList list;
  for (auto it = meetings->rbegin(); it != meetings->rend(); ++it) {
    auto items = store.board_items(it->id);
    if (!items) return items.error();
    BoardMeetingSummary summary{*it, items->size(), 0};
    summary.actions_raised =
        static_cast<std::size_t>(std::count_if(actions->begin(), actions->end(), [&](const Action& a) {
          return a.source == ActionSource::board_decision && a.source_id == it->id.value;
        }));
    list.meetings.push_back(std::move(summary));
  }
  list.engagement = board_engagement(*reviews, *actions, *audits, today);
  return list;
}

Result<BoardMeetingDetails> board_meeting_details(Store& store, OrganisationId organisation, BoardMeetingId id) {
  auto meetings = store.board_meetings(organisation);
  if (!meetings) return meetings.error();
  const auto found =
      std::find_if(meetings->begin(), meetings->end(), [&](const BoardMeeting& meeting) { return meeting.id == id; });
  if (found == meetings->end()) return Error{ErrorCode::not_found, "there is no such board meeting"};
  BoardMeetingDetails details;
  details.meeting = *found;
  auto items = store.board_items(id);
  if (!items) return items.error();
  details.items = std::move(*items);
  auto actions = store.actions(organisation);
  if (!actions) return actions.error();
  for (auto& action : *actions) {
    if (action.source == ActionSource::board_decision && action.source_id == id.value) {
      details.actions.push_back(std::move(action));
    }
  }
  return details;
}

}  // namespace clinaudit::domain
