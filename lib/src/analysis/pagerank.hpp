// Weighted PageRank on the simple digraph, as nx.pagerank(G, alpha, weight='weight', tol, max_iter)
// in NetworkX 2.8 (its pagerank_scipy power iteration):
//   x0 = 1/n; each step x' = alpha * (x P + (sum of x over dangling vertices) / n) + (1 - alpha) / n,
//   where P is the weight matrix with rows divided by out-strength, and a dangling vertex (no out
//   arc) spreads its mass uniformly over all n vertices (personalisation and dangling vectors are
//   uniform). Stops at the first step whose L1 change sum|x' - x| < n * tol and returns that x'
//   (which sums to 1, up to rounding). If max_iter steps pass without converging, the last x' is
//   returned with converged = false (NetworkX raises PowerIterationFailedConvergence instead).
// Not BGL's page_rank: that one is unweighted, sums to n and runs a fixed number of iterations.
// Steps run on `threads` threads (0: hardware concurrency), or on one for a small graph (under about
// 130,000 arcs plus vertices), where the threads' meeting at every step costs more than it saves; each
// vertex's value is computed by the same floating-point operations whatever the thread count, so
// results are identical bit for bit.
#pragma once

#include <cstddef>

#include "analysis/power_iteration.hpp"
#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

PowerIteration pagerank(const SimpleDigraph& g, double alpha = 0.85, double tol = 1e-14,
                        std::size_t max_iter = 10000, unsigned threads = 0);

}  // namespace agencygraph::analysis
