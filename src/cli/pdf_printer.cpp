#include "cli/pdf_printer.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

extern char** environ;

namespace clinaudit::cli {

Result<void> print_html_to_pdf(const std::string& html, const std::string& pdf_path) {
  const std::string browser = "/usr/bin/chromium";
  if (access(browser.c_str(), X_OK) != 0) {
    return Error{ErrorCode::not_found,
                 "PDF output needs Debian's chromium (apt-get install chromium); use --format html"};
  }
  std::error_code ec;
  const auto dir = std::filesystem::temp_directory_path(ec) / ("clinaudit-pdf-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir / "profile", ec);
  if (ec) return Error{ErrorCode::storage_unavailable, "cannot create a temporary folder: " + ec.message()};
  const auto page = dir / "pack.html";
  {
    std::ofstream out(page, std::ios::binary);
    out << html;
    if (!out) return Error{ErrorCode::storage_unavailable, "cannot write " + page.string()};
  }
  const auto target = std::filesystem::absolute(pdf_path, ec);
  std::vector<std::string> args = {browser,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--no-first-run",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + (dir / "profile").string(),
                                   "--print-to-pdf=" + target.string(),
                                   "file://" + page.string()};
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, browser.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (spawned == 0) waitpid(pid, &status, 0);
  std::filesystem::remove_all(dir, ec);
  if (spawned != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(target)) {
    return Error{ErrorCode::storage_unavailable, "chromium could not print the PDF"};
  }
  return {};
}

}  // namespace clinaudit::cli
