// Network building and analysis on N extracted documents (Arg: N). The documents are extracted once,
// outside the timed loops. BM_Analyse times analyse() whole; the BM_<measure> benchmarks time each
// measure alone on views made beforehand, as analyse() calls it (Args: N, threads with 0 = all cores).
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include <benchmark/benchmark.h>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "analysis/betweenness.hpp"
#include "agencygraph/analysis/burden.hpp"
#include "analysis/closeness.hpp"
#include "analysis/components.hpp"
#include "analysis/degree.hpp"
#include "analysis/eigenvector.hpp"
#include "analysis/kcore.hpp"
#include "analysis/louvain.hpp"
#include "analysis/pagerank.hpp"
#include "analysis/weighted_view.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"
#include "corpus.hpp"

namespace {

// Documents are not copied (their name tables hold views into themselves): one set per size, kept.
const std::vector<agencygraph::Document>& documents(std::size_t count) {
  static std::map<std::size_t, std::unique_ptr<std::vector<agencygraph::Document>>> cache;
  auto& slot = cache[count];
  if (!slot) slot = std::make_unique<std::vector<agencygraph::Document>>(agencygraph::bench::extracted_documents(count));
  return *slot;
}

const agencygraph::AgencyNetwork& network(std::size_t count) {
  static std::map<std::size_t, std::unique_ptr<agencygraph::AgencyNetwork>> cache;
  auto& slot = cache[count];
  if (!slot) slot = std::make_unique<agencygraph::AgencyNetwork>(agencygraph::build_network(documents(count)));
  return *slot;
}

void BM_BuildNetwork(benchmark::State& state) {
  const auto& docs = documents(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    agencygraph::AgencyNetwork net = agencygraph::build_network(docs);
    benchmark::DoNotOptimize(net.tasks.data());
  }
  const auto& net = network(static_cast<std::size_t>(state.range(0)));
  state.counters["vertices"] = static_cast<double>(boost::num_vertices(net.graph));
  state.counters["edges"] = static_cast<double>(boost::num_edges(net.graph));
}

// Arg 1: threads (0 = hardware concurrency). Each step's mean wall time (AnalysisOptions::on_measure)
// is reported as a counter in milliseconds, e.g. betweenness_weighted_ms.
void BM_Analyse(benchmark::State& state) {
  const auto& net = network(static_cast<std::size_t>(state.range(0)));
  agencygraph::AnalysisOptions options;
  options.threads = static_cast<unsigned>(state.range(1));
  std::map<std::string, double, std::less<>> seconds;
  options.on_measure = [&](std::string_view measure, double s) {
    auto it = seconds.find(measure);
    if (it == seconds.end()) it = seconds.emplace(std::string(measure), 0.0).first;
    it->second += s;
  };
  for (auto _ : state) {
    agencygraph::AgencyMetrics metrics = agencygraph::analyse(net, options);
    benchmark::DoNotOptimize(metrics.burden.data());
  }
  state.counters["vertices"] = static_cast<double>(boost::num_vertices(net.graph));
  state.counters["edges"] = static_cast<double>(boost::num_edges(net.graph));
  for (const auto& [measure, total] : seconds) {
    state.counters[measure + "_ms"] = 1000.0 * total / static_cast<double>(state.iterations());
  }
}

// What analyse() derives before the measures: the two views, their components, and both renumbered
// component by component (the per-component measures' input).
// The views as analyse() makes them.
struct Views {
  agencygraph::analysis::SimpleDigraph digraph;
  agencygraph::analysis::SimpleGraph graph;
};
struct Prepared {
  Views views;
  agencygraph::analysis::ComponentOrder order;
  agencygraph::analysis::SimpleDigraph digraph_by_component;
  agencygraph::analysis::SimpleGraph graph_by_component;
};

const Prepared& prepared(std::size_t count) {
  static std::map<std::size_t, std::unique_ptr<Prepared>> cache;
  auto& slot = cache[count];
  if (!slot) {
    using namespace agencygraph::analysis;
    slot = std::make_unique<Prepared>();
    slot->views.digraph = directed_view(network(count).graph);
    slot->views.graph = undirected_view(network(count).graph);
    slot->order = component_order(slot->views.graph);
    slot->digraph_by_component = renumber(slot->views.digraph, slot->order);
    slot->graph_by_component = renumber(slot->views.graph, slot->order);
  }
  return *slot;
}

// Runs measure(prepared, threads) in the timed loop and labels the run with the graph's size.
template <class Measure>
void time_measure(benchmark::State& state, Measure measure) {
  const auto count = static_cast<std::size_t>(state.range(0));
  const auto threads = static_cast<unsigned>(state.range(1));
  const Prepared& p = prepared(count);
  for (auto _ : state) {
    auto result = measure(p, threads);
    benchmark::DoNotOptimize(result);
    // The power iterations give their step count, which their time is proportional to.
    if constexpr (std::is_same_v<decltype(result), agencygraph::analysis::PowerIteration>)
      state.counters["iterations"] = static_cast<double>(result.iterations);
  }
  state.counters["vertices"] = static_cast<double>(p.views.digraph.n);
  state.counters["arcs"] = static_cast<double>(p.views.digraph.arc_count());
}

using namespace agencygraph::analysis;

void BM_Views(benchmark::State& state) {
  time_measure(state, [&](const Prepared&, unsigned) {
    const auto& graph = network(static_cast<std::size_t>(state.range(0))).graph;
    return directed_view(graph).n + undirected_view(graph).n;
  });
}
void BM_Burden(benchmark::State& state) {
  time_measure(state, [&](const Prepared&, unsigned) {
    return burden_scores(network(static_cast<std::size_t>(state.range(0)))).size();
  });
}
void BM_Degree(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned) { return degrees(p.views.digraph).in_degree.size(); });
}
void BM_PageRank(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned threads) {
    return pagerank(p.views.digraph, 0.85, 1e-14, 10000, threads);
  });
}
void BM_Betweenness(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned threads) {
    return betweenness_centrality(p.digraph_by_component, p.order, false, threads).size();
  });
}
// Boost's own Brandes (brandes_betweenness_centrality) on the same digraph as a Boost CSR graph made
// outside the timed loop: the figure that decides whether the hand-written one stays.
void BM_BetweennessBoost(benchmark::State& state) {
  using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
  const Prepared& p = prepared(static_cast<std::size_t>(state.range(0)));
  std::vector<std::pair<std::size_t, std::size_t>> arcs;
  for (Vertex u = 0; u < p.views.digraph.n; ++u)
    for (Vertex v : p.views.digraph.out.neighbours(u)) arcs.emplace_back(u, v);
  const Csr g(boost::edges_are_sorted, arcs.begin(), arcs.end(), p.views.digraph.n);
  std::vector<double> centrality(p.views.digraph.n);
  for (auto _ : state) {
    boost::brandes_betweenness_centrality(
        g, boost::centrality_map(boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, g))));
    benchmark::DoNotOptimize(centrality.data());
  }
  state.counters["vertices"] = static_cast<double>(p.views.digraph.n);
}
void BM_BetweennessWeighted(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned threads) {
    return betweenness_centrality(p.digraph_by_component, p.order, true, threads).size();
  });
}
void BM_Closeness(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned threads) {
    return closeness_centrality(p.digraph_by_component, p.order, threads).closeness.size();
  });
}
void BM_Eigenvector(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned threads) {
    return eigenvector_centrality(p.digraph_by_component, p.order, 1e-14, 10000, threads);
  });
}
void BM_Components(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned) { return weak_components(component_order(p.views.digraph)).size(); });
}
void BM_Core(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned) { return core_numbers(p.views.graph).size(); });
}
void BM_CutStructure(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned) { return cut_structure(p.views.graph).bridges.size(); });
}
void BM_Louvain(benchmark::State& state) {
  time_measure(state, [](const Prepared& p, unsigned threads) {
    return louvain_communities(p.graph_by_component, p.order, 1.0, 42, threads).label.size();
  });
}

// 300 and 3,000 documents (a national corpus, as bench.sh), on one thread and on all; in wall time,
// since the measures run on several threads.
void measure_sizes(benchmark::internal::Benchmark* b) {
  b->Args({300, 1})->Args({300, 0})->Args({3000, 1})->Args({3000, 0})->UseRealTime()->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(BM_Views)->Apply(measure_sizes);
BENCHMARK(BM_Burden)->Apply(measure_sizes);
BENCHMARK(BM_Degree)->Apply(measure_sizes);
BENCHMARK(BM_PageRank)->Apply(measure_sizes);
BENCHMARK(BM_Betweenness)->Apply(measure_sizes);
BENCHMARK(BM_BetweennessWeighted)->Apply(measure_sizes);
// One thread, 300 documents: at 3,000 documents one run takes minutes (docs/performance.md).
BENCHMARK(BM_BetweennessBoost)->Args({300, 1})->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Closeness)->Apply(measure_sizes);
BENCHMARK(BM_Eigenvector)->Apply(measure_sizes);
BENCHMARK(BM_Components)->Apply(measure_sizes);
BENCHMARK(BM_Core)->Apply(measure_sizes);
BENCHMARK(BM_CutStructure)->Apply(measure_sizes);
BENCHMARK(BM_Louvain)->Apply(measure_sizes);
BENCHMARK(BM_BuildNetwork)->Arg(30)->Arg(300)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyse)->Args({30, 1})->Args({30, 0})->Args({300, 1})->Args({300, 0})->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
