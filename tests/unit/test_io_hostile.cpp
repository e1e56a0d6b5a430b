// Hostile agency names through every writer: the output must parse in its own format and give the
// names back unchanged (less XML-illegal control characters), with no markup or statement injected.
#include <doctest/doctest.h>

#include <graphviz/cgraph.h>

#include <sstream>

#include "agencygraph/io/csv.hpp"
#include "agencygraph/io/dot.hpp"
#include "io/escape.hpp"
#include "io/formula_guard.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/network_csv.hpp"
#include "agencygraph/io/network_json.hpp"
#include "agencygraph/io/svg_map.hpp"
#include "io/csv_append.hpp"
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
    // Names come back as they were, less raw control bytes (shown as \\xNN, csv_cell_text).
    CHECK(node_rows[i + 1][1] == csv_cell_text(test::hostile_names()[i]));
  }
  CHECK(node_rows[5][1] == "市局\\x01\\x0b\\x1f控制");
}

TEST_CASE("CSV cells: formulas neutralised as OWASP advises, numbers kept, no raw control byte") {
  // By hand: a cell starting with = + - @ TAB CR gets one apostrophe before it; numbers stay numbers.
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\t=1") == "'\t=1");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("'=1") == "''=1");
  CHECK(csv_field("-3") == "-3");
  CHECK(csv_field("+0.25") == "+0.25");
  CHECK(csv_field("-1e-06") == "-1e-06");
  CHECK(csv_field("市财政局") == "市财政局");
  CHECK(csv_field("a\x1b[31mb") == "a\\x1b[31mb");
  CHECK(csv_field("\x1b=1") == "\\x1b=1");  // starts with a backslash once visible: no formula
  // The buffered writer of the exports gives the same bytes.
  for (const char* value : {"=1", "-2+3", "-3", "a\x7f", "a,b", "@x,\"y\""}) {
    std::string appended;
    detail::append_csv_field(appended, value);
    CHECK(appended == csv_field(value));
  }
  // An export of agencies named so, read back: every such cell starts with the apostrophe.
  AgencyNetwork network = test::hostile_network();
  network.graph[0].label = "=1+1";
  network.graph[1].label = "@SUM(1)";
  std::ostringstream nodes;
  write_nodes_csv(nodes, network, AgencyMetrics{});
  const auto rows = parse_csv(nodes.str());
  CHECK(rows[1][1] == "'=1+1");
  CHECK(rows[2][1] == "'@SUM(1)");
  for (char c : nodes.str()) {
    const auto b = static_cast<unsigned char>(c);
    CHECK_MESSAGE((b >= 0x20 || c == '\r' || c == '\n' || c == '\t'), "raw control byte in the CSV");
    if (b < 0x20 && c != '\r' && c != '\n' && c != '\t') break;
  }
}
