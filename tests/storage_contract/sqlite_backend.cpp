#include <SQLiteCpp/Database.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "store_backends.hpp"

namespace clinaudit::contract {

Backend sqlite_backend() {
  // One temporary folder per backend instance, removed by clean_up.
  auto folder = std::make_shared<std::filesystem::path>();
  auto counter = std::make_shared<std::atomic<int>>(0);
  Backend backend;
  backend.name = "Sqlite";
  backend.fresh_database_url = [folder, counter] {
    if (folder->empty()) {
      std::string pattern = (std::filesystem::temp_directory_path() / "clinaudit-contract-XXXXXX").string();
      *folder = ::mkdtemp(pattern.data());
    }
    return (*folder / ("store-" + std::to_string(++*counter) + ".sqlite")).string();
  };
  backend.execute_sql = [](const std::string& url, const std::string& sql) {
    SQLite::Database db(url, SQLite::OPEN_READWRITE);
    db.exec(sql);
  };
  backend.query_number = [](const std::string& url, const std::string& sql) {
    SQLite::Database db(url, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getDouble();
  };
  backend.clean_up = [folder] {
    if (!folder->empty()) std::filesystem::remove_all(*folder);
    folder->clear();
  };
  return backend;
}

}  // namespace clinaudit::contract
