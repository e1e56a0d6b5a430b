// Weakly connected components (BFS over the undirected view) and the size-descending numbering
// shared with communities.
#include "agencygraph/analysis/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace agencygraph::analysis {

std::vector<std::uint32_t> number_by_size(const std::vector<std::size_t>& labels) {
  const std::size_t n = labels.size();
  // Dense ids in order of first appearance (= smallest member index, scanning v upward).
  std::vector<std::size_t> sorted_labels(labels);
  std::sort(sorted_labels.begin(), sorted_labels.end());
  sorted_labels.erase(std::unique(sorted_labels.begin(), sorted_labels.end()), sorted_labels.end());
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> first_seen_rank(sorted_labels.size(), kNone);
  std::vector<std::size_t> size(sorted_labels.size(), 0);
  std::vector<std::size_t> dense(n);
  std::size_t groups = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const auto idx = static_cast<std::size_t>(
        std::lower_bound(sorted_labels.begin(), sorted_labels.end(), labels[v]) - sorted_labels.begin());
    if (first_seen_rank[idx] == kNone) first_seen_rank[idx] = groups++;
    dense[v] = first_seen_rank[idx];
    ++size[first_seen_rank[idx]];
  }
  // Groups are numbered by first appearance, so a stable sort by size keeps smallest-member ties.
  std::vector<std::size_t> by_size(groups);
  std::iota(by_size.begin(), by_size.end(), std::size_t{0});
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
  std::vector<std::uint32_t> number(groups);
  for (std::size_t i = 0; i < groups; ++i) number[by_size[i]] = static_cast<std::uint32_t>(i);
  std::vector<std::uint32_t> result(n);
  for (std::size_t v = 0; v < n; ++v) result[v] = number[dense[v]];
  return result;
}

std::vector<std::uint32_t> weak_components(const SimpleGraph& g) {
  constexpr std::size_t kUnseen = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> label(g.n, kUnseen);
  std::vector<Vertex> queue;
  for (Vertex root = 0; root < g.n; ++root) {
    if (label[root] != kUnseen) continue;
    label[root] = root;
    queue.assign(1, root);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (Vertex u : g.adj.neighbours(queue[head])) {
        if (label[u] == kUnseen) {
          label[u] = root;
          queue.push_back(u);
        }
      }
    }
  }
  return number_by_size(label);
}

}  // namespace agencygraph::analysis
