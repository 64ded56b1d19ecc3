// PostgreSQL episode import (docs/performance.md, "Import", PostgreSQL part): 1M synthetic
// episodes (150 providers, 36 months, 12 covariates, fixed seed) written through the store's
// EpisodeWriter (COPY in one transaction), against a baseline of plain multi-row INSERTs
// (1,000 rows per statement, one transaction) into the same table, in the same run.
//
//   pg_import_bench postgresql://user@host:port/db [rows]
//
// Each run works in a schema of its own and drops it afterwards.
#include <pqxx/pqxx>

#include <unistd.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>

#include "storage/store_factory.hpp"

namespace {

using namespace clinaudit;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The dataset of the synthetic episodes: the outcome, then x1..x12 (every third a number
// 50-94, the others yes/no).
domain::Dataset synthetic_dataset(AuditId audit) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  dataset.columns.push_back({"died", domain::ValueType::yes_no, true, {}, {}, {}, ""});
  for (int c = 0; c < 12; ++c) {
    const bool number = c % 3 == 0;
    dataset.columns.push_back({"x" + std::to_string(c + 1),
                               number ? domain::ValueType::number : domain::ValueType::yes_no,
                               false,
                               {},
                               {},
                               {},
                               ""});
  }
  return dataset;
}

domain::EpisodeColumns synthetic_episodes(std::size_t rows, const std::vector<OrganisationId>& providers,
                                          AuditId audit) {
  domain::EpisodeColumns out;
  out.audit_id = audit;
  for (const auto& column : synthetic_dataset(audit).columns) out.add_column(column.name, column.type);
  std::mt19937_64 random(20261126);
  std::uniform_int_distribution<std::size_t> provider(0, providers.size() - 1);
  std::uniform_int_distribution<int> day(0, 36 * 30);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const auto first = Date::from_ymd(2022, 4, 1).value();
  for (std::size_t i = 0; i < rows; ++i) {
    out.provider.push_back(providers[provider(random)]);
    out.admission_date.push_back(first.plus_days(day(random)));
    out.columns[0].numbers.push_back(unit(random) < 0.04 ? 1 : 0);
    for (std::size_t c = 1; c < out.columns.size(); ++c) {
      out.columns[c].numbers.push_back((c - 1) % 3 == 0 ? 50 + static_cast<int>(unit(random) * 45)
                                                        : (unit(random) < 0.3 ? 1 : 0));
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: pg_import_bench POSTGRESQL_URL [rows]\n");
    return 2;
  }
  const std::string base = argv[1];
  const std::size_t rows = argc > 2 ? std::stoul(argv[2]) : 1000000;
  const std::string schema = "bench_import_" + std::to_string(::getpid());
  {
    pqxx::connection connection(base);
    pqxx::nontransaction work(connection);
    work.exec("CREATE SCHEMA " + schema);
  }
  const std::string url =
      base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" + schema;
  int status = 0;
  {
    auto store = storage::open_store(url);
    if (!store) {
      std::fprintf(stderr, "%s\n", store.error().message.c_str());
      return 1;
    }
    const domain::Actor actor{std::nullopt, "bench"};
    std::vector<domain::Organisation> orgs;
    for (int p = 0; p < 150; ++p) {
      orgs.push_back(domain::Organisation{
          {}, "P" + std::to_string(p), "Provider " + std::to_string(p), domain::OrganisationType::acute, ""});
    }
    const auto providers = (*store)->add_organisations(orgs, actor).value();
    domain::Audit audit_row;
    audit_row.code = "BENCH";
    audit_row.title = "Import benchmark";
    audit_row.kind = domain::AuditKind::national_clinical_audit;
    const auto audit = (*store)->add_audits({audit_row}, actor).value().front();
    const auto episodes = synthetic_episodes(rows, providers, audit);

    // COPY through the store's EpisodeWriter, in chunks of 50,000 rows as the importer sends them.
    auto start = std::chrono::steady_clock::now();
    if (auto declared = (*store)->set_dataset(synthetic_dataset(audit), actor); !declared) {
      std::fprintf(stderr, "%s\n", declared.error().message.c_str());
      return 1;
    }
    auto writer = (*store)->begin_episodes(audit, episodes.column_names(), actor);
    const std::size_t chunk_rows = 50000;
    for (std::size_t from = 0; from < rows && writer; from += chunk_rows) {
      domain::EpisodeColumns chunk;
      chunk.audit_id = audit;
      const auto to = std::min(rows, from + chunk_rows);
      const auto slice = [&](const auto& values) {
        return std::vector(values.begin() + static_cast<std::ptrdiff_t>(from),
                           values.begin() + static_cast<std::ptrdiff_t>(to));
      };
      chunk.provider = slice(episodes.provider);
      chunk.admission_date = slice(episodes.admission_date);
      for (const auto& column : episodes.columns) {
        auto& numbers = chunk.add_column(column.name, column.type).numbers;
        for (auto row = from; row < to; ++row) numbers.push_back(column.numbers[row]);
      }
      if (auto ok = (*writer)->append(chunk); !ok) {
        std::fprintf(stderr, "%s\n", ok.error().message.c_str());
        return 1;
      }
    }
    const auto written = (*writer)->commit();
    if (!written) {
      std::fprintf(stderr, "%s\n", written.error().message.c_str());
      return 1;
    }
    const double copy_seconds = seconds_since(start);
    std::printf("EpisodeWriter (COPY, one transaction): %lld rows in %.2f s (%.0f rows/s)\n",
                static_cast<long long>(*written), copy_seconds, static_cast<double>(*written) / copy_seconds);

    // Baseline: multi-row INSERT statements into an identical table, one transaction.
    pqxx::connection connection(url);
    {
      pqxx::nontransaction work(connection);
      work.exec("CREATE TABLE episodes_insert (LIKE episodes INCLUDING ALL)");
    }
    start = std::chrono::steady_clock::now();
    {
      pqxx::work tx(connection);
      const std::size_t batch = 1000;
      std::string sql;
      for (std::size_t from = 0; from < rows; from += batch) {
        sql =
            "INSERT INTO episodes_insert (audit_id, import_id, provider_id, admission_day, data) "
            "VALUES ";
        for (std::size_t i = from; i < std::min(rows, from + batch); ++i) {
          std::string data = "{";
          for (const auto& column : episodes.columns) {
            if (data.size() > 1) data += ',';
            data += "\"" + column.name + "\":";
            const double value = column.numbers[i];
            data += column.type == domain::ValueType::yes_no ? (value != 0 ? "true" : "false")
                                                             : std::to_string(static_cast<int>(value));
          }
          data += "}";
          if (i > from) sql += ',';
          sql += "(" + std::to_string(audit.value) + ",0," + std::to_string(episodes.provider[i].value) + "," +
                 std::to_string(episodes.admission_date[i].days_since_epoch()) + "," + tx.quote(data) + ")";
        }
        tx.exec(sql);
      }
      tx.commit();
    }
    const double insert_seconds = seconds_since(start);
    std::printf("multi-row INSERT (1,000 rows per statement, one transaction): %zu rows in %.2f s (%.0f rows/s)\n",
                rows, insert_seconds, static_cast<double>(rows) / insert_seconds);
    std::printf("COPY is %.1fx faster\n", insert_seconds / copy_seconds);
  }
  pqxx::connection connection(base);
  pqxx::nontransaction work(connection);
  work.exec("DROP SCHEMA " + schema + " CASCADE");
  return status;
}
