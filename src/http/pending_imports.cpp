#include "http/pending_imports.hpp"

#include <algorithm>

namespace clinaudit::http {

namespace {
constexpr std::size_t kMaxPending = 200;
constexpr std::size_t kMaxPendingEpisodeFiles = 4;
constexpr std::chrono::minutes kLifetime{30};
}  // namespace

void PendingImports::put(const std::string& token, UserId owner, std::string kind, Records records,
                         Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  std::erase_if(entries_, [&](const auto& item) { return now - item.second.at > kLifetime; });
  const auto holds_file = [](const auto& item) { return std::holds_alternative<PendingEpisodes>(item.second.records); };
  const auto older = [](const auto& a, const auto& b) { return a.second.at < b.second.at; };
  if (std::holds_alternative<PendingEpisodes>(records) &&
      static_cast<std::size_t>(std::count_if(entries_.begin(), entries_.end(), holds_file)) >=
          kMaxPendingEpisodeFiles) {
    auto oldest = entries_.end();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (holds_file(*it) && (oldest == entries_.end() || older(*it, *oldest))) oldest = it;
    }
    entries_.erase(oldest);
  }
  if (entries_.size() >= kMaxPending) entries_.erase(std::min_element(entries_.begin(), entries_.end(), older));
  entries_[token] = Entry{owner, std::move(kind), std::move(records), now};
}

std::optional<PendingImports::Taken> PendingImports::take(const std::string& token, UserId owner,
                                                          Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  const auto found = entries_.find(token);
  if (found == entries_.end() || found->second.owner != owner || now - found->second.at > kLifetime) {
    return std::nullopt;
  }
  Taken taken{std::move(found->second.kind), std::move(found->second.records)};
  entries_.erase(found);
  return taken;
}

}  // namespace clinaudit::http
