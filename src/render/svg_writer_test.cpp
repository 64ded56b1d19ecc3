#include "render/svg_writer.hpp"

#include <gtest/gtest.h>

namespace clinaudit::render {
namespace {

TEST(SvgWriter, EscapesLabelsAndIsDeterministic) {
  SvgWriter svg(100, 50, "A & B <chart>");
  svg.circle(10, 20.126, 3, "point flagged", "Trust \"X\" & Y");
  const auto first = svg.finish();
  EXPECT_NE(first.find("aria-label=\"A &amp; B &lt;chart&gt;\""), std::string::npos);
  EXPECT_NE(first.find("<title>Trust &quot;X&quot; &amp; Y</title>"), std::string::npos);
  EXPECT_NE(first.find("cy=\"20.13\""), std::string::npos);
  EXPECT_EQ(first, svg.finish());
}

TEST(SvgWriter, TheChartIsOneTabStopAndItsPointsAreNot) {
  SvgWriter svg(100, 50, "Chart");
  svg.circle(10, 20, 3, "point", "a labelled point");
  svg.marker(MarkerShape::diamond, 30, 20, 3, "point", "another");
  const auto out = svg.finish();
  std::size_t stops = 0;
  for (auto at = out.find("tabindex="); at != std::string::npos; at = out.find("tabindex=", at + 1)) ++stops;
  EXPECT_EQ(stops, 1U);
  EXPECT_EQ(out.rfind("<svg ", 0), 0U);
  EXPECT_LT(out.find("tabindex=\"0\""), out.find('>'));
  EXPECT_NE(out.find("role=\"img\""), std::string::npos);
}

TEST(SvgWriter, MarkersOtherThanCirclesArePlacedByTranslate) {
  SvgWriter svg(100, 50, "Chart");
  svg.marker(MarkerShape::circle, 10, 20, 3, "a");
  svg.marker(MarkerShape::square, 30, 40, 2, "b", "label");
  const auto out = svg.finish();
  EXPECT_NE(out.find("<circle cx=\"10.00\" cy=\"20.00\" r=\"3.00\" class=\"a\"/>"), std::string::npos);
  EXPECT_NE(out.find("<path transform=\"translate(30.00,40.00)\" d=\"M-2.00,-2.00H2.00V2.00H-2.00Z\" class=\"b\">"
                     "<title>label</title></path>"),
            std::string::npos);
}

TEST(WrapWords, BreaksAtSpacesWithinTheWidth) {
  EXPECT_EQ(wrap_words("Seen by a consultant within 14 hours", 16),
            (std::vector<std::string>{"Seen by a", "consultant", "within 14 hours"}));
  EXPECT_EQ(wrap_words("short", 16), (std::vector<std::string>{"short"}));
  EXPECT_EQ(wrap_words("averyveryverylongword x", 5), (std::vector<std::string>{"averyveryverylongword", "x"}));
  EXPECT_TRUE(wrap_words("", 10).empty());
}

}  // namespace
}  // namespace clinaudit::render
