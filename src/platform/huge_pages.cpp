#include "platform/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace clinaudit::platform {

void advise_huge_pages(void* data, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  char* const begin = static_cast<char*>(data);
  const std::size_t skip = (kHugePage - reinterpret_cast<std::uintptr_t>(begin) % kHugePage) % kHugePage;
  if (bytes >= skip + kHugePage) (void)::madvise(begin + skip, (bytes - skip) / kHugePage * kHugePage, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace clinaudit::platform
