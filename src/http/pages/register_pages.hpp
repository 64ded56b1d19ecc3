#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/local_audit_views.hpp"
#include "http/app.hpp"

// The local audit register's pages (http/register_routes.cpp): the register, the proposal
// form, one audit's page with its history and the forms of its next steps, and the trust's
// divisions and specialties. Each is a function of the use case's data; a refused form is
// shown again with what was typed (the request's fields) and its problem at its field.
namespace clinaudit::http::pages {

std::string register_page(const Context& context, const domain::LocalAuditRegister& view);

// The proposal form: a new proposal (`editing` empty) or a change of `editing`'s.
std::string proposal_page(const Context& context, const domain::ProposalChoices& choices,
                          const std::optional<domain::LocalAuditRecord>& editing, const std::optional<Error>& error);

// One local audit; `refused_form` names the form whose refusal `error` is ("decision",
// "next", "abandon").
std::string local_audit_record_page(const Context& context, const domain::LocalAuditRecord& record,
                                    const std::optional<Error>& error, std::string_view refused_form,
                                    const std::string& message);

// The trust's divisions and specialties; `refused_form` is "add" or the unit's id.
std::string structure_page(const Context& context, const std::vector<domain::TrustUnit>& units,
                           const std::optional<Error>& error, std::string_view refused_form,
                           const std::string& message);

}  // namespace clinaudit::http::pages
