#include "render/svg_writer.hpp"

#include "core/number_format.hpp"

namespace clinaudit::render {
namespace {

std::string num(double value) { return format_fixed(value, 2); }

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

SvgWriter::SvgWriter(double width, double height, std::string_view title)
    : width_(width), height_(height), title_(title) {}

void SvgWriter::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
  body_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" class=\"" + xml_escape(css_class) + "\"/>";
}

void SvgWriter::polyline(std::string_view points, std::string_view css_class) {
  body_ += "<polyline points=\"" + std::string(points) + "\" class=\"" + xml_escape(css_class) + "\"/>";
}

void SvgWriter::circle(double cx, double cy, double r, std::string_view css_class, std::string_view label) {
  body_ += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" class=\"" +
           xml_escape(css_class) + "\"";
  if (label.empty()) {
    body_ += "/>";
  } else {
    body_ += " tabindex=\"0\"><title>" + xml_escape(label) + "</title></circle>";
  }
}

void SvgWriter::rect(double x, double y, double width, double height, std::string_view css_class) {
  body_ += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(width) + "\" height=\"" + num(height) +
           "\" class=\"" + xml_escape(css_class) + "\"/>";
}

void SvgWriter::text(double x, double y, std::string_view content, std::string_view css_class,
                     std::string_view anchor) {
  body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + xml_escape(css_class) + "\" text-anchor=\"" +
           xml_escape(anchor) + "\">" + xml_escape(content) + "</text>";
}

void SvgWriter::open_group(std::string_view css_class) { body_ += "<g class=\"" + xml_escape(css_class) + "\">"; }

std::string SvgWriter::finish() const {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width_) + " " + num(height_) +
         "\" role=\"img\" aria-label=\"" + xml_escape(title_) + "\"><title>" + xml_escape(title_) + "</title>" + body_ +
         "</svg>";
}

}  // namespace clinaudit::render
