#include "domain/access.hpp"

#include <array>

namespace clinaudit::domain {

namespace {

constexpr std::size_t kPermissions = 14;
constexpr std::size_t kRoles = 7;

// Rows: admin, audit_manager, clinical_lead, board_member, national_analyst, read_only, regulator.
// Columns: the Permission enum in order. Change a cell here and in docs/security.md.
// A column that needs_national_body() is further limited to users of the national body.
constexpr std::array<std::array<bool, kPermissions>, kRoles> kMatrix{{
    //  view   partic  import actions users  national outliers analyse national-settings
    //  register local-audits measures reports view-outliers
    {{true, true, true, true, true, false, true, false, true, true, true, true, true, true}},       // admin
    {{true, true, true, true, false, false, true, false, false, false, true, true, true, true}},    // audit_manager
    {{true, false, true, true, false, false, true, false, false, false, true, false, true, true}},  // clinical_lead
    {{true, false, false, false, false, false, false, false, false, false, false, false, false, true}},  // board_member
    {{true, false, true, false, false, true, true, true, false, false, false, true, true, true}},  // national_analyst
    {{true, false, false, false, false, false, false, false, false, false, false, false, false, true}},   // read_only
    {{false, false, false, false, false, false, false, false, false, false, false, false, false, true}},  // regulator
}};

}  // namespace

std::string_view to_string(Permission permission) {
  switch (permission) {
    case Permission::view_organisation: return "view_organisation";
    case Permission::edit_participation: return "edit_participation";
    case Permission::import_data: return "import_data";
    case Permission::manage_actions: return "manage_actions";
    case Permission::manage_users: return "manage_users";
    case Permission::view_national: return "view_national";
    case Permission::manage_outliers: return "manage_outliers";
    case Permission::run_analysis: return "run_analysis";
    case Permission::manage_national_settings: return "manage_national_settings";
    case Permission::manage_register: return "manage_register";
    case Permission::manage_local_audits: return "manage_local_audits";
    case Permission::manage_measures: return "manage_measures";
    case Permission::record_reports: return "record_reports";
    case Permission::view_outliers: return "view_outliers";
  }
  return "unknown";
}

bool role_allows(Role role, Permission permission) {
  return kMatrix.at(static_cast<std::size_t>(role)).at(static_cast<std::size_t>(permission));
}

bool needs_national_body(Permission permission) {
  return permission == Permission::manage_national_settings || permission == Permission::manage_register;
}

bool is_national_body(const Principal& who) { return who.organisation_type == OrganisationType::national_body; }

bool allows(const Principal& who, Permission permission) {
  if (!role_allows(who.role, permission)) return false;
  return !needs_national_body(permission) || is_national_body(who);
}

bool may_see_organisation(const Principal& who, OrganisationId organisation) {
  return who.organisation_id == organisation;
}

bool may_see_audit(const Principal& who, const Audit& audit) { return visible_to(audit, who.organisation_id); }

bool acts_for_audit_provider(const Principal& who, const Audit& audit) {
  if (who.role != Role::national_analyst || audit.kind == AuditKind::local_audit) return false;
  return !who.supplier || who.supplier == audit.supplier_id;
}

bool seen_by_regulator(const OutlierCase& item) {
  if (item.escalated_on) return true;
  // An alarm leaves its review confirmed or withdrawn, so a closed alarm was confirmed.
  const bool past_review = item.status == OutlierStatus::confirmed || item.status == OutlierStatus::closed;
  return past_review && track_for(item.level, item.unfavourable) == OutlierTrack::alarm;
}

bool may_see_outlier_case(const Principal& who, const OutlierCase& item, const Audit& audit) {
  // A notice a trust registered is the trust's own record: its supplier is outside clinaudit.
  if (item.notice) return who.organisation_id == item.organisation_id && who.role != Role::regulator;
  if (who.role == Role::regulator) return seen_by_regulator(item);
  if (who.role == Role::national_analyst) return acts_for_audit_provider(who, audit);
  return who.organisation_id == item.organisation_id;
}

Result<void> may_complete_stage(const Principal& who, const OutlierCase& item, const Audit& audit, OutlierParty owner,
                                std::optional<UserId> chief_executive) {
  const bool own_team = who.role != Role::national_analyst && who.organisation_id == item.organisation_id &&
                        role_allows(who.role, Permission::manage_outliers);
  switch (owner) {
    case OutlierParty::audit_provider:
      // For a registered notice the trust's audit team records what the supplier did.
      if (item.notice) {
        if (own_team) return {};
        return Error{ErrorCode::forbidden,
                     "the supplier's stages of a registered notice are recorded by the provider's audit team"};
      }
      if (acts_for_audit_provider(who, audit)) return {};
      return Error{ErrorCode::forbidden, "this stage belongs to the national audit provider"};
    case OutlierParty::provider:
      if (own_team) return {};
      return Error{ErrorCode::forbidden, "this stage belongs to the provider organisation's audit team"};
    case OutlierParty::chief_executive:
      if (who.organisation_id == item.organisation_id && chief_executive && *chief_executive == who.user_id) return {};
      if (!chief_executive) {
        return Error{ErrorCode::forbidden,
                     "this stage is the provider's chief executive's, and the provider has named none: its "
                     "administrator names one on the Users page"};
      }
      return Error{ErrorCode::forbidden, "this stage is for the provider's chief executive in person"};
  }
  return Error{ErrorCode::forbidden, "this stage belongs to another party"};
}

bool may_see_result(const Principal& who, const Audit& audit, OrganisationId organisation, bool published) {
  if (published || who.organisation_id == organisation) return true;
  return acts_for_audit_provider(who, audit);
}

Result<void> may_manage_audit_setup(const Principal& who, const Audit& audit) {
  if (!allows(who, Permission::manage_measures)) {
    return Error{ErrorCode::forbidden, "your role does not set up audits' measures"};
  }
  if (audit.kind == AuditKind::local_audit) {
    if (audit.owner == who.organisation_id) return {};
    return Error{ErrorCode::forbidden, "a local audit is set up by its own organisation"};
  }
  if (is_national_body(who) && (!who.supplier || acts_for_audit_provider(who, audit))) {
    return {};
  }
  return Error{ErrorCode::forbidden, "a national audit's measures and dataset are set up by the national body"};
}

Result<void> may_assign_role(const Organisation& organisation, Role role) {
  if (role == Role::national_analyst && organisation.type != OrganisationType::national_body) {
    return Error{ErrorCode::forbidden, "only users of the national body can be national audit analysts"};
  }
  if (role == Role::regulator && organisation.type != OrganisationType::national_body) {
    return Error{ErrorCode::forbidden,
                 "regulators' accounts are kept by the national body: only its users can be regulators"};
  }
  return {};
}

}  // namespace clinaudit::domain
