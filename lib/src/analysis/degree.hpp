// Degree and strength on the simple digraph (weighted_view.hpp).
//
// in_degree(v)  = number of distinct u with an arc u->v  == nx.DiGraph.in_degree(v)
// out_degree(v) = number of distinct w with an arc v->w  == nx.DiGraph.out_degree(v)
// in_strength / out_strength: the same sums with arc weights == in_degree(v, weight='weight').
// A symmetric link (CoLead, Peer) between u and v counts as an arc each way, so it adds 1 to the
// in- and out-degree of both ends. Raw counts, not divided by n-1.
#pragma once

#include <vector>

#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

struct Degrees {
  std::vector<double> in_degree, out_degree, in_strength, out_strength;
};

Degrees degrees(const SimpleDigraph& g);

}  // namespace agencygraph::analysis
