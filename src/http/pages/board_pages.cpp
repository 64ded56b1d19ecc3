// The board engagement record (http/board_routes.cpp): the organisation's board and
// committee meetings with the engagement metrics, the form to record a meeting, and one
// meeting. The form works without script: it has a fixed number of rows for items and
// actions (blank rows are ignored), and a link for a longer form.
#include <algorithm>

#include "core/number_format.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

using domain::FieldProblem;

// The id of the form control a problem's field belongs to.
std::string control_id(const std::string& field) {
  const auto open = field.find('[');
  if (open == std::string::npos) return field;  // committee, held_on, items, actions
  const auto close = field.find(']', open);
  const std::string list = field.substr(0, open);
  const std::string index = field.substr(open + 1, close - open - 1);
  const std::string part = close + 2 <= field.size() ? field.substr(close + 2) : std::string();
  if (list == "items") {
    if (part == "title") return "item-title-" + index;
    if (part == "decision") return "item-decision-" + index;
    return "item-" + index;  // kind and ref_id: the one choice
  }
  if (part == "title") return "action-title-" + index;
  if (part == "owner_name") return "action-owner-name-" + index;
  if (part == "due_on") return "action-due-" + index;
  return "action-owner-" + index;  // owner, owner_id, owner_email
}

// How the error summary names a field: "Item 3", "Action 1", "Committee"...
std::string field_label(const std::string& field) {
  if (field == "committee") return "Committee";
  if (field == "held_on") return "Date held";
  if (field == "items") return "Items";
  if (field == "actions") return "Actions";
  const auto open = field.find('[');
  const auto close = field.find(']');
  if (open == std::string::npos || close == std::string::npos) return field;
  const int index = std::stoi(field.substr(open + 1, close - open - 1));
  return std::string(field.starts_with("items") ? "Item " : "Action ") + std::to_string(index + 1);
}

class Problems {
 public:
  explicit Problems(const std::vector<FieldProblem>& problems) : problems_(problems) {}

  // The messages of every problem of the control `id`, joined.
  std::string for_control(const std::string& id) const {
    std::string out;
    for (const auto& problem : problems_) {
      if (control_id(problem.field) != id) continue;
      out += (out.empty() ? "" : "; ") + problem.message;
    }
    return out;
  }

  // The error message paragraph, and the group's class and the control's aria-describedby.
  Html message_html(const std::string& id) const {
    const std::string text = for_control(id);
    if (text.empty()) return {};
    return html("<p class=\"error-message\" id=\"{}-error\"><span class=\"visually-hidden\">Error:</span> {}</p>", id,
                text);
  }
  std::string group_class(const std::string& id) const {
    return for_control(id).empty() ? "form-group" : "form-group form-group-error";
  }
  Html described_by(const std::string& id, const std::string& hint = {}) const {
    std::string ids = hint;
    if (!for_control(id).empty()) ids += (ids.empty() ? "" : " ") + id + "-error";
    if (ids.empty()) return {};
    return html(" aria-describedby=\"{}\"", ids);
  }

 private:
  const std::vector<FieldProblem>& problems_;
};

// The shared error summary (layout.hpp), each problem linked to its control and named by
// its row ("Item 3: ...").
Html error_summary_html(const std::vector<FieldProblem>& problems, std::string_view lead) {
  FormErrors errors;
  for (const auto& problem : problems) {
    errors.add(control_id(problem.field), field_label(problem.field) + ": " + problem.message);
  }
  return error_summary(errors, lead);
}

Html option(const std::string& value, const std::string& label, bool selected) {
  return html("<option value=\"{}\"{}>{}</option>", value, selected ? " selected"_html : ""_html, label);
}

Html item_choices(const domain::BoardReferences& refs, const domain::BoardItemDraft& item) {
  const std::string chosen = item.kind == "other" || item.kind.empty() ? item.kind : item.kind + ":" + item.ref_id;
  Html out = option("", "Not used", chosen.empty());
  bool found = chosen.empty() || chosen == "other";
  const auto group = [&](const char* label, const char* kind, const auto& rows, const auto& name) {
    if (rows.empty()) return;
    out += html("<optgroup label=\"{}\">", label);
    for (const auto& row : rows) {
      const std::string value = std::string(kind) + ":" + std::to_string(row.id.value);
      found = found || value == chosen;
      out += option(value, name(row), value == chosen);
    }
    out += html("</optgroup>");  // clang 14 does not evaluate a consteval literal in a generic lambda
  };
  group("National report reviews", "report_review", refs.reviews, [](const domain::ReportReview& r) {
    return r.report_title + " (published " + r.published_on.to_string() +
           (r.reviewed_on ? ", reviewed " + r.reviewed_on->to_string() : std::string(", not yet reviewed")) + ")";
  });
  group("Outlier cases", "outlier_case", refs.outlier_cases, [](const domain::OutlierCase& c) {
    return "Outlier case " + std::to_string(c.id.value) + ", " + c.period + " – " +
           std::string(domain::display_name(c.level)) + " – " + std::string(domain::standing_words(c));
  });
  group("Actions", "action", refs.actions,
        [](const domain::Action& a) { return a.title + " (due " + a.due_on.to_string() + ")"; });
  group("Measures", "measure", refs.measures, [](const domain::Measure& m) { return m.name; });
  // A submitted choice that is not among the organisation's records is kept, so its problem shows.
  if (!found) {
    out += option(chosen, "Record " + item.ref_id + " (not found)", true);
  }
  out += option("other", "Something else (describe it in the title)", chosen == "other");
  return out;
}

Html item_row(std::size_t i, const domain::BoardReferences& refs, const domain::BoardItemDraft& item,
              const Problems& problems) {
  const std::string n = std::to_string(i);
  const std::string choice = "item-" + n, title = "item-title-" + n, decision = "item-decision-" + n;
  Html out = html(
      "<fieldset class=\"board-row\"><legend>Item {}</legend><div class=\"{}\"><label for=\"{}\">What was presented"
      "</label>{}<select id=\"{}\" name=\"item_{}\"{}>{}</select></div>",
      i + 1, problems.group_class(choice), choice, problems.message_html(choice), choice, n,
      problems.described_by(choice), item_choices(refs, item));
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Title</label><p class=\"hint\" id=\"{}-hint\">Needed for something else; "
      "otherwise the record's own name is used.</p>{}<input type=\"text\" id=\"{}\" name=\"item_title_{}\" "
      "maxlength=\"{}\" value=\"{}\"{}></div>",
      problems.group_class(title), title, title, problems.message_html(title), title, n, domain::kMaxBoardText,
      item.title, problems.described_by(title, title + "-hint"));
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Decision</label>{}<textarea id=\"{}\" name=\"item_decision_{}\" "
      "rows=\"2\" maxlength=\"{}\"{}>{}</textarea></div></fieldset>",
      problems.group_class(decision), decision, problems.message_html(decision), decision, n, domain::kMaxBoardText,
      problems.described_by(decision), item.decision);
  return out;
}

Html action_row(std::size_t i, const domain::BoardReferences& refs, const domain::BoardActionDraft& action,
                const Problems& problems) {
  const std::string n = std::to_string(i);
  const std::string title = "action-title-" + n, owner = "action-owner-" + n, name = "action-owner-name-" + n,
                    due = "action-due-" + n;
  Html owners = option("", "Someone without an account (enter the name below)", action.owner_id.empty());
  for (const auto& user : refs.users) {
    if (!user.active) continue;
    const std::string id = std::to_string(user.id.value);
    owners += option(id, user.display_name, id == action.owner_id);
  }
  Html out = html(
      "<fieldset class=\"board-row\"><legend>Action {}</legend><div class=\"{}\"><label for=\"{}\">What must be "
      "done</label>{}<input type=\"text\" id=\"{}\" name=\"action_title_{}\" maxlength=\"{}\" value=\"{}\"{}>"
      "</div>",
      i + 1, problems.group_class(title), title, problems.message_html(title), title, n, domain::kMaxBoardText,
      action.title, problems.described_by(title));
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Owner</label>{}<select id=\"{}\" name=\"action_owner_{}\"{}>{}"
      "</select></div>",
      problems.group_class(owner), owner, problems.message_html(owner), owner, n, problems.described_by(owner), owners);
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Owner's name, if they have no account</label>{}<input type=\"text\" "
      "id=\"{}\" name=\"action_owner_name_{}\" maxlength=\"{}\" value=\"{}\"{}></div>",
      problems.group_class(name), name, problems.message_html(name), name, n, domain::kMaxBoardCommittee,
      action.owner_name, problems.described_by(name));
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Due date</label><p class=\"hint\" id=\"{}-hint\">For example, "
      "2026-03-31</p>{}<input type=\"date\" id=\"{}\" name=\"action_due_{}\" value=\"{}\"{}></div></fieldset>",
      problems.group_class(due), due, due, problems.message_html(due), due, n, action.due_on,
      problems.described_by(due, due + "-hint"));
  return out;
}

// The rows of what a meeting looked at and decided and the actions it raised, then the
// longer-form link (to `longer`) and the button.
Html outcome_rows(const domain::BoardReferences& refs, const domain::BoardMeetingDraft& draft, const Problems& p,
                  std::size_t item_rows, std::size_t action_rows, const std::string& longer, std::string_view button) {
  Html out = html("<h3 id=\"items\">What the meeting looked at and decided</h3>{}", p.message_html("items"));
  for (std::size_t i = 0; i < item_rows; ++i) {
    out += item_row(i, refs, i < draft.items.size() ? draft.items[i] : domain::BoardItemDraft{}, p);
  }
  out += html("<h3 id=\"actions\">Actions the meeting raised</h3>{}", p.message_html("actions"));
  for (std::size_t i = 0; i < action_rows; ++i) {
    out += action_row(i, refs, i < draft.actions.size() ? draft.actions[i] : domain::BoardActionDraft{}, p);
  }
  out += html(
      "<p>Rows left blank are ignored. <a href=\"{}?items={}&amp;actions={}#record\">Show a longer form</a> (what you "
      "have entered here is not kept).</p><button class=\"button\" type=\"submit\">{}</button></form>",
      longer, item_rows + 5, action_rows + 5, button);
  return out;
}

// The form that records the outcome of a booked meeting on its page.
Html outcome_form(const Context& context, const domain::BoardMeeting& meeting, const domain::BoardReferences& refs,
                  const domain::BoardMeetingDraft& draft, const std::vector<FieldProblem>& problems,
                  std::size_t item_rows, std::size_t action_rows) {
  const Problems p(problems);
  const std::string path = "/board-meetings/" + std::to_string(meeting.id.value);
  Html out = html(
      "<h2 id=\"record\">Record the outcome</h2><p>Record what the meeting looked at, what it decided and the actions "
      "it raised. A national report presented here that has no review recorded yet is recorded as reviewed on {} by "
      "the {}.</p>{}<form method=\"post\" action=\"{}/outcome\" class=\"panel\" novalidate>{}",
      meeting.held_on.to_string(), meeting.committee, p.message_html("held_on"), path, csrf_field(context));
  out += outcome_rows(refs, draft, p, item_rows, action_rows, path, "Record the outcome");
  return out;
}

Html record_form(const Context& context, const domain::BoardReferences& refs, const domain::BoardMeetingDraft& draft,
                 const std::vector<FieldProblem>& problems, std::size_t item_rows, std::size_t action_rows) {
  const Problems p(problems);
  Html out = html(
      "<h2 id=\"record\">Record a meeting</h2><p>Record a meeting once it has been held: what it looked at, what it "
      "decided and the actions it raised. A national report presented here that has no review recorded yet is "
      "recorded as reviewed on the meeting's date by this committee. A meeting still to come can be booked with its "
      "committee and date only, and its outcome recorded on its page once it has been held.</p><form method=\"post\" "
      "action=\"/board-meetings\" class=\"panel\" novalidate>{}",
      csrf_field(context));
  out += html(
      "<div class=\"{}\"><label for=\"committee\">Board or committee</label><p class=\"hint\" "
      "id=\"committee-hint\">For example, Trust Board or Quality Committee</p>{}<input type=\"text\" id=\"committee\" "
      "name=\"committee\" maxlength=\"{}\" value=\"{}\"{}></div>",
      p.group_class("committee"), p.message_html("committee"), domain::kMaxBoardCommittee, draft.committee,
      p.described_by("committee", "committee-hint"));
  out += html(
      "<div class=\"{}\"><label for=\"held_on\">Date held</label><p class=\"hint\" id=\"held_on-hint\">For example, "
      "2026-01-08</p>{}<input type=\"date\" id=\"held_on\" name=\"held_on\" value=\"{}\"{}></div>",
      p.group_class("held_on"), p.message_html("held_on"), draft.held_on, p.described_by("held_on", "held_on-hint"));
  out += outcome_rows(refs, draft, p, item_rows, action_rows, "/board-meetings", "Record the meeting");
  return out;
}

Html engagement_table(const std::vector<domain::BoardEngagementYear>& years) {
  if (years.empty()) {
    return "<p class=\"muted\">No national audit report has been published for this organisation yet.</p>"_html;
  }
  Html out =
      "<table><caption>Board engagement with national audit, by financial year</caption><thead><tr>"
      "<th scope=\"col\">Financial year</th><th scope=\"col\" class=\"num\">National reports reviewed</th>"
      "<th scope=\"col\" class=\"num\">Median days from publication to review</th>"
      "<th scope=\"col\" class=\"num\">Board actions completed on time</th></tr></thead><tbody>"_html;
  for (auto it = years.rbegin(); it != years.rend(); ++it) {
    const auto& y = *it;
    const auto share = [](int part, int whole) {
      return std::to_string(part) + " of " + std::to_string(whole) +
             (whole > 0 ? " (" + percent(static_cast<double>(part) / whole) + ")" : std::string());
    };
    out += html(
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}"
        "</td></tr>",
        y.year.to_string(), share(y.national_reports_reviewed, y.national_reports_published),
        y.median_days_to_review ? format_fixed(*y.median_days_to_review, 1) : std::string("–"),
        share(y.board_actions_on_time, y.board_actions_due));
  }
  out += "</tbody></table>"_html;
  return out;
}

}  // namespace

std::string board_meetings_page(const Context& context, const domain::BoardMeetingList& list,
                                const std::optional<domain::BoardReferences>& choices,
                                const domain::BoardMeetingDraft& draft,
                                const std::vector<domain::FieldProblem>& problems, std::size_t item_rows,
                                std::size_t action_rows) {
  Html body = error_summary_html(problems, "The meeting was not recorded.");
  body += html(
      "<h1>Board and committee meetings</h1><p class=\"lead\">What the board and its committees of {} looked at and "
      "decided, and how well the board engages with national audit.</p>",
      context.who->organisation.name);
  body += html("<h2>Engagement with audit</h2>{}", engagement_table(list.engagement));
  body += "<h2>Meetings</h2>"_html;
  if (list.meetings.empty()) {
    body += "<p class=\"muted\">No meeting has been recorded.</p>"_html;
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Meetings, newest first</caption><thead><tr><th scope=\"col\">Date"
        "</th><th scope=\"col\">Board or committee</th><th scope=\"col\" class=\"num\">Items</th>"
        "<th scope=\"col\" class=\"num\">Actions raised</th></tr></thead><tbody>"_html;
    for (const auto& summary : list.meetings) {
      const auto& m = summary.meeting;
      body += html(
          "<tr><td><a href=\"/board-meetings/{}\">{}<span class=\"visually-hidden\"> {}</span></a>{}</td><td>{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
          m.id.value, m.held_on.to_string(), m.committee,
          m.held_on > context.clock.today() ? " <span class=\"status status-grey\">Booked</span>"_html : ""_html,
          m.committee, summary.items, summary.actions_raised);
    }
    body += "</tbody></table>"_html;
  }
  if (choices) body += record_form(context, *choices, draft, problems, item_rows, action_rows);
  return page(context, (problems.empty() ? "" : "Error: ") + std::string("Board meetings"), "board", body);
}

std::string board_meeting_page(const Context& context, const domain::BoardMeetingDetails& details,
                               const std::vector<ActionRow>& actions, const std::string& message,
                               const std::optional<domain::BoardReferences>& choices,
                               const domain::BoardMeetingDraft& draft,
                               const std::vector<domain::FieldProblem>& problems, std::size_t item_rows,
                               std::size_t action_rows) {
  const auto& m = details.meeting;
  Html body = error_summary_html(problems, "The outcome was not recorded.");
  body += success_banner(message);
  body +=
      html("<p class=\"caption muted\"><a href=\"/board-meetings\">Board and committee meetings</a></p><h1>{}, {}</h1>",
           m.committee, m.held_on.to_string());
  if (details.awaiting_outcome() && m.held_on >= context.clock.today()) {
    body += html("<p><a href=\"/reports/board-pack?meeting={}\">Read the board pack for this meeting</a></p>",
                 m.held_on.to_string());
  }
  body += "<h2>What the meeting looked at and decided</h2>"_html;
  if (details.items.empty()) {
    body += "<p class=\"muted\">No item is recorded for this meeting.</p>"_html;
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Items and decisions</caption><thead><tr><th scope=\"col\">Kind</th>"
        "<th scope=\"col\">What was presented</th><th scope=\"col\">Decision</th></tr></thead><tbody>"_html;
    for (const auto& item : details.items) {
      Html what = Html::escaped(item.title);
      if (item.kind == domain::BoardItemKind::outlier_case && item.ref_id > 0) {
        what = html("<a href=\"/outliers/{}\">{}</a>", item.ref_id, what);
      }
      body += html("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", domain::display_name(item.kind), what, item.decision);
    }
    body += "</tbody></table>"_html;
  }
  body += "<h2>Actions raised</h2>"_html;
  body += actions.empty() ? Html("<p class=\"muted\">The meeting raised no action.</p>"_html)
                          : actions_table(context, actions, false);
  if (choices && details.awaiting_outcome()) {
    if (m.held_on > context.clock.today()) {
      body += html(
          "<h2 id=\"record\">Record the outcome</h2><p>This meeting is booked for {}. Its outcome can be recorded here "
          "from that day.</p>",
          m.held_on.to_string());
    } else {
      body += outcome_form(context, m, *choices, draft, problems, item_rows, action_rows);
    }
  }
  return page(context, (problems.empty() ? "" : "Error: ") + m.committee + ", " + m.held_on.to_string(), "board", body);
}

}  // namespace clinaudit::http::pages
