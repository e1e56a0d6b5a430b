// The outcome of a power iteration (PageRank, eigenvector centrality).
#pragma once

#include <cstddef>
#include <vector>

namespace agencygraph::analysis {

struct PowerIteration {
  std::vector<double> values;
  std::size_t iterations = 0;
  bool converged = false;
};

}  // namespace agencygraph::analysis
