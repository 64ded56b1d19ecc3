#pragma once

#include "storage/sql_driver.hpp"
#include "storage/sqlite/sqlite_statement_cache.hpp"

namespace clinaudit::storage::sqlite {

// Statements of the SQL store on one SQLite connection, inside the transaction its owner
// opened. `?` and `?N` placeholders are SQLite's own; a boolean binds as 0 or 1 and JSON
// as text. A violated constraint is thrown as ConstraintViolation. Statements come from the
// connection's cache (`statements`), prepared once per text.
class SqliteSession final : public SqlSession {
 public:
  explicit SqliteSession(StatementCache& statements) : statements_(statements) {}
  void query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) override;
  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) override;

 private:
  StatementCache& statements_;
};

}  // namespace clinaudit::storage::sqlite
