#include "render/html.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace clinaudit::render {
namespace {

// Markup cannot be made from text that exists at run time: only "..."_html makes Markup,
// only Markup, escaping, html() and Html::trusted make Html, and html()'s format is a literal.
static_assert(!std::is_constructible_v<Markup, std::string>);
static_assert(!std::is_constructible_v<Markup, std::string_view>);
static_assert(!std::is_constructible_v<Markup, const char*>);
static_assert(!std::is_constructible_v<Markup, const char (&)[4]>);
static_assert(!std::is_constructible_v<Html, std::string>);
static_assert(!std::is_constructible_v<Html, std::string_view>);
static_assert(!std::is_constructible_v<Html, const char*>);
static_assert(!std::is_convertible_v<const char (&)[4], Html>);
static_assert(std::is_convertible_v<Markup, Html>);
static_assert(!std::is_convertible_v<Html, std::string>);
static_assert(!std::is_constructible_v<HtmlFormat<>, std::string>);
static_assert(!std::is_constructible_v<HtmlFormat<>, std::string_view>);
static_assert(!std::is_constructible_v<HtmlFormat<>, const char*>);
static_assert(!std::is_constructible_v<HtmlFormat<>, decltype(fmt::runtime(std::string_view()))>);
static_assert(std::is_constructible_v<HtmlFormat<>, const char (&)[4]>);
// html() takes no format held in a variable, and no argument it could not escape or write.
template <typename Format, typename... Args>
concept Formats = requires(const Format& format, const Args&... args) {
  html(format, args...);
};
static_assert(!Formats<std::string>);
static_assert(!Formats<std::string_view>);
static_assert(!Formats<const char*>);
static_assert(!Formats<HtmlFormat<std::int64_t>, double>);
static_assert(!Formats<HtmlFormat<bool>, bool>);
static_assert(!Formats<HtmlFormat<char>, char>);
static_assert(Formats<HtmlFormat<std::int64_t>, std::int64_t>);
// A string literal of text is not markup unless it says so; a string appended is escaped.
template <typename T>
concept Appends = requires(Html out, const T& value) {
  out += value;
};
static_assert(!Appends<char[4]>);
static_assert(Appends<Markup>);
static_assert(Appends<std::string>);
static_assert(!Appends<char>);
static_assert(!Appends<int>);

// Text a person could type, with every character that means something in HTML.
constexpr std::string_view kHostile = R"(<script>alert("x" & 'y')</script>)";
constexpr std::string_view kHostileEscaped = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;";

TEST(Html, EscapesTextAndKeepsMarkup) {
  Html out = "<p class=\"lead\">"_html;
  out += std::string(kHostile);
  out += "</p>"_html;
  EXPECT_EQ(out.str(), "<p class=\"lead\">" + std::string(kHostileEscaped) + "</p>");
}

TEST(Html, EscapesEveryKindOfString) {
  const std::string owned(kHostile);
  const char* pointer = owned.c_str();
  Html out;
  out += owned;
  out += kHostile;
  out += pointer;
  EXPECT_EQ(out.str(), std::string(kHostileEscaped) + std::string(kHostileEscaped) + std::string(kHostileEscaped));
  EXPECT_EQ(Html::escaped(kHostile).str(), kHostileEscaped);
}

TEST(Html, InsertsHtmlAsItIs) {
  const Html cell = html("<td>{}</td>", kHostile);
  Html row = "<tr>"_html;
  row += cell;
  row += "</tr>"_html;
  EXPECT_EQ(row.str(), "<tr><td>" + std::string(kHostileEscaped) + "</td></tr>");
}

TEST(Html, TrustedMarkupIsTakenAsItIs) {
  // As a chart renderer's SVG is.
  const std::string svg = "<svg><title>A &amp; B</title></svg>";
  EXPECT_EQ(Html::trusted(svg).str(), svg);
}

TEST(HtmlFormat, EscapesTextArgumentsInContentAndAttributes) {
  const std::string name = "O'Brien & \"Sons\" <Ltd>";
  EXPECT_EQ(html("<a title=\"{}\">{}</a>", name, name).str(),
            "<a title=\"O&#39;Brien &amp; &quot;Sons&quot; &lt;Ltd&gt;\">O&#39;Brien &amp; &quot;Sons&quot; "
            "&lt;Ltd&gt;</a>");
  EXPECT_EQ(html("<p>{}</p>", "a < b").str(), "<p>a &lt; b</p>");
}

TEST(HtmlFormat, InsertsHtmlArgumentsAndWritesIntegers) {
  const Html link = html("<a href=\"/audits/{}\">{}</a>", std::int64_t{42}, "Hip & knee");
  EXPECT_EQ(link.str(), "<a href=\"/audits/42\">Hip &amp; knee</a>");
  EXPECT_EQ(html("<li>{}: {} of {}</li>", link, std::size_t{3}, -4).str(),
            "<li><a href=\"/audits/42\">Hip &amp; knee</a>: 3 of -4</li>");
  EXPECT_EQ(html("<td>{}</td>", "<b>bold</b>"_html).str(), "<td><b>bold</b></td>");
  EXPECT_EQ(html("<p>No placeholder</p>").str(), "<p>No placeholder</p>");
}

TEST(Html, RemovesStyleElements) {
  const Html chart = Html::trusted("<svg><style>.a{x:1}</style><g/><style>.b{}</style></svg>");
  EXPECT_EQ(chart.without_style_elements().str(), "<svg><g/></svg>");
  EXPECT_EQ(Html::trusted("<p><style>unclosed</p>").without_style_elements().str(), "<p><style>unclosed</p>");
}

}  // namespace
}  // namespace clinaudit::render
