#pragma once

// Helpers shared by the SqliteStore source files: the adapter's internal failure type,
// the try/catch wrapper that turns library exceptions into Error values, and binding and
// reading of optional values. Nothing here crosses the storage layer's public headers.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace clinaudit::storage::sqlite {

// Thrown inside the adapter to abandon an operation (and roll back its transaction) with
// a ready-made Error; caught by guarded() before it can leave a SqliteStore method.
struct StoreFailure {
  Error error;
};

[[noreturn]] inline void fail(ErrorCode code, std::string message) {
  throw StoreFailure{Error{code, std::move(message)}};
}

// The Error for a library exception raised while `doing` something.
Error translate_sqlite_error(const SQLite::Exception& e, std::string_view doing);

// Runs `body` and returns its value, or the Error that stopped it.
template <typename F>
auto guarded(std::string_view doing, F&& body) -> Result<std::invoke_result_t<F&>> {
  using T = std::invoke_result_t<F&>;
  try {
    if constexpr (std::is_void_v<T>) {
      body();
      return {};
    } else {
      return body();
    }
  } catch (const StoreFailure& failure) {
    return failure.error;
  } catch (const SQLite::Exception& e) {
    return translate_sqlite_error(e, doing);
  } catch (const std::exception& e) {
    return Error{ErrorCode::storage_unavailable, std::string(doing) + ": " + e.what()};
  }
}

// Steps an INSERT or UPDATE once. A UNIQUE or PRIMARY KEY violation becomes
// StoreFailure(conflict, conflict_message); anything else propagates.
void execute_unique(SQLite::Statement& statement, const std::string& conflict_message);

// Throws StoreFailure(not_found, "<what> id N does not exist") unless `table` has row `id`.
void require_row(SQLite::Database& db, std::string_view table, std::int64_t id, std::string_view what);

// The current time, ISO 8601 UTC to the second ("2026-11-26T15:36:00Z").
std::string utc_now_iso();

// Binding: an empty optional binds NULL.
void bind_optional(SQLite::Statement& statement, int index, const std::optional<double>& value);
void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value);
void bind_optional(SQLite::Statement& statement, int index, const std::optional<bool>& value);
void bind_optional(SQLite::Statement& statement, int index, const std::optional<Date>& value);
template <typename Tag>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<Id<Tag>>& value) {
  if (value) {
    statement.bind(index, value->value);
  } else {
    statement.bind(index);
  }
}
inline void bind_date(SQLite::Statement& statement, int index, Date date) { statement.bind(index, date.to_string()); }

// Reading: a NULL column reads as an empty optional.
std::optional<double> optional_double(const SQLite::Column& column);
std::optional<std::int64_t> optional_int(const SQLite::Column& column);
std::optional<bool> optional_bool(const SQLite::Column& column);
std::optional<Date> optional_date(const SQLite::Column& column);
Date date_column(const SQLite::Column& column);
template <typename IdType>
std::optional<IdType> optional_id(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return IdType{column.getInt64()};
}
template <typename IdType>
IdType id_column(const SQLite::Column& column) {
  return IdType{column.getInt64()};
}

// The stored enum text read back, or StoreFailure(internal) naming the column and text.
template <typename Enum, typename Parse>
Enum enum_column(const SQLite::Column& column, Parse parse) {
  const std::string text = column.getString();
  const std::optional<Enum> value = parse(text);
  if (!value) fail(ErrorCode::internal, std::string("unexpected value '") + text + "' in column " + column.getName());
  return *value;
}

}  // namespace clinaudit::storage::sqlite
