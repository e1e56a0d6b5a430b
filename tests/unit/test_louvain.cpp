// Louvain through its BGL interface (the shape of Boost 1.92's louvain_clustering), and the
// determinism the analysis promises.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "agencygraph/analysis/louvain.hpp"
#include "agencygraph/analysis/modularity.hpp"
#include "agencygraph/analysis/weighted_view.hpp"

using namespace agencygraph::analysis;

namespace {

using Bgl = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                  boost::property<boost::edge_weight_t, double>>;

// k cliques of size s in a ring, consecutive cliques joined by one edge of weight `bridge`.
Bgl ring_of_cliques(std::size_t k, std::size_t s, double bridge = 1.0) {
  Bgl g(k * s);
  for (std::size_t c = 0; c < k; ++c) {
    for (std::size_t i = 0; i < s; ++i)
      for (std::size_t j = i + 1; j < s; ++j) boost::add_edge(c * s + i, c * s + j, 1.0, g);
    boost::add_edge(c * s, ((c + 1) % k) * s + 1, bridge, g);
  }
  return g;
}

SimpleGraph to_view(const Bgl& g) {
  std::vector<WeightedPair> edges;
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    edges.push_back({static_cast<Vertex>(boost::source(*it, g)), static_cast<Vertex>(boost::target(*it, g)),
                     boost::get(boost::edge_weight, g, *it)});
  }
  return make_graph(boost::num_vertices(g), edges);
}

}  // namespace

TEST_CASE("louvain_clustering on a BGL graph finds the cliques of a ring of cliques") {
  const Bgl g = ring_of_cliques(6, 5);
  std::vector<std::size_t> community(boost::num_vertices(g));
  auto map = boost::make_iterator_property_map(community.begin(), boost::get(boost::vertex_index, g));
  std::mt19937 gen(7);
  const double q = louvain_clustering(g, map, boost::get(boost::edge_weight, g), gen);
  // Each clique is a community, labelled by smallest member: vertex v is in clique v / 5.
  for (std::size_t v = 0; v < community.size(); ++v) CHECK(community[v] == v / 5);
  // m = 6*10 + 6 = 66; each clique: L = 10, degree sum 2*10 + 2 = 22 -> Q = 6 (10/66 - (22/132)^2).
  const double expected = 6 * (10.0 / 66 - (22.0 / 132) * (22.0 / 132));
  CHECK(q == doctest::Approx(expected).epsilon(1e-12));
  CHECK(modularity(to_view(g), community) == doctest::Approx(expected).epsilon(1e-12));
}

TEST_CASE("louvain is deterministic for a seed, and the result does not depend on label order") {
  // A random graph where many partitions are close: the same seed must give the same partition.
  Bgl g(200);
  std::mt19937 edges_gen(99);
  for (int i = 0; i < 700; ++i) {
    const auto u = edges_gen() % 200, v = edges_gen() % 200;
    if (u != v) boost::add_edge(u, v, 1.0 + static_cast<double>(edges_gen() % 3), g);
  }
  auto run = [&](unsigned seed) {
    std::vector<std::size_t> community(200);
    auto map = boost::make_iterator_property_map(community.begin(), boost::get(boost::vertex_index, g));
    std::mt19937 gen(seed);
    const double q = louvain_clustering(g, map, boost::get(boost::edge_weight, g), gen);
    return std::pair{community, q};
  };
  const auto a = run(42), b = run(42);
  CHECK(a.first == b.first);
  CHECK(a.second == b.second);
  CHECK(a.second == doctest::Approx(modularity(to_view(g), a.first)).epsilon(1e-12));
  // Labels are 0.. in order of smallest member.
  std::size_t next = 0;
  std::vector<bool> seen(200, false);
  for (std::size_t label : a.first) {
    if (!seen[label]) {
      CHECK(label == next++);
      seen[label] = true;
    }
  }
}

TEST_CASE("resolution: 0 merges every connected piece, a large one keeps vertices apart") {
  const SimpleGraph two_triangles =
      make_graph(7, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}, {2, 3, 1}});
  // Vertex 6 is isolated. At resolution 0 every join gains: one community per connected piece,
  // and Q = sum L_c / m = 1.
  const Communities zero = louvain_communities(two_triangles, 0.0, 1);
  CHECK(zero.label == std::vector<std::size_t>{0, 0, 0, 0, 0, 0, 1});
  CHECK(zero.modularity == doctest::Approx(1.0));
  CHECK(modularity(two_triangles, zero.label, 0.0) == doctest::Approx(1.0));
  // At resolution 10 a join of u and v gains w - 10 k_u k_v / 2m < 0 for every edge: singletons.
  const Communities high = louvain_communities(two_triangles, 10.0, 1);
  CHECK(high.label == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6});
  // Resolution 1: the triangles.
  const Communities one = louvain_communities(two_triangles, 1.0, 1);
  CHECK(one.label == std::vector<std::size_t>{0, 0, 0, 1, 1, 1, 2});
  CHECK(one.modularity == doctest::Approx(5.0 / 14).epsilon(1e-12));
}

TEST_CASE("the shuffle is a permutation fixed by the generator's raw outputs") {
  std::vector<int> a(50), b(50);
  std::iota(a.begin(), a.end(), 0);
  std::iota(b.begin(), b.end(), 0);
  std::mt19937 g1(5), g2(5);
  louvain_detail::shuffle(a, g1);
  louvain_detail::shuffle(b, g2);
  CHECK(a == b);
  std::vector<int> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int> identity(50);
  std::iota(identity.begin(), identity.end(), 0);
  CHECK(sorted == identity);
  CHECK(a != identity);
  // uniform_below never reaches its bound, also for 64-bit generators.
  std::mt19937_64 g64(1);
  for (int i = 0; i < 1000; ++i) CHECK(louvain_detail::uniform_below(g64, 7) < 7);
}
