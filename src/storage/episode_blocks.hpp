#pragma once

// Episodes as the store keeps them (since version 30 of the schema): in blocks of up to
// kEpisodesPerBlock episodes of one import, one row of episode_blocks each
// (migrations/0030_episode_blocks.sql). A row per episode cost each database most of an import's
// time in its own work (a tuple, a key and a date-index entry per episode, and on PostgreSQL a
// line of COPY): a national import of ten million episodes wrote ten million of each. A block is
// one line per episode, in the order imported: the provider's organisation id, the admission
// day (days since 1970-01-01) and the episode's values as episode_data.hpp writes them, e.g.
//   4,20179,[true,60,"F",null]
// JSON escapes every line end within a value, so a line end only ever ends an episode.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/episode.hpp"
#include "storage/episode_data.hpp"

namespace clinaudit::storage {

inline constexpr std::size_t kEpisodesPerBlock = 1000;

// A block being written: episodes are added until it is full, then it is stored and cleared.
class EpisodeBlock {
 public:
  // Adds row `row` of `episodes` (its provider, admission date and values).
  void add(const domain::EpisodeColumns& episodes, std::size_t row);
  // Adds an episode whose values are already stored text (a JSON list or object).
  void add_stored(std::int64_t provider, std::int64_t admission_day, std::string_view values);

  bool full() const { return count_ >= kEpisodesPerBlock; }
  std::size_t count() const { return count_; }
  // The earliest and the latest admission day in the block (0 when it is empty).
  std::int64_t first_day() const { return first_day_; }
  std::int64_t last_day() const { return last_day_; }
  const std::string& text() const { return text_; }
  void clear();

 private:
  void start_line(std::int64_t provider, std::int64_t admission_day);

  std::string text_;
  std::size_t count_ = 0;
  std::int64_t first_day_ = 0;
  std::int64_t last_day_ = 0;
};

// Appends each episode of block `text` admitted from `from_day` to `to_day` (inclusive) to
// `episodes`: its provider and date, and its values through `reader` (into the same columns)
// with `slots`, those of the block's import. Returns false, with the place of the episode in the
// block and the reason in `problem`, for text that is not a block; `episodes` is then left with
// columns of unequal length and is to be thrown away.
bool read_episode_block(std::string_view text, std::int64_t from_day, std::int64_t to_day, EpisodeDataReader& reader,
                        const EpisodeDataReader::Slots* slots, domain::EpisodeColumns& episodes, std::string& problem);

// Reads an audit's stored blocks into typed columns, in date order and, within a day, in the
// order the blocks are given and their episodes stand in them: the order imported. Blocks are
// parsed in batches on two threads (a national read parses ten million episodes' text), each
// into columns of its own; finish() moves every episode into its place by a stable counting sort
// over the days, column by column, a column to each of two threads at a time. Memory: the
// episodes read, a batch of blocks' text and, at the end, two columns more.
class EpisodeBlockReader {
 public:
  // `shape` names the columns to read and their types (its values are ignored); the episodes
  // admitted from `from_day` to `to_day` (inclusive) are kept.
  EpisodeBlockReader(const domain::EpisodeColumns& shape, std::int64_t from_day, std::int64_t to_day);
  ~EpisodeBlockReader();
  EpisodeBlockReader(const EpisodeBlockReader&) = delete;
  EpisodeBlockReader& operator=(const EpisodeBlockReader&) = delete;

  // Where the columns of import `import_id` go (its columns' names as stored), for its blocks.
  void add_import(std::int64_t import_id, const std::vector<std::string>& column_names);
  // Room for at least `episodes` episodes.
  void reserve(std::size_t episodes);
  // Takes the next stored block. Returns false, with the block's id, the episode's place in it
  // and the reason in `problem`, once a block taken so far cannot be read.
  bool add(std::int64_t block_id, std::int64_t import_id, std::string text, std::string& problem);
  // The episodes, in order, into `out` (which keeps its audit); false as for add().
  bool finish(domain::EpisodeColumns& out, std::string& problem);

 private:
  struct Part;
  struct Segment;
  struct Block;
  bool parse_batch(std::string& problem);

  domain::EpisodeColumns shape_;
  std::int64_t from_day_;
  std::int64_t to_day_;
  std::vector<std::unique_ptr<Part>> parts_;
  std::unordered_map<std::int64_t, EpisodeDataReader::Slots> slots_;  // by import
  std::vector<Block> batch_;
  std::vector<Segment> segments_;  // every block's episodes, in the order given
};

}  // namespace clinaudit::storage
