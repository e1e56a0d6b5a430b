// Every measure Boost.Graph also computes, checked against Boost's own algorithm run on a
// boost::adjacency_list built from the same random arcs: Brandes betweenness (unweighted and with
// distance 1/weight, directed and undirected), hop distances to each vertex by breadth-first search
// (closeness and harmonic), connected components, articulation points and bridges (biconnected
// components of one edge), core numbers, and PageRank (Boost's page_rank on graphs without dangling
// vertices, whose values sum to n and are divided by n here). Graphs: several seeds, up to 2,600
// vertices, a component above 512 vertices (the measures' large-component paths) beside many small
// ones and isolated vertices, all scattered over the index range. The NetworkX fixtures
// (test_centrality_networkx.cpp) remain the check of each measure's definition.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/core_numbers.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/reverse_graph.hpp>

#include "analysis/betweenness.hpp"
#include "analysis/closeness.hpp"
#include "analysis/components.hpp"
#include "analysis/kcore.hpp"
#include "analysis/pagerank.hpp"
#include "analysis/weighted_view.hpp"

using namespace agencygraph::analysis;

namespace {

using BoostDigraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                           boost::property<boost::edge_weight_t, double>>;
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::property<boost::edge_weight_t, double>>;

struct RandomGraph {
  std::size_t n = 0;
  std::vector<WeightedPair> pairs;  // distinct (u, v), u != v; for an undirected graph u < v
};

// One large component of `large` vertices, small ones of 2-7 vertices, `isolated` lone vertices,
// all scattered by a random permutation. About `per_vertex` random pairs per vertex inside each
// component besides a spanning path; weights drawn from 1-4 (task counts) when `weighted`. With
// `no_dangling`, every vertex of a directed graph gets an out-arc.
RandomGraph random_graph(unsigned seed, std::size_t large, std::size_t small_components, std::size_t isolated,
                         double per_vertex, bool directed, bool weighted, bool no_dangling = false) {
  std::mt19937 gen(seed);
  std::vector<std::size_t> sizes{large};
  for (std::size_t c = 0; c < small_components; ++c) sizes.push_back(2 + gen() % 6);
  RandomGraph g;
  g.n = isolated;
  for (std::size_t s : sizes) g.n += s;
  std::vector<Vertex> id(g.n);
  std::iota(id.begin(), id.end(), Vertex{0});
  std::shuffle(id.begin(), id.end(), gen);
  std::map<std::pair<Vertex, Vertex>, double> chosen;
  auto add = [&](Vertex u, Vertex v) {
    if (u == v) return;
    if (!directed && u > v) std::swap(u, v);
    chosen.emplace(std::make_pair(u, v), weighted ? static_cast<double>(1 + gen() % 4) : 1.0);
  };
  std::size_t first = 0;
  for (std::size_t s : sizes) {
    for (std::size_t i = 1; i < s; ++i) {
      if (gen() % 2) add(id[first + i - 1], id[first + i]);
      else add(id[first + i], id[first + i - 1]);
    }
    const auto extra = static_cast<std::size_t>(per_vertex * static_cast<double>(s));
    for (std::size_t k = 0; k < extra; ++k) add(id[first + gen() % s], id[first + gen() % s]);
    if (no_dangling) {
      for (std::size_t i = 0; i < s; ++i) add(id[first + i], id[first + (i + 1 + gen() % (s - 1)) % s]);
    }
    first += s;
  }
  for (const auto& [uv, w] : chosen) g.pairs.push_back({uv.first, uv.second, w});
  return g;
}

template <class BoostG>
BoostG to_boost(const RandomGraph& g, bool distance_weights) {
  BoostG b(g.n);
  for (const WeightedPair& p : g.pairs) boost::add_edge(p.u, p.v, distance_weights ? 1.0 / p.weight : p.weight, b);
  return b;
}

// The symmetric digraph of an undirected graph: each edge both ways, as a Peer link gives.
SimpleDigraph symmetric_digraph(const RandomGraph& g) {
  std::vector<WeightedPair> arcs;
  for (const WeightedPair& p : g.pairs) {
    arcs.push_back(p);
    arcs.push_back({p.v, p.u, p.weight});
  }
  return make_digraph(g.n, arcs);
}

void check_close(const std::vector<double>& ours, const std::vector<double>& reference, double tolerance,
                 const std::string& what) {
  REQUIRE(ours.size() == reference.size());
  double scale = 0;
  for (double r : reference) scale = std::max(scale, std::abs(r));
  std::size_t bad = 0;
  double worst = 0;
  for (std::size_t v = 0; v < ours.size(); ++v) {
    const double difference = std::abs(ours[v] - reference[v]);
    worst = std::max(worst, difference);
    if (difference > tolerance * std::max(1.0, scale)) ++bad;
  }
  CHECK_MESSAGE(bad == 0, what << ": " << bad << " of " << ours.size()
                               << " vertices differ from Boost, by up to " << worst << " (largest value " << scale << ")");
}

// Boost's raw Brandes sums over ordered pairs (s, t) of a directed graph, and halves the sums of an
// undirected one (each pair once); NetworkX's directed normalisation, which ours follows on the
// symmetric digraph, divides the ordered sums by (n-1)(n-2).
template <class BoostG>
std::vector<double> boost_betweenness(const BoostG& b, std::size_t n, bool weighted) {
  std::vector<double> c(n, 0.0);
  auto map = boost::make_iterator_property_map(c.begin(), get(boost::vertex_index, b));
  if (weighted) {
    boost::brandes_betweenness_centrality(b, boost::centrality_map(map).weight_map(get(boost::edge_weight, b)));
  } else {
    boost::brandes_betweenness_centrality(b, boost::centrality_map(map));
  }
  constexpr bool undirected =
      std::is_same_v<typename boost::graph_traits<BoostG>::directed_category, boost::undirected_tag>;
  if (n > 2) {
    for (double& x : c) x = (undirected ? 2 * x : x) / static_cast<double>((n - 1) * (n - 2));
  } else {
    std::fill(c.begin(), c.end(), 0.0);
  }
  return c;
}

// Closeness (Wasserman-Faust) and harmonic from inward hop distances, one Boost BFS per vertex on
// the reversed graph.
Closeness boost_closeness(const BoostDigraph& b) {
  const std::size_t n = boost::num_vertices(b);
  const auto reversed = boost::make_reverse_graph(b);
  Closeness c{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> d(n);
  for (std::size_t v = 0; v < n; ++v) {
    std::fill(d.begin(), d.end(), kUnreached);
    d[v] = 0;
    auto dist = boost::make_iterator_property_map(d.begin(), get(boost::vertex_index, b));
    boost::breadth_first_search(reversed, v,
                                boost::visitor(boost::make_bfs_visitor(boost::record_distances(dist, boost::on_tree_edge()))));
    std::size_t reached = 0, sum = 0;
    for (std::size_t u = 0; u < n; ++u) {
      if (u == v || d[u] == kUnreached) continue;
      ++reached;
      sum += d[u];
      c.harmonic[v] += 1.0 / static_cast<double>(d[u]);
    }
    if (sum > 0 && n > 1) {
      const double r = static_cast<double>(reached);
      c.closeness[v] = r / static_cast<double>(sum) * (r / static_cast<double>(n - 1));
    }
  }
  return c;
}

// Two labellings describe the same partition.
bool same_partition(const std::vector<std::uint32_t>& a, const std::vector<std::size_t>& b) {
  if (a.size() != b.size()) return false;
  std::map<std::uint32_t, std::size_t> forward;
  std::map<std::size_t, std::uint32_t> backward;
  for (std::size_t v = 0; v < a.size(); ++v) {
    if (forward.emplace(a[v], b[v]).first->second != b[v]) return false;
    if (backward.emplace(b[v], a[v]).first->second != a[v]) return false;
  }
  return true;
}

struct Shape {
  unsigned seed;
  std::size_t large, small_components, isolated;
  double per_vertex;
};
// A component above 512 vertices in each; the last is sparse (long paths, many cut vertices).
const Shape kShapes[] = {{1, 40, 6, 3, 2.0}, {2, 600, 40, 10, 3.0}, {3, 1500, 150, 30, 2.5}, {4, 2000, 100, 20, 1.2}};

}  // namespace

TEST_CASE("Boost reference: betweenness, directed, unweighted and weighted") {
  for (const Shape& s : kShapes) {
    for (bool weighted : {false, true}) {
      CAPTURE(s.seed);
      CAPTURE(weighted);
      const RandomGraph g = random_graph(s.seed, s.large, s.small_components, s.isolated, s.per_vertex, true, true);
      const SimpleDigraph ours = make_digraph(g.n, g.pairs);
      const auto reference = boost_betweenness(to_boost<BoostDigraph>(g, true), g.n, weighted);
      check_close(betweenness_centrality(ours, weighted, 2), reference, 1e-9, "betweenness");
    }
  }
}

TEST_CASE("Boost reference: betweenness of an undirected graph (symmetric links)") {
  for (const Shape& s : kShapes) {
    for (bool weighted : {false, true}) {
      CAPTURE(s.seed);
      CAPTURE(weighted);
      const RandomGraph g = random_graph(s.seed + 10, s.large, s.small_components, s.isolated, s.per_vertex, false, true);
      const auto reference = boost_betweenness(to_boost<BoostGraph>(g, true), g.n, weighted);
      check_close(betweenness_centrality(symmetric_digraph(g), weighted, 2), reference, 1e-9, "betweenness");
    }
  }
}

TEST_CASE("Boost reference: closeness and harmonic from Boost's breadth-first distances") {
  for (const Shape& s : kShapes) {
    for (bool directed : {true, false}) {
      CAPTURE(s.seed);
      CAPTURE(directed);
      const RandomGraph g =
          random_graph(s.seed + 20, s.large, s.small_components, s.isolated, s.per_vertex, directed, false);
      const SimpleDigraph ours = directed ? make_digraph(g.n, g.pairs) : symmetric_digraph(g);
      BoostDigraph b(g.n);
      for (Vertex u = 0; u < ours.n; ++u)
        for (Vertex v : ours.out.neighbours(u)) boost::add_edge(u, v, 1.0, b);
      const Closeness reference = boost_closeness(b);
      const Closeness c = closeness_centrality(ours, 2);
      check_close(c.closeness, reference.closeness, 1e-12, "closeness");
      check_close(c.harmonic, reference.harmonic, 1e-12, "harmonic");
    }
  }
}

TEST_CASE("Boost reference: connected and weakly connected components") {
  for (const Shape& s : kShapes) {
    CAPTURE(s.seed);
    for (bool directed : {true, false}) {
      const RandomGraph g =
          random_graph(s.seed + 30, s.large, s.small_components, s.isolated, s.per_vertex, directed, false);
      BoostGraph b = to_boost<BoostGraph>(g, false);
      std::vector<std::size_t> label(g.n);
      const std::size_t count =
          boost::connected_components(b, boost::make_iterator_property_map(label.begin(), get(boost::vertex_index, b)));
      const std::vector<std::uint32_t> ours =
          directed ? weak_components(component_order(make_digraph(g.n, g.pairs))) : weak_components(make_graph(g.n, g.pairs));
      CHECK(same_partition(ours, label));
      CHECK(*std::max_element(ours.begin(), ours.end()) + 1 == count);
      // Numbered by size, largest first.
      std::vector<std::size_t> size(count, 0);
      for (std::uint32_t c : ours) ++size[c];
      CHECK(std::is_sorted(size.rbegin(), size.rend()));
    }
  }
}

TEST_CASE("Boost reference: articulation points and bridges") {
  for (const Shape& s : kShapes) {
    CAPTURE(s.seed);
    const RandomGraph g = random_graph(s.seed + 40, s.large, s.small_components, s.isolated, s.per_vertex / 2, false, false);
    BoostGraph b = to_boost<BoostGraph>(g, false);
    // Boost's biconnected components on the adjacency_list, with an edge index of its own.
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> component_of;
    std::vector<std::size_t> cut_vertices;
    {
      using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;
      std::map<Edge, std::size_t> edge_component;
      boost::associative_property_map<std::map<Edge, std::size_t>> map(edge_component);
      boost::biconnected_components(b, map, std::back_inserter(cut_vertices));
      for (const auto& [e, c] : edge_component) {
        const std::size_t u = boost::source(e, b), v = boost::target(e, b);
        component_of[{std::min(u, v), std::max(u, v)}] = c;
      }
    }
    std::map<std::size_t, std::size_t> edges_in;
    for (const auto& [uv, c] : component_of) ++edges_in[c];
    std::vector<std::pair<Vertex, Vertex>> bridges;
    for (const auto& [uv, c] : component_of)
      if (edges_in[c] == 1) bridges.emplace_back(static_cast<Vertex>(uv.first), static_cast<Vertex>(uv.second));
    std::sort(bridges.begin(), bridges.end());
    std::vector<bool> articulation(g.n, false);
    for (std::size_t v : cut_vertices) articulation[v] = true;

    const CutStructure ours = cut_structure(make_graph(g.n, g.pairs));
    CHECK(ours.articulation == articulation);
    CHECK(ours.bridges == bridges);
    CHECK(!bridges.empty());
    CHECK(std::count(articulation.begin(), articulation.end(), true) > 0);
  }
}

TEST_CASE("Boost reference: core numbers") {
  for (const Shape& s : kShapes) {
    CAPTURE(s.seed);
    const RandomGraph g = random_graph(s.seed + 50, s.large, s.small_components, s.isolated, 2 * s.per_vertex, false, false);
    BoostGraph b = to_boost<BoostGraph>(g, false);
    std::vector<std::size_t> core(g.n);
    boost::core_numbers(b, boost::make_iterator_property_map(core.begin(), get(boost::vertex_index, b)));
    const std::vector<std::uint32_t> ours = core_numbers(make_graph(g.n, g.pairs));
    CHECK(std::equal(ours.begin(), ours.end(), core.begin(), core.end()));
    CHECK(*std::max_element(core.begin(), core.end()) >= 3);
  }
}

TEST_CASE("Boost reference: PageRank on graphs without dangling vertices, Boost's values divided by n") {
  for (const Shape& s : kShapes) {
    for (bool directed : {true, false}) {
      CAPTURE(s.seed);
      CAPTURE(directed);
      // Unweighted: Boost's page_rank divides by the out-degree; isolated vertices would dangle.
      const RandomGraph g = random_graph(s.seed + 60, s.large, s.small_components, 0, s.per_vertex, directed, false, true);
      const SimpleDigraph ours = directed ? make_digraph(g.n, g.pairs) : symmetric_digraph(g);
      BoostDigraph b(g.n);
      for (Vertex u = 0; u < ours.n; ++u) {
        REQUIRE(ours.out.degree(u) > 0);
        for (Vertex v : ours.out.neighbours(u)) boost::add_edge(u, v, 1.0, b);
      }
      std::vector<double> rank(g.n);
      // 0.85^250 is below 1e-17: Boost's fixed iteration count is then past convergence.
      boost::graph::page_rank(b, boost::make_iterator_property_map(rank.begin(), get(boost::vertex_index, b)),
                       boost::graph::n_iterations(250), 0.85);
      for (double& r : rank) r /= static_cast<double>(g.n);
      const PowerIteration pr = pagerank(ours, 0.85, 1e-14, 10000, 2);
      CHECK(pr.converged);
      // Ours stops once a step changes the vector by less than n * 1e-14 in L1 (NetworkX's rule), about
      // 2.5e-11 here, which bounds how far it may still be from the fixed point Boost has reached.
      check_close(pr.values, rank, 1e-11, "pagerank");
    }
  }
}
