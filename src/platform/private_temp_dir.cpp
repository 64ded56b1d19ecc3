#include "platform/private_temp_dir.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace clinaudit::platform {

Result<PrivateTempDir> PrivateTempDir::create(std::string_view prefix) {
  std::error_code ec;
  const auto base = std::filesystem::temp_directory_path(ec);
  if (ec) return Error{ErrorCode::storage_unavailable, "no temporary folder: " + ec.message()};
  // mkdtemp picks an unused random name and creates it with mode 0700 in one step; a name
  // that exists already (planted or not) is never taken.
  std::string pattern = (base / (std::string(prefix) + "-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (mkdtemp(name.data()) == nullptr) {
    return Error{ErrorCode::storage_unavailable,
                 "cannot create a temporary folder in " + base.string() + ": " + std::strerror(errno)};
  }
  return PrivateTempDir(std::filesystem::path(name.data()));
}

PrivateTempDir::PrivateTempDir(PrivateTempDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

PrivateTempDir& PrivateTempDir::operator=(PrivateTempDir&& other) noexcept {
  if (this != &other) {
    remove();
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

PrivateTempDir::~PrivateTempDir() { remove(); }

void PrivateTempDir::remove() {
  if (path_.empty()) return;
  // remove_all deletes symbolic links inside the folder, never what they point to.
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
  path_.clear();
}

Result<std::filesystem::path> PrivateTempDir::write_new_file(std::string_view name, std::string_view content) const {
  auto file = path_ / name;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    return Error{ErrorCode::storage_unavailable, "cannot create " + file.string() + ": " + std::strerror(errno)};
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      return Error{ErrorCode::storage_unavailable, "cannot write " + file.string() + ": " + reason};
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    return Error{ErrorCode::storage_unavailable, "cannot write " + file.string() + ": " + std::strerror(errno)};
  }
  return file;
}

}  // namespace clinaudit::platform
