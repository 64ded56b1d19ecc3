#include "storage/episode_blocks.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <future>
#include <vector>

namespace clinaudit::storage {
namespace {

void append_integer(std::string& out, std::int64_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, ec == std::errc() ? static_cast<std::size_t>(end - digits) : 0);
}

// Reads a whole number ending in a comma at `at`, moving past the comma.
bool read_integer(const char*& at, const char* end, std::int64_t& value) {
  const auto [stop, ec] = std::from_chars(at, end, value);
  if (ec != std::errc() || stop == end || *stop != ',') return false;
  at = stop + 1;
  return true;
}

}  // namespace

void EpisodeBlock::start_line(std::int64_t provider, std::int64_t admission_day) {
  if (count_ == 0) {
    first_day_ = admission_day;
    last_day_ = admission_day;
  } else {
    first_day_ = std::min(first_day_, admission_day);
    last_day_ = std::max(last_day_, admission_day);
  }
  ++count_;
  append_integer(text_, provider);
  text_ += ',';
  append_integer(text_, admission_day);
  text_ += ',';
}

void EpisodeBlock::add(const domain::EpisodeColumns& episodes, std::size_t row) {
  start_line(episodes.provider[row].value, episodes.admission_date[row].days_since_epoch());
  append_episode_values(text_, episodes, row);
  text_ += '\n';
}

void EpisodeBlock::add_stored(std::int64_t provider, std::int64_t admission_day, std::string_view values) {
  start_line(provider, admission_day);
  // JSON allows a line end only between values, where a space means the same.
  for (const char c : values) text_ += c == '\n' || c == '\r' ? ' ' : c;
  text_ += '\n';
}

void EpisodeBlock::clear() {
  text_.clear();
  count_ = 0;
  first_day_ = 0;
  last_day_ = 0;
}

bool read_episode_block(std::string_view text, std::int64_t from_day, std::int64_t to_day, EpisodeDataReader& reader,
                        const EpisodeDataReader::Slots* slots, domain::EpisodeColumns& episodes, std::string& problem) {
  std::size_t line = 0;
  while (!text.empty()) {
    ++line;
    const auto end = text.find('\n');
    const std::string_view episode = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    const char* at = episode.data();
    const char* stop = at + episode.size();
    std::int64_t provider = 0;
    std::int64_t day = 0;
    if (!read_integer(at, stop, provider) || !read_integer(at, stop, day)) {
      problem = "episode " + std::to_string(line) + " of the block does not start with its provider and day";
      return false;
    }
    if (day < from_day || day > to_day) continue;
    episodes.provider.push_back(OrganisationId{provider});
    episodes.admission_date.push_back(Date::from_days(day));
    if (!reader.append(std::string_view(at, static_cast<std::size_t>(stop - at)), problem, slots)) {
      problem = "episode " + std::to_string(line) + " of the block: " + problem;
      return false;
    }
  }
  return true;
}

namespace {

constexpr std::size_t kParts = 2;            // threads parsing a batch
constexpr std::size_t kBlocksPerBatch = 32;  // about 1.6 MB of text

// The columns of `shape` without their values.
domain::EpisodeColumns empty_like(const domain::EpisodeColumns& shape) {
  domain::EpisodeColumns empty;
  empty.audit_id = shape.audit_id;
  for (const auto& column : shape.columns)
    empty.columns.push_back(domain::EpisodeColumn{column.name, column.type, {}, {}});
  return empty;
}

}  // namespace

// One thread's columns, with the reader that fills them.
struct EpisodeBlockReader::Part {
  explicit Part(const domain::EpisodeColumns& shape) : columns(empty_like(shape)), reader(columns) {}
  domain::EpisodeColumns columns;
  EpisodeDataReader reader;  // into `columns`
};

// A block's episodes: rows [begin, end) of a part's columns.
struct EpisodeBlockReader::Segment {
  std::size_t part;
  std::size_t begin;
  std::size_t end;
};

struct EpisodeBlockReader::Block {
  std::int64_t id;
  std::int64_t import;
  std::string text;
};

EpisodeBlockReader::EpisodeBlockReader(const domain::EpisodeColumns& shape, std::int64_t from_day, std::int64_t to_day)
    : shape_(empty_like(shape)), from_day_(from_day), to_day_(to_day) {
  for (std::size_t p = 0; p < kParts; ++p) parts_.push_back(std::make_unique<Part>(shape_));
}

EpisodeBlockReader::~EpisodeBlockReader() = default;

void EpisodeBlockReader::add_import(std::int64_t import_id, const std::vector<std::string>& column_names) {
  slots_[import_id] = parts_.front()->reader.slots_for(column_names);  // the same for every part
}

void EpisodeBlockReader::reserve(std::size_t episodes) {
  for (auto& part : parts_) {
    auto& columns = part->columns;
    const std::size_t share = episodes / kParts + 1;
    columns.provider.reserve(share);
    columns.admission_date.reserve(share);
    for (auto& column : columns.columns) {
      if (column.holds_text()) {
        column.texts.reserve(share);
      } else {
        column.numbers.reserve(share);
      }
    }
  }
}

bool EpisodeBlockReader::add(std::int64_t block_id, std::int64_t import_id, std::string text, std::string& problem) {
  batch_.push_back(Block{block_id, import_id, std::move(text)});
  return batch_.size() < kBlocksPerBatch || parse_batch(problem);
}

bool EpisodeBlockReader::parse_batch(std::string& problem) {
  // Part p parses the p-th run of the batch's blocks, so that their segments, taken part by
  // part, keep the blocks' order.
  std::vector<std::vector<Segment>> segments(kParts);
  std::vector<std::string> problems(kParts);
  const std::size_t per_part = (batch_.size() + kParts - 1) / kParts;
  const auto parse = [&](std::size_t p) {
    Part& part = *parts_[p];
    const std::size_t first = std::min(batch_.size(), p * per_part);
    const std::size_t last = std::min(batch_.size(), first + per_part);
    for (std::size_t b = first; b < last; ++b) {
      const Block& block = batch_[b];
      const auto slots = slots_.find(block.import);
      const std::size_t begin = part.columns.size();
      if (!read_episode_block(block.text, from_day_, to_day_, part.reader,
                              slots == slots_.end() ? nullptr : &slots->second, part.columns, problems[p])) {
        problems[p] = "episode block " + std::to_string(block.id) + ": " + problems[p];
        return;
      }
      segments[p].push_back(Segment{p, begin, part.columns.size()});
    }
  };
  std::vector<std::future<void>> others;
  for (std::size_t p = 1; p < kParts; ++p) others.push_back(std::async(std::launch::async, parse, p));
  parse(0);
  for (auto& other : others) other.get();
  batch_.clear();
  for (std::size_t p = 0; p < kParts; ++p) {
    if (!problems[p].empty()) {
      problem = problems[p];  // the first block that failed, in the order given
      return false;
    }
    segments_.insert(segments_.end(), segments[p].begin(), segments[p].end());
  }
  return true;
}

namespace {

// An episode's place in the parts: the part in the top bits, its row in the rest.
constexpr int kPartShift = 48;
constexpr std::uint64_t kRowMask = (std::uint64_t{1} << kPartShift) - 1;

// One column's values gathered from the parts (`of(part)`: that part's values) in the order of
// `sources`, moved out of the parts, which are then released.
template <typename Column, typename Of>
Column gathered(const std::vector<std::uint64_t>& sources, std::size_t parts, Of of) {
  std::vector<Column*> from;
  from.reserve(parts);
  for (std::size_t p = 0; p < parts; ++p) from.push_back(&of(p));
  Column out;
  out.reserve(sources.size());
  for (const auto source : sources) out.push_back(std::move((*from[source >> kPartShift])[source & kRowMask]));
  for (auto* values : from) *values = Column();
  return out;
}

// The same for a column of numbers, kept in the widest form of the parts' columns.
template <typename Of>
CompactNumbers gathered_numbers(const std::vector<std::uint64_t>& sources, std::size_t parts, Of of) {
  std::vector<CompactNumbers*> from;
  from.reserve(parts);
  CompactNumbers out;
  for (std::size_t p = 0; p < parts; ++p) {
    from.push_back(&of(p));
    out.widen_to(from.back()->form());
  }
  out.reserve(sources.size());
  for (const auto source : sources) out.push_back_from(*from[source >> kPartShift], source & kRowMask);
  for (auto* values : from) *values = CompactNumbers();
  return out;
}

}  // namespace

bool EpisodeBlockReader::finish(domain::EpisodeColumns& out, std::string& problem) {
  if (!parse_batch(problem)) return false;
  const auto day_of = [&](std::size_t part, std::size_t row) {
    return parts_[part]->columns.admission_date[row].days_since_epoch();
  };
  std::size_t count = 0;
  std::int64_t first = 0;
  std::int64_t last = 0;
  for (const auto& segment : segments_) {
    for (std::size_t r = segment.begin; r < segment.end; ++r) {
      const auto day = day_of(segment.part, r);
      first = count == 0 ? day : std::min(first, day);
      last = count == 0 ? day : std::max(last, day);
      ++count;
    }
  }
  // Where each episode comes from, in date order and, within a day, in the order given.
  std::vector<std::uint64_t> sources(count);
  const auto source = [](std::size_t part, std::size_t row) {
    return (static_cast<std::uint64_t>(part) << kPartShift) | static_cast<std::uint64_t>(row);
  };
  const auto span = static_cast<std::size_t>(last - first) + 1;
  if (count > 0 && span <= 4 * count + 4096) {   // a counting sort over the days
    std::vector<std::size_t> next(span + 1, 0);  // where each day's episodes start
    for (const auto& segment : segments_) {
      for (std::size_t r = segment.begin; r < segment.end; ++r) {
        ++next[static_cast<std::size_t>(day_of(segment.part, r) - first) + 1];
      }
    }
    for (std::size_t d = 1; d <= span; ++d) next[d] += next[d - 1];
    for (const auto& segment : segments_) {
      for (std::size_t r = segment.begin; r < segment.end; ++r) {
        sources[next[static_cast<std::size_t>(day_of(segment.part, r) - first)]++] = source(segment.part, r);
      }
    }
  } else if (count > 0) {  // days far apart (a read of centuries): a stable sort instead
    std::size_t i = 0;
    for (const auto& segment : segments_) {
      for (std::size_t r = segment.begin; r < segment.end; ++r) sources[i++] = source(segment.part, r);
    }
    std::stable_sort(sources.begin(), sources.end(), [&](std::uint64_t a, std::uint64_t b) {
      return day_of(a >> kPartShift, a & kRowMask) < day_of(b >> kPartShift, b & kRowMask);
    });
  }
  segments_.clear();
  const std::size_t parts = parts_.size();
  // Each column is gathered on its own, into memory of its own: the columns are shared out
  // among kParts threads (at ten million episodes the gather took a second on one core).
  const std::size_t columns = shape_.columns.size();
  out.columns.clear();
  for (const auto& shaped : shape_.columns)
    out.columns.push_back(domain::EpisodeColumn{shaped.name, shaped.type, {}, {}});
  std::atomic<std::size_t> next_task{0};
  const auto gather = [&] {
    // Task 0 is the providers, 1 the admission dates, 2 + c column c.
    for (std::size_t task = next_task++; task < columns + 2; task = next_task++) {
      if (task == 0) {
        out.provider = gathered<std::vector<OrganisationId>>(
            sources, parts, [&](std::size_t p) -> auto& { return parts_[p]->columns.provider; });
      } else if (task == 1) {
        out.admission_date = gathered<std::vector<Date>>(
            sources, parts, [&](std::size_t p) -> auto& { return parts_[p]->columns.admission_date; });
      } else {
        const std::size_t c = task - 2;
        auto& column = out.columns[c];
        if (column.holds_text()) {
          column.texts = gathered<std::vector<std::string>>(
              sources, parts, [&](std::size_t p) -> auto& { return parts_[p]->columns.columns[c].texts; });
        } else {
          column.numbers = gathered_numbers(
              sources, parts, [&](std::size_t p) -> auto& { return parts_[p]->columns.columns[c].numbers; });
        }
      }
    }
  };
  std::vector<std::future<void>> others;
  for (std::size_t p = 1; p < kParts; ++p) others.push_back(std::async(std::launch::async, gather));
  gather();
  for (auto& other : others) other.get();
  return true;
}

}  // namespace clinaudit::storage
