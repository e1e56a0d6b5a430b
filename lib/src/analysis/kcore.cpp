// Core numbers by Batagelj & Zaversnik (2003): peel vertices in order of current degree, kept in
// degree buckets, in O(n + m).
#include "agencygraph/analysis/kcore.hpp"

#include <algorithm>

namespace agencygraph::analysis {

std::vector<std::uint32_t> core_numbers(const SimpleGraph& g) {
  const std::size_t n = g.n;
  std::vector<std::uint32_t> degree(n);
  std::uint32_t max_degree = 0;
  for (Vertex v = 0; v < n; ++v) {
    degree[v] = static_cast<std::uint32_t>(g.adj.degree(v));
    max_degree = std::max(max_degree, degree[v]);
  }
  // bin[d]: first position of degree-d vertices in `order`; pos[v]: v's position.
  std::vector<std::size_t> bin(max_degree + 2, 0);
  for (Vertex v = 0; v < n; ++v) ++bin[degree[v] + 1];
  for (std::size_t d = 1; d < bin.size(); ++d) bin[d] += bin[d - 1];
  std::vector<Vertex> order(n);
  std::vector<std::size_t> pos(n);
  {
    std::vector<std::size_t> next(bin.begin(), bin.end() - 1);
    for (Vertex v = 0; v < n; ++v) {
      pos[v] = next[degree[v]]++;
      order[pos[v]] = v;
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Vertex v = order[i];
    for (Vertex u : g.adj.neighbours(v)) {
      if (degree[u] > degree[v]) {
        // Move u to the front of its bucket, then shrink the bucket: u's degree drops by one.
        const std::uint32_t du = degree[u];
        const std::size_t pu = pos[u], pw = bin[du];
        const Vertex w = order[pw];
        if (u != w) {
          order[pu] = w;
          pos[w] = pu;
          order[pw] = u;
          pos[u] = pw;
        }
        ++bin[du];
        --degree[u];
      }
    }
  }
  return degree;
}

}  // namespace agencygraph::analysis
