#include "storage/episode_blocks.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace clinaudit::storage {
namespace {

void append_integer(std::string& out, std::int64_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  out.append(digits, ec == std::errc() ? end : digits);
}

// Reads a whole number ending in a comma at `at`, moving past the comma.
bool read_integer(const char*& at, const char* end, std::int64_t& value) {
  const auto [stop, ec] = std::from_chars(at, end, value);
  if (ec != std::errc() || stop == end || *stop != ',') return false;
  at = stop + 1;
  return true;
}

// `values` in the order `order` gives (its positions in the old order).
template <typename T>
void gather(std::vector<T>& values, const std::vector<std::size_t>& order) {
  std::vector<T> out;
  out.reserve(values.size());
  for (const auto from : order) out.push_back(std::move(values[from]));
  values = std::move(out);
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

void order_by_admission_date(domain::EpisodeColumns& episodes) {
  auto& dates = episodes.admission_date;
  if (std::is_sorted(dates.begin(), dates.end())) return;
  const auto [lowest, highest] = std::minmax_element(dates.begin(), dates.end());
  const auto first = lowest->days_since_epoch();
  const auto days = static_cast<std::size_t>(highest->days_since_epoch() - first) + 1;
  std::vector<std::size_t> order(dates.size());
  if (days <= 4 * dates.size() + 4096) {
    // Where each day's episodes start in the new order, then each episode in its day's place.
    std::vector<std::size_t> start(days + 1, 0);
    for (const auto& date : dates) ++start[static_cast<std::size_t>(date.days_since_epoch() - first) + 1];
    for (std::size_t d = 1; d <= days; ++d) start[d] += start[d - 1];
    for (std::size_t i = 0; i < dates.size(); ++i) {
      order[start[static_cast<std::size_t>(dates[i].days_since_epoch() - first)]++] = i;
    }
  } else {
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dates[a] < dates[b]; });
  }
  gather(episodes.provider, order);
  gather(dates, order);
  for (auto& column : episodes.columns) {
    if (column.holds_text()) {
      gather(column.texts, order);
    } else {
      gather(column.numbers, order);
    }
  }
}

}  // namespace clinaudit::storage
