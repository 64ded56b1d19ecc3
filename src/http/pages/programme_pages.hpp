#pragma once

#include <string>

#include "domain/forward_programme.hpp"
#include "http/app.hpp"

// The forward programme's page (http/report_routes.cpp): progress against plan by division,
// the year's audits by tier with links to their pages, the years around it, and the exports
// for the board and the Quality Committee.
namespace clinaudit::http::pages {

std::string forward_programme_page(const Context& context, const domain::ForwardProgramme& programme);

}  // namespace clinaudit::http::pages
