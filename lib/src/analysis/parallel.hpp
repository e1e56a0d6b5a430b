// Thread helpers for the per-component measures (betweenness, closeness, harmonic, eigenvector,
// Louvain).
//
// Determinism: work is split into items whose results do not depend on which thread runs them,
// and anything summed across items is summed in a fixed order. Results are therefore identical
// bit for bit with threads = 1, 2 or 64.
//
// component_source_sum (betweenness): the contribution of every source is summed per vertex in
// increasing source order, in partial sums over fixed blocks of ceil(n / kSourceBlocks) consecutive
// source indices that are then added in block order (a fixed summation order, independent of the
// thread count). Only sources in a vertex's own weakly connected component contribute to it, so each
// component's sources are swept on the component alone, with workspaces of the component's size.
#pragma once

#include <algorithm>
#include <atomic>
#include <barrier>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <numeric>
#include <span>
#include <thread>
#include <vector>

#include "analysis/components.hpp"

namespace agencygraph::analysis::detail {

// Sources are cut into this many blocks of consecutive indices (fewer when there are fewer sources).
inline constexpr std::size_t kSourceBlocks = 256;

// 0 means the hardware's concurrency; never more threads than work items, never fewer than 1.
inline unsigned resolve_threads(unsigned requested, std::size_t work_items) {
  unsigned t = requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
  if (work_items < t) t = static_cast<unsigned>(std::max<std::size_t>(1, work_items));
  return t;
}

template <class Worker>
void run_workers(unsigned threads, Worker worker) {
  if (threads <= 1) {
    worker();
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (std::thread& th : pool) th.join();
}

// Runs body(t, sync) on `threads` threads t = 0, 1, ...; sync() waits until every thread has
// called it (a barrier), for iterations in lock-step. One thread: body(0, no-op).
template <class Body>
void run_team(unsigned threads, Body body) {
  if (threads <= 1) {
    body(0u, [] {});
    return;
  }
  std::barrier<> barrier(static_cast<std::ptrdiff_t>(threads));
  auto sync = [&barrier] { barrier.arrive_and_wait(); };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back([&, t] { body(t, sync); });
  for (std::thread& th : pool) th.join();
}

// Calls body(workspace, i) for every i in [0, items), handing out `chunk` consecutive items at a
// time; each call must write only its own outputs.
template <class MakeWorkspace, class Body>
void parallel_for_each(std::size_t items, unsigned threads, MakeWorkspace make_workspace, Body body,
                       std::size_t chunk = 64) {
  std::atomic<std::size_t> next{0};
  run_workers(resolve_threads(threads, (items + chunk - 1) / chunk), [&] {
    auto workspace = make_workspace();
    for (;;) {
      const std::size_t begin = next.fetch_add(chunk);
      if (begin >= items) return;
      const std::size_t end = std::min(items, begin + chunk);
      for (std::size_t i = begin; i < end; ++i) body(workspace, i);
    }
  });
}

// Components by decreasing size (ties by index): handing the largest out first balances threads.
inline std::vector<std::size_t> largest_first(const ComponentOrder& order) {
  std::vector<std::size_t> by_size(order.count());
  std::iota(by_size.begin(), by_size.end(), std::size_t{0});
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](std::size_t a, std::size_t b) { return order.size(a) > order.size(b); });
  return by_size;
}

// total[v] = sum over sources s of what sweep(workspace, c, s, acc) adds to acc[v], for v and s
// in component c given as local indices (position - order.begin[c]), summed in the fixed order
// described at the top. Components of one vertex are skipped (a lone source reaches nobody).
// make_workspace(largest) makes a thread's scratch space for components of up to `largest`
// vertices; prepare(workspace, c) is called before a thread sweeps sources of component c (after
// sweeping another component). `total` is indexed by original vertex.
template <class MakeWorkspace, class Prepare, class Sweep>
std::vector<double> component_source_sum(const ComponentOrder& order, unsigned threads, MakeWorkspace make_workspace,
                                         Prepare prepare, Sweep sweep) {
  const std::size_t n = order.vertex.size();
  std::vector<double> total(n, 0.0);
  if (n == 0) return total;
  const std::size_t block = (n + kSourceBlocks - 1) / kSourceBlocks;

  // A unit is a run of a component's sources in one block (positions increase with the source
  // index, so a block's sources are consecutive). Units of a component fold in unit order.
  struct Unit {
    std::size_t component, first, last;  // sources: positions [first, last)
    std::size_t seq;                      // index among the component's units
  };
  struct Item {
    std::size_t first_unit, last_unit;  // units [first_unit, last_unit), all of one component
    bool ordered;                       // the component's units are spread over several items
  };
  std::vector<Unit> units;
  std::vector<Item> items;
  const unsigned workers = resolve_threads(threads, order.count());
  for (std::size_t c : largest_first(order)) {
    if (order.size(c) < 2) continue;
    const std::size_t first_unit = units.size();
    for (std::size_t p = order.begin[c]; p < order.begin[c + 1];) {
      const std::size_t b = order.vertex[p] / block;
      std::size_t q = p + 1;
      while (q < order.begin[c + 1] && order.vertex[q] / block == b) ++q;
      units.push_back({c, p, q, units.size() - first_unit});
      p = q;
    }
    // A component holding a large share of the work is split into its units, folded in order
    // across threads; the others are one item each.
    const bool split = workers > 1 && order.size(c) * 8 * workers > n;
    if (split) {
      for (std::size_t u = first_unit; u < units.size(); ++u) items.push_back({u, u + 1, true});
    } else {
      items.push_back({first_unit, units.size(), false});
    }
  }

  std::vector<std::size_t> folded(order.count(), 0);  // units folded per component (under mutex)
  std::mutex mutex;
  std::condition_variable folded_cv;
  std::atomic<std::size_t> next_item{0};
  const std::size_t largest = order.largest();
  run_workers(resolve_threads(threads, items.size()), [&] {
    auto workspace = make_workspace(largest);
    std::vector<double> acc(largest);
    std::size_t prepared = order.count();  // none yet
    for (;;) {
      const std::size_t i = next_item.fetch_add(1);
      if (i >= items.size()) return;
      const bool shared = items[i].ordered;
      for (std::size_t u = items[i].first_unit; u < items[i].last_unit; ++u) {
        const Unit& unit = units[u];
        if (unit.component != prepared) {
          prepare(workspace, unit.component);
          prepared = unit.component;
        }
        const std::size_t off = order.begin[unit.component];
        const std::size_t size = order.size(unit.component);
        const std::span<double> local(acc.data(), size);
        std::fill(local.begin(), local.end(), 0.0);
        for (std::size_t p = unit.first; p < unit.last; ++p) sweep(workspace, unit.component, p - off, local);
        // Items are handed out in list order and a component's units are consecutive in it, so
        // the units this one waits for are finished or in progress: no deadlock.
        std::unique_lock lock(mutex, std::defer_lock);
        if (shared) {
          lock.lock();
          folded_cv.wait(lock, [&] { return folded[unit.component] == unit.seq; });
        }
        for (std::size_t k = 0; k < size; ++k) total[order.vertex[off + k]] += local[k];
        if (shared) {
          ++folded[unit.component];
          lock.unlock();
          folded_cv.notify_all();
        }
      }
    }
  });
  return total;
}

}  // namespace agencygraph::analysis::detail
