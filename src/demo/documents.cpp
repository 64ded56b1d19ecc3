#include "demo/documents.hpp"

#include <string>

#include "demo/catalogue.hpp"
#include "domain/document_commands.hpp"

namespace clinaudit::demo {
namespace {

// The demo's day, at noon: documents are dated like the rest of the demo.
class DemoDay final : public domain::Clock {
 public:
  explicit DemoDay(Date day) : day_(day) {}
  Date today() const override { return day_; }
  std::string now_iso() const override { return day_.to_string() + "T12:00:00Z"; }

 private:
  Date day_;
};

// A one-page PDF holding `line`: enough for a reader to open and for the upload check
// (which recognises a PDF by its first bytes).
std::string one_page_pdf(const std::string& line) {
  const std::string text = "BT /F1 12 Tf 72 720 Td (" + line + ") Tj ET";
  return "%PDF-1.4\n"
         "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
         "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
         "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
         "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
         "4 0 obj << /Length " +
         std::to_string(text.size()) + " >> stream\n" + text +
         "\nendstream endobj\n"
         "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
         "trailer << /Root 1 0 R >>\n%%EOF\n";
}

Result<domain::Principal> principal(domain::Store& store, const char* organisation_code, domain::Role role) {
  CLINAUDIT_TRY(const auto organisation, store.organisation_by_code(organisation_code));
  CLINAUDIT_TRY(const auto users, store.users(organisation.id));
  for (const auto& user : users) {
    if (user.role == role) return domain::Principal{user.id, user.email, role, organisation.id, organisation.type};
  }
  return Error{ErrorCode::not_found, std::string("the demo has no such login at ") + organisation_code};
}

}  // namespace

Result<void> add_demo_documents(domain::Store& store, Date as_of, std::string (*sha256_hex)(std::string_view)) {
  const DemoDay clock(as_of);
  const domain::DocumentRules rules{.sha256_hex = sha256_hex};

  CLINAUDIT_TRY(const auto manager, principal(store, kDemoHomeTrust, domain::Role::audit_manager));
  CLINAUDIT_TRY(const auto actions, store.actions(manager.organisation_id));
  for (const auto& action : actions) {
    if (action.status != domain::ActionStatus::completed) continue;
    const std::string content = one_page_pdf("Re-audit summary (synthetic demo document): " + action.title);
    CLINAUDIT_TRY_VOID(domain::attach_action_document(store, manager, domain::Actor{manager.user_id, manager.email},
                                                      clock, action.id, {"Re-audit summary.pdf", content}, rules));
    break;
  }

  CLINAUDIT_TRY(const auto analyst, principal(store, kDemoNationalBody, domain::Role::national_analyst));
  CLINAUDIT_TRY(const auto cases, store.outlier_cases(std::nullopt, std::nullopt));
  if (!cases.empty()) {
    const std::string content = one_page_pdf("Letter to the provider (synthetic demo document)");
    CLINAUDIT_TRY_VOID(domain::attach_outlier_document(store, analyst, domain::Actor{analyst.user_id, analyst.email},
                                                       clock, cases.front().id, {"Letter to the provider.pdf", content},
                                                       rules));
  }
  return {};
}

}  // namespace clinaudit::demo
