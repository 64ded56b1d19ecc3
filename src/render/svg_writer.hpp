#pragma once

#include <string>
#include <string_view>

namespace clinaudit::render {

// Escapes text for use in XML/HTML content and attribute values (& < > " ').
std::string xml_escape(std::string_view text);

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
  // A circle with an optional hover label (<title>).
  void circle(double cx, double cy, double r, std::string_view css_class, std::string_view label = {});
  void rect(double x, double y, double width, double height, std::string_view css_class);
  // `anchor` is start, middle or end.
  void text(double x, double y, std::string_view content, std::string_view css_class,
            std::string_view anchor = "start");
  void open_group(std::string_view css_class);
  void close_group() { body_ += "</g>"; }

  // The finished document.
  std::string finish() const;

 private:
  double width_;
  double height_;
  std::string title_;
  std::string body_;
};

}  // namespace clinaudit::render
