// Small hand-built networks for the writer tests: worked out on paper, independent of the parser,
// build_network and analyse.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "agencygraph/graph.hpp"
#include "agencygraph/metrics.hpp"

namespace agencygraph::test {

inline void add_agency(std::vector<Agency>& agencies, std::string name, AgencyKind kind, std::uint32_t lead,
                       std::uint32_t co, std::vector<std::uint32_t> tasks) {
  Agency& a = agencies.emplace_back();
  a.name = name;
  a.label = name;
  a.jurisdiction = "咸宁市";
  a.kind = kind;
  a.spellings = {name};
  a.lead_tasks = lead;
  a.co_tasks = co;
  a.tasks = std::move(tasks);
}

// Three tasks of one document:
//   #1 推进项目建设   lead 市发改委, co 市财政局, 咸安区人民政府
//   #2 稳定财政收入   lead 市发改委, co 市财政局, 各县市区政府
//   #3 改善营商环境   no lead, co 市财政局, 咸安区人民政府 (peers)
// Links: 发改委->财政局 (2 tasks), 发改委->咸安区 (1), 发改委->各县市区 (1), 财政局—咸安区 peer (1).
inline AgencyNetwork small_network() {
  AgencyNetwork network;
  DocumentInfo doc;
  doc.sources = {"examples/xianning-test.txt"};
  doc.title = "2023年咸宁市测试分解方案";
  doc.jurisdiction = "咸宁市";
  doc.year = 2023;
  network.documents.push_back(doc);
  network.tasks.push_back({0, "1", 0, 3, "推进项目建设", {0}, {1, 2}, std::nullopt});
  network.tasks.push_back({0, "2", 0, 5, "稳定财政收入", {0}, {1, 3}, std::nullopt});
  network.tasks.push_back({0, "3", 0, 7, "改善营商环境", {}, {1, 2}, std::nullopt});
  std::vector<Agency> agencies;
  add_agency(agencies, "市发改委", AgencyKind::Department, 2, 0, {0, 1});
  add_agency(agencies, "市财政局", AgencyKind::Department, 0, 3, {0, 1, 2});
  add_agency(agencies, "咸安区人民政府", AgencyKind::Government, 0, 2, {0, 2});
  add_agency(agencies, "各县市区政府", AgencyKind::Collective, 0, 1, {1});
  network.graph = make_agency_graph(std::move(agencies), {{0, 1}, {0, 2}, {0, 3}, {1, 2}},
                                    {Link{LinkKind::LeadToCo, 2, {0, 1}}, Link{LinkKind::LeadToCo, 1, {0}},
                                     Link{LinkKind::LeadToCo, 1, {1}}, Link{LinkKind::Peer, 1, {2}}});
  return network;
}

// Burden with the default weights (lead 1, co 0.5), degrees by hand; two clusters {发改委, 各县市区},
// {财政局, 咸安区}. Other measures left uncomputed, which writers must leave out rather than zero.
inline AgencyMetrics small_metrics() {
  AgencyMetrics m;
  m.burden = {2, 1.5, 1, 0.5};
  m.in_degree = {0, 2, 2, 1};
  m.out_degree = {3, 1, 1, 0};
  m.pagerank = {0.125, 0.3125, 0.3125, 0.25};
  m.community = {0, 1, 1, 0};
  m.articulation = {true, false, false, false};
  m.modularity = 0.0625;
  m.bridges = {{0, 3}};
  return m;
}

// Names that try to break out of every format the writers produce.
inline const std::vector<std::string>& hostile_names() {
  static const std::vector<std::string> names = {
      "<script>alert(1)</script>", "\"", "&", "\\\"; node [", "市局\x01\x0b\x1f控制", "尾部\\", "&amp;lt;",
      "]]><!-- -->", "a,b\r\nc", "\\N\\G\\l"};
  return names;
}

inline AgencyNetwork hostile_network() {
  AgencyNetwork network;
  DocumentInfo doc;
  doc.sources = {"hostile.txt"};
  doc.title = "<title>&\"标题\"</title>\x02";
  network.documents.push_back(doc);
  const auto& names = hostile_names();
  std::vector<std::uint32_t> all;
  for (std::uint32_t i = 0; i < names.size(); ++i) all.push_back(i);
  network.tasks.push_back({0, "1\"&<", 0, 1, "<b>任务</b> & \"文本\"\x07", {0}, {}, std::nullopt});
  std::vector<Agency> agencies;
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    add_agency(agencies, names[i], i % 3 == 0 ? AgencyKind::Collective : AgencyKind::Department, i == 0, i != 0, {0});
    if (i != 0) network.tasks[0].co.push_back(i);
  }
  std::vector<LinkEnds> ends;
  std::vector<Link> links;
  for (std::uint32_t i = 1; i < names.size(); ++i) {
    ends.push_back({0, i});
    links.push_back(Link{LinkKind::LeadToCo, 1, {0}});
  }
  network.graph = make_agency_graph(std::move(agencies), ends, std::move(links));
  return network;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Compares `actual` with the golden file; AGENCYGRAPH_UPDATE_GOLDEN=1 rewrites the file instead (review
// the diff before committing it).
inline std::string golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(AGENCYGRAPH_TEST_DATA) + "/golden/" + name;
  if (const char* update = std::getenv("AGENCYGRAPH_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
  }
  return read_file(path);
}

}  // namespace agencygraph::test
