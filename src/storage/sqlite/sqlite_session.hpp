#pragma once

#include <SQLiteCpp/Database.h>

#include "storage/sql_driver.hpp"

namespace clinaudit::storage::sqlite {

// Statements of the SQL store on one SQLite connection, inside the transaction its owner
// opened. `?` and `?N` placeholders are SQLite's own; a boolean binds as 0 or 1 and JSON
// as text. A violated constraint is thrown as ConstraintViolation.
class SqliteSession final : public SqlSession {
 public:
  explicit SqliteSession(SQLite::Database& db) : db_(db) {}
  void query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) override;
  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) override;

 private:
  SQLite::Database& db_;
};

}  // namespace clinaudit::storage::sqlite
