// Closeness and harmonic centrality on the simple digraph, unweighted (hop) distances.
//
// As NetworkX does for digraphs, both use INWARD distances d(u, v): how close the others are to v
// (how easily v is reached), not how easily v reaches them.
//   closeness(v) == nx.closeness_centrality(G)[v] (wf_improved=True): with r(v) the number of
//     vertices that reach v (v included) and S(v) the sum of their distances to v,
//     closeness(v) = (r-1)/S * (r-1)/(n-1), and 0 when S = 0 or n = 1 (Wasserman–Faust scaling).
//   harmonic(v) == nx.harmonic_centrality(G)[v] = sum over u != v reaching v of 1/d(u, v),
//     not normalised (NetworkX does not divide by n-1).
// Each vertex is an independent BFS on the reversed digraph inside its weakly connected component
// (on component-local indices, see ComponentOrder), run in parallel; results do not depend on the
// thread count.
#pragma once

#include <vector>

#include "analysis/components.hpp"
#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

struct Closeness {
  std::vector<double> closeness, harmonic;
};

Closeness closeness_centrality(const SimpleDigraph& g, unsigned threads = 0);

// The same on renumber(g, order) with order = component_order(g), prepared once by the caller;
// values are indexed by the ORIGINAL vertex.
Closeness closeness_centrality(const SimpleDigraph& renumbered, const ComponentOrder& order, unsigned threads = 0);

}  // namespace agencygraph::analysis
