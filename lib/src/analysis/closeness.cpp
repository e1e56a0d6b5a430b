// Closeness and harmonic centrality from inward hop distances, inside each weakly connected
// component on component-local indices.
//
// A component of up to 64 * kMaxWords vertices is done for all its targets at once, bit-parallel:
// R_d(t), the set of vertices at distance <= d from t, is R_{d-1}(t) OR the R_{d-1}(u) of t's
// in-neighbours u, and |R_d(t)| - |R_{d-1}(t)| vertices are at distance exactly d. Larger
// components run one BFS per target. Both give the same bits: the distance total is an integer, and
// harmonic adds 1/d once per vertex at distance d in increasing d, as the BFS meets them.
#include "analysis/closeness.hpp"

#include <bit>
#include <cstdint>

#include "analysis/components.hpp"
#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

using Word = std::uint64_t;
constexpr std::size_t kMaxWords = 8;

struct Workspace {
  explicit Workspace(std::size_t largest) : hops(largest, -1) { queue.reserve(largest); }
  std::vector<std::int64_t> hops;
  std::vector<Vertex> queue;
  std::vector<Word> reach, next;  // bit-parallel: R_{d-1} and R_d, `words` words per target
  std::vector<std::uint64_t> reached, total;
  std::vector<double> harmonic;
};

// Writes closeness/harmonic of one target from its distance total and reach (target included).
void finish(Closeness& c, std::size_t n, std::size_t target, std::uint64_t total, std::size_t reached,
            double harmonic) {
  if (total > 0 && n > 1) {
    const double r = static_cast<double>(reached);
    double value = (r - 1.0) / static_cast<double>(total);
    value *= (r - 1.0) / static_cast<double>(n - 1);  // Wasserman–Faust (wf_improved)
    c.closeness[target] = value;
  }
  c.harmonic[target] = harmonic;
}

void bit_parallel(const SimpleDigraph& g, const ComponentOrder& order, std::size_t comp, Workspace& ws,
                  Closeness& c) {
  const std::size_t off = order.begin[comp], size = order.size(comp);
  const std::size_t words = (size + 63) / 64;
  const auto local_off = static_cast<Vertex>(off);
  ws.reach.assign(size * words, 0);
  ws.next.resize(size * words);
  for (std::size_t t = 0; t < size; ++t) ws.reach[t * words + t / 64] = Word{1} << (t % 64);
  ws.reached.assign(size, 1);
  ws.total.assign(size, 0);
  ws.harmonic.assign(size, 0.0);
  for (std::uint64_t d = 1;; ++d) {
    bool grew = false;
    const double step = 1.0 / static_cast<double>(d);
    for (std::size_t t = 0; t < size; ++t) {
      Word* out = ws.next.data() + t * words;
      const Word* own = ws.reach.data() + t * words;
      for (std::size_t j = 0; j < words; ++j) out[j] = own[j];
      for (Vertex u : g.in.neighbours(static_cast<Vertex>(off + t))) {
        const Word* from = ws.reach.data() + (u - local_off) * words;
        for (std::size_t j = 0; j < words; ++j) out[j] |= from[j];
      }
      std::size_t count = 0;
      for (std::size_t j = 0; j < words; ++j) count += static_cast<std::size_t>(std::popcount(out[j]));
      const std::size_t at_d = count - ws.reached[t];
      ws.reached[t] = count;
      ws.total[t] += d * at_d;
      for (std::size_t k = 0; k < at_d; ++k) ws.harmonic[t] += step;
      grew = grew || at_d > 0;
    }
    ws.reach.swap(ws.next);
    if (!grew) break;
  }
  for (std::size_t t = 0; t < size; ++t) {
    finish(c, g.n, order.vertex[off + t], ws.total[t], ws.reached[t], ws.harmonic[t]);
  }
}

void bfs(const SimpleDigraph& g, const ComponentOrder& order, std::size_t comp, std::size_t target_position,
         Workspace& ws, Closeness& c) {
  const std::size_t off = order.begin[comp];
  const auto local_off = static_cast<Vertex>(off);
  // BFS from the target backwards along arcs: hops[u] = d(u, target), u local.
  const auto t = static_cast<Vertex>(target_position - off);
  ws.queue.clear();
  ws.queue.push_back(t);
  ws.hops[t] = 0;
  std::uint64_t total = 0;
  double harmonic = 0.0;
  for (std::size_t head = 0; head < ws.queue.size(); ++head) {
    const Vertex v = ws.queue[head];
    const std::int64_t next_hops = ws.hops[v] + 1;
    for (Vertex up : g.in.neighbours(static_cast<Vertex>(v + off))) {
      const Vertex u = up - local_off;
      if (ws.hops[u] >= 0) continue;
      ws.hops[u] = next_hops;
      ws.queue.push_back(u);
      total += static_cast<std::uint64_t>(next_hops);
      harmonic += 1.0 / static_cast<double>(next_hops);
    }
  }
  finish(c, g.n, order.vertex[target_position], total, ws.queue.size(), harmonic);
  for (Vertex v : ws.queue) ws.hops[v] = -1;
}

}  // namespace

Closeness closeness_centrality(const SimpleDigraph& g, const ComponentOrder& order, unsigned threads) {
  const std::size_t n = g.n;
  Closeness c;
  c.closeness.assign(n, 0.0);
  c.harmonic.assign(n, 0.0);
  // Work items: a small component whole, or one target of a large one. Each writes only its own
  // targets' values.
  struct Item {
    std::size_t component, target;  // target: a position, or SIZE_MAX for the whole component
  };
  constexpr std::size_t kWhole = static_cast<std::size_t>(-1);
  std::vector<Item> items;
  for (std::size_t comp : detail::largest_first(order)) {
    if (order.size(comp) <= 64 * kMaxWords) {
      items.push_back({comp, kWhole});
    } else {
      for (std::size_t p = order.begin[comp]; p < order.begin[comp + 1]; ++p) items.push_back({comp, p});
    }
  }
  const std::size_t largest = order.largest();
  detail::parallel_for_each(
      items.size(), threads, [largest] { return Workspace(largest); },
      [&](Workspace& ws, std::size_t i) {
        if (items[i].target == kWhole) {
          bit_parallel(g, order, items[i].component, ws, c);
        } else {
          bfs(g, order, items[i].component, items[i].target, ws, c);
        }
      },
      8);
  return c;
}

Closeness closeness_centrality(const SimpleDigraph& g, unsigned threads) {
  const ComponentOrder order = component_order(g);
  return closeness_centrality(renumber(g, order), order, threads);
}

}  // namespace agencygraph::analysis
