#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/daily_jobs.hpp"
#include "domain/result_outliers.hpp"
#include "platform/system_clock.hpp"

namespace clinaudit::cli {

namespace {

struct JobsRunOptions {
  std::string db;
  std::string as_of;
  MailOptions mail;
};

void print(std::ostream& out, std::string_view how, const domain::Notification& notification) {
  out << how << ' ' << notification.key << " to ";
  for (std::size_t i = 0; i < notification.recipients.size(); ++i) {
    out << (i > 0 ? ", " : "") << notification.recipients[i];
  }
  out << ": " << notification.subject << '\n';
}

Result<void> run(const JobsRunOptions& options) {
  platform::SystemClock clock;
  CLINAUDIT_TRY(const Date today, as_of_date(options.as_of));
  CLINAUDIT_TRY(auto mailer, mailer_from(options.mail));
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto jobs, run_daily_jobs(*store, mailer.get(), clock, today, options.mail.public_url));
  for (const auto& analysis : jobs.analyses.analyses) {
    if (!analysis.ran) continue;
    std::cout << "analysed " << analysis.audit_code << ' ' << analysis.period << ": " << analysis.episodes
              << " episodes, ";
    if (analysis.failure.empty()) {
      std::cout << analysis.cases_opened << " outlier case(s) opened, " << analysis.cases_raised << " raised to alarm, "
                << analysis.new_alerts << " new CUSUM alert(s)\n";
    } else {
      std::cout << "failed: " << analysis.failure << '\n';
    }
  }
  // Each measure-year of imported results checked, and what the check found.
  for (const auto& check : jobs.analyses.result_checks) {
    std::cout << "checked " << check.audit_code << ' ' << check.measure.code << ' ' << check.period << ": "
              << domain::result_check_findings(check) << '\n';
  }
  const auto* report = &jobs.notifications;
  for (const auto& notification : report->emailed) print(std::cout, "emailed", notification);
  for (const auto& notification : report->in_app) {
    print(std::cout, "in-app", notification);
    std::cout << notification.body << '\n';
  }
  for (const auto& notification : report->failed) print(std::cout, "failed", notification);
  std::cout << run_summary(jobs) << '\n';
  if (!report->failures.empty()) {
    return Error{ErrorCode::storage_unavailable, std::to_string(report->failures.size()) +
                                                     " e-mail(s) could not be sent and will be tried again by the "
                                                     "next run; the first: " +
                                                     report->failures.front()};
  }
  return {};
}

}  // namespace

void add_jobs_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("jobs", "Run the daily scheduled checks (for cron)");
  command->require_subcommand(1);
  auto* run_command = command->add_subcommand(
      "run",
      "Analyse the national audits whose episodes have changed and check their imported yearly results for "
      "outliers, then send the day's notifications (new outlier "
      "cases and CUSUM alerts, stage deadlines, actions due and overdue, national reports "
      "to review) by e-mail and record them for the in-app list; each is sent once");
  auto options = std::make_shared<JobsRunOptions>();
  run_command->add_option("--db", options->db,
                          "Database: a SQLite file path or a postgresql:// URL (default $CLINAUDIT_DB or "
                          "./clinaudit.sqlite)");
  run_command->add_option("--as-of", options->as_of, "Run the checks for this date, YYYY-MM-DD (default: today, UTC)");
  add_mail_options(*run_command, options->mail);
  on_run(*run_command, outcome, [options]() -> Result<void> { return run(*options); });
}

}  // namespace clinaudit::cli
