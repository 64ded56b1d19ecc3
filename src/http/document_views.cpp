#include "http/document_views.hpp"

#include "platform/sha256.hpp"

namespace clinaudit::http {

domain::DocumentRules document_rules(const Context& context) {
  return domain::DocumentRules{context.config.max_document_bytes, platform::sha256_hex};
}

domain::DocumentUpload uploaded_file(const Context& context, const char* field) {
  const auto file = context.request.files.find(field);
  if (file == context.request.files.end()) return {};
  return domain::DocumentUpload{file->second.filename, file->second.content};
}

Result<std::int64_t> attach_action_document(Context& context, ActionId id) {
  return domain::attach_action_document(context.store, context.principal(), context.actor(), context.clock, id,
                                        uploaded_file(context, "document"), document_rules(context));
}

Result<std::int64_t> attach_outlier_document(Context& context, OutlierCaseId id) {
  return domain::attach_outlier_document(context.store, context.principal(), context.actor(), context.clock, id,
                                         uploaded_file(context, "document"), document_rules(context));
}

Result<domain::DocumentDownload> action_document(Context& context, ActionId id, std::int64_t document) {
  return domain::action_document(context.store, context.principal(), id, document);
}

Result<domain::DocumentDownload> outlier_document(Context& context, OutlierCaseId id, std::int64_t document) {
  return domain::outlier_document(context.store, context.principal(), id, document);
}

Response document_response(const domain::DocumentDownload& download) {
  Response response;
  response.content_type = download.document.media_type;
  response.body = download.content;
  // The name holds no quote, backslash or control character (domain::safe_file_name).
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + download.document.file_name + "\"");
  return response;
}

}  // namespace clinaudit::http
