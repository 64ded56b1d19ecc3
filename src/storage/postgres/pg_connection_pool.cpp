#include "storage/postgres/pg_connection_pool.hpp"

#include <regex>
#include <utility>

namespace clinaudit::storage::postgres {

PooledConnection::~PooledConnection() {
  if (pool_ != nullptr) pool_->give_back(std::move(connection_));
}

PgConnectionPool::PgConnectionPool(std::string url, std::size_t max_size)
    : url_(std::move(url)), max_size_(max_size == 0 ? 1 : max_size) {}

Result<PooledConnection> PgConnectionPool::acquire() {
  {
    std::unique_lock lock(mutex_);
    released_.wait(lock, [this] { return !idle_.empty() || open_ < max_size_; });
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return PooledConnection(*this, std::move(connection));
    }
    ++open_;  // reserve the slot; the connection is opened outside the lock
  }
  try {
    auto connection = std::make_unique<pqxx::connection>(url_);
    // Dates are read and written as text: fix their format whatever the server's defaults.
    pqxx::nontransaction setup(*connection);
    setup.exec("SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET client_encoding = 'UTF8'");
    setup.commit();
    return PooledConnection(*this, std::move(connection));
  } catch (const std::exception& e) {
    {
      const std::scoped_lock lock(mutex_);
      --open_;
    }
    released_.notify_one();
    return Error{ErrorCode::storage_unavailable,
                 "cannot connect to PostgreSQL at " + redact_url(url_) + ": " + std::string(e.what())};
  }
}

void PgConnectionPool::give_back(std::unique_ptr<pqxx::connection> connection) {
  {
    const std::scoped_lock lock(mutex_);
    // A connection that broke, or is still inside a transaction after a failure, is dropped;
    // the next caller opens a fresh one.
    if (connection && connection->is_open()) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
    }
  }
  released_.notify_one();
}

std::string redact_url(const std::string& url) {
  static const std::regex kUriPassword(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
  static const std::regex kKeywordPassword(R"((password\s*=\s*)('[^']*'|\S+))");
  std::string out = std::regex_replace(url, kUriPassword, "$1***@");
  return std::regex_replace(out, kKeywordPassword, "$1***");
}

}  // namespace clinaudit::storage::postgres
