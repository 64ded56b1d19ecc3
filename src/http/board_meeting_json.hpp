#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/board_meeting_check.hpp"
#include "domain/board_meeting_service.hpp"

// The JSON form of a board meeting (docs/api.md, "Board meetings"): read from the API's
// request body and from the file of `clinaudit board record`, and written for the API and
// `clinaudit board list --json`.
namespace clinaudit::http {

// A meeting read from JSON: `draft` holds what could be read and `problems` every problem of
// structure, each named by its field ("items[1].ref_id: must be a whole number or text").
// The draft is checked (domain::check_board_meeting) only when `problems` is empty.
struct BoardMeetingJson {
  domain::BoardMeetingDraft draft;
  std::vector<domain::FieldProblem> problems;
};

// Reads {"committee", "held_on", "items": [{"kind", "ref_id", "title", "decision"}],
// "actions": [{"title", "owner_id", "owner_email", "owner_name", "due_on"}]}. Ids may be
// numbers or text; every other value is text; items and actions may be left out. Unknown
// fields are problems (a misspelt "decison" must not be dropped silently). Never throws.
BoardMeetingJson read_board_meeting_json(std::string_view text);

// {"field": ..., "message": ...} for each problem, as a JSON array.
std::string problems_json(const std::vector<domain::FieldProblem>& problems);

std::string to_json(const domain::BoardMeetingList& list);
std::string to_json(const domain::BoardMeetingDetails& details);

}  // namespace clinaudit::http
