#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"

namespace clinaudit::ingest {

// The records an import file may refer to by code: organisations, audits and each
// audit's measures. The caller fills it (usually from the Store, before validating), so
// that validation itself never reads the database. Codes match without regard to letter
// case ("rxx" finds "RXX"), because spreadsheets are typed by people.
// Lookups return nullptr for an unknown code; pointers stay valid until the next add.
// Safe to read from several threads once filled.
class References {
 public:
  void add_organisation(const domain::Organisation& organisation);
  void add_audit(const domain::Audit& audit);
  void add_measure(const domain::Measure& measure);

  // From now on only the audits `organisation` may see are known (domain::visible_to):
  // another organisation's local audit is answered as an unknown code, exactly like a code
  // that does not exist, so a file can neither reach it nor probe for it. (Measures are
  // found through their audit.)
  void see_audits_as(OrganisationId organisation);

  const domain::Organisation* organisation(std::string_view code) const;
  const domain::Audit* audit(std::string_view code) const;
  const domain::Measure* measure(AuditId audit, std::string_view code) const;

  std::size_t organisation_count() const { return organisations_.size(); }

 private:
  std::optional<OrganisationId> viewer_;  // absent: every audit is known (the command line)
  // Keys are upper-cased codes; audits' measures are keyed by "<audit id>:<CODE>".
  std::unordered_map<std::string, domain::Organisation> organisations_;
  std::unordered_map<std::string, domain::Audit> audits_;
  std::unordered_map<std::string, domain::Measure> measures_;
};

}  // namespace clinaudit::ingest
