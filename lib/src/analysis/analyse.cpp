// analyse(): derives the two simple views once and fills every field of AgencyMetrics from the
// measure modules (each documented in its header under agencygraph/analysis/).
#include <string>

#include "agencygraph/analysis/betweenness.hpp"
#include "agencygraph/analysis/burden.hpp"
#include "agencygraph/analysis/closeness.hpp"
#include "agencygraph/analysis/components.hpp"
#include "agencygraph/analysis/degree.hpp"
#include "agencygraph/analysis/eigenvector.hpp"
#include "agencygraph/analysis/kcore.hpp"
#include "agencygraph/analysis/louvain.hpp"
#include "agencygraph/analysis/modularity.hpp"
#include "agencygraph/analysis/pagerank.hpp"
#include "agencygraph/analysis/weighted_view.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph {

AgencyMetrics analyse(const AgencyNetwork& network, const AnalysisOptions& options) {
  using namespace analysis;
  const SimpleDigraph digraph = directed_view(network.graph);
  const SimpleGraph graph = undirected_view(network.graph);
  AgencyMetrics m;

  m.burden = burden_scores(network, options.weights);

  Degrees d = degrees(digraph);
  m.in_degree = std::move(d.in_degree);
  m.out_degree = std::move(d.out_degree);
  m.in_strength = std::move(d.in_strength);
  m.out_strength = std::move(d.out_strength);

  m.betweenness = betweenness_centrality(digraph, false, options.threads);
  m.betweenness_weighted = betweenness_centrality(digraph, true, options.threads);

  Closeness c = closeness_centrality(digraph, options.threads);
  m.closeness = std::move(c.closeness);
  m.harmonic = std::move(c.harmonic);

  PowerIteration pr = pagerank(digraph, options.pagerank_damping, options.tolerance, options.max_iterations);
  if (!pr.converged) {
    m.notes.push_back("pagerank: no convergence after " + std::to_string(pr.iterations) +
                      " iterations; values are the last iterate");
  }
  m.pagerank = std::move(pr.values);

  PowerIteration ev = eigenvector_centrality(digraph, options.tolerance, options.max_iterations);
  if (!ev.converged) {
    m.notes.push_back("eigenvector: no convergence after " + std::to_string(ev.iterations) +
                      " iterations (the leading eigenvalue is not simple, e.g. the network has no cycle); "
                      "values set to 0");
  }
  m.eigenvector = std::move(ev.values);

  m.core = core_numbers(graph);
  m.component = weak_components(graph);

  CutStructure cuts = cut_structure(graph);
  m.articulation = std::move(cuts.articulation);
  m.bridges.reserve(cuts.bridges.size());
  for (const auto& [u, v] : cuts.bridges) m.bridges.emplace_back(u, v);

  const Communities communities = louvain_communities(graph, options.louvain_resolution, options.louvain_seed);
  m.community = number_by_size(communities.label);
  // Reported modularity is recomputed from the partition, term for term as NetworkX computes it.
  m.modularity = modularity(graph, communities.label, options.louvain_resolution);
  return m;
}

}  // namespace agencygraph
