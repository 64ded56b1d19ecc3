#include "platform/freed_memory.hpp"

#include <malloc.h>

#include <climits>

namespace clinaudit::platform {

bool keep_freed_memory(std::size_t bytes) noexcept {
  const int limit = bytes > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(bytes);
  return ::mallopt(M_MMAP_THRESHOLD, limit) == 1 && ::mallopt(M_TRIM_THRESHOLD, limit) == 1;
}

}  // namespace clinaudit::platform
