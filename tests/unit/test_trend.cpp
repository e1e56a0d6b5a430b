// Splitting a corpus by year and by place, and make_trend over the parts, against small documents
// worked out by hand.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "agencygraph/corpus_split.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/io/trend_chart.hpp"
#include "agencygraph/trend.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using agencygraph::test::parse_text;

namespace {

// The 2017 and 2019 documents of test_compare.cpp (burden worked out there), a 2018 one, a 2019 one of
// another place, and one without a year.
//   2017 江城市: 发改委 2, 国土资源局 1.5, 教育局 1.5, 财政局 1; 4 agencies, 4 links
//   2018 江城市: 1 lead 发改委, co 国土资源局; 2 国土资源局 alone: 发改委 1, 国土资源局 0.5 + 1 = 1.5
//   2019 江城市: 发改委, 自然资源和规划局, 人社局 1.5 each, 财政局 1; 4 agencies, 5 links
//   2019 山城县: 1 lead 县发改局, co 县财政局: 发改局 1, 财政局 0.5
std::vector<Document> corpus() {
  std::vector<Document> documents;
  documents.push_back(parse_text("2017年江城市《政府工作报告》重点任务责任分解方案\n"
                                 "1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市国土资源局)\n"
                                 "2.任务乙。(牵头单位:市国土资源局;责任单位:市财政局)\n"
                                 "3.任务丙。(责任单位:市教育局)\n"
                                 "4.任务丁。(牵头单位:市发改委;责任单位:市教育局)\n"));
  documents.push_back(parse_text("2019年江城市《政府工作报告》重点任务责任分解方案\n"
                                 "1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市自然资源和规划局)\n"
                                 "2.任务乙。(牵头单位:市自然资源和规划局;责任单位:市财政局、市人社局)\n"
                                 "3.任务丙。(牵头单位:市人社局;责任单位:市发改委)\n"));
  documents.push_back(parse_text("2018年江城市《政府工作报告》重点任务责任分解方案\n"
                                 "1.任务甲。(牵头单位:市发改委;责任单位:市国土资源局)\n"
                                 "2.任务乙。(责任单位:市国土资源局)\n"));
  documents.push_back(parse_text("2019年山城县《政府工作报告》重点任务责任分解方案\n"
                                 "1.任务甲。(牵头单位:县发改局;责任单位:县财政局)\n"));
  documents.push_back(parse_text("1.任务甲。(牵头单位:市发改委;责任单位:市财政局)\n"));
  return documents;
}

std::vector<std::string> top_names(const TrendPoint& point) {
  std::vector<std::string> names;
  for (const RankedAgency& agency : point.top) names.push_back(agency.name);
  return names;
}

}  // namespace

TEST_CASE("split_documents and SplitNetworkBuilder put each document in its year or place") {
  const SplitDocuments by_year = split_documents(corpus(), SplitBy::Year);
  REQUIRE(by_year.groups.size() == 3);
  CHECK(by_year.groups[0].key == "2017");
  CHECK(by_year.groups[1].key == "2018");
  CHECK(by_year.groups[2].key == "2019");
  CHECK(by_year.groups[2].documents.size() == 2);
  CHECK(by_year.unplaced.size() == 1);
  const SplitDocuments by_place = split_documents(corpus(), SplitBy::Jurisdiction);
  REQUIRE(by_place.groups.size() == 2);
  CHECK(by_place.groups[0].key == "山城县");  // code point order: 山 U+5C71 before 江 U+6C5F
  CHECK(by_place.groups[1].key == "江城市");
  CHECK(by_place.groups[1].documents.size() == 3);

  SplitNetworkBuilder builder(SplitBy::Year);
  for (const Document& document : corpus()) builder.add(document);
  CHECK(builder.unplaced() == std::vector<std::string>{"test.txt"});
  const auto networks = builder.finish();
  REQUIRE(networks.size() == 3);
  CHECK(networks[2].first == "2019");
  CHECK(networks[2].second.documents.size() == 2);
  CHECK(boost::num_vertices(networks[2].second.graph) == 6);  // 江城市's 4 and 山城县's 2
}

TEST_CASE("a trend by year: figures, the most-burdened agencies, their series across successions") {
  std::vector<Document> documents = corpus();
  documents.erase(documents.begin() + 3);  // 江城市 only
  SplitNetworkBuilder builder(SplitBy::Year);
  for (const Document& document : documents) builder.add(document);
  const auto networks = builder.finish();
  std::vector<TrendInput> inputs;
  for (const auto& [key, network] : networks) inputs.push_back({key, &network, nullptr});
  SuccessionTable successions;
  successions.add({"市国土资源局", "市自然资源和规划局", 2019, "", ""});
  TrendOptions options;
  options.top = 2;
  options.successions = &successions;
  const Trend trend = make_trend(inputs, options);
  CHECK(trend.as_of == 2019);
  CHECK(trend.match == MatchBy::JurisdictionAndName);
  REQUIRE(trend.points.size() == 3);
  CHECK(trend.points[0].figures.agencies == 4);
  CHECK(trend.points[0].figures.links == 4);
  CHECK(trend.points[1].figures.agencies == 2);
  CHECK(trend.points[1].figures.links == 1);
  CHECK(*trend.points[1].figures.multi_unit_share == doctest::Approx(0.5));
  CHECK(trend.points[2].figures.links == 5);
  // 2017: 发改委 2, then 1.5 for 教育局 and 自然资源 (国土资源局): ties in name order, 教 before 自.
  CHECK(top_names(trend.points[0]) == std::vector<std::string>{"市发改委", "市教育局"});
  // 2018: 国土资源局 1.5 (shown by its successor's name, printed as 国土资源局), 发改委 1.
  CHECK(top_names(trend.points[1]) == std::vector<std::string>{"市自然资源和规划局", "市发改委"});
  CHECK(trend.points[1].top[0].printed == std::vector<std::string>{"市国土资源局"});
  CHECK(trend.points[1].top[0].lead_tasks == 0);
  CHECK(trend.points[1].top[0].owner_tasks == 1);
  // 2019: three at 1.5 (rank 1), in name order: 人 before 发 before 自.
  CHECK(top_names(trend.points[2]) == std::vector<std::string>{"市人社局", "市发改委"});
  CHECK(trend.points[2].top[1].rank == 1);
  // Series: every agency of a top list, by its highest burden: 发改委 2; then 1.5 each in name order.
  REQUIRE(trend.series.size() == 4);
  CHECK(trend.series[0].name == "市发改委");
  CHECK(trend.series[0].burden == std::vector<std::optional<double>>{2.0, 1.0, 1.5});
  CHECK(trend.series[1].name == "市人社局");
  CHECK(trend.series[1].burden == std::vector<std::optional<double>>{std::nullopt, std::nullopt, 1.5});
  CHECK(trend.series[2].name == "市教育局");
  CHECK(trend.series[3].name == "市自然资源和规划局");
  CHECK(trend.series[3].burden == std::vector<std::optional<double>>{1.5, 1.5, 1.5});
}

TEST_CASE("a trend by place matches agencies by name alone") {
  SplitNetworkBuilder builder(SplitBy::Jurisdiction);
  for (const Document& document : corpus()) builder.add(document);
  const auto networks = builder.finish();
  std::vector<TrendInput> inputs;
  for (const auto& [key, network] : networks) inputs.push_back({key, &network, nullptr});
  TrendOptions options;
  options.by = SplitBy::Jurisdiction;
  options.top = 1;
  const Trend trend = make_trend(inputs, options);
  CHECK(trend.match == MatchBy::Name);
  REQUIRE(trend.points.size() == 2);
  CHECK(trend.points[0].key == "山城县");
  CHECK(top_names(trend.points[0]) == std::vector<std::string>{"县发改局"});
  // 江城市 over 2017-2019 in one network: 发改委 2 + 1 + 1.5 = 4.5.
  CHECK(top_names(trend.points[1]) == std::vector<std::string>{"市发改委"});
  CHECK(trend.points[1].top[0].burden == 4.5);
  CHECK(trend.points[1].top[0].jurisdiction.empty());
}

TEST_CASE("the trend chart: escaped labels, a line per agency, the same bytes twice") {
  std::vector<Document> documents = corpus();
  documents.erase(documents.begin() + 3);
  SplitNetworkBuilder builder(SplitBy::Year);
  for (const Document& document : documents) builder.add(document);
  const auto networks = builder.finish();
  std::vector<TrendInput> inputs;
  for (const auto& [key, network] : networks) inputs.push_back({key, &network, nullptr});
  const Trend trend = make_trend(inputs, {});
  io::TrendChartOptions options;
  options.title = "<趋势> & \"测试\"";
  const std::string svg = io::trend_chart_svg(trend, options);
  CHECK(svg == io::trend_chart_svg(trend, options));
  CHECK(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(svg.find("<title>&lt;趋势&gt; &amp; &quot;测试&quot;</title>") != std::string::npos);
  CHECK(svg.find("<趋势>") == std::string::npos);
  CHECK(svg.find(">2017</text>") != std::string::npos);
  CHECK(svg.find("市发改委 · 2017: 2</title>") != std::string::npos);
  // A polyline per figure panel and per agency series with values in two consecutive years. Not for
  // modularity (not computed) nor centralisation (undefined for 2018's two agencies, so no two
  // consecutive years have it): 4 panels.
  std::size_t polylines = 0;
  for (std::size_t at = 0; (at = svg.find("<polyline", at)) != std::string::npos; ++at) ++polylines;
  std::size_t joined = 0;  // agencies with values in two consecutive years
  for (const AgencySeries& s : trend.series)
    for (std::size_t i = 0; i + 1 < s.burden.size(); ++i)
      if (s.burden[i] && s.burden[i + 1]) {
        ++joined;
        break;
      }
  CHECK(joined == 2);  // 发改委 and 自然资源和规划局
  CHECK(polylines == 4 + joined);
  CHECK(svg.ends_with("</svg>\n"));
}
