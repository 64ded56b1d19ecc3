#pragma once

#include <string>

#include "core/date.hpp"

namespace clinaudit::domain {

// The time, as a port so that deadlines and reminders can be tested with a fixed clock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;
  // ISO 8601 UTC with seconds, e.g. "2026-11-26T15:36:00Z".
  virtual std::string now_iso() const = 0;
};

}  // namespace clinaudit::domain
