#include "storage/document_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>

#include "storage/sql_driver.hpp"

namespace clinaudit::storage {

namespace {

void require_sha256(std::string_view name) {
  const bool hex =
      std::all_of(name.begin(), name.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (name.size() != 64 || !hex) fail(ErrorCode::invalid_input, "document: its SHA-256 is not 64 hex digits");
}

}  // namespace

void DocumentFiles::keep(std::string_view sha256, std::string_view content) const {
  require_sha256(sha256);
  const auto target = directory_ / std::string(sha256);
  std::error_code ignored;
  if (std::filesystem::exists(target, ignored)) return;
  static std::atomic<unsigned> counter{0};
  const auto temporary = directory_ / (std::string(sha256) + ".part-" + std::to_string(::getpid()) + "-" +
                                       std::to_string(counter.fetch_add(1)));
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd < 0) fail(ErrorCode::storage_unavailable, "cannot write in the documents directory " + directory_.string());
  std::size_t written = 0;
  while (written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  const bool whole = written == content.size() && ::fsync(fd) == 0;
  ::close(fd);
  if (!whole || ::rename(temporary.c_str(), target.c_str()) != 0) {
    std::filesystem::remove(temporary, ignored);
    fail(ErrorCode::storage_unavailable, "cannot write in the documents directory " + directory_.string());
  }
}

std::string DocumentFiles::read(std::string_view sha256, std::int64_t size) const {
  require_sha256(sha256);
  const auto path = directory_ / std::string(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail(ErrorCode::internal, "the document's file is missing from the documents directory " + directory_.string());
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) fail(ErrorCode::storage_unavailable, "cannot read the documents directory " + directory_.string());
  if (static_cast<std::int64_t>(bytes.size()) != size) {
    fail(ErrorCode::internal, "the document's file in " + directory_.string() + " is not the size it was");
  }
  return bytes;
}

}  // namespace clinaudit::storage
