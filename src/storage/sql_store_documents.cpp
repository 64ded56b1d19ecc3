// Evidence documents (migration 0013) in the SQL store: each added with its owner's history
// entry and the audit log in one transaction; the bytes kept as base64 text.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "domain/evidence_document.hpp"
#include "storage/base64.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kDocumentColumns =
    "SELECT id, owner_kind, owner_id, stage, file_name, media_type, size_bytes, sha256, uploaded_by, "
    "uploaded_by_name, uploaded_at FROM documents ";

domain::EvidenceDocument read_document(const SqlRow& row) {
  return domain::EvidenceDocument{.id = row.int64(0),
                                  .owner = enum_of(row, 1, domain::parse_document_owner),
                                  .owner_id = row.int64(2),
                                  .stage = row.text(3),
                                  .file_name = row.text(4),
                                  .media_type = row.text(5),
                                  .size = row.int64(6),
                                  .sha256 = row.text(7),
                                  .uploaded_by = optional_id<UserId>(row, 8),
                                  .uploaded_by_name = row.text(9),
                                  .uploaded_at = row.text(10)};
}

// The audit log's picture: what was stored and its hash, never the bytes.
nlohmann::json document_json(const domain::EvidenceDocument& row) {
  return nlohmann::json{{"id", row.id},
                        {"owner", domain::to_string(row.owner)},
                        {"owner_id", row.owner_id},
                        {"stage", row.stage},
                        {"file_name", row.file_name},
                        {"media_type", row.media_type},
                        {"size", row.size},
                        {"sha256", row.sha256},
                        {"uploaded_by", row.uploaded_by ? nlohmann::json(row.uploaded_by->value) : nlohmann::json()},
                        {"uploaded_at", row.uploaded_at}};
}

// Checks and inserts the document (its owner already checked by the caller); returns it stored.
// Its bytes go to `files` when the deployment keeps them in a directory, else into the row.
domain::EvidenceDocument insert_document(SqlSession& session, domain::EvidenceDocument document,
                                         std::string_view content, const domain::Actor& actor,
                                         const std::optional<DocumentFiles>& files) {
  ensure(domain::check(document));
  if (static_cast<std::int64_t>(content.size()) != document.size) {
    fail(ErrorCode::invalid_input, "document: its size does not match the file's");
  }
  if (document.uploaded_by) require_row(session, "users", document.uploaded_by->value, "document: user");
  // The file first: a row never names bytes that are not kept. A file kept for a transaction
  // that then fails is named by its hash, and harmless.
  if (files) files->keep(document.sha256, content);
  document.id =
      insert(session,
             "INSERT INTO documents (owner_kind, owner_id, stage, file_name, media_type, size_bytes, sha256, "
             "uploaded_by, uploaded_by_name, uploaded_at, content_base64, stored_in) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
             domain::to_string(document.owner), document.owner_id, document.stage, document.file_name,
             document.media_type, document.size, document.sha256, document.uploaded_by, document.uploaded_by_name,
             document.uploaded_at, files ? std::string() : base64_encode(content), files ? "directory" : "database");
  const auto after = document_json(document);
  append_audit_log(session, actor, "create", "document", std::to_string(document.id), nullptr, &after);
  return document;
}

}  // namespace

Result<std::int64_t> SqlStore::add_action_document(const domain::EvidenceDocument& document, std::string_view content,
                                                   const domain::ActionEvent& event, const domain::Actor& actor) {
  return write("adding a document to an action", [&](SqlSession& session) {
    if (document.owner != domain::DocumentOwner::action) {
      fail(ErrorCode::invalid_input, "document: it is not an action's");
    }
    require_row(session, "actions", document.owner_id, "document: action");
    const auto stored = insert_document(session, document, content, actor, files_);
    domain::ActionEvent entry = event;
    entry.action_id = ActionId{document.owner_id};
    ensure(domain::check(entry));
    if (entry.by) require_row(session, "users", entry.by->value, "history of an action: user");
    entry.id = insert(session,
                      "INSERT INTO action_events (action_id, kind, at, user_id, by_name, note, from_text, to_text) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      entry.action_id, domain::to_string(entry.kind), entry.at, entry.by, entry.by_name, entry.note,
                      entry.from, entry.to);
    const auto logged = record_json(entry);
    append_audit_log(session, actor, "create", "action_event", std::to_string(entry.id), nullptr, &logged);
    return stored.id;
  });
}

Result<std::int64_t> SqlStore::add_outlier_document(const domain::EvidenceDocument& document, std::string_view content,
                                                    const domain::OutlierEvent& event, const domain::Actor& actor) {
  return write("adding a document to an outlier case", [&](SqlSession& session) {
    if (document.owner != domain::DocumentOwner::outlier_case) {
      fail(ErrorCode::invalid_input, "document: it is not an outlier case's");
    }
    require_row(session, "outlier_cases", document.owner_id, "document: outlier case");
    const auto stored = insert_document(session, document, content, actor, files_);
    domain::OutlierEvent entry = event;
    entry.case_id = OutlierCaseId{document.owner_id};
    if (entry.at.empty()) entry.at = document.uploaded_at;
    if (entry.by) require_row(session, "users", entry.by->value, "outlier event: user");
    entry.id = insert(session,
                      "INSERT INTO outlier_events (case_id, stage, what, by_user, at) VALUES (?, ?, ?, ?, ?) "
                      "RETURNING id",
                      entry.case_id, entry.stage, entry.what, entry.by, entry.at);
    const auto logged = record_json(entry);
    append_audit_log(session, actor, "create", "outlier_event", std::to_string(entry.id), nullptr, &logged);
    return stored.id;
  });
}

Result<std::vector<domain::EvidenceDocument>> SqlStore::documents(domain::DocumentOwner owner, std::int64_t owner_id) {
  return read("reading documents", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kDocumentColumns) + "WHERE owner_kind = ? AND owner_id = ? ORDER BY uploaded_at, id",
                    read_document, domain::to_string(owner), owner_id);
  });
}

Result<domain::EvidenceDocument> SqlStore::document(std::int64_t id) {
  return read("reading a document", [&](SqlSession& session) {
    return only_row(session, "there is no document " + std::to_string(id),
                    std::string(kDocumentColumns) + "WHERE id = ?", read_document, id);
  });
}

Result<std::string> SqlStore::document_content(std::int64_t id) {
  return read("reading a document's file", [&](SqlSession& session) {
    struct Kept {
      std::string base64;
      std::string stored_in;
      std::string sha256;
      std::int64_t size = 0;
    };
    const auto kept = only_row(
        session, "there is no document " + std::to_string(id),
        "SELECT content_base64, stored_in, sha256, size_bytes FROM documents WHERE id = ?",
        [](const SqlRow& row) {
          return Kept{row.text(0), row.text(1), row.text(2), row.int64(3)};
        },
        id);
    if (kept.stored_in == "directory") {
      if (!files_) {
        fail(ErrorCode::storage_unavailable, "document " + std::to_string(id) +
                                                 " is kept in the documents directory, and this server was started "
                                                 "without one (serve --documents-dir)");
      }
      return files_->read(kept.sha256, kept.size);
    }
    auto bytes = base64_decode(kept.base64);
    if (!bytes) fail(ErrorCode::internal, "document " + std::to_string(id) + ": the stored file is damaged");
    return std::move(*bytes);
  });
}

}  // namespace clinaudit::storage
