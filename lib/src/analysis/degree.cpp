// Degree and strength: row lengths and row sums of the simple digraph's CSR lists.
#include "analysis/degree.hpp"

namespace agencygraph::analysis {

Degrees degrees(const SimpleDigraph& g) {
  Degrees d;
  d.in_degree.resize(g.n);
  d.out_degree.resize(g.n);
  d.in_strength.assign(g.n, 0.0);
  d.out_strength.assign(g.n, 0.0);
  for (Vertex v = 0; v < g.n; ++v) {
    d.in_degree[v] = static_cast<double>(g.in.degree(v));
    d.out_degree[v] = static_cast<double>(g.out.degree(v));
    for (double w : g.in.weights(v)) d.in_strength[v] += w;
    for (double w : g.out.weights(v)) d.out_strength[v] += w;
  }
  return d;
}

}  // namespace agencygraph::analysis
