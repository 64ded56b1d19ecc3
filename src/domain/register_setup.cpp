#include "domain/register_setup.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "domain/entity_checks.hpp"

namespace clinaudit::domain {

namespace {

Result<void> may_manage_register(const SetupCaller& who) {
  if (!who || allows(*who, Permission::manage_register)) return {};
  return Error{ErrorCode::forbidden, "the register of organisations and national audits is kept by the national body"};
}

Result<Organisation> organisation_of(const OrganisationDraft& draft) {
  Organisation row;
  CLINAUDIT_TRY(row.code, register_code(draft.code, 12, "organisation"));
  row.name = trimmed(draft.name);
  if (row.name.empty()) return invalid_input("name: enter the organisation's name");
  if (!draft.type) return invalid_input("type: choose the kind of organisation");
  row.type = *draft.type;
  row.region = trimmed(draft.region);
  return row;
}

// One national body: it keeps its type, and no other organisation takes it.
Result<void> check_national_body(Store& store, const Organisation& row, const std::optional<Organisation>& before) {
  if (before && before->type == OrganisationType::national_body && row.type != OrganisationType::national_body) {
    return invalid_input("type: the national body stays the national body");
  }
  if (row.type != OrganisationType::national_body || (before && before->type == OrganisationType::national_body)) {
    return {};
  }
  CLINAUDIT_TRY(auto all, store.organisations());
  for (const auto& other : all) {
    if (other.type == OrganisationType::national_body && other.id != row.id) {
      return invalid_input("type: " + other.name + " is already the national body; there is one");
    }
  }
  return {};
}

bool is_national(const Audit& audit) { return audit.kind != AuditKind::local_audit; }

Result<Audit> audit_of(const AuditDraft& draft) {
  Audit row;
  CLINAUDIT_TRY(row.code, register_code(draft.code, 40, "audit"));
  row.title = trimmed(draft.title);
  if (row.title.empty()) return invalid_input("title: enter the audit's title");
  if (!draft.status) return invalid_input("status: choose the audit's status");
  row.status = *draft.status;
  row.topic = trimmed(draft.topic);
  row.provider_body = trimmed(draft.provider_body);
  row.standards = trimmed(draft.standards);
  row.reaudit_of = draft.reaudit_of;
  row.start_date = draft.start_date;
  row.end_date = draft.end_date;
  if (row.start_date && row.end_date && *row.end_date < *row.start_date) {
    return invalid_input("end_date: the audit cannot end before it starts (" + row.start_date->to_string() + ")");
  }
  return row;
}

Result<Audit> national_audit_of(const AuditDraft& draft) {
  CLINAUDIT_TRY(auto row, audit_of(draft));
  if (!draft.kind || *draft.kind == AuditKind::local_audit) {
    return invalid_input("kind: choose national clinical audit or national confidential enquiry");
  }
  row.kind = *draft.kind;
  row.owner.reset();
  return row;
}

Result<Audit> national_audit(Store& store, AuditId id) {
  auto audit = store.audit(id);
  if (!audit || !is_national(*audit)) {
    if (audit || audit.error().code == ErrorCode::not_found) {
      return Error{ErrorCode::not_found, "there is no national audit with id " + std::to_string(id.value)};
    }
    return audit.error();
  }
  return audit;
}

// The audit a re-audit repeats must be one the caller may see.
Result<void> check_reaudit(Store& store, const SetupCaller& who, const Audit& row) {
  if (!row.reaudit_of) return {};
  auto earlier = store.audit(*row.reaudit_of);
  if (!earlier && earlier.error().code != ErrorCode::not_found) return earlier.error();
  if (!earlier || (who && !may_see_audit(*who, *earlier))) {
    return Error{ErrorCode::not_found,
                 "reaudit_of: there is no audit with id " + std::to_string(row.reaudit_of->value)};
  }
  if (row.id.valid() && *row.reaudit_of == row.id) return invalid_input("reaudit_of: an audit cannot re-audit itself");
  return {};
}

Result<void> may_manage_local_audits(const SetupCaller& who, OrganisationId owner) {
  if (!who) return {};
  if (!allows(*who, Permission::manage_local_audits)) {
    return Error{ErrorCode::forbidden, "your role does not set up local audits"};
  }
  if (who->organisation_id != owner) {
    return Error{ErrorCode::forbidden, "a local audit is set up by its own organisation"};
  }
  return {};
}

bool provider_type(OrganisationType type) { return type != OrganisationType::national_body; }

}  // namespace

Result<std::string> register_code(std::string_view text, std::size_t longest, std::string_view what) {
  std::string code = trimmed(text);
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (code.empty()) return invalid_input("code: enter the " + std::string(what) + "'s code");
  const bool plain = std::all_of(code.begin(), code.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '/';
  });
  if (!plain || code.size() > longest) {
    return invalid_input("code: use 1 to " + std::to_string(longest) + " letters, digits or - _ . / (you entered \"" +
                         code + "\")");
  }
  return code;
}

OrganisationDraft draft_of(const Organisation& organisation) {
  return OrganisationDraft{organisation.code, organisation.name, organisation.type, organisation.region};
}

AuditDraft draft_of(const Audit& audit) {
  return AuditDraft{audit.code,      audit.title,  audit.kind,       audit.topic,      audit.provider_body,
                    audit.standards, audit.status, audit.reaudit_of, audit.start_date, audit.end_date};
}

Result<std::vector<Organisation>> organisation_register(Store& store, const SetupCaller& who) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  return store.organisations();
}

Result<OrganisationId> add_organisation(Store& store, const SetupCaller& who, const Actor& actor,
                                        const OrganisationDraft& draft) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  CLINAUDIT_TRY(auto row, organisation_of(draft));
  CLINAUDIT_TRY(auto ids, add_organisations(store, who, actor, {row}));
  return ids.at(0);
}

Result<void> edit_organisation(Store& store, const SetupCaller& who, const Actor& actor, OrganisationId id,
                               const OrganisationDraft& draft) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  CLINAUDIT_TRY(auto before, store.organisation(id));
  CLINAUDIT_TRY(auto row, organisation_of(draft));
  row.id = id;
  CLINAUDIT_TRY_VOID(check_national_body(store, row, before));
  return store.update_organisation(row, actor);
}

Result<std::vector<OrganisationId>> add_organisations(Store& store, const SetupCaller& who, const Actor& actor,
                                                      const std::vector<Organisation>& rows) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  bool national_body = false;
  for (const auto& row : rows) {
    CLINAUDIT_TRY_VOID(check(row));
    if (row.type != OrganisationType::national_body) continue;
    if (national_body) return invalid_input("type: " + row.name + " would be a second national body; there is one");
    national_body = true;
    CLINAUDIT_TRY_VOID(check_national_body(store, row, std::nullopt));
  }
  return store.add_organisations(rows, actor);
}

Result<std::vector<Audit>> national_audit_list(Store& store, const SetupCaller& who) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  CLINAUDIT_TRY(auto all, store.audits(AuditFilter{}));
  std::erase_if(all, [](const Audit& audit) { return !is_national(audit); });
  return all;
}

Result<NationalAuditSetup> national_audit_setup(Store& store, const SetupCaller& who, AuditId id,
                                                const std::vector<FinancialYear>& years) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  NationalAuditSetup setup;
  CLINAUDIT_TRY(setup.audit, national_audit(store, id));
  for (const auto year : years) {
    CLINAUDIT_TRY(auto entries, store.qa_list(year));
    for (auto& entry : entries) {
      if (entry.audit_id == id) setup.qa_list.push_back(std::move(entry));
    }
  }
  return setup;
}

Result<AuditId> add_national_audit(Store& store, const SetupCaller& who, const Actor& actor, const AuditDraft& draft) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  CLINAUDIT_TRY(auto row, national_audit_of(draft));
  CLINAUDIT_TRY_VOID(check_reaudit(store, who, row));
  CLINAUDIT_TRY(auto ids, store.add_audits({row}, actor));
  return ids.at(0);
}

Result<void> edit_national_audit(Store& store, const SetupCaller& who, const Actor& actor, AuditId id,
                                 const AuditDraft& draft) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  CLINAUDIT_TRY_VOID(national_audit(store, id));
  CLINAUDIT_TRY(auto row, national_audit_of(draft));
  row.id = id;
  CLINAUDIT_TRY_VOID(check_reaudit(store, who, row));
  return store.update_audit(row, actor);
}

Result<void> set_qa_membership(Store& store, const SetupCaller& who, const Actor& actor, AuditId audit,
                               FinancialYear year, const std::set<OrganisationType>& eligible) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  CLINAUDIT_TRY_VOID(national_audit(store, audit));
  if (eligible.empty()) {
    CLINAUDIT_TRY(auto entries, store.qa_list(year));
    const bool listed =
        std::any_of(entries.begin(), entries.end(), [&](const QaListEntry& entry) { return entry.audit_id == audit; });
    if (!listed) return {};
    return store.remove_from_qa_list(audit, year, actor);
  }
  return set_qa_list(store, who, actor, {QaListEntry{audit, year, eligible}});
}

Result<std::vector<AuditId>> add_audits(Store& store, const SetupCaller& who, const Actor& actor,
                                        const std::vector<Audit>& rows) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  for (const auto& row : rows) {
    CLINAUDIT_TRY_VOID(check(row));
    if (who && !is_national(row)) {
      return Error{ErrorCode::forbidden, "audit '" + row.code + "': a local audit is added by its own organisation"};
    }
    if (!is_national(row) && !row.owner)
      return invalid_input("audit '" + row.code + "': a local audit needs its owner");
  }
  return store.add_audits(rows, actor);
}

Result<void> set_qa_list(Store& store, const SetupCaller& who, const Actor& actor,
                         const std::vector<QaListEntry>& rows) {
  CLINAUDIT_TRY_VOID(may_manage_register(who));
  for (const auto& row : rows) {
    CLINAUDIT_TRY_VOID(national_audit(store, row.audit_id));
    if (row.eligible_types.empty()) return invalid_input("eligible_types: choose at least one kind of organisation");
    if (!std::all_of(row.eligible_types.begin(), row.eligible_types.end(), provider_type)) {
      return invalid_input("eligible_types: the national body takes no part in national audits");
    }
  }
  return store.set_qa_list(rows, actor);
}

Result<AuditId> add_local_audit(Store& store, const SetupCaller& who, const Actor& actor, OrganisationId owner,
                                const AuditDraft& draft) {
  CLINAUDIT_TRY_VOID(may_manage_local_audits(who, owner));
  CLINAUDIT_TRY(auto row, audit_of(draft));
  row.kind = AuditKind::local_audit;
  row.provider_body.clear();
  row.owner = owner;
  CLINAUDIT_TRY_VOID(check_reaudit(store, who, row));
  CLINAUDIT_TRY(auto ids, store.add_audits({row}, actor));
  return ids.at(0);
}

Result<Audit> own_local_audit(Store& store, const SetupCaller& who, AuditId id) {
  auto audit = store.audit(id);
  if (!audit && audit.error().code != ErrorCode::not_found) return audit.error();
  if (!audit || is_national(*audit) || (who && audit->owner != who->organisation_id)) {
    return Error{ErrorCode::not_found, "there is no local audit of yours with id " + std::to_string(id.value)};
  }
  CLINAUDIT_TRY_VOID(may_manage_local_audits(who, *audit->owner));
  return audit;
}

Result<void> edit_local_audit(Store& store, const SetupCaller& who, const Actor& actor, AuditId id,
                              const AuditDraft& draft) {
  CLINAUDIT_TRY(auto before, own_local_audit(store, who, id));
  CLINAUDIT_TRY(auto row, audit_of(draft));
  row.id = id;
  row.kind = AuditKind::local_audit;
  row.provider_body.clear();
  row.owner = before.owner;
  CLINAUDIT_TRY_VOID(check_reaudit(store, who, row));
  return store.update_audit(row, actor);
}

}  // namespace clinaudit::domain
