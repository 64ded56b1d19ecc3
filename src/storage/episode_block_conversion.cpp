#include "storage/episode_block_conversion.hpp"

#include <vector>

#include "storage/episode_blocks.hpp"
#include "storage/sql_rows.hpp"

namespace clinaudit::storage {
namespace {

constexpr std::int64_t kRowsPerRead = 10'000;

struct StoredEpisode {
  std::int64_t id, audit, import, provider, day;
  std::string data;
};

}  // namespace

void convert_episodes_to_blocks(SqlSession& session) {
  EpisodeBlock block;
  std::int64_t block_audit = 0;
  std::int64_t block_import = 0;
  const auto store_block = [&] {
    if (block.count() == 0) return;
    execute(session,
            "INSERT INTO episode_blocks (audit_id, import_id, first_day, last_day, episodes, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            block_audit, block_import, block.first_day(), block.last_day(), static_cast<std::int64_t>(block.count()),
            block.text());
    block.clear();
  };
  std::int64_t last = 0;
  std::vector<StoredEpisode> rows;
  while (true) {
    rows.clear();
    each_row(
        session,
        "SELECT id, audit_id, import_id, provider_id, admission_day, data FROM episodes WHERE id > ? ORDER BY id "
        "LIMIT ?",
        [&](const SqlRow& row) {
          rows.push_back(
              StoredEpisode{row.int64(0), row.int64(1), row.int64(2), row.int64(3), row.int64(4), row.text(5)});
        },
        last, kRowsPerRead);
    if (rows.empty()) break;
    for (const auto& row : rows) {
      if (block.count() > 0 && (row.import != block_import || block.full())) store_block();
      block_audit = row.audit;
      block_import = row.import;
      block.add_stored(row.provider, row.day, row.data);
      last = row.id;
    }
  }
  store_block();
}

}  // namespace clinaudit::storage
