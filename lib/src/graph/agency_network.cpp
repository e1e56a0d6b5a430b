// make_agency_graph: the one way an AgencyGraph gets its edges (a CSR graph cannot add them later).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "agencygraph/graph.hpp"

namespace agencygraph {

// Networks are returned and moved around whole; a move must not copy a national graph.
static_assert(std::is_nothrow_move_constructible_v<AgencyGraph> && std::is_nothrow_move_assignable_v<AgencyGraph>);
static_assert(std::is_nothrow_move_constructible_v<AgencyNetwork> && std::is_nothrow_move_assignable_v<AgencyNetwork>);

AgencyGraph make_agency_graph(std::size_t vertex_count, const std::vector<LinkEnds>& ends, std::vector<Link> links) {
  if (!links.empty() && links.size() != ends.size())
    throw std::invalid_argument("make_agency_graph: links and ends differ in number");
  if (vertex_count > std::numeric_limits<AgencyVertex>::max() || ends.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("make_agency_graph: more agencies or links than 32-bit indices hold");
  const auto n = static_cast<AgencyVertex>(vertex_count);
  for (const LinkEnds& e : ends)
    if (e.source >= n || e.target >= n) throw std::out_of_range("make_agency_graph: a link names no agency");
  // Boost's counting sort by source is stable, so edges from one source keep the order given.
  const auto as_pair = [](const LinkEnds& e) {
    return std::pair<AgencyVertex, AgencyVertex>(static_cast<AgencyVertex>(e.source), static_cast<AgencyVertex>(e.target));
  };
  AgencyGraph graph(boost::edges_are_unsorted_multi_pass, boost::make_transform_iterator(ends.begin(), as_pair),
                    boost::make_transform_iterator(ends.end(), as_pair), n);
  if (links.empty()) return graph;
  auto [first, last] = boost::edges(graph);
  const bool by_source = std::is_sorted(ends.begin(), ends.end(),
                                        [](const LinkEnds& a, const LinkEnds& b) { return a.source < b.source; });
  if (by_source) {
    for (std::size_t i = 0; first != last; ++first, ++i) graph[*first] = std::move(links[i]);
  } else {
    // Edge positions after the sort: the i-th edge given is the k-th of its source's.
    std::vector<std::size_t> next(std::size_t{n} + 1, 0);
    for (const LinkEnds& e : ends) ++next[e.source + 1];
    for (std::size_t v = 0; v < n; ++v) next[v + 1] += next[v];
    std::vector<AgencyEdge> by_position(first, last);
    for (std::size_t i = 0; i < ends.size(); ++i) graph[by_position[next[ends[i].source]++]] = std::move(links[i]);
  }
  return graph;
}

AgencyGraph make_agency_graph(std::vector<Agency> agencies, const std::vector<LinkEnds>& ends, std::vector<Link> links) {
  AgencyGraph graph = make_agency_graph(agencies.size(), ends, std::move(links));
  for (AgencyVertex v = 0; v < agencies.size(); ++v) graph[v] = std::move(agencies[v]);
  return graph;
}

}  // namespace agencygraph
