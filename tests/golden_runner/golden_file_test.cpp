// The golden file format's rules: a file states whether it may be rebaselined, and one
// whose values come from a publication is never rewritten.
#include "golden_runner/golden_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace clinaudit::golden {
namespace {

class GoldenFileTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "clinaudit-golden-XXXXXX").string();
    folder_ = ::mkdtemp(pattern.data());
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string write(const std::string& name, const std::string& text) const {
    auto path = (folder_ / name).string();
    std::ofstream(path) << text;
    return path;
  }
  static std::string read(const std::string& path) {
    std::ostringstream text;
    text << std::ifstream(path).rdbuf();
    return text.str();
  }

  std::filesystem::path folder_;
};

std::string golden_text(const std::string& rebaseline) {
  return "# A published value.\n"
         "source: a paper, Table 2\n" +
         (rebaseline.empty() ? "" : "rebaseline: " + rebaseline + "\n") +
         "function: some_handler\n"
         "tolerance: 1e-9\n"
         "----\n"
         "x=1\n"
         "y=0.5\n";
}

TEST_F(GoldenFileTest, RebaselineRefusesAFileWhoseValuesComeFromAPublicationAndLeavesItUnchanged) {
  const std::string text = golden_text("never");
  const auto path = write("published.golden", text);
  const auto file = read_golden_file(path);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_TRUE(file->publication);
  const auto written = rebaseline_golden_file(*file, {Values{{"y", "0.75"}}});
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::conflict);
  EXPECT_NE(written.error().message.find("come from a publication"), std::string::npos) << written.error().message;
  EXPECT_EQ(read(path), text);
}

TEST_F(GoldenFileTest, RebaselineRewritesOnlyTheExpectedLinesOfAFileComputedForIt) {
  const auto path = write("computed.golden", golden_text("allowed"));
  const auto file = read_golden_file(path);
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_FALSE(file->publication);
  const auto written = rebaseline_golden_file(*file, {Values{{"y", "0.75"}}});
  ASSERT_TRUE(written) << written.error().message;
  std::string expected = golden_text("allowed");
  expected.replace(expected.find("y=0.5"), 5, "y=0.75");
  EXPECT_EQ(read(path), expected);
}

TEST_F(GoldenFileTest, AFileMustSayWhetherItMayBeRebaselined) {
  const auto missing = read_golden_file(write("missing.golden", golden_text("")));
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("rebaseline"), std::string::npos) << missing.error().message;
  const auto unknown = read_golden_file(write("unknown.golden", golden_text("sometimes")));
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("'never' or 'allowed'"), std::string::npos) << unknown.error().message;
}

}  // namespace
}  // namespace clinaudit::golden
