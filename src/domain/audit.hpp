#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace clinaudit::domain {

enum class AuditKind {
  national_clinical_audit,        // NCA, e.g. the National Hip Fracture Database
  national_confidential_enquiry,  // NCE / Clinical Outcome Review Programme, e.g. NCEPOD
  local_audit,                    // designed and run by one organisation
};

enum class AuditStatus { planned, in_progress, data_collection_complete, reported, closed };

std::string_view to_string(AuditKind kind);
std::optional<AuditKind> parse_audit_kind(std::string_view text);
std::string_view to_string(AuditStatus status);
std::optional<AuditStatus> parse_audit_status(std::string_view text);

// A national or local clinical audit. A local audit belongs to one organisation; a
// re-audit names the audit it repeats, which is how the audit loop is closed.
struct Audit {
  AuditId id;
  std::string code;  // unique, e.g. "NHFD" or "LA-2025-014"
  std::string title;
  AuditKind kind = AuditKind::local_audit;
  std::string topic;          // specialty or clinical area, e.g. "Stroke"
  std::string provider_body;  // e.g. "Royal College of Physicians"; empty for local audits
  std::string standards;      // the standards or guidance audited against
  AuditStatus status = AuditStatus::planned;
  std::optional<OrganisationId> owner;  // set for local audits
  std::optional<AuditId> reaudit_of;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  // The supplier that runs a national audit; none: the national body's own analysts run it.
  std::optional<SupplierId> supplier_id = std::nullopt;
};

// National audits and confidential enquiries are every organisation's to see; a local audit
// only its owner's.
inline bool visible_to(const Audit& audit, OrganisationId organisation) {
  return audit.kind != AuditKind::local_audit || audit.owner == organisation;
}

}  // namespace clinaudit::domain
