#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace clinaudit::domain {

// Patient-level records of one national audit, held column by column because a
// national data set has millions of rows. Covariates are kept as text (numbers or
// category labels); the case-mix model decides how to code them.
// Invariant: every column has size() entries; covariate_values[c] matches covariate_names[c].
struct EpisodeColumns {
  AuditId audit_id;
  std::vector<std::string> covariate_names;
  std::vector<OrganisationId> provider;
  std::vector<Date> admission_date;
  std::vector<std::uint8_t> outcome;  // 0 or 1
  std::vector<std::vector<std::string>> covariate_values;

  std::size_t size() const { return outcome.size(); }
};

}  // namespace clinaudit::domain
