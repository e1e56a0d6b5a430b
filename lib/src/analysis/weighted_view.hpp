// The two simple graphs every measure runs on, derived once from the AgencyGraph multigraph.
//
// AgencyGraph may hold several links between one pair (LeadToCo one way, LeadToCo the other way,
// CoLead, Peer), and symmetric links are stored once. The measures want plain graphs:
//
//   SimpleDigraph: arc u->v exists iff some link gives it: a LeadToCo link u->v, or a CoLead/Peer
//     link between u and v (a symmetric link gives both u->v and v->u). weight(u->v) = sum of the
//     weights of all links giving that arc. This is exactly the nx.DiGraph the fixture script builds.
//   SimpleGraph: edge {u,v} exists iff some link joins u and v. weight{u,v} = sum of the weights of
//     all links between u and v, each link counted ONCE whatever its kind or direction (so a Peer
//     link of weight 1 gives weight 1, LeadToCo u->v plus LeadToCo v->u of weight 1 each give 2).
//     This is the nx.Graph the fixture script builds edge by edge; it is NOT nx's
//     DiGraph.to_undirected(), which would keep one of the two arc weights.
//
// Self-loops (a link from an agency to itself) are dropped: an agency does not coordinate with
// itself. Links of weight <= 0 are ignored (build_network's weights are task counts >= 1).
// Neighbour lists are sorted by vertex index, so every traversal is deterministic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <tuple>
#include <vector>

#include "agencygraph/graph.hpp"

namespace agencygraph::analysis {

using Vertex = std::uint32_t;

// Compressed sparse rows: the neighbours of v are [begin[v], begin[v+1]).
struct Adjacency {
  std::vector<std::size_t> begin{0};
  std::vector<Vertex> vertex;
  std::vector<double> weight;

  std::span<const Vertex> neighbours(Vertex v) const {
    return {vertex.data() + begin[v], begin[v + 1] - begin[v]};
  }
  std::span<const double> weights(Vertex v) const {
    return {weight.data() + begin[v], begin[v + 1] - begin[v]};
  }
  std::size_t degree(Vertex v) const { return begin[v + 1] - begin[v]; }
};

struct SimpleDigraph {
  std::size_t n = 0;
  Adjacency out;  // out.neighbours(u): targets of arcs u->v
  Adjacency in;   // in.neighbours(v): sources of arcs u->v (same weights)
  std::size_t arc_count() const { return out.vertex.size(); }
};

struct SimpleGraph {
  std::size_t n = 0;
  Adjacency adj;  // each edge {u,v} appears in both u's and v's list
  std::size_t edge_count() const { return adj.vertex.size() / 2; }
};

// An arc or undirected edge with its weight, for building views from plain lists (tests, tools).
struct WeightedPair {
  Vertex u = 0, v = 0;
  double weight = 0;
};

SimpleDigraph directed_view(const AgencyGraph& graph);
SimpleGraph undirected_view(const AgencyGraph& graph);

// Builds from pairs; duplicates are summed, self-loops and non-positive weights dropped.
SimpleDigraph make_digraph(std::size_t n, const std::vector<WeightedPair>& arcs);
SimpleGraph make_graph(std::size_t n, const std::vector<WeightedPair>& edges);

}  // namespace agencygraph::analysis
