#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <random>

namespace clinaudit::demo {

// A seeded random source whose draws are the same on every platform: std::mt19937_64's
// sequence is fixed by the standard, and the transformations below are our own (the
// standard library's distributions may differ between implementations).
class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : engine_(seed) {}

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return uniform() < p; }
  // A whole number in [low, high].
  int between(int low, int high) { return low + static_cast<int>(uniform() * static_cast<double>(high - low + 1)); }
  // Standard normal by Box-Muller (one of the pair; simple and exact enough for demo data).
  double normal() {
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }
  // Poisson by inversion (fine for the means of a month's admissions).
  int poisson(double mean) {
    const double limit = std::exp(-mean);
    double product = uniform();
    int count = 0;
    while (product > limit) {
      product *= uniform();
      ++count;
    }
    return count;
  }

 private:
  std::mt19937_64 engine_;
};

// A seed for one stream of draws, mixed from its parts (SplitMix64's finaliser), so that
// separate streams (e.g. one per provider and month) are independent of each other.
inline std::uint64_t stream_seed(std::uint64_t seed, std::initializer_list<std::int64_t> parts) {
  std::uint64_t x = seed;
  for (const auto part : parts) {
    x += 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(part);
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    x ^= x >> 31U;
  }
  return x;
}

inline double inverse_logit(double x) { return 1.0 / (1.0 + std::exp(-x)); }
inline double logit(double p) { return std::log(p / (1.0 - p)); }

}  // namespace clinaudit::demo
