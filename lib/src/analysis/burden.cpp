#include "agencygraph/analysis/burden.hpp"

namespace agencygraph {

std::vector<double> burden_scores(const AgencyNetwork& network, const BurdenWeights& weights) {
  const std::size_t n = boost::num_vertices(network.graph);
  std::vector<double> scores(n);
  for (AgencyVertex v = 0; v < n; ++v) {
    const Agency& agency = network.graph[v];
    scores[v] = weights.lead * agency.lead_tasks + weights.owner * agency.owner_tasks + weights.co * agency.co_tasks;
  }
  return scores;
}

}  // namespace agencygraph
