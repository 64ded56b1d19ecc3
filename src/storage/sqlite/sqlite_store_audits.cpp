// Audits, the Quality Account list and participation in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr const char* kAuditColumns =
    "SELECT id, code, title, kind, topic, provider_body, standards, status, owner_id, reaudit_of, start_date, "
    "end_date FROM audits";
constexpr const char* kParticipationColumns =
    "SELECT organisation_id, audit_id, year, eligible, participating, reason_not_participating, "
    "data_collection_completed, cases_submitted, cases_required FROM participation";

domain::Audit read_audit(SQLite::Statement& query) {
  domain::Audit row;
  row.id = id_column<AuditId>(query.getColumn(0));
  row.code = query.getColumn(1).getString();
  row.title = query.getColumn(2).getString();
  row.kind = enum_column<domain::AuditKind>(query.getColumn(3), domain::parse_audit_kind);
  row.topic = query.getColumn(4).getString();
  row.provider_body = query.getColumn(5).getString();
  row.standards = query.getColumn(6).getString();
  row.status = enum_column<domain::AuditStatus>(query.getColumn(7), domain::parse_audit_status);
  row.owner = optional_id<OrganisationId>(query.getColumn(8));
  row.reaudit_of = optional_id<AuditId>(query.getColumn(9));
  row.start_date = optional_date(query.getColumn(10));
  row.end_date = optional_date(query.getColumn(11));
  return row;
}

void bind_audit(SQLite::Statement& statement, const domain::Audit& row) {
  statement.bind(1, row.code);
  statement.bind(2, row.title);
  statement.bind(3, std::string(domain::to_string(row.kind)));
  statement.bind(4, row.topic);
  statement.bind(5, row.provider_body);
  statement.bind(6, row.standards);
  statement.bind(7, std::string(domain::to_string(row.status)));
  bind_optional(statement, 8, row.owner);
  bind_optional(statement, 9, row.reaudit_of);
  bind_optional(statement, 10, row.start_date);
  bind_optional(statement, 11, row.end_date);
}

void check_audit(SQLite::Database& db, const domain::Audit& row) {
  if (row.code.empty()) fail(ErrorCode::invalid_input, "an audit needs a code");
  if (row.title.empty()) fail(ErrorCode::invalid_input, "audit '" + row.code + "' needs a title");
  if (row.start_date && row.end_date && *row.end_date < *row.start_date) {
    fail(ErrorCode::invalid_input, "audit '" + row.code + "' ends before it starts");
  }
  if (row.owner) require_row(db, "organisations", row.owner->value, "audit '" + row.code + "': owner organisation");
  if (row.reaudit_of) require_row(db, "audits", row.reaudit_of->value, "audit '" + row.code + "': re-audited audit");
}

domain::Participation read_participation(SQLite::Statement& query) {
  domain::Participation row;
  row.organisation_id = id_column<OrganisationId>(query.getColumn(0));
  row.audit_id = id_column<AuditId>(query.getColumn(1));
  row.year = FinancialYear{query.getColumn(2).getInt()};
  row.eligible = optional_bool(query.getColumn(3));
  row.participating = optional_bool(query.getColumn(4));
  row.reason_not_participating = query.getColumn(5).getString();
  row.data_collection_completed = optional_bool(query.getColumn(6));
  row.cases_submitted = optional_int(query.getColumn(7));
  row.cases_required = optional_int(query.getColumn(8));
  return row;
}

std::string join_types(const std::set<domain::OrganisationType>& types) {
  std::string text;
  for (const auto type : types) {
    if (!text.empty()) text += ',';
    text += domain::to_string(type);
  }
  return text;
}

std::set<domain::OrganisationType> split_types(const std::string& text) {
  std::set<domain::OrganisationType> types;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const auto type = domain::parse_organisation_type(std::string_view(text).substr(start, end - start));
    if (!type) fail(ErrorCode::internal, "unexpected organisation type in qa_list: '" + text + "'");
    types.insert(*type);
    start = end + 1;
  }
  return types;
}

std::string participation_key(const domain::Participation& row) {
  return std::to_string(row.organisation_id.value) + "/" + std::to_string(row.audit_id.value) + "/" +
         row.year.to_string();
}

}  // namespace

domain::Audit SqliteStore::load_audit(AuditId id) {
  SQLite::Statement query(db_, std::string(kAuditColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) fail(ErrorCode::not_found, "audit id " + std::to_string(id.value) + " does not exist");
  return read_audit(query);
}

Result<std::vector<AuditId>> SqliteStore::add_audits(const std::vector<domain::Audit>& rows,
                                                     const domain::Actor& actor) {
  return guarded("adding audits", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(
        db_,
        "INSERT INTO audits (code, title, kind, topic, provider_body, standards, status, owner_id, "
        "reaudit_of, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    std::vector<AuditId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
      check_audit(db_, row);
      insert.reset();
      bind_audit(insert, row);
      execute_unique(insert, "audit code '" + row.code + "' already exists");
      domain::Audit stored = row;
      stored.id = AuditId{db_.getLastInsertRowid()};
      const auto after = record_json(stored);
      log_change(actor, "create", "audit", row.code, nullptr, &after);
      ids.push_back(stored.id);
    }
    transaction.commit();
    return ids;
  });
}

Result<void> SqliteStore::update_audit(const domain::Audit& row, const domain::Actor& actor) {
  return guarded("updating audit '" + row.code + "'", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const auto before = record_json(load_audit(row.id));
    check_audit(db_, row);
    if (row.reaudit_of && *row.reaudit_of == row.id) {
      fail(ErrorCode::invalid_input, "audit '" + row.code + "' cannot be a re-audit of itself");
    }
    SQLite::Statement update(db_,
                             "UPDATE audits SET code = ?, title = ?, kind = ?, topic = ?, provider_body = ?, "
                             "standards = ?, status = ?, owner_id = ?, reaudit_of = ?, start_date = ?, end_date = ? "
                             "WHERE id = ?");
    bind_audit(update, row);
    update.bind(12, row.id.value);
    execute_unique(update, "audit code '" + row.code + "' already exists");
    const auto after = record_json(row);
    log_change(actor, "update", "audit", row.code, &before, &after);
    transaction.commit();
  });
}

Result<domain::Audit> SqliteStore::audit(AuditId id) {
  return guarded("reading an audit", [&] {
    const std::scoped_lock lock(mutex_);
    return load_audit(id);
  });
}

Result<domain::Audit> SqliteStore::audit_by_code(std::string_view code) {
  return guarded("reading an audit", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kAuditColumns) + " WHERE code = ?");
    query.bind(1, std::string(code));
    if (!query.executeStep()) fail(ErrorCode::not_found, "no audit has code '" + std::string(code) + "'");
    return read_audit(query);
  });
}

Result<std::vector<domain::Audit>> SqliteStore::audits(const domain::AuditFilter& filter) {
  return guarded("reading audits", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kAuditColumns) +
                                     " WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR owner_id = ?2) AND "
                                     "(?3 IS NULL OR status = ?3) AND (?4 = '' OR topic = ?4) ORDER BY code");
    if (filter.kind) {
      query.bind(1, std::string(domain::to_string(*filter.kind)));
    } else {
      query.bind(1);
    }
    bind_optional(query, 2, filter.owner);
    if (filter.status) {
      query.bind(3, std::string(domain::to_string(*filter.status)));
    } else {
      query.bind(3);
    }
    query.bind(4, filter.topic);
    std::vector<domain::Audit> rows;
    while (query.executeStep()) rows.push_back(read_audit(query));
    return rows;
  });
}

Result<void> SqliteStore::set_qa_list(const std::vector<domain::QaListEntry>& rows, const domain::Actor& actor) {
  return guarded("setting the Quality Account list", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement previous(db_, "SELECT eligible_types FROM qa_list WHERE audit_id = ? AND year = ?");
    SQLite::Statement upsert(db_,
                             "INSERT INTO qa_list (audit_id, year, eligible_types) VALUES (?, ?, ?) "
                             "ON CONFLICT (audit_id, year) DO UPDATE SET eligible_types = excluded.eligible_types");
    for (const auto& row : rows) {
      require_row(db_, "audits", row.audit_id.value, "Quality Account list " + row.year.to_string() + ": audit");
      previous.reset();
      previous.bind(1, row.audit_id.value);
      previous.bind(2, row.year.start_year);
      std::optional<nlohmann::json> before;
      if (previous.executeStep()) {
        before =
            record_json(domain::QaListEntry{row.audit_id, row.year, split_types(previous.getColumn(0).getString())});
      }
      upsert.reset();
      upsert.bind(1, row.audit_id.value);
      upsert.bind(2, row.year.start_year);
      upsert.bind(3, join_types(row.eligible_types));
      upsert.exec();
      const auto after = record_json(row);
      const std::string key = std::to_string(row.audit_id.value) + "/" + row.year.to_string();
      log_change(actor, before ? "update" : "create", "qa_list", key, before ? &*before : nullptr, &after);
    }
    transaction.commit();
  });
}

Result<std::vector<domain::QaListEntry>> SqliteStore::qa_list(FinancialYear year) {
  return guarded("reading the Quality Account list", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT q.audit_id, q.eligible_types FROM qa_list q JOIN audits a ON a.id = q.audit_id "
                            "WHERE q.year = ? ORDER BY a.code");
    query.bind(1, year.start_year);
    std::vector<domain::QaListEntry> rows;
    while (query.executeStep()) {
      rows.push_back(domain::QaListEntry{id_column<AuditId>(query.getColumn(0)), year,
                                         split_types(query.getColumn(1).getString())});
    }
    return rows;
  });
}

Result<void> SqliteStore::upsert_participation(const std::vector<domain::Participation>& rows,
                                               const domain::Actor& actor) {
  return guarded("recording participation", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement previous(
        db_, std::string(kParticipationColumns) + " WHERE organisation_id = ? AND audit_id = ? AND year = ?");
    SQLite::Statement upsert(
        db_,
        "INSERT INTO participation (organisation_id, audit_id, year, eligible, participating, "
        "reason_not_participating, data_collection_completed, cases_submitted, cases_required) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id, audit_id, year) DO UPDATE SET "
        "eligible = excluded.eligible, participating = excluded.participating, "
        "reason_not_participating = excluded.reason_not_participating, "
        "data_collection_completed = excluded.data_collection_completed, "
        "cases_submitted = excluded.cases_submitted, cases_required = excluded.cases_required");
    for (const auto& row : rows) {
      const std::string key = participation_key(row);
      if ((row.cases_submitted && *row.cases_submitted < 0) || (row.cases_required && *row.cases_required < 0)) {
        fail(ErrorCode::invalid_input, "participation " + key + ": case counts cannot be negative");
      }
      require_row(db_, "organisations", row.organisation_id.value, "participation " + key + ": organisation");
      require_row(db_, "audits", row.audit_id.value, "participation " + key + ": audit");
      previous.reset();
      previous.bind(1, row.organisation_id.value);
      previous.bind(2, row.audit_id.value);
      previous.bind(3, row.year.start_year);
      std::optional<nlohmann::json> before;
      if (previous.executeStep()) before = record_json(read_participation(previous));
      upsert.reset();
      upsert.bind(1, row.organisation_id.value);
      upsert.bind(2, row.audit_id.value);
      upsert.bind(3, row.year.start_year);
      bind_optional(upsert, 4, row.eligible);
      bind_optional(upsert, 5, row.participating);
      upsert.bind(6, row.reason_not_participating);
      bind_optional(upsert, 7, row.data_collection_completed);
      bind_optional(upsert, 8, row.cases_submitted);
      bind_optional(upsert, 9, row.cases_required);
      upsert.exec();
      const auto after = record_json(row);
      log_change(actor, before ? "update" : "create", "participation", key, before ? &*before : nullptr, &after);
    }
    transaction.commit();
  });
}

Result<std::vector<domain::Participation>> SqliteStore::participation_of(OrganisationId organisation,
                                                                         FinancialYear year) {
  return guarded("reading participation", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(
        db_, std::string(kParticipationColumns) + " WHERE organisation_id = ? AND year = ? ORDER BY audit_id");
    query.bind(1, organisation.value);
    query.bind(2, year.start_year);
    std::vector<domain::Participation> rows;
    while (query.executeStep()) rows.push_back(read_participation(query));
    return rows;
  });
}

Result<std::vector<domain::Participation>> SqliteStore::participation_in(AuditId audit, FinancialYear year) {
  return guarded("reading participation", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(
        db_, std::string(kParticipationColumns) + " WHERE audit_id = ? AND year = ? ORDER BY organisation_id");
    query.bind(1, audit.value);
    query.bind(2, year.start_year);
    std::vector<domain::Participation> rows;
    while (query.executeStep()) rows.push_back(read_participation(query));
    return rows;
  });
}

}  // namespace clinaudit::storage::sqlite
