// Documents attached as evidence, through App::handle on a real SQLite file: a PDF or Word
// file uploaded on an action's page (on its own or with the completion) and on an outlier
// case's page, listed there, downloaded back by those who may see the action or the case;
// refused with a message at the field, nothing stored, when it is another type, too large,
// sent without the CSRF token or by someone who may not change the action.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::Caller;
using testing::TestWorld;

// A file of tests/data/documents (see PROVENANCE.md there).
std::string sample(const std::string& name) {
  const char* root = std::getenv("CLINAUDIT_SOURCE_DIR");
  std::ifstream in(std::string(root != nullptr ? root : ".") + "/tests/data/documents/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Part {
  std::string field;
  std::string name;
  std::string content;
};

// A multipart POST as the server hands it to the App: fields, and the file in `part`. The
// CSRF token goes where the page or the API expects it, unless `csrf` is false.
Response upload(TestWorld& world, const std::string& path, const Caller& who, const Part& part,
                std::map<std::string, std::string> fields = {}, bool csrf = true) {
  Request request;
  request.method = "POST";
  request.path = path;
  request.remote_addr = "127.0.0.1";
  request.headers["cookie"] = std::string(kSessionCookie) + "=" + who.token;
  request.headers["content-type"] = "multipart/form-data; boundary=x";
  request.fields = std::move(fields);
  if (csrf) {
    if (path.rfind("/api/", 0) == 0) {
      request.headers["x-csrf-token"] = who.csrf;
    } else {
      request.fields["csrf"] = who.csrf;
    }
  }
  request.files[part.field] = UploadedFile{part.name, "application/octet-stream", part.content};
  return world.app().handle(request);
}

json documents_of(TestWorld& world, const std::string& path, const Caller& who) {
  const Response shown = world.call("GET", "/api" + path, &who);
  EXPECT_EQ(shown.status, 200) << shown.body;
  return json::parse(shown.body)["documents"];
}

TEST(Documents, APdfAttachedToAnActionIsListedInItsHistoryAndDownloadedBack) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string path = "/actions/" + std::to_string(world.own().action.value);
  const std::string pdf = sample("letter.pdf");

  const Response sent =
      upload(world, path + "/documents", manager, {"document", "C:\\reports\\Re-audit \"final\".pdf", pdf});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_EQ(sent.header("Location"), path + "?done=document#documents");

  const Response shown = world.call("GET", path + "?done=document", &manager);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, "The document was attached."));
  EXPECT_TRUE(contains(shown.body, "Re-audit _final_.pdf</a>"));
  EXPECT_TRUE(
      contains(shown.body, "<td>193 bytes</td><td>" + manager.user.email + "</td><td>2026-01-15 at 10:00 (UTC)</td>"));
  EXPECT_TRUE(contains(shown.body, "<strong>Document added</strong>"));
  EXPECT_TRUE(contains(shown.body, "<p>Re-audit _final_.pdf (193 bytes)</p>"));

  const auto documents = documents_of(world, path, manager);
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0]["file_name"], "Re-audit _final_.pdf");
  EXPECT_EQ(documents[0]["media_type"], "application/pdf");
  EXPECT_EQ(documents[0]["size"], 193);
  EXPECT_EQ(documents[0]["size_words"], "193 bytes");
  // The SHA-256 of letter.pdf, from `sha256sum tests/data/documents/letter.pdf`.
  EXPECT_EQ(documents[0]["sha256"], "794abaa4f6f06fc519895c22944a0ab43ad02b4fb32bdefa1952ce81613cb47b");
  const std::string id = std::to_string(documents[0]["id"].get<std::int64_t>());
  EXPECT_EQ(documents[0]["download"], "/api" + path + "/documents/" + id);

  for (const std::string& download : {path + "/documents/" + id, "/api" + path + "/documents/" + id}) {
    const Response file = world.call("GET", download, &manager);
    ASSERT_EQ(file.status, 200) << download;
    EXPECT_EQ(file.content_type, "application/pdf");
    EXPECT_EQ(file.header("Content-Disposition"), "attachment; filename=\"Re-audit _final_.pdf\"");
    EXPECT_EQ(file.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(file.body, pdf);
  }

  const auto logged = world.store().audit_log("document", 10);
  ASSERT_TRUE(logged);
  ASSERT_EQ(logged->size(), 1u);
  EXPECT_EQ(logged->front().actor, manager.user.email);
}

TEST(Documents, TheApiTakesAWordDocumentAndAnswersItsId) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string path = "/actions/" + std::to_string(world.own().action.value);
  const std::string docx = sample("re-audit.docx");
  const Response sent = upload(world, "/api" + path + "/documents", manager, {"document", "re-audit.docx", docx});
  ASSERT_EQ(sent.status, 201) << sent.body;
  const std::string id = std::to_string(json::parse(sent.body)["id"].get<std::int64_t>());
  const Response file = world.call("GET", "/api" + path + "/documents/" + id, &manager);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.content_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(file.body, docx);
  // The same document asked for under another action of the trust is not found.
  const std::string elsewhere = "/api/actions/" + std::to_string(world.new_action(world.own()).value);
  EXPECT_EQ(world.call("GET", elsewhere + "/documents/" + id, &manager).status, 404);
}

TEST(Documents, AnotherTypeOrTooLargeAFileIsRefusedAtTheFieldAndNothingIsStored) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string path = "/actions/" + std::to_string(world.own().action.value);

  // A text file named as a PDF: the name does not make it one.
  const Response text = upload(world, path + "/documents", manager, {"document", "minutes.pdf", sample("notes.txt")});
  EXPECT_EQ(text.status, 400);
  EXPECT_TRUE(contains(text.body, "There is a problem"));
  EXPECT_TRUE(contains(text.body, "href=\"#document\""));
  EXPECT_TRUE(contains(text.body, "The file is not a PDF or a Word document (.docx); nothing was saved"));
  EXPECT_TRUE(contains(text.body, "id=\"document\" name=\"document\""));
  const Response api =
      upload(world, "/api" + path + "/documents", manager, {"document", "book.xlsx", sample("spreadsheet.xlsx")});
  EXPECT_EQ(api.status, 400);
  EXPECT_EQ(json::parse(api.body)["error"]["message"],
            "document: the file is not a PDF or a Word document (.docx); nothing was saved");
  const Response none = upload(world, path + "/documents", manager, {"other", "letter.pdf", sample("letter.pdf")});
  EXPECT_EQ(none.status, 400);
  EXPECT_TRUE(contains(none.body, "Choose a PDF or Word file to upload"));

  AppConfig small;
  small.max_document_bytes = 100;
  world.reconfigure(small);
  const Response large = upload(world, path + "/documents", manager, {"document", "letter.pdf", sample("letter.pdf")});
  EXPECT_EQ(large.status, 400);
  EXPECT_TRUE(contains(large.body, "The file is larger than the limit of 100 bytes; nothing was saved"));
  EXPECT_TRUE(contains(large.body, "A PDF or a Word document (.docx), up to 100 bytes."));

  EXPECT_TRUE(documents_of(world, path, manager).empty());
  EXPECT_TRUE(world.store().audit_log("document", 10)->empty());
}

TEST(Documents, AFileWithTheCompletionIsCheckedFirstAndAttachedWithIt) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string path = "/actions/" + std::to_string(world.own().action.value);
  const std::map<std::string, std::string> typed{{"completed_on", "2026-01-15"}, {"evidence", "Re-audit in March"}};

  const Response wrong =
      upload(world, path + "/close", manager, {"completion_document", "report.pdf", sample("old-word.doc")}, typed);
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(contains(wrong.body, "href=\"#completion_document\""));
  EXPECT_TRUE(contains(wrong.body, ">Re-audit in March</textarea>"));  // what was typed stays
  EXPECT_EQ(json::parse(world.call("GET", "/api" + path, &manager).body)["action"]["status"], "open");

  const Response done =
      upload(world, path + "/close", manager, {"completion_document", "report.pdf", sample("letter.pdf")}, typed);
  ASSERT_EQ(done.status, 303) << done.body;
  const auto action = json::parse(world.call("GET", "/api" + path, &manager).body);
  EXPECT_EQ(action["action"]["status"], "completed");
  ASSERT_EQ(action["documents"].size(), 1u);
  EXPECT_EQ(action["documents"][0]["file_name"], "report.pdf");
  EXPECT_EQ(action["history"].back()["kind"], "document_added");
}

TEST(Documents, OnlyThoseWhoMayChangeTheActionUploadAndOnlyThoseWhoMaySeeItDownload) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string path = "/actions/" + std::to_string(world.own().action.value);
  const std::string pdf = sample("letter.pdf");

  // No CSRF token: the page's form and the API alike.
  EXPECT_EQ(upload(world, path + "/documents", manager, {"document", "a.pdf", pdf}, {}, false).status, 403);
  EXPECT_EQ(upload(world, "/api" + path + "/documents", manager, {"document", "a.pdf", pdf}, {}, false).status, 403);
  // Read only: sees the action, may not attach.
  auto& reader = world.own().callers.at(Role::read_only);
  EXPECT_EQ(upload(world, path + "/documents", reader, {"document", "a.pdf", pdf}).status, 403);
  // Another trust's audit manager: the action does not exist for them.
  auto& stranger = world.other().callers.at(Role::audit_manager);
  EXPECT_EQ(upload(world, path + "/documents", stranger, {"document", "a.pdf", pdf}).status, 404);
  EXPECT_TRUE(documents_of(world, path, manager).empty());

  ASSERT_EQ(upload(world, path + "/documents", manager, {"document", "a.pdf", pdf}).status, 303);
  const std::string id = std::to_string(documents_of(world, path, manager)[0]["id"].get<std::int64_t>());
  const Response read = world.call("GET", path + "/documents/" + id, &reader);
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.body, pdf);
  const Response shown = world.call("GET", path, &reader);
  EXPECT_TRUE(contains(shown.body, "a.pdf</a>"));
  EXPECT_FALSE(contains(shown.body, "id=\"add-document\""));
  EXPECT_EQ(world.call("GET", path + "/documents/" + id, &stranger).status, 404);
  EXPECT_EQ(world.call("GET", "/api" + path + "/documents/" + id, &stranger).status, 404);
  EXPECT_EQ(world.call("GET", path + "/documents/" + id, nullptr).status, 303);  // to the sign-in page
}

TEST(Documents, ADocumentOnAnOutlierCaseIsAtItsCurrentStageAndTheNationalBodySeesIt) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const auto case_id = world.new_outlier_case_past_data_check(world.own());
  const std::string path = "/outliers/" + std::to_string(case_id.value);
  const std::string docx = sample("re-audit.docx");

  const Response sent =
      upload(world, path + "/documents", manager, {"document", "Response to the provider.docx", docx});
  ASSERT_EQ(sent.status, 303) << sent.body;
  const auto documents = documents_of(world, path, manager);
  ASSERT_EQ(documents.size(), 1u);
  const auto stored_case = world.store().outlier_case(case_id);
  EXPECT_EQ(documents[0]["stage"], stored_case->stage);
  const std::string id = std::to_string(documents[0]["id"].get<std::int64_t>());

  const Response shown = world.call("GET", path, &manager);
  EXPECT_TRUE(contains(shown.body, "Response to the provider.docx</a>"));
  EXPECT_TRUE(contains(shown.body, "Document added: Response to the provider.docx (910 bytes)"));
  EXPECT_TRUE(contains(shown.body, "id=\"add-document\""));

  // The national body runs the process: its analyst downloads and attaches too.
  const Response national = world.call("GET", path + "/documents/" + id, &world.analyst());
  EXPECT_EQ(national.status, 200);
  EXPECT_EQ(national.body, docx);
  EXPECT_EQ(
      upload(world, "/api" + path + "/documents", world.analyst(), {"document", "letter.pdf", sample("letter.pdf")})
          .status,
      201);
  // Another trust: not found; a board member of the trust sees it but may not attach.
  auto& stranger = world.other().callers.at(Role::audit_manager);
  EXPECT_EQ(world.call("GET", path + "/documents/" + id, &stranger).status, 404);
  EXPECT_EQ(upload(world, path + "/documents", stranger, {"document", "a.pdf", sample("letter.pdf")}).status, 404);
  auto& board = world.own().callers.at(Role::board_member);
  EXPECT_EQ(world.call("GET", path + "/documents/" + id, &board).status, 200);
  EXPECT_EQ(upload(world, path + "/documents", board, {"document", "a.pdf", sample("letter.pdf")}).status, 403);

  const Response wrong = upload(world, path + "/documents", manager, {"document", "notes.pdf", sample("notes.txt")});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_TRUE(contains(wrong.body, "The document was not attached."));
  EXPECT_EQ(documents_of(world, path, manager).size(), 2u);
}

}  // namespace
}  // namespace clinaudit::http
