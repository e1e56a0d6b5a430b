// analyse()'s entry to Louvain: louvain_detail's iterated Louvain on each connected component of
// the undirected view, components in parallel (see louvain.hpp).
#include "analysis/louvain.hpp"

#include <limits>
#include <random>

#include "analysis/louvain_levels.hpp"
#include "analysis/parallel.hpp"

namespace agencygraph::analysis {

Communities louvain_communities(const SimpleGraph& g, const ComponentOrder& order, double resolution, unsigned seed,
                                unsigned threads) {
  const std::size_t n = g.n;
  const std::size_t count = order.count();
  // The whole graph's m: each component's quality is its share of the whole graph's modularity.
  double m = 0.0;
  for (Vertex v = 0; v < n; ++v) {
    for (double w : g.adj.weights(v)) m += w / 2.0;
  }
  const newman_and_girvan quality{resolution};
  // Per component: community of each member (local labels) and the component's quality.
  std::vector<std::size_t> local_label(n, 0);
  std::vector<double> component_quality(count, 0.0);
  const std::vector<std::size_t> by_size = detail::largest_first(order);
  detail::parallel_for_each(
      count, threads, [] { return louvain_detail::Scratch{}; },
      [&](louvain_detail::Scratch& scratch, std::size_t i) {
        const std::size_t c = by_size[i];
        const std::size_t off = order.begin[c], size = order.size(c);
        if (size < 2) return;  // a lone vertex: its own community, quality 0
        louvain_detail::Level level;
        level.loop.assign(size, 0.0);
        level.adj.begin.resize(size + 1);
        level.adj.begin[0] = 0;
        const auto local_off = static_cast<Vertex>(off);
        for (std::size_t v = 0; v < size; ++v) {
          for (std::size_t a = g.adj.begin[off + v]; a < g.adj.begin[off + v + 1]; ++a) {
            level.adj.vertex.push_back(g.adj.vertex[a] - local_off);
            level.adj.weight.push_back(g.adj.weight[a]);
          }
          level.adj.begin[v + 1] = level.adj.vertex.size();
        }
        std::seed_seq seq{seed, static_cast<unsigned>(order.vertex[off])};
        std::mt19937 gen(seq);
        std::vector<std::size_t> best, membership;
        double best_q = 0.0;
        std::size_t agreeing = 0;  // runs that reached the best quality so far
        for (std::size_t run = 0; run < kLouvainRuns && agreeing < kLouvainAgreement; ++run) {
          const double q = louvain_detail::iterated_louvain(level, m, membership, gen, quality, 0.0, 0.0, scratch);
          if (run == 0 || q > best_q) {
            best_q = q;
            best.swap(membership);
            agreeing = 1;
          } else if (q == best_q) {
            ++agreeing;
          }
        }
        for (std::size_t v = 0; v < size; ++v) local_label[off + v] = best[v];
        component_quality[c] = best_q;
      },
      1);
  // Global labels 0, 1, ... by smallest member index; quality summed in component order.
  Communities result;
  result.label.assign(n, 0);
  std::vector<std::size_t> global(n, std::numeric_limits<std::size_t>::max());  // by (position of) local label
  std::vector<std::size_t> start_of(n);  // by position: first position of its component
  for (std::size_t c = 0; c < count; ++c) {
    for (std::size_t p = order.begin[c]; p < order.begin[c + 1]; ++p) start_of[p] = order.begin[c];
  }
  std::size_t next = 0;
  for (Vertex v = 0; v < n; ++v) {
    const std::size_t p = order.position[v];
    // A local label l < size is unique within the component: (component start + l) names the
    // community among all of them.
    std::size_t& l = global[start_of[p] + local_label[p]];
    if (l == std::numeric_limits<std::size_t>::max()) l = next++;
    result.label[v] = l;
  }
  for (double q : component_quality) result.modularity += q;
  return result;
}

Communities louvain_communities(const SimpleGraph& g, double resolution, unsigned seed, unsigned threads) {
  const ComponentOrder order = component_order(g);
  return louvain_communities(renumber(g, order), order, resolution, seed, threads);
}

}  // namespace agencygraph::analysis
