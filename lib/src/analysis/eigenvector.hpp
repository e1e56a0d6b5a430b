// Weighted eigenvector centrality on the simple digraph, as
// nx.eigenvector_centrality(G, weight='weight', tol, max_iter) in NetworkX 2.8:
//   x0 = 1/n; each step x'(v) = x(v) + sum over arcs u->v of w(u,v) x(u)   (i.e. (A^T + I) x:
//   IN-arcs, left eigenvector, shifted by I so periodic graphs converge), then x' /= ||x'||_2.
//   Stops at the first step whose L1 change sum|x' - x| < n * tol and returns x' (L2 norm 1).
// When max_iter steps pass without convergence (typical of DAGs and other graphs whose leading
// eigenvalue is not simple: the iteration then creeps polynomially), NetworkX raises
// PowerIterationFailedConvergence; here `converged` is false and `values` are all ZERO, so nobody
// reads a half-converged vector as a result. analyse() records a note when that happens.
//
// Computation: B is block-diagonal over the weakly connected components, and the normalisation is
// one number per step, so each component's normalised iterate is computed on its own (in parallel,
// on component-local indices) until it stops changing, and the global iterate, its L1 changes and
// the stopping step are assembled from the components' growth factors (eigenvector.cpp explains
// how). On a network of many components this costs a few dozen steps per component instead of
// (steps to global convergence) x (whole graph). The arithmetic is not NetworkX's step for step:
// values agree with it to rounding (about 1e-15 on a vector of L2 norm 1; entries NetworkX leaves
// below ~1e-300 may be 0 here), and the number of steps is the same unless the L1 change of the
// last step is within rounding of n * tol. Results do not depend on the thread count.
#pragma once

#include <cstddef>

#include "analysis/components.hpp"
#include "analysis/power_iteration.hpp"
#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

PowerIteration eigenvector_centrality(const SimpleDigraph& g, double tol = 1e-14, std::size_t max_iter = 10000,
                                      unsigned threads = 0);

// The same on renumber(g, order) with order = component_order(g), prepared by the caller; values
// are indexed by the ORIGINAL vertex.
PowerIteration eigenvector_centrality(const SimpleDigraph& renumbered, const ComponentOrder& order, double tol,
                                      std::size_t max_iter, unsigned threads = 0);

}  // namespace agencygraph::analysis
