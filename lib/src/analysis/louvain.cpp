// analyse()'s entry to Louvain: the undirected view as a BGL graph, std::mt19937 with the seed.
#include "agencygraph/analysis/louvain.hpp"

#include <random>

#include <boost/graph/adjacency_list.hpp>

namespace agencygraph::analysis {

Communities louvain_communities(const SimpleGraph& g, double resolution, unsigned seed) {
  using Bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
  Bgl bgl(g.n);
  for (Vertex u = 0; u < g.n; ++u) {
    const auto nbrs = g.adj.neighbours(u);
    const auto weights = g.adj.weights(u);
    for (std::size_t i = 0; i < nbrs.size(); ++i) {
      if (u < nbrs[i]) boost::add_edge(u, nbrs[i], weights[i], bgl);
    }
  }
  // Best of kLouvainRuns runs drawing from one generator: Louvain's outcome depends on the vertex
  // order, and a few runs cost little next to betweenness. The first run of highest quality wins.
  std::mt19937 gen(seed);
  Communities best;
  std::vector<std::size_t> label(g.n, 0);
  auto labels = boost::make_iterator_property_map(label.begin(), boost::get(boost::vertex_index, bgl));
  for (std::size_t run = 0; run < kLouvainRuns; ++run) {
    const double q = louvain_clustering(bgl, labels, boost::get(boost::edge_weight, bgl), gen,
                                        newman_and_girvan{resolution});
    if (run == 0 || q > best.modularity) {
      best.modularity = q;
      best.label = label;
    }
  }
  return best;
}

}  // namespace agencygraph::analysis
