#include "platform/system_clock.hpp"

#include <chrono>
#include <cstdio>

namespace clinaudit::platform {

Date SystemClock::today() const {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(days.time_since_epoch().count());
}

std::string SystemClock::now_iso() const {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto days = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::hh_mm_ss time{now - days};
  char clock_part[16];
  std::snprintf(clock_part, sizeof clock_part, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return Date::from_days(days.time_since_epoch().count()).to_string() + clock_part;
}

}  // namespace clinaudit::platform
