// Each subcommand lives in its own cmd_*.cpp and registers itself here.
#pragma once

#include <CLI/CLI.hpp>

namespace agencygraph::cli {

// Registers the subcommand on `app`. The callback it installs sets `exit_code`.
void register_parse(CLI::App& app, int& exit_code);
void register_rank(CLI::App& app, int& exit_code);
void register_clusters(CLI::App& app, int& exit_code);
void register_map(CLI::App& app, int& exit_code);
void register_export(CLI::App& app, int& exit_code);
void register_check(CLI::App& app, int& exit_code);
void register_report(CLI::App& app, int& exit_code);
void register_compare(CLI::App& app, int& exit_code);
void register_trend(CLI::App& app, int& exit_code);

}  // namespace agencygraph::cli
