#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/outlier_case.hpp"
#include "domain/user.hpp"

// Checking a board or committee meeting before it is recorded (docs/governance.md, "Board
// engagement record"). The form, the JSON API and `clinaudit board record` all fill a
// BoardMeetingDraft with the text as entered and call check_board_meeting.
namespace clinaudit::domain {

inline constexpr std::size_t kMaxBoardItems = 100;      // items presented at one meeting
inline constexpr std::size_t kMaxBoardActions = 100;    // actions raised at one meeting
inline constexpr std::size_t kMaxBoardCommittee = 200;  // bytes of a committee's name
inline constexpr std::size_t kMaxBoardText = 4000;      // bytes of a title or decision

// One item presented, as entered. `kind` is a BoardItemKind name; `ref_id` the id of the
// report review, outlier case, action or measure presented ("" for other).
struct BoardItemDraft {
  std::string kind;
  std::string ref_id;
  std::string title;  // required for other; defaults to the referenced record's name
  std::string decision;
};

// One action the meeting raised, as entered. The owner is a user of the organisation (by id
// or e-mail address) or, for someone without an account, a name.
struct BoardActionDraft {
  std::string title;
  std::string owner_id;
  std::string owner_email;
  std::string owner_name;
  std::string due_on;  // YYYY-MM-DD
};

struct BoardMeetingDraft {
  std::string committee;
  std::string held_on;  // YYYY-MM-DD
  std::vector<BoardItemDraft> items;
  std::vector<BoardActionDraft> actions;
};

// A problem with one field: `field` is its path in the draft ("committee", "held_on",
// "items[2].decision", "actions[0].due_on"; indexes from 0), `message` says what to do.
struct FieldProblem {
  std::string field;
  std::string message;
};

// What one organisation may present at its meetings and name as owners: its own report
// reviews, outlier cases, actions and users, and the measures of national audits and of its
// own local audits. Nothing of another organisation belongs here.
struct BoardReferences {
  OrganisationId organisation;
  std::vector<ReportReview> reviews;
  std::vector<OutlierCase> outlier_cases;
  std::vector<Action> actions;
  std::vector<Measure> measures;
  std::vector<User> users;
};

struct CheckedBoardMeeting {
  BoardMeetingRecord record;           // what to store; meaningful only when `problems` is empty
  std::vector<FieldProblem> problems;  // every problem, in field order
};

// Checks a draft of `references.organisation`'s meeting and builds the record to store:
// - committee: required, at most kMaxBoardCommittee bytes;
// - held_on: a date; a meeting after `today` is only booked, so it has no items or actions;
// - items (at most kMaxBoardItems): a kind; for every kind but other, the id of a record in
//   `references` (any other id, including another organisation's, is "not found", worded
//   as for an id that does not exist); a report published after the meeting cannot have
//   been reviewed at it; a title for other; a decision (e.g. "Noted");
// - actions (at most kMaxBoardActions): a title; an owner that is an active user of the
//   organisation or a name; a due date on or after the meeting.
// Texts are trimmed and at most kMaxBoardText bytes. Every report review presented is
// listed in record.reviewed_reports (the store marks those not yet reviewed as reviewed on
// the meeting's date). Actions are open, of the organisation, sourced to the meeting.
// Pure; thread-safe.
CheckedBoardMeeting check_board_meeting(const BoardMeetingDraft& draft, const BoardReferences& references, Date today);

}  // namespace clinaudit::domain
