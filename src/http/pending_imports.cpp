#include "http/pending_imports.hpp"

#include <algorithm>
#include <vector>

namespace clinaudit::http {

namespace {
constexpr std::chrono::minutes kLifetime{30};
}  // namespace

PendingImports::Held PendingImports::put(const std::string& token, UserId owner, PendingFile file,
                                         Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  drop_expired(now);
  const std::size_t charge = std::max(file.content.size(), kMinimumCharge);
  if (charge > std::min(budget_.per_user_bytes, budget_.per_server_bytes)) return Held::too_large;
  if (const auto same = entries_.find(token); same != entries_.end()) erase(same);

  std::vector<std::map<std::string, Entry>::iterator> own;
  std::size_t own_bytes = 0;
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (it->second.owner != owner) continue;
    own.push_back(it);
    own_bytes += it->second.charge;
  }
  std::sort(own.begin(), own.end(), [](const auto& a, const auto& b) { return a->second.at < b->second.at; });
  // The owner's oldest files make room; decide how many before dropping any, so that a
  // refusal loses nothing.
  std::size_t dropped = 0;
  std::size_t freed = 0;
  const auto over = [&] {
    return own_bytes - freed + charge > budget_.per_user_bytes ||
           held_bytes_ - freed + charge > budget_.per_server_bytes;
  };
  while (dropped < own.size() && over()) freed += own[dropped++]->second.charge;
  if (over()) return Held::server_full;
  for (std::size_t i = 0; i < dropped; ++i) erase(own[i]);
  entries_.emplace(token, Entry{owner, std::move(file), now, charge});
  held_bytes_ += charge;
  return Held::held;
}

std::optional<PendingFile> PendingImports::take(const std::string& token, UserId owner, Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  drop_expired(now);
  const auto found = entries_.find(token);
  if (found == entries_.end() || found->second.owner != owner) return std::nullopt;
  PendingFile file = std::move(found->second.file);
  erase(found);
  return file;
}

std::size_t PendingImports::count() const {
  const std::scoped_lock lock(mutex_);
  return entries_.size();
}

std::size_t PendingImports::held_bytes() const {
  const std::scoped_lock lock(mutex_);
  return held_bytes_;
}

void PendingImports::drop_expired(Clock::time_point now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    auto next = std::next(it);
    if (now - it->second.at > kLifetime) erase(it);
    it = next;
  }
}

void PendingImports::erase(std::map<std::string, Entry>::iterator entry) {
  held_bytes_ -= entry->second.charge;
  entries_.erase(entry);
}

}  // namespace clinaudit::http
