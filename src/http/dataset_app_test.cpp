// A national audit's dataset through App::handle on a real SQLite file: the page, its form,
// the JSON API, and the refusals a person reads.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

std::string dataset_path(TestWorld& world, const char* prefix) {
  return std::string(prefix) + std::to_string(world.national_audit().value) + "/dataset";
}

TEST(DatasetApp, ATrustReadsTheDatasetItsFilesMustHold) {
  TestWorld world;
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response api = world.call("GET", dataset_path(world, "/api/audits/"), &lead);
  ASSERT_EQ(api.status, 200) << api.body;
  const auto body = json::parse(api.body);
  EXPECT_FALSE(body["may_change"].get<bool>());
  ASSERT_EQ(body["columns"].size(), 2U);
  EXPECT_EQ(body["columns"][0]["name"], "outcome");
  EXPECT_EQ(body["columns"][0]["type"], "yes_no");
  EXPECT_TRUE(body["columns"][0]["required"].get<bool>());
  EXPECT_EQ(body["columns"][1]["maximum"], 120.0);
  EXPECT_TRUE(body["columns"][1]["minimum"] == 0.0);

  const Response page = world.call("GET", dataset_path(world, "/national/audits/"), &lead);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "<td><code>age</code></td><td>Number</td><td>No</td><td>0 to 120</td>")) << page.body;
  EXPECT_TRUE(contains(page.body, "<td>Yes/no</td>"));
  EXPECT_FALSE(contains(page.body, "Declare the dataset"));  // a trust may not change it
}

TEST(DatasetApp, TheNationalAnalystDeclaresItWithTheApiAndCannotStrandStoredEpisodes) {
  TestWorld world;
  const std::string path = dataset_path(world, "/api/audits/");
  const std::string declared = R"({"columns":[
      {"name":"died30","type":"yes_no","required":true,"description":"Died within 30 days"},
      {"name":"age","type":"number","minimum":0,"maximum":120},
      {"name":"asa","type":"category","allowed_values":["1","2","3","4","5"]}]})";
  const Response put = world.call_body("PUT", path, world.analyst(), declared);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(json::parse(put.body)["columns"][2]["allowed_values"].size(), 5U);

  const Response bad = world.call_body("PUT", path, world.analyst(), R"({"columns":[{"name":"Age","type":"number"}]})");
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_TRUE(contains(bad.body, "lower-case")) << bad.body;
  const Response untyped = world.call_body("PUT", path, world.analyst(), R"({"columns":[{"name":"age"}]})");
  EXPECT_EQ(untyped.status, 400);
  EXPECT_TRUE(contains(untyped.body, "columns[0].type")) << untyped.body;

  // Episodes that hold asa: it may no longer go.
  const std::string audit = "NAT-" + world.suffix();
  const std::string csv = "organisation_code,admission_date,died30,age,asa\n" + world.own().code +
                          ",2025-05-01,1,80,3\n" + world.other().code + ",2025-05-02,0,70,2\n";
  const Response imported = world.call_body("POST", "/api/imports/episodes?audit=" + audit, world.analyst(), csv);
  ASSERT_EQ(imported.status, 201) << imported.body;
  const Response removal = world.call_body("PUT", path, world.analyst(), R"({"columns":[
      {"name":"died30","type":"yes_no","required":true},{"name":"age","type":"number"}]})");
  EXPECT_EQ(removal.status, 400);
  EXPECT_TRUE(contains(removal.body, "dataset column 'asa' cannot be removed: stored episodes hold it"))
      << removal.body;
  // A trust's administrator may not declare a national audit's dataset.
  const Response trust = world.call_body("PUT", path, world.own().callers.at(Role::admin), declared);
  EXPECT_EQ(trust.status, 403) << trust.body;
}

TEST(DatasetApp, TheFormDeclaresTheDatasetAndShowsARefusalWithWhatWasSent) {
  TestWorld world;
  const std::string page_path = dataset_path(world, "/national/audits/");
  const Response form = world.call("GET", page_path, &world.analyst());
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Declare the dataset"));
  EXPECT_TRUE(contains(form.body, "name=\"name_0\" value=\"outcome\""));
  EXPECT_TRUE(contains(form.body, "name=\"rows\" value=\"5\""));  // two columns and three blank rows

  const Response refused = world.call("POST", page_path, &world.analyst(),
                                      {{"rows", "2"},
                                       {"name_0", "died90"},
                                       {"type_0", "yes_no"},
                                       {"name_1", "age"},
                                       {"type_1", "number"},
                                       {"minimum_1", "none"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "Row 2: the minimum &#39;none&#39; is not a number")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "name=\"name_0\" value=\"died90\""));  // what was sent, shown again

  const Response saved = world.call("POST", page_path, &world.analyst(),
                                    {{"rows", "3"},
                                     {"name_0", "died90"},
                                     {"type_0", "yes_no"},
                                     {"required_0", "yes"},
                                     {"name_1", ""},
                                     {"name_2", "sex"},
                                     {"type_2", "category"},
                                     {"allowed_2", "F | M"},
                                     {"description_2", "Sex"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  const auto dataset = world.store().dataset(world.national_audit());
  ASSERT_TRUE(dataset);
  ASSERT_EQ(dataset->columns.size(), 2U);
  EXPECT_EQ(dataset->columns[0].name, "died90");
  EXPECT_TRUE(dataset->columns[0].required);
  EXPECT_EQ(dataset->columns[1].allowed_values, (std::vector<std::string>{"F", "M"}));

  // The national view links to the page.
  const Response national =
      world.call("GET", "/national/audits/" + std::to_string(world.national_audit().value), &world.analyst());
  EXPECT_TRUE(contains(national.body, "href=\"" + page_path + "\">Dataset</a>")) << national.body;
}

}  // namespace
}  // namespace clinaudit::http
