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

}  // namespace
}  // namespace clinaudit::render
