#pragma once

#include <cstddef>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/board_meeting_check.hpp"
#include "domain/board_pack.hpp"
#include "domain/store.hpp"

// The board engagement record (docs/governance.md): recording what a board or committee
// looked at and decided, and reading it back with the engagement metrics it feeds. One set
// of calls for the web pages, the JSON API and `clinaudit board`.
namespace clinaudit::domain {

// What `organisation` may present and name as owners (BoardReferences): its report reviews,
// outlier cases, actions and users, and the measures of national audits and its own local
// audits. Errors: the store's.
Result<BoardReferences> board_references(Store& store, OrganisationId organisation);

// The result of recording: stored (id set) when checked.problems is empty; otherwise nothing
// was written and the problems say why.
struct BoardMeetingOutcome {
  CheckedBoardMeeting checked;
  BoardMeetingId id;
};

// Checks `draft` as a meeting of `organisation` (check_board_meeting, as of `today`) and,
// when it has no problem, stores the meeting, its items and actions and the reviews it
// completed in one transaction (Store::add_board_meeting). Errors: the store's.
Result<BoardMeetingOutcome> record_board_meeting(Store& store, OrganisationId organisation,
                                                 const BoardMeetingDraft& draft, Date today, const Actor& actor);

// Records the outcome of the booked meeting `meeting` of `organisation` once it has been held:
// the draft's items and actions (its committee and date are the meeting's, whatever the draft
// holds), checked as check_board_meeting checks a meeting, with a problem at "held_on" while
// the meeting is still after `today` and at "items" when no item was presented. Stored in one
// transaction (Store::record_board_meeting_outcome) when there is no problem. Errors:
// not_found for a meeting that is not `organisation`'s; conflict when its outcome was
// recorded already; the store's.
Result<BoardMeetingOutcome> record_meeting_outcome(Store& store, OrganisationId organisation, BoardMeetingId meeting,
                                                   BoardMeetingDraft draft, Date today, const Actor& actor);

struct BoardMeetingSummary {
  BoardMeeting meeting;
  std::size_t items = 0;
  std::size_t actions_raised = 0;
};

// An organisation's meetings, newest first, and its engagement by financial year as of
// `today` (board_engagement).
struct BoardMeetingList {
  std::vector<BoardMeetingSummary> meetings;
  std::vector<BoardEngagementYear> engagement;
};

Result<BoardMeetingList> board_meeting_list(Store& store, OrganisationId organisation, Date today);

// One meeting: what was presented and decided, and the actions it raised as they stand now.
struct BoardMeetingDetails {
  BoardMeeting meeting;
  std::vector<BoardItem> items;
  std::vector<Action> actions;  // ordered by due date
  // Booked and nothing recorded yet (no item, no action): its outcome may be recorded once
  // the day has come (record_meeting_outcome).
  bool awaiting_outcome() const { return items.empty() && actions.empty(); }
};

// Errors: not_found for a meeting that is not `organisation`'s (as for one that does not
// exist); the store's.
Result<BoardMeetingDetails> board_meeting_details(Store& store, OrganisationId organisation, BoardMeetingId id);

}  // namespace clinaudit::domain
