#include "platform/shifted_clock.hpp"

#include "platform/system_clock.hpp"

namespace clinaudit::platform {

ShiftedClock ShiftedClock::starting_on(Date today) {
  return ShiftedClock(today.days_since_epoch() - SystemClock().today().days_since_epoch());
}

Date ShiftedClock::today() const { return SystemClock().today().plus_days(days_); }

std::string ShiftedClock::now_iso() const {
  // One reading of the real time, its date moved: two readings could straddle midnight.
  const std::string real = SystemClock().now_iso();
  const auto date = Date::parse(real.substr(0, 10));
  return (date ? date->plus_days(days_).to_string() : real.substr(0, 10)) + real.substr(10);
}

}  // namespace clinaudit::platform
