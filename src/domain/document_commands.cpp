#include "domain/document_commands.hpp"

#include <cassert>
#include <utility>

#include "domain/outlier_casework.hpp"

namespace clinaudit::domain {

namespace {

Error no_document() { return Error{ErrorCode::not_found, "there is no such document"}; }

// The stored document `document` if it belongs to (`owner`, `owner_id`), with its bytes.
Result<DocumentDownload> owned_document(Store& store, DocumentOwner owner, std::int64_t owner_id,
                                        std::int64_t document) {
  auto found = store.document(document);
  if (!found) return found.error().code == ErrorCode::not_found ? no_document() : found.error();
  if (found->owner != owner || found->owner_id != owner_id) return no_document();
  CLINAUDIT_TRY(auto content, store.document_content(document));
  return DocumentDownload{std::move(*found), std::move(content)};
}

EvidenceDocument uploaded(EvidenceDocument document, DocumentOwner owner, std::int64_t owner_id, const Actor& actor,
                          const Clock& clock) {
  document.owner = owner;
  document.owner_id = owner_id;
  document.uploaded_by = actor.user_id;
  document.uploaded_by_name = actor.name;
  document.uploaded_at = clock.now_iso();
  return document;
}

}  // namespace

Result<EvidenceDocument> checked_upload(const DocumentUpload& upload, const DocumentRules& rules) {
  assert(rules.sha256_hex != nullptr);
  CLINAUDIT_TRY(const auto type, recognise_document(upload.content, rules.max_bytes));
  EvidenceDocument document;
  document.file_name = safe_file_name(upload.file_name, type);
  document.media_type = std::string(media_type(type));
  document.size = static_cast<std::int64_t>(upload.content.size());
  document.sha256 = rules.sha256_hex(upload.content);
  return document;
}

Result<std::int64_t> attach_action_document(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                            ActionId id, const DocumentUpload& upload, const DocumentRules& rules) {
  if (!allows(who, Permission::manage_actions)) {
    return Error{ErrorCode::forbidden, "your role does not allow changing actions"};
  }
  auto action = store.action(id);
  if (!action || action->organisation_id != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  CLINAUDIT_TRY(auto checked, checked_upload(upload, rules));
  const auto document = uploaded(std::move(checked), DocumentOwner::action, id.value, actor, clock);
  ActionEvent event;
  event.action_id = id;
  event.kind = ActionEventKind::document_added;
  event.at = document.uploaded_at;
  event.by = actor.user_id;
  event.by_name = actor.name;
  event.to = document.file_name;
  event.note = size_in_words(document.size);
  return store.add_action_document(document, upload.content, event, actor);
}

Result<std::int64_t> attach_outlier_document(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                             OutlierCaseId id, const DocumentUpload& upload,
                                             const DocumentRules& rules) {
  if (!allows(who, Permission::manage_outliers)) {
    return Error{ErrorCode::forbidden, "your role does not allow working on outlier cases"};
  }
  auto item = store.outlier_case(id);
  if (!item || !may_see_outlier_case(store, who, *item)) {
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(id.value)};
  }
  CLINAUDIT_TRY(auto checked, checked_upload(upload, rules));
  auto document = uploaded(std::move(checked), DocumentOwner::outlier_case, id.value, actor, clock);
  document.stage = item->stage;
  OutlierEvent event;
  event.case_id = id;
  event.stage = item->stage;
  event.what = "Document added: " + document.file_name + " (" + size_in_words(document.size) + ")";
  event.by = actor.user_id;
  event.at = document.uploaded_at;
  return store.add_outlier_document(document, upload.content, event, actor);
}

Result<DocumentDownload> action_document(Store& store, const Principal& who, ActionId id, std::int64_t document) {
  auto action = store.action(id);
  if (!action || action->organisation_id != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  return owned_document(store, DocumentOwner::action, id.value, document);
}

Result<DocumentDownload> outlier_document(Store& store, const Principal& who, OutlierCaseId id, std::int64_t document) {
  auto item = store.outlier_case(id);
  if (!item || !may_see_outlier_case(store, who, *item)) {
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(id.value)};
  }
  return owned_document(store, DocumentOwner::outlier_case, id.value, document);
}

}  // namespace clinaudit::domain
