// Shortest-path betweenness on the simple digraph, Brandes' algorithm.
//
// Equals nx.betweenness_centrality(G, normalized=True) on the nx.DiGraph G (weighted=false), or
// nx.betweenness_centrality(G, normalized=True, weight='distance') with distance = 1/weight on each
// arc (weighted=true: a link backed by more tasks is a shorter path). Endpoints are not counted.
// Normalisation is NetworkX's DIRECTED one: b(v) = sum_{s != v != t} sigma_st(v)/sigma_st divided by
// (n-1)(n-2); no factor 1/2. For n <= 2 every value is 0.
// Boost's brandes_betweenness_centrality gives the same sums (tests/unit/test_boost_reference.cpp
// checks it) but is not used: it resets the records of all n vertices for every source and runs on
// one thread, which on a network of many small components is quadratic in n; the measured cost is
// in docs/performance.md ("Boost.Graph at the core").
// Weighted paths are compared exactly as NetworkX compares them: path lengths are the float sums
// dist(u) + 1/w(u,v) along the path, and two paths tie only when these sums are equal.
//
// Paths never leave a weakly connected component, so sources are swept per component on compact
// component-local indices (ComponentOrder, components.hpp); a vertex's value sums the contributions
// of the sources of its component in increasing source order, in partial sums over fixed blocks of
// ceil(n/256) consecutive source indices added in block order.
//
// Cost O(sum over components of n_c m_c) unweighted, O(sum n_c (m_c + n_c) log n_c) weighted, at
// most O(n m); components (and the sources of large ones) run in parallel on `threads` threads
// (0: hardware concurrency) and the result is bit-for-bit independent of the thread count.
#pragma once

#include <vector>

#include "analysis/components.hpp"
#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

std::vector<double> betweenness_centrality(const SimpleDigraph& g, bool weighted, unsigned threads = 0);

// The same on renumber(g, order) with order = component_order(g), both prepared once by the
// caller; values are indexed by the ORIGINAL vertex.
std::vector<double> betweenness_centrality(const SimpleDigraph& renumbered, const ComponentOrder& order,
                                           bool weighted, unsigned threads = 0);

}  // namespace agencygraph::analysis
