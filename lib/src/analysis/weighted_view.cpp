// Derives the simple directed and undirected views (see weighted_view.hpp for the exact rules).
//
// Construction is a counting sort, O(n + m) plus a sort of each (short) row: pairs are bucketed by
// their first vertex in input order, each row is sorted by the second vertex keeping input order
// among equal pairs (insertion sort, stable), and duplicates are summed in that order. This is the
// same arithmetic as a global stable sort by (u, v) followed by a merge, without sorting m pairs.
#include "analysis/weighted_view.hpp"

#include <algorithm>

#include "analysis/parallel.hpp"

namespace agencygraph::analysis {
namespace {

bool kept(Vertex u, Vertex v, double weight) { return u != v && weight > 0; }

// Rows from pairs that `each(emit)` produces as emit(u, v, weight), u and v < n; self-loops and
// weights <= 0 dropped, duplicates summed in emission order, each row sorted by v.
template <class Each>
Adjacency build_rows(std::size_t n, Each each) {
  Adjacency a;
  a.begin.assign(n + 1, 0);
  std::size_t count = 0;
  each([&](Vertex u, Vertex v, double w) {
    if (kept(u, v, w)) {
      ++a.begin[u + 1];
      ++count;
    }
  });
  for (std::size_t v = 0; v < n; ++v) a.begin[v + 1] += a.begin[v];
  a.vertex.resize(count);
  a.weight.resize(count);
  {
    std::vector<std::size_t> next(a.begin.begin(), a.begin.end() - 1);
    each([&](Vertex u, Vertex v, double w) {
      if (kept(u, v, w)) {
        const std::size_t i = next[u]++;
        a.vertex[i] = v;
        a.weight[i] = w;
      }
    });
  }
  // Sort each row by vertex (stable), sum duplicates, compact in place.
  std::size_t out = 0;
  std::size_t row_begin = 0;
  std::vector<std::pair<Vertex, double>> scratch;
  for (std::size_t u = 0; u < n; ++u) {
    const std::size_t row_end = a.begin[u + 1];
    Vertex* vs = a.vertex.data() + row_begin;
    double* ws = a.weight.data() + row_begin;
    const std::size_t len = row_end - row_begin;
    bool sorted = true;
    for (std::size_t i = 1; i < len && sorted; ++i) sorted = vs[i - 1] < vs[i];
    if (!sorted && len <= 32) {  // insertion sort: stable, and fast on short rows
      for (std::size_t i = 1; i < len; ++i) {
        const Vertex v = vs[i];
        const double w = ws[i];
        std::size_t j = i;
        for (; j > 0 && vs[j - 1] > v; --j) {
          vs[j] = vs[j - 1];
          ws[j] = ws[j - 1];
        }
        vs[j] = v;
        ws[j] = w;
      }
    } else if (!sorted) {
      scratch.clear();
      for (std::size_t i = 0; i < len; ++i) scratch.emplace_back(vs[i], ws[i]);
      std::stable_sort(scratch.begin(), scratch.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = 0; i < len; ++i) {
        vs[i] = scratch[i].first;
        ws[i] = scratch[i].second;
      }
    }
    a.begin[u] = out;
    for (std::size_t i = 0; i < len; ++i) {
      if (out > a.begin[u] && a.vertex[out - 1] == vs[i]) {
        a.weight[out - 1] += ws[i];
      } else {
        a.vertex[out] = vs[i];
        a.weight[out] = ws[i];
        ++out;
      }
    }
    row_begin = row_end;
  }
  a.begin[n] = out;
  a.vertex.resize(out);  // duplicates are few: no reallocation to give back their room
  a.weight.resize(out);
  return a;
}

// The transpose of sorted rows: row v lists the u with v in row u, ascending (u is visited in order).
Adjacency transpose(std::size_t n, const Adjacency& rows) {
  Adjacency t;
  t.begin.assign(n + 1, 0);
  for (Vertex v : rows.vertex) ++t.begin[v + 1];
  for (std::size_t v = 0; v < n; ++v) t.begin[v + 1] += t.begin[v];
  t.vertex.resize(rows.vertex.size());
  t.weight.resize(rows.weight.size());
  std::vector<std::size_t> next(t.begin.begin(), t.begin.end() - 1);
  for (Vertex u = 0; u < n; ++u) {
    for (std::size_t i = rows.begin[u]; i < rows.begin[u + 1]; ++i) {
      const std::size_t j = next[rows.vertex[i]]++;
      t.vertex[j] = u;
      t.weight[j] = rows.weight[i];
    }
  }
  return t;
}

// Both directions of edges given once as rows keyed by the lower end (row a holds b > a): row v
// lists its lower neighbours (ascending, from the rows of a < v) then its higher ones (its own row).
Adjacency symmetric(std::size_t n, const Adjacency& lower) {
  Adjacency s;
  s.begin.assign(n + 1, 0);
  for (Vertex a = 0; a < n; ++a) {
    s.begin[a + 1] += lower.degree(a);
    for (Vertex b : lower.neighbours(a)) ++s.begin[b + 1];
  }
  for (std::size_t v = 0; v < n; ++v) s.begin[v + 1] += s.begin[v];
  s.vertex.resize(2 * lower.vertex.size());
  s.weight.resize(2 * lower.vertex.size());
  std::vector<std::size_t> next(s.begin.begin(), s.begin.end() - 1);
  for (Vertex a = 0; a < n; ++a) {
    for (std::size_t i = lower.begin[a]; i < lower.begin[a + 1]; ++i) {
      const Vertex b = lower.vertex[i];
      const double w = lower.weight[i];
      std::size_t j = next[a]++;
      s.vertex[j] = b;
      s.weight[j] = w;
      j = next[b]++;
      s.vertex[j] = a;
      s.weight[j] = w;
    }
  }
  return s;
}

bool is_symmetric(LinkKind kind) { return kind == LinkKind::CoLead || kind == LinkKind::Peer; }

// The digraph of the arcs that `each(emit)` produces as emit(u, v, weight).
template <class Each>
SimpleDigraph digraph_of(std::size_t n, Each each) {
  SimpleDigraph g;
  g.n = n;
  g.out = build_rows(n, each);
  g.in = transpose(n, g.out);
  return g;
}

// The undirected graph of the edges that `each(emit)` produces as emit(u, v, weight): each edge is
// keyed by (min, max), so both orientations of a pair are summed together.
template <class Each>
SimpleGraph graph_of(std::size_t n, Each each) {
  const Adjacency lower = build_rows(n, [&](auto emit) {
    each([&](Vertex u, Vertex v, double weight) { emit(std::min(u, v), std::max(u, v), weight); });
  });
  SimpleGraph g;
  g.n = n;
  g.adj = symmetric(n, lower);
  return g;
}

// Calls f(u, v, weight, symmetric) for every link, in boost::edges order. The graph is read in place,
// once per pass: a copy of its links in a flat array would be the run's peak (docs/performance.md), and a
// CSR graph's edges are already a flat array of Links.
template <typename F>
void for_each_link(const AgencyGraph& graph, F f) {
  for (auto [it, end] = boost::edges(graph); it != end; ++it) {
    const AgencyEdge e = *it;
    const Link& link = graph[e];
    f(static_cast<Vertex>(boost::source(e, graph)), static_cast<Vertex>(boost::target(e, graph)), link.weight,
      is_symmetric(link.kind));
  }
}

SimpleDigraph directed_from(const AgencyGraph& graph) {
  return digraph_of(boost::num_vertices(graph), [&](auto emit) {
    for_each_link(graph, [&](Vertex u, Vertex v, double weight, bool symmetric) {
      emit(u, v, weight);
      if (symmetric) emit(v, u, weight);
    });
  });
}

SimpleGraph undirected_from(const AgencyGraph& graph) {
  return graph_of(boost::num_vertices(graph), [&](auto emit) {
    for_each_link(graph, [&](Vertex u, Vertex v, double weight, bool) { emit(u, v, weight); });
  });
}

}  // namespace

SimpleDigraph make_digraph(std::size_t n, const std::vector<WeightedPair>& arcs) {
  return digraph_of(n, [&](auto emit) {
    for (const WeightedPair& p : arcs) emit(p.u, p.v, p.weight);
  });
}

SimpleGraph make_graph(std::size_t n, const std::vector<WeightedPair>& edges) {
  return graph_of(n, [&](auto emit) {
    for (const WeightedPair& e : edges) emit(e.u, e.v, e.weight);
  });
}

SimpleDigraph directed_view(const AgencyGraph& graph) { return directed_from(graph); }

SimpleGraph undirected_view(const AgencyGraph& graph) { return undirected_from(graph); }

}  // namespace agencygraph::analysis
