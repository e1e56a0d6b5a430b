// agencygraph: reads government task-responsibility documents and analyses the agency network.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "run_report.hpp"

int main(int argc, char** argv) {
  CLI::App app{"agencygraph: the agency network of Chinese government task-responsibility documents"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "agencygraph " AGENCYGRAPH_VERSION);  // PROJECT_VERSION
  int exit_code = 0;
  agencygraph::cli::register_parse(app, exit_code);
  agencygraph::cli::register_rank(app, exit_code);
  agencygraph::cli::register_clusters(app, exit_code);
  agencygraph::cli::register_map(app, exit_code);
  agencygraph::cli::register_export(app, exit_code);
  agencygraph::cli::register_check(app, exit_code);
  agencygraph::cli::register_report(app, exit_code);
  agencygraph::cli::register_compare(app, exit_code);
  agencygraph::cli::register_trend(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors exit 2
  } catch (const std::exception& e) {
    std::fprintf(stderr, "agencygraph: %s\n", e.what());
    return 1;
  }
  agencygraph::cli::print_timings();
  return exit_code;
}
