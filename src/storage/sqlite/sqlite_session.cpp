#include "storage/sqlite/sqlite_session.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

namespace clinaudit::storage::sqlite {
namespace {

// Throws SQLite's error for `result` on the statement's connection (message and extended code).
[[noreturn]] void throw_error(sqlite3_stmt* statement, int result) {
  throw SQLite::Exception(sqlite3_db_handle(statement), result);
}

class SqliteRow final : public SqlRow {
 public:
  explicit SqliteRow(sqlite3_stmt* statement) : statement_(statement) {}
  bool is_null(int column) const override { return sqlite3_column_type(statement_, checked(column)) == SQLITE_NULL; }
  std::int64_t int64(int column) const override { return sqlite3_column_int64(statement_, checked(column)); }
  double real(int column) const override { return sqlite3_column_double(statement_, checked(column)); }
  bool boolean(int column) const override { return sqlite3_column_int64(statement_, checked(column)) != 0; }
  std::string text(int column) const override {
    // The bytes after the pointer: sqlite3_column_bytes counts the text just converted.
    const auto* bytes = sqlite3_column_text(statement_, checked(column));
    if (bytes == nullptr) return {};
    return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(sqlite3_column_bytes(statement_, column))};
  }
  std::string_view name(int column) const override { return sqlite3_column_name(statement_, checked(column)); }

 private:
  // SQLite answers a column out of range with NULL or 0; the store's reading of a result is wrong
  // then, and says so.
  int checked(int column) const {
    if (column < 0 || column >= sqlite3_column_count(statement_)) {
      throw SQLite::Exception("column " + std::to_string(column) + " is not in the result");
    }
    return column;
  }

  sqlite3_stmt* statement_;
};

// Runs `step`; a constraint violation becomes a ConstraintViolation, anything else propagates.
template <typename Step>
auto checked(Step step) {
  try {
    return step();
  } catch (const SQLite::Exception& e) {
    const int code = e.getExtendedErrorCode();
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      throw ConstraintViolation{Constraint::unique, e.what()};
    }
    if (code == SQLITE_CONSTRAINT_FOREIGNKEY) throw ConstraintViolation{Constraint::foreign_key, e.what()};
    if ((code & 0xff) == SQLITE_CONSTRAINT) throw ConstraintViolation{Constraint::other, e.what()};
    throw;
  }
}

// Binds `params` to the statement's placeholders 1, 2, ... Texts are not copied: the lease that
// holds the statement unbinds them before `params` goes.
void bind_params(sqlite3_stmt* statement, std::span<const SqlParam> params) {
  int index = 1;
  for (const auto& param : params) {
    int result = SQLITE_OK;
    if (std::holds_alternative<std::int64_t>(param)) {
      result = sqlite3_bind_int64(statement, index, std::get<std::int64_t>(param));
    } else if (std::holds_alternative<double>(param)) {
      result = sqlite3_bind_double(statement, index, std::get<double>(param));
    } else if (std::holds_alternative<bool>(param)) {
      result = sqlite3_bind_int(statement, index, std::get<bool>(param) ? 1 : 0);
    } else if (std::holds_alternative<std::string>(param) || std::holds_alternative<SqlJson>(param)) {
      const std::string& text =
          std::holds_alternative<std::string>(param) ? std::get<std::string>(param) : std::get<SqlJson>(param).text;
      // '' stands for no JSON.
      result = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      result = sqlite3_bind_null(statement, index);
    }
    if (result != SQLITE_OK) throw_error(statement, result);
    ++index;
  }
}

}  // namespace

void SqliteSession::query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) {
  const auto lease = statements_.lend(sql);
  sqlite3_stmt* statement = lease.statement();
  if (statement == nullptr) return;
  bind_params(statement, params);
  const SqliteRow row(statement);
  while (checked([&] {
    const int result = sqlite3_step(statement);
    if (result != SQLITE_ROW && result != SQLITE_DONE) throw_error(statement, result);
    return result == SQLITE_ROW;
  })) {
    on_row(row);
  }
}

std::int64_t SqliteSession::execute(std::string_view sql, std::span<const SqlParam> params) {
  const auto lease = statements_.lend(sql);
  sqlite3_stmt* statement = lease.statement();
  if (statement == nullptr) return 0;
  bind_params(statement, params);
  return checked([&] {
    const int result = sqlite3_step(statement);
    if (result == SQLITE_ROW)
      throw SQLite::Exception("a statement run for its changes returned rows: " + std::string(sql));
    if (result != SQLITE_DONE) throw_error(statement, result);
    return static_cast<std::int64_t>(sqlite3_changes64(sqlite3_db_handle(statement)));
  });
}

}  // namespace clinaudit::storage::sqlite
