// `agencygraph export`: the network for Gephi, NetworkX, igraph, pandas and Graphviz.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <cstdint>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/io/dot.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "agencygraph/io/network_json.hpp"
#include "agencygraph/metrics.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "run_report.hpp"
#include "map_options.hpp"

namespace agencygraph::cli {
namespace {

struct ExportCliOptions {
  InputOptions input;
  NetworkCliOptions network;
  io::MapOptions map;
  std::string output;
  std::string format;
  bool two_mode = false;
  bool no_layout = false;
  bool force_layout = false;
  std::vector<std::string> measures;  // empty: all
};

// The --measures list as Measure bits; prints the problem and returns nullopt for an unknown name.
std::optional<std::uint32_t> measure_bits(const std::vector<std::string>& names) {
  if (names.empty()) return kAllMeasures;
  std::uint32_t bits = 0;
  for (const std::string& name : names) {
    const std::optional<Measure> measure = measure_from_name(name);
    if (!measure) {
      std::fprintf(stderr, "agencygraph export: --measures: unknown measure '%s' (known: %s)\n", name.c_str(),
                   std::string(measure_names()).c_str());
      return std::nullopt;
    }
    bits |= static_cast<std::uint32_t>(*measure);
  }
  return bits;
}

// Above this many agencies the Graphviz layout for x/y costs more than everything else together
// (sfdp: seconds at 3,000 vertices, minutes at 200k); positions are then left out unless --force-layout.
constexpr std::size_t kMaxLayoutVertices = 1500;

// Streams what `write` produces to `path` (or stdout for "-"), never holding the whole output:
// a national network's GraphML runs to gigabytes.
template <typename Write>
bool write_file(const std::string& path, Write write) {
  if (path == "-") {
    write(std::cout);
    return static_cast<bool>(std::cout.flush());
  }
  std::ofstream out(path, std::ios::binary);
  if (out) write(out);
  if (out && out.flush()) return true;
  std::fprintf(stderr, "%s: cannot write\n", path.c_str());
  return false;
}

int run_export(const ExportCliOptions& options) {
  if (options.two_mode && options.format != "graphml") {
    std::fprintf(stderr, "agencygraph export: --two-mode is for --format graphml\n");
    return 2;
  }
  const std::optional<std::uint32_t> measures = measure_bits(options.measures);
  if (!measures) return 2;
  // The network is left to the operating system at exit: freeing a national network's millions of
  // objects one by one took over a second after the output was already written.
  struct LeaveToExit {
    void operator()(LoadedNetwork*) const noexcept {}
  };
  const std::unique_ptr<LoadedNetwork, LeaveToExit> held(new LoadedNetwork(load_network(
      options.input, options.network, /*task_texts=*/options.two_mode || options.format == "json")));
  const LoadedNetwork& loaded = *held;
  const AgencyNetwork& network = loaded.network;
  if (boost::num_vertices(network.graph) == 0) {
    std::fprintf(stderr, "agencygraph export: the inputs name no agencies: nothing to export\n");
    return 1;
  }
  bool written = true;
  if (options.two_mode) {
    written = write_file(options.output, [&](std::ostream& out) { io::write_two_mode_graphml(out, network); });
    return written && !loaded.had_errors ? 0 : 1;
  }
  const AgencyMetrics metrics = [&] {
    Stage stage("analyse");
    AnalysisOptions analysis;
    analysis.measures = *measures;
    analysis.on_measure = [](std::string_view step, double seconds) { record_step("analyse", step, seconds); };
    return analyse(network, analysis);
  }();
  const std::size_t vertices = boost::num_vertices(network.graph);
  bool layout = !options.no_layout && options.format != "csv";
  if (layout && vertices > kMaxLayoutVertices && !options.force_layout) {
    std::fprintf(stderr, "agencygraph: x/y left out: %zu agencies are more than the %zu laid out by default "
                 "(--force-layout lays them out anyway)\n", vertices, kMaxLayoutVertices);
    layout = false;
  }
  // The map's colours and sizes, and its layout for x/y, so Gephi opens with the map's picture. Only
  // the layout and the DOT export read the map's full style; the other formats carry colours and
  // sizes alone, which for a national network is 40 MB less than the style.
  io::MapOptions style_options = options.map;
  style_options.tooltips = false;  // exports carry colours, sizes and positions, not the map's tooltips
  style_options.links = layout;    // only the layout reads the links' styles
  const bool full_style = layout || options.format == "dot";
  io::MapStyle style;
  std::vector<io::NodeLook> looks;
  {
    Stage stage("colours and sizes");
    if (full_style) style = io::style_map(network, metrics, style_options);
    else if (options.format != "json") looks = io::node_looks(network, metrics, style_options);  // JSON carries neither
  }
  std::vector<std::optional<io::Point>> positions;
  if (layout) {
    Stage stage("layout (Graphviz)");
    positions = io::layout_positions(style, style_options, vertices);
  }
  Stage write_stage("write " + options.format);
  const io::GraphmlOptions presentation{full_style ? &style : nullptr, layout ? &positions : nullptr, options.map.title,
                                        full_style ? nullptr : &looks};
  if (options.format == "graphml") {
    written = write_file(options.output, [&](std::ostream& out) { io::write_graphml(out, network, metrics, presentation); });
  } else if (options.format == "dot") {
    written = write_file(options.output, [&](std::ostream& out) { io::write_dot(out, network, metrics, presentation); });
  } else if (options.format == "json") {
    written = write_file(options.output, [&](std::ostream& out) {
      io::write_network_json(out, network, metrics, {layout ? &positions : nullptr});
    });
  } else {  // csv: a directory with nodes.csv and edges.csv
    std::error_code error;
    std::filesystem::create_directories(options.output, error);
    if (error) {
      std::fprintf(stderr, "%s: cannot create the directory: %s\n", options.output.c_str(), error.message().c_str());
      return 1;
    }
    const std::filesystem::path dir(options.output);
    written = write_file((dir / "nodes.csv").string(),
                         [&](std::ostream& out) { io::write_nodes_csv(out, network, metrics, {nullptr, nullptr, "", &looks}); }) &&
              write_file((dir / "edges.csv").string(), [&](std::ostream& out) { io::write_edges_csv(out, network); });
  }
  return written && !loaded.had_errors ? 0 : 1;
}

}  // namespace

void register_export(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("export", "write the network as GraphML, JSON, CSV or DOT");
  auto options = std::make_shared<ExportCliOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  add_map_options(*command, options->map);
  command->add_option("--format", options->format, "graphml, json, csv (a directory: nodes.csv, edges.csv) or dot")
      ->required()
      ->check(CLI::IsMember({"graphml", "json", "csv", "dot"}));
  command->add_option("-o,--output", options->output, "the file (a directory for csv), - for stdout")->required();
  command->add_flag("--two-mode", options->two_mode, "GraphML of the two-mode task–agency graph instead");
  command->add_flag("--no-layout", options->no_layout, "leave out x/y (skips the Graphviz layout)");
  command->add_option("--measures", options->measures,
                      "compute and write only these measures, comma-separated (default: all): " +
                          std::string(measure_names()))
      ->delimiter(',');
  command->add_flag("--force-layout", options->force_layout,
                    "lay out networks of more than 1500 agencies too (slow: Graphviz sfdp)");
  command->callback([options, &exit_code] { exit_code = run_export(*options); });
}

}  // namespace agencygraph::cli
