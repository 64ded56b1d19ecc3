#include "storage/sqlite/sqlite_statement_cache.hpp"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

namespace clinaudit::storage::sqlite {

void StatementCache::Finalize::operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }

StatementCache::Lease::~Lease() {
  if (statement_ == nullptr) return;
  // A failed step's error was thrown from the step; the reset reports it again, unread.
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  if (in_use_ != nullptr) *in_use_ = false;
}

StatementCache::Statement StatementCache::prepare(std::string_view sql) const {
  sqlite3_stmt* prepared = nullptr;
  const int result = sqlite3_prepare_v3(db_.getHandle(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &prepared, nullptr);
  Statement statement(prepared);
  if (result != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), result);
  return statement;
}

StatementCache::Lease StatementCache::lend(std::string_view sql) {
  const auto found = kept_.find(sql);
  if (found != kept_.end() && !found->second.in_use) {
    found->second.in_use = true;
    return Lease(found->second.statement.get(), &found->second.in_use);
  }
  auto prepared = prepare(sql);
  if (found != kept_.end() || kept_.size() >= kMaxKept || prepared == nullptr) return Lease(std::move(prepared));
  auto& kept = kept_[std::string(sql)];
  kept.statement = std::move(prepared);
  kept.in_use = true;
  return Lease(kept.statement.get(), &kept.in_use);
}

}  // namespace clinaudit::storage::sqlite
