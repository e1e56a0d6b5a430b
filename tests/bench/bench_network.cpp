// Network building and analysis on N extracted documents (Arg: N). The documents are extracted once,
// outside the timed loops.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

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

}  // namespace

BENCHMARK(BM_BuildNetwork)->Arg(30)->Arg(300)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Analyse)->Args({30, 1})->Args({30, 0})->Args({300, 1})->Args({300, 0})->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
