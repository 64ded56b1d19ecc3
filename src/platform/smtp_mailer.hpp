#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/mailer.hpp"

namespace clinaudit::platform {

// Where and how to send e-mail (docs/operations.md, "E-mail").
struct SmtpSettings {
  // "smtp://host:port" (plain, or STARTTLS when `require_tls`) or "smtps://host:port"
  // (TLS from the first byte).
  std::string url;
  std::string from;      // the sender's address, e.g. "clinaudit@trust.nhs.uk"
  std::string username;  // empty: no authentication
  std::string password;
  bool require_tls = false;  // upgrade smtp:// with STARTTLS and refuse to send without it
  long timeout_seconds = 30;
};

// The text of a plain-text message as sent over SMTP: headers (Date, From, To, Subject,
// Message-ID, MIME-Version, Content-Type) and the body, with CRLF line ends. Header
// values lose any CR or LF (no header injection); a subject that is not ASCII is
// encoded as RFC 2047 UTF-8 base64. `date` is an RFC 5322 date, e.g.
// "Fri, 03 Apr 2026 07:00:00 +0000". Pure.
std::string format_mail(const domain::MailMessage& message, std::string_view from, std::string_view date,
                        std::string_view message_id);

// Sends mail through an SMTP server with libcurl, one connection per message. The only
// code that includes libcurl. Safe to use from several threads (each send has its own
// handle).
class SmtpMailer final : public domain::Mailer {
 public:
  // Errors: invalid_input when the URL is not smtp:// or smtps://, or `from` is empty.
  static Result<SmtpMailer> create(SmtpSettings settings);

  Result<void> send(const domain::MailMessage& message) override;

  const SmtpSettings& settings() const { return settings_; }

 private:
  explicit SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}
  SmtpSettings settings_;
};

}  // namespace clinaudit::platform
