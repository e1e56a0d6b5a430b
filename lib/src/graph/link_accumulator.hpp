// Collects links while tasks are walked, then adds them to the Boost graph at once, ordered by
// (source, target, kind). Rather than a hash map from (source, target, kind) to a link, every
// (pair, kind, task) occurrence is appended to a flat array and ordered by two stable counting sorts
// (by target and kind, then by source): no per-pair hashing or allocation, and the order comes for free.
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "agencygraph/graph.hpp"
#include "release_memory.hpp"

namespace agencygraph::detail {

class LinkAccumulator final {
 public:
  void reserve(std::size_t occurrences) { entries_.reserve(occurrences); }

  // Symmetric kinds are stored from the lower to the higher index. Tasks must arrive in
  // non-decreasing order per link for Link::tasks to come out ascending (they are sorted anyway).
  void add(std::uint32_t source, std::uint32_t target, LinkKind kind, std::uint32_t task) {
    if (kind != LinkKind::LeadToCo && source > target) std::swap(source, target);
    if (target >= (1u << 30)) throw std::length_error("LinkAccumulator: too many vertices");
    entries_.push_back({source, target << 2 | static_cast<std::uint32_t>(kind), task});
  }

  // Takes link occurrences recorded elsewhere as (source, target << 2 | kind, task), for example by
  // candidate before vertices are known: each is renumbered with vertex_of (which gives kNone for a
  // dropped end, dropping the occurrence) and task_of, in place, and kept as add() would keep it.
  struct Occurrence {
    std::uint32_t a, b_kind, task;
  };
  template <typename VertexOf, typename TaskOf>
  void take(std::vector<Occurrence>&& occurrences, VertexOf vertex_of, TaskOf task_of, std::uint32_t none) {
    std::size_t kept = 0;
    for (const Occurrence& o : occurrences) {
      std::uint32_t source = vertex_of(o.a), target = vertex_of(o.b_kind >> 2);
      if (source == none || target == none) continue;
      const auto kind = static_cast<LinkKind>(o.b_kind & 3);
      if (kind != LinkKind::LeadToCo && source > target) std::swap(source, target);
      if (target >= (1u << 30)) throw std::length_error("LinkAccumulator: too many vertices");
      occurrences[kept++] = {source, target << 2 | static_cast<std::uint32_t>(kind), task_of(o.task)};
    }
    occurrences.resize(kept);
    entries_ = std::move(occurrences);  // one array throughout: a national corpus has millions
  }

  // A graph of n default vertices with the links, consuming the accumulator. Edges come out ordered
  // by (source, target, kind). The caller fills in the vertices afterwards, so that no second copy
  // of them exists while the graph is built. Without `keep_tasks` Link::tasks stay empty (the weights
  // still count the distinct tasks).
  AgencyGraph build(std::size_t n, bool keep_tasks = true) {
    // Ordered by (source, target, kind, task) with two stable counting sorts, by (target, kind) and
    // then by source: linear, where sorting each source's occurrences took a fifth of finish() at
    // 3,000 documents. Occurrences arrive in task order unless pages of one document came apart, so a
    // link's tasks are usually ascending already; a source whose run is not is sorted.
    std::vector<std::size_t> start(n + 1, 0);
    std::vector<std::uint64_t> keys;  // bucketed by source: target << 2 | kind, task
    {
      std::vector<Occurrence> by_target(entries_.size());
      {
        std::vector<std::size_t> next(4 * n + 1, 0);
        for (const Occurrence& e : entries_) ++next[e.b_kind + 1];
        for (std::size_t b = 0; b < 4 * n; ++b) next[b + 1] += next[b];
        for (const Occurrence& e : entries_) by_target[next[e.b_kind]++] = e;
      }
      release(entries_);
      keys.resize(by_target.size());  // only now: the three arrays at once were the build's peak
      for (const Occurrence& e : by_target) ++start[e.a + 1];
      for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
      std::vector<std::size_t> next(start.begin(), start.end() - 1);
      for (const Occurrence& e : by_target) keys[next[e.a]++] = std::uint64_t{e.b_kind} << 32 | e.task;
    }
    // Pass 1: the distinct (source, target, kind) in order, which is the CSR graph's edge order;
    // counted first, so that the list is allocated once at its size.
    auto is_new_edge = [&](std::size_t i, std::size_t v) {
      return i == start[v] || (keys[i] >> 32) != (keys[i - 1] >> 32);
    };
    std::size_t edge_count = 0;
    for (std::size_t v = 0; v < n; ++v) {
      const auto begin = keys.begin() + static_cast<std::ptrdiff_t>(start[v]);
      const auto end = keys.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
      if (!std::is_sorted(begin, end)) std::sort(begin, end);
      for (std::size_t i = start[v]; i < start[v + 1]; ++i) edge_count += is_new_edge(i, v) ? 1 : 0;
    }
    std::vector<LinkEnds> ends;
    ends.reserve(edge_count);
    for (std::size_t v = 0; v < n; ++v)
      for (std::size_t i = start[v]; i < start[v + 1]; ++i)
        if (is_new_edge(i, v)) ends.push_back({v, static_cast<std::uint32_t>(keys[i] >> 32) >> 2});
    AgencyGraph graph = make_agency_graph(n, ends);
    release(ends);
    keys_in_edge_order_to_links(graph, keys, start, keep_tasks);
    return graph;
  }

 private:
  // Pass 2: each edge's Link, walking the keys in the same order as the edges.
  static void keys_in_edge_order_to_links(AgencyGraph& graph, const std::vector<std::uint64_t>& keys,
                                          const std::vector<std::size_t>& start, bool keep_tasks) {
    std::size_t i = 0;
    for (auto [edge, edges_end] = boost::edges(graph); edge != edges_end; ++edge) {
      const std::size_t bucket_end = start[boost::source(*edge, graph) + 1];
      const std::uint64_t target_kind = keys[i] >> 32;
      const std::size_t first = i;
      while (i < bucket_end && (keys[i] >> 32) == target_kind) ++i;
      Link& link = graph[*edge];
      link.kind = static_cast<LinkKind>(target_kind & 3);
      if (keep_tasks) link.tasks.reserve(i - first);
      std::size_t distinct = 0;
      for (std::size_t k = first; k < i; ++k) {
        const auto task = static_cast<std::uint32_t>(keys[k]);
        if (k > first && static_cast<std::uint32_t>(keys[k - 1]) == task) continue;  // sorted: repeats adjoin
        ++distinct;
        if (keep_tasks) link.tasks.push_back(task);
      }
      link.weight = static_cast<double>(distinct);
    }
    if (i != keys.size()) throw std::logic_error("LinkAccumulator: links and edges disagree");
  }

  std::vector<Occurrence> entries_;  // (source, target << 2 | kind, task)
};

}  // namespace agencygraph::detail
