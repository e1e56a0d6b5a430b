// The Louvain method's levels (Blondel, Guillaume, Lambiotte & Lefebvre 2008) on the analysis's
// CSR rows: the quality function, one multilevel run, and the iterated run that analyse()'s
// communities are made of (louvain.cpp). Internal: the public entry is louvain_communities
// (analysis/louvain.hpp).
//
// Details that fix the result:
//   - Resolution: newman_and_girvan carries a `resolution` (1: Newman and Girvan's modularity).
//   - Determinism: vertices are shuffled by our own Fisher–Yates drawing raw outputs of the
//     generator (std::mt19937's outputs are fixed by the standard, std::shuffle's use of them is
//     not), so a fixed seed gives the same partition on every platform.
//   - A vertex moves to the neighbouring community of largest gain only if that gain strictly
//     exceeds the gain of staying in its own community (ties stay put, and among equal gains the
//     community met first in adjacency order wins).
//   - Iterated: once the multilevel run ends, it is run again from the partition found (with a
//     fresh vertex order), and again, while the quality rises by more than min_improvement_outer
//     (at most kMaxRestarts times). The result is never worse than a single run.
//
// Algorithm per level: visit vertices in one random order (drawn once per level), move each to
// the best neighbouring community, repeat sweeps while some vertex moved and quality rose by more
// than min_improvement_inner; then collapse communities into vertices (internal weight becomes a
// self-loop) and repeat while the graph shrinks and quality rose by more than min_improvement_outer.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

// Modularity with resolution r: Q = sum_c [ I_c / m - r (K_c / 2m)^2 ], I_c the weight inside c
// (self-loops once), K_c the summed degree of c (self-loops twice), m the total weight.
struct newman_and_girvan {
  double resolution = 1.0;

  // Gain (up to the positive factor 1/m) of putting an isolated vertex of degree k_v, joined to
  // community c by weight k_v_in, into c whose degree total is tot_c.
  double gain(double k_v_in, double tot_c, double k_v, double m) const {
    return k_v_in - resolution * tot_c * k_v / (2.0 * m);
  }
  double quality(const std::vector<double>& inside, const std::vector<double>& tot, double m) const {
    if (m == 0.0) return 0.0;
    double q = 0.0;
    for (std::size_t c = 0; c < inside.size(); ++c) {
      if (tot[c] > 0.0 || inside[c] > 0.0) q += inside[c] / m - resolution * (tot[c] / (2.0 * m)) * (tot[c] / (2.0 * m));
    }
    return q;
  }
};

namespace louvain_detail {

// Uniform integer in [0, bound) from raw generator outputs, by rejection (no modulo bias); the
// same sequence of gen() values gives the same result everywhere, unlike std::uniform_int_distribution.
template <class URBG>
std::uint64_t uniform_below(URBG& gen, std::uint64_t bound) {
  using result_type = typename std::remove_reference_t<URBG>::result_type;
  const auto lo = static_cast<std::uint64_t>(std::remove_reference_t<URBG>::min());
  const auto range = static_cast<std::uint64_t>(std::remove_reference_t<URBG>::max()) - lo;  // outputs 0..range
  static_assert(std::is_unsigned_v<result_type>, "URBG must produce unsigned integers");
  if (range == std::numeric_limits<std::uint64_t>::max()) {
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    for (;;) {
      const auto r = static_cast<std::uint64_t>(gen()) - lo;
      if (r >= threshold) return r % bound;
    }
  }
  const std::uint64_t span = range + 1;
  const std::uint64_t limit = span - span % bound;  // bound <= span is required
  for (;;) {
    const auto r = static_cast<std::uint64_t>(gen()) - lo;
    if (r < limit) return r % bound;
  }
}

// Fisher–Yates: for i = n-1 down to 1, swap item i with a uniform j in [0, i].
template <class T, class URBG>
void shuffle(std::vector<T>& items, URBG& gen) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(uniform_below(gen, i));
    std::swap(items[i - 1], items[j]);
  }
}

// Upper bound on iterated runs (each must raise the quality, so this is only a safety net).
inline constexpr std::size_t kMaxRestarts = 100;

// One level's graph: CSR without self-loops, plus each vertex's self-loop weight.
struct Level {
  Adjacency adj;
  std::vector<double> loop;
  std::size_t size() const { return loop.size(); }
};

// Edges (u, v, w), u <= v, merged per pair; u == v are self-loops.
inline Level make_level(std::size_t n, std::vector<std::tuple<std::size_t, std::size_t, double>> edges) {
  Level level;
  level.loop.assign(n, 0.0);
  std::vector<WeightedPair> pairs;
  for (const auto& [u, v, w] : edges) {
    if (u == v) {
      level.loop[u] += w;
    } else {
      pairs.push_back({static_cast<Vertex>(u), static_cast<Vertex>(v), w});
    }
  }
  // make_graph merges duplicates and sorts neighbours; it drops non-positive weights, which
  // modularity cannot use anyway.
  level.adj = make_graph(n, pairs).adj;
  return level;
}

// Total edge weight m of a level (self-loops once): the m of the quality function.
inline double total_weight(const Level& level) {
  double m = 0.0;
  for (std::size_t v = 0; v < level.size(); ++v) {
    m += level.loop[v];
    for (double w : level.adj.weights(static_cast<Vertex>(v))) m += w / 2.0;
  }
  return m;
}

// Buffers of louvain_levels, kept between calls so that repeated runs on small graphs do not
// allocate.
struct Scratch {
  std::vector<double> k, tot, inside, link, link_odd;
  std::vector<std::size_t> start, community, order, seen, dense, mark;
  std::vector<std::tuple<std::size_t, std::size_t, double>> edges;  // between communities
  Level levels[2];  // the collapsed levels, alternately
};

// One multilevel run from the partition in `membership`. `m` is the total weight of the graph the
// quality is measured on: total_weight(level) for a whole graph, or the whole graph's m when `level`
// is one of its connected components (a component's best partition does not depend on the others,
// and the quality of the whole partition is the sum of the components' qualities).
template <class QualityFunction, class URBG>
double louvain_levels(const Level& level0, std::vector<std::size_t>& membership, URBG& gen, const QualityFunction& f,
                      double min_improvement_inner, double min_improvement_outer, double m, Scratch& s) {
  // On entry membership is the starting partition of level 0 (labels < n); from here on it maps
  // each original vertex to its vertex in the current level, and on return to its community.
  s.start.assign(membership.begin(), membership.end());
  const std::size_t n0 = membership.size();
  for (std::size_t v = 0; v < n0; ++v) membership[v] = v;
  bool first_level = true;
  double result = 0.0;
  const Level* current = &level0;
  std::size_t spare = 0;  // s.levels[spare] receives the next collapsed level

  for (;;) {
    const Level& level = *current;
    const std::size_t n = level.size();
    std::vector<double>& k = s.k;
    std::vector<double>& tot = s.tot;
    std::vector<double>& inside = s.inside;
    std::vector<std::size_t>& community = s.community;
    k.assign(n, 0.0);
    tot.assign(n, 0.0);
    inside.assign(n, 0.0);
    community.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
      for (double w : level.adj.weights(static_cast<Vertex>(v))) k[v] += w;
      k[v] += 2.0 * level.loop[v];
      community[v] = first_level ? s.start[v] : v;
    }
    for (std::size_t v = 0; v < n; ++v) {
      tot[community[v]] += k[v];
      inside[community[v]] += level.loop[v];
      const auto nbrs = level.adj.neighbours(static_cast<Vertex>(v));
      const auto weights = level.adj.weights(static_cast<Vertex>(v));
      for (std::size_t i = 0; i < nbrs.size(); ++i) {
        if (v < nbrs[i] && community[v] == community[nbrs[i]]) inside[community[v]] += weights[i];
      }
    }
    first_level = false;
    // Quality of the current partition of the original graph (collapsing preserves it).
    const double level_start_q = f.quality(inside, tot, m);
    double q = level_start_q;
    result = q;

    std::vector<std::size_t>& order = s.order;
    order.resize(n);
    for (std::size_t v = 0; v < n; ++v) order[v] = v;
    shuffle(order, gen);

    // Weight from the current vertex to each community, summed in two interleaved halves (even and
    // odd neighbour positions) so that the additions of two neighbours in one community do not
    // wait for each other; link[c] + link_odd[c] is the total.
    std::vector<double>& link = s.link;
    std::vector<double>& link_odd = s.link_odd;
    link.assign(n, 0.0);
    link_odd.assign(n, 0.0);
    std::vector<std::size_t>& seen = s.seen;  // communities met, in adjacency order
    std::vector<std::size_t>& mark = s.mark;  // mark[c] == stamp: c met for the current vertex
    mark.assign(n, 0);
    std::size_t stamp = 0;
    bool any_move = false;
    for (;;) {
      std::size_t moves = 0;
      for (std::size_t v : order) {
        const std::size_t old_c = community[v];
        const auto nbrs = level.adj.neighbours(static_cast<Vertex>(v));
        const auto weights = level.adj.weights(static_cast<Vertex>(v));
        if (seen.size() < nbrs.size() + 1) seen.resize(nbrs.size() + 1);
        std::size_t seen_count = 0;
        ++stamp;
        // Without branches: a community is new for v unless marked with this visit's stamp.
        std::size_t i = 0;
        for (; i + 1 < nbrs.size(); i += 2) {
          const std::size_t c0 = community[nbrs[i]];
          seen[seen_count] = c0;
          seen_count += static_cast<std::size_t>(mark[c0] != stamp);
          mark[c0] = stamp;
          link[c0] += weights[i];
          const std::size_t c1 = community[nbrs[i + 1]];
          seen[seen_count] = c1;
          seen_count += static_cast<std::size_t>(mark[c1] != stamp);
          mark[c1] = stamp;
          link_odd[c1] += weights[i + 1];
        }
        if (i < nbrs.size()) {
          const std::size_t c0 = community[nbrs[i]];
          seen[seen_count] = c0;
          seen_count += static_cast<std::size_t>(mark[c0] != stamp);
          mark[c0] = stamp;
          link[c0] += weights[i];
        }
        for (std::size_t j = 0; j < seen_count; ++j) {
          link[seen[j]] += link_odd[seen[j]];
          link_odd[seen[j]] = 0.0;
        }
        // Take v out of its community, then compare staying with every neighbouring community.
        tot[old_c] -= k[v];
        inside[old_c] -= link[old_c] + level.loop[v];
        std::size_t best_c = old_c;
        double best_gain = f.gain(link[old_c], tot[old_c], k[v], m);
        for (std::size_t j = 0; j < seen_count; ++j) {
          const std::size_t c = seen[j];
          if (c == old_c) continue;
          const double g = f.gain(link[c], tot[c], k[v], m);
          if (g > best_gain) {
            best_gain = g;
            best_c = c;
          }
        }
        tot[best_c] += k[v];
        inside[best_c] += link[best_c] + level.loop[v];
        if (best_c != old_c) {
          community[v] = best_c;
          ++moves;
        }
        for (std::size_t j = 0; j < seen_count; ++j) link[seen[j]] = 0.0;
      }
      if (moves == 0) break;
      any_move = true;
      const double new_q = f.quality(inside, tot, m);
      const double gained = new_q - q;
      q = new_q;
      if (!(gained > min_improvement_inner)) break;
    }
    if (!any_move) {  // this level changed nothing: its communities are final
      for (std::size_t& x : membership) x = community[x];
      break;
    }

    // Collapse: communities become the next level's vertices, numbered by first appearance.
    std::vector<std::size_t>& dense = s.dense;
    dense.assign(n, std::numeric_limits<std::size_t>::max());
    std::size_t communities = 0;
    for (std::size_t v = 0; v < n; ++v) {
      if (dense[community[v]] == std::numeric_limits<std::size_t>::max()) dense[community[v]] = communities++;
    }
    for (std::size_t& x : membership) x = dense[community[x]];
    result = q;
    if (communities == 1 || !(q - level_start_q > min_improvement_outer)) break;

    // The weight inside a community becomes its self-loop, added in the order (v, its loop, its
    // edges to higher neighbours); edges between communities are merged by make_level's rule.
    Level& next = s.levels[spare];
    next.loop.assign(communities, 0.0);
    s.edges.clear();
    for (std::size_t v = 0; v < n; ++v) {
      const std::size_t cv = dense[community[v]];
      if (level.loop[v] != 0.0) next.loop[cv] += level.loop[v];
      const auto nbrs = level.adj.neighbours(static_cast<Vertex>(v));
      const auto weights = level.adj.weights(static_cast<Vertex>(v));
      for (std::size_t i = 0; i < nbrs.size(); ++i) {
        if (v < nbrs[i]) {
          const std::size_t cu = dense[community[nbrs[i]]];
          if (cu == cv) {
            next.loop[cv] += weights[i];
          } else {
            s.edges.emplace_back(std::min(cv, cu), std::max(cv, cu), weights[i]);
          }
        }
      }
    }
    std::vector<WeightedPair> pairs;
    pairs.reserve(s.edges.size());
    for (const auto& [a, b, w] : s.edges) pairs.push_back({static_cast<Vertex>(a), static_cast<Vertex>(b), w});
    next.adj = make_graph(communities, pairs).adj;
    current = &next;
    spare = 1 - spare;
  }
  return result;
}

// Iterated Louvain: after a full multilevel run, run it again starting from the partition found
// (a fresh vertex order lets single vertices and whole communities move once more), as long as
// the quality rises by more than min_improvement_outer. Never worse than a single run. On return
// `membership` maps each vertex of level0 to its community (labels < level0.size()).
template <class QualityFunction, class URBG>
double iterated_louvain(const Level& level0, double m, std::vector<std::size_t>& membership, URBG& gen,
                        const QualityFunction& f, double inner, double outer, Scratch& scratch) {
  const std::size_t n = level0.size();
  membership.resize(n);
  for (std::size_t v = 0; v < n; ++v) membership[v] = v;
  double q = louvain_levels(level0, membership, gen, f, inner, outer, m, scratch);
  std::vector<std::size_t> candidate;
  for (std::size_t restart = 0; restart < kMaxRestarts; ++restart) {
    candidate.assign(membership.begin(), membership.end());
    const double candidate_q = louvain_levels(level0, candidate, gen, f, inner, outer, m, scratch);
    if (!(candidate_q - q > outer)) break;
    membership.swap(candidate);
    q = candidate_q;
  }
  return q;
}

}  // namespace louvain_detail

}  // namespace agencygraph::analysis
