// The local audit register in the SQL store: a trust's divisions and specialties, each local
// audit's entry and its history (migration 0011).
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_audit_rows.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kUnitColumns = "SELECT id, organisation_id, division_id, name, retired FROM trust_units ";
constexpr const char* kEntryColumns =
    "SELECT audit_id, division_id, specialty_id, lead_id, lead_name, supervisor, reason, sample_method, "
    "data_protection_confirmed, data_protection_note, proposed_by, proposed_by_name, proposed_at, stage, stage_at, "
    "programme_tier FROM local_audit_entries ";
constexpr const char* kEventColumns =
    "SELECT id, audit_id, kind, stage, at, user_id, by_name, note FROM local_audit_events ";

domain::TrustUnit read_unit(const SqlRow& row) {
  return domain::TrustUnit{.id = id_of<TrustUnitId>(row, 0),
                           .organisation_id = id_of<OrganisationId>(row, 1),
                           .division = optional_id<TrustUnitId>(row, 2),
                           .name = row.text(3),
                           .retired = row.boolean(4)};
}

domain::LocalAuditEntry read_entry(const SqlRow& row) {
  return domain::LocalAuditEntry{.audit_id = id_of<AuditId>(row, 0),
                                 .division = optional_id<TrustUnitId>(row, 1),
                                 .specialty = optional_id<TrustUnitId>(row, 2),
                                 .lead = optional_id<UserId>(row, 3),
                                 .lead_name = row.text(4),
                                 .supervisor = row.text(5),
                                 .reason = optional_enum(row, 6, domain::parse_audit_reason),
                                 .tier = optional_enum(row, 15, domain::parse_programme_tier),
                                 .sample_method = row.text(7),
                                 .data_protection_confirmed = row.boolean(8),
                                 .data_protection_note = row.text(9),
                                 .proposed_by = optional_id<UserId>(row, 10),
                                 .proposed_by_name = row.text(11),
                                 .proposed_at = row.text(12),
                                 .stage = enum_of(row, 13, domain::parse_local_audit_stage),
                                 .stage_at = row.text(14)};
}

domain::LocalAuditEvent read_event(const SqlRow& row) {
  return domain::LocalAuditEvent{.id = row.int64(0),
                                 .audit_id = id_of<AuditId>(row, 1),
                                 .kind = enum_of(row, 2, domain::parse_local_audit_event_kind),
                                 .stage = enum_of(row, 3, domain::parse_local_audit_stage),
                                 .at = row.text(4),
                                 .by = optional_id<UserId>(row, 5),
                                 .by_name = row.text(6),
                                 .note = row.text(7)};
}

template <typename IdType>
nlohmann::json id_json(const std::optional<IdType>& id) {
  return id ? nlohmann::json(id->value) : nlohmann::json(nullptr);
}

nlohmann::json unit_json(const domain::TrustUnit& unit) {
  return {{"id", unit.id.value},
          {"organisation_id", unit.organisation_id.value},
          {"division_id", id_json(unit.division)},
          {"name", unit.name},
          {"retired", unit.retired}};
}

nlohmann::json entry_json(const domain::LocalAuditEntry& entry) {
  return {{"audit_id", entry.audit_id.value},
          {"division_id", id_json(entry.division)},
          {"specialty_id", id_json(entry.specialty)},
          {"lead_id", id_json(entry.lead)},
          {"lead_name", entry.lead_name},
          {"supervisor", entry.supervisor},
          {"reason", entry.reason ? nlohmann::json(domain::to_string(*entry.reason)) : nlohmann::json(nullptr)},
          {"programme_tier", entry.tier ? nlohmann::json(domain::to_string(*entry.tier)) : nlohmann::json(nullptr)},
          {"sample_method", entry.sample_method},
          {"data_protection_confirmed", entry.data_protection_confirmed},
          {"data_protection_note", entry.data_protection_note},
          {"stage", domain::to_string(entry.stage)},
          {"stage_at", entry.stage_at}};
}

nlohmann::json event_json(const domain::LocalAuditEvent& event) {
  return {{"id", event.id},
          {"audit_id", event.audit_id.value},
          {"kind", domain::to_string(event.kind)},
          {"stage", domain::to_string(event.stage)},
          {"at", event.at},
          {"user_id", id_json(event.by)},
          {"by_name", event.by_name},
          {"note", event.note}};
}

std::optional<domain::TrustUnit> find_unit(SqlSession& session, TrustUnitId id) {
  return first_row(session, std::string(kUnitColumns) + "WHERE id = ?", read_unit, id);
}

std::string duplicate_unit(const domain::TrustUnit& unit) {
  return "name: '" + unit.name + "' is already " +
         (unit.division ? "a specialty of this division" : "a division of this trust");
}

// The entry's units are the audit owner's: a division, and a specialty of that division.
void check_entry(SqlSession& session, const domain::Audit& audit, const domain::LocalAuditEntry& entry) {
  if (entry.division) {
    const auto division = find_unit(session, *entry.division);
    if (!division || division->is_specialty() || division->organisation_id != audit.owner) {
      fail(ErrorCode::invalid_input, "division_id: choose one of your trust's divisions");
    }
  }
  if (entry.specialty) {
    const auto specialty = find_unit(session, *entry.specialty);
    if (!specialty || specialty->division != entry.division) {
      fail(ErrorCode::invalid_input, "specialty_id: choose a specialty of the audit's division");
    }
  }
  if (entry.lead) require_row(session, "users", entry.lead->value, "local audit '" + audit.code + "': lead");
}

void write_entry(SqlSession& session, const domain::LocalAuditEntry& entry) {
  execute(session, "DELETE FROM local_audit_entries WHERE audit_id = ?", entry.audit_id);
  execute(session,
          "INSERT INTO local_audit_entries (audit_id, division_id, specialty_id, lead_id, lead_name, supervisor, "
          "reason, sample_method, data_protection_confirmed, data_protection_note, proposed_by, proposed_by_name, "
          "proposed_at, stage, stage_at, programme_tier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          entry.audit_id, entry.division, entry.specialty, entry.lead, entry.lead_name, entry.supervisor,
          optional_name(entry.reason), entry.sample_method, entry.data_protection_confirmed, entry.data_protection_note,
          entry.proposed_by, entry.proposed_by_name, entry.proposed_at, domain::to_string(entry.stage), entry.stage_at,
          optional_name(entry.tier));
}

void write_event(SqlSession& session, const domain::LocalAuditEvent& event, const domain::Actor& actor) {
  domain::LocalAuditEvent stored = event;
  ensure(domain::check(stored));
  if (stored.by) require_row(session, "users", stored.by->value, "history of a local audit: user");
  stored.id = insert(session,
                     "INSERT INTO local_audit_events (audit_id, kind, stage, at, user_id, by_name, note) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                     stored.audit_id, domain::to_string(stored.kind), domain::to_string(stored.stage), stored.at,
                     stored.by, stored.by_name, stored.note);
  const auto after = event_json(stored);
  append_audit_log(session, actor, "create", "local_audit_event", std::to_string(stored.id), nullptr, &after);
}

void check_local(const domain::Audit& audit) {
  ensure(domain::check(audit));
  if (audit.kind != domain::AuditKind::local_audit || !audit.owner) {
    fail(ErrorCode::invalid_input, "kind: the register holds local audits of one organisation");
  }
}

}  // namespace

Result<TrustUnitId> SqlStore::add_trust_unit(const domain::TrustUnit& unit, const domain::Actor& actor) {
  return write("adding a division or specialty", [&](SqlSession& session) {
    ensure(domain::check(unit));
    require_row(session, "organisations", unit.organisation_id.value, "division's organisation");
    if (unit.division) {
      const auto division = find_unit(session, *unit.division);
      if (!division || division->is_specialty() || division->organisation_id != unit.organisation_id) {
        fail(ErrorCode::invalid_input, "division_id: choose one of your trust's divisions");
      }
    }
    domain::TrustUnit stored = unit;
    stored.id = TrustUnitId{unique(duplicate_unit(unit), [&] {
      return insert(session,
                    "INSERT INTO trust_units (organisation_id, division_id, name, retired) VALUES (?, ?, ?, ?) "
                    "RETURNING id",
                    unit.organisation_id, unit.division, unit.name, unit.retired);
    })};
    const auto after = unit_json(stored);
    append_audit_log(session, actor, "create", "trust_unit", std::to_string(stored.id.value), nullptr, &after);
    return stored.id;
  });
}

Result<void> SqlStore::update_trust_unit(const domain::TrustUnit& unit, const domain::Actor& actor) {
  return write("changing a division or specialty", [&](SqlSession& session) {
    ensure(domain::check(unit));
    const auto found = find_unit(session, unit.id);
    if (!found)
      fail(ErrorCode::not_found, "division or specialty id " + std::to_string(unit.id.value) + " does not exist");
    domain::TrustUnit stored = *found;
    stored.name = unit.name;
    stored.retired = unit.retired;
    unique(duplicate_unit(stored), [&] {
      return execute(session, "UPDATE trust_units SET name = ?, retired = ? WHERE id = ?", stored.name, stored.retired,
                     stored.id);
    });
    const auto before = unit_json(*found);
    const auto after = unit_json(stored);
    append_audit_log(session, actor, "update", "trust_unit", std::to_string(stored.id.value), &before, &after);
  });
}

Result<std::vector<domain::TrustUnit>> SqlStore::trust_units(OrganisationId organisation) {
  return read("reading divisions and specialties", [&](SqlSession& session) {
    return all_rows(
        session,
        std::string(kUnitColumns) +
            "WHERE organisation_id = ? ORDER BY COALESCE(division_id, id), division_id IS NOT NULL, name, id",
        read_unit, organisation);
  });
}

Result<AuditId> SqlStore::add_local_audit_entry(const domain::Audit& audit, const domain::LocalAuditEntry& entry,
                                                const domain::LocalAuditEvent& event, const domain::Actor& actor) {
  return write("proposing a local audit", [&](SqlSession& session) {
    check_local(audit);
    require_row(session, "organisations", audit.owner->value, "audit '" + audit.code + "': owner organisation");
    if (audit.reaudit_of) {
      require_row(session, "audits", audit.reaudit_of->value, "audit '" + audit.code + "': re-audited audit");
    }
    check_entry(session, audit, entry);
    domain::Audit stored = audit;
    stored.id = AuditId{unique("audit code '" + audit.code + "' already exists", [&] {
      return insert(session,
                    "INSERT INTO audits (code, title, kind, topic, provider_body, standards, status, owner_id, "
                    "reaudit_of, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    audit.code, audit.title, domain::to_string(audit.kind), audit.topic, audit.provider_body,
                    audit.standards, domain::to_string(audit.status), audit.owner, audit.reaudit_of, audit.start_date,
                    audit.end_date);
    })};
    const auto audit_after = record_json(stored);
    append_audit_log(session, actor, "create", "audit", stored.code, nullptr, &audit_after);
    domain::LocalAuditEntry stored_entry = entry;
    stored_entry.audit_id = stored.id;
    write_entry(session, stored_entry);
    const auto entry_after = entry_json(stored_entry);
    append_audit_log(session, actor, "create", "local_audit_entry", stored.code, nullptr, &entry_after);
    domain::LocalAuditEvent first = event;
    first.audit_id = stored.id;
    write_event(session, first, actor);
    return stored.id;
  });
}

Result<void> SqlStore::record_local_audit_event(const domain::Audit& audit, const domain::LocalAuditEntry& entry,
                                                const domain::LocalAuditEvent& event, const domain::Actor& actor) {
  return write("recording a step of local audit '" + audit.code + "'", [&](SqlSession& session) {
    check_local(audit);
    const auto audit_before =
        record_json(only_row(session, "audit id " + std::to_string(audit.id.value) + " does not exist",
                             std::string(kAuditColumns) + "WHERE id = ?", read_audit, audit.id));
    check_entry(session, audit, entry);
    execute(session,
            "UPDATE audits SET title = ?, topic = ?, standards = ?, status = ?, start_date = ?, end_date = ? "
            "WHERE id = ?",
            audit.title, audit.topic, audit.standards, domain::to_string(audit.status), audit.start_date,
            audit.end_date, audit.id);
    const auto audit_after = record_json(audit);
    append_audit_log(session, actor, "update", "audit", audit.code, &audit_before, &audit_after);
    const auto entry_before =
        first_row(session, std::string(kEntryColumns) + "WHERE audit_id = ?", read_entry, audit.id);
    domain::LocalAuditEntry stored_entry = entry;
    stored_entry.audit_id = audit.id;
    write_entry(session, stored_entry);
    const auto before = entry_before ? entry_json(*entry_before) : nlohmann::json(nullptr);
    const auto after = entry_json(stored_entry);
    append_audit_log(session, actor, entry_before ? "update" : "create", "local_audit_entry", audit.code,
                     entry_before ? &before : nullptr, &after);
    domain::LocalAuditEvent stored_event = event;
    stored_event.audit_id = audit.id;
    write_event(session, stored_event, actor);
  });
}

Result<std::vector<domain::LocalAuditEntry>> SqlStore::local_audit_entries(OrganisationId organisation) {
  return read("reading the local audit register", [&](SqlSession& session) {
    return all_rows(
        session,
        std::string(kEntryColumns) + "WHERE audit_id IN (SELECT id FROM audits WHERE owner_id = ?) ORDER BY audit_id",
        read_entry, organisation);
  });
}

Result<std::optional<domain::LocalAuditEntry>> SqlStore::local_audit_entry(AuditId audit) {
  return read("reading a local audit's register entry", [&](SqlSession& session) {
    return first_row(session, std::string(kEntryColumns) + "WHERE audit_id = ?", read_entry, audit);
  });
}

Result<std::vector<domain::LocalAuditEvent>> SqlStore::local_audit_events(AuditId audit) {
  return read("reading a local audit's history", [&](SqlSession& session) {
    return all_rows(session, std::string(kEventColumns) + "WHERE audit_id = ? ORDER BY at, id", read_event, audit);
  });
}

}  // namespace clinaudit::storage
