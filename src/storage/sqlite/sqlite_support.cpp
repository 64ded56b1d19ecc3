#include "storage/sqlite/sqlite_support.hpp"

#include <sqlite3.h>

#include <ctime>

namespace clinaudit::storage::sqlite {

Error translate_sqlite_error(const SQLite::Exception& e, std::string_view doing) {
  const int code = e.getExtendedErrorCode();
  std::string message = std::string(doing) + ": ";
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error{ErrorCode::conflict, message + "a record with the same key already exists (" + e.what() + ")"};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error{ErrorCode::not_found, message + "a referenced record does not exist"};
    default: break;
  }
  if ((code & 0xff) == SQLITE_CONSTRAINT) {
    return Error{ErrorCode::invalid_input, message + e.what()};
  }
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    return Error{ErrorCode::storage_unavailable, message + "the database is busy (another writer held it too long)"};
  }
  return Error{ErrorCode::storage_unavailable, message + e.what()};
}

void execute_unique(SQLite::Statement& statement, const std::string& conflict_message) {
  try {
    statement.exec();
  } catch (const SQLite::Exception& e) {
    const int code = e.getExtendedErrorCode();
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      fail(ErrorCode::conflict, conflict_message);
    }
    throw;
  }
}

void require_row(SQLite::Database& db, std::string_view table, std::int64_t id, std::string_view what) {
  // Table names come from the adapter's own code, never from input.
  SQLite::Statement query(db, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep())
    fail(ErrorCode::not_found, std::string(what) + " id " + std::to_string(id) + " does not exist");
}

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(text, length);
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<double>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<bool>& value) {
  if (value) {
    statement.bind(index, *value ? 1 : 0);
  } else {
    statement.bind(index);
  }
}

void bind_optional(SQLite::Statement& statement, int index, const std::optional<Date>& value) {
  if (value) {
    statement.bind(index, value->to_string());
  } else {
    statement.bind(index);
  }
}

std::optional<double> optional_double(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getDouble();
}

std::optional<std::int64_t> optional_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

std::optional<bool> optional_bool(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt() != 0;
}

Date date_column(const SQLite::Column& column) {
  const std::string text = column.getString();
  auto date = Date::parse(text);
  if (!date) fail(ErrorCode::internal, std::string("unexpected date '") + text + "' in column " + column.getName());
  return *date;
}

std::optional<Date> optional_date(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return date_column(column);
}

}  // namespace clinaudit::storage::sqlite
