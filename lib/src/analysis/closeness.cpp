// Closeness and harmonic centrality from one BFS per vertex over in-arcs (inward distances).
#include "agencygraph/analysis/closeness.hpp"

#include <cstdint>

#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

struct Workspace {
  explicit Workspace(std::size_t n) : hops(n, -1) { queue.reserve(n); }
  std::vector<std::int64_t> hops;
  std::vector<Vertex> queue;
};

}  // namespace

Closeness closeness_centrality(const SimpleDigraph& g, unsigned threads) {
  const std::size_t n = g.n;
  Closeness c;
  c.closeness.assign(n, 0.0);
  c.harmonic.assign(n, 0.0);
  detail::parallel_for_each(
      n, threads, [n] { return Workspace(n); },
      [&](Workspace& ws, std::size_t target) {
        // BFS from `target` backwards along arcs: hops[u] = d(u, target).
        const auto t = static_cast<Vertex>(target);
        ws.queue.clear();
        ws.queue.push_back(t);
        ws.hops[t] = 0;
        std::uint64_t total = 0;
        double harmonic = 0.0;
        for (std::size_t head = 0; head < ws.queue.size(); ++head) {
          const Vertex v = ws.queue[head];
          for (Vertex u : g.in.neighbours(v)) {
            if (ws.hops[u] >= 0) continue;
            ws.hops[u] = ws.hops[v] + 1;
            ws.queue.push_back(u);
            total += static_cast<std::uint64_t>(ws.hops[u]);
            harmonic += 1.0 / static_cast<double>(ws.hops[u]);
          }
        }
        const double reached = static_cast<double>(ws.queue.size());  // r(target), target included
        if (total > 0 && n > 1) {
          double value = (reached - 1.0) / static_cast<double>(total);
          value *= (reached - 1.0) / static_cast<double>(n - 1);  // Wasserman–Faust (wf_improved)
          c.closeness[target] = value;
        }
        c.harmonic[target] = harmonic;
        for (Vertex v : ws.queue) ws.hops[v] = -1;
      });
  return c;
}

}  // namespace agencygraph::analysis
