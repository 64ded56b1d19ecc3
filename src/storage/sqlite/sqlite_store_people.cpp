// Organisations, users and sessions in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr const char* kOrganisationColumns = "SELECT id, code, name, type, region FROM organisations";
constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, organisation_id, password_hash, active FROM users";

domain::Organisation read_organisation(SQLite::Statement& query) {
  domain::Organisation row;
  row.id = id_column<OrganisationId>(query.getColumn(0));
  row.code = query.getColumn(1).getString();
  row.name = query.getColumn(2).getString();
  row.type = enum_column<domain::OrganisationType>(query.getColumn(3), domain::parse_organisation_type);
  row.region = query.getColumn(4).getString();
  return row;
}

domain::User read_user(SQLite::Statement& query) {
  domain::User row;
  row.id = id_column<UserId>(query.getColumn(0));
  row.email = query.getColumn(1).getString();
  row.display_name = query.getColumn(2).getString();
  row.role = enum_column<domain::Role>(query.getColumn(3), domain::parse_role);
  row.organisation_id = id_column<OrganisationId>(query.getColumn(4));
  row.password_hash = query.getColumn(5).getString();
  row.active = query.getColumn(6).getInt() != 0;
  return row;
}

void bind_organisation(SQLite::Statement& statement, const domain::Organisation& row) {
  statement.bind(1, row.code);
  statement.bind(2, row.name);
  statement.bind(3, std::string(domain::to_string(row.type)));
  statement.bind(4, row.region);
}

void bind_user(SQLite::Statement& statement, const domain::User& row) {
  statement.bind(1, row.email);
  statement.bind(2, row.display_name);
  statement.bind(3, std::string(domain::to_string(row.role)));
  statement.bind(4, row.organisation_id.value);
  statement.bind(5, row.password_hash);
  statement.bind(6, row.active ? 1 : 0);
}

void check_organisation(const domain::Organisation& row) {
  if (row.code.empty()) fail(ErrorCode::invalid_input, "an organisation needs a code");
  if (row.name.empty()) fail(ErrorCode::invalid_input, "organisation '" + row.code + "' needs a name");
}

void check_user(const domain::User& row) {
  if (row.email.empty()) fail(ErrorCode::invalid_input, "a user needs an email address");
}

}  // namespace

domain::Organisation SqliteStore::load_organisation(OrganisationId id) {
  SQLite::Statement query(db_, std::string(kOrganisationColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep())
    fail(ErrorCode::not_found, "organisation id " + std::to_string(id.value) + " does not exist");
  return read_organisation(query);
}

domain::User SqliteStore::load_user(UserId id) {
  SQLite::Statement query(db_, std::string(kUserColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) fail(ErrorCode::not_found, "user id " + std::to_string(id.value) + " does not exist");
  return read_user(query);
}

Result<std::vector<OrganisationId>> SqliteStore::add_organisations(const std::vector<domain::Organisation>& rows,
                                                                   const domain::Actor& actor) {
  return guarded("adding organisations", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_, "INSERT INTO organisations (code, name, type, region) VALUES (?, ?, ?, ?)");
    std::vector<OrganisationId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
      check_organisation(row);
      insert.reset();
      bind_organisation(insert, row);
      execute_unique(insert, "organisation code '" + row.code + "' already exists");
      domain::Organisation stored = row;
      stored.id = OrganisationId{db_.getLastInsertRowid()};
      const auto after = record_json(stored);
      log_change(actor, "create", "organisation", row.code, nullptr, &after);
      ids.push_back(stored.id);
    }
    transaction.commit();
    return ids;
  });
}

Result<void> SqliteStore::update_organisation(const domain::Organisation& row, const domain::Actor& actor) {
  return guarded("updating organisation '" + row.code + "'", [&] {
    check_organisation(row);
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const auto before = record_json(load_organisation(row.id));
    SQLite::Statement update(db_, "UPDATE organisations SET code = ?, name = ?, type = ?, region = ? WHERE id = ?");
    bind_organisation(update, row);
    update.bind(5, row.id.value);
    execute_unique(update, "organisation code '" + row.code + "' already exists");
    const auto after = record_json(row);
    log_change(actor, "update", "organisation", row.code, &before, &after);
    transaction.commit();
  });
}

Result<domain::Organisation> SqliteStore::organisation(OrganisationId id) {
  return guarded("reading an organisation", [&] {
    const std::scoped_lock lock(mutex_);
    return load_organisation(id);
  });
}

Result<domain::Organisation> SqliteStore::organisation_by_code(std::string_view code) {
  return guarded("reading an organisation", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kOrganisationColumns) + " WHERE code = ?");
    query.bind(1, std::string(code));
    if (!query.executeStep()) fail(ErrorCode::not_found, "no organisation has code '" + std::string(code) + "'");
    return read_organisation(query);
  });
}

Result<std::vector<domain::Organisation>> SqliteStore::organisations() {
  return guarded("reading organisations", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kOrganisationColumns) + " ORDER BY code");
    std::vector<domain::Organisation> rows;
    while (query.executeStep()) rows.push_back(read_organisation(query));
    return rows;
  });
}

Result<UserId> SqliteStore::add_user(const domain::User& user, const domain::Actor& actor) {
  return guarded("adding user '" + user.email + "'", [&] {
    check_user(user);
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db_, "organisations", user.organisation_id.value, "organisation");
    SQLite::Statement insert(db_,
                             "INSERT INTO users (email, display_name, role, organisation_id, password_hash, active) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
    bind_user(insert, user);
    execute_unique(insert, "a user with email '" + user.email + "' already exists");
    domain::User stored = user;
    stored.id = UserId{db_.getLastInsertRowid()};
    const auto after = record_json(stored);
    log_change(actor, "create", "user", user.email, nullptr, &after);
    transaction.commit();
    return stored.id;
  });
}

Result<void> SqliteStore::update_user(const domain::User& user, const domain::Actor& actor) {
  return guarded("updating user '" + user.email + "'", [&] {
    check_user(user);
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const domain::User previous = load_user(user.id);
    require_row(db_, "organisations", user.organisation_id.value, "organisation");
    SQLite::Statement update(db_,
                             "UPDATE users SET email = ?, display_name = ?, role = ?, organisation_id = ?, "
                             "password_hash = ?, active = ? WHERE id = ?");
    bind_user(update, user);
    update.bind(7, user.id.value);
    execute_unique(update, "a user with email '" + user.email + "' already exists");
    const auto before = record_json(previous);
    auto after = record_json(user);
    // The log never holds password hashes, only the fact of a change.
    after["password_changed"] = previous.password_hash != user.password_hash;
    log_change(actor, "update", "user", user.email, &before, &after);
    transaction.commit();
  });
}

Result<domain::User> SqliteStore::user(UserId id) {
  return guarded("reading a user", [&] {
    const std::scoped_lock lock(mutex_);
    return load_user(id);
  });
}

Result<domain::User> SqliteStore::user_by_email(std::string_view email) {
  return guarded("reading a user", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kUserColumns) + " WHERE email = ?");
    query.bind(1, std::string(email));
    if (!query.executeStep()) fail(ErrorCode::not_found, "no user has email '" + std::string(email) + "'");
    return read_user(query);
  });
}

Result<std::vector<domain::User>> SqliteStore::users(std::optional<OrganisationId> organisation) {
  return guarded("reading users", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            std::string(kUserColumns) + " WHERE (? IS NULL OR organisation_id = ?) ORDER BY email");
    bind_optional(query, 1, organisation);
    bind_optional(query, 2, organisation);
    std::vector<domain::User> rows;
    while (query.executeStep()) rows.push_back(read_user(query));
    return rows;
  });
}

Result<void> SqliteStore::create_session(const domain::Session& session) {
  return guarded("creating a session", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db_, "users", session.user_id.value, "user");
    SQLite::Statement insert(db_,
                             "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, session.token_hash);
    insert.bind(2, session.user_id.value);
    insert.bind(3, session.csrf_token);
    insert.bind(4, session.expires_at);
    execute_unique(insert, "a session with this token already exists");
    transaction.commit();
  });
}

Result<domain::Session> SqliteStore::session(std::string_view token_hash) {
  return guarded("reading a session", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?");
    query.bind(1, std::string(token_hash));
    if (!query.executeStep()) fail(ErrorCode::not_found, "no such session");
    domain::Session row;
    row.token_hash = query.getColumn(0).getString();
    row.user_id = id_column<UserId>(query.getColumn(1));
    row.csrf_token = query.getColumn(2).getString();
    row.expires_at = query.getColumn(3).getString();
    return row;
  });
}

Result<void> SqliteStore::delete_session(std::string_view token_hash) {
  return guarded("deleting a session", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement remove(db_, "DELETE FROM sessions WHERE token_hash = ?");
    remove.bind(1, std::string(token_hash));
    remove.exec();
  });
}

Result<void> SqliteStore::delete_sessions_expired_before(std::string_view iso_time) {
  return guarded("deleting expired sessions", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement remove(db_, "DELETE FROM sessions WHERE expires_at < ?");
    remove.bind(1, std::string(iso_time));
    remove.exec();
  });
}

}  // namespace clinaudit::storage::sqlite
