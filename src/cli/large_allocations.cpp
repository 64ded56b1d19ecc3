// The clinaudit binary's allocation functions (they replace the standard library's, as C++
// allows): a block of 4 MiB or more is advised onto huge pages before it is first touched.
// A national case-mix run at 10M episodes allocates some 2 GB in such blocks (the columns,
// the fit's working arrays, the sorted risks); with 4 KiB pages the kernel took a quarter of
// the run faulting and zeroing them (docs/performance.md, "Case-mix model: huge pages").
// Everything else is malloc and free, as before, with blocks below 256 MiB served from the C
// library's heap and up to 256 MiB of freed memory kept there for reuse (platform/freed_memory.hpp:
// reading a million episodes back took 0.83 s with each large block mapped afresh, 0.48 s so).
// The sanitizer build keeps its own allocation functions, which check every new against its delete.
#include <cstdlib>
#include <new>

#include "platform/freed_memory.hpp"
#include "platform/huge_pages.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLINAUDIT_SANITIZED_ALLOCATIONS 1
#endif
#endif

#ifndef CLINAUDIT_SANITIZED_ALLOCATIONS

namespace {

constexpr std::size_t kLargeBlock = std::size_t{4} << 20;
constexpr std::size_t kKeptFreedMemory = std::size_t{256} << 20;

// Set before main: the first large allocation is then served the same way as every later one.
[[maybe_unused]] const bool kFreedMemoryKept = clinaudit::platform::keep_freed_memory(kKeptFreedMemory);

void* allocate(std::size_t bytes) {
  while (true) {
    if (void* block = std::malloc(bytes == 0 ? 1 : bytes)) {
      if (bytes >= kLargeBlock) clinaudit::platform::advise_huge_pages(block, bytes);
      return block;
    }
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(std::size_t bytes) { return allocate(bytes); }
void* operator new[](std::size_t bytes) { return allocate(bytes); }
void* operator new(std::size_t bytes, const std::nothrow_t& /*unused*/) noexcept {
  try {
    return allocate(bytes);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t bytes, const std::nothrow_t& /*unused*/) noexcept {
  try {
    return allocate(bytes);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t /*bytes*/) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t /*bytes*/) noexcept { std::free(block); }
void operator delete(void* block, const std::nothrow_t& /*unused*/) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t& /*unused*/) noexcept { std::free(block); }

#endif
