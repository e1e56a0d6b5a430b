// `agencygraph clusters`: Louvain coordination clusters with their lead agencies and internal tasks,
// plus the connected components, bridging agencies (articulation points) and bridges.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/visible_text.hpp"
#include "agencygraph/metrics.hpp"
#include "commands.hpp"
#include "input_options.hpp"
#include "text_table.hpp"

namespace agencygraph::cli {
namespace {

struct ClustersOptions {
  InputOptions input;
  NetworkCliOptions network;
  double resolution = 1.0;
  unsigned seed = 42;
  std::string format = "table";
  std::size_t width = 0;
};

struct Cluster {
  std::uint32_t id = 0;                 // AgencyMetrics::community (0 = largest)
  std::vector<AgencyVertex> members;    // by burden desc, then label
  std::optional<AgencyVertex> lead;     // most lead tasks inside; none when no member leads one
  std::uint32_t lead_tasks = 0;         // the lead's lead tasks inside the cluster
  std::size_t internal_tasks = 0;       // distinct tasks on links with both ends inside
};

std::vector<Cluster> make_clusters(const AgencyNetwork& network, const AgencyMetrics& m) {
  const AgencyGraph& g = network.graph;
  const std::size_t n = boost::num_vertices(g);
  std::uint32_t count = 0;
  for (std::uint32_t c : m.community) count = std::max(count, c + 1);
  std::vector<Cluster> clusters(count);
  for (std::uint32_t c = 0; c < count; ++c) clusters[c].id = c;
  for (AgencyVertex v = 0; v < n; ++v) clusters[m.community[v]].members.push_back(v);

  // Internal tasks: a task is internal to a cluster when one of its links has both ends in it.
  std::vector<std::vector<std::uint32_t>> internal(count);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const std::uint32_t c = m.community[boost::source(*it, g)];
    if (c != m.community[boost::target(*it, g)]) continue;
    internal[c].insert(internal[c].end(), g[*it].tasks.begin(), g[*it].tasks.end());
  }
  for (std::vector<std::uint32_t>& tasks : internal) {
    std::sort(tasks.begin(), tasks.end());
    tasks.erase(std::unique(tasks.begin(), tasks.end()), tasks.end());
  }
  // Each member's lead tasks inside its cluster. The network keeps no task records (they would weigh
  // as much as a large document): an agency leads a task exactly when it is the lead end of one of the
  // task's links, lead -> co or between co-leads. (A lead with no link of its task is the lead of a task
  // with no link at all, which is internal to no cluster.)
  std::vector<std::uint32_t> lead_count(n, 0);
  std::vector<std::uint32_t> led;
  for (AgencyVertex v = 0; v < n; ++v) {
    led.clear();
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      if (g[*it].kind != LinkKind::Peer) led.insert(led.end(), g[*it].tasks.begin(), g[*it].tasks.end());
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it)
      if (g[*it].kind == LinkKind::CoLead) led.insert(led.end(), g[*it].tasks.begin(), g[*it].tasks.end());
    std::sort(led.begin(), led.end());
    led.erase(std::unique(led.begin(), led.end()), led.end());
    const std::vector<std::uint32_t>& inside = internal[m.community[v]];
    for (std::size_t i = 0, j = 0; i < led.size() && j < inside.size();) {
      if (led[i] < inside[j]) ++i;
      else if (inside[j] < led[i]) ++j;
      else ++lead_count[v], ++i, ++j;
    }
  }
  for (std::uint32_t c = 0; c < count; ++c) {
    Cluster& cluster = clusters[c];
    cluster.internal_tasks = internal[c].size();
    std::sort(cluster.members.begin(), cluster.members.end(), [&](AgencyVertex a, AgencyVertex b) {
      if (m.burden[a] != m.burden[b]) return m.burden[a] > m.burden[b];
      return g[a].label < g[b].label;
    });
    for (AgencyVertex v : cluster.members) {  // burden order settles ties in lead counts
      if (lead_count[v] > cluster.lead_tasks) {
        cluster.lead = v;
        cluster.lead_tasks = lead_count[v];
      }
    }
  }
  return clusters;
}

std::vector<std::string> labels_of(const AgencyGraph& g, const std::vector<AgencyVertex>& vertices) {
  std::vector<std::string> out;
  for (AgencyVertex v : vertices) out.push_back(g[v].label);
  return out;
}

int run_clusters(const ClustersOptions& options) {
  LoadedNetwork loaded = load_network(options.input, options.network, TaskRecords::Indices);
  const AgencyNetwork& network = loaded.network;
  const AgencyGraph& g = network.graph;
  const std::size_t n = boost::num_vertices(g);
  if (n == 0) {
    std::fprintf(stderr, "agencygraph clusters: the inputs name no agencies: nothing to cluster\n");
    return 1;
  }
  AnalysisOptions analysis;
  analysis.louvain_resolution = options.resolution;
  analysis.louvain_seed = options.seed;
  const AgencyMetrics m = analyse(network, analysis);
  for (const std::string& note : m.notes) std::fprintf(stderr, "agencygraph clusters: %s\n", note.c_str());
  const std::vector<Cluster> clusters = make_clusters(network, m);
  std::uint32_t components = 0;
  for (std::uint32_t c : m.component) components = std::max(components, c + 1);
  std::vector<AgencyVertex> articulation;
  for (AgencyVertex v = 0; v < n; ++v)
    if (m.articulation[v]) articulation.push_back(v);
  std::sort(articulation.begin(), articulation.end(),
            [&](AgencyVertex a, AgencyVertex b) { return g[a].label < g[b].label; });
  std::vector<std::pair<std::string, std::string>> bridges;
  for (const auto& [a, b] : m.bridges) {
    std::string x = g[a].label, y = g[b].label;
    if (y < x) std::swap(x, y);
    bridges.emplace_back(std::move(x), std::move(y));
  }
  std::sort(bridges.begin(), bridges.end());

  if (options.format == "json") {
    using json = nlohmann::ordered_json;
    json out;
    out["resolution"] = options.resolution;
    out["seed"] = options.seed;
    out["modularity"] = m.modularity;
    out["agencies"] = n;
    out["components"] = components;
    json list = json::array();
    for (const Cluster& cluster : clusters) {
      json c;
      c["community"] = cluster.id + 1;
      c["size"] = cluster.members.size();
      c["lead"] = cluster.lead ? json(g[*cluster.lead].label) : json(nullptr);
      c["lead_tasks"] = cluster.lead_tasks;
      c["internal_tasks"] = cluster.internal_tasks;
      c["members"] = labels_of(g, cluster.members);
      list.push_back(std::move(c));
    }
    out["communities"] = std::move(list);
    out["articulation_points"] = labels_of(g, articulation);
    json bridge_list = json::array();
    for (const auto& [a, b] : bridges) bridge_list.push_back({a, b});
    out["bridges"] = std::move(bridge_list);
    std::cout << out.dump(1) << '\n';
    return loaded.had_errors ? 1 : 0;
  }

  const std::size_t width = output_width(options.width);
  std::cout << n << " agencies in " << clusters.size() << " communities (Louvain, resolution "
            << table_number(options.resolution) << ", seed " << options.seed << "), modularity "
            << table_number(m.modularity) << '\n'
            << components << " connected component" << (components == 1 ? "" : "s") << "\n";
  std::vector<std::string> singletons;
  for (const Cluster& cluster : clusters) {
    if (cluster.members.size() == 1) {
      singletons.push_back(g[cluster.members.front()].label);
      continue;
    }
    std::cout << "\ncommunity " << cluster.id + 1 << ": " << cluster.members.size() << " agencies, "
              << cluster.internal_tasks << " internal task" << (cluster.internal_tasks == 1 ? "" : "s")
              << ", lead agency ";
    if (cluster.lead)
      std::cout << io::visible_text(g[*cluster.lead].label) << " (" << cluster.lead_tasks << " lead task"
                << (cluster.lead_tasks == 1 ? "" : "s") << " inside)\n";
    else
      std::cout << "none (no member leads a task inside)\n";
    write_wrapped(std::cout, labels_of(g, cluster.members), "、", "  ", width);
  }
  if (!singletons.empty()) {
    std::cout << "\n" << singletons.size() << " single-agency communit" << (singletons.size() == 1 ? "y" : "ies")
              << ":\n";
    write_wrapped(std::cout, singletons, "、", "  ", width);
  }
  std::cout << "\nbridging agencies (articulation points): " << articulation.size() << '\n';
  write_wrapped(std::cout, labels_of(g, articulation), "、", "  ", width);
  std::cout << "\nbridges (links whose removal splits a component): " << bridges.size() << '\n';
  for (const auto& [a, b] : bridges) std::cout << "  " << io::visible_text(a) << " — " << io::visible_text(b) << '\n';
  return loaded.had_errors ? 1 : 0;
}

}  // namespace

void register_clusters(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("clusters", "coordination clusters (Louvain), bridging agencies and bridges");
  auto options = std::make_shared<ClustersOptions>();
  add_input_options(*command, options->input);
  add_network_options(*command, options->network);
  command->add_option("--resolution", options->resolution, "Louvain resolution: higher gives smaller clusters")
      ->check(finite_number())
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--seed", options->seed, "Louvain random seed")->capture_default_str();
  command->add_option("--format", options->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  command->add_option("--width", options->width, "text width in columns (default: the terminal's, else 80)")
      ->check(CLI::NonNegativeNumber);
  command->callback([options, &exit_code] { exit_code = run_clusters(*options); });
}

}  // namespace agencygraph::cli
