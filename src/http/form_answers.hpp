#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/action_list.hpp"
#include "http/app.hpp"

// What the routes of a page of forms share (the report tracker, the NICE guidance register,
// the local audit register, the set-up pages): a form field as text, a date field, the JSON
// answers of a change, which refusals the form shows again, and the rows of a page's actions.
namespace clinaudit::http {

// The field as sent, or "" when it was not.
std::string field(const Context& c, std::string_view name);

// The field as a date, or nothing when it is empty or not a date.
std::optional<Date> date_field(const Context& c, std::string_view name);

std::string ok_json();                      // {"ok":true}
std::string created_json(std::int64_t id);  // {"id":N}

// A refusal the form shows again with what was typed: bad input, or a change that repeats what
// is there. Any other error is the error page.
bool shown_on_form(const Error& error);

// `actions` as the action plan lists them (owner's name, overdue), by action id.
Result<std::map<std::int64_t, domain::ActionRow>> action_rows_by_id(Context& c, std::vector<domain::Action> actions);

}  // namespace clinaudit::http
