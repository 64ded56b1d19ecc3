#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clinaudit::http {

struct UploadedFile {
  std::string filename;
  std::string content_type;
  std::string content;
};

// A request as the application sees it, independent of the HTTP library: the server
// adapter fills it from the socket, tests build it directly.
struct Request {
  std::string method = "GET";  // GET, POST, PUT, DELETE
  std::string path = "/";
  std::multimap<std::string, std::string> query;
  // Form fields (urlencoded or multipart) or, for a JSON body, its top-level scalar members
  // written as text ("true", "12", "text").
  std::map<std::string, std::string> fields;
  std::map<std::string, UploadedFile> files;
  std::string body;  // the raw body when it is neither a form nor multipart (CSV uploads, JSON)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string remote_addr;
  std::vector<std::string> matches;  // the route's captured groups, set by the router

  std::string header(std::string_view name) const;
  // A query parameter, or "" when absent.
  std::string query_value(std::string_view name) const;
  std::optional<std::string> field(std::string_view name) const;
  // The value of one cookie, or "".
  std::string cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  std::string header(std::string_view name) const;
};

// application/x-www-form-urlencoded text into fields (later duplicates win).
std::map<std::string, std::string> parse_urlencoded(std::string_view text);
// Percent-decoding with '+' as space.
std::string url_decode(std::string_view text);
std::string url_encode(std::string_view text);

// Where the request carries text that is not well-formed UTF-8, described for a person
// ("the field 'title'", "the address"), or nothing when all of it is well-formed.
// Checks the path, query parameters, form and JSON fields (names and values) and the names
// of uploaded files; the contents of uploads and raw bodies are left to their readers.
std::optional<std::string> malformed_text_in(const Request& request);

}  // namespace clinaudit::http
