#include "http/board_meeting_json.hpp"

#include <nlohmann/json.hpp>

#include <set>

namespace clinaudit::http {

namespace {

using nlohmann::json;

class Reader {
 public:
  explicit Reader(std::vector<domain::FieldProblem>& problems) : problems_(problems) {}

  void problem(std::string field, std::string message) {
    problems_.push_back(domain::FieldProblem{std::move(field), std::move(message)});
  }

  void unknown_fields(const json& object, const std::set<std::string>& known, const std::string& at) {
    for (const auto& [key, value] : object.items()) {
      if (!known.contains(key)) problem(at + key, "is not a known field");
    }
  }

  // Text; for `id_allowed` also a whole number, written as text.
  std::string text(const json& object, const char* name, const std::string& at, bool id_allowed = false) {
    const auto found = object.find(name);
    if (found == object.end() || found->is_null()) return {};
    if (found->is_string()) return found->get<std::string>();
    if (id_allowed && found->is_number_integer())
      return found->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    problem(at + name, id_allowed ? "must be a whole number or text" : "must be text in double quotes");
    return {};
  }

  // The objects of the array `name`; a problem when it is not an array of objects.
  std::vector<json> objects(const json& document, const char* name) {
    const auto found = document.find(name);
    if (found == document.end() || found->is_null()) return {};
    if (!found->is_array()) {
      problem(name, "must be an array of objects");
      return {};
    }
    std::vector<json> out;
    for (std::size_t i = 0; i < found->size(); ++i) {
      if (!(*found)[i].is_object()) {
        problem(std::string(name) + "[" + std::to_string(i) + "]", "must be an object");
        out.emplace_back(json::object());
      } else {
        out.push_back((*found)[i]);
      }
    }
    return out;
  }

 private:
  std::vector<domain::FieldProblem>& problems_;
};

nlohmann::json meeting_json(const domain::BoardMeeting& meeting) {
  return {{"id", meeting.id.value}, {"committee", meeting.committee}, {"held_on", meeting.held_on.to_string()}};
}

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

BoardMeetingJson read_board_meeting_json(std::string_view text) {
  BoardMeetingJson out;
  Reader read(out.problems);
  json document;
  try {
    document = json::parse(text);
  } catch (const json::exception& e) {  // a parse error, or a number too large to hold (1e999)
    read.problem("", std::string("not valid JSON: ") + e.what());
    return out;
  }
  if (!document.is_object()) {
    read.problem("", "the meeting must be one JSON object: {\"committee\": ..., \"held_on\": ..., \"items\": [...]}");
    return out;
  }
  read.unknown_fields(document, {"committee", "held_on", "items", "actions"}, "");
  out.draft.committee = read.text(document, "committee", "");
  out.draft.held_on = read.text(document, "held_on", "");
  const auto items = read.objects(document, "items");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string at = "items[" + std::to_string(i) + "].";
    read.unknown_fields(items[i], {"kind", "ref_id", "title", "decision"}, at);
    out.draft.items.push_back({read.text(items[i], "kind", at), read.text(items[i], "ref_id", at, true),
                               read.text(items[i], "title", at), read.text(items[i], "decision", at)});
  }
  const auto actions = read.objects(document, "actions");
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const std::string at = "actions[" + std::to_string(i) + "].";
    read.unknown_fields(actions[i], {"title", "owner_id", "owner_email", "owner_name", "due_on"}, at);
    out.draft.actions.push_back({read.text(actions[i], "title", at), read.text(actions[i], "owner_id", at, true),
                                 read.text(actions[i], "owner_email", at), read.text(actions[i], "owner_name", at),
                                 read.text(actions[i], "due_on", at)});
  }
  return out;
}

std::string problems_json(const std::vector<domain::FieldProblem>& problems) {
  auto out = nlohmann::json::array();
  for (const auto& problem : problems) out.push_back({{"field", problem.field}, {"message", problem.message}});
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const domain::BoardMeetingList& list) {
  auto meetings = nlohmann::json::array();
  for (const auto& summary : list.meetings) {
    auto row = meeting_json(summary.meeting);
    row["items"] = summary.items;
    row["actions_raised"] = summary.actions_raised;
    meetings.push_back(std::move(row));
  }
  auto engagement = nlohmann::json::array();
  for (const auto& year : list.engagement) {
    engagement.push_back({{"year", year.year.to_string()},
                          {"national_reports_published", year.national_reports_published},
                          {"national_reports_reviewed", year.national_reports_reviewed},
                          {"median_days_to_review", optional_number(year.median_days_to_review)},
                          {"board_actions_due", year.board_actions_due},
                          {"board_actions_on_time", year.board_actions_on_time}});
  }
  return nlohmann::json{{"meetings", meetings}, {"engagement", engagement}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const domain::BoardMeetingDetails& details) {
  auto out = meeting_json(details.meeting);
  out["items"] = nlohmann::json::array();
  for (const auto& item : details.items) {
    out["items"].push_back({{"kind", std::string(domain::to_string(item.kind))},
                            {"ref_id", item.ref_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(item.ref_id)},
                            {"title", item.title},
                            {"decision", item.decision}});
  }
  out["actions"] = nlohmann::json::array();
  for (const auto& action : details.actions) {
    out["actions"].push_back(
        {{"id", action.id.value},
         {"title", action.title},
         {"owner_id", action.owner ? nlohmann::json(action.owner->value) : nlohmann::json(nullptr)},
         {"owner_name", action.owner_name},
         {"due_on", action.due_on.to_string()},
         {"status", std::string(domain::to_string(action.status))},
         {"completed_on",
          action.completed_on ? nlohmann::json(action.completed_on->to_string()) : nlohmann::json(nullptr)}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clinaudit::http
