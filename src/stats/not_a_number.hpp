#pragma once

#include <limits>

namespace clinaudit::stats {

// A value the chart has no number for (a limit before there is a baseline, a missing point):
// it prints as a gap and compares false with everything.
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace clinaudit::stats
