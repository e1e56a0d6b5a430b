// Articulation points and bridges of the undirected view with BGL's biconnected_components
// (Hopcroft–Tarjan on BGL's non-recursive DFS, so deep graphs do not overflow the stack).
#include <algorithm>
#include <iterator>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "agencygraph/analysis/components.hpp"

namespace agencygraph::analysis {

CutStructure cut_structure(const SimpleGraph& g) {
  using Bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_index_t, std::size_t>>;
  Bgl bgl(g.n);
  std::vector<std::pair<Vertex, Vertex>> edge_ends;
  for (Vertex u = 0; u < g.n; ++u) {
    for (Vertex v : g.adj.neighbours(u)) {
      if (u < v) {
        boost::add_edge(u, v, edge_ends.size(), bgl);
        edge_ends.emplace_back(u, v);
      }
    }
  }
  std::vector<std::size_t> block_of_edge(edge_ends.size());
  auto block_map = boost::make_iterator_property_map(block_of_edge.begin(), boost::get(boost::edge_index, bgl));
  std::vector<Bgl::vertex_descriptor> cut_vertices;
  const auto [blocks, out] = boost::biconnected_components(bgl, block_map, std::back_inserter(cut_vertices));
  (void)out;

  CutStructure result;
  result.articulation.assign(g.n, false);
  for (auto v : cut_vertices) result.articulation[v] = true;
  // In a simple graph, a block consisting of a single edge is exactly a bridge.
  std::vector<std::size_t> block_edges(blocks, 0);
  for (std::size_t b : block_of_edge) ++block_edges[b];
  for (std::size_t e = 0; e < edge_ends.size(); ++e) {
    if (block_edges[block_of_edge[e]] == 1) result.bridges.push_back(edge_ends[e]);
  }
  std::sort(result.bridges.begin(), result.bridges.end());
  return result;
}

}  // namespace agencygraph::analysis
