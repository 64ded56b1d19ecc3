#include "http/client_address.hpp"

#include <algorithm>
#include <string_view>

namespace clinaudit::http {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::string client_address(const Request& request, const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](std::string_view address) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) != trusted_proxies.end();
  };
  if (!trusted(request.remote_addr)) return request.remote_addr;
  const std::string forwarded = request.header("x-forwarded-for");
  std::string_view rest(forwarded);
  std::string_view leftmost;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry = trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (entry.empty()) continue;
    if (!trusted(entry)) return std::string(entry);
    leftmost = entry;
  }
  return leftmost.empty() ? request.remote_addr : std::string(leftmost);
}

}  // namespace clinaudit::http
