#include <gtest/gtest.h>

#include <string>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using testing::TestWorld;

// The national audit's mortality ratio: the own trust 12 observed of 20 expected, the other
// trust 30 of 20 (the test world). Each provider's page rings and names that provider on
// the funnel the national audit page draws.
TEST(NationalProviderPage, HoldsTheFunnelOfEachMeasureWithThisProviderRingedAndNamed) {
  TestWorld world;
  const std::string base = "/national/audits/" + std::to_string(world.national_audit().value) + "/providers/";
  const std::string own_name = "Trust " + world.own().code;
  const std::string other_name = "Trust " + world.other().code;

  const auto page = world.call("GET", base + std::to_string(world.own().id.value) + "?year=2025/26", &world.analyst());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<h2>Compared with the other providers</h2>"));
  EXPECT_TRUE(contains(page.body, "aria-label=\"Mortality (2025-04-01 to 2025-12-31)\"")) << page.body;
  // Ringed and named, described as the provider the page is about, in the chart and its values.
  EXPECT_TRUE(contains(page.body, "<g class=\"highlight\"><circle")) << page.body;
  EXPECT_TRUE(contains(page.body, "class=\"own-label\" text-anchor=\"start\">" + own_name + "</text>") ||
              contains(page.body, "class=\"own-label\" text-anchor=\"end\">" + own_name + "</text>"))
      << page.body;
  EXPECT_TRUE(contains(page.body, ">This provider</text>"));
  EXPECT_TRUE(contains(page.body, "<th scope=\"row\">" + own_name + " (this provider)</th><td>0.60</td>")) << page.body;
  EXPECT_FALSE(contains(page.body, other_name + " (this provider)"));
  EXPECT_FALSE(contains(page.body, "Your organisation")) << "the analyst's organisation is not on the plot";

  const auto other =
      world.call("GET", base + std::to_string(world.other().id.value) + "?year=2025/26", &world.analyst());
  ASSERT_EQ(other.status, 200);
  EXPECT_TRUE(contains(other.body, "<th scope=\"row\">" + other_name + " (this provider)</th><td>1.50</td>"))
      << other.body;
  EXPECT_FALSE(contains(other.body, own_name + " (this provider)"));
}

}  // namespace
}  // namespace clinaudit::http
