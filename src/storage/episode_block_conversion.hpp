#pragma once

#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

// The step of migration 0030 (migrations/0030_episode_blocks.sql): writes every row of the
// episodes table into episode_blocks, in the order of their ids, a block holding consecutive
// episodes of one import (storage/episode_blocks.hpp), so that episodes read back in the same
// order as before: by date, then as imported. The values' text is kept as it is (a JSON list or,
// from before version 29, an object). The old table goes only after it. Throws on a database
// error (the migration's transaction then rolls back).
void convert_episodes_to_blocks(SqlSession& session);

}  // namespace clinaudit::storage
