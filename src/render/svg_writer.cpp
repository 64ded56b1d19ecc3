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

std::vector<std::string> wrap_words(std::string_view text, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t space = text.find(' ', start);
    const std::string_view word = text.substr(start, space == std::string_view::npos ? text.npos : space - start);
    start = space == std::string_view::npos ? text.size() : space + 1;
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > max_chars) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
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
    body_ += "><title>" + xml_escape(label) + "</title></circle>";
  }
}

void SvgWriter::marker(MarkerShape shape, double cx, double cy, double r, std::string_view css_class,
                       std::string_view label) {
  if (shape == MarkerShape::circle) {
    circle(cx, cy, r, css_class, label);
    return;
  }
  const std::string a = num(r);
  const std::string d = num(r * 1.3);  // a diamond or triangle as heavy as the circle
  std::string path;
  switch (shape) {
    case MarkerShape::square: path = "M-" + a + ",-" + a + "H" + a + "V" + a + "H-" + a + "Z"; break;
    case MarkerShape::diamond: path = "M0,-" + d + "L" + d + ",0L0," + d + "L-" + d + ",0Z"; break;
    case MarkerShape::triangle_up: path = "M0,-" + d + "L" + d + "," + a + "H-" + d + "Z"; break;
    case MarkerShape::triangle_down: path = "M0," + d + "L" + d + ",-" + a + "H-" + d + "Z"; break;
    case MarkerShape::circle: break;
  }
  body_ += "<path transform=\"translate(" + num(cx) + "," + num(cy) + ")\" d=\"" + path + "\" class=\"" +
           xml_escape(css_class) + "\"";
  if (label.empty()) {
    body_ += "/>";
  } else {
    body_ += "><title>" + xml_escape(label) + "</title></path>";
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

std::size_t SvgWriter::wrapped_text(double x, double y, std::string_view content, std::string_view css_class,
                                    std::string_view anchor, std::size_t max_chars, double line_height) {
  const auto lines = wrap_words(content, max_chars);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    text(x, y + line_height * static_cast<double>(i), lines[i], css_class, anchor);
  }
  return lines.size();
}

void SvgWriter::open_group(std::string_view css_class) { body_ += "<g class=\"" + xml_escape(css_class) + "\">"; }

std::string SvgWriter::finish() const {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(width_) + " " + num(height_) +
         "\" role=\"img\" tabindex=\"0\" aria-label=\"" + xml_escape(title_) + "\"><title>" + xml_escape(title_) +
         "</title>" + body_ + "</svg>";
}

}  // namespace clinaudit::render
