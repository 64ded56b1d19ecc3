#include "cli/import_progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace clinaudit::cli {

std::string with_thousands(std::int64_t value) {
  // Built left to right: inserting into the string trips GCC 12's -Wrestrict at -O3.
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

ImportProgress::ImportProgress(std::int64_t total_bytes)
    : enabled_(isatty(STDERR_FILENO) == 1), total_bytes_(total_bytes), start_(Clock::now()), last_(start_) {}

void ImportProgress::update(std::int64_t rows, std::int64_t bytes) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = "  " + with_thousands(rows) + " rows";
  if (seconds > 0)
    line += "  " + with_thousands(static_cast<std::int64_t>(static_cast<double>(rows) / seconds)) + " rows/s";
  if (total_bytes_ > 0 && bytes > 0 && bytes < total_bytes_) {
    const double left = seconds * static_cast<double>(total_bytes_ - bytes) / static_cast<double>(bytes);
    line += "  about " + std::to_string(std::llround(left)) + " s left";
  }
  std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void ImportProgress::finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\x1b[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace clinaudit::cli
