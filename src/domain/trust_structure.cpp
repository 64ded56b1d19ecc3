#include "domain/trust_structure.hpp"

#include <algorithm>

namespace clinaudit::domain {

namespace {

Result<void> audit_team_only(const Principal& who) {
  if (is_audit_team(who)) return {};
  return Error{ErrorCode::forbidden, "divisions and specialties are kept by the trust's audit team"};
}

}  // namespace

bool is_audit_team(const Principal& who) {
  return (who.role == Role::admin || who.role == Role::audit_manager) &&
         who.organisation_type != OrganisationType::national_body;
}

Result<std::vector<TrustUnit>> trust_structure(Store& store, const Principal& who) {
  CLINAUDIT_TRY(auto units, store.trust_units(who.organisation_id));
  std::vector<TrustUnit> divisions;
  for (const auto& unit : units) {
    if (!unit.is_specialty()) divisions.push_back(unit);
  }
  std::ranges::sort(divisions, {}, &TrustUnit::name);
  std::vector<TrustUnit> ordered;
  ordered.reserve(units.size());
  for (const auto& division : divisions) {
    ordered.push_back(division);
    std::vector<TrustUnit> specialties;
    for (const auto& unit : units) {
      if (unit.division == division.id) specialties.push_back(unit);
    }
    std::ranges::sort(specialties, {}, &TrustUnit::name);
    ordered.insert(ordered.end(), specialties.begin(), specialties.end());
  }
  return ordered;
}

Result<TrustUnitId> add_trust_unit(Store& store, const Principal& who, const Actor& actor,
                                   std::optional<TrustUnitId> division, const std::string& name) {
  CLINAUDIT_TRY_VOID(audit_team_only(who));
  TrustUnit unit;
  unit.organisation_id = who.organisation_id;
  unit.name = name;
  CLINAUDIT_TRY_VOID(check(unit));
  if (division) {
    CLINAUDIT_TRY(const auto units, store.trust_units(who.organisation_id));
    const auto found = std::ranges::find(units, *division, &TrustUnit::id);
    if (found == units.end() || found->is_specialty()) {
      return Error{ErrorCode::invalid_input, "division_id: choose one of your trust's divisions"};
    }
    if (found->retired) {
      return Error{ErrorCode::invalid_input, "division_id: " + found->name + " is retired; bring it back first"};
    }
    unit.division = division;
  }
  return store.add_trust_unit(unit, actor);
}

Result<void> change_trust_unit(Store& store, const Principal& who, const Actor& actor, TrustUnitId id,
                               const std::string& name, bool retired) {
  CLINAUDIT_TRY_VOID(audit_team_only(who));
  CLINAUDIT_TRY(const auto units, store.trust_units(who.organisation_id));
  const auto found = std::ranges::find(units, id, &TrustUnit::id);
  if (found == units.end()) return Error{ErrorCode::not_found, "there is no such division or specialty"};
  TrustUnit changed = *found;
  changed.name = name;
  changed.retired = retired;
  CLINAUDIT_TRY_VOID(check(changed));
  if (changed.name == found->name && changed.retired == found->retired) {
    return Error{ErrorCode::conflict, "name: nothing was changed"};
  }
  return store.update_trust_unit(changed, actor);
}

}  // namespace clinaudit::domain
