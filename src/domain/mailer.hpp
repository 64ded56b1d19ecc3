#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::domain {

// One plain-text e-mail. The sender is the mailer's own setting.
struct MailMessage {
  std::vector<std::string> to;  // e-mail addresses, at least one
  std::string subject;          // one line
  std::string body;             // plain text, lines separated by '\n'
};

// The outgoing e-mail port (docs/architecture.md). Implementation: platform/smtp_mailer.
class Mailer {
 public:
  virtual ~Mailer() = default;
  // Delivers the message to the mail server, which accepts it for every recipient or the
  // call fails. Errors: storage_unavailable when the server cannot be reached or refuses
  // the message (the message names the server's reply); invalid_input for an empty
  // recipient list.
  virtual Result<void> send(const MailMessage& message) = 0;
};

}  // namespace clinaudit::domain
