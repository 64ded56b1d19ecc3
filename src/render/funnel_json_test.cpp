#include "render/funnel_json.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace clinaudit::render {
namespace {

stats::FunnelPlot example() {
  const std::vector<stats::UnitCount> rows{{"A", 12, 10}, {"B", 0, 0}, {"C", 30, 31.5}, {"D", 5, 4.2}};
  auto plot = stats::funnel_plot(rows, stats::FunnelOptions{});
  EXPECT_TRUE(plot);
  return *plot;
}

TEST(FunnelJson, HasTheDocumentedShape) {
  const auto json = to_json(example());
  EXPECT_EQ(json["type"], "ratio");
  EXPECT_EQ(json["target"], 1.0);
  const auto& od = json["overdispersion"];
  for (const char* key : {"method", "trim", "units_used", "phi", "tau2", "applied"}) {
    EXPECT_TRUE(od.contains(key)) << key;
  }
  EXPECT_EQ(od["method"], "log");
  ASSERT_EQ(json["units"].size(), 4U);
  const auto& a = json["units"][0];
  for (const char* key : {"unit", "numerator", "denominator", "value", "z", "limits", "unadjusted_limits", "flag"}) {
    EXPECT_TRUE(a.contains(key)) << key;
  }
  EXPECT_EQ(a["unit"], "A");
  EXPECT_TRUE(a["limits"]["95"].contains("lower"));
  EXPECT_TRUE(a["limits"]["99.8"].contains("upper"));
  EXPECT_TRUE(a["unadjusted_limits"]["99.8"]["lower"].is_number());
  EXPECT_EQ(a["flag"], "none");
}

TEST(FunnelJson, UnitWithoutDenominatorHasNulls) {
  const auto b = to_json(example())["units"][1];
  EXPECT_EQ(b["unit"], "B");
  EXPECT_TRUE(b["value"].is_null());
  EXPECT_TRUE(b["z"].is_null());
  EXPECT_TRUE(b["limits"].is_null());
  EXPECT_TRUE(b["unadjusted_limits"].is_null());
  EXPECT_EQ(b["flag"], "none");
}

}  // namespace
}  // namespace clinaudit::render
