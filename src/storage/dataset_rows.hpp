#pragma once

// Reading and writing an audit's dataset declaration inside an open transaction; shared by
// the store (sql_store_datasets.cpp, sql_store_episodes.cpp) and the conversion of the old
// episodes (episode_conversion.cpp).

#include <set>
#include <string>

#include "domain/dataset.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// The audit's columns in order; none when it has declared none.
domain::Dataset read_dataset(SqlSession& session, AuditId audit);
// Replaces the audit's stored columns with `dataset`'s (no checks: the caller has made them).
void write_dataset(SqlSession& session, const domain::Dataset& dataset);
// The dataset columns that the audit's stored episodes hold (named by an import with rows).
std::set<std::string> columns_in_use(SqlSession& session, AuditId audit);

}  // namespace clinaudit::storage
