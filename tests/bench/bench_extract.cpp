// Extraction of one generated document (~40 KB, ~120 tasks): task finding, annotation parsing, name
// splitting and alias resolution. Arg 0: basic formats; 1: all formats.
#include <benchmark/benchmark.h>

#include "agencygraph/extract.hpp"
#include "corpus.hpp"

namespace {

void BM_ExtractDocument(benchmark::State& state) {
  const bool all_formats = state.range(0) != 0;
  static const std::vector<std::string> basic = agencygraph::bench::generated_texts(10, false);
  static const std::vector<std::string> all = agencygraph::bench::generated_texts(10, true);
  const std::vector<std::string>& texts = all_formats ? all : basic;
  // Made once, as callers do: a default ExtractOptions asks the system for its number of cores.
  const agencygraph::ExtractOptions options;
  std::size_t tasks = 0;
  for (auto _ : state) {
    for (const std::string& text : texts) {
      // The Source is taken by value: the copy of the text is part of what a caller pays.
      agencygraph::Document document = agencygraph::extract_document(agencygraph::Source{"doc.txt", "UTF-8", text}, options);
      tasks += document.tasks.size();
      benchmark::DoNotOptimize(document.tasks.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(agencygraph::bench::total_bytes(texts)));
  state.counters["tasks/s"] = benchmark::Counter(static_cast<double>(tasks), benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_ExtractDocument)->Arg(0)->Arg(1)->ArgName("all_formats")->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
