// Whole-network figures, the ones studies of these documents report side by side across years and
// places: size, density, how many tasks are shared, how concentrated the links are, how clustered.
#pragma once

#include <cstddef>
#include <optional>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph {

struct NetworkFigures {
  std::size_t documents = 0;
  std::size_t tasks = 0;         // every task, those that name no agency included
  std::size_t agencies = 0;      // vertices
  std::size_t links = 0;         // edges as exported: lead->co, co-lead and peer links of one pair count apart
  std::size_t linked_pairs = 0;  // pairs of agencies joined by any link, either direction
  // linked_pairs / (n(n-1)/2): the density of the undirected simple graph (NetworkX nx.density of the
  // network made undirected, parallel links as one). None below 2 agencies.
  std::optional<double> density;
  // Tasks that name more than one unit (leads, co-responsible units and owner together) out of the tasks
  // that name at least one. None when no task names a unit.
  std::optional<double> multi_unit_share;
  // Freeman's degree centralisation of the undirected simple graph: sum over agencies of
  // (largest degree - degree) / ((n-1)(n-2)), degree counting distinct partners in any direction and
  // role. 1 for a star, 0 when every agency has as many partners. None below 3 agencies.
  std::optional<double> degree_centralisation;
  std::optional<double> modularity;  // of the Louvain clusters in `metrics`; none when not computed
};

NetworkFigures network_figures(const AgencyNetwork& network, const AgencyMetrics& metrics);

}  // namespace agencygraph
