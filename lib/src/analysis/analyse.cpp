// analyse(): derives the simple views one after the other and fills every field of AgencyMetrics
// from the measure modules (each documented in its header in this folder).
#include <chrono>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/betweenness.hpp"
#include "agencygraph/analysis/burden.hpp"
#include "analysis/closeness.hpp"
#include "analysis/components.hpp"
#include "analysis/degree.hpp"
#include "analysis/eigenvector.hpp"
#include "analysis/kcore.hpp"
#include "analysis/louvain.hpp"
#include "analysis/modularity.hpp"
#include "analysis/pagerank.hpp"
#include "analysis/weighted_view.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph {

namespace {

// Reports each step's wall time to AnalysisOptions::on_measure, if set.
class StepClock {
 public:
  explicit StepClock(const AnalysisOptions& options) : options_(options), last_(std::chrono::steady_clock::now()) {}
  void done(std::string_view step) {
    const auto now = std::chrono::steady_clock::now();
    if (options_.on_measure) options_.on_measure(step, std::chrono::duration<double>(now - last_).count());
    last_ = std::chrono::steady_clock::now();  // the callback's own time is not charged to the next step
  }

 private:
  const AnalysisOptions& options_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

bool AgencyMetrics::converged(Measure measure) const {
  return (not_converged & static_cast<std::uint32_t>(measure)) == 0;
}

namespace {

void require(bool ok, const std::string& option, double value, const char* range) {
  if (ok) return;
  std::ostringstream message;
  message << "analysis option " << option << " = " << value << ": must be " << range;
  throw std::invalid_argument(message.str());
}

}  // namespace

void validate(const AnalysisOptions& o) {
  require(std::isfinite(o.pagerank_damping) && o.pagerank_damping >= 0 && o.pagerank_damping < 1, "pagerank_damping",
          o.pagerank_damping, "at least 0 and below 1");
  require(std::isfinite(o.tolerance) && o.tolerance > 0, "tolerance", o.tolerance, "a finite number above 0");
  require(o.max_iterations > 0, "max_iterations", static_cast<double>(o.max_iterations), "at least 1");
  require(std::isfinite(o.louvain_resolution) && o.louvain_resolution >= 0, "louvain_resolution",
          o.louvain_resolution, "a finite number of at least 0");
  require(std::isfinite(o.weights.lead) && o.weights.lead >= 0, "weights.lead", o.weights.lead,
          "a finite number of at least 0");
  require(std::isfinite(o.weights.owner) && o.weights.owner >= 0, "weights.owner", o.weights.owner,
          "a finite number of at least 0");
  require(std::isfinite(o.weights.co) && o.weights.co >= 0, "weights.co", o.weights.co,
          "a finite number of at least 0");
  if ((o.measures & ~kAllMeasures) != 0)
    throw std::invalid_argument("analysis option measures: bits beyond kAllMeasures (" +
                                std::to_string(o.measures) + ")");
}

AgencyMetrics analyse(const AgencyNetwork& network, const AnalysisOptions& options) {
  using namespace analysis;
  validate(options);
  StepClock clock(options);
  AgencyMetrics m;
  // The views are the largest memory of the run after the network itself, so no two of them live
  // longer than a measure needs both: first the digraph in vertex order, then the digraph renumbered
  // by component in place of itself, and the undirected view only once the digraph is gone (built
  // together, both lived through the digraph's renumbering, which was the analysis's peak; the
  // sizes are in docs/performance.md).
  SimpleDigraph digraph = directed_view(network.graph);
  clock.done("digraph");

  // Weakly connected components of the digraph, which the per-component measures run by. (The
  // undirected view has the same components: component_order is the same from either.)
  const ComponentOrder order = component_order(digraph);
  if (options.wants(Measure::Components)) m.component = weak_components(order);
  clock.done("components");

  if (options.wants(Measure::Burden)) {
    m.burden = burden_scores(network, options.weights);
    clock.done("burden");
  }

  if (options.wants(Measure::Degree)) {
    Degrees d = degrees(digraph);
    m.in_degree = std::move(d.in_degree);
    m.out_degree = std::move(d.out_degree);
    m.in_strength = std::move(d.in_strength);
    m.out_strength = std::move(d.out_strength);
    clock.done("degree");
  }

  if (options.wants(Measure::PageRank)) {
    PowerIteration pr =
        pagerank(digraph, options.pagerank_damping, options.tolerance, options.max_iterations, options.threads);
    if (!pr.converged) {
      m.not_converged |= static_cast<std::uint32_t>(Measure::PageRank);
      m.notes.push_back("pagerank: no convergence after " + std::to_string(pr.iterations) +
                        " iterations; values are the last iterate");
    }
    m.pagerank = std::move(pr.values);
    clock.done("pagerank");
  }

  const bool by_component_wanted = options.wants(Measure::Betweenness) ||
                                   options.wants(Measure::BetweennessWeighted) ||
                                   options.wants(Measure::Closeness) || options.wants(Measure::Eigenvector);
  {
    const SimpleDigraph by_component = by_component_wanted ? renumber(std::move(digraph), order) : SimpleDigraph{};
    digraph = {};
    if (by_component_wanted) clock.done("renumber_digraph");

    if (options.wants(Measure::Betweenness)) {
      m.betweenness = betweenness_centrality(by_component, order, false, options.threads);
      clock.done("betweenness");
    }
    if (options.wants(Measure::BetweennessWeighted)) {
      m.betweenness_weighted = betweenness_centrality(by_component, order, true, options.threads);
      clock.done("betweenness_weighted");
    }

    if (options.wants(Measure::Closeness)) {
      Closeness c = closeness_centrality(by_component, order, options.threads);
      m.closeness = std::move(c.closeness);
      m.harmonic = std::move(c.harmonic);
      clock.done("closeness");
    }

    if (options.wants(Measure::Eigenvector)) {
      PowerIteration ev =
          eigenvector_centrality(by_component, order, options.tolerance, options.max_iterations, options.threads);
      if (!ev.converged) {
        m.not_converged |= static_cast<std::uint32_t>(Measure::Eigenvector);
        m.notes.push_back("eigenvector: no convergence after " + std::to_string(ev.iterations) +
                          " iterations (the leading eigenvalue is not simple, e.g. the network has no cycle); "
                          "values set to 0");
      }
      m.eigenvector = std::move(ev.values);
      clock.done("eigenvector");
    }
  }

  if (!options.wants(Measure::Core) && !options.wants(Measure::CutStructure) && !options.wants(Measure::Louvain))
    return m;
  const SimpleGraph graph = undirected_view(network.graph);
  clock.done("undirected_graph");

  if (options.wants(Measure::Core)) {
    m.core = core_numbers(graph);
    clock.done("core");
  }

  if (options.wants(Measure::CutStructure)) {
    CutStructure cuts = cut_structure(graph);
    m.articulation = std::move(cuts.articulation);
    m.bridges.reserve(cuts.bridges.size());
    for (const auto& [u, v] : cuts.bridges) m.bridges.emplace_back(u, v);
    clock.done("cut_structure");
  }

  if (options.wants(Measure::Louvain)) {
    Communities communities;
    {
      const SimpleGraph graph_by_component = renumber(graph, order);
      clock.done("renumber_graph");
      communities = louvain_communities(graph_by_component, order, options.louvain_resolution, options.louvain_seed,
                                        options.threads);
    }
    m.community = number_by_size(communities.label);
    clock.done("louvain");
    // Reported modularity is recomputed from the partition, term for term as NetworkX computes it.
    m.modularity = modularity(graph, communities.label, options.louvain_resolution);
    clock.done("modularity");
  }
  return m;
}

}  // namespace agencygraph
