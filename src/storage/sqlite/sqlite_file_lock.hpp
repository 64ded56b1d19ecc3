#pragma once

#include <string>

#include "core/result.hpp"

namespace clinaudit::storage::sqlite {

// An advisory lock (flock) on "DATABASE-lock", the file beside a SQLite database that
// says who is using it: every open SqliteStore holds it shared, and `clinaudit db restore`
// takes it exclusively, so a restore never overwrites a file that a server has open
// unless forced. The lock is released when the object is destroyed or the process dies.
// Not copyable; movable.
class FileLock {
 public:
  // Errors: conflict when another process holds it in the other mode ("in use"),
  // storage_unavailable when the lock file cannot be created.
  static Result<FileLock> shared(const std::string& database_path);
  static Result<FileLock> exclusive(const std::string& database_path);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  static Result<FileLock> take(const std::string& database_path, int operation);
  int fd_ = -1;
};

}  // namespace clinaudit::storage::sqlite
