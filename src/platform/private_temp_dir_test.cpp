// The PDF printer's working folder: private, unpredictable, never one planted by someone else.
#include "platform/private_temp_dir.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

namespace clinaudit::platform {
namespace {

namespace fs = std::filesystem;

struct stat status_of(const fs::path& path) {
  struct stat info {};
  EXPECT_EQ(lstat(path.c_str(), &info), 0) << path;
  return info;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Removes what a test planted, whatever happens to the test.
struct Planted {
  std::vector<fs::path> paths;
  ~Planted() {
    std::error_code ignored;
    for (const auto& path : paths) fs::remove_all(path, ignored);
  }
};

TEST(PrivateTempDir, EachCallGivesADifferentFolderOnlyItsUserMayEnter) {
  auto first = PrivateTempDir::create("clinaudit-pdf");
  auto second = PrivateTempDir::create("clinaudit-pdf");
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_NE(first->path(), second->path());
  for (const auto* dir : {&*first, &*second}) {
    const auto info = status_of(dir->path());
    EXPECT_TRUE(S_ISDIR(info.st_mode));
    EXPECT_EQ(info.st_mode & 07777, 0700u) << dir->path();
    EXPECT_EQ(info.st_uid, geteuid());
  }
  const auto file = first->write_new_file("pack.html", "<p>board pack</p>");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(status_of(*file).st_mode & 07777, 0600u);
  EXPECT_EQ(read_all(*file), "<p>board pack</p>");
}

TEST(PrivateTempDir, AFolderOrLinkPlantedAtThePredictableNameIsNeverUsed) {
  Planted planted;
  const fs::path predictable = fs::temp_directory_path() / ("clinaudit-pdf-" + std::to_string(getpid()));
  const fs::path decoy = fs::temp_directory_path() / ("clinaudit-decoy-" + std::to_string(getpid()));
  planted.paths = {predictable, decoy};
  fs::remove_all(predictable);
  fs::remove_all(decoy);
  fs::create_directory(decoy);
  fs::permissions(decoy, fs::perms::all);  // world-writable, as another user's would be
  // A symbolic link to another user's folder.
  fs::create_directory_symlink(decoy, predictable);
  {
    auto dir = PrivateTempDir::create("clinaudit-pdf");
    ASSERT_TRUE(dir) << dir.error().message;
    EXPECT_NE(dir->path(), predictable);
    EXPECT_NE(fs::canonical(dir->path()), fs::canonical(decoy));
    ASSERT_TRUE(dir->write_new_file("pack.html", "<p>secret</p>"));
    EXPECT_TRUE(fs::is_empty(decoy));
  }
  EXPECT_TRUE(fs::is_symlink(predictable));  // left alone, not removed through
  EXPECT_TRUE(fs::is_directory(decoy));
  // A plain folder, open to everyone, at the same name.
  fs::remove(predictable);
  fs::create_directory(predictable);
  fs::permissions(predictable, fs::perms::all);
  {
    auto dir = PrivateTempDir::create("clinaudit-pdf");
    ASSERT_TRUE(dir) << dir.error().message;
    EXPECT_NE(dir->path(), predictable);
    ASSERT_TRUE(dir->write_new_file("pack.html", "<p>secret</p>"));
    EXPECT_TRUE(fs::is_empty(predictable));
  }
}

TEST(PrivateTempDir, AFileIsWrittenOnlyWhereNothingWasBeforeAndNeverThroughALink) {
  Planted planted;
  const fs::path outside = fs::temp_directory_path() / ("clinaudit-outside-" + std::to_string(getpid()));
  planted.paths = {outside};
  { std::ofstream(outside) << "keep me"; }
  auto dir = PrivateTempDir::create("clinaudit-pdf");
  ASSERT_TRUE(dir) << dir.error().message;
  ASSERT_TRUE(dir->write_new_file("once.html", "first"));
  EXPECT_FALSE(dir->write_new_file("once.html", "second"));
  EXPECT_EQ(read_all(dir->path() / "once.html"), "first");
  fs::create_symlink(outside, dir->path() / "link.html");
  EXPECT_FALSE(dir->write_new_file("link.html", "overwritten"));
  EXPECT_EQ(read_all(outside), "keep me");
}

TEST(PrivateTempDir, IsRemovedWithItsContentsButNotWhatLinksInsidePointTo) {
  Planted planted;
  const fs::path outside = fs::temp_directory_path() / ("clinaudit-outside-dir-" + std::to_string(getpid()));
  planted.paths = {outside};
  fs::create_directory(outside);
  { std::ofstream(outside / "keep.txt") << "keep me"; }
  fs::path where;
  {
    auto dir = PrivateTempDir::create("clinaudit-pdf");
    ASSERT_TRUE(dir) << dir.error().message;
    where = dir->path();
    ASSERT_TRUE(dir->write_new_file("pack.html", "x"));
    fs::create_directory(where / "profile");
    fs::create_directory_symlink(outside, where / "profile" / "elsewhere");
  }
  EXPECT_FALSE(fs::exists(where));
  EXPECT_EQ(read_all(outside / "keep.txt"), "keep me");
}

}  // namespace
}  // namespace clinaudit::platform
