#pragma once

#include <pqxx/pqxx>

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/audit_log.hpp"
#include "domain/user.hpp"

namespace clinaudit::storage::postgres {

// Helpers shared by the PostgresStore files: reading fields into domain values, turning
// optional domain values into query parameters (std::nullopt is SQL NULL), and appending
// to the audit log inside the caller's transaction.

template <typename T>
std::optional<T> optional_field(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<T>();
}

// A `date` column, read as ISO text (the pool fixes DateStyle to ISO).
Date date_field(const pqxx::field& field);
std::optional<Date> optional_date_field(const pqxx::field& field);

template <typename IdType>
std::optional<IdType> optional_id_field(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return IdType{field.as<std::int64_t>()};
}

template <typename Tag>
std::optional<std::int64_t> id_param(const std::optional<Id<Tag>>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

inline std::optional<std::string> date_param(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return date->to_string();
}

inline std::string text(std::string_view value) { return std::string(value); }

// Appends one entry, in `tx`, so it commits or rolls back with the change it records.
// `before`/`after` are JSON objects, or "" for none.
void append_audit_log(pqxx::transaction_base& tx, const domain::Actor& actor, std::string_view action,
                      std::string_view entity, const std::string& entity_key, const std::string& before,
                      const std::string& after);

}  // namespace clinaudit::storage::postgres
