#pragma once

// Helpers of the SQL store's files: statement parameters from domain values, reading
// columns back into them, and running a statement in one line. A column that holds what
// the program cannot read (an unknown enum name, a malformed date) is an internal error
// naming the column and its text, on every database.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// ---- Parameters: an empty optional is NULL.

inline SqlParam to_param(std::int64_t value) { return value; }
inline SqlParam to_param(int value) { return std::int64_t{value}; }
inline SqlParam to_param(double value) { return value; }
inline SqlParam to_param(bool value) { return value; }
inline SqlParam to_param(std::string value) { return value; }
inline SqlParam to_param(std::string_view value) { return std::string(value); }
inline SqlParam to_param(const char* value) { return std::string(value); }
inline SqlParam to_param(Date value) { return value.to_string(); }
inline SqlParam to_param(SqlJson value) { return value; }
template <typename Tag>
SqlParam to_param(Id<Tag> id) {
  return id.value;
}
template <typename T>
SqlParam to_param(const std::optional<T>& value) {
  if (!value) return std::monostate{};
  return to_param(*value);
}

// An optional enum as its stored name (the domain's to_string), NULL when empty.
template <typename Enum>
std::optional<std::string_view> optional_name(const std::optional<Enum>& value) {
  if (!value) return std::nullopt;
  return to_string(*value);
}

// ---- Reading columns.

Date date_of(const SqlRow& row, int column);
std::optional<Date> optional_date(const SqlRow& row, int column);
std::optional<double> optional_real(const SqlRow& row, int column);
std::optional<std::int64_t> optional_int64(const SqlRow& row, int column);
std::optional<bool> optional_bool(const SqlRow& row, int column);
// A timestamp as ISO 8601 UTC to the second ("2026-11-26T15:36:00Z"), whether the column
// holds that text (SQLite) or a timestamptz (PostgreSQL, whose session runs in UTC).
std::string timestamp_of(const SqlRow& row, int column);
// JSON text, "" for NULL.
std::string json_of(const SqlRow& row, int column);

template <typename IdType>
IdType id_of(const SqlRow& row, int column) {
  return IdType{row.int64(column)};
}
template <typename IdType>
std::optional<IdType> optional_id(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return IdType{row.int64(column)};
}

// Throws StoreFailure(internal) naming the column and the text it holds.
[[noreturn]] void unreadable(const SqlRow& row, int column, const std::string& text);

template <typename Parse>
auto enum_of(const SqlRow& row, int column, Parse parse) {
  const std::string text = row.text(column);
  const auto value = parse(text);
  if (!value) unreadable(row, column, text);
  return *value;
}
template <typename Parse>
auto optional_enum(const SqlRow& row, int column, Parse parse) -> decltype(parse(std::string_view())) {
  if (row.is_null(column)) return std::nullopt;
  return enum_of(row, column, parse);
}

// ---- Running statements: parameters are given as domain values after the SQL.

template <typename... Args>
std::array<SqlParam, sizeof...(Args)> params(const Args&... args) {
  return {to_param(args)...};
}

template <typename... Args>
void each_row(SqlSession& session, std::string_view sql, const RowCallback& on_row, const Args&... args) {
  const auto bound = params(args...);
  session.query(sql, bound, on_row);
}

// each_row for a SELECT of very many rows (SqlSession::query_many): `on_row` must not use
// the session.
template <typename... Args>
void each_row_of_many(SqlSession& session, std::string_view sql, const RowCallback& on_row, const Args&... args) {
  const auto bound = params(args...);
  session.query_many(sql, bound, on_row);
}

// Every row, each read by `read(row)`.
template <typename Read, typename... Args>
auto all_rows(SqlSession& session, std::string_view sql, Read read, const Args&... args) {
  std::vector<std::decay_t<decltype(read(std::declval<const SqlRow&>()))>> rows;
  each_row(
      session, sql, [&](const SqlRow& row) { rows.push_back(read(row)); }, args...);
  return rows;
}

// The first row read by `read(row)`, or nothing.
template <typename Read, typename... Args>
auto first_row(SqlSession& session, std::string_view sql, Read read, const Args&... args) {
  std::optional<std::decay_t<decltype(read(std::declval<const SqlRow&>()))>> found;
  each_row(
      session, sql,
      [&](const SqlRow& row) {
        if (!found) found = read(row);
      },
      args...);
  return found;
}

// The first row read by `read(row)`; StoreFailure(not_found, missing) when there is none.
template <typename Read, typename... Args>
auto only_row(SqlSession& session, const std::string& missing, std::string_view sql, Read read, const Args&... args) {
  auto found = first_row(session, sql, read, args...);
  if (!found) fail(ErrorCode::not_found, missing);
  return std::move(*found);
}

template <typename... Args>
std::int64_t execute(SqlSession& session, std::string_view sql, const Args&... args) {
  const auto bound = params(args...);
  return session.execute(sql, bound);
}

// Runs an INSERT ... RETURNING id and returns the id; 0 when it inserted nothing
// (ON CONFLICT DO NOTHING).
template <typename... Args>
std::int64_t insert(SqlSession& session, std::string_view sql, const Args&... args) {
  return first_row(
             session, sql, [](const SqlRow& row) { return row.int64(0); }, args...)
      .value_or(0);
}

// Runs `write()`; a duplicate key becomes StoreFailure(conflict, conflict_message).
template <typename Write>
auto unique(const std::string& conflict_message, Write write) {
  try {
    return write();
  } catch (const ConstraintViolation& violation) {
    if (violation.constraint == Constraint::unique) fail(ErrorCode::conflict, conflict_message);
    throw;
  }
}

// Throws StoreFailure(not_found, "<what> id N does not exist") unless `table` has row `id`.
// Table names come from the store's own code, never from input.
void require_row(SqlSession& session, std::string_view table, std::int64_t id, const std::string& what);

// The current time, ISO 8601 UTC to the second.
std::string utc_now_iso();

}  // namespace clinaudit::storage
