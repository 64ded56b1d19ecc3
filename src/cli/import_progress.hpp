#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace clinaudit::cli {

// A one-line progress report for a long import, rewritten in place on standard error:
// "  1,234,567 rows  412,345 rows/s  about 3 s left". It shows only when standard error
// is a terminal (so logs and pipes never see it), at most a few times a second, and is
// erased by finish(). `total_bytes` (0 when unknown, e.g. standard input) lets it
// estimate the time left from the share of the file read.
// Not thread-safe.
class ImportProgress {
 public:
  explicit ImportProgress(std::int64_t total_bytes);
  void update(std::int64_t rows, std::int64_t bytes);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  std::int64_t total_bytes_;
  Clock::time_point start_;
  Clock::time_point last_;
};

// `value` with thousands separators: 1234567 -> "1,234,567".
std::string with_thousands(std::int64_t value);

}  // namespace clinaudit::cli
