// The map rendered in-process by Graphviz: what a reader of the SVG relies on.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "agencygraph/io/svg_map.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

TEST_CASE("the SVG map scales to its viewer, names the documents and draws every agency as text") {
  const AgencyNetwork network = test::small_network();
  const AgencyMetrics metrics = test::small_metrics();
  const MapOptions options;
  const MapStyle style = style_map(network, metrics, options);
  const std::string svg = render_map(style, options, "svg");
  CHECK(svg.find("<svg width=\"100%\" height=\"100%\"") != std::string::npos);
  CHECK(svg.find("viewBox=\"") != std::string::npos);
  CHECK(svg.find("<title>机构协同网络：2023年咸宁市测试分解方案</title>") != std::string::npos);
  for (const char* name : {"市发改委", "市财政局", "咸安区人民政府", "各县市区政府"})
    CHECK_MESSAGE(svg.find(std::string(">") + name + "</text>") != std::string::npos, name);
  CHECK(svg.find("font-family=\"Noto Sans CJK SC") != std::string::npos);
  // Stable ids on nodes and links, tooltips with the counts and tasks.
  for (const NodeStyle& node : style.nodes) CHECK(svg.find("id=\"" + node.id + "\"") != std::string::npos);
  for (const EdgeStyle& edge : style.edges) CHECK(svg.find("id=\"" + edge.id + "\"") != std::string::npos);
  CHECK(svg.find("xlink:title=\"市发改委&#10;咸宁市&#10;部门 department&#10;burden 2 · lead 2 · co 0 · alone 0") !=
        std::string::npos);
  CHECK(svg.find("#2 稳定财政收入") != std::string::npos);
  // The legend: the shape key and both clusters.
  CHECK(svg.find("人民政府 people&#39;s government") != std::string::npos);
  CHECK(svg.find("cluster 1 (2): 市发改委") != std::string::npos);
  CHECK(svg.find("cluster 2 (2): 市财政局") != std::string::npos);
}

TEST_CASE("the map is deterministic: same input, same bytes, for every layout") {
  const AgencyNetwork network = test::small_network();
  const AgencyMetrics metrics = test::small_metrics();
  for (const char* layout : {"sfdp", "neato", "fdp", "dot", "circo"}) {
    MapOptions options;
    options.layout = layout;
    const MapStyle style = style_map(network, metrics, options);
    CHECK_MESSAGE(render_map(style, options, "svg") == render_map(style, options, "svg"), layout);
  }
}

TEST_CASE("top-N keeps the most-burdened agencies and the heaviest links") {
  const AgencyNetwork network = test::small_network();
  const AgencyMetrics metrics = test::small_metrics();
  MapOptions options;
  options.top_agencies = 2;
  MapStyle style = style_map(network, metrics, options);
  REQUIRE(style.nodes.size() == 2);
  CHECK(network.graph[style.nodes[0].vertex].name == "市发改委");
  CHECK(network.graph[style.nodes[1].vertex].name == "市财政局");
  CHECK(style.edges.size() == 1);
  options = {};
  options.top_links = 1;
  style = style_map(network, metrics, options);
  REQUIRE(style.edges.size() == 1);
  CHECK(network.graph[style.edges[0].edge].weight == 2);
  CHECK(style.nodes.size() == 2);  // its two ends
  options = {};
  options.max_labels = 1;  // only 市发改委 keeps a label; the others are dots
  style = style_map(network, metrics, options);
  CHECK(style.nodes[0].label == "市发改委");
  CHECK(style.nodes[1].label.empty());
  CHECK(style.nodes[1].shape == "circle");
}

TEST_CASE("node looks: the map's colours and sizes for every agency, with or without the full style") {
  const AgencyNetwork network = test::small_network();
  const AgencyMetrics metrics = test::small_metrics();
  const std::size_t n = boost::num_vertices(network.graph);
  auto same_looks = [](const std::vector<NodeLook>& a, const std::vector<NodeLook>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t v = 0; v < a.size(); ++v) {
      CAPTURE(v);
      CHECK(a[v].fill.hex() == b[v].fill.hex());
      CHECK(a[v].size == b[v].size);
    }
  };
  MapOptions all, top_agencies, top_links, exported;
  top_agencies.top_agencies = 2;
  top_links.top_links = 1;
  exported.tooltips = exported.links = false;  // what `export` asks for
  for (const MapOptions& options : {all, top_agencies, top_links, exported}) {
    const MapStyle style = style_map(network, metrics, options);
    const std::vector<NodeLook> looks = node_looks(network, metrics, options);
    REQUIRE(looks.size() == n);
    same_looks(looks, style.looks);
    // Agencies on the map look as they are drawn; the others keep their cluster colour at size 8.
    std::vector<bool> drawn(n, false);
    for (const NodeStyle& node : style.nodes) {
      drawn[node.vertex] = true;
      CHECK(looks[node.vertex].fill.hex() == node.fill.hex());
      CHECK(looks[node.vertex].size == node.size);
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (drawn[v]) continue;
      CHECK(looks[v].size == 8);
      CHECK(looks[v].fill.hex() == cluster_colour(metrics.community[v]).hex());
    }
  }
  // Sizes by burden: the most-burdened agency is 40 points, and none is below 8.
  const std::vector<NodeLook> looks = node_looks(network, metrics, all);
  double largest = 0;
  for (const NodeLook& look : looks) {
    CHECK(look.size >= 8);
    largest = std::max(largest, look.size);
  }
  CHECK(largest == 40);
}

TEST_CASE("kinds are drawn apart: governments double-bordered, collectives dashed") {
  const MapStyle style = style_map(test::small_network(), test::small_metrics(), MapOptions{});
  CHECK(style.nodes[0].peripheries == 1);
  CHECK(style.nodes[2].peripheries == 2);
  CHECK(style.nodes[3].style.find("dashed") != std::string::npos);
  CHECK(style.nodes[0].style.find("dashed") == std::string::npos);
  CHECK(style.edges[0].directed);
  CHECK_FALSE(style.edges[3].directed);  // the peer link
  CHECK(style.edges[0].penwidth > style.edges[1].penwidth);  // weight 2 over weight 1
}

TEST_CASE("layout positions exist for every agency on the map, and the other formats render") {
  const AgencyNetwork network = test::small_network();
  const AgencyMetrics metrics = test::small_metrics();
  MapOptions options;
  const MapStyle style = style_map(network, metrics, options);
  const auto positions = layout_positions(style, options, 4);
  for (const auto& p : positions) CHECK(p.has_value());
  CHECK(positions == layout_positions(style, options, 4));
  CHECK(render_map(style, options, "png").rfind("\x89PNG", 0) == 0);
  CHECK(render_map(style, options, "pdf").rfind("%PDF", 0) == 0);
  const std::string dot = render_map(style, options, "dot");
  CHECK(dot.find("pos=") != std::string::npos);
  MapOptions twopi;
  twopi.layout = "twopi";  // not offered
  CHECK_THROWS(render_map(style, twopi, "svg"));
  CHECK_THROWS(render_map(style, options, "gif"));
}

TEST_CASE("map_title names a corpus by its first eight documents and a count") {
  agencygraph::AgencyNetwork network;
  auto add = [&](std::string title) {
    agencygraph::DocumentInfo doc;
    doc.title = std::move(title);
    network.documents.push_back(doc);
  };
  add("甲方案");
  add("乙方案");
  CHECK(agencygraph::io::map_title(network) == "机构协同网络：甲方案；乙方案");
  add("甲方案");  // a second page of the first document
  CHECK(agencygraph::io::map_title(network) == "机构协同网络：甲方案；乙方案");
  for (const char* t : {"丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"}) add(t);
  // Ten distinct documents: the first eight are named, then the count.
  CHECK(agencygraph::io::map_title(network) == "机构协同网络：甲方案；乙方案；丙；丁；戊；己；庚；辛等10份文件");
}
