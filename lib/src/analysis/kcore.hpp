// k-core numbers of the simple undirected graph (weights ignored), == nx.core_number(Gu):
// core(v) is the largest k such that v belongs to a subgraph where every vertex has degree >= k.
// Batagelj–Zaversnik bucket algorithm, O(n + m).
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

std::vector<std::uint32_t> core_numbers(const SimpleGraph& g);

}  // namespace agencygraph::analysis
