#include "storage/postgres/pg_transaction.hpp"

#include <regex>
#include <string>

namespace clinaudit::storage::postgres {
namespace {

// PostgreSQL's DETAIL line, e.g. `Key (code)=(RXX) already exists.`
std::string detail_of(const std::string& message) {
  const auto at = message.find("DETAIL:");
  if (at == std::string::npos) return "";
  auto detail = message.substr(at + 7);
  const auto end = detail.find('\n');
  if (end != std::string::npos) detail.resize(end);
  while (!detail.empty() && detail.front() == ' ') detail.erase(0, 1);
  return detail;
}

// The first line of the server's message, without the "ERROR:" prefix.
std::string first_line(const std::string& message) {
  auto line = message.substr(0, message.find('\n'));
  if (line.rfind("ERROR:", 0) == 0) line.erase(0, 6);
  while (!line.empty() && line.front() == ' ') line.erase(0, 1);
  return line;
}

// "board_meetings" -> "board meeting"
std::string record_name(std::string table) {
  if (!table.empty() && table.back() == 's') table.pop_back();
  for (auto& c : table) {
    if (c == '_') c = ' ';
  }
  return table;
}

std::string prefix(std::string_view what, std::string_view subject) {
  std::string out(what);
  if (!subject.empty()) out.append(": ").append(subject);
  return out;
}

}  // namespace

Error to_error(const std::exception& e, std::string_view what, std::string_view subject) {
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
  const std::string message = e.what();
  if (sql != nullptr && sql->sqlstate() == "23505") {
    static const std::regex kKey(R"(Key \((.*)\)=\((.*)\) already exists)");
    std::smatch m;
    const auto detail = detail_of(message);
    if (std::regex_search(detail, m, kKey)) {
      // "audits: audit NHFD: audit code 'NHFD' already exists"
      const auto entity = subject.substr(0, subject.find(' '));
      return Error{ErrorCode::conflict, prefix(what, subject) + ": " + std::string(entity) +
                                            (entity.empty() ? "" : " ") + m[1].str() + " '" + m[2].str() +
                                            "' already exists"};
    }
    return Error{ErrorCode::conflict, prefix(what, subject) + ": already exists (" + first_line(message) + ")"};
  }
  if (sql != nullptr && sql->sqlstate() == "23503") {
    static const std::regex kMissing(R"re(Key \((.*)\)=\((.*)\) is not present in table "(\w+)")re");
    static const std::regex kReferenced(R"re(Key \((.*)\)=\((.*)\) is still referenced from table "(\w+)")re");
    std::smatch m;
    const auto detail = detail_of(message);
    if (std::regex_search(detail, m, kMissing)) {
      return Error{ErrorCode::not_found,
                   prefix(what, subject) + ": " + record_name(m[3].str()) + " " + m[2].str() + " does not exist"};
    }
    if (std::regex_search(detail, m, kReferenced)) {
      return Error{ErrorCode::conflict, prefix(what, subject) + ": still referenced by a " + record_name(m[3].str())};
    }
    return Error{ErrorCode::not_found, prefix(what, subject) + ": " + first_line(message)};
  }
  if (sql != nullptr &&
      (sql->sqlstate().rfind("22", 0) == 0 || sql->sqlstate() == "23514" || sql->sqlstate() == "23502")) {
    // Data exceptions and check or not-null violations: the caller's values are wrong.
    return Error{ErrorCode::invalid_input, prefix(what, subject) + ": " + first_line(message)};
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return Error{ErrorCode::storage_unavailable, prefix(what, subject) +
                                                     ": the connection was lost while committing; the change may "
                                                     "or may not have been saved: " +
                                                     first_line(message)};
  }
  return Error{ErrorCode::storage_unavailable, prefix(what, subject) + ": " + first_line(message)};
}

}  // namespace clinaudit::storage::postgres
