#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/user.hpp"

// Who may see and do what: the permissions of each role and the organisation scope of
// every record. The one place these rules live; the web application checks every route
// with them and the command line applies the same rules.
namespace clinaudit::domain {

// Everything a route can ask permission for. Each route names exactly one
// (http/routes.cpp); docs/security.md has the matrix of roles × permissions.
enum class Permission {
  view_organisation,   // dashboard, audit register, audit pages, board meetings, outlier cases (own organisation)
  edit_participation,  // the Quality Account participation editor
  import_data,         // upload CSV files
  manage_actions,      // create and close actions; record board meetings
  manage_users,        // list and add users of one's organisation
  view_national,       // every provider's results and participation for a national audit
  manage_outliers,     // complete the stage of an outlier case that one's party owns
  run_analysis,        // run a national audit's analysis (case-mix, funnel, CUSUM) and open cases
  // Change national settings, which apply to every organisation: the outlier-management
  // stage table. Needs the national body as well as the role (needs_national_body).
  manage_national_settings,
  // Add and edit organisations and national audits (their eligibility and Quality Account
  // list entries): the national register every organisation shares. Needs the national body.
  manage_register,
  // Add and edit one's own organisation's local audits.
  manage_local_audits,
  // Define an audit's measures and a national audit's dataset: national audits by the
  // national body, local audits by their owner (checked with may_manage_audit_setup).
  manage_measures,
  // Record published reports with their recommendations, and one's organisation's reviews of them.
  record_reports,
  // Read outlier cases and their documents, within may_see_outlier_case: the one permission
  // of the regulator, who sees nothing else.
  view_outliers,
};

std::string_view to_string(Permission permission);

// The one authorisation table: whether `role` holds `permission`.
bool role_allows(Role role, Permission permission);

// Whether `permission` changes what applies to every organisation, and so belongs to the
// national body: a trust's administrator manages the trust, not the national settings.
bool needs_national_body(Permission permission);

// Who is asking: the signed-in user and their organisation.
struct Principal {
  UserId user_id;
  std::string email;  // a copy: the user record it came from does not outlive the request's lookup
  Role role = Role::read_only;
  OrganisationId organisation_id;
  OrganisationType organisation_type = OrganisationType::acute;
  // The audit supplier a national analyst works for (User::supplier_id): its audits only.
  std::optional<SupplierId> supplier = std::nullopt;
};

// Whether `who` belongs to the national body (whose home page is the national home).
bool is_national_body(const Principal& who);

// The whole permission check of a route: the role holds `permission`, and a permission that
// needs the national body is held only by users of the national body.
bool allows(const Principal& who, Permission permission);

// Organisation scope, the second half of every check. A user sees records of their own
// organisation; a national analyst sees every organisation's records for national audits
// (published or not: the national body receives the data). Nobody else sees another
// organisation's records, and a local audit is visible only to its owner.
bool may_see_organisation(const Principal& who, OrganisationId organisation);
bool may_see_audit(const Principal& who, const Audit& audit);
// Whether `who` speaks for the audit provider of `audit`, a national audit: a national analyst
// of the national body with no supplier (every national audit), or one of the audit's
// supplier (Audit::supplier_id). Every national route (the national pages, analysis runs,
// outlier cases and their provider stages, episode imports, the dataset) checks it.
bool acts_for_audit_provider(const Principal& who, const Audit& audit);
// An outlier case is seen by its provider organisation and by the analysts who act for its
// audit's provider (acts_for_audit_provider);
// a regulator sees every provider's confirmed alarms and the cases escalated to it
// (seen_by_regulator), and no other. A notice a trust registered (OutlierCase::notice) is seen
// by that trust alone.
bool may_see_outlier_case(const Principal& who, const OutlierCase& item, const Audit& audit);
// Whether the regulator has been told of `item`: an alarm the audit provider confirmed
// (confirmed, or closed after its confirmation), or a case escalated to it when the provider
// missed a deadline (OutlierCase::escalated_on).
bool seen_by_regulator(const OutlierCase& item);
// Who may complete a stage: the analysts acting for the audit's provider for its stages (for a
// registered notice, the provider's own staff, who record what the supplier did); the
// provider organisation's own staff with manage_outliers for its stages; for a chief
// executive's stage, only the person `chief_executive` names (the provider's
// Organisation::chief_executive), whatever their role. Errors: forbidden, saying whose stage
// it is (and that the provider has named no chief executive, when it has not).
Result<void> may_complete_stage(const Principal& who, const OutlierCase& item, const Audit& audit, OutlierParty owner,
                                std::optional<UserId> chief_executive);
// Whether the principal may see a result that is not published. Published results of
// national audits are visible to every signed-in user.
// A national analyst sees the unpublished results of the audits it acts for (acts_for_audit_provider).
bool may_see_result(const Principal& who, const Audit& audit, OrganisationId organisation, bool published);

// Whether `who` may define `audit`'s measures and dataset: a national audit's by the national
// body (national analysts and its administrators), a local audit's by its own organisation
// (administrators and audit managers). Errors: forbidden, saying why.
Result<void> may_manage_audit_setup(const Principal& who, const Audit& audit);

// Whether a user of `organisation` may hold `role`: the national analyst role, which
// sees every provider's data, and the regulator's, which sees every provider's confirmed
// outliers, belong to the national body only (its administrators keep the regulators' accounts).
// Errors: forbidden, saying why.
Result<void> may_assign_role(const Organisation& organisation, Role role);

}  // namespace clinaudit::domain
