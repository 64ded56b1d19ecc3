#include "golden_runner/golden_file.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace clinaudit::golden {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

bool to_number(const std::string& text, double& out) {
  if (text == "NaN") {
    out = std::nan("");
    return true;
  }
  if (text == "Inf") {
    out = INFINITY;
    return true;
  }
  if (text == "-Inf") {
    out = -INFINITY;
    return true;
  }
  if (text.empty()) return false;
  char* end = nullptr;
  out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

}  // namespace

Result<Values> parse_values(const std::string& line) {
  Values values;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    const auto eq = line.find('=', i);
    if (eq == std::string::npos) return Error{ErrorCode::invalid_input, "token without '=' in: " + line};
    std::string key = line.substr(i, eq - i);
    i = eq + 1;
    std::string value;
    if (i < line.size() && line[i] == '"') {
      const auto close = line.find('"', i + 1);
      if (close == std::string::npos) return Error{ErrorCode::invalid_input, "unclosed quote in: " + line};
      value = line.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      const auto end = line.find_first_of(" \t", i);
      value = line.substr(i, end == std::string::npos ? std::string::npos : end - i);
      i = end == std::string::npos ? line.size() : end;
    }
    values.emplace_back(std::move(key), std::move(value));
  }
  return values;
}

std::string format_values(const Values& values) {
  std::string line;
  for (const auto& [key, value] : values) {
    if (!line.empty()) line += ' ';
    line += key + '=';
    line += value.find_first_of(" \t") == std::string::npos && !value.empty() ? value : '"' + value + '"';
  }
  return line;
}

Result<GoldenFile> read_golden_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::not_found, "cannot open " + path};
  GoldenFile file;
  file.path = path;
  for (std::string line; std::getline(in, line);) file.lines.push_back(line);
  bool in_body = false;
  bool have_tolerance = false;
  bool have_rebaseline = false;
  GoldenCase pending;
  bool have_input = false;
  for (std::size_t n = 0; n < file.lines.size(); ++n) {
    const std::string line = trim(file.lines[n]);
    if (line.empty() || line[0] == '#') continue;
    if (!in_body) {
      if (line == "----") {
        in_body = true;
        continue;
      }
      const auto colon = line.find(':');
      if (colon == std::string::npos) return Error{ErrorCode::invalid_input, path + ": bad header line: " + line};
      const std::string key = trim(line.substr(0, colon));
      const std::string value = trim(line.substr(colon + 1));
      if (key == "source")
        file.source = value;
      else if (key == "rebaseline") {
        if (value != "never" && value != "allowed") {
          return Error{ErrorCode::invalid_input,
                       path + ": rebaseline must be 'never' or 'allowed', not '" + value + "'"};
        }
        file.publication = value == "never";
        have_rebaseline = true;
      } else if (key == "function")
        file.function = value;
      else if (key == "tolerance") {
        std::istringstream words(value);
        std::string first;
        words >> first;
        if (first == "relative") {
          file.relative = true;
          words >> file.tolerance;
        } else
          file.tolerance = std::stod(first);
        have_tolerance = true;
      } else
        return Error{ErrorCode::invalid_input, path + ": unknown header '" + key + "'"};
      continue;
    }
    auto values = parse_values(line);
    if (!values)
      return Error{ErrorCode::invalid_input, path + ":" + std::to_string(n + 1) + ": " + values.error().message};
    if (!have_input) {
      pending.inputs = std::move(*values);
      pending.input_line = n + 1;
      have_input = true;
    } else {
      pending.expected = std::move(*values);
      pending.expected_line = n + 1;
      file.cases.push_back(std::move(pending));
      pending = GoldenCase{};
      have_input = false;
    }
  }
  if (file.source.empty() || file.function.empty() || !have_tolerance || !have_rebaseline) {
    return Error{ErrorCode::invalid_input, path + ": needs source, rebaseline, function and tolerance headers"};
  }
  if (have_input) return Error{ErrorCode::invalid_input, path + ": the last case has no expected line"};
  if (file.cases.empty()) return Error{ErrorCode::invalid_input, path + ": no cases"};
  return file;
}

Result<void> rebaseline_golden_file(const GoldenFile& file, const std::vector<Values>& computed) {
  if (file.publication) {
    return Error{ErrorCode::conflict, file.path + ": not rewritten: its values come from a publication (" +
                                          file.source + "; rebaseline: never); the code must agree with them"};
  }
  if (computed.size() != file.cases.size()) {
    return Error{ErrorCode::invalid_input, file.path + ": " + std::to_string(computed.size()) +
                                               " computed case(s) for " + std::to_string(file.cases.size())};
  }
  auto lines = file.lines;
  for (std::size_t i = 0; i < computed.size(); ++i) lines[file.cases[i].expected_line - 1] = format_values(computed[i]);
  std::ofstream out(file.path, std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
  out.close();
  if (!out) return Error{ErrorCode::storage_unavailable, file.path + ": cannot be written"};
  return {};
}

std::string compare_value(const GoldenFile& file, const std::string& key, const std::string& expected,
                          const std::string& actual) {
  double e = 0;
  double a = 0;
  if (to_number(expected, e) && to_number(actual, a)) {
    if (std::isnan(e) || std::isnan(a)) {
      return std::isnan(e) && std::isnan(a) ? "" : key + ": expected " + expected + ", got " + actual;
    }
    if (std::isinf(e) || std::isinf(a)) return e == a ? "" : key + ": expected " + expected + ", got " + actual;
    const double allowed = file.relative ? file.tolerance * std::max(std::fabs(e), 1e-300) : file.tolerance;
    if (std::fabs(e - a) <= allowed) return "";
    std::ostringstream msg;
    msg.precision(17);
    msg << key << ": expected " << expected << ", got " << a << " (difference " << std::fabs(e - a) << ", allowed "
        << allowed << ")";
    return msg.str();
  }
  return expected == actual ? "" : key + ": expected '" + expected + "', got '" + actual + "'";
}

}  // namespace clinaudit::golden
