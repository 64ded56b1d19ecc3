// Documents attached as evidence (migration 0013): every byte value kept as it was sent, with
// the owner's history entry and the audit log in one transaction, on each database; a refused
// document leaves nothing behind.
#include <filesystem>

#include "storage/store_factory.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

Date day(const char* text) { return *Date::parse(text); }

// Every byte value, NUL and invalid UTF-8 among them, as a PDF would hold.
std::string binary_content() {
  std::string bytes = "%PDF-1.7\n";
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  return bytes;
}

domain::EvidenceDocument document_of(domain::DocumentOwner owner, std::int64_t owner_id, const std::string& content,
                                     const std::string& at) {
  domain::EvidenceDocument document;
  document.owner = owner;
  document.owner_id = owner_id;
  document.file_name = "Re-audit report.pdf";
  document.media_type = "application/pdf";
  document.size = static_cast<std::int64_t>(content.size());
  document.sha256 = std::string(64, 'c');
  document.uploaded_by_name = "manager@riverside.nhs.uk";
  document.uploaded_at = at;
  return document;
}

TEST_P(StoreContract, AnActionsDocumentKeepsEveryByteAndIsWrittenWithItsHistory) {
  const auto trust = add_organisation("RXX");
  const auto manager = add_user("manager@riverside.nhs.uk", trust);
  domain::Action action;
  action.organisation_id = trust;
  action.title = "Re-audit consent";
  action.due_on = day("2026-02-27");
  const auto id = store().add_action(action, actor());
  ASSERT_OK(id);
  const std::string content = binary_content();

  auto later = document_of(domain::DocumentOwner::action, id->value, content, "2026-01-07T14:05:00Z");
  later.uploaded_by = manager;
  domain::ActionEvent event;
  event.kind = domain::ActionEventKind::document_added;
  event.at = later.uploaded_at;
  event.by = manager;
  event.to = later.file_name;
  event.note = "265 bytes";
  const auto second = store().add_action_document(later, content, event, actor());
  ASSERT_OK(second);
  auto earlier = document_of(domain::DocumentOwner::action, id->value, "%PDF-1.4 small", "2026-01-06T09:30:00Z");
  earlier.file_name = "Minutes.pdf";
  event.at = earlier.uploaded_at;
  const auto first = store().add_action_document(earlier, "%PDF-1.4 small", event, actor());
  ASSERT_OK(first);

  const auto listed = store().documents(domain::DocumentOwner::action, id->value);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].id, *first);  // oldest first
  EXPECT_EQ((*listed)[1].id, *second);
  EXPECT_EQ((*listed)[1].file_name, "Re-audit report.pdf");
  EXPECT_EQ((*listed)[1].size, 265);
  EXPECT_EQ((*listed)[1].uploaded_by, manager);
  EXPECT_EQ((*listed)[1].uploaded_at, "2026-01-07T14:05:00Z");
  EXPECT_EQ((*listed)[1].stage, "");
  EXPECT_EQ(store().document_content(*second).value(), content);
  EXPECT_EQ(store().document(*first)->file_name, "Minutes.pdf");
  EXPECT_TRUE(store().documents(domain::DocumentOwner::outlier_case, id->value)->empty());

  const auto history = store().action_events(*id);
  ASSERT_OK(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[1].kind, domain::ActionEventKind::document_added);
  EXPECT_EQ((*history)[1].to, "Re-audit report.pdf");
  const auto logged = store().audit_log("document", 10);
  ASSERT_OK(logged);
  ASSERT_EQ(logged->size(), 2U);
  EXPECT_THAT(logged->back().after, HasSubstr(std::string(64, 'c')));       // the hash, in either JSON spacing
  EXPECT_THAT(logged->back().after, ::testing::Not(HasSubstr("PDF-1.4")));  // never the bytes

  EXPECT_EQ(store().document(9999).error().code, ErrorCode::not_found);
  EXPECT_EQ(store().document_content(9999).error().code, ErrorCode::not_found);
}

TEST_P(StoreContract, ARefusedDocumentLeavesNothingBehind) {
  const auto trust = add_organisation("RXX");
  domain::Action action;
  action.organisation_id = trust;
  action.title = "Re-audit consent";
  action.due_on = day("2026-02-27");
  const auto id = store().add_action(action, actor());
  ASSERT_OK(id);
  domain::ActionEvent event;
  event.kind = domain::ActionEventKind::document_added;
  event.at = "2026-01-07T14:05:00Z";

  // The size must be the content's; the media type one of the two; the action must exist.
  auto wrong_size = document_of(domain::DocumentOwner::action, id->value, "%PDF-1.4", event.at);
  wrong_size.size = 3;
  EXPECT_EQ(store().add_action_document(wrong_size, "%PDF-1.4", event, actor()).error().code, ErrorCode::invalid_input);
  auto html = document_of(domain::DocumentOwner::action, id->value, "<html>", event.at);
  html.media_type = "text/html";
  EXPECT_EQ(store().add_action_document(html, "<html>", event, actor()).error().code, ErrorCode::invalid_input);
  const auto missing = document_of(domain::DocumentOwner::action, 9999, "%PDF-1.4", event.at);
  EXPECT_EQ(store().add_action_document(missing, "%PDF-1.4", event, actor()).error().code, ErrorCode::not_found);
  // A history entry the rules refuse (no time) takes the document with it.
  auto no_time = event;
  no_time.at.clear();
  const auto fine = document_of(domain::DocumentOwner::action, id->value, "%PDF-1.4", event.at);
  EXPECT_EQ(store().add_action_document(fine, "%PDF-1.4", no_time, actor()).error().code, ErrorCode::invalid_input);

  EXPECT_TRUE(store().documents(domain::DocumentOwner::action, id->value)->empty());
  EXPECT_TRUE(store().action_events(*id)->empty());
  EXPECT_TRUE(store().audit_log("document", 10)->empty());
}

TEST_P(StoreContract, AnOutlierCasesDocumentIsKeptAtItsStageWithAnEntryInTheCasesRecord) {
  const auto trust = add_organisation("RXX");
  const auto audit = add_audit("NHFD");
  const auto measure = add_measure(audit, "mort30");
  domain::OutlierCase row;
  row.audit_id = audit;
  row.measure_id = measure;
  row.organisation_id = trust;
  row.period = "2024/25";
  row.level = domain::OutlierLevel::alarm;
  row.stage = "lead_clinician_informed";
  row.opened_on = day("2025-07-01");
  const auto id = store().add_outlier_case(row, actor());
  ASSERT_OK(id);

  const std::string content = binary_content();
  auto document = document_of(domain::DocumentOwner::outlier_case, id->value, content, "2025-07-09T08:00:00Z");
  document.stage = row.stage;
  domain::OutlierEvent event;
  event.stage = row.stage;
  event.what = "Document added: Re-audit report.pdf (265 bytes)";
  event.at = document.uploaded_at;
  const auto added = store().add_outlier_document(document, content, event, actor());
  ASSERT_OK(added);
  // An action's document may not be written as a case's.
  auto as_action = document;
  as_action.owner = domain::DocumentOwner::action;
  EXPECT_EQ(store().add_outlier_document(as_action, content, event, actor()).error().code, ErrorCode::invalid_input);

  const auto listed = store().documents(domain::DocumentOwner::outlier_case, id->value);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ((*listed)[0].stage, "lead_clinician_informed");
  EXPECT_EQ((*listed)[0].owner, domain::DocumentOwner::outlier_case);
  EXPECT_EQ(store().document_content(*added).value(), content);
  const auto events = store().outlier_events(*id);
  ASSERT_OK(events);
  ASSERT_EQ(events->size(), 1U);
  EXPECT_EQ(events->front().what, "Document added: Re-audit report.pdf (265 bytes)");
  EXPECT_EQ(events->front().stage, "lead_clinician_informed");
}

// A deployment that keeps documents in a directory (serve --documents-dir): the bytes are a
// file named by their hash, the row holds none of them, and a server started without the
// directory says where they are instead of answering wrong bytes.
TEST_P(StoreContract, ADocumentKeptInADirectoryIsAFileNamedByItsHashAndNotInTheDatabase) {
  const auto trust = add_organisation("RXX");
  domain::Action action;
  action.organisation_id = trust;
  action.title = "Re-audit consent";
  action.due_on = day("2026-02-27");
  const auto id = store().add_action(action, actor());
  ASSERT_OK(id);
  domain::ActionEvent event;
  event.kind = domain::ActionEventKind::document_added;
  event.at = "2026-01-06T09:30:00Z";
  // One kept in the database before the directory was configured.
  const auto in_database =
      store().add_action_document(document_of(domain::DocumentOwner::action, id->value, "%PDF-1.4 small", event.at),
                                  "%PDF-1.4 small", event, actor());
  ASSERT_OK(in_database);
  close();

  std::string pattern = (std::filesystem::temp_directory_path() / "clinaudit-documents-XXXXXX").string();
  const std::filesystem::path folder = ::mkdtemp(pattern.data());
  auto with_folder = storage::open_store(url(), storage::StoreOptions{folder.string()});
  ASSERT_OK(with_folder);
  const std::string content = binary_content();
  auto document = document_of(domain::DocumentOwner::action, id->value, content, "2026-01-07T14:05:00Z");
  document.sha256 = std::string(64, 'e');
  const auto in_folder = (*with_folder)->add_action_document(document, content, event, actor());
  ASSERT_OK(in_folder);
  const auto file = folder / std::string(64, 'e');
  ASSERT_TRUE(std::filesystem::exists(file));
  EXPECT_EQ(std::filesystem::file_size(file), content.size());
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  const auto read_back = (*with_folder)->document_content(*in_folder);
  ASSERT_OK(read_back);
  EXPECT_EQ(*read_back, content);
  const auto older = (*with_folder)->document_content(*in_database);
  ASSERT_OK(older);
  EXPECT_EQ(*older, "%PDF-1.4 small");
  // A document whose name is not a SHA-256 is refused before anything is written.
  document.sha256 = "../../etc/passwd";
  EXPECT_ERROR((*with_folder)->add_action_document(document, content, event, actor()), ErrorCode::invalid_input);
  with_folder->reset();

  // Without the directory the store says where the bytes are; the row holds none of them.
  auto without = storage::open_store(url());
  ASSERT_OK(without);
  const auto refused = (*without)->document_content(*in_folder);
  EXPECT_ERROR(refused, ErrorCode::storage_unavailable);
  EXPECT_THAT(refused.error().message, HasSubstr("--documents-dir"));
  // A file changed behind the store's back is not served as the document.
  std::filesystem::resize_file(file, 10);
  auto again = storage::open_store(url(), storage::StoreOptions{folder.string()});
  ASSERT_OK(again);
  EXPECT_ERROR((*again)->document_content(*in_folder), ErrorCode::internal);
  again->reset();
  without->reset();
  std::filesystem::remove_all(folder);
  reopen();
}

}  // namespace
}  // namespace clinaudit::contract
