// make_agency_graph: the CSR AgencyGraph keeps the links it is given, with their properties, in the
// order the rest of the library relies on (out-edges in the order given per source, in-edges by source).
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "agencygraph/graph.hpp"

using namespace agencygraph;

namespace {

std::vector<Agency> named(std::size_t n) {
  std::vector<Agency> agencies(n);
  for (std::size_t v = 0; v < n; ++v) agencies[v].name = "a" + std::to_string(v);
  return agencies;
}

Link link(LinkKind kind, double weight, std::initializer_list<std::uint32_t> tasks) { return Link{kind, weight, TaskList(tasks)}; }

// "source>target:weight" per out-edge, vertex by vertex.
std::string out_edges_of(const AgencyGraph& g) {
  std::string s;
  for (AgencyVertex v = 0; v < boost::num_vertices(g); ++v)
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
      s += std::to_string(boost::source(*it, g)) + ">" + std::to_string(boost::target(*it, g)) + ":" +
           std::to_string(static_cast<int>(g[*it].weight)) + " ";
  return s;
}

}  // namespace

TEST_CASE("make_agency_graph keeps vertices, links and their properties") {
  // Given out of source order: 2->0 (w3), 0->1 (w1), 0->2 (w2), 1->2 peer (w4), 0->1 co-lead (w5).
  const std::vector<LinkEnds> ends = {{2, 0}, {0, 1}, {0, 2}, {1, 2}, {0, 1}};
  std::vector<Link> links = {link(LinkKind::LeadToCo, 3, {7}), link(LinkKind::LeadToCo, 1, {0}),
                             link(LinkKind::LeadToCo, 2, {1, 4}), link(LinkKind::Peer, 4, {2}),
                             link(LinkKind::CoLead, 5, {3})};
  const AgencyGraph g = make_agency_graph(named(4), ends, std::move(links));
  REQUIRE(boost::num_vertices(g) == 4);
  REQUIRE(boost::num_edges(g) == 5);
  CHECK(g[3].name == "a3");
  // Out-edges grouped by source, each source's in the order given.
  CHECK(out_edges_of(g) == "0>1:1 0>2:2 0>1:5 1>2:4 2>0:3 ");
  // Properties travel with their edge.
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    const Link& l = g[*it];
    if (l.weight == 2) CHECK(l.tasks == TaskList{1, 4});
    if (l.weight == 5) CHECK(l.kind == LinkKind::CoLead);
    if (l.weight == 4) CHECK((boost::source(*it, g) == 1 && boost::target(*it, g) == 2 && l.kind == LinkKind::Peer));
  }
  // In-edges of 2 come by source: from 0 (w2), then from 1 (w4).
  std::vector<int> into_2;
  for (auto [it, end] = boost::in_edges(AgencyVertex{2}, g); it != end; ++it) into_2.push_back(static_cast<int>(g[*it].weight));
  CHECK(into_2 == std::vector<int>{2, 4});
  CHECK(boost::in_degree(AgencyVertex{1}, g) == 2);
  CHECK(boost::out_degree(AgencyVertex{3}, g) == 0);
}

TEST_CASE("make_agency_graph without properties, and its errors") {
  const AgencyGraph g = make_agency_graph(named(2), {{1, 0}});
  REQUIRE(boost::num_edges(g) == 1);
  CHECK(g[*boost::edges(g).first].weight == 0);
  CHECK_THROWS_AS(make_agency_graph(named(2), {{0, 2}}), std::out_of_range);
  CHECK_THROWS_AS(make_agency_graph(named(2), {{0, 1}}, {Link{}, Link{}}), std::invalid_argument);
}

TEST_CASE("a moved network leaves its graph behind, not a copy") {
  AgencyNetwork network;
  network.graph = make_agency_graph(named(3), {{0, 1}, {1, 2}}, {link(LinkKind::LeadToCo, 1, {0}), link(LinkKind::LeadToCo, 1, {1})});
  const Link* first_link = &network.graph[*boost::edges(network.graph).first];
  AgencyNetwork moved = std::move(network);
  CHECK(boost::num_edges(moved.graph) == 2);
  CHECK(&moved.graph[*boost::edges(moved.graph).first] == first_link);  // the same storage
}
