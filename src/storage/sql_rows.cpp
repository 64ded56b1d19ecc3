#include "storage/sql_rows.hpp"

#include <ctime>

namespace clinaudit::storage {

void unreadable(const SqlRow& row, int column, const std::string& text) {
  fail(ErrorCode::internal,
       "unexpected value '" + text + "' in column " + std::string(row.name(column)) + " of a stored record");
}

Date date_of(const SqlRow& row, int column) {
  const std::string text = row.text(column);
  const auto date = Date::parse(text);
  if (!date) unreadable(row, column, text);
  return *date;
}

std::optional<Date> optional_date(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return date_of(row, column);
}

std::optional<double> optional_real(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.real(column);
}

std::optional<std::int64_t> optional_int64(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.int64(column);
}

std::optional<bool> optional_bool(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.boolean(column);
}

std::string timestamp_of(const SqlRow& row, int column) {
  std::string text = row.text(column);
  // PostgreSQL writes "2026-11-26 15:36:00+00" (or with fractions of a second).
  if (text.size() >= 19 && text[10] == ' ') text = text.substr(0, 10) + 'T' + text.substr(11, 8) + 'Z';
  return text;
}

std::string json_of(const SqlRow& row, int column) { return row.is_null(column) ? std::string() : row.text(column); }

void require_row(SqlSession& session, std::string_view table, std::int64_t id, const std::string& what) {
  const auto found = first_row(
      session, "SELECT 1 FROM " + std::string(table) + " WHERE id = ?", [](const SqlRow&) { return 1; }, id);
  if (!found) fail(ErrorCode::not_found, what + " id " + std::to_string(id) + " does not exist");
}

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char text[32];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(text, length);
}

}  // namespace clinaudit::storage
