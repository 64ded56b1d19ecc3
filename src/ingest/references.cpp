#include "ingest/references.hpp"

#include "ingest/cell_parsers.hpp"

namespace clinaudit::ingest {
namespace {

std::string measure_key(AuditId audit, std::string_view code) {
  return std::to_string(audit.value) + ":" + upper_ascii(code);
}

}  // namespace

void References::add_organisation(const domain::Organisation& organisation) {
  organisations_.insert_or_assign(upper_ascii(organisation.code), organisation);
}

void References::add_audit(const domain::Audit& audit) { audits_.insert_or_assign(upper_ascii(audit.code), audit); }

void References::add_measure(const domain::Measure& measure) {
  measures_.insert_or_assign(measure_key(measure.audit_id, measure.code), measure);
}

void References::see_audits_as(OrganisationId organisation) { viewer_ = organisation; }

const domain::Organisation* References::organisation(std::string_view code) const {
  const auto found = organisations_.find(upper_ascii(code));
  return found == organisations_.end() ? nullptr : &found->second;
}

const domain::Audit* References::audit(std::string_view code) const {
  const auto found = audits_.find(upper_ascii(code));
  if (found == audits_.end()) return nullptr;
  if (viewer_ && !domain::visible_to(found->second, *viewer_)) return nullptr;
  return &found->second;
}

const domain::Measure* References::measure(AuditId audit, std::string_view code) const {
  const auto found = measures_.find(measure_key(audit, code));
  return found == measures_.end() ? nullptr : &found->second;
}

}  // namespace clinaudit::ingest
