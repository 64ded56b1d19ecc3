#include "http/request.hpp"

#include <cctype>

#include "ingest/utf8.hpp"

namespace clinaudit::http {

std::string Request::header(std::string_view name) const {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto found = headers.find(lower);
  return found == headers.end() ? std::string() : found->second;
}

std::string Request::query_value(std::string_view name) const {
  const auto found = query.find(std::string(name));
  return found == query.end() ? std::string() : found->second;
}

std::optional<std::string> Request::field(std::string_view name) const {
  const auto found = fields.find(std::string(name));
  if (found == fields.end()) return std::nullopt;
  return found->second;
}

std::string Request::cookie(std::string_view name) const {
  const std::string all = header("cookie");
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find(';', pos);
    if (end == std::string::npos) end = all.size();
    std::string_view part(all.data() + pos, end - pos);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const std::size_t eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
    pos = end + 1;
  }
  return {};
}

std::string Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::string url_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xf]);
    }
  }
  return out;
}

std::map<std::string, std::string> parse_urlencoded(std::string_view text) {
  std::map<std::string, std::string> fields;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('&', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(pos, end - pos);
    if (!pair.empty()) {
      const std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos) {
        fields[url_decode(pair)] = "";
      } else {
        fields[url_decode(pair.substr(0, eq))] = url_decode(pair.substr(eq + 1));
      }
    }
    pos = end + 1;
  }
  return fields;
}

std::optional<std::string> malformed_text_in(const Request& request) {
  using ingest::is_valid_utf8;
  if (!is_valid_utf8(request.path)) return "the address";
  // A name that is not UTF-8 cannot be quoted back; its place is named instead.
  const auto check = [](const auto& pairs, const char* what) -> std::optional<std::string> {
    for (const auto& [name, value] : pairs) {
      if (!is_valid_utf8(name)) return std::string("the name of a ") + what;
      if (!is_valid_utf8(value)) return std::string("the ") + what + " '" + name + "'";
    }
    return std::nullopt;
  };
  if (auto found = check(request.query, "query parameter")) return found;
  if (auto found = check(request.fields, "field")) return found;
  for (const auto& [name, file] : request.files) {
    if (!is_valid_utf8(name)) return "the name of an uploaded file's field";
    if (!is_valid_utf8(file.filename)) return "the name of the uploaded file '" + name + "'";
  }
  return std::nullopt;
}

}  // namespace clinaudit::http
