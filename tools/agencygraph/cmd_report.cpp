// `agencygraph report`: one self-contained HTML file to explore the network offline (docs/report.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "agencygraph/io/report.hpp"
#include "agencygraph/metrics.hpp"
#include "output_file.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "map_options.hpp"
#include "run_report.hpp"

namespace agencygraph::cli {
namespace {

struct ReportCliOptions {
  InputOptions input;
  NetworkCliOptions network;
  io::MapOptions map;
  bool top_agencies_given = false;
  std::string output;
};

int run_report_command(const ReportCliOptions& options) {
  io::ReportInputs inputs;
  // The network is left to the operating system at exit, as `export` does: freeing a national
  // network's millions of objects one by one takes longer than writing the page.
  struct LeaveToExit {
    void operator()(LoadedNetwork*) const noexcept {}
  };
  const std::unique_ptr<LoadedNetwork, LeaveToExit> held(new LoadedNetwork(load_network(
      options.input, options.network, TaskRecords::WithTexts, [&inputs](const Document& d) { inputs.add(d); })));
  const LoadedNetwork& loaded = *held;
  inputs.add_errors(loaded.errors);
  const AgencyNetwork& network = loaded.network;
  const std::size_t agencies = boost::num_vertices(network.graph);
  if (agencies == 0 && inputs.documents().empty()) {
    std::fprintf(stderr, "agencygraph report: no document could be read: nothing to report\n");
    return 1;
  }
  const AgencyMetrics metrics = [&] {
    Stage stage("analyse");
    AnalysisOptions analysis;
    analysis.on_measure = [](std::string_view step, double seconds) { record_step("analyse", step, seconds); };
    return analyse(network, analysis);
  }();
  io::ReportOptions report;
  report.map = options.map;
  report.network = to_network_options(options.network);
  if (!options.top_agencies_given && agencies > io::kReportMapAgencies) {
    report.map.top_agencies = io::kReportMapAgencies;
    if (!options.input.quiet)
      std::fprintf(stderr, "agencygraph report: the map draws the %zu most-burdened of %zu agencies "
                   "(--top-agencies changes it); the tables and search hold them all\n", io::kReportMapAgencies, agencies);
  }
  Stage stage("layout and write report");
  const bool written = write_output(options.output, [&](std::ostream& out) {
    io::write_report(out, network, metrics, inputs, report);
  });
  return written && !loaded.had_errors ? 0 : 1;
}

}  // namespace

void register_report(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "report", "write one self-contained HTML file to explore the network offline: map, panels, tables");
  auto options = std::make_shared<ReportCliOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  add_map_options(*command, options->map);
  command->add_option("-o,--output", options->output, "the HTML file, - for stdout")->required();
  command->callback([options, command, &exit_code] {
    options->top_agencies_given = command->count("--top-agencies") > 0;
    exit_code = run_report_command(*options);
  });
}

}  // namespace agencygraph::cli
