#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::contract {

// One database under test (SQLite or PostgreSQL). Each test gets a fresh, empty database from
// `fresh_database_url`, so tests never see each other's rows.
struct Backend {
  std::string name;  // "Sqlite", "Postgres": the instantiation's prefix in test names
  // Empty when the backend cannot run here (e.g. no PostgreSQL URL); `unavailable_reason` says why.
  std::function<std::string()> fresh_database_url;
  std::string unavailable_reason;
  // Runs raw SQL on a database, to set up states that the Store API refuses to create
  // (a schema version from the future).
  std::function<void(const std::string& url, const std::string& sql)> execute_sql;
  // The number in the first column of the first row `sql` gives (its own catalogues, where the
  // two databases differ).
  std::function<double(const std::string& url, const std::string& sql)> query_number;
  // Called after the test, to drop what fresh_database_url created.
  std::function<void()> clean_up;
};

// Test names and failure messages show the backend's name.
inline void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }

Backend sqlite_backend();
// Defined in postgres_backend.cpp, built only when the PostgreSQL store is.
Backend postgres_backend();

}  // namespace clinaudit::contract
