// Audits, the Quality Account list and participation in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_audit_rows.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {

const char* const kAuditColumns =
    "SELECT id, code, title, kind, topic, provider_body, standards, status, owner_id, reaudit_of, start_date, "
    "end_date, supplier_id FROM audits ";

domain::Audit read_audit(const SqlRow& row) {
  return domain::Audit{.id = id_of<AuditId>(row, 0),
                       .code = row.text(1),
                       .title = row.text(2),
                       .kind = enum_of(row, 3, domain::parse_audit_kind),
                       .topic = row.text(4),
                       .provider_body = row.text(5),
                       .standards = row.text(6),
                       .status = enum_of(row, 7, domain::parse_audit_status),
                       .owner = optional_id<OrganisationId>(row, 8),
                       .reaudit_of = optional_id<AuditId>(row, 9),
                       .start_date = optional_date(row, 10),
                       .end_date = optional_date(row, 11),
                       .supplier_id = optional_id<SupplierId>(row, 12)};
}

namespace {

constexpr const char* kParticipationColumns =
    "SELECT organisation_id, audit_id, year, eligible, participating, reason_not_participating, "
    "data_collection_completed, cases_submitted, cases_required FROM participation ";

domain::Participation read_participation(const SqlRow& row) {
  return domain::Participation{.organisation_id = id_of<OrganisationId>(row, 0),
                               .audit_id = id_of<AuditId>(row, 1),
                               .year = FinancialYear{static_cast<int>(row.int64(2))},
                               .eligible = optional_bool(row, 3),
                               .participating = optional_bool(row, 4),
                               .reason_not_participating = row.text(5),
                               .data_collection_completed = optional_bool(row, 6),
                               .cases_submitted = optional_int64(row, 7),
                               .cases_required = optional_int64(row, 8)};
}

void check_audit(SqlSession& session, const domain::Audit& row) {
  ensure(domain::check(row));
  if (row.owner)
    require_row(session, "organisations", row.owner->value, "audit '" + row.code + "': owner organisation");
  if (row.reaudit_of) {
    require_row(session, "audits", row.reaudit_of->value, "audit '" + row.code + "': re-audited audit");
  }
  if (row.supplier_id) {
    require_row(session, "audit_suppliers", row.supplier_id->value, "audit '" + row.code + "': supplier");
  }
}

domain::Audit load_audit(SqlSession& session, AuditId id) {
  return only_row(session, "audit id " + std::to_string(id.value) + " does not exist",
                  std::string(kAuditColumns) + "WHERE id = ?", read_audit, id);
}

// The eligible organisation types, stored as "acute,community".
std::string join_types(const std::set<domain::OrganisationType>& types) {
  std::string text;
  for (const auto type : types) {
    if (!text.empty()) text += ',';
    text += domain::to_string(type);
  }
  return text;
}

std::set<domain::OrganisationType> split_types(const SqlRow& row, int column) {
  const std::string text = row.text(column);
  std::set<domain::OrganisationType> types;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const auto type = domain::parse_organisation_type(std::string_view(text).substr(start, end - start));
    if (!type) unreadable(row, column, text);
    types.insert(*type);
    start = end + 1;
  }
  return types;
}

std::string duplicate_code(const domain::Audit& row) { return "audit code '" + row.code + "' already exists"; }

}  // namespace

Result<std::vector<AuditId>> SqlStore::add_audits(const std::vector<domain::Audit>& rows, const domain::Actor& actor) {
  return write("adding audits", [&](SqlSession& session) {
    std::vector<AuditId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
      check_audit(session, row);
      domain::Audit stored = row;
      stored.id = AuditId{unique(duplicate_code(row), [&] {
        return insert(session,
                      "INSERT INTO audits (code, title, kind, topic, provider_body, standards, status, owner_id, "
                      "reaudit_of, start_date, end_date, supplier_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                      "RETURNING id",
                      row.code, row.title, domain::to_string(row.kind), row.topic, row.provider_body, row.standards,
                      domain::to_string(row.status), row.owner, row.reaudit_of, row.start_date, row.end_date,
                      row.supplier_id);
      })};
      const auto after = record_json(stored);
      append_audit_log(session, actor, "create", "audit", row.code, nullptr, &after);
      ids.push_back(stored.id);
    }
    return ids;
  });
}

Result<void> SqlStore::update_audit(const domain::Audit& row, const domain::Actor& actor) {
  return write("updating audit '" + row.code + "'", [&](SqlSession& session) {
    const auto before = record_json(load_audit(session, row.id));
    check_audit(session, row);
    unique(duplicate_code(row), [&] {
      return execute(session,
                     "UPDATE audits SET code = ?, title = ?, kind = ?, topic = ?, provider_body = ?, standards = ?, "
                     "status = ?, owner_id = ?, reaudit_of = ?, start_date = ?, end_date = ?, supplier_id = ? "
                     "WHERE id = ?",
                     row.code, row.title, domain::to_string(row.kind), row.topic, row.provider_body, row.standards,
                     domain::to_string(row.status), row.owner, row.reaudit_of, row.start_date, row.end_date,
                     row.supplier_id, row.id);
    });
    const auto after = record_json(row);
    append_audit_log(session, actor, "update", "audit", row.code, &before, &after);
  });
}

Result<domain::Audit> SqlStore::audit(AuditId id) {
  return read("reading an audit", [&](SqlSession& session) { return load_audit(session, id); });
}

Result<domain::Audit> SqlStore::audit_by_code(std::string_view code) {
  return read("reading an audit", [&](SqlSession& session) {
    return only_row(session, "no audit has code '" + std::string(code) + "'",
                    std::string(kAuditColumns) + "WHERE code = ?", read_audit, code);
  });
}

Result<std::vector<domain::Audit>> SqlStore::audits(const domain::AuditFilter& filter) {
  return read("reading audits", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kAuditColumns) +
                        "WHERE (CAST(?1 AS TEXT) IS NULL OR kind = ?1) AND "
                        "(CAST(?2 AS BIGINT) IS NULL OR owner_id = ?2) AND "
                        "(CAST(?3 AS TEXT) IS NULL OR status = ?3) AND (?4 = '' OR topic = ?4) ORDER BY code",
                    read_audit, optional_name(filter.kind), filter.owner, optional_name(filter.status), filter.topic);
  });
}

Result<void> SqlStore::set_qa_list(const std::vector<domain::QaListEntry>& rows, const domain::Actor& actor) {
  return write("setting the Quality Account list", [&](SqlSession& session) {
    for (const auto& row : rows) {
      require_row(session, "audits", row.audit_id.value, "Quality Account list " + row.year.to_string() + ": audit");
      const auto before = first_row(
          session, "SELECT eligible_types FROM qa_list WHERE audit_id = ? AND year = ?",
          [&](const SqlRow& found) {
            return record_json(domain::QaListEntry{row.audit_id, row.year, split_types(found, 0)});
          },
          row.audit_id, row.year.start_year);
      execute(session,
              "INSERT INTO qa_list (audit_id, year, eligible_types) VALUES (?, ?, ?) "
              "ON CONFLICT (audit_id, year) DO UPDATE SET eligible_types = excluded.eligible_types",
              row.audit_id, row.year.start_year, join_types(row.eligible_types));
      const auto after = record_json(row);
      const std::string key = std::to_string(row.audit_id.value) + "/" + row.year.to_string();
      append_audit_log(session, actor, before ? "update" : "create", "qa_list", key, before ? &*before : nullptr,
                       &after);
    }
  });
}

Result<std::vector<domain::QaListEntry>> SqlStore::qa_list(FinancialYear year) {
  return read("reading the Quality Account list", [&](SqlSession& session) {
    return all_rows(
        session,
        "SELECT q.audit_id, q.eligible_types FROM qa_list q JOIN audits a ON a.id = q.audit_id "
        "WHERE q.year = ? ORDER BY a.code",
        [&](const SqlRow& row) {
          return domain::QaListEntry{id_of<AuditId>(row, 0), year, split_types(row, 1)};
        },
        year.start_year);
  });
}

Result<void> SqlStore::remove_from_qa_list(AuditId audit, FinancialYear year, const domain::Actor& actor) {
  return write("taking an audit off the Quality Account list", [&](SqlSession& session) {
    const std::string key = std::to_string(audit.value) + "/" + year.to_string();
    const auto before = only_row(
        session,
        "audit id " + std::to_string(audit.value) + " is not on the Quality Account list for " + year.to_string(),
        "SELECT eligible_types FROM qa_list WHERE audit_id = ? AND year = ?",
        [&](const SqlRow& found) {
          return record_json(domain::QaListEntry{audit, year, split_types(found, 0)});
        },
        audit, year.start_year);
    execute(session, "DELETE FROM qa_list WHERE audit_id = ? AND year = ?", audit, year.start_year);
    append_audit_log(session, actor, "delete", "qa_list", key, &before, nullptr);
  });
}

Result<void> SqlStore::upsert_participation(const std::vector<domain::Participation>& rows,
                                            const domain::Actor& actor) {
  return write("recording participation", [&](SqlSession& session) {
    for (const auto& row : rows) {
      ensure(domain::check(row));
      const std::string key = domain::describe(row);
      require_row(session, "organisations", row.organisation_id.value, "participation " + key + ": organisation");
      require_row(session, "audits", row.audit_id.value, "participation " + key + ": audit");
      const auto before = first_row(
          session, std::string(kParticipationColumns) + "WHERE organisation_id = ? AND audit_id = ? AND year = ?",
          [](const SqlRow& found) { return record_json(read_participation(found)); }, row.organisation_id, row.audit_id,
          row.year.start_year);
      execute(session,
              "INSERT INTO participation (organisation_id, audit_id, year, eligible, participating, "
              "reason_not_participating, data_collection_completed, cases_submitted, cases_required) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id, audit_id, year) DO UPDATE SET "
              "eligible = excluded.eligible, participating = excluded.participating, "
              "reason_not_participating = excluded.reason_not_participating, "
              "data_collection_completed = excluded.data_collection_completed, "
              "cases_submitted = excluded.cases_submitted, cases_required = excluded.cases_required",
              row.organisation_id, row.audit_id, row.year.start_year, row.eligible, row.participating,
              row.reason_not_participating, row.data_collection_completed, row.cases_submitted, row.cases_required);
      const auto after = record_json(row);
      append_audit_log(session, actor, before ? "update" : "create", "participation", key, before ? &*before : nullptr,
                       &after);
    }
  });
}

Result<std::vector<domain::Participation>> SqlStore::participation_of(OrganisationId organisation, FinancialYear year) {
  return read("reading participation", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kParticipationColumns) + "WHERE organisation_id = ? AND year = ? ORDER BY audit_id",
                    read_participation, organisation, year.start_year);
  });
}

Result<std::vector<domain::Participation>> SqlStore::participation_in(AuditId audit, FinancialYear year) {
  return read("reading participation", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kParticipationColumns) + "WHERE audit_id = ? AND year = ? ORDER BY organisation_id",
                    read_participation, audit, year.start_year);
  });
}

}  // namespace clinaudit::storage
