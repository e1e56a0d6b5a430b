// Weakly connected components (Boost's breadth-first search on the CSR rows) and the
// size-descending numbering shared with communities.
#include "analysis/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>

#include "analysis/boost_csr.hpp"

namespace agencygraph::analysis {

std::vector<std::uint32_t> number_by_size(const std::vector<std::size_t>& labels) {
  const std::size_t n = labels.size();
  // Dense ids in order of first appearance (= smallest member index, scanning v upward). Labels
  // below n (the usual case) are looked up directly, others through a sorted copy.
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  const bool small = std::all_of(labels.begin(), labels.end(), [n](std::size_t l) { return l < n; });
  std::vector<std::size_t> sorted_labels;
  if (!small) {
    sorted_labels = labels;
    std::sort(sorted_labels.begin(), sorted_labels.end());
    sorted_labels.erase(std::unique(sorted_labels.begin(), sorted_labels.end()), sorted_labels.end());
  }
  std::vector<std::size_t> first_seen_rank(small ? n : sorted_labels.size(), kNone);
  std::vector<std::size_t> size(first_seen_rank.size(), 0);
  std::vector<std::size_t> dense(n);
  std::size_t groups = 0;
  for (std::size_t v = 0; v < n; ++v) {
    const auto idx = small ? labels[v]
                           : static_cast<std::size_t>(std::lower_bound(sorted_labels.begin(), sorted_labels.end(),
                                                                       labels[v]) -
                                                      sorted_labels.begin());
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

namespace {

// Labels each vertex with the component it is discovered in.
struct LabelOnDiscover : boost::default_bfs_visitor {
  std::vector<Vertex>* label;
  Vertex component = 0;
  void discover_vertex(Vertex v, const UndirectedCsr&) const { (*label)[v] = component; }
};

// Component labels by Boost's breadth-first search from each vertex not yet reached, in increasing
// order (so labels are 0, 1, ... in order of smallest vertex, the order ComponentOrder promises);
// then the components laid out by counting sort. (Boost's connected_components, a depth-first
// search, gives the same labels but was slower here: docs/performance.md.)
ComponentOrder order_components(const UndirectedCsr& g) {
  const std::size_t n = g.vertex_count();
  std::vector<Vertex> label(n);
  boost::two_bit_color_map<boost::typed_identity_property_map<Vertex>> color(n);
  boost::queue<Vertex> queue;
  LabelOnDiscover visitor;
  visitor.label = &label;
  std::vector<std::size_t> size;
  for (Vertex root = 0; root < n; ++root) {
    if (get(color, root) != boost::two_bit_white) continue;
    visitor.component = static_cast<Vertex>(size.size());
    boost::breadth_first_visit(g, root, queue, visitor, color);
    size.push_back(0);
  }
  const std::size_t count = size.size();
  for (Vertex v = 0; v < n; ++v) ++size[label[v]];
  // Counting sort by label; scanning v upward keeps each component's vertices increasing.
  ComponentOrder order;
  order.begin.assign(count + 1, 0);
  for (std::size_t c = 0; c < count; ++c) order.begin[c + 1] = order.begin[c] + size[c];
  order.vertex.resize(n);
  order.position.resize(n);
  std::vector<std::size_t> next(order.begin.begin(), order.begin.end() - 1);
  for (Vertex v = 0; v < n; ++v) {
    const std::size_t p = next[label[v]]++;
    order.vertex[p] = v;
    order.position[v] = static_cast<Vertex>(p);
  }
  return order;
}

Adjacency renumber_rows(const Adjacency& a, const ComponentOrder& order) {
  const std::size_t n = order.vertex.size();
  Adjacency r;
  r.begin.resize(n + 1);
  r.vertex.resize(a.vertex.size());
  r.weight.resize(a.weight.size());
  std::size_t out = 0;
  r.begin[0] = 0;
  for (std::size_t p = 0; p < n; ++p) {
    const Vertex v = order.vertex[p];
    for (std::size_t i = a.begin[v]; i < a.begin[v + 1]; ++i) {
      r.vertex[out] = order.position[a.vertex[i]];
      r.weight[out] = a.weight[i];
      ++out;
    }
    r.begin[p + 1] = out;
  }
  return r;
}

}  // namespace

std::size_t ComponentOrder::largest() const {
  std::size_t m = 0;
  for (std::size_t c = 0; c < count(); ++c) m = std::max(m, size(c));
  return m;
}

ComponentOrder component_order(const SimpleGraph& g) { return order_components(UndirectedCsr(g)); }

ComponentOrder component_order(const SimpleDigraph& g) { return order_components(UndirectedCsr(g)); }

SimpleGraph renumber(const SimpleGraph& g, const ComponentOrder& order) {
  SimpleGraph r;
  r.n = g.n;
  r.adj = renumber_rows(g.adj, order);
  return r;
}

SimpleDigraph renumber(const SimpleDigraph& g, const ComponentOrder& order) {
  SimpleDigraph r;
  r.n = g.n;
  r.out = renumber_rows(g.out, order);
  r.in = renumber_rows(g.in, order);
  return r;
}

SimpleDigraph renumber(SimpleDigraph&& g, const ComponentOrder& order) {
  SimpleDigraph r;
  r.n = g.n;
  r.out = renumber_rows(g.out, order);
  g.out = {};
  r.in = renumber_rows(g.in, order);
  g.in = {};
  return r;
}

std::vector<std::uint32_t> weak_components(const SimpleGraph& g) { return weak_components(component_order(g)); }

std::vector<std::uint32_t> weak_components(const ComponentOrder& order) {
  // Components are already in order of smallest vertex: a stable sort by size gives the numbering
  // number_by_size would.
  std::vector<std::size_t> by_size(order.count());
  std::iota(by_size.begin(), by_size.end(), std::size_t{0});
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](std::size_t a, std::size_t b) { return order.size(a) > order.size(b); });
  std::vector<std::uint32_t> result(order.vertex.size());
  for (std::size_t rank = 0; rank < by_size.size(); ++rank) {
    const std::size_t c = by_size[rank];
    for (std::size_t p = order.begin[c]; p < order.begin[c + 1]; ++p) {
      result[order.vertex[p]] = static_cast<std::uint32_t>(rank);
    }
  }
  return result;
}

}  // namespace agencygraph::analysis
