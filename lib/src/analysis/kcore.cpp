// Core numbers by Boost's core_numbers (Batagelj & Zaversnik's bucket algorithm, O(n + m)) on the
// undirected view's rows: each edge is met from both ends, so a vertex's starting "in-degree" in
// Boost's terms is its degree in the undirected view.
#include "analysis/kcore.hpp"

#include <boost/graph/core_numbers.hpp>
#include <boost/property_map/property_map.hpp>

#include "analysis/boost_csr.hpp"

namespace agencygraph::analysis {

std::vector<std::uint32_t> core_numbers(const SimpleGraph& g) {
  const UndirectedCsr csr(g);
  std::vector<std::uint32_t> core(g.n, 0);
  boost::core_numbers(csr, boost::make_iterator_property_map(core.begin(), get(boost::vertex_index, csr)));
  return core;
}

}  // namespace agencygraph::analysis
