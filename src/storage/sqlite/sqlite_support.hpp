#pragma once

// How the SQLite driver turns the library's exceptions into Error values, for its own code
// (migrations, backup and restore) and for the store's (SqliteDriver::to_error).

#include <SQLiteCpp/Exception.h>

#include <string_view>
#include <type_traits>

#include "core/result.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage::sqlite {

// The Error for a library exception raised while `doing` something.
Error translate_sqlite_error(const SQLite::Exception& e, std::string_view doing);

// Runs `body` and returns its value, or the Error that stopped it.
template <typename F>
auto guarded(std::string_view doing, F&& body) -> Result<std::invoke_result_t<F&>> {
  using T = std::invoke_result_t<F&>;
  try {
    if constexpr (std::is_void_v<T>) {
      body();
      return {};
    } else {
      return body();
    }
  } catch (const StoreFailure& failure) {
    return failure.error;
  } catch (const SQLite::Exception& e) {
    return translate_sqlite_error(e, doing);
  } catch (const std::exception& e) {
    return Error{ErrorCode::storage_unavailable, std::string(doing) + ": " + e.what()};
  }
}

}  // namespace clinaudit::storage::sqlite
