// The HTML report: its data against hand-worked answers for the small network, the summary it keeps
// of streamed documents, escaping of hostile names and task texts, the Content-Security-Policy's
// hashes against the inline script and style, and same input, same bytes. What the page shows in a
// browser is tested by tests/cli/report_browser.sh.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstring>
#include <sstream>

#include "agencygraph/extract.hpp"
#include "agencygraph/io/report.hpp"
#include "io/report_json.hpp"
#include "io/sha256.hpp"
#include "test_io_support.hpp"

using namespace agencygraph;
using namespace agencygraph::io;
using json = nlohmann::json;

namespace {

std::string report(const AgencyNetwork& network, const AgencyMetrics& metrics, const ReportInputs& inputs = {}) {
  std::ostringstream out;
  write_report(out, network, metrics, inputs);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The text between `open` (whose end is the next '>') and `close`, for the one element that starts so.
std::string element_text(const std::string& page, const std::string& open, const std::string& close) {
  const std::size_t start = page.find(open);
  REQUIRE(start != std::string::npos);
  REQUIRE(page.find(open, start + 1) == std::string::npos);
  const std::size_t begin = page.find('>', start) + 1;
  return page.substr(begin, page.find(close, begin) - begin);
}

json data_of(const std::string& page) {
  return json::parse(element_text(page, "<script type=\"application/json\" id=\"report-data\"", "</script>"));
}

// The tasks, from every block in order.
json tasks_of(const std::string& page) {
  const std::string open = "<script type=\"application/json\" class=\"report-tasks\">";
  json tasks = json::array();
  for (std::size_t at = page.find(open); at != std::string::npos; at = page.find(open, at + 1)) {
    const std::size_t begin = at + open.size();
    for (json& task : json::parse(page.substr(begin, page.find("</script>", begin) - begin))) tasks.push_back(task);
  }
  return tasks;
}

json agencies_of(const std::string& page) {
  return json::parse(element_text(page, "<script type=\"application/json\" id=\"report-agencies\"", "</script>"));
}

json measures_of(const std::string& page) {
  return json::parse(element_text(page, "<script type=\"application/json\" id=\"report-measures\"", "</script>"))["measures"];
}

json extra_of(const std::string& page) {
  return json::parse(element_text(page, "<script type=\"application/json\" id=\"report-extra\"", "</script>"));
}

}  // namespace

TEST_CASE("report data: the small network, worked out by hand") {
  const std::string page = report(test::small_network(), test::small_metrics());
  const json data = data_of(page);
  CHECK(data["summary"]["agencies"] == 4);
  CHECK(data["summary"]["links"] == 4);
  CHECK(data["summary"]["tasks"] == 3);
  CHECK(data["summary"]["noLead"] == "peers");
  // Tasks: [document, number, source, line, section, text, leads, co, owner, peers]. Only task 3 has no
  // lead, and its units are linked as peers.
  const json tasks = tasks_of(page);
  CHECK(tasks.size() == 3);
  CHECK(tasks[0] == json::parse(R"([0,"1",0,3,0,"推进项目建设",[0],[1,2],-1,0])"));
  CHECK(tasks[2] == json::parse(R"([0,"3",0,7,0,"改善营商环境",[],[1,2],-1,1])"));
  CHECK(extra_of(page)["sections"] == json::parse(R"([""])"));
  // Agencies: [label, jurisdiction, kind, lead, co, owner, cluster, articulation, spellings].
  const json agencies = agencies_of(page);
  CHECK(agencies["jurisdictions"] == json::parse(R"(["咸宁市"])"));
  CHECK(agencies["agencies"][0] == json::parse(R"(["市发改委",0,0,2,0,0,1,1,[]])"));
  CHECK(agencies["agencies"][2] == json::parse(R"(["咸安区人民政府",0,1,0,2,0,2,0,[]])"));
  CHECK(agencies["agencies"][3][2] == 9);  // collective, the tenth kind
  CHECK(data["kinds"][9] == "collective");
  // Burden in the core; the measures computed, by agency, in their own block, in the writers' order.
  CHECK(data["measures"] == json::parse(R"({"burden":[2,1.5,1,0.5]})"));
  const json measures = measures_of(page);
  CHECK(measures["burden"] == json::parse("[2,1.5,1,0.5]"));
  CHECK(measures["pagerank"] == json::parse("[0.125,0.3125,0.3125,0.25]"));
  CHECK(!measures.contains("betweenness"));
  CHECK(measures.size() == 4);  // burden, in_degree, out_degree, pagerank
  // Clusters 1 = {发改委, 各县市区}, 2 = {财政局, 咸安区}. Crossing links: 发改委→财政局 (weight 2) and
  // 发改委→咸安区 (1). Bridging: [agency, other clusters, weight of its links to them].
  CHECK(data["clusters"] == json::parse(R"([[2,[[0,1,3]],1],[2,[[1,1,2],[2,1,1]],2]])"));
  // All four agencies and links are on the map, with the ids the SVG gives them.
  CHECK(data["map"]["nodes"].size() == 4);
  CHECK(data["map"]["links"].size() == 4);
  for (const json& node : data["map"]["nodes"])
    CHECK(page.find("id=\"" + node[1].get<std::string>() + "\"") != std::string::npos);
  for (const json& link : data["map"]["links"])
    CHECK(page.find("id=\"" + link[3].get<std::string>() + "\"") != std::string::npos);
  CHECK(data["map"]["links"][3][2] == 2);  // 财政局—咸安区: peers
}

TEST_CASE("report: the Content-Security-Policy allows exactly its inline script and style") {
  const std::string page = report(test::small_network(), test::small_metrics());
  const std::string policy = element_text(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">");
  const std::string script = element_text(page, "<script>", "</script>");
  const std::string style = element_text(page, "<style>", "</style>");
  CHECK(script.size() > 1000);
  CHECK(style.size() > 500);
  const std::string expected = "default-src 'none'; script-src '" + detail::csp_hash(script) + "'; style-src '" +
                               detail::csp_hash(style) + "'; img-src data:; base-uri 'none'; form-action 'none'";
  CHECK(page.find("content=\"" + expected + "\"") != std::string::npos);
  // Nothing in the page points outside it: no URL but the SVG namespaces.
  std::string rest = page;
  for (const char* allowed : {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"})
    for (std::size_t at = rest.find(allowed); at != std::string::npos; at = rest.find(allowed)) rest.erase(at, std::strlen(allowed));
  CHECK(rest.find("http:") == std::string::npos);
  CHECK(rest.find("https:") == std::string::npos);
  CHECK(rest.find("src=") == std::string::npos);
  CHECK(rest.find("href=\"data:,\"") != std::string::npos);  // the empty icon, so no favicon is asked for
  CHECK(count(rest, "href=") == 1);
}

TEST_CASE("report: hostile names and task texts stay inert and come back unchanged") {
  AgencyNetwork network = test::hostile_network();
  network.tasks[0].text = "</script><script>alert(1)</script><!--<img src=x onerror=alert(2)>\u2028\u2029 -->";
  const std::string page = report(network, AgencyMetrics{});
  // The page's own elements only: one script, the data, agencies, measures, task and extra blocks, one style; nothing a
  // name could open.
  CHECK(count(page, "<script") == 6);
  CHECK(count(page, "</script") == 6);
  CHECK(count(page, "<style") == 1);
  CHECK(page.find("<!--") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("\u2028") == std::string::npos);
  CHECK(page.find("\u2029") == std::string::npos);
  const json data = data_of(page);
  CHECK(tasks_of(page)[0][5] == network.tasks[0].text);
  const auto& names = test::hostile_names();
  const json agencies = agencies_of(page)["agencies"];
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(agencies[i][0] == names[i]);
  CHECK(data["documents"][0][0] == *network.documents[0].title);
}

TEST_CASE("report JSON strings: what HTML reads differently is escaped, the rest is plain JSON") {
  std::string out;
  detail::append_html_json_string(out, "a</script>\u2028<!--\"\\\n中");
  CHECK(out == "\"a\\u003c/script\\u003e\\u2028\\u003c!--\\\"\\\\\\n中\"");
  CHECK(json::parse(out) == "a</script>\u2028<!--\"\\\n中");
  out.clear();
  detail::append_html_json_string(out, std::string("bad \xff byte", 10));
  CHECK(json::parse(out) == "bad \xEF\xBF\xBD byte");
  out.clear();
  for (double v : {0.0, -0.0, 1.0, 0.5, 1.0 / 3.0, 1234567.0, 1e-7}) {
    detail::append_html_json_number(out, v);
    out += ' ';
  }
  CHECK(out == "0 0 1 0.5 0.333333 1.23457e+06 1e-07 ");
}

TEST_CASE("report: same input, same bytes") {
  const AgencyNetwork network = test::small_network();
  CHECK(report(network, test::small_metrics()) == report(network, test::small_metrics()));
}

TEST_CASE("ReportInputs: what extraction found and skipped, and each task's section, per document") {
  const std::string text =
      "2023年咸宁市《政府工作报告》确定的主要目标任务责任分解方案\n"
      "一、稳增长\n"
      "1.推进项目建设。(牵头单位:市发改委)\n"
      "2.这一段没有责任单位。\n"
      "二、优环境\n"
      "3.改善营商环境。(牵头单位:市商务局)\n";
  ReportInputs inputs;
  inputs.add(extract_document(Source{"a.txt", "UTF-8", text}, {}));
  inputs.add(extract_document(Source{"b.txt", "UTF-8", "第二份\n1.任务。(牵头单位:县教育局)\n"}, {}));
  inputs.add_errors({{"missing.txt", "cannot open"}});
  REQUIRE(inputs.documents().size() == 2);
  const ReportInputs::DocumentSummary& a = inputs.documents()[0];
  CHECK(a.path == "a.txt");
  CHECK(a.format == "text");
  CHECK(a.jurisdiction == "咸宁市");
  CHECK(a.year == 2023);
  CHECK(a.tasks == 2);
  REQUIRE(a.skipped.size() == 1);
  CHECK(a.skipped[0].place == "line 4");
  CHECK(inputs.reasons()[a.skipped[0].reason].find("annotation") != std::string::npos);
  CHECK(inputs.section("a.txt", 3) == "一、稳增长");
  CHECK(inputs.section("a.txt", 6) == "二、优环境");
  CHECK(inputs.section("a.txt", 4).empty());  // skipped, not a task
  CHECK(inputs.section("b.txt", 2).empty());  // no heading
  CHECK(inputs.documents()[1].tasks == 1);
  REQUIRE(inputs.errors().size() == 1);
  CHECK(inputs.errors()[0].path == "missing.txt");

  // The report carries it: the document rows, and the task's section through its source and line.
  NetworkBuilder builder;
  builder.add(extract_document(Source{"a.txt", "UTF-8", text}, {}));
  const AgencyNetwork network = builder.finish();
  const std::string page = report(network, analyse(network), inputs);
  const json extra = extra_of(page);
  const json tasks = tasks_of(page);
  const json& rows = extra["extraction"]["documents"];
  CHECK(rows[0][0] == "a.txt");
  CHECK(rows[0][6] == 2);
  CHECK(rows[0][7][0][0] == "line 4");
  CHECK(extra["extraction"]["errors"] == json::parse(R"([["missing.txt","cannot open"]])"));
  CHECK(extra["sections"][tasks[0][4].get<int>()] == "一、稳增长");
  CHECK(extra["sections"][tasks[1][4].get<int>()] == "二、优环境");
}

TEST_CASE("report: tasks are written in blocks, in task order") {
  AgencyNetwork network;
  network.documents.push_back({{"many.txt"}, "2023年咸宁市测试", "咸宁市", 2023});
  constexpr std::uint32_t kTasks = 20000;  // one full block of 16384 and a part block
  std::vector<std::uint32_t> all;
  for (std::uint32_t t = 0; t < kTasks; ++t) {
    network.tasks.push_back({0, std::to_string(t + 1), 0, t + 2, "任务" + std::to_string(t), {0}, {1}, std::nullopt});
    all.push_back(t);
  }
  std::vector<Agency> agencies;
  test::add_agency(agencies, "市发改委", AgencyKind::Department, kTasks, 0, all);
  test::add_agency(agencies, "市财政局", AgencyKind::Department, 0, kTasks, all);
  network.graph = make_agency_graph(std::move(agencies), {{0, 1}},
                                    {Link{LinkKind::LeadToCo, double{kTasks}, TaskList(all.begin(), all.end())}});
  const std::string page = report(network, AgencyMetrics{});
  CHECK(count(page, "class=\"report-tasks\"") == 2);
  const json tasks = tasks_of(page);
  REQUIRE(tasks.size() == kTasks);
  for (std::uint32_t t = 0; t < kTasks; t += 997) CHECK(tasks[t][1] == std::to_string(t + 1));
  CHECK(tasks[kTasks - 1][5] == "任务" + std::to_string(kTasks - 1));
}
