#include "http/pending_imports.hpp"

#include <algorithm>

namespace clinaudit::http {

namespace {
constexpr std::size_t kMaxPending = 200;
constexpr std::chrono::minutes kLifetime{30};
}  // namespace

void PendingImports::put(const std::string& token, UserId owner, std::string kind, Records records,
                         Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  std::erase_if(entries_, [&](const auto& item) { return now - item.second.at > kLifetime; });
  if (entries_.size() >= kMaxPending) {
    const auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                         [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
    entries_.erase(oldest);
  }
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
