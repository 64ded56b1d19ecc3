// Registers one GoogleTest case per golden file under tests/golden/<layer>/ and checks
// every case in it against its handler. With CLINAUDIT_REBASELINE=1 the expected lines
// are rewritten from the computed values instead (review the diff like code), except in a
// file whose values come from a publication (rebaseline: never), which is checked as usual.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "golden_runner/golden_file.hpp"
#include "golden_runner/golden_registry.hpp"

namespace clinaudit::golden {
namespace {

bool rebaselining() {
  const char* flag = std::getenv("CLINAUDIT_REBASELINE");
  return flag != nullptr && std::string(flag) == "1";
}

class GoldenTest : public testing::Test {
 public:
  explicit GoldenTest(std::string path) : path_(std::move(path)) {}

  void TestBody() override {
    auto file = read_golden_file(path_);
    ASSERT_TRUE(file) << file.error().message;
    const auto handler = handlers().find(file->function);
    ASSERT_NE(handler, handlers().end()) << path_ << ": no handler named '" << file->function << "'";
    // Rebaselining rewrites a file's expected values from the computed ones, unless they
    // come from a publication: such a file is checked as usual and never rewritten.
    const bool rewrite = rebaselining() && !file->publication;
    std::vector<Values> computed;
    for (const auto& golden_case : file->cases) {
      const auto actual = handler->second(golden_case.inputs);
      ASSERT_TRUE(actual) << path_ << ":" << golden_case.input_line << ": " << actual.error().message;
      Values rebased;
      for (const auto& [key, expected] : golden_case.expected) {
        const std::string& wanted = key;
        const auto found =
            std::find_if(actual->begin(), actual->end(), [&](const auto& kv) { return kv.first == wanted; });
        if (found == actual->end()) {
          ADD_FAILURE() << path_ << ":" << golden_case.expected_line << ": the handler gave no '" << key << "'";
          continue;
        }
        rebased.emplace_back(key, found->second);
        if (rewrite) continue;
        const auto difference = compare_value(*file, key, expected, found->second);
        EXPECT_TRUE(difference.empty()) << path_ << ":" << golden_case.expected_line << ": " << difference
                                        << "\n  inputs: " << format_values(golden_case.inputs)
                                        << "\n  source: " << file->source
                                        << (rebaselining() && file->publication
                                                ? "\n  not rebaselined: the values come from a publication"
                                                : "");
      }
      computed.push_back(std::move(rebased));
    }
    if (rewrite) {
      const auto written = rebaseline_golden_file(*file, computed);
      EXPECT_TRUE(written) << written.error().message;
    }
  }

 private:
  std::string path_;
};

std::string test_name(const std::filesystem::path& path) {
  std::string name = path.parent_path().filename().string() + "_" + path.stem().string();
  for (auto& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

void register_golden_files() {
  const std::filesystem::path root = std::filesystem::path(CLINAUDIT_SOURCE_DIR) / "tests" / "golden";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".golden") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string file = path.string();
    testing::RegisterTest("Golden", test_name(path).c_str(), nullptr, nullptr, file.c_str(), 1,
                          [file]() -> testing::Test* { return new GoldenTest(file); });
  }
}

}  // namespace
}  // namespace clinaudit::golden

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  clinaudit::golden::register_golden_files();
  return RUN_ALL_TESTS();
}
