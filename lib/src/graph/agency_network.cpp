// AgencyNetwork's moves: see move_graph in agencygraph/graph.hpp for why they are written out.
#include <utility>

#include "agencygraph/graph.hpp"

namespace agencygraph {

void move_graph(AgencyGraph& to, AgencyGraph& from) noexcept {
  // adjacency_list keeps these public for Boost's own free functions. Swapping the std::list of edges
  // keeps its nodes where they are, so the iterators stored in the vertices' edge lists stay valid.
  to.m_vertices.swap(from.m_vertices);
  to.m_edges.swap(from.m_edges);
  to.m_property.swap(from.m_property);
  from.m_vertices.clear();
  from.m_edges.clear();
}

AgencyNetwork::AgencyNetwork(AgencyNetwork&& other) noexcept
    : documents(std::move(other.documents)), tasks(std::move(other.tasks)) {
  move_graph(graph, other.graph);
}

AgencyNetwork& AgencyNetwork::operator=(AgencyNetwork&& other) noexcept {
  if (this != &other) {
    move_graph(graph, other.graph);
    documents = std::move(other.documents);
    tasks = std::move(other.tasks);
  }
  return *this;
}

}  // namespace agencygraph
