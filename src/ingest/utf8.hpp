#pragma once

#include <cstddef>
#include <string_view>

namespace clinaudit::ingest {

// The length in bytes (1 to 4) of the well-formed UTF-8 sequence at the start of `text`
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or 0 when it
// does not start with one (including when `text` is empty). Pure.
std::size_t utf8_sequence_length(std::string_view text);

// Whether the whole of `text` is well-formed UTF-8. ASCII text takes a fast path, so
// checking every field of a large file costs little. Pure.
bool is_valid_utf8(std::string_view text);

}  // namespace clinaudit::ingest
