// Weighted modularity with resolution, term for term NetworkX 2.8's community.modularity.
#include "analysis/modularity.hpp"

#include <algorithm>

namespace agencygraph::analysis {

double modularity(const SimpleGraph& g, const std::vector<std::size_t>& community, double resolution) {
  std::vector<std::size_t> labels(community);
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  auto index = [&](std::size_t label) {
    return static_cast<std::size_t>(std::lower_bound(labels.begin(), labels.end(), label) - labels.begin());
  };
  std::vector<std::size_t> c(g.n);
  for (Vertex v = 0; v < g.n; ++v) c[v] = index(community[v]);

  std::vector<double> inside(labels.size(), 0.0), degree_sum(labels.size(), 0.0);
  double m = 0.0;
  for (Vertex u = 0; u < g.n; ++u) {
    const auto nbrs = g.adj.neighbours(u);
    const auto weights = g.adj.weights(u);
    for (std::size_t i = 0; i < nbrs.size(); ++i) {
      degree_sum[c[u]] += weights[i];
      if (u < nbrs[i]) {
        m += weights[i];
        if (c[u] == c[nbrs[i]]) inside[c[u]] += weights[i];
      }
    }
  }
  if (m == 0.0) return 0.0;
  const double norm = 1.0 / (4.0 * m * m);  // 1 / (2m)^2
  double q = 0.0;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    q += inside[k] / m - resolution * degree_sum[k] * degree_sum[k] * norm;
  }
  return q;
}

}  // namespace agencygraph::analysis
