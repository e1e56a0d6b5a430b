// analyse() against values computed once with NetworkX 2.8 (and python-igraph for a Louvain lower
// bound) by tools/fixtures/networkx_reference.py, committed in tests/data/networkx/. Python is not
// needed to run this.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/louvain.hpp"
#include "analysis/modularity.hpp"
#include "analysis/weighted_view.hpp"
#include "agencygraph/metrics.hpp"
#include "test_centrality_support.hpp"

using namespace agencygraph;
using agencygraph::test::check_close;

namespace {

const std::string kDir = std::string(AGENCYGRAPH_TEST_DATA) + "/networkx/";

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return nlohmann::json::parse(in);
}

std::vector<double> doubles(const nlohmann::json& j) { return j.get<std::vector<double>>(); }

void check_fixture(const std::string& name) {
  CAPTURE(name);
  const AgencyNetwork net = test::read_edge_list(kDir + name + ".edges.tsv");
  const nlohmann::json expected = read_json(kDir + name + ".expected.json");
  REQUIRE(boost::num_vertices(net.graph) == expected["vertices"].get<std::size_t>());

  AnalysisOptions options;
  options.threads = 2;
  const AgencyMetrics m = analyse(net, options);

  check_close(m.in_degree, doubles(expected["in_degree"]), "in_degree");
  check_close(m.out_degree, doubles(expected["out_degree"]), "out_degree");
  check_close(m.in_strength, doubles(expected["in_strength"]), "in_strength");
  check_close(m.out_strength, doubles(expected["out_strength"]), "out_strength");
  check_close(m.betweenness, doubles(expected["betweenness"]), "betweenness");
  check_close(m.betweenness_weighted, doubles(expected["betweenness_weighted"]), "betweenness_weighted");
  check_close(m.closeness, doubles(expected["closeness"]), "closeness");
  check_close(m.harmonic, doubles(expected["harmonic"]), "harmonic");
  check_close(m.pagerank, doubles(expected["pagerank"]), "pagerank");
  check_close(m.eigenvector, doubles(expected["eigenvector"]), "eigenvector");
  const bool converged = expected["eigenvector_converged"].get<bool>();
  CHECK(m.notes.empty() == converged);

  CHECK(m.core == expected["core"].get<std::vector<std::uint32_t>>());
  CHECK(m.component == expected["component"].get<std::vector<std::uint32_t>>());
  CHECK(m.articulation == expected["articulation"].get<std::vector<bool>>());
  std::vector<std::pair<AgencyVertex, AgencyVertex>> bridges;
  for (const auto& b : expected["bridges"]) bridges.emplace_back(b[0].get<AgencyVertex>(), b[1].get<AgencyVertex>());
  CHECK(m.bridges == bridges);

  // modularity() on a fixed partition (v mod 3), at resolution 1 and 0.5.
  const analysis::SimpleGraph ug = analysis::undirected_view(net.graph);
  if (expected.contains("modularity_mod3")) {
    std::vector<std::size_t> mod3(ug.n);
    for (std::size_t v = 0; v < ug.n; ++v) mod3[v] = v % 3;
    CHECK(std::abs(analysis::modularity(ug, mod3, 1.0) - expected["modularity_mod3"].get<double>()) <= 1e-9);
    CHECK(std::abs(analysis::modularity(ug, mod3, 0.5) - expected["modularity_mod3_r0.5"].get<double>()) <= 1e-9);
  }
  // Louvain: at least as good as igraph's multilevel, its own reported quality equal to modularity()
  // of its partition, and the same partition on every run and thread count.
  if (expected.contains("igraph_louvain_modularity")) {
    const double igraph_q = expected["igraph_louvain_modularity"].get<double>();
    INFO("ours " << m.modularity << ", igraph " << igraph_q);
    CHECK(m.modularity >= igraph_q - 1e-9);
  }
  const analysis::Communities louvain = analysis::louvain_communities(ug, 1.0, options.louvain_seed);
  CHECK(std::abs(louvain.modularity - m.modularity) <= 1e-9);
  AnalysisOptions single = options;
  single.threads = 1;
  const AgencyMetrics again = analyse(net, single);
  CHECK(again.community == m.community);
  CHECK(again.modularity == m.modularity);
  CHECK(again.betweenness == m.betweenness);
  CHECK(again.betweenness_weighted == m.betweenness_weighted);
}

}  // namespace

TEST_CASE("NetworkX reference: random weighted digraph, dense") { check_fixture("random_dense"); }
TEST_CASE("NetworkX reference: random weighted digraph, sparse") { check_fixture("random_sparse"); }
TEST_CASE("NetworkX reference: two blocks, one arc between, isolated vertices") { check_fixture("two_blocks_isolated"); }
TEST_CASE("NetworkX reference: many dangling vertices") { check_fixture("dangling"); }
TEST_CASE("NetworkX reference: DAG (eigenvector does not converge)") { check_fixture("dag"); }
TEST_CASE("NetworkX reference: CoLead/Peer links and parallel links") { check_fixture("mixed_kinds"); }
TEST_CASE("NetworkX reference: fractional weights") { check_fixture("fractional"); }
TEST_CASE("NetworkX reference: grid with many equal shortest paths") { check_fixture("grid_ties"); }

// Real networks: the bundled 荆州市 2020 notice (seed 004) and the two merged 咸宁市 2023 pages,
// written by test_centrality_real.cpp's developer path.
TEST_CASE("NetworkX reference: real network, jingzhou-2020") { check_fixture("real_jingzhou-2020"); }
TEST_CASE("NetworkX reference: real network, xianning-2023 (two pages merged)") { check_fixture("real_xianning-2023"); }

TEST_CASE("every committed NetworkX fixture has a test case and expected values") {
  const std::vector<std::string> exercised = {"dag",          "dangling",           "fractional",
                                              "grid_ties",    "mixed_kinds",        "random_dense",
                                              "random_sparse", "real_jingzhou-2020", "real_xianning-2023",
                                              "two_blocks_isolated"};
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".edges.tsv";
    if (file.size() > suffix.size() && file.ends_with(suffix)) {
      names.push_back(file.substr(0, file.size() - suffix.size()));
      CHECK(std::filesystem::exists(kDir + names.back() + ".expected.json"));
    }
  }
  std::sort(names.begin(), names.end());
  CHECK(names == exercised);
}
