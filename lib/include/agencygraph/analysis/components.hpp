// Connectivity of the undirected simple graph (weights ignored).
//
// weak_components: weakly connected components of the digraph == connected components of the
//   undirected view (nx.weakly_connected_components). Numbered 0, 1, ... by size, largest first;
//   equal sizes by their smallest vertex index.
// cut_structure: articulation points (== set(nx.articulation_points(Gu))) and bridges
//   (== nx.bridges(Gu)), via BGL's biconnected_components: in a simple graph a bridge is exactly a
//   biconnected component made of one edge. Bridges are listed as (lower, higher) vertex index,
//   sorted ascending.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "agencygraph/analysis/weighted_view.hpp"

namespace agencygraph::analysis {

std::vector<std::uint32_t> weak_components(const SimpleGraph& g);

struct CutStructure {
  std::vector<bool> articulation;                // by vertex
  std::vector<std::pair<Vertex, Vertex>> bridges;  // (lower, higher), ascending
};

CutStructure cut_structure(const SimpleGraph& g);

// Relabels arbitrary group labels to 0, 1, ... by group size descending, ties by smallest member
// vertex index. Used for components and communities alike.
std::vector<std::uint32_t> number_by_size(const std::vector<std::size_t>& labels);

}  // namespace agencygraph::analysis
