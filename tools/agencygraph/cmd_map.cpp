// `agencygraph map`: the coordination map, laid out and rendered in-process by Graphviz.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "agencygraph/io/svg_map.hpp"
#include "agencygraph/metrics.hpp"
#include "output_file.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "map_options.hpp"

namespace agencygraph::cli {
namespace {

struct MapCliOptions {
  InputOptions input;
  NetworkCliOptions network;
  io::MapOptions map;
  std::string output;
  std::string format;  // empty: from the output's extension, else svg
};

std::string format_from_path(const std::string& path) {
  const std::size_t dot = path.find_last_of('.');
  const std::string extension = dot == std::string::npos ? "" : path.substr(dot + 1);
  return io::valid_map_format(extension) ? extension : "svg";
}

int run_map(const MapCliOptions& options) {
  LoadedNetwork loaded = load_network(options.input, options.network, TaskRecords::WithTexts);
  const AgencyNetwork& network = loaded.network;
  if (boost::num_vertices(network.graph) == 0) {
    std::fprintf(stderr, "agencygraph map: the inputs name no agencies: nothing to draw\n");
    return 1;
  }
  const AgencyMetrics metrics = analyse(network);
  const std::string format = options.format.empty() ? format_from_path(options.output) : options.format;
  const std::string data = io::render_map(io::style_map(network, metrics, options.map), options.map, format);
  const bool written = write_output(options.output, [&](std::ostream& out) {
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
  });
  return written && !loaded.had_errors ? 0 : 1;
}

}  // namespace

void register_map(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("map", "draw the coordination map (SVG, PNG, PDF or laid-out DOT)");
  auto options = std::make_shared<MapCliOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  add_map_options(*command, options->map);
  command->add_option("-o,--output", options->output, "the map file, - for stdout")->required();
  command->add_option("--format", options->format, "svg, png, pdf or dot (default: from the file extension, else svg)")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}));
  command->callback([options, &exit_code] { exit_code = run_map(*options); });
}

}  // namespace agencygraph::cli
