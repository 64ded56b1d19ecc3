#pragma once

#include <pqxx/pqxx>

#include <string>
#include <string_view>

#include "storage/sql_driver.hpp"

namespace clinaudit::storage::postgres {

// Statements of the SQL store inside one libpqxx transaction. Placeholders are written
// `?` or `?N` and sent as `$N`; every parameter goes as text and the server infers its type
// from where it stands (a boolean as true/false, JSON as jsonb text, none as NULL). A
// violated constraint (integrity_constraint_violation) is thrown as ConstraintViolation.
class PgSession final : public SqlSession {
 public:
  explicit PgSession(pqxx::transaction_base& tx) : tx_(tx) {}
  void query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) override;
  std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) override;
  // Through a cursor, kRowsPerFetch rows at a time; the next batch is fetched while the
  // caller reads this one, so that the server's work and the caller's overlap. Its one use
  // reads blocks of up to a thousand episodes (about 50 kB each): 64 a fetch, about 3 MB, the
  // fastest of 20, 32, 64 and 128 at ten million episodes.
  void query_many(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) override;

  static constexpr int kRowsPerFetch = 64;

 private:
  pqxx::result run(std::string_view sql, std::span<const SqlParam> params);

  pqxx::transaction_base& tx_;
};

}  // namespace clinaudit::storage::postgres
