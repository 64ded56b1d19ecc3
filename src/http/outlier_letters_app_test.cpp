// The audit provider's letters through App::handle on a real SQLite file: a national analyst
// downloads a letter filled in with the case's facts, or keeps it on the case as a document at
// its current stage; nobody else writes them.
#include <gtest/gtest.h>

#include <string>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using testing::TestWorld;

TEST(OutlierLettersApp, TheAnalystDownloadsALetterAndKeepsItOnTheCase) {
  TestWorld world;
  const auto id = world.new_outlier_case_past_data_check(world.own());
  const std::string path = "/outliers/" + std::to_string(id.value);

  const Response page = world.call("GET", path, &world.analyst());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "href=\"" + path + "/letters/notification.docx\"")) << page.body;
  EXPECT_TRUE(contains(page.body, "action=\"" + path + "/letters/acknowledgement-request\""));

  const Response letter = world.call("GET", path + "/letters/notification.docx", &world.analyst());
  ASSERT_EQ(letter.status, 200) << letter.body.substr(0, 300);
  EXPECT_EQ(letter.content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(letter.header("Content-Disposition"),
            "attachment; filename=\"outlier-case-" + std::to_string(id.value) + "-notification.docx\"");
  EXPECT_TRUE(letter.body.starts_with("PK\x03\x04"));

  const Response kept = world.call("POST", path + "/letters/notification", &world.analyst());
  ASSERT_EQ(kept.status, 303) << kept.body.substr(0, 300);
  EXPECT_EQ(kept.header("Location"), path + "?done=document#documents");
  const auto documents = world.store().documents(domain::DocumentOwner::outlier_case, id.value).value();
  ASSERT_EQ(documents.size(), 1U);
  EXPECT_EQ(documents[0].file_name, "outlier-case-" + std::to_string(id.value) + "-notification.docx");
  EXPECT_EQ(documents[0].stage, "lead_clinician_informed");
  // The bytes kept are the letter's.
  EXPECT_EQ(world.store().document_content(documents[0].id).value(), letter.body);
  // The trust sees the letter among the case's documents, and downloads it.
  const Response trust_page = world.call("GET", path, &world.own().callers.at(domain::Role::audit_manager));
  EXPECT_TRUE(contains(trust_page.body, "outlier-case-" + std::to_string(id.value) + "-notification.docx"));
  EXPECT_FALSE(contains(trust_page.body, "/letters/"));
  EXPECT_EQ(world
                .call("GET", path + "/documents/" + std::to_string(documents[0].id),
                      &world.own().callers.at(domain::Role::audit_manager))
                .status,
            200);
}

TEST(OutlierLettersApp, OnlyTheAuditProviderWritesLetters) {
  TestWorld world;
  const auto id = world.new_outlier_case(world.own());
  const std::string path = "/outliers/" + std::to_string(id.value) + "/letters/escalation";
  const Response refused = world.call("GET", path + ".docx", &world.own().callers.at(domain::Role::audit_manager));
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(contains(refused.body, "written by the national audit provider")) << refused.body;
  EXPECT_EQ(world.call("POST", path, &world.own().callers.at(domain::Role::admin)).status, 403);
  EXPECT_TRUE(world.store().documents(domain::DocumentOwner::outlier_case, id.value).value().empty());
  EXPECT_EQ(world.call("GET", "/outliers/" + std::to_string(id.value) + "/letters/apology", &world.analyst()).status,
            404);
}

}  // namespace
}  // namespace clinaudit::http
