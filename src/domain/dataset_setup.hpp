#pragma once

#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/dataset.hpp"
#include "domain/store.hpp"

namespace clinaudit::domain {

// A national audit with its declared dataset (no columns when none is declared yet), and
// whether the person asking may replace the declaration.
struct DatasetView {
  Audit audit;
  Dataset dataset;
  bool may_change = false;
};

// The dataset of `audit` as `who` sees it. Errors: not_found for an unknown or local audit.
Result<DatasetView> dataset_view(Store& store, const Principal& who, AuditId audit);

// Replaces `dataset.audit_id`'s declaration with `dataset`, as `who` (the national body's
// analysts and administrators: may_manage_audit_setup). Errors: not_found for an unknown or
// local audit; forbidden; those of Store::set_dataset (a rule broken, a column that stored
// episodes hold removed or retyped).
Result<void> declare_dataset(Store& store, const Principal& who, const Actor& actor, const Dataset& dataset);

}  // namespace clinaudit::domain
