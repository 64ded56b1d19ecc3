// Documents attached as evidence: the list on an action's or a case's page, and the upload form.
#include "http/pages/document_pages.hpp"

namespace clinaudit::http::pages {

namespace {

// "2026-01-15T10:00:00Z" as a person reads it: "2026-01-15 at 10:00 (UTC)".
std::string when(const std::string& at) {
  if (at.size() < 16 || at[10] != 'T') return at;
  return at.substr(0, 10) + " at " + at.substr(11, 5) + " (UTC)";
}

std::string kind_words(const std::string& media_type) {
  return media_type == domain::media_type(domain::DocumentType::pdf) ? "PDF" : "Word document";
}

}  // namespace

Html documents_list(const DocumentPlace& place, const std::vector<domain::EvidenceDocument>& documents) {
  Html out = "<h2 id=\"documents\">Documents</h2>"_html;
  if (documents.empty()) {
    out += "<p>No documents attached yet.</p>"_html;
    return out;
  }
  const bool stages = place.stages != nullptr;
  out += "<table><thead><tr><th scope=\"col\">Document</th>"_html;
  if (stages) out += "<th scope=\"col\">Stage</th>"_html;
  out +=
      "<th scope=\"col\">Size</th><th scope=\"col\">Added by</th><th scope=\"col\">When</th></tr></thead><tbody>"_html;
  for (const auto& document : documents) {
    out += html("<tr><td><a href=\"{}/documents/{}\" download>{}</a> <span class=\"muted\">({})</span></td>",
                place.path, document.id, document.file_name, kind_words(document.media_type));
    if (stages) out += html("<td>{}</td>", domain::stage_words(*place.stages, document.stage));
    out += html("<td>{}</td><td>{}</td><td>{}</td></tr>", domain::size_in_words(document.size),
                document.uploaded_by_name.empty() ? std::string("unknown") : document.uploaded_by_name,
                when(document.uploaded_at));
  }
  out += "</tbody></table>"_html;
  return out;
}

Html document_upload_form(const Context& context, const DocumentPlace& place, const FormErrors& errors,
                          std::string_view heading, std::string_view hint) {
  return html(
      "<form method=\"post\" action=\"{}/documents\" enctype=\"multipart/form-data\" class=\"panel\" "
      "id=\"add-document\" novalidate>{}<h2>{}</h2><div class=\"{}\"><label for=\"document\">File</label><p "
      "class=\"hint\" id=\"document-hint\">{}</p>{}<input type=\"file\" id=\"document\" name=\"document\" "
      "accept=\".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document\"{}>"
      "</div><button class=\"button secondary\" type=\"submit\">Attach the document</button></form>",
      place.path, csrf_field(context), heading, group_class(errors, "document"), hint,
      error_message(errors, "document"), field_attributes(errors, "document", "document-hint"));
}

std::string document_hint(std::size_t max_bytes) {
  return "A PDF or a Word document (.docx), up to " + domain::size_in_words(static_cast<std::int64_t>(max_bytes)) + ".";
}

}  // namespace clinaudit::http::pages
