#include "http/dataset_json.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {
namespace {

nlohmann::json limit(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string to_json(const domain::DatasetView& view) {
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& column : view.dataset.columns) {
    columns.push_back({{"name", column.name},
                       {"type", domain::to_string(column.type)},
                       {"required", column.required},
                       {"minimum", limit(column.minimum)},
                       {"maximum", limit(column.maximum)},
                       {"allowed_values", column.allowed_values},
                       {"description", column.description}});
  }
  return nlohmann::json{{"audit_id", view.audit.id.value},
                        {"audit_code", view.audit.code},
                        {"may_change", view.may_change},
                        {"columns", columns}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<domain::Dataset> read_dataset_json(std::string_view text, AuditId audit) {
  const auto body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object()) return invalid_input("the body is not a JSON object");
  if (!body.contains("columns") || !body["columns"].is_array())
    return invalid_input("columns: a list of columns is needed");
  domain::Dataset dataset;
  dataset.audit_id = audit;
  std::size_t index = 0;
  for (const auto& item : body["columns"]) {
    const std::string at = "columns[" + std::to_string(index++) + "]";
    if (!item.is_object()) return invalid_input(at + ": must be an object");
    domain::DatasetColumn column;
    if (!item.contains("type")) return invalid_input(at + ".type: a column needs its type");
    for (const auto& [key, value] : item.items()) {
      const std::string where = at + "." + key;
      if (key == "name" || key == "type" || key == "description") {
        if (!value.is_string()) return invalid_input(where + ": must be text");
        const auto given = value.get<std::string>();
        if (key == "name") column.name = given;
        if (key == "description") column.description = given;
        if (key == "type") {
          const auto type = domain::parse_value_type(given);
          if (!type) return invalid_input(where + ": must be number, yes_no, category or date");
          column.type = *type;
        }
      } else if (key == "required") {
        if (!value.is_boolean()) return invalid_input(where + ": must be true or false");
        column.required = value.get<bool>();
      } else if (key == "minimum" || key == "maximum") {
        if (value.is_null()) continue;
        if (!value.is_number()) return invalid_input(where + ": must be a number or null");
        (key == "minimum" ? column.minimum : column.maximum) = value.get<double>();
      } else if (key == "allowed_values") {
        if (!value.is_array()) return invalid_input(where + ": must be a list of text");
        for (const auto& allowed : value) {
          if (!allowed.is_string()) return invalid_input(where + ": must be a list of text");
          column.allowed_values.push_back(allowed.get<std::string>());
        }
      } else {
        return invalid_input(where + ": is not a field of a dataset column");
      }
    }
    if (column.name.empty()) return invalid_input(at + ".name: a column needs a name");
    dataset.columns.push_back(std::move(column));
  }
  return dataset;
}

}  // namespace clinaudit::http
