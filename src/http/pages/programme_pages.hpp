#pragma once

#include <string>

#include "domain/annual_audit_report.hpp"
#include "domain/forward_programme.hpp"
#include "http/app.hpp"

// The forward programme's and the annual clinical audit report's pages (http/report_routes.cpp): progress against plan
// by division, the year's audits by tier with links to their pages, the years around it, and the exports for the board
// and the Quality Committee.
namespace clinaudit::http::pages {

std::string forward_programme_page(const Context& context, const domain::ForwardProgramme& programme);

// The annual clinical audit report of a year: the document itself, with the years around it
// and its downloads.
std::string annual_audit_report_page(const Context& context, const domain::AnnualAuditReport& report);

}  // namespace clinaudit::http::pages
