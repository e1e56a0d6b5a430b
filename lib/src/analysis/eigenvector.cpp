// Eigenvector centrality by the shifted power iteration of NetworkX 2.8 (see eigenvector.hpp).
#include "agencygraph/analysis/eigenvector.hpp"

#include <cmath>

namespace agencygraph::analysis {

PowerIteration eigenvector_centrality(const SimpleDigraph& g, double tol, std::size_t max_iter) {
  const std::size_t n = g.n;
  PowerIteration r;
  if (n == 0) {
    r.converged = true;
    return r;
  }
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), next(n);
  for (r.iterations = 1; r.iterations <= max_iter; ++r.iterations) {
    // next = (A^T + I) x, adding in-neighbour contributions in source index order as NetworkX does.
    for (Vertex v = 0; v < n; ++v) {
      double value = x[v];
      const auto sources = g.in.neighbours(v);
      const auto weights = g.in.weights(v);
      for (std::size_t i = 0; i < sources.size(); ++i) value += x[sources[i]] * weights[i];
      next[v] = value;
    }
    double squares = 0.0;
    for (double value : next) squares += value * value;
    double norm = std::sqrt(squares);
    if (norm == 0.0) norm = 1.0;
    double err = 0.0;
    for (Vertex v = 0; v < n; ++v) {
      next[v] /= norm;
      err += std::abs(next[v] - x[v]);
    }
    x.swap(next);
    if (err < static_cast<double>(n) * tol) {
      r.converged = true;
      break;
    }
  }
  if (r.converged) {
    r.values = std::move(x);
  } else {
    r.iterations = max_iter;
    r.values.assign(n, 0.0);
  }
  return r;
}

}  // namespace agencygraph::analysis
