#pragma once

#include <string>
#include <string_view>

namespace clinaudit::http {

// Where to send the browser after signing in: `next` when it is a path on this site, "/"
// otherwise. A path starts with one '/' and holds only visible ASCII with no backslash,
// and still does after percent-decoding: browsers drop tabs and newlines from addresses
// and read '\' as '/', so "/\t/evil.example" or "/%5Cevil.example" would name another host.
std::string local_redirect_target(std::string_view next);

}  // namespace clinaudit::http
