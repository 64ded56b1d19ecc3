#pragma once

#include <optional>
#include <string>

#include "core/error.hpp"
#include "domain/outlier_notices.hpp"
#include "http/app.hpp"

// The form on which a trust registers an outlier notice from an audit supplier outside
// clinaudit (docs/governance.md, "Notices from other suppliers").
namespace clinaudit::http::pages {

// The form, with the refusal at its field and what was typed (the request's fields) when
// `error` is set.
std::string outlier_notice_page(const Context& context, const domain::NoticeChoices& choices,
                                const std::optional<Error>& error);

}  // namespace clinaudit::http::pages
