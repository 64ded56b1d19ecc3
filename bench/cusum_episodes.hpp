#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

// Synthetic national monitoring data for the CUSUM benchmark: `count` episodes in date order
// from 150 providers, each with a predicted risk (logit normal around 4%, like 30-day mortality
// after cardiac surgery) and an outcome drawn from it; providers 0-4 have their odds doubled.
// std::mt19937_64 with a fixed seed: the same data every time.
namespace clinaudit::bench {

struct Episodes {
  std::vector<std::uint32_t> provider;
  std::vector<double> risk;
  std::vector<double> outcome;
};

inline constexpr std::uint32_t kProviders = 150;

inline Episodes make_episodes(std::size_t count, std::uint64_t seed = 2026) {
  std::mt19937_64 generator(seed);
  std::uniform_int_distribution<std::uint32_t> provider(0, kProviders - 1);
  std::normal_distribution<double> logit(-3.2, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Episodes episodes;
  episodes.provider.reserve(count);
  episodes.risk.reserve(count);
  episodes.outcome.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t g = provider(generator);
    const double p = 1.0 / (1.0 + std::exp(-logit(generator)));
    const double odds = g < 5 ? 2.0 : 1.0;
    const double truth = odds * p / (1.0 - p + odds * p);
    episodes.provider.push_back(g);
    episodes.risk.push_back(p);
    episodes.outcome.push_back(uniform(generator) < truth ? 1.0 : 0.0);
  }
  return episodes;
}

}  // namespace clinaudit::bench
