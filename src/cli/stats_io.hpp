#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ingest/table.hpp"

namespace clinaudit::cli {

// Reads a CSV file ("-" for standard input) into a table.
// Errors: not_found when the file cannot be opened; invalid_input for bad CSV,
// with the file name in front of the message.
Result<ingest::Table> read_table_file(const std::string& path);

// The whole of a text file ("-" for standard input). Errors: not_found when it cannot be opened.
Result<std::string> read_text_file(const std::string& path);

// Writes `content` to `path`, or to standard output when `path` is empty or "-".
// Errors: storage_unavailable when the file cannot be written.
Result<void> write_output(const std::string& path, std::string_view content);

}  // namespace clinaudit::cli
