#pragma once

#include <pqxx/pqxx>

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::storage::postgres {

class PgConnectionPool;

// A connection borrowed from the pool for one operation; gives it back when destroyed.
// Call discard() when the connection broke, so that the pool opens a fresh one instead.
class PooledConnection {
 public:
  PooledConnection(PgConnectionPool& pool, std::unique_ptr<pqxx::connection> connection)
      : pool_(&pool), connection_(std::move(connection)) {}
  PooledConnection(PooledConnection&& other) noexcept
      : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}
  PooledConnection& operator=(PooledConnection&&) = delete;
  PooledConnection(const PooledConnection&) = delete;
  PooledConnection& operator=(const PooledConnection&) = delete;
  ~PooledConnection();

  pqxx::connection& operator*() { return *connection_; }
  pqxx::connection* operator->() { return connection_.get(); }
  void discard() { connection_.reset(); }

 private:
  PgConnectionPool* pool_;
  std::unique_ptr<pqxx::connection> connection_;
};

// At most `max_size` connections to one database, opened on demand and reused: one per
// concurrent caller, so that the server's worker threads never share a connection. A caller
// that finds every connection in use waits until one is given back.
// Thread-safe. The pool must outlive every PooledConnection it hands out.
class PgConnectionPool {
 public:
  // `url` is a libpq connection string or postgresql:// URI; max_size >= 1.
  PgConnectionPool(std::string url, std::size_t max_size);

  // Borrows an idle connection or opens a new one. Errors: storage_unavailable when the
  // server cannot be reached, with libpq's reason (the password is never echoed).
  Result<PooledConnection> acquire();

  const std::string& url() const { return url_; }

 private:
  friend class PooledConnection;
  void give_back(std::unique_ptr<pqxx::connection> connection);

  std::string url_;
  std::size_t max_size_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;  // idle plus borrowed
};

// The URL with any password replaced by "***", for messages and logs.
std::string redact_url(const std::string& url);

}  // namespace clinaudit::storage::postgres
