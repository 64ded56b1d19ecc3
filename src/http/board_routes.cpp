#include <nlohmann/json.hpp>

#include <algorithm>

#include "domain/action_list.hpp"
#include "domain/board_meeting_service.hpp"
#include "http/app.hpp"
#include "http/board_meeting_json.hpp"
#include "http/error_response.hpp"
#include "http/pages/pages.hpp"
#include "http/resource.hpp"

// The board engagement record (docs/governance.md): every signed-in user of an organisation
// reads its board and committee meetings (view_organisation); those who manage actions
// (manage_actions) record one. A meeting is always of the caller's organisation: another's
// id is not found. A refused meeting is answered 400 with every problem at its field, and
// nothing is stored.
namespace clinaudit::http {

namespace {

using P = Permission;

constexpr std::size_t kDefaultItemRows = 4;
constexpr std::size_t kDefaultActionRows = 3;

bool blank(const std::optional<std::string>& value) {
  return !value || value->find_first_not_of(" \t\r\n") == std::string::npos;
}

// The form's rows item_N / item_title_N / item_decision_N and action_title_N /
// action_owner_N / action_owner_name_N / action_due_N; blank rows are left out.
domain::BoardMeetingDraft form_draft(const Request& r) {
  domain::BoardMeetingDraft draft;
  draft.committee = r.field("committee").value_or("");
  draft.held_on = r.field("held_on").value_or("");
  for (std::size_t i = 0; i <= domain::kMaxBoardItems; ++i) {
    const std::string n = std::to_string(i);
    const auto choice = r.field("item_" + n);
    const auto title = r.field("item_title_" + n);
    const auto decision = r.field("item_decision_" + n);
    if (blank(choice) && blank(title) && blank(decision)) continue;
    domain::BoardItemDraft item;
    const std::string chosen = choice.value_or("");
    const auto colon = chosen.find(':');
    item.kind = chosen.substr(0, colon);
    if (colon != std::string::npos) item.ref_id = chosen.substr(colon + 1);
    item.title = title.value_or("");
    item.decision = decision.value_or("");
    draft.items.push_back(std::move(item));
  }
  for (std::size_t i = 0; i <= domain::kMaxBoardActions; ++i) {
    const std::string n = std::to_string(i);
    const auto title = r.field("action_title_" + n);
    const auto owner = r.field("action_owner_" + n);
    const auto name = r.field("action_owner_name_" + n);
    const auto due = r.field("action_due_" + n);
    if (blank(title) && blank(owner) && blank(name) && blank(due)) continue;
    draft.actions.push_back({title.value_or(""), owner.value_or(""), "", name.value_or(""), due.value_or("")});
  }
  return draft;
}

// The number of rows asked for in the query (?items=N), within the limits.
std::size_t rows_asked(const Request& r, const char* name, std::size_t fallback, std::size_t limit) {
  const std::string text = r.query_value(name);
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return fallback;
  return std::clamp<std::size_t>(static_cast<std::size_t>(std::stoi(text)), fallback, limit);
}

Result<domain::BoardMeetingList> meeting_list(Context& c) {
  return domain::board_meeting_list(c.store, c.principal().organisation_id, c.clock.today());
}

// The meetings page over `list`, with the form (and what it may refer to, for those who
// record meetings) holding `draft` and its problems.
Result<Response> list_html(Context& c, const domain::BoardMeetingList& list, const domain::BoardMeetingDraft& draft,
                           const std::vector<domain::FieldProblem>& problems) {
  const OrganisationId org = c.principal().organisation_id;
  std::optional<domain::BoardReferences> choices;
  if (role_allows(c.principal().role, P::manage_actions)) {
    CLINAUDIT_TRY(auto refs, domain::board_references(c.store, org));
    choices = std::move(refs);
  }
  const std::size_t items = std::max(rows_asked(c.request, "items", kDefaultItemRows, domain::kMaxBoardItems),
                                     draft.items.size() + (problems.empty() ? 0 : 1));
  const std::size_t actions = std::max(rows_asked(c.request, "actions", kDefaultActionRows, domain::kMaxBoardActions),
                                       draft.actions.size() + (problems.empty() ? 0 : 1));
  return html_response(pages::board_meetings_page(c, list, choices, draft, problems, items, actions),
                       problems.empty() ? 200 : 400);
}

Result<Response> list_html(Context& c, const domain::BoardMeetingDraft& draft,
                           const std::vector<domain::FieldProblem>& problems) {
  CLINAUDIT_TRY(const auto list, meeting_list(c));
  return list_html(c, list, draft, problems);
}

Result<domain::BoardMeetingDetails> details_of(Context& c) {
  CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
  return domain::board_meeting_details(c.store, c.principal().organisation_id, BoardMeetingId{id});
}

// One meeting's page: what it recorded and, for a meeting awaiting its outcome and a caller
// who may record it, the outcome form holding `draft` and its problems.
Result<Response> meeting_html(Context& c, const domain::BoardMeetingDetails& details,
                              const domain::BoardMeetingDraft& draft, const std::vector<domain::FieldProblem>& problems,
                              const std::string& message) {
  CLINAUDIT_TRY(auto actions, domain::action_rows(c.store, c.clock.today(), details.actions));
  std::optional<domain::BoardReferences> choices;
  if (details.awaiting_outcome() && role_allows(c.principal().role, P::manage_actions)) {
    CLINAUDIT_TRY(auto refs, domain::board_references(c.store, c.principal().organisation_id));
    choices = std::move(refs);
  }
  const std::size_t items = std::max(rows_asked(c.request, "items", kDefaultItemRows, domain::kMaxBoardItems),
                                     draft.items.size() + (problems.empty() ? 0 : 1));
  const std::size_t action_rows =
      std::max(rows_asked(c.request, "actions", kDefaultActionRows, domain::kMaxBoardActions),
               draft.actions.size() + (problems.empty() ? 0 : 1));
  return html_response(
      pages::board_meeting_page(c, details, actions, message, choices, draft, problems, items, action_rows),
      problems.empty() ? 200 : 400);
}

Response problems_response(const std::vector<domain::FieldProblem>& problems) {
  const Error error{ErrorCode::invalid_input, "the meeting was not recorded: " + std::to_string(problems.size()) +
                                                  (problems.size() == 1 ? " problem" : " problems")};
  return json_response(error_json(error, problems_json(problems)), 400);
}

}  // namespace

std::vector<Route> board_routes() {
  RouteTable table;
  table.resource<domain::BoardMeetingList>({
      .path = "/board-meetings",
      .load = meeting_list,
      .page = [](Context& c, domain::BoardMeetingList& list) { return list_html(c, list, {}, {}); },
      .json = [](Context&, domain::BoardMeetingList& list) { return json_response(to_json(list)); },
  });
  table.resource<domain::BoardMeetingDetails>({
      .path = R"(/board-meetings/(\d{1,18}))",
      .load = details_of,
      .page = [](Context& c, domain::BoardMeetingDetails& details) -> Result<Response> {
        const std::string recorded = c.request.query_value("recorded");
        return meeting_html(c, details, {}, {},
                            recorded == "1"         ? "The meeting was recorded."
                            : recorded == "outcome" ? "The outcome of the meeting was recorded."
                                                    : "");
      },
      .json = [](Context&, domain::BoardMeetingDetails& details) { return json_response(to_json(details)); },
  });
  // Recording a meeting reads a form on the page and JSON (or a form) on the API.
  table.add(
      page_route("POST", "/board-meetings", Access::permitted, P::manage_actions, [](Context& c) -> Result<Response> {
        const auto draft = form_draft(c.request);
        CLINAUDIT_TRY(auto outcome, domain::record_board_meeting(c.store, c.principal().organisation_id, draft,
                                                                 c.clock.today(), c.actor()));
        if (!outcome.checked.problems.empty()) return list_html(c, draft, outcome.checked.problems);
        return redirect("/board-meetings/" + std::to_string(outcome.id.value) + "?recorded=1");
      }));
  table.add(api_route(
      "POST", "/api/board-meetings", Access::permitted, P::manage_actions, [](Context& c) -> Result<Response> {
        // A JSON object (the usual), or the form's fields.
        BoardMeetingJson parsed;
        if (c.request.body.empty() && !c.request.fields.empty()) {
          parsed.draft = form_draft(c.request);
        } else {
          parsed = read_board_meeting_json(c.request.body);
        }
        if (!parsed.problems.empty()) return problems_response(parsed.problems);
        CLINAUDIT_TRY(auto outcome, domain::record_board_meeting(c.store, c.principal().organisation_id, parsed.draft,
                                                                 c.clock.today(), c.actor()));
        if (!outcome.checked.problems.empty()) return problems_response(outcome.checked.problems);
        return json_response(
            nlohmann::json{{"id", outcome.id.value}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
            201);
      }));
  // Recording the outcome of a booked meeting: the same rows as the meeting form, on the
  // meeting's page; JSON {"items": [...], "actions": [...]} (or the form's fields) on the API.
  table.add(page_route("POST", R"(/board-meetings/(\d{1,18})/outcome)", Access::permitted, P::manage_actions,
                       [](Context& c) -> Result<Response> {
                         CLINAUDIT_TRY(const auto details, details_of(c));
                         const auto draft = form_draft(c.request);
                         CLINAUDIT_TRY(auto outcome, domain::record_meeting_outcome(
                                                         c.store, c.principal().organisation_id, details.meeting.id,
                                                         draft, c.clock.today(), c.actor()));
                         if (!outcome.checked.problems.empty()) {
                           return meeting_html(c, details, draft, outcome.checked.problems, "");
                         }
                         return redirect("/board-meetings/" + std::to_string(outcome.id.value) + "?recorded=outcome");
                       }));
  table.add(api_route("POST", R"(/api/board-meetings/(\d{1,18})/outcome)", Access::permitted, P::manage_actions,
                      [](Context& c) -> Result<Response> {
                        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
                        BoardMeetingJson parsed;
                        if (c.request.body.empty() && !c.request.fields.empty()) {
                          parsed.draft = form_draft(c.request);
                        } else {
                          parsed = read_board_meeting_json(c.request.body);
                        }
                        if (!parsed.problems.empty()) return problems_response(parsed.problems);
                        CLINAUDIT_TRY(auto outcome, domain::record_meeting_outcome(
                                                        c.store, c.principal().organisation_id, BoardMeetingId{id},
                                                        parsed.draft, c.clock.today(), c.actor()));
                        if (!outcome.checked.problems.empty()) return problems_response(outcome.checked.problems);
                        return json_response(nlohmann::json{{"id", outcome.id.value}}.dump(
                            -1, ' ', false, nlohmann::json::error_handler_t::replace));
                      }));
  return std::move(table).routes();
}

}  // namespace clinaudit::http
