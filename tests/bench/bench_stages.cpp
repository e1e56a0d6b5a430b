// The stages inside extract_document one at a time, on the same ten generated documents (basic
// formats) as bench_extract, so that their costs can be set beside its whole:
//   BM_FindTasks          splitting each document into lines and reading the task or heading number
//                         each begins with (split_lines), after the check for traditional forms that
//                         decides how the document is folded
//   BM_LocateAnnotations  what the parser does with each task block (from the task's text to the end
//                         of the line its annotation ends on): AnnotationLocator scans its UTF-8 for
//                         bracket groups and labels, folds the annotation and parses it
//   BM_ParseAnnotations   the grammar alone: find_annotation on each of those blocks, folded beforehand
//   BM_SplitNames         NameSplitter on each role list of those annotations
//   BM_ResolveNames       each distinct printed name of a document once, as the parser resolves them:
//                         folding, alias resolution to the canonical name, and the agency kind
// What bench_extract spends beyond these (the title, table checks on every line, building tasks and
// name tables) has no entry point of its own: it is the remainder. Everything a stage reads is
// prepared outside the timed loop. Bytes/s are of the documents' whole text in every benchmark, so
// the rates compare like the stages' times.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/agency_kind.hpp"
#include "agencygraph/aliases.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/fold.hpp"
#include "corpus.hpp"
#include "extract/annotation.hpp"
#include "extract/annotation_locator.hpp"
#include "extract/lines.hpp"
#include "extract/names.hpp"
#include "extract/traditional_markers.hpp"

namespace {

using agencygraph::Document;
using agencygraph::FoldedText;
using agencygraph::detail::ByteRange;
using agencygraph::detail::Range;

struct Prepared {
  std::vector<Document> documents;  // their sources hold the texts the blocks index
  std::size_t bytes = 0;
  std::vector<std::vector<ByteRange>> blocks;        // per document: each task's block
  std::vector<FoldedText> folded_blocks;             // every block folded
  std::vector<std::pair<std::size_t, Range>> lists;  // (folded block, role list) of every annotation
  std::vector<std::vector<std::string>> printed;     // per document: its distinct printed names
};

const Prepared& prepared() {
  static const Prepared p = [] {
    Prepared r;
    const agencygraph::ExtractOptions options;
    const agencygraph::Folder folder(false);
    for (std::string& input : agencygraph::bench::generated_texts(10, false)) {
      r.bytes += input.size();
      r.documents.push_back(agencygraph::extract_document(agencygraph::Source{"doc.txt", "UTF-8", std::move(input)}, options));
      const Document& document = r.documents.back();
      const std::string& text = document.sources.front().text;
      std::vector<ByteRange>& blocks = r.blocks.emplace_back();
      std::set<std::string, std::less<>> names;
      for (const agencygraph::Task& task : document.tasks) {
        const std::size_t annotation_end = std::size_t{task.annotation.begin} + task.annotation.length;
        const auto line_end = static_cast<std::uint32_t>(std::min(text.find('\n', annotation_end), text.size()));
        blocks.push_back({task.text.begin, line_end});
        FoldedText& folded = r.folded_blocks.emplace_back();
        folder.append(text, task.text.begin, line_end, folded);
        const auto found = agencygraph::detail::find_annotation(folded.chars, Range{0, static_cast<std::uint32_t>(folded.size())});
        if (found)
          for (const agencygraph::detail::RoleList& list : found->parsed.roles)
            r.lists.emplace_back(r.folded_blocks.size() - 1, list.names);
        for (const agencygraph::AgencyMention& mention : task.agencies) names.emplace(document.name(mention.name));
      }
      r.printed.emplace_back(names.begin(), names.end());
    }
    return r;
  }();
  return p;
}

void set_rates(benchmark::State& state, std::size_t items, const char* what) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(prepared().bytes));
  state.counters[what] = benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
}

void BM_FindTasks(benchmark::State& state) {
  const Prepared& p = prepared();
  std::size_t tasks = 0;
  for (auto _ : state) {
    for (const Document& document : p.documents) {
      const std::string& text = document.sources.front().text;
      const agencygraph::Folder folder(agencygraph::detail::has_traditional_markers(text));
      const std::vector<agencygraph::detail::Line> lines = agencygraph::detail::split_lines(text, folder);
      for (const agencygraph::detail::Line& line : lines) tasks += agencygraph::detail::is_task_numbering(line.numbering);
      benchmark::DoNotOptimize(lines.data());
    }
  }
  set_rates(state, tasks, "tasks/s");
}

void BM_LocateAnnotations(benchmark::State& state) {
  const Prepared& p = prepared();
  const agencygraph::Folder folder(false);
  std::size_t found = 0, blocks = 0;
  for (auto _ : state) {
    for (std::size_t d = 0; d < p.documents.size(); ++d) {
      agencygraph::detail::AnnotationLocator locator(p.documents[d].sources.front().text, folder);
      for (const ByteRange& block : p.blocks[d]) {
        const auto located = locator.locate(block);
        found += located.has_value();
        ++blocks;
        benchmark::DoNotOptimize(located);
      }
    }
  }
  if (found != blocks) state.SkipWithError("a task block of the prepared documents has no annotation");
  set_rates(state, found, "annotations/s");
}

void BM_ParseAnnotations(benchmark::State& state) {
  const Prepared& p = prepared();
  std::size_t found = 0;
  for (auto _ : state) {
    for (const FoldedText& block : p.folded_blocks) {
      const auto annotation = agencygraph::detail::find_annotation(block.chars, Range{0, static_cast<std::uint32_t>(block.size())});
      found += annotation.has_value();
      benchmark::DoNotOptimize(annotation);
    }
  }
  set_rates(state, found, "annotations/s");
}

void BM_SplitNames(benchmark::State& state) {
  const Prepared& p = prepared();
  agencygraph::detail::NameSplitter splitter;
  std::size_t names = 0;
  for (auto _ : state) {
    for (const auto& [block, list] : p.lists) {
      const auto& pieces = splitter.split(p.folded_blocks[block].chars, list);
      names += pieces.size();
      benchmark::DoNotOptimize(pieces.data());
    }
  }
  if (p.lists.empty()) state.SkipWithError("no role lists in the prepared annotations");
  set_rates(state, names, "names/s");
}

void BM_ResolveNames(benchmark::State& state) {
  const Prepared& p = prepared();
  const agencygraph::AliasTable aliases = agencygraph::AliasTable::extending_builtin();
  const agencygraph::Folder folder(false);
  std::size_t names = 0;
  for (auto _ : state) {
    for (const std::vector<std::string>& document : p.printed) {
      for (const std::string& printed : document) {
        const std::string canonical = aliases.canonical(folder.fold_utf8(printed));
        const agencygraph::AgencyKind kind = agencygraph::classify_agency(canonical);
        benchmark::DoNotOptimize(kind);
        ++names;
      }
    }
  }
  set_rates(state, names, "names/s");
}

}  // namespace

BENCHMARK(BM_FindTasks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LocateAnnotations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseAnnotations)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SplitNames)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResolveNames)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
