// A local audit's criteria and its results for them in the SQL store (migration 0012).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kCriterionColumns =
    "SELECT id, audit_id, position, statement, target_percent, exceptions, met, applicable FROM audit_criteria ";

domain::Criterion read_criterion(const SqlRow& row) {
  return domain::Criterion{.id = id_of<CriterionId>(row, 0),
                           .audit_id = id_of<AuditId>(row, 1),
                           .position = static_cast<int>(row.int64(2)),
                           .statement = row.text(3),
                           .target_percent = row.real(4),
                           .exceptions = row.text(5),
                           .met = optional_int64(row, 6),
                           .applicable = optional_int64(row, 7)};
}

// The audit log's picture of a criterion.
nlohmann::json criterion_json(const domain::Criterion& row) {
  const auto count = [](const std::optional<std::int64_t>& n) { return n ? nlohmann::json(*n) : nlohmann::json(); };
  return {{"id", row.id.value},         {"audit_id", row.audit_id.value},       {"position", row.position},
          {"statement", row.statement}, {"target_percent", row.target_percent}, {"exceptions", row.exceptions},
          {"met", count(row.met)},      {"applicable", count(row.applicable)}};
}

domain::Criterion load_criterion(SqlSession& session, CriterionId id) {
  return only_row(session, "criterion id " + std::to_string(id.value) + " does not exist",
                  std::string(kCriterionColumns) + "WHERE id = ?", read_criterion, id);
}

std::vector<domain::Criterion> load_criteria(SqlSession& session, AuditId audit) {
  return all_rows(session, std::string(kCriterionColumns) + "WHERE audit_id = ? ORDER BY position, id", read_criterion,
                  audit);
}

void log_change(SqlSession& session, const domain::Actor& actor, const char* action, const domain::Criterion* before,
                const domain::Criterion* after) {
  const auto before_json = before ? criterion_json(*before) : nlohmann::json();
  const auto after_json = after ? criterion_json(*after) : nlohmann::json();
  const auto id = (after ? after : before)->id.value;
  append_audit_log(session, actor, action, "audit_criterion", std::to_string(id), before ? &before_json : nullptr,
                   after ? &after_json : nullptr);
}

void set_position(SqlSession& session, const domain::Criterion& row, int position, const domain::Actor& actor) {
  if (row.position == position) return;
  domain::Criterion moved = row;
  moved.position = position;
  execute(session, "UPDATE audit_criteria SET position = ? WHERE id = ?", position, row.id);
  log_change(session, actor, "update", &row, &moved);
}

// The error for a rule broken by the criterion at `position` of its audit ("criterion 2: met: ...").
void ensure_criterion(const domain::Criterion& row, int position) {
  const auto checked = domain::check(row);
  if (!checked) {
    fail(ErrorCode::invalid_input, "criterion " + std::to_string(position) + ": " + checked.error().message);
  }
}

}  // namespace

Result<std::vector<domain::Criterion>> SqlStore::criteria_of(AuditId audit) {
  return read("reading an audit's criteria", [&](SqlSession& session) {
    require_row(session, "audits", audit.value, "audit");
    return load_criteria(session, audit);
  });
}

Result<domain::Criterion> SqlStore::criterion(CriterionId id) {
  return read("reading a criterion", [&](SqlSession& session) { return load_criterion(session, id); });
}

Result<CriterionId> SqlStore::add_criterion(const domain::Criterion& row, const domain::Actor& actor) {
  return write("adding a criterion", [&](SqlSession& session) {
    ensure(domain::check(row));
    require_row(session, "audits", row.audit_id.value, "audit");
    domain::Criterion stored = row;
    stored.position = static_cast<int>(load_criteria(session, row.audit_id).size()) + 1;
    stored.id = CriterionId{insert(session,
                                   "INSERT INTO audit_criteria (audit_id, position, statement, target_percent, "
                                   "exceptions, met, applicable) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                   stored.audit_id, stored.position, stored.statement, stored.target_percent,
                                   stored.exceptions, stored.met, stored.applicable)};
    log_change(session, actor, "create", nullptr, &stored);
    return stored.id;
  });
}

Result<void> SqlStore::update_criterion(const domain::Criterion& row, const domain::Actor& actor) {
  return write("changing a criterion", [&](SqlSession& session) {
    const auto before = load_criterion(session, row.id);
    domain::Criterion after = before;
    after.statement = row.statement;
    after.target_percent = row.target_percent;
    after.exceptions = row.exceptions;
    ensure(domain::check(after));
    execute(session, "UPDATE audit_criteria SET statement = ?, target_percent = ?, exceptions = ? WHERE id = ?",
            after.statement, after.target_percent, after.exceptions, after.id);
    log_change(session, actor, "update", &before, &after);
  });
}

Result<void> SqlStore::move_criterion(CriterionId id, int step, const domain::Actor& actor) {
  return write("moving a criterion", [&](SqlSession& session) {
    const auto moving = load_criterion(session, id);
    auto all = load_criteria(session, moving.audit_id);
    std::size_t at = 0;
    while (all[at].id != id) ++at;
    const auto target = static_cast<std::ptrdiff_t>(at) + (step < 0 ? -1 : 1);
    if (target < 0 || target >= static_cast<std::ptrdiff_t>(all.size())) return;
    std::swap(all[at], all[static_cast<std::size_t>(target)]);
    for (std::size_t i = 0; i < all.size(); ++i) set_position(session, all[i], static_cast<int>(i) + 1, actor);
  });
}

Result<void> SqlStore::remove_criterion(CriterionId id, const domain::Actor& actor) {
  return write("removing a criterion", [&](SqlSession& session) {
    const auto before = load_criterion(session, id);
    execute(session, "DELETE FROM audit_criteria WHERE id = ?", id);
    log_change(session, actor, "delete", &before, nullptr);
    const auto rest = load_criteria(session, before.audit_id);
    for (std::size_t i = 0; i < rest.size(); ++i) set_position(session, rest[i], static_cast<int>(i) + 1, actor);
  });
}

Result<void> SqlStore::record_criterion_results(AuditId audit, const std::vector<domain::Criterion>& rows,
                                                const domain::Actor& actor) {
  return write("recording results per criterion", [&](SqlSession& session) {
    require_row(session, "audits", audit.value, "audit");
    const auto stored = load_criteria(session, audit);
    for (const auto& row : rows) {
      const auto found = std::find_if(stored.begin(), stored.end(), [&](const auto& c) { return c.id == row.id; });
      if (found == stored.end()) {
        fail(ErrorCode::not_found, "criterion id " + std::to_string(row.id.value) + " is not one of audit " +
                                       std::to_string(audit.value) + "'s");
      }
      domain::Criterion after = *found;
      after.met = row.met;
      after.applicable = row.applicable;
      ensure_criterion(after, found->position);
      if (after.met == found->met && after.applicable == found->applicable) continue;
      execute(session, "UPDATE audit_criteria SET met = ?, applicable = ? WHERE id = ?", after.met, after.applicable,
              after.id);
      log_change(session, actor, "update", &*found, &after);
    }
  });
}

}  // namespace clinaudit::storage
