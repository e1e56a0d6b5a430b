// Weighted eigenvector centrality on the simple digraph, as
// nx.eigenvector_centrality(G, weight='weight', tol, max_iter) in NetworkX 2.8:
//   x0 = 1/n; each step x'(v) = x(v) + sum over arcs u->v of w(u,v) x(u)   (i.e. (A^T + I) x:
//   IN-arcs, left eigenvector, shifted by I so periodic graphs converge), then x' /= ||x'||_2.
//   Stops at the first step whose L1 change sum|x' - x| < n * tol and returns x' (L2 norm 1).
// When max_iter steps pass without convergence (typical of DAGs and other graphs whose leading
// eigenvalue is not simple: the iteration then creeps polynomially), NetworkX raises
// PowerIterationFailedConvergence; here `converged` is false and `values` are all ZERO, so nobody
// reads a half-converged vector as a result. analyse() records a note when that happens.
#pragma once

#include <cstddef>

#include "agencygraph/analysis/power_iteration.hpp"
#include "agencygraph/analysis/weighted_view.hpp"

namespace agencygraph::analysis {

PowerIteration eigenvector_centrality(const SimpleDigraph& g, double tol = 1e-14, std::size_t max_iter = 10000);

}  // namespace agencygraph::analysis
