// Stage 6's results, by vertex index of AgencyNetwork::graph. Writers and the CLI read this;
// each measure is computed by its own module under lib/src/analysis/ (one header per family), where
// its exact definition and the NetworkX call it equals are written down; docs/analysis.md sums up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
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

// The measures analyse() computes, selected by AnalysisOptions::measures. One left out has empty
// vectors in AgencyMetrics (articulation and bridges for CutStructure; community and modularity for
// Louvain), and writers leave its columns out. At national scale a researcher may want only a few.
enum class Measure : std::uint32_t {
  Burden = 1u << 0,
  Degree = 1u << 1,  // in/out degree and strength
  Betweenness = 1u << 2,
  BetweennessWeighted = 1u << 3,
  Closeness = 1u << 4,  // closeness and harmonic
  PageRank = 1u << 5,
  Eigenvector = 1u << 6,
  Core = 1u << 7,
  Components = 1u << 8,
  CutStructure = 1u << 9,  // articulation points and bridges
  Louvain = 1u << 10,
};
inline constexpr std::uint32_t kAllMeasures = (1u << 11) - 1;

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
  // Measure bits (PageRank, Eigenvector) whose power iteration stopped at max_iterations without
  // converging; `notes` says the same in words.
  std::uint32_t not_converged = 0;
  bool converged(Measure measure) const;
  std::vector<std::string> notes;           // what a reader must know, e.g. a measure that did not converge
};

// A measure by its name in measures.hpp's list ("burden", "degree", ..., "louvain"); nullopt for any
// other name.
std::optional<Measure> measure_from_name(std::string_view name);
// Those names, comma-separated in the list's order, for help texts.
std::string_view measure_names();

struct AnalysisOptions {
  std::uint32_t measures = kAllMeasures;  // a union of Measure bits
  bool wants(Measure measure) const { return (measures & static_cast<std::uint32_t>(measure)) != 0; }
  BurdenWeights weights;
  double louvain_resolution = 1.0;
  unsigned louvain_seed = 42;
  double pagerank_damping = 0.85;
  // PageRank / eigenvector stop when the L1 change of a step is < n * tolerance (NetworkX's `tol`).
  double tolerance = 1e-14;
  std::size_t max_iterations = 10000;  // PageRank / eigenvector; eigenvector gives zeros and a note beyond
  unsigned threads = 0;            // 0: hardware concurrency
  // If set, analyse() calls it after each step with the step's name and its wall time in seconds,
  // in this order: "digraph" (the simple digraph), "components" (weakly connected components),
  // "burden", "degree", "pagerank", "renumber_digraph" (the digraph renumbered by component, for the
  // four measures after it), "betweenness", "betweenness_weighted", "closeness" (closeness and
  // harmonic), "eigenvector", "undirected_graph" (the undirected view, made once the digraph is
  // freed, for the measures after it), "core", "cut_structure" (articulation points and bridges),
  // "renumber_graph" (the undirected view renumbered by component, for Louvain), "louvain",
  // "modularity". Steps not asked for are not reported. Called on the calling thread; the results do
  // not depend on it.
  std::function<void(std::string_view measure, double seconds)> on_measure;
};

// Throws std::invalid_argument, naming the option and its allowed range, when an option is out of
// range: damping not in [0, 1), tolerance not > 0, max_iterations 0, resolution not >= 0, a burden
// weight not >= 0, any of them not finite, or measure bits beyond kAllMeasures.
void validate(const AnalysisOptions& options);

// Every measure asked for, after validate(options) (which it throws from). Cost: dominated by
// betweenness, O(sum over weakly connected components of n_c m_c) (weighted: times log n_c).
AgencyMetrics analyse(const AgencyNetwork& network, const AnalysisOptions& options = {});

}  // namespace agencygraph
