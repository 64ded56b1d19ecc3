#include "http/form_answers.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {
namespace {

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string field(const Context& c, std::string_view name) { return c.request.field(name).value_or(""); }

std::optional<Date> date_field(const Context& c, std::string_view name) {
  auto parsed = Date::parse(field(c, name));
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::string ok_json() { return dump(nlohmann::json{{"ok", true}}); }

std::string created_json(std::int64_t id) { return dump(nlohmann::json{{"id", id}}); }

bool shown_on_form(const Error& error) {
  return error.code == ErrorCode::invalid_input || error.code == ErrorCode::conflict;
}

Result<std::map<std::int64_t, domain::ActionRow>> action_rows_by_id(Context& c, std::vector<domain::Action> actions) {
  CLINAUDIT_TRY(auto rows, domain::action_rows(c.store, c.clock.today(), std::move(actions)));
  std::map<std::int64_t, domain::ActionRow> by_id;
  for (auto& row : rows) by_id.emplace(row.item.id.value, std::move(row));
  return by_id;
}

}  // namespace clinaudit::http
