#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.hpp"

// Each top-level command registers itself on the application (one file per command).
namespace clinaudit::cli {

void add_serve_command(CLI::App& app, Outcome& outcome);
void add_demo_command(CLI::App& app, Outcome& outcome);
void add_import_command(CLI::App& app, Outcome& outcome);
void add_db_command(CLI::App& app, Outcome& outcome);
void add_stats_command(CLI::App& app, Outcome& outcome);
void add_report_command(CLI::App& app, Outcome& outcome);
void add_analyse_command(CLI::App& app, Outcome& outcome);
void add_user_command(CLI::App& app, Outcome& outcome);
void add_jobs_command(CLI::App& app, Outcome& outcome);
void add_survey_command(CLI::App& app, Outcome& outcome);
void add_timetable_command(CLI::App& app, Outcome& outcome);
void add_board_command(CLI::App& app, Outcome& outcome);
// organisation, audit and measure: setting up the register (setup_command.cpp).
void add_setup_commands(CLI::App& app, Outcome& outcome);
// Published audit reports: `report add|list` (under `report`) and `review add`.
void add_report_record_commands(CLI::App& report, Outcome& outcome);
void add_review_command(CLI::App& app, Outcome& outcome);
void add_dataset_command(CLI::App& app, Outcome& outcome);

// The `stats` subcommands, one file each.
void add_stats_funnel_command(CLI::App& stats, Outcome& outcome);
void add_stats_risk_model_command(CLI::App& stats, Outcome& outcome);
void add_stats_interval_command(CLI::App& stats, Outcome& outcome);
void add_stats_spc_command(CLI::App& stats, Outcome& outcome);
void add_stats_runchart_command(CLI::App& stats, Outcome& outcome);
void add_stats_control_command(CLI::App& stats, Outcome& outcome);
void add_stats_cusum_command(CLI::App& stats, Outcome& outcome);
void add_stats_cusum_limit_command(CLI::App& stats, Outcome& outcome);

}  // namespace clinaudit::cli
