#include "storage/sqlite/sqlite_session.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>

namespace clinaudit::storage::sqlite {
namespace {

class SqliteRow final : public SqlRow {
 public:
  explicit SqliteRow(SQLite::Statement& statement) : statement_(statement) {}
  bool is_null(int column) const override { return statement_.isColumnNull(column); }
  std::int64_t int64(int column) const override { return statement_.getColumn(column).getInt64(); }
  double real(int column) const override { return statement_.getColumn(column).getDouble(); }
  bool boolean(int column) const override { return statement_.getColumn(column).getInt() != 0; }
  std::string text(int column) const override { return statement_.getColumn(column).getString(); }
  std::string_view name(int column) const override { return statement_.getColumnName(column); }

 private:
  SQLite::Statement& statement_;
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

// Binds `params` to the statement's placeholders 1, 2, ...
void bind_params(SQLite::Statement& statement, std::span<const SqlParam> params) {
  int index = 1;
  for (const auto& param : params) {
    if (std::holds_alternative<std::int64_t>(param)) {
      statement.bind(index, std::get<std::int64_t>(param));
    } else if (std::holds_alternative<double>(param)) {
      statement.bind(index, std::get<double>(param));
    } else if (std::holds_alternative<bool>(param)) {
      statement.bind(index, std::get<bool>(param) ? 1 : 0);
    } else if (std::holds_alternative<std::string>(param)) {
      statement.bind(index, std::get<std::string>(param));
    } else if (std::holds_alternative<SqlJson>(param)) {
      statement.bind(index, std::get<SqlJson>(param).text);  // '' stands for none
    } else {
      statement.bind(index);
    }
    ++index;
  }
}

}  // namespace

void SqliteSession::query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) {
  SQLite::Statement statement(db_, std::string(sql));
  bind_params(statement, params);
  const SqliteRow row(statement);
  while (checked([&] { return statement.executeStep(); })) on_row(row);
}

std::int64_t SqliteSession::execute(std::string_view sql, std::span<const SqlParam> params) {
  SQLite::Statement statement(db_, std::string(sql));
  bind_params(statement, params);
  return checked([&] { return statement.exec(); });
}

}  // namespace clinaudit::storage::sqlite
