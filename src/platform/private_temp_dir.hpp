#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace clinaudit::platform {

// A folder under the system's temporary folder that only the calling user may enter (mode
// 0700), made with mkdtemp: its name cannot be guessed in advance, and nothing planted
// beforehand by another user (a folder, a symbolic link) is ever used. The folder and its
// contents are removed when the object is destroyed (links inside are removed, never
// followed). Move-only; not thread-safe.
class PrivateTempDir {
 public:
  // `prefix` starts the folder's name ("clinaudit-pdf" gives /tmp/clinaudit-pdf-k3J9xQ).
  // Errors: storage_unavailable when the folder cannot be made.
  static Result<PrivateTempDir> create(std::string_view prefix);

  PrivateTempDir(PrivateTempDir&& other) noexcept;
  PrivateTempDir& operator=(PrivateTempDir&& other) noexcept;
  PrivateTempDir(const PrivateTempDir&) = delete;
  PrivateTempDir& operator=(const PrivateTempDir&) = delete;
  ~PrivateTempDir();

  const std::filesystem::path& path() const { return path_; }

  // Writes `content` to a new file `name` in the folder, readable and writable by the user
  // only (0600). Refuses a name that already exists (file or link) rather than write
  // through it. Errors: storage_unavailable.
  Result<std::filesystem::path> write_new_file(std::string_view name, std::string_view content) const;

 private:
  explicit PrivateTempDir(std::filesystem::path path) : path_(std::move(path)) {}
  void remove();

  std::filesystem::path path_;
};

}  // namespace clinaudit::platform
