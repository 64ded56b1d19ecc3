#include "storage/sqlite/sqlite_support.hpp"

#include <sqlite3.h>

#include <string>

namespace clinaudit::storage::sqlite {

Error translate_sqlite_error(const SQLite::Exception& e, std::string_view doing) {
  const int code = e.getExtendedErrorCode();
  const std::string message = std::string(doing) + ": ";
  if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
    return Error{ErrorCode::storage_unavailable, message + "the database is busy (another writer held it too long)"};
  }
  return Error{ErrorCode::storage_unavailable, message + e.what()};
}

}  // namespace clinaudit::storage::sqlite
