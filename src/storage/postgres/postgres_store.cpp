// PostgresStore: opening, organisations, users, sessions and the audit log. The other
// parts of the port live in postgres_store_*.cpp and pg_episode_writer.cpp.
#include "storage/postgres/postgres_store.hpp"

#include <utility>

#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/postgres/pg_migrations.hpp"
#include "storage/postgres/pg_record_json.hpp"
#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"

namespace clinaudit::storage::postgres {
namespace {

using domain::Actor;

constexpr const char* kOrganisationColumns = "id, code, name, type, region";
constexpr const char* kUserColumns = "id, email, display_name, role, organisation_id, password_hash, active";

domain::Organisation read_organisation(const pqxx::row& row) {
  domain::Organisation out;
  out.id = OrganisationId{row[0].as<std::int64_t>()};
  out.code = row[1].as<std::string>();
  out.name = row[2].as<std::string>();
  out.type = domain::parse_organisation_type(row[3].c_str()).value_or(domain::OrganisationType::acute);
  out.region = row[4].as<std::string>();
  return out;
}

domain::User read_user(const pqxx::row& row) {
  domain::User out;
  out.id = UserId{row[0].as<std::int64_t>()};
  out.email = row[1].as<std::string>();
  out.display_name = row[2].as<std::string>();
  out.role = domain::parse_role(row[3].c_str()).value_or(domain::Role::read_only);
  out.organisation_id = OrganisationId{row[4].as<std::int64_t>()};
  out.password_hash = row[5].as<std::string>();
  out.active = row[6].as<bool>();
  return out;
}

Error missing(std::string_view what, std::string_view record) {
  return Error{ErrorCode::not_found, std::string(what) + ": " + std::string(record) + " does not exist"};
}

}  // namespace

Result<std::unique_ptr<domain::Store>> open_postgres_store(std::string_view url) {
  return open_postgres_store(url, PostgresOptions{});
}

Result<std::unique_ptr<domain::Store>> open_postgres_store(std::string_view url, const PostgresOptions& options) {
  auto pool = std::make_unique<PgConnectionPool>(std::string(url), options.max_connections);
  {
    auto connection = pool->acquire();
    if (!connection) return connection.error();
    auto migrated = migrate_postgres(**connection);
    if (!migrated) return migrated.error();
  }
  return std::unique_ptr<domain::Store>(std::make_unique<PostgresStore>(std::move(pool)));
}

PostgresStore::PostgresStore(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}
PostgresStore::~PostgresStore() = default;

// ---- Organisations

Result<std::vector<OrganisationId>> PostgresStore::add_organisations(const std::vector<domain::Organisation>& rows,
                                                                     const Actor& actor) {
  return pg_transact(*pool_, "adding organisations",
                     [&](pqxx::transaction_base& tx, std::string& subject) -> Result<std::vector<OrganisationId>> {
                       std::vector<OrganisationId> ids;
                       ids.reserve(rows.size());
                       for (const auto& row : rows) {
                         subject = "organisation " + row.code;
                         const auto id = tx.exec_params1(
                                               "INSERT INTO organisations (code, name, type, region) "
                                               "VALUES ($1, $2, $3, $4) RETURNING id",
                                               row.code, row.name, text(domain::to_string(row.type)), row.region)[0]
                                             .as<std::int64_t>();
                         auto stored = row;
                         stored.id = OrganisationId{id};
                         append_audit_log(tx, actor, "create", "organisation", std::to_string(id), "",
                                          record_json(stored));
                         ids.push_back(stored.id);
                       }
                       return ids;
                     });
}

Result<void> PostgresStore::update_organisation(const domain::Organisation& row, const Actor& actor) {
  return pg_transact(
      *pool_, "updating organisations", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        subject = "organisation " + std::to_string(row.id.value);
        const auto old = tx.exec_params(
            std::string("SELECT ") + kOrganisationColumns + " FROM organisations WHERE id = $1 FOR UPDATE",
            row.id.value);
        if (old.empty()) return missing("updating organisations", subject);
        tx.exec_params(
            "UPDATE organisations SET code = $2, name = $3, type = $4, region = $5 "
            "WHERE id = $1",
            row.id.value, row.code, row.name, text(domain::to_string(row.type)), row.region);
        append_audit_log(tx, actor, "update", "organisation", std::to_string(row.id.value),
                         record_json(read_organisation(old[0])), record_json(row));
        return {};
      });
}

Result<domain::Organisation> PostgresStore::organisation(OrganisationId id) {
  return pg_read(*pool_, "reading organisations", [&](pqxx::transaction_base& tx) -> Result<domain::Organisation> {
    const auto rows =
        tx.exec_params(std::string("SELECT ") + kOrganisationColumns + " FROM organisations WHERE id = $1", id.value);
    if (rows.empty()) return missing("reading organisations", "organisation " + std::to_string(id.value));
    return read_organisation(rows[0]);
  });
}

Result<domain::Organisation> PostgresStore::organisation_by_code(std::string_view code) {
  return pg_read(*pool_, "reading organisations", [&](pqxx::transaction_base& tx) -> Result<domain::Organisation> {
    const auto rows = tx.exec_params(
        std::string("SELECT ") + kOrganisationColumns + " FROM organisations WHERE code = $1", text(code));
    if (rows.empty()) return missing("reading organisations", "organisation with code " + std::string(code));
    return read_organisation(rows[0]);
  });
}

Result<std::vector<domain::Organisation>> PostgresStore::organisations() {
  return pg_read(*pool_, "reading organisations",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Organisation>> {
                   std::vector<domain::Organisation> out;
                   for (const auto& row :
                        tx.exec(std::string("SELECT ") + kOrganisationColumns + " FROM organisations ORDER BY code")) {
                     out.push_back(read_organisation(row));
                   }
                   return out;
                 });
}

// ---- Users and sessions

Result<UserId> PostgresStore::add_user(const domain::User& user, const Actor& actor) {
  return pg_transact(*pool_, "adding users", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<UserId> {
    subject = "user " + user.email;
    const auto id = tx.exec_params1(
                          "INSERT INTO users (email, display_name, role, organisation_id, password_hash, active) "
                          "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                          user.email, user.display_name, text(domain::to_string(user.role)), user.organisation_id.value,
                          user.password_hash, user.active)[0]
                        .as<std::int64_t>();
    auto stored = user;
    stored.id = UserId{id};
    append_audit_log(tx, actor, "create", "user", std::to_string(id), "", record_json(stored));
    return stored.id;
  });
}

Result<void> PostgresStore::update_user(const domain::User& user, const Actor& actor) {
  return pg_transact(*pool_, "updating users", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
    subject = "user " + std::to_string(user.id.value);
    const auto old =
        tx.exec_params(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = $1 FOR UPDATE", user.id.value);
    if (old.empty()) return missing("updating users", subject);
    tx.exec_params(
        "UPDATE users SET email = $2, display_name = $3, role = $4, organisation_id = $5, password_hash = $6, "
        "active = $7 WHERE id = $1",
        user.id.value, user.email, user.display_name, text(domain::to_string(user.role)), user.organisation_id.value,
        user.password_hash, user.active);
    const auto before = read_user(old[0]);
    const std::string action = before.password_hash != user.password_hash ? "update_password" : "update";
    append_audit_log(tx, actor, action, "user", std::to_string(user.id.value), record_json(before), record_json(user));
    return {};
  });
}

Result<domain::User> PostgresStore::user(UserId id) {
  return pg_read(*pool_, "reading users", [&](pqxx::transaction_base& tx) -> Result<domain::User> {
    const auto rows = tx.exec_params(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = $1", id.value);
    if (rows.empty()) return missing("reading users", "user " + std::to_string(id.value));
    return read_user(rows[0]);
  });
}

Result<domain::User> PostgresStore::user_by_email(std::string_view email) {
  return pg_read(*pool_, "reading users", [&](pqxx::transaction_base& tx) -> Result<domain::User> {
    const auto rows =
        tx.exec_params(std::string("SELECT ") + kUserColumns + " FROM users WHERE email = $1", text(email));
    if (rows.empty()) return missing("reading users", "user " + std::string(email));
    return read_user(rows[0]);
  });
}

Result<std::vector<domain::User>> PostgresStore::users(std::optional<OrganisationId> organisation) {
  return pg_read(*pool_, "reading users", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::User>> {
    std::vector<domain::User> out;
    const auto rows = tx.exec_params(std::string("SELECT ") + kUserColumns +
                                         " FROM users WHERE $1::bigint IS NULL OR organisation_id = $1 ORDER BY id",
                                     id_param(organisation));
    for (const auto& row : rows) out.push_back(read_user(row));
    return out;
  });
}

Result<void> PostgresStore::create_session(const domain::Session& session) {
  return pg_transact(*pool_, "creating a session",
                     [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
                       subject = "session of user " + std::to_string(session.user_id.value);
                       tx.exec_params(
                           "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) "
                           "VALUES ($1, $2, $3, $4)",
                           session.token_hash, session.user_id.value, session.csrf_token, session.expires_at);
                       return {};
                     });
}

Result<domain::Session> PostgresStore::session(std::string_view token_hash) {
  return pg_read(*pool_, "reading sessions", [&](pqxx::transaction_base& tx) -> Result<domain::Session> {
    const auto rows = tx.exec_params(
        "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions WHERE token_hash = $1", text(token_hash));
    if (rows.empty()) return Error{ErrorCode::not_found, "reading sessions: no such session"};
    domain::Session out;
    out.token_hash = rows[0][0].as<std::string>();
    out.user_id = UserId{rows[0][1].as<std::int64_t>()};
    out.csrf_token = rows[0][2].as<std::string>();
    out.expires_at = rows[0][3].as<std::string>();
    return out;
  });
}

Result<void> PostgresStore::delete_session(std::string_view token_hash) {
  return pg_transact(*pool_, "deleting a session", [&](pqxx::transaction_base& tx, std::string&) -> Result<void> {
    tx.exec_params("DELETE FROM sessions WHERE token_hash = $1", text(token_hash));
    return {};
  });
}

Result<void> PostgresStore::delete_sessions_expired_before(std::string_view iso_time) {
  return pg_transact(*pool_, "deleting expired sessions",
                     [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
                       subject = "expiry time " + std::string(iso_time);
                       tx.exec_params("DELETE FROM sessions WHERE expires_at < $1", text(iso_time));
                       return {};
                     });
}

// ---- The audit log

Result<std::vector<domain::AuditLogEntry>> PostgresStore::audit_log(std::string_view entity, std::int64_t limit) {
  return pg_read(*pool_, "reading the audit log",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::AuditLogEntry>> {
                   const auto rows = tx.exec_params(
                       "SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), user_id, actor, "
                       "action, entity, entity_key, coalesce(before::text, ''), coalesce(after::text, '') "
                       "FROM audit_log WHERE $1 = '' OR entity = $1 ORDER BY id DESC LIMIT $2",
                       text(entity), limit < 0 ? std::int64_t{0} : limit);
                   std::vector<domain::AuditLogEntry> out;
                   out.reserve(rows.size());
                   for (const auto& row : rows) {
                     domain::AuditLogEntry entry;
                     entry.id = row[0].as<std::int64_t>();
                     entry.at = row[1].as<std::string>();
                     entry.user_id = optional_id_field<UserId>(row[2]);
                     entry.actor = row[3].as<std::string>();
                     entry.action = row[4].as<std::string>();
                     entry.entity = row[5].as<std::string>();
                     entry.entity_key = row[6].as<std::string>();
                     entry.before = row[7].as<std::string>();
                     entry.after = row[8].as<std::string>();
                     out.push_back(std::move(entry));
                   }
                   return out;
                 });
}

Result<void> PostgresStore::log_event(const domain::AuditLogEntry& entry) {
  return pg_transact(
      *pool_, "recording an event", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        subject = entry.action + " " + entry.entity + " " + entry.entity_key;
        const std::optional<std::string> at = entry.at.empty() ? std::nullopt : std::optional(entry.at);
        const std::optional<std::string> before = entry.before.empty() ? std::nullopt : std::optional(entry.before);
        const std::optional<std::string> after = entry.after.empty() ? std::nullopt : std::optional(entry.after);
        tx.exec_params(
            "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_key, before, after) "
            "VALUES (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)",
            at, id_param(entry.user_id), entry.actor, entry.action, entry.entity, entry.entity_key, before, after);
        return {};
      });
}

}  // namespace clinaudit::storage::postgres
