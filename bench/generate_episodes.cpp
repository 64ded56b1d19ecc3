// Writes a synthetic national episode file for the case-mix pipeline benchmark
// (bench/scale.sh): one row per episode with provider, admission date, 15 case-mix
// covariates (numeric, binary and three categorical: imd_quintile, ethnic_group,
// diag_group) and the outcome died (about 4%). 150 providers of varied size over
// 36 months from April 2021; the file is in date order. Four providers are planted
// outliers: P007 and P042 (odds of death x 1.8), P113 (x 1.5), P088 (x 0.55).
// Deterministic: the same --rows and --seed give the same bytes.
//
//   generate_episodes --rows 1000000 [--seed 20261126] [--output FILE]
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

// xoshiro256** (Blackman & Vigna), seeded by splitmix64.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (auto& s : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      s = z ^ (z >> 31);
    }
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool bernoulli(double p) { return uniform() < p; }
  int below(int n) { return static_cast<int>(uniform() * n); }
  double normal() {  // Box-Muller; one value per call keeps the stream simple
    const double u = 1.0 - uniform();
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * uniform());
  }
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
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4]{};
};

constexpr int kProviders = 150;
constexpr int kDays = 1096;  // 2021-04-01 .. 2024-03-31

// Civil date from days since 2021-04-01 (Howard Hinnant's algorithm).
void write_date(std::string& out, int offset) {
  long z = 18718 + offset + 719468;  // 18718 = days from 1970-01-01 to 2021-04-01
  const long era = z / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp < 10 ? mp + 3 : mp - 9;
  const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const char text[] = {static_cast<char>('0' + y / 1000 % 10),
                       static_cast<char>('0' + y / 100 % 10),
                       static_cast<char>('0' + y / 10 % 10),
                       static_cast<char>('0' + y % 10),
                       '-',
                       static_cast<char>('0' + m / 10),
                       static_cast<char>('0' + m % 10),
                       '-',
                       static_cast<char>('0' + d / 10),
                       static_cast<char>('0' + d % 10)};
  out.append(text, sizeof text);
}

void append(std::string& out, long value) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

}  // namespace

int main(int argc, char** argv) {
  long rows = 1000000;
  std::uint64_t seed = 20261126;
  const char* output = nullptr;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--rows") == 0)
      rows = std::strtol(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--seed") == 0)
      seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (std::strcmp(argv[i], "--output") == 0)
      output = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: generate_episodes --rows N [--seed S] [--output FILE]\n");
      return 2;
    }
  }
  if (rows < 1) {
    std::fprintf(stderr, "generate_episodes: --rows must be at least 1\n");
    return 2;
  }
  FILE* file = output != nullptr ? std::fopen(output, "wb") : stdout;
  if (file == nullptr) {
    std::fprintf(stderr, "generate_episodes: cannot write %s\n", output);
    return 1;
  }
  Random random(seed);
  // Provider sizes vary about tenfold; cumulative weights for drawing a provider.
  std::vector<double> cumulative(kProviders);
  double total = 0;
  for (int p = 0; p < kProviders; ++p) {
    total += 0.3 + 2.7 * random.uniform();
    cumulative[static_cast<std::size_t>(p)] = total;
  }
  std::vector<double> provider_effect(kProviders, 0.0);
  for (int p = 0; p < kProviders; ++p) provider_effect[static_cast<std::size_t>(p)] = 0.08 * random.normal();
  provider_effect[6] = std::log(1.8);
  provider_effect[41] = std::log(1.8);
  provider_effect[112] = std::log(1.5);
  provider_effect[87] = std::log(0.55);
  const double diag_effect[10] = {0.0, 0.6, 0.9, -0.4, 0.3, 1.2, -0.2, 0.5, 0.1, 0.8};
  const double imd_effect[5] = {0.15, 0.1, 0.05, 0.0, 0.0};
  const double ethnic_effect[5] = {0.0, -0.05, 0.05, -0.1, 0.0};

  std::string out =
      "provider,admit_date,age,sex,imd_quintile,emergency,charlson,chf,copd,diabetes,ckd,cancer,dementia,"
      "prior_adm,ethnic_group,diag_group,weekend,died\n";
  for (long i = 0; i < rows; ++i) {
    const double pick = random.uniform() * total;
    int provider = 0;
    while (cumulative[static_cast<std::size_t>(provider)] < pick && provider + 1 < kProviders) ++provider;
    const int day = static_cast<int>((static_cast<long double>(i) * kDays) / rows);
    const int weekday = (day + 3) % 7;  // 2021-04-01 was a Thursday (0 = Monday)
    const int age = std::min(105, std::max(18, static_cast<int>(std::lround(66 + 17 * random.normal()))));
    const int sex = random.bernoulli(0.48) ? 1 : 0;
    const int imd = 1 + random.below(5);
    const int emergency = random.bernoulli(0.62) ? 1 : 0;
    const int charlson = std::min(12, random.poisson(0.4 + age / 80.0));
    const int chf = random.bernoulli(0.04 + age / 2000.0) ? 1 : 0;
    const int copd = random.bernoulli(0.07) ? 1 : 0;
    const int diabetes = random.bernoulli(0.15) ? 1 : 0;
    const int ckd = random.bernoulli(0.05 + age / 3000.0) ? 1 : 0;
    const int cancer = random.bernoulli(0.08) ? 1 : 0;
    const int dementia = random.bernoulli(age > 75 ? 0.12 : 0.01) ? 1 : 0;
    const int prior = std::min(10, random.poisson(0.5));
    const int ethnic = 1 + random.below(5);
    const int diag = 1 + random.below(10);
    const int weekend = weekday >= 5 ? 1 : 0;
    const double eta = -9.5 + 0.062 * age + 0.15 * sex + imd_effect[imd - 1] + 0.85 * emergency + 0.18 * charlson +
                       0.5 * chf + 0.35 * copd + 0.1 * diabetes + 0.3 * ckd + 0.7 * cancer + 0.45 * dementia +
                       0.08 * prior + ethnic_effect[ethnic - 1] + diag_effect[diag - 1] + 0.08 * weekend +
                       provider_effect[static_cast<std::size_t>(provider)];
    const int died = random.bernoulli(1.0 / (1.0 + std::exp(-eta))) ? 1 : 0;

    char code[8];
    std::snprintf(code, sizeof code, "P%03d", provider + 1);
    out += code;
    out += ',';
    write_date(out, day);
    for (const int value : {age, sex, imd, emergency, charlson, chf, copd, diabetes, ckd, cancer, dementia, prior,
                            ethnic, diag, weekend, died}) {
      out += ',';
      append(out, value);
    }
    out += '\n';
    if (out.size() > (1U << 20)) {
      std::fwrite(out.data(), 1, out.size(), file);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), file);
  if (std::fflush(file) != 0 || (output != nullptr && std::fclose(file) != 0)) {
    std::fprintf(stderr, "generate_episodes: writing failed\n");
    return 1;
  }
  return 0;
}
