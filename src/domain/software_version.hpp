#pragma once

#include <string_view>

namespace clinaudit::domain {

// This software's version, recorded with each stored analysis as what computed it, so that an
// upgrade computes them again (CLINAUDIT_VERSION is the project's version, set by the build).
inline constexpr std::string_view kSoftwareVersion = CLINAUDIT_VERSION;

}  // namespace clinaudit::domain
