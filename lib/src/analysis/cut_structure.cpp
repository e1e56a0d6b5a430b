// Articulation points and bridges of the undirected view by Hopcroft–Tarjan low-points, with an
// explicit stack (no recursion, so deep graphs do not overflow the stack), in O(n + m).
// Not Boost's biconnected_components (bridges being its one-edge components): that gives the same
// answer (tests/unit/test_boost_reference.cpp) at about three times the cost on the 3,000-document
// network, its generic depth-first search keeping an edge stack and a frame of iterators per vertex
// (docs/performance.md, "Boost.Graph at the core").
#include <algorithm>
#include <cstdint>

#include "analysis/components.hpp"

namespace agencygraph::analysis {

CutStructure cut_structure(const SimpleGraph& g) {
  const std::size_t n = g.n;
  CutStructure result;
  result.articulation.assign(n, false);
  std::vector<std::uint32_t> disc(n, 0), low(n, 0);  // discovery time (0: unvisited), low-point
  struct Frame {
    Vertex v, parent;
    std::size_t next;  // next neighbour index of v to look at
  };
  std::vector<Frame> stack;
  std::uint32_t time = 0;
  for (Vertex root = 0; root < n; ++root) {
    if (disc[root] != 0) continue;
    disc[root] = low[root] = ++time;
    stack.push_back({root, root, g.adj.begin[root]});
    std::size_t root_children = 0;
    while (!stack.empty()) {
      Frame& f = stack.back();
      const Vertex v = f.v;
      if (f.next < g.adj.begin[v + 1]) {
        const Vertex u = g.adj.vertex[f.next++];
        if (u == f.parent && v != root) continue;  // a simple graph: the tree edge back to the parent
        if (disc[u] != 0) {
          low[v] = std::min(low[v], disc[u]);
        } else {
          disc[u] = low[u] = ++time;
          stack.push_back({u, v, g.adj.begin[u]});
        }
        continue;
      }
      stack.pop_back();
      if (stack.empty()) break;
      const Vertex p = stack.back().v;
      low[p] = std::min(low[p], low[v]);
      if (low[v] > disc[p]) result.bridges.emplace_back(std::min(p, v), std::max(p, v));
      if (p == root) {
        ++root_children;
      } else if (low[v] >= disc[p]) {
        result.articulation[p] = true;
      }
    }
    if (root_children > 1) result.articulation[root] = true;
  }
  std::sort(result.bridges.begin(), result.bridges.end());
  return result;
}

}  // namespace agencygraph::analysis
