#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::render {

// Escapes text for use in XML/HTML content and attribute values (& < > " ').
std::string xml_escape(std::string_view text);

// Splits `text` at spaces into lines of at most `max_chars` characters (a longer word stands
// on its own line). Empty text gives no line.
std::vector<std::string> wrap_words(std::string_view text, std::size_t max_chars);

// The shapes of points, so that kinds of point differ by more than colour.
enum class MarkerShape { circle, square, diamond, triangle_up, triangle_down };

// Builds an SVG document as a string, with coordinates written by format_number
// so that the same chart always gives the same bytes. Not thread-safe.
class SvgWriter {
 public:
  // `title` becomes the accessible name (<title> and aria-label).
  SvgWriter(double width, double height, std::string_view title);

  // Appends raw markup produced by this writer's helpers or by trusted code.
  void raw(std::string_view markup) { body_ += markup; }
  void line(double x1, double y1, double x2, double y2, std::string_view css_class);
  void polyline(std::string_view points, std::string_view css_class);
  // A circle with an optional hover label (<title>). Points are not tab stops: the chart
  // as a whole is one, and its values are in a table beside it.
  void circle(double cx, double cy, double r, std::string_view css_class, std::string_view label = {});
  // A point drawn as `shape` centred on (cx, cy), `r` its half-size, with an optional hover
  // label. A circle is a <circle>; the other shapes a <path> placed by
  // transform="translate(cx,cy)", so a reader finds the centre either way.
  void marker(MarkerShape shape, double cx, double cy, double r, std::string_view css_class,
              std::string_view label = {});
  void rect(double x, double y, double width, double height, std::string_view css_class);
  // `anchor` is start, middle or end.
  void text(double x, double y, std::string_view content, std::string_view css_class,
            std::string_view anchor = "start");
  // Text broken into lines of at most `max_chars` characters at spaces (a longer word
  // stands on its own line), each `line_height` below the last. Returns the number of lines.
  std::size_t wrapped_text(double x, double y, std::string_view content, std::string_view css_class,
                           std::string_view anchor, std::size_t max_chars, double line_height);
  void open_group(std::string_view css_class);
  void close_group() { body_ += "</g>"; }

  // The finished document: role="img" with the title as its accessible name, and one tab
  // stop (tabindex="0") for the whole chart.
  std::string finish() const;

 private:
  double width_;
  double height_;
  std::string title_;
  std::string body_;
};

}  // namespace clinaudit::render
