#pragma once

#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// The step of migration 0006 (migrations/0006_audit_datasets.sql): for each audit with
// episodes from before datasets, declares a dataset from its imports' covariate names (a
// number column when every value reads as a number, else a category of the values seen;
// names made lower-case identifiers) plus a yes/no column `outcome`, and writes each
// episode's values as JSON. Nothing is dropped: the old columns go only after it.
// Throws on a database error (the migration's transaction then rolls back).
void convert_episodes_to_datasets(SqlSession& session);

}  // namespace clinaudit::storage
