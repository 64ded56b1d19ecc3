#pragma once

#include <SQLiteCpp/Database.h>

#include <cstddef>
#include <memory>
#include <string_view>

#include "core/text_map.hpp"

struct sqlite3_stmt;

namespace clinaudit::storage::sqlite {

// The prepared statements of one SQLite connection, kept by their SQL text. The store runs a
// fixed set of texts again and again, and parsing one costs more than running it: a signed-in
// page looks up its session, user, organisation and the data version, each a statement that
// would otherwise be parsed for every request.
//
// SQLite's own statements (not SQLiteCpp's, whose column count is fixed when prepared): when
// another connection changes the schema, SQLite prepares a kept statement again and its columns
// are the new ones. Used by one thread at a time, as its connection is. A statement already
// lent out (a query run while another of the same text is stepping) and any text beyond
// kMaxKept is prepared for that use alone.
class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  struct Finalize {
    void operator()(sqlite3_stmt* statement) const noexcept;
  };
  using Statement = std::unique_ptr<sqlite3_stmt, Finalize>;

  // A statement lent for one run, with nothing bound. When the lease ends it is reset and its
  // values unbound, so that a kept statement neither holds a read of the database open nor
  // points at the caller's values.
  class Lease {
   public:
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    // Null for a text with no statement in it (blank or only a comment).
    sqlite3_stmt* statement() const { return statement_; }

   private:
    friend class StatementCache;
    Lease(sqlite3_stmt* kept, bool* in_use) : statement_(kept), in_use_(in_use) {}
    explicit Lease(Statement own) : statement_(own.get()), own_(std::move(own)) {}

    sqlite3_stmt* statement_;
    bool* in_use_ = nullptr;  // the kept statement's flag; none for one prepared for this use
    Statement own_;
  };

  // Errors: SQLite::Exception when `sql` does not prepare.
  Lease lend(std::string_view sql);

  static constexpr std::size_t kMaxKept = 512;

 private:
  struct Kept {
    Statement statement;
    bool in_use = false;
  };
  Statement prepare(std::string_view sql) const;

  SQLite::Database& db_;
  TextMap<Kept> kept_;
};

}  // namespace clinaudit::storage::sqlite
