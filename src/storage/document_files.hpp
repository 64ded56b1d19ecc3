#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

// Where documents' bytes are kept when a deployment keeps them out of the database: one
// directory (shared by every server of the deployment), each file named by the SHA-256 of its
// bytes, so a file uploaded twice is kept once and a name says nothing of its content.
namespace clinaudit::storage {

class DocumentFiles {
 public:
  explicit DocumentFiles(std::filesystem::path directory) : directory_(std::move(directory)) {}

  // Keeps `content` as the file named `sha256` (64 lower-case hex digits), unless it is there
  // already: written to a temporary file (owner read and write only) and renamed into place,
  // so that a reader never sees half a file. Throws through fail(): invalid_input for a name
  // that is not a SHA-256, storage_unavailable when the directory cannot be written.
  void keep(std::string_view sha256, std::string_view content) const;

  // The bytes of the file `sha256`, which must be `size` bytes long. Throws through fail():
  // storage_unavailable when it cannot be read, internal when it is missing or of another size.
  std::string read(std::string_view sha256, std::int64_t size) const;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
};

}  // namespace clinaudit::storage
