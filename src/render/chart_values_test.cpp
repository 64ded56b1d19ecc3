#include "render/chart_values.hpp"

#include <gtest/gtest.h>

namespace clinaudit::render {
namespace {

TEST(ValuesDetails, IsATableInAClosedDetailsWithEveryCellEscaped) {
  ChartValues values;
  values.caption = "Mortality <SHMI>";
  values.columns = {"Provider", "Value"};
  values.rows = {{"A & B", "1.02"}, {"C", "0.98"}};
  EXPECT_EQ(values_details(values).str(),
            "<details class=\"chart-values\"><summary>Values in this chart</summary><table><caption>Mortality "
            "&lt;SHMI&gt;</caption><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Value</th></tr></thead>"
            "<tbody><tr><th scope=\"row\">A &amp; B</th><td>1.02</td></tr><tr><th scope=\"row\">C</th><td>0.98</td>"
            "</tr></tbody></table></details>");
  EXPECT_TRUE(values_details(ChartValues{}).empty());
}

}  // namespace
}  // namespace clinaudit::render
