#pragma once

#include <string>

#include "core/date.hpp"
#include "domain/quality_account.hpp"
#include "render/html.hpp"

namespace clinaudit::report {

// The Quality Account clinical audit section as Markdown, ready to paste into the
// provider's document: the statements of the NHS (Quality Accounts) Regulations 2010,
// Schedule, Part 2, the three lists, the reviews and intended actions, and — when the
// records have gaps — a list of what to fix before publishing. `today` gives the days
// remaining to the 30 June deadline. Deterministic.
std::string quality_account_markdown(const domain::QualityAccountStatement& statement, Date today);

// The same content as an HTML fragment (a <section>), for the page and the board pack.
render::Html quality_account_html(const domain::QualityAccountStatement& statement, Date today);

}  // namespace clinaudit::report
