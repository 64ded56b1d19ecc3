#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace clinaudit::cli;
  CLI::App app{
      "clinaudit: clinical audit governance — audit register, statistics, outlier management and board "
      "assurance"};
  app.set_version_flag("--version", std::string("clinaudit ") + CLINAUDIT_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  Outcome outcome;
  add_serve_command(app, outcome);
  add_demo_command(app, outcome);
  add_import_command(app, outcome);
  add_db_command(app, outcome);
  add_stats_command(app, outcome);
  add_report_command(app, outcome);
  add_analyse_command(app, outcome);
  add_user_command(app, outcome);
  add_jobs_command(app, outcome);
  add_survey_command(app, outcome);
  add_timetable_command(app, outcome);
  add_board_command(app, outcome);
  add_setup_commands(app, outcome);
  add_review_command(app, outcome);
  add_dataset_command(app, outcome);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::usage);
  }
  return outcome.exit_code;
}
