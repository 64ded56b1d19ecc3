// Import speed for a national episode file (docs/performance.md, "Import"): the time to
// read the file's bytes once, to split it into CSV records (CsvReader alone), to validate
// it (clinaudit import --dry-run), and to import it into SQLite and, when a URL is given,
// PostgreSQL, all in the same run on the same file.
//
//   import_bench [--rows 1000000] [--file episodes.csv] [--dir /tmp] [--pg postgresql://...]
//
// The file is generated when missing: 150 providers, 36 months, 12 covariates, a fixed seed.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "ingest/episode_import.hpp"
#include "storage/store_factory.hpp"

namespace {

using namespace clinaudit;
using Clock = std::chrono::steady_clock;

constexpr int kProviders = 150;

std::string provider_code(int p) {
  char code[8];
  std::snprintf(code, sizeof code, "B%03d", p + 1);
  return code;
}

// splitmix64: enough for synthetic columns, and the same bytes on every machine.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
};

void generate(const std::string& path, std::int64_t rows) {
  std::ofstream out(path, std::ios::binary);
  out << "organisation_code,admission_date,outcome,age,sex,asa_grade,frailty,dementia,residence,fracture_type,"
         "time_to_surgery_h,anaesthesia,imd_quintile,charlson,ethnic_group\n";
  Random random{20261126};
  std::string line;
  const char* residences[] = {"home", "care_home", "hospital"};
  const char* fractures[] = {"intracapsular_displaced", "intracapsular_undisplaced", "intertrochanteric",
                             "subtrochanteric"};
  const char* ethnic[] = {"white", "asian", "black", "mixed", "other", "unknown"};
  for (std::int64_t i = 0; i < rows; ++i) {
    const int month = static_cast<int>(i * 36 / rows);
    const int year = 2021 + (month + 3) / 12;
    const int month_of_year = (month + 3) % 12 + 1;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s,%04d-%02d-%02d,%d,%d,%c,%d,%d,%d,%s,%s,%d,%s,%d,%d,%s\n",
                  provider_code(random.below(kProviders)).c_str(), year, month_of_year, 1 + random.below(28),
                  random.below(100) < 7 ? 1 : 0, 60 + random.below(45), random.below(10) < 7 ? 'F' : 'M',
                  1 + random.below(5), random.below(10), random.below(4) == 0 ? 1 : 0, residences[random.below(3)],
                  fractures[random.below(4)], 6 + random.below(66), random.below(2) == 0 ? "spinal" : "general",
                  1 + random.below(5), random.below(8), ethnic[random.below(6)]);
    out << buffer;
  }
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void print(const char* what, std::int64_t rows, double seconds, double floor) {
  std::printf("%-34s %10.2f s %12.0f rows/s %8.1fx read\n", what, seconds, static_cast<double>(rows) / seconds,
              seconds / floor);
}

// Adds the benchmark's providers and audit when the store lacks them; returns the references.
Result<ingest::References> prepare(domain::Store& store) {
  const domain::Actor actor{std::nullopt, "import_bench"};
  if (!store.audit_by_code("BENCH")) {
    std::vector<domain::Organisation> providers;
    for (int p = 0; p < kProviders; ++p) {
      providers.push_back({OrganisationId{}, provider_code(p), "Provider " + std::to_string(p + 1),
                           domain::OrganisationType::acute, ""});
    }
    if (auto added = store.add_organisations(providers, actor); !added) return added.error();
    domain::Audit audit;
    audit.code = "BENCH";
    audit.title = "Import benchmark";
    audit.kind = domain::AuditKind::national_clinical_audit;
    if (auto added = store.add_audits({audit}, actor); !added) return added.error();
  }
  ingest::References references;
  auto organisations = store.organisations();
  if (!organisations) return organisations.error();
  for (const auto& organisation : *organisations) references.add_organisation(organisation);
  auto audit = store.audit_by_code("BENCH");
  if (!audit) return audit.error();
  if (auto dataset = store.dataset(audit->id); dataset && dataset->columns.empty()) {
    // The generated file's columns (generate_episodes): every covariate a number, died yes/no.
    domain::Dataset declared;
    declared.audit_id = audit->id;
    for (const char* name : {"age", "sex", "imd_quintile", "emergency", "charlson", "chf", "copd", "diabetes", "ckd",
                             "cancer", "dementia", "prior_adm", "ethnic_group", "diag_group", "weekend"}) {
      declared.columns.push_back({name, domain::ValueType::number, true, {}, {}, {}, ""});
    }
    declared.columns.push_back({"died", domain::ValueType::yes_no, true, {}, {}, {}, ""});
    if (auto set = store.set_dataset(declared, actor); !set) return set.error();
  }
  references.add_audit(*audit);
  return references;
}

Result<std::int64_t> import_into(const std::string& url, const std::string& file) {
  auto store = storage::open_store(url);
  if (!store) return store.error();
  auto references = prepare(**store);
  if (!references) return references.error();
  const auto audit = references->audit("BENCH")->id;
  std::ifstream input(file, std::ios::binary);
  const domain::Actor actor{std::nullopt, "import_bench"};
  const auto dataset = (*store)->dataset(audit);
  if (!dataset) return dataset.error();
  auto outcome = ingest::import_episodes(
      input, audit, *dataset, *references,
      [&](const std::vector<std::string>& columns) { return (*store)->begin_episodes(audit, columns, actor); });
  if (!outcome) return outcome.error();
  if (!outcome->report.clean()) return Error{ErrorCode::invalid_input, outcome->report.to_text()};
  return outcome->rows_written;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t rows = 1'000'000;
  std::string file;
  std::string dir = std::filesystem::temp_directory_path().string();
  std::string pg_url;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rows") rows = std::stoll(argv[i + 1]);
    if (flag == "--file") file = argv[i + 1];
    if (flag == "--dir") dir = argv[i + 1];
    if (flag == "--pg") pg_url = argv[i + 1];
  }
  if (file.empty()) file = dir + "/import_bench_" + std::to_string(rows) + ".csv";
  if (!std::filesystem::exists(file)) {
    std::fprintf(stderr, "generating %s\n", file.c_str());
    generate(file, rows);
  }
  std::printf("file %s: %lld rows, %.1f MB\n", file.c_str(), static_cast<long long>(rows),
              static_cast<double>(std::filesystem::file_size(file)) / 1e6);

  // The floor: reading the bytes once.
  auto start = Clock::now();
  {
    std::ifstream input(file, std::ios::binary);
    std::vector<char> buffer(1 << 16);
    std::uint64_t sum = 0;
    while (input.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || input.gcount() > 0) {
      sum += static_cast<unsigned char>(buffer[0]);
    }
    if (sum == 1) std::puts("");
  }
  const double floor = seconds_since(start);
  print("read the bytes", rows, floor, floor);

  start = Clock::now();
  {
    std::ifstream input(file, std::ios::binary);
    ingest::CsvReader reader(input);
    std::vector<std::string> fields;
    while (*reader.next(fields)) {
    }
  }
  print("split into records (CsvReader)", rows, seconds_since(start), floor);

  start = Clock::now();
  {
    auto store = storage::open_store(dir + "/import_bench_validate.sqlite");
    auto references = prepare(**store);
    std::ifstream input(file, std::ios::binary);
    ingest::EpisodeImportOptions options;
    options.dry_run = true;
    const auto audit = references->audit("BENCH")->id;
    auto outcome = ingest::import_episodes(input, audit, *(*store)->dataset(audit), *references, {}, options);
    if (!outcome || !outcome->report.clean()) std::fprintf(stderr, "validation failed\n");
  }
  print("validate (import --dry-run)", rows, seconds_since(start), floor);

  const std::string sqlite_path = dir + "/import_bench.sqlite";
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path + suffix);
  start = Clock::now();
  auto written = import_into(sqlite_path, file);
  if (!written) {
    std::fprintf(stderr, "SQLite import failed: %s\n", written.error().message.c_str());
    return 1;
  }
  print("validate + import into SQLite", *written, seconds_since(start), floor);

  if (!pg_url.empty()) {
    start = Clock::now();
    written = import_into(pg_url, file);
    if (!written) {
      std::fprintf(stderr, "PostgreSQL import failed: %s\n", written.error().message.c_str());
      return 1;
    }
    print("validate + import into PostgreSQL", *written, seconds_since(start), floor);
  }
  return 0;
}
