// Hand-worked small graphs for every measure of analyse(). The expected values are derived in the
// comments from the definitions in lib/src/analysis/*.hpp (the NetworkX conventions), not
// from running the code.
#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "analysis/betweenness.hpp"
#include "analysis/components.hpp"
#include "analysis/modularity.hpp"
#include "analysis/weighted_view.hpp"
#include "agencygraph/metrics.hpp"
#include "test_centrality_support.hpp"

using namespace agencygraph;
using agencygraph::test::check_close;
using agencygraph::test::make_network;
using agencygraph::test::peers;
using agencygraph::test::TestLink;

namespace {
constexpr double kAlpha = 0.85;
double sum(const std::vector<double>& x) { return std::accumulate(x.begin(), x.end(), 0.0); }
}  // namespace

TEST_CASE("directed path 0->1->2") {
  const AgencyNetwork net = make_network(3, {{0, 1}, {1, 2}});
  const AgencyMetrics m = analyse(net);
  check_close(m.in_degree, {0, 1, 1}, "in_degree");
  check_close(m.out_degree, {1, 1, 0}, "out_degree");
  check_close(m.in_strength, {0, 1, 1}, "in_strength");
  check_close(m.out_strength, {1, 1, 0}, "out_strength");
  // Only the pair (0,2) has an intermediate, 1; directed normalisation 1/((n-1)(n-2)) = 1/2.
  check_close(m.betweenness, {0, 0.5, 0}, "betweenness");
  check_close(m.betweenness_weighted, {0, 0.5, 0}, "betweenness_weighted");
  // Inward distances: 0 is reached by nobody -> 0; 1 by {0} at 1: (1/1)*(1/2); 2 by {1 at 1, 0 at 2}:
  // (2/3)*(2/2).
  check_close(m.closeness, {0, 0.5, 2.0 / 3.0}, "closeness");
  check_close(m.harmonic, {0, 1, 1.5}, "harmonic");
  // PageRank with 2 dangling: with c = (1-a)/3 + a*x2/3 the equations give x0 = c, x1 = c(1+a),
  // x2 = c(1+a+a^2), and sum 1 gives c = 1/(3+2a+a^2).
  const double c = 1.0 / (3 + 2 * kAlpha + kAlpha * kAlpha);
  check_close(m.pagerank, {c, c * (1 + kAlpha), c * (1 + kAlpha + kAlpha * kAlpha)}, "pagerank", 1e-12);
  // A DAG: (A^T+I)^k x creeps polynomially, no convergence -> zeros and a note.
  check_close(m.eigenvector, {0, 0, 0}, "eigenvector");
  REQUIRE(m.notes.size() == 1);
  CHECK(m.notes[0].find("eigenvector") == 0);
  CHECK(m.core == std::vector<std::uint32_t>{1, 1, 1});
  CHECK(m.component == std::vector<std::uint32_t>{0, 0, 0});
  CHECK(m.articulation == std::vector<bool>{false, true, false});
  CHECK(m.bridges == std::vector<std::pair<AgencyVertex, AgencyVertex>>{{0, 1}, {1, 2}});
}

TEST_CASE("undirected star: centre 0 with Peer links to 1..4") {
  const AgencyNetwork net = make_network(5, peers({{0, 1}, {0, 2}, {0, 3}, {0, 4}}));
  const AgencyMetrics m = analyse(net);
  // A Peer link is an arc each way.
  check_close(m.in_degree, {4, 1, 1, 1, 1}, "in_degree");
  check_close(m.out_degree, {4, 1, 1, 1, 1}, "out_degree");
  // All 4*3 ordered leaf pairs pass the centre: 12 / (4*3) = 1.
  check_close(m.betweenness, {1, 0, 0, 0, 0}, "betweenness");
  check_close(m.betweenness_weighted, {1, 0, 0, 0, 0}, "betweenness_weighted");
  // Centre: 4 at distance 1 -> 4/4 * 4/4 = 1. Leaf: 1 + 3*2 = 7 -> 4/7.
  check_close(m.closeness, {1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7}, "closeness");
  check_close(m.harmonic, {4, 2.5, 2.5, 2.5, 2.5}, "harmonic");
  // PageRank: x_c = (1-a)/5 + a*4*x_l, x_l = (1-a)/5 + a*x_c/4, x_c + 4x_l = 1
  // => x_c = (1 - 4(1-a)/5) / (1+a) = 0.88/1.85.
  const double xc = 0.88 / 1.85, xl = (1 - xc) / 4;
  check_close(m.pagerank, {xc, xl, xl, xl, xl}, "pagerank", 1e-12);
  // A = star K_{1,4}: leading eigenvalue 2, vector (2,1,1,1,1)/sqrt(8).
  const double r8 = std::sqrt(8.0);
  check_close(m.eigenvector, {2 / r8, 1 / r8, 1 / r8, 1 / r8, 1 / r8}, "eigenvector", 1e-12);
  CHECK(m.notes.empty());
  CHECK(m.core == std::vector<std::uint32_t>{1, 1, 1, 1, 1});
  CHECK(m.articulation == std::vector<bool>{true, false, false, false, false});
  CHECK(m.bridges.size() == 4);
}

TEST_CASE("directed triangle 0->1->2->0 with dangling 3 (2->3)") {
  const AgencyNetwork net = make_network(4, {{0, 1}, {1, 2}, {2, 0}, {2, 3}});
  const AgencyMetrics m = analyse(net);
  // Intermediates: 0 on 2->1; 1 on 0->2, 0->3; 2 on 0->3, 1->0, 1->3. Divided by 3*2.
  check_close(m.betweenness, {1.0 / 6, 2.0 / 6, 3.0 / 6, 0}, "betweenness");
  // 0, 1, 2 are each reached from the other two at 1 and 2: (2/3)*(2/3). 3 from 2,1,0 at 1,2,3: (3/6)*(3/3).
  check_close(m.closeness, {4.0 / 9, 4.0 / 9, 4.0 / 9, 0.5}, "closeness");
  check_close(m.harmonic, {1.5, 1.5, 1.5, 1 + 0.5 + 1.0 / 3}, "harmonic");
  // PageRank: check the fixed-point equations themselves. Out-strengths 1, 1, 2, 0 (3 dangling,
  // its mass spread over all 4): x = a (x P + x3/4) + (1-a)/4.
  const auto& x = m.pagerank;
  const double d = x[3] / 4, base = (1 - kAlpha) / 4;
  CHECK(std::abs(x[0] - (kAlpha * (x[2] / 2 + d) + base)) < 1e-13);
  CHECK(std::abs(x[1] - (kAlpha * (x[0] + d) + base)) < 1e-13);
  CHECK(std::abs(x[2] - (kAlpha * (x[1] + d) + base)) < 1e-13);
  CHECK(std::abs(x[3] - (kAlpha * (x[2] / 2 + d) + base)) < 1e-13);
  CHECK(std::abs(sum(x) - 1) < 1e-13);
  // In-edge eigenvector: x0 += x2, x1 += x0, x2 += x1, x3 += x2; the cycle's eigenvalue 1 has
  // vector (1,1,1,1) (x3 = x2), so all 1/2 after L2 normalisation.
  check_close(m.eigenvector, {0.5, 0.5, 0.5, 0.5}, "eigenvector", 1e-12);
  CHECK(m.core == std::vector<std::uint32_t>{2, 2, 2, 1});
  CHECK(m.articulation == std::vector<bool>{false, false, true, false});
  CHECK(m.bridges == std::vector<std::pair<AgencyVertex, AgencyVertex>>{{2, 3}});
}

TEST_CASE("two triangles joined by a bridge") {
  const AgencyNetwork net = make_network(6, peers({{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}, {2, 3}}));
  const AgencyMetrics m = analyse(net);
  // 2 and 3 each carry the 2*3*2 = 12 ordered pairs across the bridge: 12/(5*4).
  check_close(m.betweenness, {0, 0, 0.6, 0.6, 0, 0}, "betweenness");
  // 2: distances 1,1,1,2,2 -> 5/7. 0: 1,1,2,3,3 -> 5/10.
  check_close(m.closeness, {0.5, 0.5, 5.0 / 7, 5.0 / 7, 0.5, 0.5}, "closeness");
  CHECK(m.core == std::vector<std::uint32_t>{2, 2, 2, 2, 2, 2});
  CHECK(m.articulation == std::vector<bool>{false, false, true, true, false, false});
  CHECK(m.bridges == std::vector<std::pair<AgencyVertex, AgencyVertex>>{{2, 3}});
  // Louvain finds the triangles. m = 7, each has L = 3, degree sum 7: Q = 2(3/7 - (7/14)^2) = 5/14.
  CHECK(m.community == std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1});
  CHECK(m.modularity == doctest::Approx(5.0 / 14).epsilon(1e-12));
}

TEST_CASE("a symmetric Peer link next to LeadToCo links between the same pair") {
  // Links: Peer 0-1 (w1), LeadToCo 0->1 (w2), LeadToCo 1->2 (w1).
  const AgencyNetwork net = make_network(3, {{0, 1, 1, LinkKind::Peer}, {0, 1, 2, LinkKind::LeadToCo}, {1, 2}});
  // Digraph: 0->1 weight 1+2 = 3, 1->0 weight 1 (the Peer link's other direction), 1->2 weight 1.
  const analysis::SimpleDigraph dg = analysis::directed_view(net.graph);
  CHECK(dg.arc_count() == 3);
  const AgencyMetrics m = analyse(net);
  check_close(m.in_degree, {1, 1, 1}, "in_degree");
  check_close(m.out_degree, {1, 2, 0}, "out_degree");
  check_close(m.in_strength, {1, 3, 1}, "in_strength");
  check_close(m.out_strength, {3, 2, 0}, "out_strength");
  // Undirected weights count each link once: {0,1} = 1 + 2 = 3, {1,2} = 1. For {0,1},{2}: m = 4,
  // Q = 3/4 - (7/8)^2 - (1/8)^2 = -1/32.
  const analysis::SimpleGraph ug = analysis::undirected_view(net.graph);
  CHECK(analysis::modularity(ug, {0, 0, 1}) == doctest::Approx(-1.0 / 32).epsilon(1e-12));
  // Resolution scales the null-model term: 3/4 - 0.5 * 50/64.
  CHECK(analysis::modularity(ug, {0, 0, 1}, 0.5) == doctest::Approx(0.75 - 25.0 / 64).epsilon(1e-12));
}

TEST_CASE("weighted betweenness: distance 1/weight, exact ties split the pair") {
  // 0->1 (w2), 1->2 (w2), 0->2 (w1): 0->1->2 has length 1/2 + 1/2 = 1, equal to the direct arc, so
  // sigma(0,2) = 2 and 1 gets 1/2 of that pair; normalised by 1/(2*1). Unweighted the arc is shorter.
  const AgencyNetwork net = make_network(3, {{0, 1, 2}, {1, 2, 2}, {0, 2, 1}});
  const AgencyMetrics m = analyse(net);
  check_close(m.betweenness, {0, 0, 0}, "betweenness");
  check_close(m.betweenness_weighted, {0, 0.25, 0}, "betweenness_weighted");
  // A heavier detour wins outright: 0->1 (w4), 1->2 (w4) has length 1/2 < 1.
  const AgencyNetwork heavy = make_network(3, {{0, 1, 4}, {1, 2, 4}, {0, 2, 1}});
  check_close(analyse(heavy).betweenness_weighted, {0, 0.5, 0}, "betweenness_weighted");
}

TEST_CASE("components are numbered by size, then by smallest member") {
  // {0,1} size 2, {3,4} size 2, {2,5,6} size 3, {7} alone.
  const AgencyNetwork net = make_network(8, {{0, 1}, {4, 3}, {2, 5}, {6, 5}});
  const AgencyMetrics m = analyse(net);
  CHECK(m.component == std::vector<std::uint32_t>{1, 1, 0, 2, 2, 0, 0, 3});
  CHECK(analysis::number_by_size({7, 7, 3, 9, 9, 3, 3, 1}) == std::vector<std::uint32_t>{1, 1, 0, 2, 2, 0, 0, 3});
}

TEST_CASE("edge cases: empty graph, single vertex, isolated vertices") {
  const AgencyMetrics empty = analyse(make_network(0, {}));
  CHECK(empty.pagerank.empty());
  CHECK(empty.community.empty());
  CHECK(empty.modularity == 0);

  const AgencyMetrics one = analyse(make_network(1, {}));
  check_close(one.pagerank, {1}, "pagerank");
  check_close(one.eigenvector, {1}, "eigenvector");
  check_close(one.closeness, {0}, "closeness");

  // No links: PageRank uniform (all dangling), eigenvector 1/sqrt(n) (the iteration is the identity).
  const AgencyMetrics three = analyse(make_network(3, {}));
  check_close(three.pagerank, {1.0 / 3, 1.0 / 3, 1.0 / 3}, "pagerank", 1e-15);
  const double e = 1 / std::sqrt(3.0);
  check_close(three.eigenvector, {e, e, e}, "eigenvector", 1e-15);
  CHECK(three.component == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(three.community == std::vector<std::uint32_t>{0, 1, 2});
  CHECK(three.modularity == 0);
  CHECK(three.core == std::vector<std::uint32_t>{0, 0, 0});
}

TEST_CASE("self-loops and non-positive weights are left out of the views") {
  const AgencyNetwork net = make_network(2, {{0, 0, 5}, {0, 1, 1}, {1, 0, 0}});
  const analysis::SimpleDigraph dg = analysis::directed_view(net.graph);
  CHECK(dg.arc_count() == 1);
  const AgencyMetrics m = analyse(net);
  check_close(m.in_degree, {0, 1}, "in_degree");
  check_close(m.out_strength, {1, 0}, "out_strength");
}

TEST_CASE("betweenness does not depend on the thread count, bit for bit") {
  // A few hundred vertices so that sources are spread over many blocks. (Closeness and Louvain work
  // by component here, one work item: their thread checks are in test_centrality_components.cpp.)
  std::vector<TestLink> links;
  std::uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 8) % 300; };
  for (int i = 0; i < 1500; ++i) links.push_back({next(), next(), static_cast<double>(1 + next() % 4)});
  const AgencyNetwork net = make_network(300, links);
  AnalysisOptions one, two, five;
  one.threads = 1;
  two.threads = 2;
  five.threads = 5;
  const AgencyMetrics a = analyse(net, one), b = analyse(net, two), c = analyse(net, five);
  CHECK(a.betweenness == b.betweenness);
  CHECK(a.betweenness == c.betweenness);
  CHECK(a.betweenness_weighted == b.betweenness_weighted);
  CHECK(a.betweenness_weighted == c.betweenness_weighted);
}
