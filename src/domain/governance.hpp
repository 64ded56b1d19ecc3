#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace clinaudit::domain {

// One recommendation of a published report, numbered as the report numbers it (1, 2, ...).
struct Recommendation {
  int number = 0;
  std::string text;
};

// A published report of an audit (national or local) and its recommendations. A national
// audit's report recorded by the national body has no organisation and is seen by everyone
// who sees the audit; a report an organisation recorded itself (a national audit's report its
// staff entered, or its own local audit's report) is seen by that organisation only.
struct AuditReport {
  AuditReportId id;
  AuditId audit_id;
  std::optional<OrganisationId> organisation_id;  // empty: the national body's, for everyone
  std::string title;
  Date published_on;
  std::string link;  // an https:// address, or empty
  std::vector<Recommendation> recommendations;
};

// An organisation's review of a published audit report (Quality Account: "reports reviewed
// and the actions intended"). A review without a date is one still to be done. The audit,
// title and publication date are the report's: the store reads them from it and, on a write,
// takes them from it. A review written without its report (no report_id) records the report
// as the organisation's own, as migration 7 did for the reviews stored before reports were.
struct ReportReview {
  ReportReviewId id;
  AuditId audit_id;
  OrganisationId organisation_id;
  std::string report_title;
  Date published_on;
  std::optional<Date> reviewed_on;
  std::string committee;  // e.g. "Quality Committee"
  std::string intended_actions;
  AuditReportId report_id;
  std::string findings;  // what the committee found, against the recommendations
};

enum class ActionStatus { open, in_progress, completed, cancelled };
enum class ActionSource { audit_recommendation, outlier_case, board_decision, report_review, nice_recommendation };

std::string_view to_string(ActionStatus status);
std::optional<ActionStatus> parse_action_status(std::string_view text);
std::string_view to_string(ActionSource source);
std::optional<ActionSource> parse_action_source(std::string_view text);

// What happened to an action after it was raised (its history, action_events).
enum class ActionEventKind { note, edited, reassigned, due_date_changed, completed, reopened, document_added };

std::string_view to_string(ActionEventKind kind);
std::optional<ActionEventKind> parse_action_event_kind(std::string_view text);

// Something a named owner must do by a date. A re-audit planned from an action links
// back through `reaudit_id`, closing the audit loop.
struct Action {
  ActionId id;
  OrganisationId organisation_id;
  std::optional<AuditId> audit_id;
  std::string title;
  std::optional<UserId> owner;
  std::string owner_name;  // shown when the owner has no account
  Date due_on;
  ActionStatus status = ActionStatus::open;
  std::string evidence;
  std::optional<Date> completed_on;
  ActionSource source = ActionSource::audit_recommendation;
  std::int64_t source_id = 0;  // the outlier case, board meeting, report review or NICE recommendation it came from
  std::optional<AuditId> reaudit_id;
  std::optional<Date> raised_on;  // empty for actions raised before it was recorded

  bool overdue_on(Date today) const {
    return (status == ActionStatus::open || status == ActionStatus::in_progress) && today > due_on;
  }
};

// One entry of an action's history: a progress note, or a change with who made it and when.
// `from` and `to` are what changed, as a person reads it (a due date, an owner's name, a
// title); `note` is the note, the reason for a new due date or for reopening, or the
// evidence of completion. A document added names the file in `to` and its size in `note`.
struct ActionEvent {
  std::int64_t id = 0;
  ActionId action_id;
  ActionEventKind kind = ActionEventKind::note;
  std::string at;  // ISO 8601 UTC, e.g. "2026-11-26T15:36:00Z"
  std::optional<UserId> by;
  std::string by_name;
  std::string note;
  std::string from;
  std::string to;
};

// A board or committee meeting and what it looked at and decided.
struct BoardMeeting {
  BoardMeetingId id;
  OrganisationId organisation_id;
  std::string committee;  // "Trust Board", "Quality Committee"
  Date held_on;
};

enum class BoardItemKind { report_review, outlier_case, action, measure, other };
std::string_view to_string(BoardItemKind kind);
std::optional<BoardItemKind> parse_board_item_kind(std::string_view text);

struct BoardItem {
  std::int64_t id = 0;
  BoardMeetingId meeting_id;
  BoardItemKind kind = BoardItemKind::other;
  std::int64_t ref_id = 0;  // the report review, outlier case, action or measure presented
  std::string title;
  std::string decision;
};

// Everything that recording one board or committee meeting writes, in one transaction
// (Store::add_board_meeting): the meeting, what it looked at, the actions it raised and the
// national report reviews it completed.
struct BoardMeetingRecord {
  BoardMeeting meeting;
  std::vector<BoardItem> items;
  // Actions the meeting raised, each of the meeting's organisation. They are stored with
  // source board_decision and source_id the new meeting's id, whatever those fields hold.
  std::vector<Action> actions;
  // Report reviews of the meeting's organisation that the meeting reviewed. Each one without
  // a review date is stored as reviewed on the meeting's date by the meeting's committee;
  // one already reviewed keeps its date and committee.
  std::vector<ReportReviewId> reviewed_reports;
};

}  // namespace clinaudit::domain
