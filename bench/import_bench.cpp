// Import speed for a national episode file (docs/performance.md, "Import"): the time to
// read the file's bytes once, to split it into CSV records (CsvReader alone), to validate
// it (clinaudit import --dry-run), and to import it into SQLite and, when a URL is given,
// PostgreSQL, each against the database's own loader (sqlite3 .import, psql \copy) on the
// same file, and reading the episodes back from each database as an analysis run does, all in
// the same run. A new database is made ready (its schema, the providers and the audit) before
// the import is timed, as the loader's table is made before it is; the time it took is shown,
// and the ratio with it included.
//
//   import_bench [--rows 1000000] [--file episodes.csv] [--dir /tmp] [--pg postgresql://...]
//   import_bench --read-only URL   (only the read back, from a database a run above left)
//   import_bench --rows N [--file F] --import-only URL   (only the import, into that database)
//
// The file is generated when missing: 150 providers, 36 months, 12 covariates, a fixed seed.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
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

// The columns of generate_episodes (bench/scale.sh) with the dataset's names for the provider
// and the admission date: every covariate a number, died yes/no (see prepare).
void generate(const std::string& path, std::int64_t rows) {
  std::ofstream out(path, std::ios::binary);
  out << "organisation_code,admission_date,age,sex,imd_quintile,emergency,charlson,chf,copd,diabetes,ckd,cancer,"
         "dementia,prior_adm,ethnic_group,diag_group,weekend,died\n";
  Random random{20261126};
  for (std::int64_t i = 0; i < rows; ++i) {
    const int month = static_cast<int>(i * 36 / rows);
    const int year = 2021 + (month + 3) / 12;
    const int month_of_year = (month + 3) % 12 + 1;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s,%04d-%02d-%02d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\n",
                  provider_code(random.below(kProviders)).c_str(), year, month_of_year, 1 + random.below(28),
                  40 + random.below(60), random.below(2), 1 + random.below(5), random.below(10) < 4 ? 1 : 0,
                  random.below(6), random.below(10) == 0 ? 1 : 0, random.below(10) == 0 ? 1 : 0,
                  random.below(5) == 0 ? 1 : 0, random.below(8) == 0 ? 1 : 0, random.below(7) == 0 ? 1 : 0,
                  random.below(12) == 0 ? 1 : 0, random.below(4), 1 + random.below(6), 1 + random.below(10),
                  random.below(7) < 2 ? 1 : 0, random.below(100) < 4 ? 1 : 0);
    out << buffer;
  }
}

bool run(const std::string& command) {
  if (std::system(command.c_str()) == 0) return true;
  std::fprintf(stderr, "failed: %s\n", command.c_str());
  return false;
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

// A database ready for an import, as a user's is: its schema made, the providers and the
// audit there. Made before the import is timed, as the loader's table is made before it is.
struct ReadyStore {
  std::unique_ptr<domain::Store> store;
  ingest::References references;
};

Result<ReadyStore> ready_store(const std::string& url) {
  auto store = storage::open_store(url);
  if (!store) return store.error();
  auto references = prepare(**store);
  if (!references) return references.error();
  return ReadyStore{std::move(*store), std::move(*references)};
}

Result<std::int64_t> import_into(ReadyStore& ready, const std::string& file) {
  auto& store = *ready.store;
  const auto audit = ready.references.audit("BENCH")->id;
  std::ifstream input(file, std::ios::binary);
  const domain::Actor actor{std::nullopt, "import_bench"};
  const auto dataset = store.dataset(audit);
  if (!dataset) return dataset.error();
  auto outcome = ingest::import_episodes(
      input, audit, *dataset, ready.references,
      [&](const std::vector<std::string>& columns) { return store.begin_episodes(audit, columns, actor); });
  if (!outcome) return outcome.error();
  if (!outcome->report.clean()) return Error{ErrorCode::invalid_input, outcome->report.to_text()};
  return outcome->rows_written;
}

// Makes the database at `url` ready (timed apart: `ready_seconds`), then imports `file` into it.
Result<std::int64_t> import_into(const std::string& url, const std::string& file, double& ready_seconds) {
  const auto began = Clock::now();
  auto ready = ready_store(url);
  if (!ready) return ready.error();
  ready_seconds = seconds_since(began);
  return import_into(*ready, file);
}

// Reads every episode of the BENCH audit back from the database at `url`, as an analysis run
// does (Store::episodes: the audit's dataset columns, typed, in admission order).
Result<std::int64_t> read_back(const std::string& url) {
  auto store = storage::open_store(url);
  if (!store) return store.error();
  auto audit = (*store)->audit_by_code("BENCH");
  if (!audit) return audit.error();
  auto episodes = (*store)->episodes(audit->id, *Date::parse("1900-01-01"), *Date::parse("2999-12-31"));
  if (!episodes) return episodes.error();
  return static_cast<std::int64_t>(episodes->size());
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t rows = 1'000'000;
  std::string file;
  std::string dir = std::filesystem::temp_directory_path().string();
  std::string pg_url;
  std::string read_only;
  std::string import_only;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rows") rows = std::stoll(argv[i + 1]);
    if (flag == "--file") file = argv[i + 1];
    if (flag == "--dir") dir = argv[i + 1];
    if (flag == "--pg") pg_url = argv[i + 1];
    if (flag == "--read-only") read_only = argv[i + 1];
    if (flag == "--import-only") import_only = argv[i + 1];
  }
  // The read alone, from a database an earlier run left (for a profiler).
  if (!read_only.empty()) {
    const auto began = Clock::now();
    const auto read = read_back(read_only);
    if (!read) {
      std::fprintf(stderr, "reading back failed: %s\n", read.error().message.c_str());
      return 1;
    }
    std::printf("read back %lld episodes in %.2f s\n", static_cast<long long>(*read), seconds_since(began));
    return 0;
  }
  if (file.empty()) file = dir + "/import_bench_episodes_" + std::to_string(rows) + ".csv";
  if (!std::filesystem::exists(file)) {
    std::fprintf(stderr, "generating %s\n", file.c_str());
    generate(file, rows);
  }
  // The import alone, into the database at a URL (for a profiler).
  if (!import_only.empty()) {
    auto ready = ready_store(import_only);
    if (!ready) {
      std::fprintf(stderr, "opening the database failed: %s\n", ready.error().message.c_str());
      return 1;
    }
    const auto began = Clock::now();
    const auto written = import_into(*ready, file);
    if (!written) {
      std::fprintf(stderr, "import failed: %s\n", written.error().message.c_str());
      return 1;
    }
    std::printf("imported %lld episodes in %.2f s\n", static_cast<long long>(*written), seconds_since(began));
    return 0;
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
  const double validate = seconds_since(start);
  print("validate (import --dry-run)", rows, validate, floor);

  // An analysis run reads the episodes back from the database: the goal is the CSV's speed
  // per row, that of validating the file into the same typed columns.
  const auto read_back_timed = [&](const std::string& url, const char* label) {
    const auto began = Clock::now();
    const auto read = read_back(url);
    if (!read) {
      std::fprintf(stderr, "reading back failed: %s\n", read.error().message.c_str());
      return false;
    }
    const double seconds = seconds_since(began);
    print(label, *read, seconds, floor);
    std::printf("%-34s %10.2fx\n", "  / validating the CSV", seconds / validate);
    return true;
  };

  const std::string sqlite_path = dir + "/import_bench.sqlite";
  for (const auto* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path + suffix);
  double ready_seconds = 0;
  start = Clock::now();
  auto written = import_into(sqlite_path, file, ready_seconds);
  if (!written) {
    std::fprintf(stderr, "SQLite import failed: %s\n", written.error().message.c_str());
    return 1;
  }
  const double sqlite_ready = ready_seconds;
  const double sqlite_import = seconds_since(start) - sqlite_ready;
  std::printf("%-34s %10.2f s\n", "make a new SQLite database ready", sqlite_ready);
  print("validate + import into SQLite", *written, sqlite_import, floor);

  // The database's own loader on the same file, into a fresh database: sqlite3's .import (a
  // table of text columns named by the header), then psql's \copy into such a table.
  const std::string loader_path = dir + "/import_bench_loader.sqlite";
  std::filesystem::remove(loader_path);
  start = Clock::now();
  if (!run("sqlite3 '" + loader_path + "' '.mode csv' '.import " + file + " episodes'")) return 1;
  const double sqlite_loader = seconds_since(start);
  print("sqlite3 .import (the floor)", rows, sqlite_loader, floor);
  std::printf("%-34s %10.2fx (%.2fx with the database made ready)\n", "SQLite import / sqlite3 .import",
              sqlite_import / sqlite_loader, (sqlite_ready + sqlite_import) / sqlite_loader);
  if (!read_back_timed(sqlite_path, "read back from SQLite")) return 1;

  if (!pg_url.empty()) {
    start = Clock::now();
    written = import_into(pg_url, file, ready_seconds);
    if (!written) {
      std::fprintf(stderr, "PostgreSQL import failed: %s\n", written.error().message.c_str());
      return 1;
    }
    const double pg_ready = ready_seconds;
    const double pg_import = seconds_since(start) - pg_ready;
    std::printf("%-34s %10.2f s\n", "make a new PostgreSQL database ready", pg_ready);
    print("validate + import into PostgreSQL", *written, pg_import, floor);
    if (!read_back_timed(pg_url, "read back from PostgreSQL")) return 1;

    std::string header;
    {
      std::ifstream input(file, std::ios::binary);
      std::getline(input, header);
    }
    std::string columns;
    for (std::size_t at = 0; at <= header.size();) {
      const auto comma = std::min(header.find(',', at), header.size());
      columns += (columns.empty() ? "" : ", ") + header.substr(at, comma - at) + " text";
      at = comma + 1;
    }
    if (!run("psql -q '" + pg_url + "' -c 'DROP TABLE IF EXISTS bench_loader' -c 'CREATE TABLE bench_loader (" +
             columns + ")'")) {
      return 1;
    }
    start = Clock::now();
    if (!run("psql -q '" + pg_url + "' -c \"\\copy bench_loader FROM '" + file + "' CSV HEADER\"")) return 1;
    const double pg_loader = seconds_since(start);
    print("psql \\copy (the floor)", rows, pg_loader, floor);
    std::printf("%-34s %10.2fx (%.2fx with the database made ready)\n", "PostgreSQL import / psql \\copy",
                pg_import / pg_loader, (pg_ready + pg_import) / pg_loader);
    if (!run("psql -q '" + pg_url + "' -c 'DROP TABLE bench_loader'")) return 1;
  }
  return 0;
}
