// GEXF (static and dynamic), the two-mode exports, the agency × section matrix, the tasks table and
// compact provenance, and network_part (export's --top-agencies / --min-weight), on small documents
// worked out by hand. The GEXF read-back through NetworkX is tests/cli/gexf_readback.sh.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/io/gexf.hpp"
#include "agencygraph/io/graphml.hpp"
#include "agencygraph/io/map_style.hpp"
#include "agencygraph/io/network_json.hpp"
#include "agencygraph/io/provenance.hpp"
#include "agencygraph/io/two_mode.hpp"
#include "agencygraph/metrics.hpp"
#include "agencygraph/subnetwork.hpp"
#include "extract_test_support.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using agencygraph::test::parse_text;

namespace {

// 江城市 in 2017 and 2019 (test_compare.cpp works out their burden), one network.
//   2017: 发改委 lead {1, 4} = 2; 财政局 co {1, 2} = 1; 国土资源局 co 1, lead 2 = 1.5; 教育局 owner 3, co 4 = 1.5
//   2019: 发改委 lead 1, co 3 = 1.5; 财政局 co {1, 2} = 1; 自然资源 co 1, lead 2 = 1.5; 人社局 co 2, lead 3 = 1.5
AgencyNetwork two_years() {
  std::vector<Document> documents;
  documents.push_back(parse_text("2017年江城市《政府工作报告》重点任务责任分解方案\n"
                                 "一、稳增长\n"
                                 "1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市国土资源局)\n"
                                 "2.任务乙。(牵头单位:市国土资源局;责任单位:市财政局)\n"
                                 "二、惠民生\n"
                                 "3.任务丙。(责任单位:市教育局)\n"
                                 "4.任务丁。(牵头单位:市发改委;责任单位:市教育局)\n"));
  documents.push_back(parse_text("2019年江城市《政府工作报告》重点任务责任分解方案\n"
                                 "三、稳增长。\n"
                                 "1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市自然资源和规划局)\n"
                                 "2.任务乙。(牵头单位:市自然资源和规划局;责任单位:市财政局、市人社局)\n"
                                 "3.任务丙。(牵头单位:市人社局;责任单位:市发改委)\n"));
  return build_network(documents);
}

AgencyVertex vertex_named(const AgencyNetwork& network, const std::string& name) {
  for (AgencyVertex v = 0; v < boost::num_vertices(network.graph); ++v)
    if (network.graph[v].name == name) return v;
  FAIL("no agency " << name);
  return 0;
}

// The text of the <node> element of agency `name`.
std::string node_element(const std::string& gexf, const AgencyNetwork& network, const std::string& name) {
  const std::string id = io::agency_ids(network.graph)[vertex_named(network, name)];
  const std::size_t begin = gexf.find("<node id=\"" + id + "\"");
  REQUIRE(begin != std::string::npos);
  return gexf.substr(begin, gexf.find("</node>", begin) - begin);
}

// The id of the attribute titled `title` (attributes are numbered; their names are titles).
std::string attribute_id(const std::string& gexf, const std::string& title, const std::string& element_class = "node") {
  const std::size_t at = gexf.find("\" title=\"" + title + "\"", gexf.find("<attributes class=\"" + element_class + "\""));
  REQUIRE(at != std::string::npos);
  const std::size_t begin = gexf.rfind("id=\"", at) + 4;
  return gexf.substr(begin, at - begin);
}

std::string gexf_of(const AgencyNetwork& network, const AgencyMetrics& metrics, const io::GexfOptions& options) {
  std::ostringstream out;
  io::write_gexf(out, network, metrics, options);
  return out.str();
}

}  // namespace

TEST_CASE("GEXF of a corpus over several years is dynamic: spells and yearly values per agency and link") {
  const AgencyNetwork network = two_years();
  AgencyMetrics metrics;
  metrics.burden.assign(boost::num_vertices(network.graph), 0);
  const std::string gexf = gexf_of(network, metrics, {});
  CHECK(gexf.find("<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\"") !=
        std::string::npos);
  CHECK(gexf.find("version=\"1.2\">") != std::string::npos);
  CHECK(gexf.find("<graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"double\" start=\"2017\" end=\"2019\">") !=
        std::string::npos);
  CHECK(gexf.find("\" title=\"burden\" type=\"double\"/>") != std::string::npos);
  CHECK(gexf.find("\" title=\"lead_tasks\" type=\"integer\"/>") != std::string::npos);
  CHECK(attribute_id(gexf, "name") == "0");
  const std::string yearly_burden = attribute_id(gexf, "yearly_burden");
  CHECK(gexf.find("<attributes class=\"node\" mode=\"dynamic\">\n      <attribute id=\"" + yearly_burden +
                  "\" title=\"yearly_burden\" type=\"double\"/>") != std::string::npos);

  // 发改委: present in both years (two spells: 2018 has no document), burden 2 then 1.5.
  const std::string ndrc = node_element(gexf, network, "市发改委");
  CHECK(ndrc.find("<attvalue for=\"" + yearly_burden + "\" value=\"2\" start=\"2017\" end=\"2017\"/>") != std::string::npos);
  CHECK(ndrc.find("<attvalue for=\"" + yearly_burden + "\" value=\"1.5\" start=\"2019\" end=\"2019\"/>") !=
        std::string::npos);
  CHECK(ndrc.find("<spell start=\"2017\" end=\"2017\"/>\n        <spell start=\"2019\" end=\"2019\"/>") != std::string::npos);
  // 国土资源局 only in 2017; 人社局 only in 2019.
  const std::string land = node_element(gexf, network, "市国土资源局");
  CHECK(land.find("<spells>\n        <spell start=\"2017\" end=\"2017\"/>\n      </spells>") != std::string::npos);
  CHECK(land.find("value=\"1.5\" start=\"2017\"") != std::string::npos);
  CHECK(node_element(gexf, network, "市人社局").find("<spell start=\"2019\" end=\"2019\"/>") != std::string::npos);

  // The link 发改委 -> 财政局: task 1 of each year, weight 2 over both.
  const auto ids = io::agency_ids(network.graph);
  const std::string edge_id =
      io::link_id(ids[vertex_named(network, "市发改委")], ids[vertex_named(network, "市财政局")], LinkKind::LeadToCo);
  const std::size_t at = gexf.find("<edge id=\"" + edge_id + "\"");
  REQUIRE(at != std::string::npos);
  const std::string edge = gexf.substr(at, gexf.find("</edge>", at) - at);
  CHECK(edge.find("weight=\"2\"") != std::string::npos);
  const std::string yearly_weight = attribute_id(gexf, "yearly_weight", "edge");
  CHECK(edge.find("<attvalue for=\"" + yearly_weight + "\" value=\"1\" start=\"2017\" end=\"2017\"/>") != std::string::npos);
  CHECK(edge.find("<attvalue for=\"" + yearly_weight + "\" value=\"1\" start=\"2019\" end=\"2019\"/>") != std::string::npos);
  CHECK(edge.find("kind=") == std::string::npos);  // the edge attribute `kind` is 1.3's
  CHECK(edge.find("<attvalue for=\"" + attribute_id(gexf, "kind", "edge") + "\" value=\"lead_to_co\"/>") != std::string::npos);

  CHECK(gexf == gexf_of(network, metrics, {}));  // same input, same bytes
}

TEST_CASE("GEXF spells join consecutive years, a one-year corpus is static, and 1.3 on request") {
  std::vector<Document> documents;
  for (const int year : {2017, 2018, 2019, 2021})
    documents.push_back(parse_text(std::to_string(year) + "年江城市《政府工作报告》重点任务责任分解方案\n"
                                   "1.任务甲。(牵头单位:市发改委;责任单位:市财政局)\n"));
  const AgencyNetwork network = build_network(documents);
  const std::string gexf = gexf_of(network, {}, {});
  CHECK(node_element(gexf, network, "市发改委")
            .find("<spell start=\"2017\" end=\"2019\"/>\n        <spell start=\"2021\" end=\"2021\"/>") != std::string::npos);

  const AgencyNetwork one_year = build_network({documents.front()});
  const std::string flat = gexf_of(one_year, {}, {});
  CHECK(flat.find("mode=\"static\">") != std::string::npos);
  CHECK(flat.find("<spells>") == std::string::npos);
  CHECK(flat.find("yearly_") == std::string::npos);

  io::GexfOptions v13;
  v13.version = io::GexfVersion::V1_3;
  const std::string gexf13 = gexf_of(network, {}, v13);
  CHECK(gexf13.find("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"") != std::string::npos);
  CHECK(gexf13.find("version=\"1.3\">") != std::string::npos);
  CHECK(gexf13.find("kind=\"lead_to_co\">") != std::string::npos);
}

TEST_CASE("GEXF carries the map's colour, size and position as viz elements, and escapes every name") {
  const AgencyNetwork network = test::small_network();
  const AgencyMetrics metrics = test::small_metrics();
  const io::MapStyle style = io::style_map(network, metrics, {});
  const std::vector<std::optional<io::Point>> positions = {io::Point{1.5, -2.25}, std::nullopt, io::Point{0, 0},
                                                           io::Point{10, 20}};
  io::GexfOptions options;
  options.looks = &style.looks;
  options.positions = &positions;
  const std::string gexf = gexf_of(network, metrics, options);
  const std::string ndrc = node_element(gexf, network, "市发改委");
  const io::NodeLook& look = style.looks[0];
  CHECK(ndrc.find("<viz:color r=\"" + std::to_string(look.fill.r) + "\" g=\"" + std::to_string(look.fill.g) + "\" b=\"" +
                  std::to_string(look.fill.b) + "\"/>") != std::string::npos);
  CHECK(ndrc.find("<viz:size value=\"40\"/>") != std::string::npos);  // the most-burdened agency: 8 + 32
  CHECK(ndrc.find("<viz:position x=\"1.5\" y=\"-2.25\" z=\"0\"/>") != std::string::npos);
  CHECK(node_element(gexf, network, "市财政局").find("viz:position") == std::string::npos);  // not laid out
  CHECK(gexf.find("\" title=\"cluster\" type=\"integer\"/>") != std::string::npos);
  CHECK(gexf.find("\" title=\"articulation\" type=\"boolean\"/>") != std::string::npos);
  CHECK(gexf.find("Louvain modularity 0.0625</description>") != std::string::npos);

  const AgencyNetwork hostile = test::hostile_network();
  const std::string bad = gexf_of(hostile, {}, {});
  CHECK(bad.find("<script") == std::string::npos);
  CHECK(bad.find("label=\"&lt;script&gt;alert(1)&lt;/script&gt;\"") != std::string::npos);
  CHECK(bad.find("label=\"&quot;\"") != std::string::npos);
  std::size_t controls = 0;
  for (const char c : bad) controls += static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r';
  CHECK(controls == 0);
}

TEST_CASE("provenance: none leaves the task lists out, ids cites the tasks table's rows, full the numbers") {
  const AgencyNetwork network = two_years();
  auto graphml = [&](io::Provenance provenance) {
    std::ostringstream out;
    io::GraphmlOptions options;
    options.provenance = provenance;
    io::write_graphml(out, network, {}, options);
    return out.str();
  };
  const std::string full = graphml(io::Provenance::Full), ids = graphml(io::Provenance::Ids),
                    none = graphml(io::Provenance::None);
  // 发改委: tasks 1 and 4 of document 1, 1 and 3 of document 2: rows 0, 3, 4, 6 of the tasks table.
  CHECK(full.find("<data key=\"n_tasks\">1:1;1:4;2:1;2:3</data>") != std::string::npos);
  CHECK(ids.find("<data key=\"n_tasks\">0;3;4;6</data>") != std::string::npos);
  CHECK(none.find("n_tasks") == std::string::npos);
  CHECK(none.find("e_tasks") == std::string::npos);
  CHECK(none.size() < ids.size());

  std::ostringstream table;
  io::write_tasks_csv(table, network);
  std::istringstream lines(table.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  REQUIRE(rows.size() == 8);  // header and 7 tasks
  CHECK(rows[0] == "\xEF\xBB\xBFtask,document,title,jurisdiction,year,number,source,line,place,section,text\r");
  CHECK(rows[4] == "3,1,2017年江城市《政府工作报告》重点任务责任分解方案,江城市,2017,4,test.txt,7,,二、惠民生,任务丁。\r");
  CHECK(rows[7] == "6,2,2019年江城市《政府工作报告》重点任务责任分解方案,江城市,2019,3,test.txt,5,,三、稳增长。,任务丙。\r");

  std::ostringstream json;
  io::write_network_json(json, network, {}, {nullptr, io::Provenance::None});
  const auto parsed = nlohmann::json::parse(json.str());
  CHECK_FALSE(parsed.contains("tasks"));
  CHECK_FALSE(parsed["agencies"][0].contains("tasks"));
  std::ostringstream with_ids;
  io::write_network_json(with_ids, network, {}, {nullptr, io::Provenance::Ids});
  const auto tasks = nlohmann::json::parse(with_ids.str())["tasks"];
  CHECK(tasks.size() == 7);
  CHECK_FALSE(tasks[0].contains("text"));
  CHECK(tasks[3]["section"] == nlohmann::json::array({"二、惠民生"}));
}

TEST_CASE("the two-mode graph as JSON, CSV and GEXF, tasks tagged with their section") {
  const AgencyNetwork network = two_years();
  std::ostringstream json;
  io::write_two_mode_json(json, network);
  const auto doc = nlohmann::json::parse(json.str());
  CHECK(doc["schema"] == "agencygraph-two-mode/1");
  CHECK(doc["tasks"].size() == 7);
  CHECK(doc["tasks"][2]["id"] == "t2");
  CHECK(doc["tasks"][2]["number"] == "3");
  CHECK(doc["tasks"][2]["section"] == nlohmann::json::array({"二、惠民生"}));
  CHECK(doc["agencies"].size() == 6);
  // Edges: 3 (task 1) + 2 (task 2) + 1 (task 3) + 2 (task 4) + 3 + 3 + 2 (2019) = 16.
  REQUIRE(doc["edges"].size() == 16);
  CHECK(doc["edges"][5]["task"] == "t2");
  CHECK(doc["edges"][5]["role"] == "owner");

  std::ostringstream nodes, edges;
  io::write_two_mode_nodes_csv(nodes, network);
  io::write_two_mode_edges_csv(edges, network);
  CHECK(nodes.str().find("t3,#1:4,task,,江城市,1,2017,4,二、惠民生,test.txt,7,,任务丁。\r\n") != std::string::npos);
  std::size_t edge_rows = 0;
  for (const char c : edges.str()) edge_rows += c == '\n';
  CHECK(edge_rows == 17);  // the header and 16 edges

  std::ostringstream gexf;
  io::write_two_mode_gexf(gexf, network);
  CHECK(gexf.str().find("<graph defaultedgetype=\"undirected\" mode=\"static\">") != std::string::npos);
  CHECK(gexf.str().find("<attvalue for=\"section\" value=\"二、惠民生\"/>") != std::string::npos);
  CHECK(gexf.str().find("<edges count=\"16\">") != std::string::npos);
}

TEST_CASE("the agency × section matrix: sections by their bare heading, one policy area across documents") {
  CHECK(io::bare_heading("一、稳增长") == "稳增长");
  CHECK(io::bare_heading("三、稳增长。") == "稳增长");
  CHECK(io::bare_heading("（四）突出改革创新,千方百计推进科教人才兴市。") == "突出改革创新,千方百计推进科教人才兴市");
  CHECK(io::bare_heading("  第二部分 重点任务") == "重点任务");
  CHECK(io::bare_heading("一、") == "一、");  // nothing but a number: kept as printed

  const AgencyNetwork network = two_years();
  std::ostringstream out;
  io::write_section_matrix_csv(out, network);
  std::istringstream lines(out.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(line);
  // Sections: 稳增长 (2017's 一 and 2019's 三) and 惠民生. 发改委: tasks 1 (稳增长), 4 (惠民生) of 2017,
  // 1 and 3 (稳增长) of 2019.
  REQUIRE(rows.size() == 7);
  CHECK(rows[0] == "\xEF\xBB\xBFId,Label,name,jurisdiction,kind,tasks,稳增长,惠民生\r");
  bool found = false;
  for (const std::string& row : rows)
    if (row.find(",市发改委,市发改委,江城市,department,4,3,1\r") != std::string::npos) found = true;
  CHECK(found);
  for (const std::string& row : rows)
    if (row.find(",市教育局,") != std::string::npos) CHECK(row.ends_with(",2,0,2\r"));
}

TEST_CASE("network_part keeps the most-burdened agencies and the heavier links, with the whole network's measures") {
  const AgencyNetwork network = two_years();
  const std::size_t n = boost::num_vertices(network.graph);
  AgencyMetrics metrics;
  for (AgencyVertex v = 0; v < n; ++v) {
    const Agency& a = network.graph[v];
    metrics.burden.push_back(a.lead_tasks + a.owner_tasks + 0.5 * a.co_tasks);
    metrics.pagerank.push_back(static_cast<double>(v));  // any value: it must follow its agency
  }
  // Burden over both years: 发改委 3.5, 财政局 2, 国土资源局 1.5, 教育局 1.5, 自然资源 1.5, 人社局 1.5.
  const NetworkPart top = network_part(network, metrics, {2, 0});
  REQUIRE(boost::num_vertices(top.network.graph) == 2);
  CHECK(top.network.graph[0].name == "市发改委");
  CHECK(top.network.graph[1].name == "市财政局");
  CHECK(top.metrics.pagerank == std::vector<double>{static_cast<double>(vertex_named(network, "市发改委")),
                                                    static_cast<double>(vertex_named(network, "市财政局"))});
  CHECK(boost::num_edges(top.network.graph) == 1);  // 发改委 -> 财政局
  CHECK(top.agencies_left_out == 4);
  CHECK(top.network.tasks.size() == 7);  // every task stays, with its kept units only
  CHECK(top.network.tasks[2].owner == std::nullopt);  // 教育局 is not kept
  CHECK(top.metrics.betweenness.empty());  // not computed stays not computed
  // Its tasks table lists the tasks the two cite: 发改委 {0, 3, 4, 6} and 财政局 {0, 1, 4, 5}.
  std::ostringstream cited;
  io::write_tasks_csv(cited, top.network, /*cited_only=*/true);
  std::vector<std::string> ids;
  std::istringstream lines(cited.str());
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) ids.push_back(line.substr(0, line.find(',')));
  CHECK(ids == std::vector<std::string>{"0", "1", "3", "4", "5", "6"});

  const NetworkPart heavy = network_part(network, metrics, {0, 2});
  CHECK(boost::num_vertices(heavy.network.graph) == n);
  CHECK(boost::num_edges(heavy.network.graph) == 1);  // only 发改委 -> 财政局 has two tasks
  CHECK(heavy.links_left_out == boost::num_edges(network.graph) - 1);
}
