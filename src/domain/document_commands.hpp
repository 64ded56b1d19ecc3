#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/clock.hpp"
#include "domain/evidence_document.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Attaching documents as evidence to an action or to an outlier case's current stage, and
// reading one back, for those who may see the action or the case. One upload path for both:
// the file is checked (domain/evidence_document.hpp) before anything is written, and each
// attachment lands with an entry in the action's history or the case's record and in the
// audit log, in one transaction.
namespace clinaudit::domain {

// A file as it was sent.
struct DocumentUpload {
  std::string file_name;  // as given by the browser or the client; may be empty
  std::string_view content;
};

// What the deployment decides: the largest file accepted, and the SHA-256 (hex) of bytes
// (platform::sha256_hex, passed in so that the domain stays free of cryptography).
struct DocumentRules {
  std::size_t max_bytes = std::size_t{10} * 1024 * 1024;
  std::string (*sha256_hex)(std::string_view) = nullptr;
};

// The document `upload` makes, before it is attached: type recognised from the content,
// name made safe, size and hash. Errors: recognise_document's (invalid_input naming "document").
Result<EvidenceDocument> checked_upload(const DocumentUpload& upload, const DocumentRules& rules);

// Attaches the file to the action `id` of `who`'s organisation, at any time (open or closed),
// with a "Document added" entry in its history. Returns the document's id. Errors: forbidden
// without manage_actions; not_found for another organisation's action (as for one that does
// not exist); checked_upload's; the store's.
Result<std::int64_t> attach_action_document(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                            ActionId id, const DocumentUpload& upload, const DocumentRules& rules);

// Attaches the file to the outlier case `id`, to its current stage, with "<stage>: document
// added: <name>" in the case's record. Either party may attach (the trust its response, the
// national body its letters). Errors: forbidden without manage_outliers; not_found for a case
// `who` may not see; checked_upload's; the store's.
Result<std::int64_t> attach_outlier_document(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                             OutlierCaseId id, const DocumentUpload& upload,
                                             const DocumentRules& rules);

// A document with its bytes, for a download.
struct DocumentDownload {
  EvidenceDocument document;
  std::string content;
};

// The document `document` of the action `id`, for whoever may see the action (its
// organisation). Errors: not_found for an action `who` may not see, or a document that is not
// that action's (as for one that does not exist); the store's.
Result<DocumentDownload> action_document(Store& store, const Principal& who, ActionId id, std::int64_t document);

// The document `document` of the outlier case `id`, for whoever may see the case (the trust,
// the national body). Errors: as action_document's.
Result<DocumentDownload> outlier_document(Store& store, const Principal& who, OutlierCaseId id, std::int64_t document);

}  // namespace clinaudit::domain
