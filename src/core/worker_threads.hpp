#pragma once

#include <algorithm>
#include <thread>

namespace clinaudit {

// The number of worker threads a "threads" setting asks for: 0 means one per hardware thread
// (at least one), any other number itself.
inline unsigned worker_threads(unsigned requested) {
  return requested == 0 ? std::max(1U, std::thread::hardware_concurrency()) : requested;
}

}  // namespace clinaudit
