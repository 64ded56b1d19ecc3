#pragma once

#include <pqxx/pqxx>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/result.hpp"
#include "storage/postgres/pg_connection_pool.hpp"

namespace clinaudit::storage::postgres {

// Turns an exception thrown by libpqxx into an Error: a unique violation (23505) becomes
// conflict, a foreign-key violation (23503) not_found, anything else storage_unavailable.
// `what` names the operation ("adding organisations") and `subject` the record being
// written when it failed ("organisation RXX"), so the message says which record it was.
Error to_error(const std::exception& e, std::string_view what, std::string_view subject);

// Runs `body(tx, subject)` in one read-committed transaction on a pooled connection and
// commits when it returns a value; an Error or an exception rolls everything back. The body
// sets `subject` to the record it is writing, for error messages. A connection found broken
// before the commit (the server restarted since it was last used) is replaced and the body
// run once more; a commit whose outcome is unknown is never retried.
template <typename Body>
auto pg_transact(PgConnectionPool& pool, std::string_view what, Body&& body)
    -> std::invoke_result_t<Body&, pqxx::transaction_base&, std::string&> {
  for (int attempt = 0;; ++attempt) {
    auto connection = pool.acquire();
    if (!connection) return connection.error();
    std::string subject;
    try {
      pqxx::work tx(**connection);
      auto result = body(static_cast<pqxx::transaction_base&>(tx), subject);
      if (result) tx.commit();
      return result;
    } catch (const pqxx::broken_connection& e) {
      connection->discard();
      if (attempt == 0) continue;
      return to_error(e, what, subject);
    } catch (const pqxx::in_doubt_error& e) {
      connection->discard();
      return to_error(e, what, subject);
    } catch (const std::exception& e) {
      return to_error(e, what, subject);
    }
  }
}

// The same for reads: a read-only transaction, so a body can never write by mistake.
template <typename Body>
auto pg_read(PgConnectionPool& pool, std::string_view what, Body&& body)
    -> std::invoke_result_t<Body&, pqxx::transaction_base&> {
  for (int attempt = 0;; ++attempt) {
    auto connection = pool.acquire();
    if (!connection) return connection.error();
    try {
      pqxx::read_transaction tx(**connection);
      return body(static_cast<pqxx::transaction_base&>(tx));
    } catch (const pqxx::broken_connection& e) {
      connection->discard();
      if (attempt == 0) continue;
      return to_error(e, what, "");
    } catch (const std::exception& e) {
      return to_error(e, what, "");
    }
  }
}

}  // namespace clinaudit::storage::postgres
