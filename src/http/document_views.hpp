#pragma once

#include <cstdint>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/document_commands.hpp"
#include "http/app.hpp"

// Documents attached as evidence (domain/document_commands.hpp), as the signed-in user: the
// upload is the multipart file field "document"; the limit is AppConfig::max_document_bytes.
namespace clinaudit::http {

// The deployment's rules for documents: its size limit and the SHA-256 of platform/.
domain::DocumentRules document_rules(const Context& context);

// The file sent in the multipart field `field` (an empty upload when there is none).
domain::DocumentUpload uploaded_file(const Context& context, const char* field);

Result<std::int64_t> attach_action_document(Context& context, ActionId id);
Result<std::int64_t> attach_outlier_document(Context& context, OutlierCaseId id);
Result<domain::DocumentDownload> action_document(Context& context, ActionId id, std::int64_t document);
Result<domain::DocumentDownload> outlier_document(Context& context, OutlierCaseId id, std::int64_t document);

// The download of a document: its own media type, as an attachment under its safe name
// (the security headers, X-Content-Type-Options: nosniff among them, are the App's).
Response document_response(const domain::DocumentDownload& download);

}  // namespace clinaudit::http
