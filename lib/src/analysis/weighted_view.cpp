// Derives the simple directed and undirected views (see weighted_view.hpp for the exact rules).
#include "agencygraph/analysis/weighted_view.hpp"

#include <algorithm>

namespace agencygraph::analysis {
namespace {

// Sorts pairs by (u, v), sums duplicates in that order and drops self-loops and weights <= 0.
std::vector<WeightedPair> merge_pairs(std::vector<WeightedPair> pairs) {
  std::erase_if(pairs, [](const WeightedPair& p) { return p.u == p.v || !(p.weight > 0); });
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const WeightedPair& a, const WeightedPair& b) { return std::tie(a.u, a.v) < std::tie(b.u, b.v); });
  std::vector<WeightedPair> merged;
  for (const WeightedPair& p : pairs) {
    if (!merged.empty() && merged.back().u == p.u && merged.back().v == p.v) {
      merged.back().weight += p.weight;
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

// CSR rows from pairs sorted by (u, v).
Adjacency build_rows(std::size_t n, const std::vector<WeightedPair>& sorted) {
  Adjacency a;
  a.begin.assign(n + 1, 0);
  for (const WeightedPair& p : sorted) ++a.begin[p.u + 1];
  for (std::size_t v = 0; v < n; ++v) a.begin[v + 1] += a.begin[v];
  a.vertex.reserve(sorted.size());
  a.weight.reserve(sorted.size());
  for (const WeightedPair& p : sorted) {
    a.vertex.push_back(p.v);
    a.weight.push_back(p.weight);
  }
  return a;
}

std::vector<WeightedPair> reversed(const std::vector<WeightedPair>& pairs) {
  std::vector<WeightedPair> r;
  r.reserve(pairs.size());
  for (const WeightedPair& p : pairs) r.push_back({p.v, p.u, p.weight});
  std::stable_sort(r.begin(), r.end(),
                   [](const WeightedPair& a, const WeightedPair& b) { return std::tie(a.u, a.v) < std::tie(b.u, b.v); });
  return r;
}

bool is_symmetric(LinkKind kind) { return kind == LinkKind::CoLead || kind == LinkKind::Peer; }

}  // namespace

SimpleDigraph make_digraph(std::size_t n, const std::vector<WeightedPair>& arcs) {
  const std::vector<WeightedPair> merged = merge_pairs(arcs);
  SimpleDigraph g;
  g.n = n;
  g.out = build_rows(n, merged);
  g.in = build_rows(n, reversed(merged));
  return g;
}

SimpleGraph make_graph(std::size_t n, const std::vector<WeightedPair>& edges) {
  // Key each edge by (min, max) so both orientations of a pair are summed together.
  std::vector<WeightedPair> keyed;
  keyed.reserve(edges.size());
  for (const WeightedPair& e : edges) keyed.push_back({std::min(e.u, e.v), std::max(e.u, e.v), e.weight});
  const std::vector<WeightedPair> merged = merge_pairs(std::move(keyed));
  std::vector<WeightedPair> both = merged;
  for (const WeightedPair& e : merged) both.push_back({e.v, e.u, e.weight});
  std::stable_sort(both.begin(), both.end(),
                   [](const WeightedPair& a, const WeightedPair& b) { return std::tie(a.u, a.v) < std::tie(b.u, b.v); });
  SimpleGraph g;
  g.n = n;
  g.adj = build_rows(n, both);
  return g;
}

SimpleDigraph directed_view(const AgencyGraph& graph) {
  std::vector<WeightedPair> arcs;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const AgencyEdge e = *it;
    const auto u = static_cast<Vertex>(boost::source(e, graph));
    const auto v = static_cast<Vertex>(boost::target(e, graph));
    const Link& link = graph[e];
    arcs.push_back({u, v, link.weight});
    if (is_symmetric(link.kind)) arcs.push_back({v, u, link.weight});
  }
  return make_digraph(boost::num_vertices(graph), arcs);
}

SimpleGraph undirected_view(const AgencyGraph& graph) {
  std::vector<WeightedPair> edges;
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const AgencyEdge e = *it;
    edges.push_back({static_cast<Vertex>(boost::source(e, graph)), static_cast<Vertex>(boost::target(e, graph)),
                     graph[e].weight});
  }
  return make_graph(boost::num_vertices(graph), edges);
}

}  // namespace agencygraph::analysis
