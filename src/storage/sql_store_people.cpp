// Organisations, users and sessions in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kOrganisationColumns =
    "SELECT id, code, name, type, region, chief_executive_id FROM organisations ";
constexpr const char* kUserColumns =
    "SELECT id, email, display_name, role, organisation_id, password_hash, active, supplier_id FROM users ";

domain::Organisation read_organisation(const SqlRow& row) {
  return domain::Organisation{.id = id_of<OrganisationId>(row, 0),
                              .code = row.text(1),
                              .name = row.text(2),
                              .type = enum_of(row, 3, domain::parse_organisation_type),
                              .region = row.text(4),
                              .chief_executive = optional_id<UserId>(row, 5)};
}

domain::User read_user(const SqlRow& row) {
  return domain::User{.id = id_of<UserId>(row, 0),
                      .email = row.text(1),
                      .display_name = row.text(2),
                      .role = enum_of(row, 3, domain::parse_role),
                      .organisation_id = id_of<OrganisationId>(row, 4),
                      .password_hash = row.text(5),
                      .active = row.boolean(6),
                      .supplier_id = optional_id<SupplierId>(row, 7)};
}

domain::Organisation load_organisation(SqlSession& session, OrganisationId id) {
  return only_row(session, "organisation id " + std::to_string(id.value) + " does not exist",
                  std::string(kOrganisationColumns) + "WHERE id = ?", read_organisation, id);
}

domain::User load_user(SqlSession& session, UserId id) {
  return only_row(session, "user id " + std::to_string(id.value) + " does not exist",
                  std::string(kUserColumns) + "WHERE id = ?", read_user, id);
}

std::string duplicate_code(const domain::Organisation& row) {
  return "organisation code '" + row.code + "' already exists";
}

std::int64_t end_sessions(SqlSession& session, UserId user) {
  return execute(session, "DELETE FROM sessions WHERE user_id = ?", user);
}

constexpr const char* kResetColumns =
    "SELECT token_hash, user_id, created_at, expires_at, used_at FROM password_resets WHERE token_hash = ?";

domain::PasswordReset read_reset(const SqlRow& row) {
  domain::PasswordReset reset{row.text(0), id_of<UserId>(row, 1), row.text(2), row.text(3), std::nullopt};
  if (!row.is_null(4)) reset.used_at = row.text(4);
  return reset;
}

std::string duplicate_email(const domain::User& row) { return "a user with email '" + row.email + "' already exists"; }

}  // namespace

Result<std::vector<OrganisationId>> SqlStore::add_organisations(const std::vector<domain::Organisation>& rows,
                                                                const domain::Actor& actor) {
  return write("adding organisations", [&](SqlSession& session) {
    std::vector<OrganisationId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
      ensure(domain::check(row));
      domain::Organisation stored = row;
      stored.id = OrganisationId{unique(duplicate_code(row), [&] {
        return insert(session, "INSERT INTO organisations (code, name, type, region) VALUES (?, ?, ?, ?) RETURNING id",
                      row.code, row.name, domain::to_string(row.type), row.region);
      })};
      const auto after = record_json(stored);
      append_audit_log(session, actor, "create", "organisation", row.code, nullptr, &after);
      ids.push_back(stored.id);
    }
    return ids;
  });
}

Result<void> SqlStore::update_organisation(const domain::Organisation& row, const domain::Actor& actor) {
  return write("updating organisation '" + row.code + "'", [&](SqlSession& session) {
    ensure(domain::check(row));
    const auto before = record_json(load_organisation(session, row.id));
    unique(duplicate_code(row), [&] {
      return execute(session, "UPDATE organisations SET code = ?, name = ?, type = ?, region = ? WHERE id = ?",
                     row.code, row.name, domain::to_string(row.type), row.region, row.id);
    });
    const auto after = record_json(row);
    append_audit_log(session, actor, "update", "organisation", row.code, &before, &after);
  });
}

Result<domain::Organisation> SqlStore::organisation(OrganisationId id) {
  return read("reading an organisation", [&](SqlSession& session) { return load_organisation(session, id); });
}

Result<domain::Organisation> SqlStore::organisation_by_code(std::string_view code) {
  return read("reading an organisation", [&](SqlSession& session) {
    return only_row(session, "no organisation has code '" + std::string(code) + "'",
                    std::string(kOrganisationColumns) + "WHERE code = ?", read_organisation, code);
  });
}

Result<std::vector<domain::Organisation>> SqlStore::organisations() {
  return read("reading organisations", [&](SqlSession& session) {
    return all_rows(session, std::string(kOrganisationColumns) + "ORDER BY code", read_organisation);
  });
}

Result<void> SqlStore::set_chief_executive(OrganisationId organisation, std::optional<UserId> user,
                                           const domain::Actor& actor) {
  return write("naming an organisation's chief executive", [&](SqlSession& session) {
    const auto org = load_organisation(session, organisation);
    const auto named = [&](const std::optional<UserId>& id) -> nlohmann::json {
      if (!id) return nullptr;
      return load_user(session, *id).email;
    };
    const nlohmann::json before{{"chief_executive", named(org.chief_executive)}};
    if (user && load_user(session, *user).organisation_id != organisation) {
      fail(ErrorCode::invalid_input, "the chief executive must be a user of " + org.name);
    }
    execute(session, "UPDATE organisations SET chief_executive_id = ? WHERE id = ?", user, organisation);
    const nlohmann::json after{{"chief_executive", named(user)}};
    append_audit_log(session, actor, "update", "organisation chief executive", org.code, &before, &after);
  });
}

Result<SupplierId> SqlStore::add_supplier(const domain::AuditSupplier& row, const domain::Actor& actor) {
  return write("adding audit supplier '" + row.code + "'", [&](SqlSession& session) {
    ensure(domain::check(row));
    domain::AuditSupplier stored = row;
    stored.id = SupplierId{unique("an audit supplier with code '" + row.code + "' already exists", [&] {
      return insert(session, "INSERT INTO audit_suppliers (code, name) VALUES (?, ?) RETURNING id", row.code, row.name);
    })};
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "audit supplier", row.code, nullptr, &after);
    return stored.id;
  });
}

Result<std::vector<domain::AuditSupplier>> SqlStore::suppliers() {
  return read("reading audit suppliers", [&](SqlSession& session) {
    return all_rows(session, "SELECT id, code, name FROM audit_suppliers ORDER BY name", [](const SqlRow& row) {
      return domain::AuditSupplier{.id = id_of<SupplierId>(row, 0), .code = row.text(1), .name = row.text(2)};
    });
  });
}

Result<UserId> SqlStore::add_user(const domain::User& user, const domain::Actor& actor) {
  return write("adding user '" + user.email + "'", [&](SqlSession& session) {
    ensure(domain::check(user));
    require_row(session, "organisations", user.organisation_id.value, "user '" + user.email + "': organisation");
    if (user.supplier_id) {
      require_row(session, "audit_suppliers", user.supplier_id->value, "user '" + user.email + "': supplier");
    }
    domain::User stored = user;
    stored.id = UserId{unique(duplicate_email(user), [&] {
      return insert(session,
                    "INSERT INTO users (email, display_name, role, organisation_id, password_hash, active, "
                    "supplier_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    user.email, user.display_name, domain::to_string(user.role), user.organisation_id,
                    user.password_hash, user.active, user.supplier_id);
    })};
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "user", user.email, nullptr, &after);
    return stored.id;
  });
}

Result<void> SqlStore::update_user(const domain::User& user, const domain::Actor& actor) {
  return write("updating user '" + user.email + "'", [&](SqlSession& session) {
    ensure(domain::check(user));
    const domain::User previous = load_user(session, user.id);
    require_row(session, "organisations", user.organisation_id.value, "user '" + user.email + "': organisation");
    if (user.supplier_id) {
      require_row(session, "audit_suppliers", user.supplier_id->value, "user '" + user.email + "': supplier");
    }
    unique(duplicate_email(user), [&] {
      return execute(session,
                     "UPDATE users SET email = ?, display_name = ?, role = ?, organisation_id = ?, "
                     "password_hash = ?, active = ?, supplier_id = ? WHERE id = ?",
                     user.email, user.display_name, domain::to_string(user.role), user.organisation_id,
                     user.password_hash, user.active, user.supplier_id, user.id);
    });
    // An inactive user, or one whose password changed, keeps no session: signed out at once.
    const bool password_changed = previous.password_hash != user.password_hash;
    std::int64_t ended = 0;
    if (!user.active || password_changed) ended = end_sessions(session, user.id);
    const auto before = record_json(previous);
    auto after = record_json(user);
    // The log never holds password hashes, only the fact of a change.
    after["password_changed"] = password_changed;
    if (ended > 0) after["sessions_ended"] = ended;
    append_audit_log(session, actor, "update", "user", user.email, &before, &after);
  });
}

Result<domain::User> SqlStore::user(UserId id) {
  return read("reading a user", [&](SqlSession& session) { return load_user(session, id); });
}

Result<domain::User> SqlStore::user_by_email(std::string_view email) {
  return read("reading a user", [&](SqlSession& session) {
    return only_row(session, "no user has email '" + std::string(email) + "'",
                    std::string(kUserColumns) + "WHERE email = ?", read_user, email);
  });
}

Result<std::vector<domain::User>> SqlStore::users(std::optional<OrganisationId> organisation) {
  return read("reading users", [&](SqlSession& session) {
    return all_rows(
        session,
        std::string(kUserColumns) + "WHERE (CAST(?1 AS BIGINT) IS NULL OR organisation_id = ?1) ORDER BY email",
        read_user, organisation);
  });
}

Result<void> SqlStore::create_session(const domain::Session& session_row) {
  return write_bookkeeping("creating a session", [&](SqlSession& session) {
    require_row(session, "users", session_row.user_id.value, "session: user");
    unique("a session with this token already exists", [&] {
      return execute(session, "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                     session_row.token_hash, session_row.user_id, session_row.csrf_token, session_row.expires_at);
    });
  });
}

Result<domain::Session> SqlStore::session(std::string_view token_hash) {
  return read("reading a session", [&](SqlSession& session) {
    return only_row(
        session, "no such session",
        "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions WHERE token_hash = ?",
        [](const SqlRow& found) {
          return domain::Session{found.text(0), id_of<UserId>(found, 1), found.text(2), found.text(3)};
        },
        token_hash);
  });
}

Result<void> SqlStore::delete_session(std::string_view token_hash) {
  return write_bookkeeping("deleting a session", [&](SqlSession& session) {
    execute(session, "DELETE FROM sessions WHERE token_hash = ?", token_hash);
  });
}

Result<void> SqlStore::delete_sessions_expired_before(std::string_view iso_time) {
  return write_bookkeeping("deleting expired sessions", [&](SqlSession& session) {
    execute(session, "DELETE FROM sessions WHERE expires_at < ?", iso_time);
  });
}

Result<void> SqlStore::add_password_reset(const domain::PasswordReset& reset, const domain::Actor& actor) {
  return write("starting a password reset", [&](SqlSession& session) {
    const domain::User user = load_user(session, reset.user_id);
    unique("a password reset with this token already exists", [&] {
      return execute(session,
                     "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                     reset.token_hash, reset.user_id, reset.created_at, reset.expires_at);
    });
    // The log names the user and the expiry, never the token or its hash.
    const nlohmann::json after{
        {"user", user.email}, {"created_at", reset.created_at}, {"expires_at", reset.expires_at}};
    append_audit_log(session, actor, "create", "password_reset", user.email, nullptr, &after);
  });
}

Result<domain::PasswordReset> SqlStore::password_reset(std::string_view token_hash) {
  return read("reading a password reset", [&](SqlSession& session) {
    return only_row(session, "no such password reset", kResetColumns, read_reset, token_hash);
  });
}

Result<UserId> SqlStore::use_password_reset(std::string_view token_hash, std::string_view password_hash,
                                            std::string_view now, const domain::Actor& actor) {
  return write("setting a new password", [&](SqlSession& session) {
    const auto reset = only_row(session, "no such password reset", kResetColumns, read_reset, token_hash);
    // One statement checks and marks: of two uses at once, only one changes the row.
    const auto marked = execute(session,
                                "UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
                                "AND expires_at > ?",
                                now, token_hash, now);
    if (marked != 1) {
      fail(ErrorCode::conflict, reset.used_at ? "this link has been used already" : "this link has expired");
    }
    const domain::User user = load_user(session, reset.user_id);
    execute(session, "UPDATE users SET password_hash = ? WHERE id = ?", password_hash, user.id);
    const auto ended = end_sessions(session, user.id);
    const auto before = record_json(user);
    auto after = before;
    after["password_changed"] = true;
    after["by_reset_link"] = true;
    after["sessions_ended"] = ended;
    append_audit_log(session, actor, "update", "user", user.email, &before, &after);
    return user.id;
  });
}

}  // namespace clinaudit::storage
