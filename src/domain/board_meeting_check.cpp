#include "domain/board_meeting_check.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

namespace clinaudit::domain {

namespace {

std::string trimmed(std::string_view text) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A positive whole number of at most 18 digits, else nothing.
std::optional<std::int64_t> id_of(const std::string& text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return value;
}

class Checker {
 public:
  explicit Checker(std::vector<FieldProblem>& problems) : problems_(problems) {}

  void problem(std::string field, std::string message) {
    problems_.push_back(FieldProblem{std::move(field), std::move(message)});
  }

  // The trimmed text, with a problem when it is required and empty or when it is too long.
  std::string text(const std::string& field, const std::string& value, std::size_t limit, const char* when_empty) {
    std::string out = trimmed(value);
    if (out.empty() && when_empty != nullptr) problem(field, when_empty);
    if (out.size() > limit) problem(field, "use at most " + std::to_string(limit) + " characters");
    return out;
  }

 private:
  std::vector<FieldProblem>& problems_;
};

template <typename Row, typename Id>
const Row* find_by_id(const std::vector<Row>& rows, Id id) {
  const auto found = std::find_if(rows.begin(), rows.end(), [&](const Row& row) { return row.id == id; });
  return found == rows.end() ? nullptr : &*found;
}

// The referenced record's name for an item without a title, or nullopt when `id` is not a
// record of the organisation of this kind.
std::optional<std::string> reference_name(BoardItemKind kind, std::int64_t id, const BoardReferences& refs,
                                          std::optional<Date>& published_on) {
  switch (kind) {
    case BoardItemKind::report_review:
      if (const auto* review = find_by_id(refs.reviews, ReportReviewId{id})) {
        published_on = review->published_on;
        return review->report_title;
      }
      return std::nullopt;
    case BoardItemKind::outlier_case:
      if (const auto* item = find_by_id(refs.outlier_cases, OutlierCaseId{id})) {
        const auto* measure = find_by_id(refs.measures, item->measure_id);
        return "Outlier case " + std::to_string(id) + " (" + std::string(to_string(item->level)) +
               (measure != nullptr ? ", " + measure->name : std::string()) + ", " + item->period + ")";
      }
      return std::nullopt;
    case BoardItemKind::action:
      if (const auto* action = find_by_id(refs.actions, ActionId{id})) return action->title;
      return std::nullopt;
    case BoardItemKind::measure:
      if (const auto* measure = find_by_id(refs.measures, MeasureId{id})) return measure->name;
      return std::nullopt;
    case BoardItemKind::other: return std::nullopt;
  }
  return std::nullopt;
}

std::string_view kind_noun(BoardItemKind kind) {
  switch (kind) {
    case BoardItemKind::report_review: return "national report review";
    case BoardItemKind::outlier_case: return "outlier case";
    case BoardItemKind::action: return "action";
    case BoardItemKind::measure: return "measure";
    case BoardItemKind::other: return "item";
  }
  return "item";
}

void check_item(Checker& check, const std::string& at, const BoardItemDraft& draft, const BoardReferences& refs,
                const std::optional<Date>& held_on, CheckedBoardMeeting& out) {
  BoardItem item;
  const auto kind = parse_board_item_kind(trimmed(draft.kind));
  if (!kind) {
    check.problem(at + ".kind", trimmed(draft.kind).empty()
                                    ? "choose what was presented"
                                    : "'" + trimmed(draft.kind) +
                                          "' is not a kind of item (expected report_review, outlier_case, action, "
                                          "measure or other)");
  } else {
    item.kind = *kind;
  }
  const std::string ref = trimmed(draft.ref_id);
  std::optional<std::string> default_title;
  if (kind && *kind == BoardItemKind::other) {
    if (!ref.empty()) check.problem(at + ".ref_id", "an item of kind other refers to no record; leave it empty");
  } else if (kind) {
    const auto id = id_of(ref);
    std::optional<Date> published_on;
    if (ref.empty()) {
      check.problem(at + ".ref_id", "choose the " + std::string(kind_noun(*kind)) + " presented");
    } else if (!id) {
      check.problem(at + ".ref_id", "'" + ref + "' is not an id (a whole number)");
    } else if (default_title = reference_name(*kind, *id, refs, published_on); !default_title) {
      // Another organisation's record is worded exactly as one that does not exist.
      check.problem(at + ".ref_id",
                    "there is no " + std::string(kind_noun(*kind)) + " " + ref + " in your organisation");
    } else {
      item.ref_id = *id;
      if (*kind == BoardItemKind::report_review) {
        if (held_on && published_on && *published_on > *held_on) {
          check.problem(at + ".ref_id", "the report was published on " + published_on->to_string() +
                                            ", after the meeting, so it cannot have been reviewed at it");
        }
        const ReportReviewId review{*id};
        auto& reviewed = out.record.reviewed_reports;
        if (std::find(reviewed.begin(), reviewed.end(), review) == reviewed.end()) reviewed.push_back(review);
      }
    }
  }
  const bool needs_title = kind && *kind == BoardItemKind::other;
  item.title = check.text(at + ".title", draft.title, kMaxBoardText, needs_title ? "say what was presented" : nullptr);
  if (item.title.empty() && default_title) item.title = *default_title;
  item.decision = check.text(at + ".decision", draft.decision, kMaxBoardText,
                             "say what the meeting decided (for example, Noted, or Assurance taken)");
  out.record.items.push_back(std::move(item));
}

void check_action(Checker& check, const std::string& at, const BoardActionDraft& draft, const BoardReferences& refs,
                  const std::optional<Date>& held_on, CheckedBoardMeeting& out) {
  Action action;
  action.organisation_id = refs.organisation;
  action.source = ActionSource::board_decision;
  action.status = ActionStatus::open;
  action.title = check.text(at + ".title", draft.title, kMaxBoardText, "say what must be done");
  const std::string owner_id = trimmed(draft.owner_id);
  const std::string owner_email = lower(trimmed(draft.owner_email));
  const auto active_user = [&](const auto& matches) -> const User* {
    const auto found = std::find_if(refs.users.begin(), refs.users.end(),
                                    [&](const User& user) { return user.active && matches(user); });
    return found == refs.users.end() ? nullptr : &*found;
  };
  if (!owner_id.empty()) {
    const auto id = id_of(owner_id);
    const User* user = id ? active_user([&](const User& u) { return u.id == UserId{*id}; }) : nullptr;
    if (user == nullptr) {
      check.problem(at + ".owner_id", "there is no user " + owner_id + " in your organisation");
    } else {
      action.owner = user->id;
    }
  } else if (!owner_email.empty()) {
    const User* user = active_user([&](const User& u) { return u.email == owner_email; });
    if (user == nullptr) {
      check.problem(at + ".owner_email", "there is no user " + owner_email + " in your organisation");
    } else {
      action.owner = user->id;
    }
  }
  action.owner_name = check.text(at + ".owner_name", draft.owner_name, kMaxBoardCommittee, nullptr);
  if (owner_id.empty() && owner_email.empty() && action.owner_name.empty()) {
    check.problem(at + ".owner", "choose the owner, or enter the name of someone without an account");
  }
  const std::string due = trimmed(draft.due_on);
  if (const auto date = Date::parse(due); !date) {
    check.problem(at + ".due_on", due.empty() ? "enter the due date as YYYY-MM-DD"
                                              : "'" + due + "' is not a date; enter it as YYYY-MM-DD");
  } else if (held_on && *date < *held_on) {
    check.problem(at + ".due_on", "the due date cannot be before the meeting (" + held_on->to_string() + ")");
  } else {
    action.due_on = *date;
  }
  out.record.actions.push_back(std::move(action));
}

}  // namespace

CheckedBoardMeeting check_board_meeting(const BoardMeetingDraft& draft, const BoardReferences& references, Date today) {
  CheckedBoardMeeting out;
  Checker check(out.problems);
  auto& meeting = out.record.meeting;
  meeting.organisation_id = references.organisation;
  meeting.committee = check.text("committee", draft.committee, kMaxBoardCommittee,
                                 "enter the board or committee, for example Trust Board");
  std::optional<Date> held_on;
  const std::string date_text = trimmed(draft.held_on);
  if (auto parsed = Date::parse(date_text)) {
    held_on = *parsed;
    meeting.held_on = *parsed;
  } else {
    check.problem("held_on", date_text.empty() ? "enter the date of the meeting as YYYY-MM-DD"
                                               : "'" + date_text + "' is not a date; enter it as YYYY-MM-DD");
  }
  const bool booked = held_on && *held_on > today;
  if (draft.items.size() > kMaxBoardItems) {
    check.problem("items", "record at most " + std::to_string(kMaxBoardItems) + " items per meeting");
  } else if (booked && !draft.items.empty()) {
    check.problem("items",
                  "the meeting has not been held yet: book it without items, and record what it looked at once "
                  "it has been held");
  } else {
    for (std::size_t i = 0; i < draft.items.size(); ++i) {
      check_item(check, "items[" + std::to_string(i) + "]", draft.items[i], references, held_on, out);
    }
  }
  if (draft.actions.size() > kMaxBoardActions) {
    check.problem("actions", "record at most " + std::to_string(kMaxBoardActions) + " actions per meeting");
  } else if (booked && !draft.actions.empty()) {
    check.problem("actions", "the meeting has not been held yet, so it has raised no actions");
  } else {
    for (std::size_t i = 0; i < draft.actions.size(); ++i) {
      check_action(check, "actions[" + std::to_string(i) + "]", draft.actions[i], references, held_on, out);
    }
  }
  return out;
}

}  // namespace clinaudit::domain
