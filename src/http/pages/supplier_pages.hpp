#pragma once

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/audit_suppliers.hpp"
#include "http/app.hpp"

// The national body's audit suppliers: who runs each national audit and whom each national
// analyst works for (docs/governance.md, "Audit suppliers").
namespace clinaudit::http::pages {

// The list and its three forms (add a supplier; name an audit's supplier; name an analyst's),
// with the refusal and what was typed when `error` is set, and `done` as a success banner.
std::string suppliers_page(const Context& context, const domain::SupplierOverview& overview,
                           const std::optional<Error>& error, std::string_view done);

}  // namespace clinaudit::http::pages
