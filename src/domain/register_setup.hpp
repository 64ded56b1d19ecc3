#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/organisation.hpp"
#include "domain/participation.hpp"
#include "domain/store.hpp"

// Setting up the register: organisations and national audits (the national body's
// administrators, Permission::manage_register), the Quality Account list, and a trust's own
// local audits (Permission::manage_local_audits). The pages, the JSON API, the command line
// and the CSV imports call these, so each write is checked the same way wherever it comes
// from; the store writes the audit log.
namespace clinaudit::domain {

// Who sets something up: a signed-in person, or the operator on the command line (absent),
// who holds the whole database and is not limited by role or organisation.
using SetupCaller = std::optional<Principal>;

// An organisation as an administrator enters it.
struct OrganisationDraft {
  std::string code;  // upper-cased; 1 to 12 letters, digits or "-_./"
  std::string name;
  std::optional<OrganisationType> type;  // empty when none or an unknown type was chosen
  std::string region;
};

// Every organisation, by code. Errors: forbidden without manage_register.
// A register's code as entered: trimmed and upper-cased, 1 to `longest` letters, digits or
// "-_./". Errors: invalid_input "code: ..." naming `what` (organisation, audit, supplier).
Result<std::string> register_code(std::string_view text, std::size_t longest, std::string_view what);

Result<std::vector<Organisation>> organisation_register(Store& store, const SetupCaller& who);
// Errors: forbidden without manage_register; invalid_input naming the field (code, name,
// type; a second national body); conflict for a code in use.
Result<OrganisationId> add_organisation(Store& store, const SetupCaller& who, const Actor& actor,
                                        const OrganisationDraft& draft);
// As add_organisation, and not_found for an unknown id; the national body keeps its type
// and no other organisation takes it (invalid_input).
Result<void> edit_organisation(Store& store, const SetupCaller& who, const Actor& actor, OrganisationId id,
                               const OrganisationDraft& draft);
// A batch of new organisations (the organisations CSV kind), all or nothing, under the
// same rules.
Result<std::vector<OrganisationId>> add_organisations(Store& store, const SetupCaller& who, const Actor& actor,
                                                      const std::vector<Organisation>& rows);

// An audit as a person enters it. The national use cases take kind from it (a national
// clinical audit or a confidential enquiry); the local ones make it a local audit.
struct AuditDraft {
  std::string code;  // upper-cased; 1 to 40 letters, digits or "-_./"
  std::string title;
  std::optional<AuditKind> kind;
  std::string topic;
  std::string provider_body;
  std::string standards;
  std::optional<AuditStatus> status;  // empty: an unknown status was chosen
  std::optional<AuditId> reaudit_of;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
};

// A national audit with its Quality Account list entries for the years asked about.
struct NationalAuditSetup {
  Audit audit;
  std::vector<QaListEntry> qa_list;  // one per listed year on which the audit is
};

// The national audits and confidential enquiries, by code. Errors: forbidden without
// manage_register.
Result<std::vector<Audit>> national_audit_list(Store& store, const SetupCaller& who);
// One national audit and its list entries in `years`. Errors: forbidden as above;
// not_found for a local or unknown audit.
Result<NationalAuditSetup> national_audit_setup(Store& store, const SetupCaller& who, AuditId id,
                                                const std::vector<FinancialYear>& years);
// Errors: forbidden without manage_register; invalid_input naming the field (code, title,
// kind not national, status, dates); not_found for an unknown re-audited audit; conflict
// for a code in use.
Result<AuditId> add_national_audit(Store& store, const SetupCaller& who, const Actor& actor, const AuditDraft& draft);
// As add_national_audit, and not_found for a local or unknown audit.
Result<void> edit_national_audit(Store& store, const SetupCaller& who, const Actor& actor, AuditId id,
                                 const AuditDraft& draft);
// Puts a national audit on a year's Quality Account list with the organisation types
// eligible, or takes it off when `eligible` is empty (nothing to do when it was not on).
// Errors: forbidden without manage_register; not_found for a local or unknown audit;
// invalid_input for the national body as an eligible type.
Result<void> set_qa_membership(Store& store, const SetupCaller& who, const Actor& actor, AuditId audit,
                               FinancialYear year, const std::set<OrganisationType>& eligible);

// A batch of audits (the audits CSV kind), all or nothing. The operator may add local
// audits for any organisation; a person with manage_register adds national audits only.
Result<std::vector<AuditId>> add_audits(Store& store, const SetupCaller& who, const Actor& actor,
                                        const std::vector<Audit>& rows);
// A batch of Quality Account list entries (the qa-list CSV kind), all or nothing: national
// audits only, each with at least one provider type.
Result<void> set_qa_list(Store& store, const SetupCaller& who, const Actor& actor,
                         const std::vector<QaListEntry>& rows);

// Adds a local audit owned by `owner`. A person holds manage_local_audits and adds their own
// organisation's only (forbidden otherwise); a re-audit names an audit they may see.
// Errors: invalid_input naming the field; not_found for an unknown owner or re-audited
// audit; conflict for a code in use.
Result<AuditId> add_local_audit(Store& store, const SetupCaller& who, const Actor& actor, OrganisationId owner,
                                const AuditDraft& draft);
// Changes a local audit (its owner stays). Errors: as add_local_audit; not_found for a
// national audit or another organisation's local audit (as for one that does not exist).
Result<void> edit_local_audit(Store& store, const SetupCaller& who, const Actor& actor, AuditId id,
                              const AuditDraft& draft);
// The local audit `who` may change. Errors: as edit_local_audit.
Result<Audit> own_local_audit(Store& store, const SetupCaller& who, AuditId id);

// The draft that shows `audit` in a form.
AuditDraft draft_of(const Audit& audit);
OrganisationDraft draft_of(const Organisation& organisation);

}  // namespace clinaudit::domain
