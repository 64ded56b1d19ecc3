#pragma once

#include <string>

#include "domain/nice_register.hpp"

// The NICE guidance register's JSON answers (docs/api.md, "NICE guidance").
namespace clinaudit::http {

std::string to_json(const domain::NiceRegister& data);
std::string to_json(const domain::GuidanceDetails& details);

}  // namespace clinaudit::http
