// `agencygraph export`: the network for Gephi, NetworkX, igraph, pandas and Graphviz.
#include <cstdio>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/io/dot.hpp"
#include "agencygraph/io/gexf.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "agencygraph/io/network_json.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/io/two_mode.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/subnetwork.hpp"
#include "output_file.hpp"
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
  std::string provenance;             // empty: the format's default (default_provenance)
  std::string gexf_version = "1.2";
  double min_weight = 0;
  std::size_t section_level = 1;
};

// Each output's default citation of tasks, by what the output is for. GraphML (analysis in NetworkX,
// igraph, Gephi) and CSV (spreadsheets, pandas): task ids, compact, with the tasks table beside the
// file (FILE.tasks.csv, DIR/tasks.csv) where each id's document, number, place and text are. GEXF
// (Gephi's map and timeline, where a national network must stay small enough to open): none. JSON
// (scripts, self-contained) and DOT: full. GraphML written to stdout has nowhere to put the table: full.
io::Provenance default_provenance(const std::string& format, const std::string& output) {
  if (format == "gexf") return io::Provenance::None;
  if (format == "csv") return io::Provenance::Ids;
  if (format == "graphml") return output == "-" ? io::Provenance::Full : io::Provenance::Ids;
  return io::Provenance::Full;
}

// Where the tasks table of a file export goes: jingzhou.graphml -> jingzhou.tasks.csv.
std::string tasks_table_path(const std::string& output) {
  std::filesystem::path path(output);
  path.replace_extension();
  return path.string() + ".tasks.csv";
}

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
// a national network's GraphML runs to gigabytes. Whole or absent (output_file.hpp).
template <typename Write>
bool write_file(const std::string& path, Write write) {
  return write_output(path, [&](std::ostream& out) { write(out); });
}

// The two-mode task–agency graph in `format`; csv: DIR/nodes.csv and DIR/edges.csv.
bool write_two_mode(const ExportCliOptions& options, const AgencyNetwork& network, io::GexfVersion version) {
  if (options.format == "graphml")
    return write_file(options.output, [&](std::ostream& out) { io::write_two_mode_graphml(out, network); });
  if (options.format == "gexf")
    return write_file(options.output, [&](std::ostream& out) { io::write_two_mode_gexf(out, network, version); });
  if (options.format == "json")
    return write_file(options.output, [&](std::ostream& out) { io::write_two_mode_json(out, network); });
  const std::filesystem::path dir(options.output);
  OutputFiles files;
  std::ostream* nodes = files.open((dir / "nodes.csv").string());
  std::ostream* edges = nodes ? files.open((dir / "edges.csv").string()) : nullptr;
  if (edges == nullptr) return false;
  io::write_two_mode_nodes_csv(*nodes, network);
  io::write_two_mode_edges_csv(*edges, network);
  return files.commit();
}

bool make_directory(const std::string& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (!error) return true;
  std::fprintf(stderr, "%s: cannot create the directory: %s\n", path.c_str(), error.message().c_str());
  return false;
}

int run_export(const ExportCliOptions& options) {
  const bool two_mode_format = options.format == "graphml" || options.format == "gexf" || options.format == "json" ||
                               options.format == "csv";
  if (options.two_mode && !two_mode_format) {
    std::fprintf(stderr, "agencygraph export: --two-mode is for --format graphml, gexf, json or csv\n");
    return 2;
  }
  const io::Provenance provenance = options.provenance.empty() ? default_provenance(options.format, options.output)
                                                               : *io::provenance_from_name(options.provenance);
  const bool tasks_table = provenance == io::Provenance::Ids && !options.two_mode &&
                           (options.format == "graphml" || options.format == "gexf" || options.format == "csv");
  if (options.format == "csv" && options.output == "-") {
    std::fprintf(stderr, "agencygraph export: --format csv writes files (nodes.csv, edges.csv, tasks.csv) into a "
                 "directory: give -o DIR\n");
    return 2;
  }
  if (tasks_table && options.output == "-" && options.format != "csv") {
    std::fprintf(stderr, "agencygraph export: --provenance ids writes the tasks table beside the output: give -o FILE "
                 "(or --provenance full or none)\n");
    return 2;
  }
  const io::GexfVersion gexf_version = options.gexf_version == "1.3" ? io::GexfVersion::V1_3 : io::GexfVersion::V1_2draft;
  const std::optional<std::uint32_t> measures = measure_bits(options.measures);
  if (!measures) return 2;
  // The network is left to the operating system at exit: freeing a national network's millions of
  // objects one by one took over a second after the output was already written.
  struct LeaveToExit {
    void operator()(LoadedNetwork*) const noexcept {}
  };
  const bool partial = options.map.top_agencies > 0 || options.min_weight > 0;
  // One file read in batches has its tasks table written as its tasks are read, so that the network
  // keeps no task texts: a large document's texts are nearly as large as the file. (The table of a
  // part of the network holds only the tasks it cites, known once the network is.)
  // (GEXF's yearly counts read the task records: its table is written from them.)
  const bool stream_tasks =
      tasks_table && !partial && options.format != "gexf" && can_read_in_batches(options.input);
  // The output and the tasks table its ids point into (csv: the directory's tables) are renamed into
  // place together, only once all are written (OutputFiles), so that neither is left beside a stale other.
  const std::filesystem::path dir(options.output);
  OutputFiles files;
  std::ostream* tasks = nullptr;
  std::optional<io::TasksCsvStream> task_rows;
  if (stream_tasks) {
    if (options.format == "csv" && !make_directory(options.output)) return 1;
    tasks = files.open(options.format == "csv" ? (dir / "tasks.csv").string() : tasks_table_path(options.output));
    if (tasks == nullptr) return 1;
    task_rows.emplace(*tasks);
  }
  const bool task_texts = options.two_mode || options.format == "json" || (tasks_table && !stream_tasks);
  const auto write_rows = [&](const Document& so_far, std::span<const Task> batch) { task_rows->add(so_far, batch); };
  const std::unique_ptr<LoadedNetwork, LeaveToExit> held(new LoadedNetwork(
      load_network(options.input, options.network,
                   stream_tasks ? TaskRecords::Indices : task_texts ? TaskRecords::WithTexts : TaskRecords::WithoutTexts, {},
                   stream_tasks ? std::function<void(const Document&, std::span<const Task>)>(write_rows) : nullptr)));
  const LoadedNetwork& loaded = *held;
  if (boost::num_vertices(loaded.network.graph) == 0) {
    std::fprintf(stderr, "agencygraph export: the inputs name no agencies: nothing to export\n");
    return 1;
  }
  const PartOptions part_options{options.map.top_agencies, options.min_weight};
  auto report_part = [&](const NetworkPart& part) {
    std::fprintf(stderr, "agencygraph export: %zu agencies and %zu links left out (--top-agencies, --min-weight)%s\n",
                 part.agencies_left_out, part.links_left_out,
                 options.two_mode || options.format == "section-matrix" ? "" : "; measures are the whole network's");
  };
  bool written = true;
  // The two-mode graph and the section matrix need no measures: a part of the network is chosen by
  // burden from the task counts.
  if (options.two_mode || options.format == "section-matrix") {
    std::optional<NetworkPart> part;
    if (partial) {
      part = network_part(loaded.network, AgencyMetrics{}, part_options);
      report_part(*part);
    }
    const AgencyNetwork& network = part ? part->network : loaded.network;
    Stage write_stage("write " + options.format);
    if (options.format == "section-matrix") {
      written = write_file(options.output, [&](std::ostream& out) {
        io::write_section_matrix_csv(out, network, {options.section_level});
      });
    } else {
      written = (options.format != "csv" || make_directory(options.output)) && write_two_mode(options, network, gexf_version);
    }
    return written && !loaded.had_errors ? 0 : 1;
  }
  const AgencyMetrics whole_metrics = [&] {
    Stage stage("analyse");
    AnalysisOptions analysis;
    analysis.measures = *measures;
    analysis.on_measure = [](std::string_view step, double seconds) { record_step("analyse", step, seconds); };
    return analyse(loaded.network, analysis);
  }();
  std::optional<NetworkPart> part;
  if (partial) {
    Stage stage("choose agencies and links");
    part = network_part(loaded.network, whole_metrics, part_options);
    report_part(*part);
  }
  const AgencyNetwork& network = part ? part->network : loaded.network;
  const AgencyMetrics& metrics = part ? part->metrics : whole_metrics;
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
  style_options.top_agencies = 0;  // chosen above: every agency written is styled and laid out
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
  io::GraphmlOptions presentation{full_style ? &style : nullptr, layout ? &positions : nullptr, options.map.title,
                                  full_style ? nullptr : &looks};
  presentation.provenance = provenance;
  if (options.format == "csv" && !make_directory(options.output)) return 1;
  std::ostream* out = files.open(options.format == "csv" ? (dir / "nodes.csv").string() : options.output);
  std::ostream* edges = out && options.format == "csv" ? files.open((dir / "edges.csv").string()) : nullptr;
  if (out && tasks_table && !stream_tasks)
    tasks = files.open(options.format == "csv" ? (dir / "tasks.csv").string() : tasks_table_path(options.output));
  if (out == nullptr || (options.format == "csv" && edges == nullptr) || (tasks_table && tasks == nullptr)) return 1;
  if (options.format == "graphml") {
    io::write_graphml(*out, network, metrics, presentation);
  } else if (options.format == "gexf") {
    io::GexfOptions gexf;
    gexf.version = gexf_version;
    gexf.looks = presentation.node_looks();
    gexf.positions = layout ? &positions : nullptr;
    gexf.title = options.map.title;
    gexf.provenance = provenance;
    io::write_gexf(*out, network, metrics, gexf);
  } else if (options.format == "dot") {
    io::write_dot(*out, network, metrics, presentation);
  } else if (options.format == "json") {
    io::write_network_json(*out, network, metrics, {layout ? &positions : nullptr, provenance});
  } else {  // csv: a directory with nodes.csv and edges.csv
    io::GraphmlOptions csv{nullptr, nullptr, "", &looks};
    csv.provenance = provenance;
    io::write_nodes_csv(*out, network, metrics, csv);
    io::write_edges_csv(*edges, network, provenance);
  }
  if (tasks && !stream_tasks) io::write_tasks_csv(*tasks, network, /*cited_only=*/partial);
  written = files.commit();
  return written && !loaded.had_errors ? 0 : 1;
}

}  // namespace

void register_export(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("export", "write the network as GraphML, JSON, CSV or DOT");
  auto options = std::make_shared<ExportCliOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  add_map_options(*command, options->map);
  command->get_option("--top-agencies")
      ->description("write only the N most-burdened agencies and the links among them, with the whole network's "
                    "measures (0: all)");
  command->add_option("--format", options->format,
                      "graphml, gexf, json, csv (a directory: nodes.csv, edges.csv, tasks.csv), dot, or "
                      "section-matrix (CSV: agencies × the sections their tasks stand under)")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "json", "csv", "dot", "section-matrix"}));
  command->add_option("-o,--output", options->output, "the file (a directory for csv), - for stdout")->required();
  command->add_flag("--two-mode", options->two_mode,
                    "the two-mode task–agency graph instead (graphml, gexf, json, csv), tasks tagged with their section");
  command->add_option("--provenance", options->provenance,
                      "how agencies and links cite their tasks: none, ids (task indices into the tasks table written "
                      "beside the output: FILE.tasks.csv, DIR/tasks.csv) or full (task numbers as printed). Default: "
                      "ids for graphml and csv, none for gexf, full for json and dot")
      ->check(CLI::IsMember({"none", "ids", "full"}));
  command->add_option("--min-weight", options->min_weight, "write only links of at least this weight (shared tasks)")
      ->check(finite_number())
      ->check(CLI::NonNegativeNumber);
  command->add_option("--gexf-version", options->gexf_version,
                      "GEXF 1.2 (1.2draft, which Gephi and NetworkX read; the default) or 1.3")
      ->check(CLI::IsMember({"1.2", "1.3"}))
      ->capture_default_str();
  command->add_option("--section-level", options->section_level,
                      "section-matrix: heading levels that make a section (1: the top headings 一、…)")
      ->check(CLI::Range(1, 9))
      ->capture_default_str();
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
