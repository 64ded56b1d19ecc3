#pragma once

#include <string>
#include <vector>

#include "http/request.hpp"

namespace clinaudit::http {

// The address of the client that sent `request`, for the sign-in limits and the audit log.
// The socket's address, unless the socket belongs to one of `trusted_proxies`: then the
// right-most address of X-Forwarded-For that is not itself a trusted proxy (each proxy
// appends the address it saw, so entries left of that one are the client's own claims).
// When every entry is a trusted proxy, the left-most; without the header, the socket's.
// Addresses are compared as written (no ranges). Pure.
std::string client_address(const Request& request, const std::vector<std::string>& trusted_proxies);

}  // namespace clinaudit::http
