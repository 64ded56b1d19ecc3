#pragma once

#include <cstdint>

#include "domain/clock.hpp"

namespace clinaudit::platform {

// The real time moved by a whole number of days, so that a server can run as if today were
// another date (`serve --as-of`, for rehearsals and tests) while its time of day still runs
// and its date still moves on at each midnight UTC. Thread-safe.
class ShiftedClock final : public domain::Clock {
 public:
  // A clock whose today() is `today` now, and tomorrow after the next midnight UTC.
  static ShiftedClock starting_on(Date today);

  Date today() const override;
  std::string now_iso() const override;

 private:
  explicit ShiftedClock(std::int64_t days) : days_(days) {}
  std::int64_t days_;
};

}  // namespace clinaudit::platform
