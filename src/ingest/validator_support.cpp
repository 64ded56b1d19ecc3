#include "ingest/validator_support.hpp"

namespace clinaudit::ingest::support {

const domain::Organisation* organisation(RowReader& rows, std::size_t column, const References& references) {
  const auto text = rows.text(column);
  if (!text) return nullptr;
  const auto* found = references.organisation(*text);
  if (found == nullptr) rows.problem(column, "is not a known organisation");
  return found;
}

const domain::Audit* audit(RowReader& rows, std::size_t column, const References& references) {
  const auto text = rows.text(column);
  if (!text) return nullptr;
  const auto* found = references.audit(*text);
  if (found == nullptr) rows.problem(column, "is not a known audit");
  return found;
}

std::optional<std::string> code(RowReader& rows, std::size_t column, std::size_t max_length) {
  const auto text = rows.text(column);
  if (!text) return std::nullopt;
  if (text->size() > max_length) {
    rows.problem(column, "is too long for a code (at most " + std::to_string(max_length) + " characters)");
    return std::nullopt;
  }
  for (const char c : *text) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                         c == '_' || c == '.' || c == '/';
    if (!allowed) {
      rows.problem(column, "is not a code (expected letters, digits and - _ . / only, no spaces)");
      return std::nullopt;
    }
  }
  return std::string(*text);
}

bool FirstSeen::first(const std::string& key, RowReader& rows, std::size_t column, std::string_view what) {
  const auto [it, fresh] = rows_.emplace(key, rows.row());
  if (fresh) return true;
  rows.problem(column, "repeats " + std::string(what) + " already given on row " + std::to_string(it->second));
  return false;
}

}  // namespace clinaudit::ingest::support
