#include "platform/smtp_mailer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <utility>

#include "platform/random_token.hpp"

namespace clinaudit::platform {

namespace {

std::string header_value(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

std::string base64(std::string_view bytes) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U) |
                   (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U) |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += kAlphabet[(n >> 6U) & 63U];
    out += kAlphabet[n & 63U];
  }
  if (i < bytes.size()) {
    auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U;
    const bool two = i + 1 < bytes.size();
    if (two) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += two ? kAlphabet[(n >> 6U) & 63U] : '=';
    out += '=';
  }
  return out;
}

std::string encoded_subject(std::string_view subject) {
  const bool ascii =
      std::all_of(subject.begin(), subject.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(subject);
  return "=?UTF-8?B?" + base64(subject) + "?=";
}

std::string rfc5322_now() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::array<char, 64> text{};
  // strftime's %a and %b follow the C locale, which is what the RFC wants.
  const std::size_t length = std::strftime(text.data(), text.size(), "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return std::string(text.data(), length);
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The message, handed to libcurl piece by piece.
struct Upload {
  std::string text;
  std::size_t sent = 0;
};

extern "C" std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->text.size() - upload->sent;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->text.data() + upload->sent, n);
  upload->sent += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

std::string format_mail(const domain::MailMessage& message, std::string_view from, std::string_view date,
                        std::string_view message_id) {
  std::string to;
  for (const auto& address : message.to) to += (to.empty() ? "" : ", ") + header_value(address);
  std::string text;
  text += "Date: " + header_value(date) + "\r\n";
  text += "From: " + header_value(from) + "\r\n";
  text += "To: " + to + "\r\n";
  text += "Subject: " + encoded_subject(header_value(message.subject)) + "\r\n";
  text += "Message-ID: <" + header_value(message_id) + ">\r\n";
  text += "MIME-Version: 1.0\r\n";
  text += "Content-Type: text/plain; charset=utf-8\r\n";
  text += "Content-Transfer-Encoding: 8bit\r\n";
  text += "\r\n";
  for (const char c : message.body) {
    if (c == '\r') continue;
    if (c == '\n') {
      text += "\r\n";
    } else {
      text += c;
    }
  }
  if (!message.body.empty() && message.body.back() != '\n') text += "\r\n";
  return text;
}

Result<SmtpMailer> SmtpMailer::create(SmtpSettings settings) {
  if (!settings.url.starts_with("smtp://") && !settings.url.starts_with("smtps://")) {
    return Error{ErrorCode::invalid_input,
                 "the mail server URL must start with smtp:// or smtps:// (found '" + settings.url + "')"};
  }
  if (settings.from.empty()) return Error{ErrorCode::invalid_input, "the sender address (--from) is empty"};
  global_init();
  return SmtpMailer(std::move(settings));
}

Result<void> SmtpMailer::send(const domain::MailMessage& message) {
  if (message.to.empty()) return Error{ErrorCode::invalid_input, "an e-mail needs at least one recipient"};
  const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Error{ErrorCode::internal, "libcurl could not start a transfer"};
  curl_slist* list = nullptr;
  for (const auto& address : message.to) {
    curl_slist* grown = curl_slist_append(list, ("<" + header_value(address) + ">").c_str());
    if (grown == nullptr) {
      curl_slist_free_all(list);
      return Error{ErrorCode::internal, "out of memory listing the recipients"};
    }
    list = grown;
  }
  const std::unique_ptr<curl_slist, SlistDeleter> recipients(list);
  CLINAUDIT_TRY(const auto token, random_hex(16));
  Upload upload{format_mail(message, settings_.from, rfc5322_now(), token + "@clinaudit"), 0};
  const std::string mail_from = "<" + header_value(settings_.from) + ">";
  std::array<char, CURL_ERROR_SIZE> error_text{};

  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_text.data());
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM in a multi-threaded server
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, std::min(settings_.timeout_seconds, 10L));
  if (settings_.require_tls) curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!settings_.username.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode code = curl_easy_perform(handle);
  if (code != CURLE_OK) {
    long reply = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply);
    std::string text = error_text[0] != '\0' ? error_text.data() : curl_easy_strerror(code);
    if (reply != 0) text += " (server reply " + std::to_string(reply) + ")";
    return Error{ErrorCode::storage_unavailable, "sending e-mail through " + settings_.url + ": " + text};
  }
  return {};
}

}  // namespace clinaudit::platform
