// Decoding: UTF-8 validation, GB18030 detection (ICU charset detection + checked conversion), and a
// forced GB18030 conversion, on generated ~40 KB documents.
#include <benchmark/benchmark.h>

#include "agencygraph/decode.hpp"
#include "corpus.hpp"

namespace {

using agencygraph::bench::generated_texts;
using agencygraph::bench::total_bytes;

const std::vector<std::string>& utf8_texts() {
  static const std::vector<std::string> texts = generated_texts(20);
  return texts;
}

const std::vector<std::string>& gb18030_texts() {
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    for (const std::string& t : utf8_texts()) out.push_back(agencygraph::gencorpus::to_gb18030(t));
    return out;
  }();
  return texts;
}

void decode_all(benchmark::State& state, const std::vector<std::string>& texts, const std::optional<std::string>& forced) {
  for (auto _ : state)
    for (const std::string& bytes : texts) benchmark::DoNotOptimize(agencygraph::decode(bytes, forced));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(total_bytes(texts)));
  state.counters["documents"] = static_cast<double>(texts.size());
}

void BM_DecodeUtf8(benchmark::State& state) { decode_all(state, utf8_texts(), std::nullopt); }
void BM_DecodeGb18030Detected(benchmark::State& state) { decode_all(state, gb18030_texts(), std::nullopt); }
void BM_DecodeGb18030Forced(benchmark::State& state) { decode_all(state, gb18030_texts(), std::string("GB18030")); }

}  // namespace

BENCHMARK(BM_DecodeUtf8)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeGb18030Detected)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeGb18030Forced)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
