#pragma once

// For chart tests: reads an SVG chart as a reader would, from its drawn axes (tick lines
// with their labels) and its elements, so that a test can check that a point lies where
// the axes say its value is, independently of the renderer's own mapping.

#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace clinaudit::render::testing {

// An SVG element's numeric attributes (cx, cy, x1, y1, ...) and its class. A shape placed by
// transform="translate(x,y)" has its centre as cx and cy.
struct SvgElement {
  std::string css_class;
  std::map<std::string, double> at;
  std::string title;  // the <title> inside, for labelled points
};

// Every <tag .../> or <tag ...>...</tag> element of the given tag, in document order.
inline std::vector<SvgElement> elements(const std::string& svg, const std::string& tag) {
  std::vector<SvgElement> found;
  const std::regex element("<" + tag + R"(((?:\s+[a-z0-9-]+="[^"]*")*)\s*(/>|>(.*?)</)" + tag + ">)");
  const std::regex attribute(R"re(([a-z0-9-]+)="([^"]*)")re");
  const std::regex title("<title>(.*?)</title>");
  for (std::sregex_iterator it(svg.begin(), svg.end(), element), end; it != end; ++it) {
    SvgElement e;
    const std::string attributes = (*it)[1];
    for (std::sregex_iterator a(attributes.begin(), attributes.end(), attribute); a != end; ++a) {
      const std::string name = (*a)[1];
      const std::string value = (*a)[2];
      if (name == "class") {
        e.css_class = value;
      } else if (name == "transform" && value.rfind("translate(", 0) == 0) {
        char* stop = nullptr;
        e.at["cx"] = std::strtod(value.c_str() + 10, &stop);
        if (*stop == ',') e.at["cy"] = std::strtod(stop + 1, nullptr);
      } else {
        char* stop = nullptr;
        const double number = std::strtod(value.c_str(), &stop);
        if (stop != value.c_str() && *stop == '\0') e.at[name] = number;
      }
    }
    const std::string inner = (*it)[3];
    if (std::smatch t; std::regex_search(inner, t, title)) e.title = t[1];
    if (tag == "text") e.title = inner;
    found.push_back(std::move(e));
  }
  return found;
}

// A linear axis read from two of its ticks: the pixel position of a value.
struct AxisScale {
  double value_a = 0, pixel_a = 0, value_b = 1, pixel_b = 1;
  double pixel(double value) const { return pixel_a + (value - value_a) / (value_b - value_a) * (pixel_b - pixel_a); }
};

// The y axis from its horizontal grid lines, paired in order with the tick labels written
// right-aligned (text-anchor end) beside the axis: the first and the last tick.
inline std::optional<AxisScale> y_axis(const std::string& svg) {
  std::vector<double> grid;
  for (const auto& line : elements(svg, "line")) {
    if (line.css_class == "grid" && line.at.at("y1") == line.at.at("y2")) grid.push_back(line.at.at("y1"));
  }
  std::vector<double> labels;
  const std::regex label(R"re(<text [^>]*text-anchor="end">(-?[0-9.]+)</text>)re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), label), end; it != end; ++it) {
    labels.push_back(std::stod((*it)[1]));
  }
  if (grid.size() < 2 || grid.size() != labels.size()) return std::nullopt;
  return AxisScale{labels.front(), grid.front(), labels.back(), grid.back()};
}

}  // namespace clinaudit::render::testing
