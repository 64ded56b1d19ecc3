#pragma once

#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// Evidence on file (after the actions and the outlier cases exist): the re-audit summary on
// the home trust's first completed action, and the national body's letter on the first
// outlier case, each a small PDF labelled as synthetic, attached on `as_of` through the same
// use cases as an upload. `sha256_hex` hashes the bytes (the product's hash).
Result<void> add_demo_documents(domain::Store& store, Date as_of, std::string (*sha256_hex)(std::string_view));

}  // namespace clinaudit::demo
