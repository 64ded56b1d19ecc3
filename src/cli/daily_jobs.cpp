#include "cli/daily_jobs.hpp"

#include <cstdlib>

#include "domain/cusum_monitoring.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/stored_provider_cusum.hpp"
#include "domain/working_days.hpp"
#include "platform/smtp_mailer.hpp"

namespace clinaudit::cli {

void add_mail_options(CLI::App& command, MailOptions& options) {
  command
      .add_option("--smtp", options.smtp_url,
                  "Mail server, smtp://host:port or smtps://host:port (default $CLINAUDIT_SMTP_URL; none: "
                  "notifications are only recorded for the in-app list)")
      ->envname("CLINAUDIT_SMTP_URL");
  command.add_option("--from", options.from, "Sender address of the e-mails (default $CLINAUDIT_MAIL_FROM)")
      ->envname("CLINAUDIT_MAIL_FROM");
  command
      .add_option("--smtp-user", options.user,
                  "User name at the mail server (default $CLINAUDIT_SMTP_USER; the password is read from "
                  "$CLINAUDIT_SMTP_PASSWORD)")
      ->envname("CLINAUDIT_SMTP_USER");
  command
      .add_flag("--smtp-starttls", options.starttls,
                "Upgrade smtp:// with STARTTLS and refuse to send without it (default $CLINAUDIT_SMTP_STARTTLS)")
      ->envname("CLINAUDIT_SMTP_STARTTLS");
  command
      .add_option("--public-url", options.public_url,
                  "The server's address as people reach it, e.g. https://audit.example.nhs.uk: e-mails link to "
                  "the case, action or report under it (default $CLINAUDIT_PUBLIC_URL; none: the link is the path "
                  "alone)")
      ->envname("CLINAUDIT_PUBLIC_URL");
}

Result<std::unique_ptr<domain::Mailer>> mailer_from(const MailOptions& options) {
  if (options.smtp_url.empty()) return std::unique_ptr<domain::Mailer>();
  platform::SmtpSettings settings;
  settings.url = options.smtp_url;
  settings.from = options.from;
  settings.username = options.user;
  if (const char* password = std::getenv("CLINAUDIT_SMTP_PASSWORD"); password != nullptr) {
    settings.password = password;
  }
  settings.require_tls = options.starttls;
  CLINAUDIT_TRY(auto mailer, platform::SmtpMailer::create(std::move(settings)));
  return std::unique_ptr<domain::Mailer>(std::make_unique<platform::SmtpMailer>(std::move(mailer)));
}

Result<DailyJobsReport> run_daily_jobs(domain::Store& store, domain::Mailer* mailer, const domain::Clock& clock,
                                       Date today, std::string_view public_url) {
  CLINAUDIT_TRY(auto timetable, domain::current_outlier_timetable(store));
  const auto& calendar = domain::WorkingDayCalendar::england_and_wales();
  DailyJobsReport report;
  CLINAUDIT_TRY(auto analyses, domain::run_due_analyses(store, timetable, calendar, today,
                                                        domain::Actor{std::nullopt, "daily jobs"}, CLINAUDIT_VERSION));
  report.analyses = std::move(analyses);
  // The CUSUM monitoring's window moves with the day; unchanged episodes are not fitted again.
  CLINAUDIT_TRY(
      report.cusum_monitoring_refreshed,
      domain::refresh_all_cusum_monitoring(store, today, CLINAUDIT_VERSION, domain::Actor{std::nullopt, "daily jobs"}));
  // Charts follow their results as they are written; here they follow an upgrade of the software.
  CLINAUDIT_TRY(report.measure_charts, domain::refresh_all_measure_charts(store, CLINAUDIT_VERSION,
                                                                          domain::Actor{std::nullopt, "daily jobs"}));
  // A new year, or episodes changed behind an import's back (a dataset conversion).
  CLINAUDIT_TRY(
      report.provider_cusum_years,
      domain::refresh_all_provider_cusum(store, today, CLINAUDIT_VERSION, domain::Actor{std::nullopt, "daily jobs"}));
  CLINAUDIT_TRY(auto notifications,
                domain::run_daily_notifications(store, mailer, clock, today, timetable, calendar, {}, public_url));
  report.notifications = std::move(notifications);
  return report;
}

std::string run_summary(const DailyJobsReport& report) {
  const auto& analyses = report.analyses;
  const auto unchanged = static_cast<std::int64_t>(analyses.analyses.size()) - analyses.ran() - analyses.failed();
  std::string line =
      report.notifications.today.to_string() + ": " + std::to_string(analyses.ran()) + " analysis run(s), " +
      std::to_string(unchanged) + " unchanged, " + std::to_string(analyses.failed()) +
      " failed; imported yearly results checked for " + std::to_string(analyses.result_checks.size()) +
      " measure-year(s), " + std::to_string(analyses.result_cases_opened) + " outlier case(s) opened, " +
      std::to_string(analyses.result_cases_raised) + " raised to alarm; CUSUM monitoring computed again for " +
      std::to_string(report.cusum_monitoring_refreshed) + " audit(s), " + std::to_string(report.measure_charts.stored) +
      " SPC chart(s) and " + std::to_string(report.measure_charts.funnels_stored) +
      " funnel plot(s) computed again, providers' CUSUM computed again for " +
      std::to_string(report.provider_cusum_years) + " audit-year(s); ";
  const auto& sent = report.notifications;
  if (!sent.working_day) return line + "not a working day, no notifications (the next working day catches up)";
  return line + std::to_string(sent.emailed.size()) + " sent by e-mail, " + std::to_string(sent.in_app.size()) +
         " recorded in-app only, " + std::to_string(sent.already_sent) + " already sent, " +
         std::to_string(sent.failed.size()) + " failed";
}

}  // namespace clinaudit::cli
