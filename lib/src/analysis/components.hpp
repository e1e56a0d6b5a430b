// Connectivity of the undirected simple graph (weights ignored).
//
// weak_components: weakly connected components of the digraph == connected components of the
//   undirected view (nx.weakly_connected_components). Numbered 0, 1, ... by size, largest first;
//   equal sizes by their smallest vertex index.
// cut_structure: articulation points (== set(nx.articulation_points(Gu))) and bridges
//   (== nx.bridges(Gu)), by Hopcroft–Tarjan low-points on an explicit stack, O(n + m). Bridges are
//   listed as (lower, higher) vertex index, sorted ascending.
//
// ComponentOrder / renumber: the layout the all-pairs and per-component measures (betweenness,
//   closeness, harmonic, eigenvector, Louvain) run on. Nothing on these graphs crosses a weakly
//   connected component, so each component is worked on as a small graph of its own: vertices are
//   renumbered so that every component occupies a contiguous range of positions (components in
//   order of their smallest vertex, each component's vertices in increasing vertex order). Within a
//   component the renumbering is increasing, so neighbour lists stay sorted and every traversal
//   meets vertices in the same order as on the original numbering.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/weighted_view.hpp"

namespace agencygraph::analysis {

std::vector<std::uint32_t> weak_components(const SimpleGraph& g);

struct CutStructure {
  std::vector<bool> articulation;                // by vertex
  std::vector<std::pair<Vertex, Vertex>> bridges;  // (lower, higher), ascending
};

CutStructure cut_structure(const SimpleGraph& g);

struct ComponentOrder {
  std::vector<Vertex> vertex;        // position -> vertex
  std::vector<Vertex> position;      // vertex -> position
  std::vector<std::size_t> begin{0};  // component c holds positions [begin[c], begin[c+1])
  std::size_t count() const { return begin.size() - 1; }
  std::size_t size(std::size_t c) const { return begin[c + 1] - begin[c]; }
  std::size_t largest() const;  // size of the largest component (0 for an empty graph)
};

// Weakly connected components (weights ignored) of the undirected view, or of a digraph.
ComponentOrder component_order(const SimpleGraph& g);
ComponentOrder component_order(const SimpleDigraph& g);

// The same graph on positions: vertex order.vertex[p] becomes p.
SimpleGraph renumber(const SimpleGraph& g, const ComponentOrder& order);
SimpleDigraph renumber(const SimpleDigraph& g, const ComponentOrder& order);
// The same, consuming g: each direction's rows are given back as soon as they are renumbered, so at
// most three of the four row sets exist at once.
SimpleDigraph renumber(SimpleDigraph&& g, const ComponentOrder& order);

// weak_components() from an order already made.
std::vector<std::uint32_t> weak_components(const ComponentOrder& order);

// Relabels arbitrary group labels to 0, 1, ... by group size descending, ties by smallest member
// vertex index. Used for components and communities alike.
std::vector<std::uint32_t> number_by_size(const std::vector<std::size_t>& labels);

}  // namespace agencygraph::analysis
