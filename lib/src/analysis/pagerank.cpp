// Weighted PageRank by power iteration, step for step NetworkX 2.8's pagerank_scipy.
#include "agencygraph/analysis/pagerank.hpp"

#include <cmath>

namespace agencygraph::analysis {

PowerIteration pagerank(const SimpleDigraph& g, double alpha, double tol, std::size_t max_iter) {
  const std::size_t n = g.n;
  PowerIteration r;
  if (n == 0) {
    r.converged = true;
    return r;
  }
  const double uniform = 1.0 / static_cast<double>(n);
  // Row-stochastic matrix stored by columns (in-arcs): P(u,v) = (1 / out_strength(u)) * w(u,v).
  std::vector<double> inverse_strength(n, 0.0);
  std::vector<Vertex> dangling;
  for (Vertex u = 0; u < n; ++u) {
    double s = 0.0;
    for (double w : g.out.weights(u)) s += w;
    if (s != 0.0) {
      inverse_strength[u] = 1.0 / s;
    } else {
      dangling.push_back(u);
    }
  }
  std::vector<double> p(g.in.weight.size());
  for (Vertex v = 0; v < n; ++v) {
    const auto sources = g.in.neighbours(v);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const std::size_t arc = g.in.begin[v] + i;
      p[arc] = inverse_strength[sources[i]] * g.in.weight[arc];
    }
  }

  std::vector<double> x(n, uniform), next(n);
  for (r.iterations = 1; r.iterations <= max_iter; ++r.iterations) {
    double dangling_mass = 0.0;
    for (Vertex u : dangling) dangling_mass += x[u];
    double err = 0.0;
    for (Vertex v = 0; v < n; ++v) {
      double flow = 0.0;
      const auto sources = g.in.neighbours(v);
      for (std::size_t i = 0; i < sources.size(); ++i) flow += x[sources[i]] * p[g.in.begin[v] + i];
      next[v] = alpha * (flow + dangling_mass * uniform) + (1.0 - alpha) * uniform;
      err += std::abs(next[v] - x[v]);
    }
    x.swap(next);
    if (err < static_cast<double>(n) * tol) {
      r.converged = true;
      break;
    }
  }
  if (!r.converged) r.iterations = max_iter;
  r.values = std::move(x);
  return r;
}

}  // namespace agencygraph::analysis
