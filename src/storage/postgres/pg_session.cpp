#include "storage/postgres/pg_session.hpp"

#include <charconv>
#include <future>
#include <optional>
#include <vector>

namespace clinaudit::storage::postgres {
namespace {

class PgRow final : public SqlRow {
 public:
  explicit PgRow(const pqxx::row& row) : row_(row) {}
  bool is_null(int column) const override { return row_[column].is_null(); }
  std::int64_t int64(int column) const override { return row_[column].as<std::int64_t>(); }
  double real(int column) const override { return row_[column].as<double>(); }
  bool boolean(int column) const override { return row_[column].as<bool>(); }
  std::string text(int column) const override { return row_[column].as<std::string>(); }
  std::string_view name(int column) const override { return row_[column].name(); }

 private:
  const pqxx::row& row_;
};

std::optional<std::string> text_of(const SqlParam& param) {
  if (const auto* value = std::get_if<std::int64_t>(&param)) return std::to_string(*value);
  if (const auto* value = std::get_if<double>(&param)) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, *value).ptr;  // shortest text that reads back exactly
    return std::string(text, end);
  }
  if (const auto* value = std::get_if<bool>(&param)) return *value ? "true" : "false";
  if (const auto* value = std::get_if<std::string>(&param)) return *value;
  if (const auto* value = std::get_if<SqlJson>(&param)) {
    if (value->text.empty()) return std::nullopt;  // none: NULL in a jsonb column
    return value->text;
  }
  return std::nullopt;
}

// "a = ? AND b = ?" -> "a = $1 AND b = $2"; "?2" -> "$2". Text in single quotes is left alone.
std::string postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (c != '?' || quoted) {
      out += c;
      continue;
    }
    out += '$';
    if (i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') continue;  // "?2": its digits follow
    out += std::to_string(++next);
  }
  return out;
}

}  // namespace

pqxx::result PgSession::run(std::string_view sql, std::span<const SqlParam> params) {
  std::vector<std::optional<std::string>> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(text_of(param));
  try {
    return tx_.exec_params(postgres_placeholders(sql), pqxx::prepare::make_dynamic_params(values));
  } catch (const pqxx::unique_violation& e) {
    throw ConstraintViolation{Constraint::unique, e.what()};
  } catch (const pqxx::foreign_key_violation& e) {
    throw ConstraintViolation{Constraint::foreign_key, e.what()};
  } catch (const pqxx::integrity_constraint_violation& e) {
    throw ConstraintViolation{Constraint::other, e.what()};
  }
}

void PgSession::query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) {
  const pqxx::result result = run(sql, params);
  for (const auto& row : result) on_row(PgRow(row));
}

void PgSession::query_many(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) {
  // libpq hands a statement's rows over all at once: ten million episodes would be held twice,
  // as the server's text and as what the caller makes of it.
  run("DECLARE rows_in_batches NO SCROLL CURSOR FOR " + std::string(sql), params);
  const std::string fetch = "FETCH " + std::to_string(kRowsPerFetch) + " FROM rows_in_batches";
  pqxx::result batch = tx_.exec(fetch);
  while (!batch.empty()) {
    // The connection is used by the fetch alone until get(); the batch read here is the
    // client's own copy. Should on_row throw, the future's destructor waits for the fetch.
    auto next = std::async(std::launch::async, [&] { return tx_.exec(fetch); });
    for (const auto& row : batch) on_row(PgRow(row));
    batch = next.get();
  }
  tx_.exec("CLOSE rows_in_batches");
}

std::int64_t PgSession::execute(std::string_view sql, std::span<const SqlParam> params) {
  return static_cast<std::int64_t>(run(sql, params).affected_rows());
}

}  // namespace clinaudit::storage::postgres
