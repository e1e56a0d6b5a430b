// Collects links while tasks are walked, then adds them to the Boost graph at once, ordered by
// (source, target, kind). Rather than a hash map from (source, target, kind) to a link, every
// (pair, kind, task) occurrence is appended to a flat array, bucketed by source (counting sort) and
// sorted within each bucket: no per-pair hashing or allocation, and the order comes for free.
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <utility>
#include <vector>

#include "agencygraph/graph.hpp"

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

  // Adds the links to `graph` (whose vertices must exist), consuming the accumulator.
  void emit(AgencyGraph& graph) {
    const std::size_t n = boost::num_vertices(graph);
    std::vector<std::size_t> start(n + 1, 0);
    for (const Occurrence& e : entries_) ++start[e.a + 1];
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    // Bucketed by source; within a bucket the sort key is (target, kind, task).
    std::vector<std::uint64_t> keys(entries_.size());
    {
      std::vector<std::size_t> next(start.begin(), start.end() - 1);
      for (const Occurrence& e : entries_) keys[next[e.a]++] = std::uint64_t{e.b_kind} << 32 | e.task;
    }
    entries_ = {};
    // Sort each bucket, then size every vertex's out- and in-edge lists before adding: growing
    // them edge by edge dominates the cost on large networks. (out_edge_list/in_edge_list are
    // Boost.Graph's own accessors for adjacency_list storage.)
    std::vector<std::uint32_t> in_degree(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
      const auto begin = keys.begin() + static_cast<std::ptrdiff_t>(start[v]);
      const auto end = keys.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
      std::sort(begin, end);
      std::size_t out_degree = 0;
      for (auto it = begin; it != end; ++it) {
        if (it != begin && (*it >> 32) == (*(it - 1) >> 32)) continue;
        ++out_degree;
        ++in_degree[static_cast<std::uint32_t>(*it >> 32) >> 2];
      }
      graph.out_edge_list(v).reserve(out_degree);
    }
    for (std::size_t v = 0; v < n; ++v) in_edge_list(graph, v).reserve(in_degree[v]);
    std::vector<std::uint32_t> tasks;
    for (std::size_t v = 0; v < n; ++v) {
      const auto begin = keys.begin() + static_cast<std::ptrdiff_t>(start[v]);
      const auto end = keys.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
      for (auto it = begin; it != end;) {
        const auto target_kind = static_cast<std::uint32_t>(*it >> 32);
        tasks.clear();
        for (; it != end && static_cast<std::uint32_t>(*it >> 32) == target_kind; ++it) {
          const auto task = static_cast<std::uint32_t>(*it);
          if (tasks.empty() || tasks.back() != task) tasks.push_back(task);
        }
        Link link;
        link.kind = static_cast<LinkKind>(target_kind & 3);
        link.weight = static_cast<double>(tasks.size());
        link.tasks = tasks;
        boost::add_edge(v, target_kind >> 2, std::move(link), graph);
      }
    }
  }

 private:
  std::vector<Occurrence> entries_;  // (source, target << 2 | kind, task)
};

}  // namespace agencygraph::detail
