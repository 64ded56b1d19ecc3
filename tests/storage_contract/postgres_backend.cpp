#include <pqxx/pqxx>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "store_backends.hpp"

namespace clinaudit::contract {
namespace {

// The store puts its tables in the schema named by the URL's search_path option.
std::string url_with_schema(const std::string& url, const std::string& schema) {
  const char separator = url.find('?') == std::string::npos ? '?' : '&';
  return url + separator + "options=-c%20search_path%3D" + schema;
}

}  // namespace

Backend postgres_backend() {
  Backend backend;
  backend.name = "Postgres";
  const char* url = std::getenv("CLINAUDIT_TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    backend.unavailable_reason = "CLINAUDIT_TEST_PG_URL is not set (scripts/test.sh starts a cluster and sets it)";
    return backend;
  }
  const std::string base(url);
  auto schemas = std::make_shared<std::vector<std::string>>();
  auto counter = std::make_shared<std::atomic<int>>(0);
  backend.fresh_database_url = [base, schemas, counter] {
    // A fresh schema per test: far quicker than a database, and just as separate.
    const std::string schema = "contract_" + std::to_string(::getpid()) + "_" + std::to_string(++*counter);
    pqxx::connection connection(base);
    pqxx::nontransaction work(connection);
    work.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    work.exec("CREATE SCHEMA " + schema);
    schemas->push_back(schema);
    return url_with_schema(base, schema);
  };
  backend.execute_sql = [](const std::string& schema_url, const std::string& sql) {
    pqxx::connection connection(schema_url);
    pqxx::nontransaction work(connection);
    work.exec(sql);
  };
  backend.query_number = [](const std::string& schema_url, const std::string& sql) {
    pqxx::connection connection(schema_url);
    pqxx::nontransaction work(connection);
    return work.exec(sql)[0][0].as<double>();
  };
  backend.clean_up = [base, schemas] {
    pqxx::connection connection(base);
    pqxx::nontransaction work(connection);
    for (const auto& schema : *schemas) work.exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    schemas->clear();
  };
  return backend;
}

}  // namespace clinaudit::contract
