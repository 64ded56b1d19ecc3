#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "domain/action_list.hpp"
#include "domain/nice_register.hpp"
#include "http/app.hpp"
#include "http/pages/baseline_forms.hpp"

// The NICE guidance register's pages (docs/guide-audit-manager.md, "The NICE guidance
// register"): the register with its figures, filter and add form, and one piece of guidance
// with its recommendations, baseline, actions, linked audits and review.
namespace clinaudit::http::pages {

// A register form sent and refused (`add`, `edit`, `recommendation`, `assess`, `action`,
// `link`, `review`), its item the recommendation's id.
using NiceDraft = BaselineDraft;

std::string nice_register_page(const Context& context, const domain::NiceRegister& data,
                               const std::optional<Error>& error, const std::string& message,
                               const std::optional<NiceDraft>& draft);

// `actions` are the recommendations' actions as rows (owner's name, overdue), by action id.
std::string nice_guidance_page(const Context& context, const domain::GuidanceDetails& details,
                               const std::map<std::int64_t, domain::ActionRow>& actions,
                               const std::optional<Error>& error, const std::string& message,
                               const std::optional<NiceDraft>& draft);

}  // namespace clinaudit::http::pages
