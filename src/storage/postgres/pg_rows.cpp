#include "storage/postgres/pg_rows.hpp"

namespace clinaudit::storage::postgres {

Date date_field(const pqxx::field& field) {
  auto date = Date::parse(field.c_str());
  // The column type guarantees the format; a failure would be a server misconfiguration.
  return date ? *date : Date{};
}

std::optional<Date> optional_date_field(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return date_field(field);
}

void append_audit_log(pqxx::transaction_base& tx, const domain::Actor& actor, std::string_view action,
                      std::string_view entity, const std::string& entity_key, const std::string& before,
                      const std::string& after) {
  const std::optional<std::string> before_param = before.empty() ? std::nullopt : std::optional(before);
  const std::optional<std::string> after_param = after.empty() ? std::nullopt : std::optional(after);
  tx.exec_params(
      "INSERT INTO audit_log (user_id, actor, action, entity, entity_key, before, after) "
      "VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)",
      id_param(actor.user_id), actor.name, text(action), text(entity), entity_key, before_param, after_param);
}

}  // namespace clinaudit::storage::postgres
