// Hostile agency names through every writer: the output must parse in its own format and give the
// names back unchanged (less XML-illegal control characters), with no markup or statement injected.
#include <doctest/doctest.h>

#include <graphviz/cgraph.h>

#include <sstream>

#include "agencygraph/io/csv.hpp"
#include "agencygraph/io/dot.hpp"
#include "io/escape.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "agencygraph/io/network_json.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

namespace {

// XML well-formedness where a hostile name could break it: every '&' starts a known reference, no
// control character outside tab/LF/CR, no element or comment a name could have opened.
void check_inert_xml(const std::string& xml) {
  std::string problem;
  for (std::size_t i = 0; i < xml.size() && problem.empty(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') problem = "control byte at " + std::to_string(i);
    if (c != '&') continue;
    const std::string rest = xml.substr(i, 8);
    const bool known = rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 || rest.rfind("&gt;", 0) == 0 ||
                       rest.rfind("&quot;", 0) == 0 || rest.rfind("&apos;", 0) == 0 || rest.rfind("&#", 0) == 0;
    if (!known) problem = "bare & at " + std::to_string(i) + ": " + rest;
  }
  CHECK_MESSAGE(problem.empty(), problem);
  CHECK(xml.find("<script") == std::string::npos);
  CHECK(xml.find("<title>&") == std::string::npos);
  CHECK(xml.find("]]>") == std::string::npos);
  CHECK(xml.find("<!-- -->") == std::string::npos);
}

// Minimal RFC 4180 reader for the check: fields of all rows.
std::vector<std::vector<std::string>> parse_csv(std::string text) {
  if (text.rfind(std::string(kUtf8Bom), 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { rows.back().back() += '"'; ++i; }
      else if (c == '"') quoted = false;
      else rows.back().back() += c;
    } else if (c == '"') quoted = true;
    else if (c == ',') rows.back().emplace_back();
    else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') { ++i; rows.emplace_back(1); }
    else rows.back().back() += c;
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

}  // namespace

TEST_CASE("hostile names: GraphML stays well-formed and keeps the names") {
  const AgencyNetwork network = test::hostile_network();
  const AgencyMetrics metrics;
  std::ostringstream out, two_mode;
  write_graphml(out, network, metrics);
  write_two_mode_graphml(two_mode, network);
  check_inert_xml(out.str());
  check_inert_xml(two_mode.str());
  for (const std::string& name : test::hostile_names())
    CHECK_MESSAGE(out.str().find("<data key=\"n_label\">" + xml_escape(name) + "</data>") != std::string::npos, name);
  CHECK(out.str().find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(out.str().find("市局控制") != std::string::npos);  // control characters removed, text kept
}

TEST_CASE("hostile names: the SVG map escapes every label and tooltip") {
  const AgencyNetwork network = test::hostile_network();
  const AgencyMetrics metrics;
  MapOptions options;
  options.max_labels = 0;
  const std::string svg = render_map(style_map(network, metrics, options), options, "svg");
  check_inert_xml(svg);
  CHECK(svg.find(">&lt;script&gt;alert(1)&lt;/script&gt;</text>") != std::string::npos);
  CHECK(svg.find(">尾部\\</text>") != std::string::npos);        // backslash literal, not an escape
  CHECK(svg.find(">\\N\\G\\l</text>") != std::string::npos);     // not expanded to node or graph names
  CHECK(svg.find(">&amp;amp;lt;</text>") != std::string::npos);  // shown as "&amp;lt;", not decoded
}

TEST_CASE("hostile names: DOT parses in Graphviz with one node per agency and the labels intact") {
  const AgencyNetwork network = test::hostile_network();
  const AgencyMetrics metrics;
  std::ostringstream out;
  write_dot(out, network, metrics);
  Agraph_t* graph = agmemread(out.str().c_str());
  REQUIRE(graph != nullptr);
  CHECK(agnnodes(graph) == static_cast<int>(test::hostile_names().size()));
  CHECK(agnedges(graph) == static_cast<int>(test::hostile_names().size() - 1));
  std::vector<std::string> labels;
  for (Agnode_t* n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n))
    labels.emplace_back(agget(n, const_cast<char*>("label")));
  for (const std::string& name : test::hostile_names()) {
    const std::string expected = graphviz_string(name, true);  // the escString the label must hold
    CHECK_MESSAGE(std::find(labels.begin(), labels.end(), expected) != labels.end(), name);
  }
  agclose(graph);
}

TEST_CASE("hostile names: JSON round-trips every name exactly") {
  const AgencyNetwork network = test::hostile_network();
  const std::string text = dump_json(network_to_json(network, AgencyMetrics{}));
  const auto parsed = nlohmann::json::parse(text);
  REQUIRE(parsed["agencies"].size() == test::hostile_names().size());
  for (std::size_t i = 0; i < test::hostile_names().size(); ++i)
    CHECK(parsed["agencies"][i]["name"] == test::hostile_names()[i]);
}

TEST_CASE("hostile names: CSV fields read back exactly, one row per agency and per link") {
  const AgencyNetwork network = test::hostile_network();
  std::ostringstream nodes, edges;
  write_nodes_csv(nodes, network, AgencyMetrics{});
  write_edges_csv(edges, network);
  const auto node_rows = parse_csv(nodes.str());
  const auto edge_rows = parse_csv(edges.str());
  REQUIRE(node_rows.size() == test::hostile_names().size() + 1);
  CHECK(edge_rows.size() == test::hostile_names().size());
  for (std::size_t i = 0; i < test::hostile_names().size(); ++i) {
    CHECK(node_rows[i + 1].size() == node_rows[0].size());
    CHECK(node_rows[i + 1][1] == test::hostile_names()[i]);
  }
}
