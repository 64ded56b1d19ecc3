#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "domain/display_names.hpp"
#include "http/app.hpp"
#include "render/html.hpp"

// The page frame and small HTML helpers shared by every page (GOV.UK-style layout:
// skip link, header with the organisation and sign-out, navigation by permission,
// one <main> with one <h1>). No script anywhere; styles from /static/style.css only.
// Pages are written with render::Html: markup is "..."_html or the format of html(...),
// and every piece of text is escaped as it is added.
namespace clinaudit::http::pages {

using render::Html;
using render::html;
using render::operator""_html;

// A full HTML document. `nav` names the current navigation item ("dashboard", "audits"...).
std::string page(const Context& context, std::string_view title, std::string_view nav, const Html& body);

// A hidden CSRF field for forms of a signed-in user.
Html csrf_field(const Context& context);

// The page shown for an Error (not found, forbidden...), in plain language.
std::string error_page(const Context& context, const Error& error);

// A GOV.UK-style error summary for a failed form submission (empty when no error).
Html error_summary(const std::optional<Error>& error);

// A notification banner after a successful change (empty when the message is).
Html success_banner(std::string_view message);

std::string percent(double share, int decimals = 0);
std::string yes_no_unknown(const std::optional<bool>& value);
std::string count_or_dash(const std::optional<std::int64_t>& value);
std::string number_or_dash(const std::optional<double>& value);

// An SVG from the renderers without its <style> element: the page's stylesheet carries the
// chart rules, so the Content-Security-Policy needs no inline styles.
Html chart_svg(std::string_view svg);

// Plain-language labels.
std::string variation_label(std::string_view icon);
std::string assurance_label(std::string_view icon);
std::string flag_label(std::string_view flag);

// The stylesheet served at /static/style.css.
std::string_view stylesheet();

}  // namespace clinaudit::http::pages
