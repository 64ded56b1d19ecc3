#pragma once

#include <optional>
#include <string>
#include <string_view>

// Base64 (RFC 4648, section 4: the standard alphabet, '=' padding, no line breaks), the form
// in which the store keeps a document's bytes in a text column both databases hold alike.
namespace clinaudit::storage {

std::string base64_encode(std::string_view bytes);
// The bytes of `text`, or nothing when it is not well-formed base64 (as written above).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace clinaudit::storage
