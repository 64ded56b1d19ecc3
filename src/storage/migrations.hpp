#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// The one list of schema migrations (migrations/NNNN_name.sql, compiled into the binary),
// written once for both databases and expanded for `dialect`: the {type} words become the
// dialect's column types and the "-- [sqlite]" / "-- [postgres]" blocks are kept for their
// own database only (see migrations/0001_initial.sql). Versions count 1, 2, 3, ... on both.
// Adding a migration: a new file, a line in CMakeLists.txt and one in migrations.cpp.
const std::vector<SchemaMigration>& migrations_for(SqlDialect dialect);

// One template expanded for `dialect`; exposed for its test.
std::string expand_migration(std::string_view text, SqlDialect dialect);

}  // namespace clinaudit::storage
