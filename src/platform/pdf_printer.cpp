#include "platform/pdf_printer.hpp"

#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <vector>

#include "platform/private_temp_dir.hpp"

extern char** environ;

namespace clinaudit::platform {
namespace {

// Chromium's sandbox puts the renderer in a new user namespace. Whether this machine lets an
// unprivileged process make one (a kernel setting, AppArmor or a container's seccomp rules
// may forbid it) is asked of the kernel itself, in a child process that then exits.
bool user_namespaces_work() {
  const pid_t child = fork();
  if (child < 0) return false;
  if (child == 0) _exit(unshare(CLONE_NEWUSER) == 0 ? 0 : 1);
  int status = 0;
  if (waitpid(child, &status, 0) != child) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

// Why Chromium must run without its sandbox here, or nothing when the sandbox can run.
std::optional<std::string> reason_for_no_sandbox() {
  // Chromium refuses to start as root unless told --no-sandbox.
  if (geteuid() == 0) return "running as root";
  if (!user_namespaces_work()) return "this machine does not allow unprivileged user namespaces";
  return std::nullopt;
}

}  // namespace

Result<void> print_html_to_pdf(const std::string& html, const std::string& pdf_path) {
  const std::string browser = "/usr/bin/chromium";
  if (access(browser.c_str(), X_OK) != 0) {
    return Error{ErrorCode::not_found,
                 "PDF output needs Debian's chromium (apt-get install chromium); use --format html"};
  }
  // Chromium reads the page over file:// and keeps its profile here: a folder no other user
  // can enter or have prepared, removed when printing is done.
  CLINAUDIT_TRY(auto dir, PrivateTempDir::create("clinaudit-pdf"));
  CLINAUDIT_TRY(auto page, dir.write_new_file("pack.html", html));
  std::error_code ec;
  const auto target = std::filesystem::absolute(pdf_path, ec);
  if (ec) return Error{ErrorCode::invalid_input, "cannot write the PDF to '" + pdf_path + "': " + ec.message()};
  std::vector<std::string> args = {browser,
                                   "--headless",
                                   "--disable-gpu",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--no-first-run",
                                   "--no-pdf-header-footer",
                                   "--user-data-dir=" + (dir.path() / "profile").string(),
                                   "--print-to-pdf=" + target.string(),
                                   "file://" + page.string()};
  if (const auto reason = reason_for_no_sandbox()) {
    args.insert(args.begin() + 1, "--no-sandbox");
    std::cerr << "printing the PDF with Chromium's sandbox off: " << *reason << " (docs/security.md)\n";
  }
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
  if (spawned != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !std::filesystem::exists(target)) {
    return Error{ErrorCode::storage_unavailable, "chromium could not print the PDF"};
  }
  return {};
}

Result<std::string> html_to_pdf(const std::string& html) {
  CLINAUDIT_TRY(auto dir, PrivateTempDir::create("clinaudit-pdf-out"));
  const auto path = dir.path() / "document.pdf";
  CLINAUDIT_TRY_VOID(print_html_to_pdf(html, path.string()));
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) return Error{ErrorCode::storage_unavailable, "reading the printed PDF failed"};
  return bytes;
}

}  // namespace clinaudit::platform
