#pragma once

#include "domain/clock.hpp"

namespace clinaudit::platform {

// The real time, in UTC. Thread-safe.
class SystemClock final : public domain::Clock {
 public:
  Date today() const override;
  std::string now_iso() const override;
};

}  // namespace clinaudit::platform
