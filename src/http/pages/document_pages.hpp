#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/evidence_document.hpp"
#include "domain/outlier_workflow.hpp"
#include "http/pages/layout.hpp"

// The documents attached to an action or an outlier case, as their pages list them, and the
// form that attaches one (one file input "document", PDF or Word, posted as multipart).
namespace clinaudit::http::pages {

// Where the documents belong: the owner's page path ("/actions/7", "/outliers/3") and, for a
// case, its stages (to name the stage each document was attached at).
struct DocumentPlace {
  std::string path;
  const std::vector<domain::OutlierStage>* stages = nullptr;
};

// "Documents": a table of name (a link to its download), size in words, who and when (and the
// stage, for a case), or a sentence when there are none.
Html documents_list(const DocumentPlace& place, const std::vector<domain::EvidenceDocument>& documents);

// The form posting to "<path>/documents": a file input with the kinds and the size limit in
// its hint, its problem shown at the field from `errors` (field "document").
Html document_upload_form(const Context& context, const DocumentPlace& place, const FormErrors& errors,
                          std::string_view heading, std::string_view hint);

// The hint under a document file input: the types accepted and the limit in words.
std::string document_hint(std::size_t max_bytes);

}  // namespace clinaudit::http::pages
