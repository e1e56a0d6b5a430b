// Louvain communities (Blondel, Guillaume, Lambiotte & Lefebvre 2008) of the undirected view,
// maximising modularity with a resolution (modularity.hpp). Written here: Boost 1.74 has no Louvain.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/components.hpp"
#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

// analyse()'s communities: iterated Louvain (lib/src/analysis/louvain_levels.hpp; modularity with
// `resolution`, thresholds 0) run on each connected component of the undirected view separately,
// with the whole graph's total weight m in the quality. No move or merge across components can raise modularity
// (a vertex only ever joins a neighbour's community, and two communities without an edge between
// them never gain by merging), and the modularity of the whole partition is the sum of the
// components' terms, so maximising each component on its own is the same problem, in small
// independent pieces that run in parallel and in cache.
//
// For each component, up to kLouvainRuns runs draw from one std::mt19937 seeded with
// std::seed_seq{seed, v} (v = the component's smallest vertex index; the standard fixes both
// seed_seq's and mt19937's outputs) and the best run (highest quality, first on ties) is kept. The
// runs stop early once kLouvainAgreement runs have reached the best quality found so far (exactly):
// a component whose runs keep finding the same optimum (most components of a large network) costs
// 3 runs, one whose runs disagree gets all 10. A component's partition therefore depends only on
// the component, the whole graph's m (the null model), the seed and the resolution, never on the
// thread count or on the order in which components are done. A lone vertex is a community of its
// own.
inline constexpr std::size_t kLouvainRuns = 10;
inline constexpr std::size_t kLouvainAgreement = 3;
struct Communities {
  std::vector<std::size_t> label;  // by vertex, 0, 1, ... by smallest member index
  double modularity = 0;           // sum of the components' qualities (= modularity() up to rounding)
};
Communities louvain_communities(const SimpleGraph& g, double resolution, unsigned seed, unsigned threads = 0);

// The same on renumber(g, order) with order = component_order(g), both prepared by the caller;
// labels are by ORIGINAL vertex.
Communities louvain_communities(const SimpleGraph& renumbered, const ComponentOrder& order, double resolution,
                                unsigned seed, unsigned threads = 0);

}  // namespace agencygraph::analysis
