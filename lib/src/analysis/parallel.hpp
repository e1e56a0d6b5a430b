// Thread helpers for the all-sources measures (betweenness, closeness, harmonic).
//
// Determinism: ordered_source_sum splits the sources into a FIXED number of contiguous blocks
// (independent of the thread count), sums each block's contributions into a zeroed partial in
// source order, and folds the partials into the total strictly in block order. The floating-point
// operations are therefore the same whatever the number of threads, and results are identical
// bit for bit with threads = 1, 2 or 64.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace agencygraph::analysis::detail {

// Sources are cut into this many blocks (fewer when there are fewer sources).
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

// total[i] = sum over sources s in [0, sources) of what sweep(workspace, s, partial) adds to
// partial[i], computed deterministically (see above). make_workspace() gives each thread its own
// scratch space.
template <class MakeWorkspace, class Sweep>
std::vector<double> ordered_source_sum(std::size_t sources, std::size_t width, unsigned threads,
                                       MakeWorkspace make_workspace, Sweep sweep) {
  std::vector<double> total(width, 0.0);
  if (sources == 0) return total;
  const std::size_t block = (sources + kSourceBlocks - 1) / kSourceBlocks;
  const std::size_t blocks = (sources + block - 1) / block;

  std::atomic<std::size_t> next_block{0};
  std::mutex mutex;
  std::condition_variable merged_cv;
  std::size_t merged = 0;  // blocks folded into total so far

  run_workers(resolve_threads(threads, blocks), [&] {
    auto workspace = make_workspace();
    std::vector<double> partial(width);
    for (;;) {
      const std::size_t b = next_block.fetch_add(1);
      if (b >= blocks) return;
      std::fill(partial.begin(), partial.end(), 0.0);
      const std::size_t end = std::min(sources, (b + 1) * block);
      for (std::size_t s = b * block; s < end; ++s) sweep(workspace, s, partial);
      // Blocks are handed out in increasing order, so every earlier block is finished or in
      // progress on another thread: waiting for our turn cannot deadlock.
      std::unique_lock lock(mutex);
      merged_cv.wait(lock, [&] { return merged == b; });
      for (std::size_t i = 0; i < width; ++i) total[i] += partial[i];
      ++merged;
      merged_cv.notify_all();
    }
  });
  return total;
}

// Calls body(workspace, i) for every i in [0, items); each call must write only its own outputs.
template <class MakeWorkspace, class Body>
void parallel_for_each(std::size_t items, unsigned threads, MakeWorkspace make_workspace, Body body) {
  constexpr std::size_t kChunk = 64;
  std::atomic<std::size_t> next{0};
  run_workers(resolve_threads(threads, (items + kChunk - 1) / kChunk), [&] {
    auto workspace = make_workspace();
    for (;;) {
      const std::size_t begin = next.fetch_add(kChunk);
      if (begin >= items) return;
      const std::size_t end = std::min(items, begin + kChunk);
      for (std::size_t i = begin; i < end; ++i) body(workspace, i);
    }
  });
}

}  // namespace agencygraph::analysis::detail
