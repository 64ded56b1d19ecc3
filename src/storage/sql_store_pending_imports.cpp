// Checked files awaiting confirmation on the import page, in the SQL store.
#include "storage/base64.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {

Result<domain::PendingImportHeld> SqlStore::hold_pending_import(std::string_view token_hash, UserId owner,
                                                                const domain::PendingImport& file,
                                                                const domain::PendingImportBudget& budget,
                                                                std::string_view now, std::string_view expires_at) {
  return write_bookkeeping("holding a checked file for confirmation", [&](SqlSession& session) {
    execute(session, "DELETE FROM pending_imports WHERE expires_at <= ?", now);
    // A file held again under its own token replaces itself.
    execute(session, "DELETE FROM pending_imports WHERE token_hash = ?", token_hash);
    const auto charge = domain::pending_charge(file.content.size());
    struct Held {
      std::string token_hash;
      std::size_t charge = 0;
    };
    const auto own = all_rows(
        session, "SELECT token_hash, charge FROM pending_imports WHERE user_id = ? ORDER BY id",
        [](const SqlRow& row) {
          return Held{row.text(0), static_cast<std::size_t>(row.int64(1))};
        },
        owner);
    const auto total = first_row(session, "SELECT CAST(COALESCE(SUM(charge), 0) AS BIGINT) FROM pending_imports",
                                 [](const SqlRow& row) { return static_cast<std::size_t>(row.int64(0)); });
    std::vector<std::size_t> own_charges;
    own_charges.reserve(own.size());
    for (const auto& held : own) own_charges.push_back(held.charge);
    const auto plan = domain::plan_pending_import(charge, own_charges, total.value_or(0), budget);
    if (plan.outcome != domain::PendingImportHeld::held) return plan.outcome;
    for (std::size_t i = 0; i < plan.drop_oldest; ++i) {
      execute(session, "DELETE FROM pending_imports WHERE token_hash = ?", own[i].token_hash);
    }
    execute(session,
            "INSERT INTO pending_imports (token_hash, user_id, kind, filename, audit_code, content_base64, charge, "
            "held_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            token_hash, owner, file.kind, file.filename, file.audit, base64_encode(file.content),
            static_cast<std::int64_t>(charge), now, expires_at);
    return plan.outcome;
  });
}

Result<std::optional<domain::PendingImport>> SqlStore::take_pending_import(std::string_view token_hash, UserId owner,
                                                                           std::string_view now) {
  return write_bookkeeping("taking a checked file for its import", [&](SqlSession& session) {
    struct Stored {
      domain::PendingImport file;
      std::string content_base64;
    };
    auto stored = first_row(
        session,
        "SELECT kind, filename, audit_code, content_base64 FROM pending_imports WHERE token_hash = ? AND user_id = ? "
        "AND expires_at > ?",
        [](const SqlRow& row) {
          return Stored{domain::PendingImport{row.text(0), row.text(1), row.text(2), {}}, row.text(3)};
        },
        token_hash, owner, now);
    if (!stored) return std::optional<domain::PendingImport>{};
    // Taken once: a second confirmation of the same token finds nothing.
    execute(session, "DELETE FROM pending_imports WHERE token_hash = ?", token_hash);
    auto content = base64_decode(stored->content_base64);
    if (!content) fail(ErrorCode::internal, "a checked file awaiting confirmation is damaged in the database");
    stored->file.content = std::move(*content);
    return std::optional<domain::PendingImport>{std::move(stored->file)};
  });
}

Result<domain::PendingImportTotals> SqlStore::pending_import_totals(std::string_view now) {
  return read("counting the checked files awaiting confirmation", [&](SqlSession& session) {
    const auto totals = first_row(
        session, "SELECT COUNT(*), CAST(COALESCE(SUM(charge), 0) AS BIGINT) FROM pending_imports WHERE expires_at > ?",
        [](const SqlRow& row) {
          return domain::PendingImportTotals{row.int64(0), row.int64(1)};
        },
        now);
    return totals.value_or(domain::PendingImportTotals{});
  });
}

}  // namespace clinaudit::storage
