#pragma once

#include <fmt/core.h>

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

// HTML as a type: text becomes markup only by escaping, and a value of type Html is inserted
// as it is. Markup comes from four places only:
//   - a string literal with the suffix _html ("<p>"_html), checked at compile time;
//   - html("<td>{}</td>", value): a literal format whose arguments are escaped (text),
//     inserted as they are (Html) or written in decimal (integers);
//   - Html::escaped(text), and `html += text` for any string, which escapes;
//   - Html::trusted(markup), for the SVG of our own chart renderers only; each call says why.
// No text read at run time (a form field, a database value) can become markup otherwise.
namespace clinaudit::render {

class Markup;
consteval Markup operator""_html(const char* literal, std::size_t size);

// Markup written in the source: made only by the literal suffix _html, at compile time.
class Markup {
 public:
  constexpr std::string_view view() const { return text_; }

 private:
  constexpr explicit Markup(std::string_view text) : text_(text) {}
  friend consteval Markup operator""_html(const char* literal, std::size_t size);

  std::string_view text_;
};

// `"<p>"_html`: the literal as markup. Evaluated at compile time (consteval), so it cannot be
// called with text that exists only at run time.
consteval Markup operator""_html(const char* literal, std::size_t size) { return Markup({literal, size}); }

class Html;
class CheckedFormat;

namespace detail {

// Formats `format` with arguments already turned into text (escaped) or markup.
Html format_html(CheckedFormat format, fmt::format_args args);

template <typename T>
concept Integer = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                  !std::same_as<T, signed char> && !std::same_as<T, unsigned char> && !std::same_as<T, char8_t> &&
                  !std::same_as<T, char16_t> && !std::same_as<T, char32_t> && !std::same_as<T, wchar_t>;

}  // namespace detail

// Text that `html += text` escapes: anything that reads as a string, except a string literal
// (a literal of markup is written "..."_html; one of text needs no escaping to be written).
template <typename T>
concept Text = std::convertible_to<const T&, std::string_view> && !std::is_array_v<T>;

// A piece of HTML: markup, with every piece of text in it escaped. A value type; appending is
// amortised constant time per character. Not thread-safe for concurrent writes.
class Html {
 public:
  Html() = default;
  // A literal of markup is Html.
  Html(Markup markup) : text_(markup.view()) {}  // NOLINT(google-explicit-constructor)

  // `text` with & < > " ' escaped: safe in element content and in quoted attribute values.
  static Html escaped(std::string_view text);

  // Markup made at run time by our own renderers (render/'s SVG charts), taken as it is.
  // Nothing a person typed may reach it unescaped; each call says where its markup comes from.
  static Html trusted(std::string markup) { return Html(std::move(markup)); }

  Html& operator+=(const Html& more) {
    text_ += more.text_;
    return *this;
  }
  Html& operator+=(Markup markup) {
    text_ += markup.view();
    return *this;
  }
  // Text is escaped.
  template <Text T>
  Html& operator+=(const T& text) {
    append_escaped(std::string_view(text));
    return *this;
  }

  // The same markup without its <style> elements (the page's stylesheet carries the rules
  // of the charts, and the Content-Security-Policy allows no inline style).
  Html without_style_elements() const;

  const std::string& str() const& { return text_; }
  std::string str() && { return std::move(text_); }
  bool empty() const { return text_.empty(); }
  std::size_t size() const { return text_.size(); }
  void reserve(std::size_t size) { text_.reserve(size); }

  friend bool operator==(const Html&, const Html&) = default;

 private:
  explicit Html(std::string markup) : text_(std::move(markup)) {}
  void append_escaped(std::string_view text);
  friend Html detail::format_html(CheckedFormat format, fmt::format_args args);

  std::string text_;
};

// A format string that was a literal in the source; made only by HtmlFormat.
class CheckedFormat {
 public:
  constexpr std::string_view view() const { return text_; }

 private:
  constexpr explicit CheckedFormat(std::string_view text) : text_(text) {}
  template <typename... Args>
  friend class HtmlFormat;

  std::string_view text_;
};

// What html() takes as an argument: text (escaped), Html and Markup (as they are), an integer
// (in decimal). Not a double, a bool or a char: write a number with core/number_format
// first, which gives text.
template <typename T>
concept HtmlArgument = std::same_as<T, Html> || std::same_as<T, Markup> ||
    std::convertible_to<const T&, std::string_view> || detail::Integer<T>;

namespace detail {

// What html() hands fmt for one argument.
template <HtmlArgument T>
auto format_argument(const T& value) {
  if constexpr (std::same_as<T, Html>) {
    return std::string_view(value.str());
  } else if constexpr (std::same_as<T, Markup>) {
    return value.view();
  } else if constexpr (std::convertible_to<const T&, std::string_view>) {
    return Html::escaped(std::string_view(value)).str();
  } else {
    return value;
  }
}

template <typename T>
using FormatArgument = decltype(format_argument(std::declval<const T&>()));

}  // namespace detail

// The format of html(): a string literal whose {} placeholders fmt checks at compile time
// against the arguments. A std::string, a pointer or fmt::runtime() cannot be one.
template <typename... Args>
class HtmlFormat {
 public:
  template <std::size_t N>
  consteval HtmlFormat(const char (&literal)[N])  // NOLINT(google-explicit-constructor)
      : text_(literal, N - 1) {
    // fmt's own compile-time check of the placeholders against the argument types.
    static_cast<void>(fmt::format_string<Args...>(std::string_view(literal, N - 1)));
  }

  constexpr CheckedFormat checked() const { return CheckedFormat(text_); }

 private:
  std::string_view text_;
};

// The literal `format` with each {} replaced by its argument: text escaped, Html as it is,
// integers in decimal. fmt's format specifications apply ({:>4} pads a number).
template <HtmlArgument... Args>
Html html(HtmlFormat<detail::FormatArgument<Args>...> format, const Args&... args) {
  const std::tuple<detail::FormatArgument<Args>...> arguments{detail::format_argument(args)...};
  return std::apply(
      [&format](const auto&... argument) {
        return detail::format_html(format.checked(), fmt::make_format_args(argument...));
      },
      arguments);
}

}  // namespace clinaudit::render
