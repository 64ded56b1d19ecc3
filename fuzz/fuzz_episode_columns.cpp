// libFuzzer target for the episode file reader of `stats risk-model`: any bytes must give
// columns or a clean invalid_input error, never a crash or a hang, and the file cut into small
// blocks converted on two threads must read exactly as the file read in one block on one.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "ingest/episode_columns.hpp"

namespace {

clinaudit::Result<clinaudit::ingest::EpisodeColumns> read(const std::string& text, unsigned threads,
                                                          std::size_t block_bytes) {
  std::istringstream input(text);
  clinaudit::ingest::EpisodeColumnsRequest request;
  request.outcome = "died";
  request.numbers = {"age"};
  request.categories = {"provider", "age"};
  request.threads = threads;
  request.block_bytes = block_bytes;
  return clinaudit::ingest::read_episode_columns(input, request);
}

bool same(const clinaudit::ingest::EpisodeColumns& a, const clinaudit::ingest::EpisodeColumns& b) {
  if (a.rows != b.rows || a.outcome != b.outcome || a.numbers.size() != b.numbers.size() ||
      a.categories.size() != b.categories.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.numbers.size(); ++i) {
    if (a.numbers[i].values != b.numbers[i].values) return false;
  }
  for (std::size_t i = 0; i < a.categories.size(); ++i) {
    if (a.categories[i].levels != b.categories[i].levels || a.categories[i].codes != b.categories[i].codes) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the block size; the rest is the file, after a header the reader knows.
  const std::size_t block_bytes = 1 + data[0] % 48;
  const std::string text = "provider,age,died\n" + std::string(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto whole = read(text, 1, std::size_t{1} << 16);
  const auto blocks = read(text, 2, block_bytes);
  if (whole.has_value() != blocks.has_value()) __builtin_trap();
  if (!whole) {
    if (whole.error().code != clinaudit::ErrorCode::invalid_input) __builtin_trap();
    if (whole.error().message != blocks.error().message) __builtin_trap();
    return 0;
  }
  if (!same(*whole, *blocks)) __builtin_trap();
  return 0;
}
