#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::testing {

// A folder of the running test under the temporary directory, holding its SQLite file: the
// use cases' tests run on the real database, each test on a new file. The folder goes with
// the object, so declare it before the store it holds.
class SqliteFolder {
 public:
  explicit SqliteFolder(const std::string& prefix)
      : path_(std::filesystem::temp_directory_path() /
              ("clinaudit_" + prefix + "_" + std::to_string(::getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~SqliteFolder() {
    std::error_code ignored;  // a folder left behind is not the test's failure
    std::filesystem::remove_all(path_, ignored);
  }
  SqliteFolder(const SqliteFolder&) = delete;
  SqliteFolder& operator=(const SqliteFolder&) = delete;

  Result<std::unique_ptr<domain::Store>> open_store() const {
    return storage::open_store((path_ / "test.sqlite").string());
  }

 private:
  std::filesystem::path path_;
};

}  // namespace clinaudit::testing
