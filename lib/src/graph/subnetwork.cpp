#include "agencygraph/subnetwork.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace agencygraph {
namespace {

constexpr std::uint32_t kDropped = std::numeric_limits<std::uint32_t>::max();

template <typename T>
std::vector<T> kept_values(const std::vector<T>& values, const std::vector<AgencyVertex>& kept) {
  if (values.empty()) return {};  // a measure not computed stays not computed
  std::vector<T> result;
  result.reserve(kept.size());
  for (const AgencyVertex v : kept) result.push_back(values[v]);
  return result;
}

}  // namespace

NetworkPart network_part(const AgencyNetwork& network, const AgencyMetrics& metrics, const PartOptions& options) {
  const AgencyGraph& graph = network.graph;
  const std::size_t n = boost::num_vertices(graph);
  std::vector<bool> keep(n, true);
  if (options.top_agencies > 0 && options.top_agencies < n) {
    std::vector<double> burden(n);
    for (AgencyVertex v = 0; v < n; ++v) {
      const Agency& a = graph[v];
      burden[v] = metrics.burden.size() == n ? metrics.burden[v] : a.lead_tasks + a.owner_tasks + 0.5 * a.co_tasks;
    }
    std::vector<AgencyVertex> order(n);
    std::iota(order.begin(), order.end(), AgencyVertex{0});
    std::stable_sort(order.begin(), order.end(), [&](AgencyVertex a, AgencyVertex b) { return burden[a] > burden[b]; });
    std::fill(keep.begin(), keep.end(), false);
    for (std::size_t r = 0; r < options.top_agencies; ++r) keep[order[r]] = true;
  }
  std::vector<AgencyVertex> kept;
  std::vector<std::uint32_t> new_index(n, kDropped);
  for (AgencyVertex v = 0; v < n; ++v) {
    if (!keep[v]) continue;
    new_index[v] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(v);
  }

  NetworkPart part;
  part.agencies_left_out = n - kept.size();
  std::vector<Agency> agencies;
  agencies.reserve(kept.size());
  for (const AgencyVertex v : kept) agencies.push_back(graph[v]);
  // Edges come by source, then target and kind; renumbering keeps the kept vertices' order, so they
  // stay in that order.
  std::vector<LinkEnds> ends;
  std::vector<Link> links;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const AgencyVertex from = boost::source(*it, graph), to = boost::target(*it, graph);
    if (new_index[from] == kDropped || new_index[to] == kDropped || graph[*it].weight < options.min_weight) {
      ++part.links_left_out;
      continue;
    }
    ends.push_back({new_index[from], new_index[to]});
    links.push_back(graph[*it]);
  }
  part.network.graph = make_agency_graph(std::move(agencies), ends, std::move(links));
  part.network.documents = network.documents;
  part.network.tasks = network.tasks;
  auto renumber = [&](IndexList& units) {
    std::size_t count = 0;
    for (const std::uint32_t v : units)
      if (new_index[v] != kDropped) units[count++] = new_index[v];
    units.resize(count);
  };
  for (TaskInfo& task : part.network.tasks) {
    renumber(task.leads);
    renumber(task.co);
    if (task.owner) {
      if (new_index[*task.owner] == kDropped) task.owner.reset();
      else task.owner = new_index[*task.owner];
    }
  }

  AgencyMetrics& m = part.metrics;
  m.burden = kept_values(metrics.burden, kept);
  m.in_degree = kept_values(metrics.in_degree, kept);
  m.out_degree = kept_values(metrics.out_degree, kept);
  m.in_strength = kept_values(metrics.in_strength, kept);
  m.out_strength = kept_values(metrics.out_strength, kept);
  m.betweenness = kept_values(metrics.betweenness, kept);
  m.betweenness_weighted = kept_values(metrics.betweenness_weighted, kept);
  m.closeness = kept_values(metrics.closeness, kept);
  m.harmonic = kept_values(metrics.harmonic, kept);
  m.pagerank = kept_values(metrics.pagerank, kept);
  m.eigenvector = kept_values(metrics.eigenvector, kept);
  m.core = kept_values(metrics.core, kept);
  m.component = kept_values(metrics.component, kept);
  m.community = kept_values(metrics.community, kept);
  m.articulation = kept_values(metrics.articulation, kept);
  m.modularity = metrics.modularity;
  for (const auto& [a, b] : metrics.bridges)
    if (new_index[a] != kDropped && new_index[b] != kDropped) m.bridges.emplace_back(new_index[a], new_index[b]);
  m.notes = metrics.notes;
  return part;
}

}  // namespace agencygraph
