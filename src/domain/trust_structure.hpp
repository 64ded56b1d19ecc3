#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/store.hpp"

// A trust's divisions and specialties (the structure page, /api/structure). Every signed-in
// user of the trust reads them; the audit team (administrators and audit managers of a
// trust) adds, renames and retires them. A trust sees and changes only its own.
namespace clinaudit::domain {

// Whether `who` is of the trust's audit team: an administrator or audit manager of a trust
// (not of the national body). The audit team keeps the structure and decides proposals.
bool is_audit_team(const Principal& who);

// The trust's units, each division followed by its specialties, divisions by name.
Result<std::vector<TrustUnit>> trust_structure(Store& store, const Principal& who);

// Adds a division (no `division`) or a specialty of the division `division`. Errors:
// forbidden outside the audit team; invalid_input naming name for an empty name and
// division_id for a division that is not the trust's, or is retired; conflict for a name
// already used at that level.
Result<TrustUnitId> add_trust_unit(Store& store, const Principal& who, const Actor& actor,
                                   std::optional<TrustUnitId> division, const std::string& name);

// Renames a unit and retires it or brings it back. Errors: forbidden outside the audit team;
// not_found for another trust's unit (as for one that does not exist); invalid_input for an
// empty name; conflict when nothing changed or the name is taken.
Result<void> change_trust_unit(Store& store, const Principal& who, const Actor& actor, TrustUnitId id,
                               const std::string& name, bool retired);

}  // namespace clinaudit::domain
