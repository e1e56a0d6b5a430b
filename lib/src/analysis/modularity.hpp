// Modularity of a partition of the undirected simple graph (weighted_view.hpp), equal to
// nx.community.modularity(Gu, communities, weight='weight', resolution=r) in NetworkX 2.8:
//   Q = sum over communities c of [ L_c / m - r * (d_c / (2m))^2 ]
// with m the total edge weight, L_c the weight of edges inside c and d_c the summed weighted
// degree of c's vertices. A graph without edges has Q = 0 (NetworkX divides by zero there).
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

// community[v] is any label; vertices with equal labels form one community.
double modularity(const SimpleGraph& g, const std::vector<std::size_t>& community, double resolution = 1.0);

}  // namespace agencygraph::analysis
