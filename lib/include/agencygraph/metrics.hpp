// Stage 6's results, by vertex index of AgencyNetwork::graph. Writers and the CLI read this;
// each measure is computed by its own module under analysis/ (agencygraph/analysis/*.hpp), where
// its exact definition and the NetworkX call it equals are written down; docs/analysis.md sums up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/graph.hpp"

namespace agencygraph {

struct BurdenWeights {
  double lead = 1.0;
  double owner = 1.0;
  double co = 0.5;
};

struct AgencyMetrics {
  std::vector<double> burden;               // weights.lead*lead + weights.owner*owner + weights.co*co
  std::vector<double> in_degree, out_degree;      // distinct neighbours (symmetric links both ways)
  std::vector<double> in_strength, out_strength;  // summed weights
  std::vector<double> betweenness;          // unweighted, NetworkX normalisation
  std::vector<double> betweenness_weighted; // distance = 1/weight
  std::vector<double> closeness;            // NetworkX closeness_centrality (WF-improved)
  std::vector<double> harmonic;             // NetworkX harmonic_centrality
  std::vector<double> pagerank;             // weighted, damping 0.85, sums to 1
  std::vector<double> eigenvector;          // NetworkX eigenvector_centrality (in-edges), L2-normalised
  std::vector<std::uint32_t> core;          // k-core number (undirected view)
  std::vector<std::uint32_t> component;     // weakly connected component, numbered by size desc
  std::vector<std::uint32_t> community;     // Louvain community, numbered by size desc
  std::vector<bool> articulation;           // articulation point of the undirected view
  double modularity = 0;                    // of `community`
  std::vector<std::pair<AgencyVertex, AgencyVertex>> bridges;  // undirected view, (lower, higher), ascending
  std::vector<std::string> notes;           // what a reader must know, e.g. a measure that did not converge
};

struct AnalysisOptions {
  BurdenWeights weights;
  double louvain_resolution = 1.0;
  unsigned louvain_seed = 42;
  double pagerank_damping = 0.85;
  // PageRank / eigenvector stop when the L1 change of a step is < n * tolerance (NetworkX's `tol`).
  double tolerance = 1e-14;
  std::size_t max_iterations = 10000;  // PageRank / eigenvector; eigenvector gives zeros and a note beyond
  unsigned threads = 0;            // 0: hardware concurrency
  // If set, analyse() calls it after each step with the step's name and its wall time in seconds,
  // in this order: "views" (the simple digraph and undirected graph), "components" (weakly
  // connected components, and the views renumbered by component for the measures below), "burden",
  // "degree", "betweenness", "betweenness_weighted", "closeness" (closeness and harmonic),
  // "pagerank", "eigenvector", "core", "cut_structure" (articulation points and bridges),
  // "louvain", "modularity". Called on the calling thread; the results do not depend on it.
  std::function<void(std::string_view measure, double seconds)> on_measure;
};

AgencyMetrics analyse(const AgencyNetwork& network, const AnalysisOptions& options = {});

}  // namespace agencygraph
