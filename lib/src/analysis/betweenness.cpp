// Brandes' betweenness (2001), unweighted (BFS) or with distance 1/weight (Dijkstra, binary heap),
// following NetworkX's accumulation: delta(v) += sigma(v) * (1 + delta(w)) / sigma(w).
#include "agencygraph/analysis/betweenness.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

// Per-thread scratch, reset after each source only where the source's search reached. One record
// per vertex, so visiting a vertex touches one cache line rather than one per array (BFS on a
// sparse graph has little locality).
struct Node {
  double sigma = 0.0;  // number of shortest paths from the source
  double delta = 0.0;  // dependency of the source on this vertex
  double dist = std::numeric_limits<double>::infinity();  // Dijkstra distance
  std::int32_t hops = -1;  // BFS distance, -1 unreached
  std::uint8_t settled = 0;
};

struct Workspace {
  explicit Workspace(std::size_t n) : node(n) { order.reserve(n); }
  std::vector<Node> node;
  std::vector<Vertex> order;  // vertices in non-decreasing distance order (Brandes' stack S)
  std::vector<Vertex> queue;
  using Entry = std::pair<double, Vertex>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;
};

// Back-propagates dependencies over `order` (reverse) and adds them to `partial`.
template <class IsPredecessor>
void accumulate(const SimpleDigraph& g, Vertex s, Workspace& ws, std::vector<double>& partial,
                IsPredecessor is_predecessor) {
  for (auto it = ws.order.rbegin(); it != ws.order.rend(); ++it) {
    const Vertex w = *it;
    const double coeff = (1.0 + ws.node[w].delta) / ws.node[w].sigma;
    const auto preds = g.in.neighbours(w);
    for (std::size_t i = 0; i < preds.size(); ++i) {
      const Vertex v = preds[i];
      if (is_predecessor(v, w, g.in.begin[w] + i)) ws.node[v].delta += ws.node[v].sigma * coeff;
    }
    if (w != s) partial[w] += ws.node[w].delta;
  }
}

void unweighted_sweep(const SimpleDigraph& g, Vertex s, Workspace& ws, std::vector<double>& partial) {
  ws.order.clear();
  ws.queue.clear();
  ws.node[s].hops = 0;
  ws.node[s].sigma = 1.0;
  ws.queue.push_back(s);
  for (std::size_t head = 0; head < ws.queue.size(); ++head) {
    const Vertex v = ws.queue[head];
    ws.order.push_back(v);
    for (Vertex w : g.out.neighbours(v)) {
      if (ws.node[w].hops < 0) {
        ws.node[w].hops = ws.node[v].hops + 1;
        ws.queue.push_back(w);
      }
      if (ws.node[w].hops == ws.node[v].hops + 1) ws.node[w].sigma += ws.node[v].sigma;
    }
  }
  accumulate(g, s, ws, partial, [&](Vertex v, Vertex w, std::size_t) {
    return ws.node[v].hops >= 0 && ws.node[v].hops + 1 == ws.node[w].hops;
  });
  for (Vertex v : ws.order) {
    ws.node[v].hops = -1;
    ws.node[v].sigma = 0.0;
    ws.node[v].delta = 0.0;
  }
}

// `length_out` / `length_in`: 1/weight per arc of g.out / g.in, computed once so that a path's length
// is the same float whichever list it is read from.
void weighted_sweep(const SimpleDigraph& g, const std::vector<double>& length_out,
                    const std::vector<double>& length_in, Vertex s, Workspace& ws, std::vector<double>& partial) {
  ws.order.clear();
  ws.node[s].dist = 0.0;
  ws.heap.push({0.0, s});
  std::vector<Vertex>& touched = ws.queue;  // every vertex given a finite distance, for the reset
  touched.clear();
  touched.push_back(s);
  while (!ws.heap.empty()) {
    const auto [d, v] = ws.heap.top();
    ws.heap.pop();
    if (ws.node[v].settled || d > ws.node[v].dist) continue;
    ws.node[v].settled = 1;
    ws.order.push_back(v);
    // sigma(v) = sum of sigma over settled in-neighbours u with dist(u) + len(u,v) == dist(v): the
    // predecessors NetworkX records (exact float equality of path sums, as there).
    if (v == s) {
      ws.node[v].sigma = 1.0;
    } else {
      const auto preds = g.in.neighbours(v);
      for (std::size_t i = 0; i < preds.size(); ++i) {
        const Vertex u = preds[i];
        if (ws.node[u].settled && u != v && ws.node[u].dist + length_in[g.in.begin[v] + i] == ws.node[v].dist) {
          ws.node[v].sigma += ws.node[u].sigma;
        }
      }
    }
    const auto targets = g.out.neighbours(v);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const Vertex w = targets[i];
      if (ws.node[w].settled) continue;
      const double nd = d + length_out[g.out.begin[v] + i];
      if (nd < ws.node[w].dist) {
        if (ws.node[w].dist == std::numeric_limits<double>::infinity()) touched.push_back(w);
        ws.node[w].dist = nd;
        ws.heap.push({nd, w});
      }
    }
  }
  accumulate(g, s, ws, partial, [&](Vertex u, Vertex w, std::size_t arc) {
    return ws.node[u].settled && u != w && ws.node[u].dist + length_in[arc] == ws.node[w].dist;
  });
  for (Vertex v : touched) {
    ws.node[v].dist = std::numeric_limits<double>::infinity();
    ws.node[v].sigma = 0.0;
    ws.node[v].delta = 0.0;
    ws.node[v].settled = 0;
  }
}

}  // namespace

std::vector<double> betweenness_centrality(const SimpleDigraph& g, bool weighted, unsigned threads) {
  const std::size_t n = g.n;
  auto make_workspace = [n] { return Workspace(n); };
  std::vector<double> b;
  if (!weighted) {
    b = detail::ordered_source_sum(n, n, threads, make_workspace,
                                   [&](Workspace& ws, std::size_t s, std::vector<double>& partial) {
                                     unweighted_sweep(g, static_cast<Vertex>(s), ws, partial);
                                   });
  } else {
    std::vector<double> length_out(g.out.weight.size()), length_in(g.in.weight.size());
    for (std::size_t i = 0; i < length_out.size(); ++i) length_out[i] = 1.0 / g.out.weight[i];
    for (std::size_t i = 0; i < length_in.size(); ++i) length_in[i] = 1.0 / g.in.weight[i];
    b = detail::ordered_source_sum(n, n, threads, make_workspace,
                                   [&](Workspace& ws, std::size_t s, std::vector<double>& partial) {
                                     weighted_sweep(g, length_out, length_in, static_cast<Vertex>(s), ws, partial);
                                   });
  }
  // NetworkX's directed normalisation; none for n <= 2 (all values are 0 there anyway).
  if (n > 2) {
    const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    for (double& x : b) x *= scale;
  }
  return b;
}

}  // namespace agencygraph::analysis
