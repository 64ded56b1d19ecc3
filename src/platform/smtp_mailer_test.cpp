#include "platform/smtp_mailer.hpp"

#include <gtest/gtest.h>

namespace clinaudit::platform {
namespace {

TEST(SmtpMailer, FormatsAPlainTextMessageWithCrlfLineEnds) {
  const domain::MailMessage message{{"am@rxx.nhs.uk", "cl@rxx.nhs.uk"}, "Action overdue", "Line one\nLine two\n"};
  EXPECT_EQ(format_mail(message, "clinaudit@rxx.nhs.uk", "Fri, 03 Apr 2026 07:00:00 +0000", "abc@clinaudit"),
            "Date: Fri, 03 Apr 2026 07:00:00 +0000\r\n"
            "From: clinaudit@rxx.nhs.uk\r\n"
            "To: am@rxx.nhs.uk, cl@rxx.nhs.uk\r\n"
            "Subject: Action overdue\r\n"
            "Message-ID: <abc@clinaudit>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n"
            "\r\n"
            "Line one\r\nLine two\r\n");
}

TEST(SmtpMailer, HeaderValuesCannotInjectHeaders) {
  const domain::MailMessage message{{"a@b.uk"}, "Hello\r\nBcc: victim@example.com", "x"};
  const auto text = format_mail(message, "from@b.uk", "date", "id");
  EXPECT_NE(text.find("Subject: HelloBcc: victim@example.com\r\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos) << text;
}

TEST(SmtpMailer, NonAsciiSubjectIsEncodedWordUtf8) {
  // "Ysbyty Gwynedd – alarm" with an en dash (U+2013): base64 of the UTF-8 bytes.
  const domain::MailMessage message{{"a@b.uk"}, "Ysbyty \xE2\x80\x93 alarm", "x"};
  const auto text = format_mail(message, "from@b.uk", "date", "id");
  EXPECT_NE(text.find("Subject: =?UTF-8?B?WXNieXR5IOKAkyBhbGFybQ==?=\r\n"), std::string::npos) << text;
}

SmtpSettings settings_for(const char* url, const char* from) {
  SmtpSettings settings;
  settings.url = url;
  settings.from = from;
  return settings;
}

TEST(SmtpMailer, RefusesAUrlThatIsNotSmtp) {
  const auto mailer = SmtpMailer::create(settings_for("http://127.0.0.1:25", "from@b.uk"));
  ASSERT_FALSE(mailer);
  EXPECT_EQ(mailer.error().code, ErrorCode::invalid_input);
  EXPECT_FALSE(SmtpMailer::create(settings_for("smtp://127.0.0.1:25", "")));
}

TEST(SmtpMailer, AServerThatCannotBeReachedIsAnError) {
  SmtpSettings settings;
  settings.url = "smtp://127.0.0.1:1";  // nothing listens on port 1
  settings.from = "from@b.uk";
  settings.timeout_seconds = 5;
  auto mailer = SmtpMailer::create(settings);
  ASSERT_TRUE(mailer) << mailer.error().message;
  const auto sent = mailer->send({{"a@b.uk"}, "subject", "body"});
  ASSERT_FALSE(sent);
  EXPECT_EQ(sent.error().code, ErrorCode::storage_unavailable);
  EXPECT_NE(sent.error().message.find("smtp://127.0.0.1:1"), std::string::npos) << sent.error().message;
  EXPECT_FALSE(mailer->send({{}, "subject", "body"}));
}

}  // namespace
}  // namespace clinaudit::platform
