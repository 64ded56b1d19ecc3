// Writes the CUSUM benchmark's episodes as CSV (provider,p,y) for the R comparison:
// cusum_episodes_csv COUNT > episodes.csv
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cusum_episodes.hpp"

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10)) : 1'000'000;
  const auto data = clinaudit::bench::make_episodes(count);
  std::string out = "provider,p,y\n";
  char buffer[64];
  for (std::size_t i = 0; i < count; ++i) {
    out += std::to_string(data.provider[i] + 1);
    out += ',';
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, data.risk[i]).ptr;
    out.append(buffer, end);
    out += data.outcome[i] == 1.0 ? ",1\n" : ",0\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
