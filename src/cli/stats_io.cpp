#include "cli/stats_io.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace clinaudit::cli {

Result<ingest::Table> read_table_file(const std::string& path) {
  if (path == "-") return ingest::Table::read(std::cin);
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error{ErrorCode::not_found, "cannot open '" + path + "'"};
  auto table = ingest::Table::read(file);
  if (!table) return Error{table.error().code, path + ": " + table.error().message};
  return table;
}

Result<std::string> read_text_file(const std::string& path) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error{ErrorCode::not_found, "cannot open '" + path + "'"};
  text << file.rdbuf();
  return text.str();
}

Result<void> write_output(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    return {};
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Error{ErrorCode::storage_unavailable, "cannot write '" + path + "'"};
  file << content;
  if (!file) return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  return {};
}

}  // namespace clinaudit::cli
