#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/clock.hpp"
#include "domain/mailer.hpp"
#include "domain/notification_run.hpp"
#include "domain/scheduled_analysis.hpp"
#include "domain/store.hpp"
#include "domain/stored_measure_charts.hpp"

namespace clinaudit::cli {

// The e-mail settings shared by `jobs run` and `serve --jobs` (docs/operations.md).
struct MailOptions {
  std::string smtp_url;  // empty: no e-mail, notifications are recorded for the in-app list only
  std::string from;
  std::string user;
  bool starttls = false;
  // The server's address as people reach it (e.g. "https://audit.example.nhs.uk"): e-mails
  // link to what they are about under it; empty: they give the path alone.
  std::string public_url;
};

// Adds --smtp, --from, --smtp-user, --smtp-starttls and --public-url, each defaulting to its
// environment variable (CLINAUDIT_SMTP_URL, CLINAUDIT_MAIL_FROM, CLINAUDIT_SMTP_USER,
// CLINAUDIT_SMTP_STARTTLS, CLINAUDIT_PUBLIC_URL). The password comes only from CLINAUDIT_SMTP_PASSWORD, so that it
// never shows in a process list.
void add_mail_options(CLI::App& command, MailOptions& options);

// The mailer the options name, or null when no SMTP URL is set.
// Errors: invalid_input for a URL that is not smtp:// or smtps://, or a missing --from.
Result<std::unique_ptr<domain::Mailer>> mailer_from(const MailOptions& options);

// What one run of the daily jobs did.
struct DailyJobsReport {
  domain::ScheduledAnalysisReport analyses;
  std::int64_t cusum_monitoring_refreshed = 0;  // audits whose CUSUM monitoring was stored again
  domain::MeasureChartRefresh measure_charts;   // SPC charts computed again (an upgrade) or removed
  std::int64_t provider_cusum_years = 0;        // audit-years whose providers' CUSUM was stored again
  domain::NotificationRunReport notifications;
};

// Runs the daily jobs once for `today` with the timetable in force and the England and
// Wales calendar: first the analysis runs of audits whose episodes have changed and the
// outlier check of imported yearly results (domain::run_due_analyses), so that the cases and alerts they open are
// announced the same day, then each national audit's CUSUM monitoring (domain::refresh_all_cusum_monitoring), the
// measures' stored SPC charts (domain::refresh_all_measure_charts: only those whose results,
// settings or software version changed) and each provider's CUSUM of the current and past
// year (domain::refresh_all_provider_cusum: only where the episodes, measures or software
// version changed), then the notifications (domain::run_daily_notifications, e-mails linking under
// `public_url` when it is not empty).
Result<DailyJobsReport> run_daily_jobs(domain::Store& store, domain::Mailer* mailer, const domain::Clock& clock,
                                       Date today, std::string_view public_url = {});

// One line saying what a run did, e.g. "2026-04-07: 1 analysis run (2 unchanged); 2 sent by
// e-mail, 1 already sent, ...".
std::string run_summary(const DailyJobsReport& report);

}  // namespace clinaudit::cli
