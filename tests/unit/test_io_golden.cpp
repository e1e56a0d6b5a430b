// Each writer on the small hand-built network, byte for byte against tests/data/golden (reviewed by hand;
// regenerate with AGENCYGRAPH_UPDATE_GOLDEN=1 and read the diff).
#include <doctest/doctest.h>

#include <sstream>

#include "agencygraph/io/dot.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "agencygraph/io/network_json.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

namespace {

// A fixed presentation, so the golden files do not depend on Graphviz's layout.
struct Presented {
  AgencyNetwork network = test::small_network();
  AgencyMetrics metrics = test::small_metrics();
  MapStyle style = style_map(network, metrics, MapOptions{});
  std::vector<std::optional<Point>> positions{Point{0, 0}, Point{100.5, 20}, Point{-50.25, 80}, std::nullopt};
  GraphmlOptions options() const { return {&style, &positions, ""}; }
};

}  // namespace

TEST_CASE("GraphML of the small network matches the golden file") {
  const Presented p;
  std::ostringstream out;
  write_graphml(out, p.network, p.metrics, p.options());
  CHECK(out.str() == test::golden("small.graphml", out.str()));
}

TEST_CASE("GraphML: every key is typed, node label and edge weight present, only computed metrics written") {
  const Presented p;
  std::ostringstream out;
  write_graphml(out, p.network, p.metrics, p.options());
  const std::string xml = out.str();
  std::size_t keys = 0;
  for (std::size_t at = xml.find("<key "); at != std::string::npos; at = xml.find("<key ", at + 1)) {
    ++keys;
    const std::string key = xml.substr(at, xml.find("/>", at) - at);
    CHECK_MESSAGE(key.find(" attr.type=\"") != std::string::npos, key);
    CHECK_MESSAGE(key.find(" attr.name=\"") != std::string::npos, key);
  }
  CHECK(keys > 20);
  CHECK(xml.find("for=\"node\" attr.name=\"label\" attr.type=\"string\"") != std::string::npos);
  CHECK(xml.find("for=\"edge\" attr.name=\"weight\" attr.type=\"double\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"r\" attr.type=\"int\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"pagerank\"") != std::string::npos);
  CHECK(xml.find("attr.name=\"betweenness\"") == std::string::npos);  // not computed
  CHECK(xml.find("<data key=\"e_weight\">2</data>") != std::string::npos);
  // 市财政局 is in cluster 1, whose colour is the palette's second: Set3 #ffffb3.
  CHECK(cluster_colour(1).hex() == "#ffffb3");
}

TEST_CASE("two-mode GraphML of the small network matches the golden file") {
  const AgencyNetwork network = test::small_network();
  std::ostringstream out;
  write_two_mode_graphml(out, network);
  CHECK(out.str() == test::golden("small-two-mode.graphml", out.str()));
  // 3 tasks + 4 agencies; edges: task 1 has 3 units, task 2 has 3, task 3 has 2.
  std::size_t nodes = 0, edges = 0;
  for (std::size_t at = out.str().find("<node "); at != std::string::npos; at = out.str().find("<node ", at + 1)) ++nodes;
  for (std::size_t at = out.str().find("<edge "); at != std::string::npos; at = out.str().find("<edge ", at + 1)) ++edges;
  CHECK(nodes == 7);
  CHECK(edges == 8);
}

TEST_CASE("network JSON of the small network matches the golden file and links carry their tasks") {
  const Presented p;
  const nlohmann::ordered_json json = network_to_json(p.network, p.metrics, {&p.positions});
  const std::string text = dump_json(json);
  CHECK(text == test::golden("small.json", text));
  CHECK(json["schema"] == "agencygraph-network/1");
  CHECK(json["agencies"].size() == 4);
  CHECK(json["links"][0]["tasks"] == nlohmann::ordered_json::array({0, 1}));
  CHECK(json["links"][0]["weight"] == 2.0);
  CHECK(json["clusters"][1]["agencies"].size() == 2);
  CHECK(json["agencies"][3].contains("x") == false);  // not on the layout
  // The streaming writer gives the same bytes as the tree.
  std::ostringstream streamed;
  write_network_json(streamed, p.network, p.metrics, {&p.positions});
  CHECK(streamed.str() == text);
}

TEST_CASE("network JSON streamed equals the tree for an empty network and for hostile names") {
  for (const AgencyNetwork& network : {AgencyNetwork{}, test::hostile_network(), test::small_network()}) {
    std::ostringstream streamed;
    write_network_json(streamed, network, AgencyMetrics{});
    CHECK(streamed.str() == dump_json(network_to_json(network, AgencyMetrics{})));
  }
}

TEST_CASE("nodes.csv and edges.csv of the small network match the golden files") {
  const Presented p;
  std::ostringstream nodes, edges;
  write_nodes_csv(nodes, p.network, p.metrics, p.options());
  write_edges_csv(edges, p.network);
  CHECK(nodes.str() == test::golden("small.nodes.csv", nodes.str()));
  CHECK(edges.str() == test::golden("small.edges.csv", edges.str()));
  CHECK(nodes.str().rfind("\xEF\xBB\xBFId,Label,", 0) == 0);
  CHECK(edges.str().rfind("\xEF\xBB\xBFSource,Target,Type,Id,Weight,", 0) == 0);
  CHECK(edges.str().find(",Undirected,") != std::string::npos);  // the peer link
}

TEST_CASE("DOT of the small network matches the golden file") {
  const Presented p;
  std::ostringstream out;
  write_dot(out, p.network, p.metrics, p.options());
  CHECK(out.str() == test::golden("small.dot", out.str()));
}
