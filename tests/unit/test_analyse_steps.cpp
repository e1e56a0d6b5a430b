// analyse() reports its steps to AnalysisOptions::on_measure in the documented order, only the steps
// asked for, and the results do not depend on the order the views are made and freed in.
#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/metrics.hpp"
#include "test_centrality_support.hpp"

using namespace agencygraph;

namespace {

// Two components: a lead with three co units and a co-lead, and a triangle of peers with a lead.
AgencyNetwork two_components() {
  return test::make_network(8, {{0, 1}, {0, 2}, {0, 3}, {4, 0, 1, LinkKind::CoLead}, {5, 6, 2, LinkKind::Peer},
                                {6, 7, 1, LinkKind::Peer}, {5, 7, 1, LinkKind::LeadToCo}});
}

std::vector<std::string> steps_of(const AgencyNetwork& network, std::uint32_t measures) {
  AnalysisOptions options;
  options.measures = measures;
  std::vector<std::string> steps;
  options.on_measure = [&steps](std::string_view step, double seconds) {
    CHECK(seconds >= 0);
    steps.emplace_back(step);
  };
  analyse(network, options);
  return steps;
}

std::uint32_t bits(std::initializer_list<Measure> measures) {
  std::uint32_t b = 0;
  for (Measure m : measures) b |= static_cast<std::uint32_t>(m);
  return b;
}

}  // namespace

TEST_CASE("analyse reports every step in the documented order") {
  // One line per view: the digraph's measures, the renumbered digraph's, the undirected view's.
  const std::vector<std::string> expected = {
      "digraph", "components", "burden", "degree", "pagerank",                                   //
      "renumber_digraph", "betweenness", "betweenness_weighted", "closeness", "eigenvector",     //
      "undirected_graph", "core", "cut_structure", "renumber_graph", "louvain", "modularity"};
  CHECK(steps_of(two_components(), kAllMeasures) == expected);
}

TEST_CASE("analyse reports only the steps asked for, and makes only the views that measures need") {
  const AgencyNetwork network = two_components();
  CHECK(steps_of(network, bits({Measure::Burden, Measure::PageRank})) ==
        std::vector<std::string>{"digraph", "components", "burden", "pagerank"});
  CHECK(steps_of(network, bits({Measure::Betweenness, Measure::Louvain})) ==
        std::vector<std::string>{"digraph", "components", "renumber_digraph", "betweenness", "undirected_graph",
                                 "renumber_graph", "louvain", "modularity"});
}

TEST_CASE("a measure's values do not depend on which other measures are computed with it") {
  const AgencyNetwork network = two_components();
  const AgencyMetrics all = analyse(network, AnalysisOptions{});
  AnalysisOptions some;
  some.measures = bits({Measure::Betweenness, Measure::PageRank, Measure::Louvain});
  const AgencyMetrics alone = analyse(network, some);
  CHECK(alone.betweenness == all.betweenness);
  CHECK(alone.pagerank == all.pagerank);
  CHECK(alone.community == all.community);
  CHECK(alone.modularity == all.modularity);
  CHECK(alone.in_degree.empty());  // not asked for
  CHECK(alone.closeness.empty());
  CHECK(all.component == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 1, 1, 1});
}
