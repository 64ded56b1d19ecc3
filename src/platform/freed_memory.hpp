#pragma once

#include <cstddef>

namespace clinaudit::platform {

// Asks the C library to serve blocks below `bytes` from its heap and to keep up to `bytes` of
// freed memory there, instead of mapping each large block afresh and unmapping it when freed.
// An analysis that frees a column and allocates the next (reading a national audit's episodes
// back: about 290 MB in blocks of 4 to 8 MB per million episodes) then reuses pages already
// faulted in, rather than having the kernel fault and zero new ones (most of such a read's
// time). A process so keeps up to `bytes` more than it holds. Returns whether glibc took both.
bool keep_freed_memory(std::size_t bytes) noexcept;

}  // namespace clinaudit::platform
