#include "storage/sqlite/sqlite_file_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace clinaudit::storage::sqlite {

Result<FileLock> FileLock::take(const std::string& database_path, int operation) {
  // A separate file, because closing any descriptor of the database file itself would
  // drop the POSIX locks SQLite holds on it in this process.
  const std::string lock_path = database_path + "-lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Error{ErrorCode::storage_unavailable, "cannot create " + lock_path + ": " + std::strerror(errno)};
  }
  if (::flock(fd, operation | LOCK_NB) != 0) {
    const int cause = errno;
    ::close(fd);
    if (cause == EWOULDBLOCK) {
      return Error{ErrorCode::conflict,
                   operation == LOCK_EX
                       ? "the database " + database_path + " is open in another clinaudit process (a running server?)"
                       : "the database " + database_path + " is being restored; try again"};
    }
    return Error{ErrorCode::storage_unavailable, "cannot lock " + lock_path + ": " + std::strerror(cause)};
  }
  return FileLock(fd);
}

Result<FileLock> FileLock::shared(const std::string& database_path) { return take(database_path, LOCK_SH); }
Result<FileLock> FileLock::exclusive(const std::string& database_path) { return take(database_path, LOCK_EX); }

FileLock::FileLock(FileLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace clinaudit::storage::sqlite
