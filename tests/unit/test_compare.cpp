// compare_networks and network_figures against small documents worked out by hand (the working is in
// the comments), through the parser and build_network as a user's documents go.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "agencygraph/compare.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/graph.hpp"
#include "agencygraph/network_figures.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using agencygraph::test::parse_text;

namespace {

// 江城市 in 2017:
//   1 lead 发改委, co 财政局, 国土资源局      2 lead 国土资源局, co 财政局
//   3 教育局 alone (owner)                   4 lead 发改委, co 教育局
// Burden (lead 1, owner 1, co 0.5): 发改委 2; 国土资源局 1 + 0.5 = 1.5; 教育局 1 + 0.5 = 1.5; 财政局 1.
// Links: 发改委->财政局 {1}, 发改委->国土资源局 {1}, 国土资源局->财政局 {2}, 发改委->教育局 {4}.
const char* kJiangcheng2017 =
    "2017年江城市《政府工作报告》重点任务责任分解方案\n"
    "1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市国土资源局)\n"
    "2.任务乙。(牵头单位:市国土资源局;责任单位:市财政局)\n"
    "3.任务丙。(责任单位:市教育局)\n"
    "4.任务丁。(牵头单位:市发改委;责任单位:市教育局)\n";

// 江城市 in 2019, after 国土资源局 became 自然资源和规划局:
//   1 lead 发改委, co 财政局, 自然资源和规划局   2 lead 自然资源和规划局, co 财政局, 人社局
//   3 lead 人社局, co 发改委
// Burden: 发改委 1 + 0.5 = 1.5; 自然资源和规划局 0.5 + 1 = 1.5; 人社局 0.5 + 1 = 1.5; 财政局 1.
// Links: 发改委->财政局 {1}, 发改委->自然资源 {1}, 自然资源->财政局 {2}, 自然资源->人社局 {2},
// 人社局->发改委 {3}.
const char* kJiangcheng2019 =
    "2019年江城市《政府工作报告》重点任务责任分解方案\n"
    "1.任务甲。(牵头单位:市发改委;责任单位:市财政局、市自然资源和规划局)\n"
    "2.任务乙。(牵头单位:市自然资源和规划局;责任单位:市财政局、市人社局)\n"
    "3.任务丙。(牵头单位:市人社局;责任单位:市发改委)\n";

AgencyNetwork network_of(std::initializer_list<const char*> texts) {
  std::vector<Document> documents;
  for (const char* text : texts) documents.push_back(parse_text(text));
  return build_network(documents);
}

const AgencyChange& agency(const Comparison& c, const std::string& name) {
  const auto it = std::find_if(c.agencies.begin(), c.agencies.end(), [&](const AgencyChange& a) { return a.name == name; });
  REQUIRE(it != c.agencies.end());
  return *it;
}

const LinkChange* link(const Comparison& c, const std::string& from, const std::string& to) {
  const auto it = std::find_if(c.links.begin(), c.links.end(),
                               [&](const LinkChange& l) { return l.from_name == from && l.to_name == to; });
  return it == c.links.end() ? nullptr : &*it;
}

std::vector<std::string> task_numbers(const AgencyNetwork& network, const std::vector<std::uint32_t>& tasks) {
  std::vector<std::string> numbers;
  for (const std::uint32_t t : tasks) numbers.push_back(network.tasks[t].id.str());
  return numbers;
}

}  // namespace

TEST_CASE("network figures of the 2017 and 2019 documents, by hand") {
  const AgencyNetwork a = network_of({kJiangcheng2017});
  const NetworkFigures fa = network_figures(a, {});
  CHECK(fa.documents == 1);
  CHECK(fa.tasks == 4);
  CHECK(fa.agencies == 4);
  CHECK(fa.links == 4);
  CHECK(fa.linked_pairs == 4);
  CHECK(*fa.density == doctest::Approx(4.0 / 6));
  CHECK(*fa.multi_unit_share == doctest::Approx(3.0 / 4));  // tasks 1, 2 and 4 name two units or more
  // Partners: 发改委 3, 财政局 2, 国土资源局 2, 教育局 1; (0 + 1 + 1 + 2) / (3 * 2).
  CHECK(*fa.degree_centralisation == doctest::Approx(4.0 / 6));
  CHECK_FALSE(fa.modularity.has_value());  // no clusters computed

  const AgencyNetwork b = network_of({kJiangcheng2019});
  const NetworkFigures fb = network_figures(b, {});
  CHECK(fb.links == 5);
  CHECK(fb.linked_pairs == 5);
  CHECK(*fb.density == doctest::Approx(5.0 / 6));
  CHECK(*fb.multi_unit_share == doctest::Approx(1.0));
  // Partners: 发改委 3, 自然资源 3, 财政局 2, 人社局 2; (0 + 0 + 1 + 1) / 6.
  CHECK(*fb.degree_centralisation == doctest::Approx(2.0 / 6));
}

TEST_CASE("degree centralisation: 1 for a star, 0 for a ring, none below three agencies") {
  const AgencyNetwork star = network_of({"2020年江城市《政府工作报告》重点任务责任分解方案\n"
                                         "1.任务。(牵头单位:市发改委;责任单位:市财政局、市教育局、市公安局、市民政局)\n"});
  CHECK(*network_figures(star, {}).degree_centralisation == doctest::Approx(1.0));
  const AgencyNetwork ring = network_of({"2020年江城市《政府工作报告》重点任务责任分解方案\n"
                                         "1.任务。(牵头单位:市发改委;责任单位:市财政局)\n"
                                         "2.任务。(牵头单位:市财政局;责任单位:市教育局)\n"
                                         "3.任务。(牵头单位:市教育局;责任单位:市发改委)\n"});
  CHECK(*network_figures(ring, {}).degree_centralisation == doctest::Approx(0.0));
  const AgencyNetwork pair = network_of({"2020年江城市《政府工作报告》重点任务责任分解方案\n"
                                         "1.任务。(牵头单位:市发改委;责任单位:市财政局)\n"});
  CHECK_FALSE(network_figures(pair, {}).degree_centralisation.has_value());
  CHECK(*network_figures(pair, {}).density == doctest::Approx(1.0));
}

TEST_CASE("compare: one place in two years, with the 2019 succession of 国土资源局") {
  const AgencyNetwork a = network_of({kJiangcheng2017});
  const AgencyNetwork b = network_of({kJiangcheng2019});
  SuccessionTable successions;
  successions.add({"市国土资源局", "市自然资源和规划局", 2019, "", ""});
  CompareOptions options;
  options.successions = &successions;
  const Comparison c = compare_networks(a, {}, b, {}, options);
  CHECK(c.match == MatchBy::JurisdictionAndName);  // both sides are 江城市
  CHECK(c.as_of == 2019);
  REQUIRE(c.agencies.size() == 5);

  const AgencyChange& ndrc = agency(c, "市发改委");
  CHECK(ndrc.presence == Presence::Stayed);
  CHECK(c.a.groups[*ndrc.a].burden == 2);
  CHECK(c.b.groups[*ndrc.b].burden == 1.5);
  CHECK(c.a.groups[*ndrc.a].rank == 1);
  CHECK(c.b.groups[*ndrc.b].rank == 1);  // 发改委, 自然资源, 人社局 share the first rank at 1.5

  const AgencyChange& land = agency(c, "市自然资源和规划局");
  CHECK(land.presence == Presence::Stayed);
  CHECK(land.jurisdiction == "江城市");
  CHECK(c.a.groups[*land.a].burden == 1.5);
  CHECK(c.a.groups[*land.a].rank == 2);  // after 发改委 (2), tied with 教育局
  CHECK(printed_names(a, c.a.groups[*land.a]) == std::vector<std::string>{"市国土资源局"});
  CHECK(c.b.groups[*land.b].burden == 1.5);

  CHECK(agency(c, "市财政局").presence == Presence::Stayed);
  CHECK(c.a.groups[*agency(c, "市财政局").a].rank == 4);
  CHECK(agency(c, "市教育局").presence == Presence::Disappeared);
  CHECK(agency(c, "市人社局").presence == Presence::Appeared);
  // Ordered by the larger burden: 发改委 (2) first.
  CHECK(c.agencies.front().name == "市发改委");

  REQUIRE(c.links.size() == 6);
  const LinkChange* kept = link(c, "市发改委", "市自然资源和规划局");  // 发改委->国土资源局 in 2017
  REQUIRE(kept != nullptr);
  CHECK(kept->presence == Presence::Stayed);
  CHECK(task_numbers(a, c.links_a[*kept->a].tasks) == std::vector<std::string>{"1"});
  CHECK(link(c, "市自然资源和规划局", "市财政局")->presence == Presence::Stayed);
  CHECK(link(c, "市发改委", "市财政局")->presence == Presence::Stayed);
  const LinkChange* lost = link(c, "市发改委", "市教育局");
  REQUIRE(lost != nullptr);
  CHECK(lost->presence == Presence::Disappeared);
  CHECK(task_numbers(a, c.links_a[*lost->a].tasks) == std::vector<std::string>{"4"});
  const LinkChange* gained = link(c, "市人社局", "市发改委");
  REQUIRE(gained != nullptr);
  CHECK(gained->presence == Presence::Appeared);
  CHECK(gained->kind == LinkKind::LeadToCo);
  CHECK(task_numbers(b, c.links_b[*gained->b].tasks) == std::vector<std::string>{"3"});
  CHECK(link(c, "市自然资源和规划局", "市人社局")->presence == Presence::Appeared);

  // Without the succession 国土资源局 disappears and 自然资源和规划局 appears, with their links.
  const Comparison plain = compare_networks(a, {}, b, {}, {});
  CHECK(plain.agencies.size() == 6);
  CHECK(agency(plain, "市国土资源局").presence == Presence::Disappeared);
  CHECK(agency(plain, "市自然资源和规划局").presence == Presence::Appeared);
  CHECK(link(plain, "市发改委", "市国土资源局")->presence == Presence::Disappeared);

  // As of 2018 the 2019 succession does not apply yet.
  options.as_of = 2018;
  CHECK(agency(compare_networks(a, {}, b, {}, options), "市国土资源局").presence == Presence::Disappeared);
}

TEST_CASE("compare: two predecessors merged count a task that names both once") {
  // 2018: 1 lead 文化局, co 旅游局, 财政局; 2 lead 财政局, co 旅游局; 3 文化局 alone.
  // 文化局 and 旅游局 -> 文旅局 (2019). The group's tasks are {1, 2, 3}: 1 as lead (文化局 leads), 2 as co,
  // 3 as owner: burden 1 + 0.5 + 1 = 2.5, where adding the two (2 + 1) would give 3.
  // Its links: 文化局->旅游局 {1} falls inside the group; 文旅局->财政局 {1}; 财政局->文旅局 {2}.
  const AgencyNetwork a = network_of({"2018年江城市《政府工作报告》重点任务责任分解方案\n"
                                      "1.任务甲。(牵头单位:市文化局;责任单位:市旅游局、市财政局)\n"
                                      "2.任务乙。(牵头单位:市财政局;责任单位:市旅游局)\n"
                                      "3.任务丙。(责任单位:市文化局)\n"});
  const AgencyNetwork b = network_of({"2019年江城市《政府工作报告》重点任务责任分解方案\n"
                                      "1.任务甲。(牵头单位:市文旅局;责任单位:市财政局)\n"});
  SuccessionTable successions;
  successions.add({"市文化局", "市文旅局", 2019, "", ""});
  successions.add({"市旅游局", "市文旅局", 2019, "", ""});
  CompareOptions options;
  options.successions = &successions;
  const Comparison c = compare_networks(a, {}, b, {}, options);
  const AgencyChange& culture = agency(c, "市文旅局");
  REQUIRE(culture.a.has_value());
  const AgencyGroup& merged = c.a.groups[*culture.a];
  CHECK(merged.members.size() == 2);
  CHECK(merged.lead_tasks == 1);
  CHECK(merged.co_tasks == 1);
  CHECK(merged.owner_tasks == 1);
  CHECK(merged.burden == 2.5);
  CHECK(c.a.renamed == 2);
  CHECK(c.links_a.size() == 2);
  CHECK(link(c, "市文旅局", "市财政局")->presence == Presence::Stayed);
  CHECK(link(c, "市财政局", "市文旅局")->presence == Presence::Disappeared);
}

TEST_CASE("compare: two places are matched by name alone, and the notes say so") {
  const AgencyNetwork a = network_of({kJiangcheng2019});
  const AgencyNetwork b = network_of({"2019年山城县《政府工作报告》重点任务责任分解方案\n"
                                      "1.任务甲。(牵头单位:县发改局;责任单位:县财政局)\n"
                                      "2.任务乙。(牵头单位:市发改委;责任单位:县财政局)\n"});
  const Comparison c = compare_networks(a, {}, b, {}, {});
  CHECK(c.match == MatchBy::Name);
  REQUIRE_FALSE(c.notes.empty());
  CHECK(c.notes.front().find("matched by name alone") != std::string::npos);
  // 市发改委 is printed on both sides (山城县's names a city bureau): one agency, matched by name.
  CHECK(agency(c, "市发改委").presence == Presence::Stayed);
  CHECK(agency(c, "市发改委").jurisdiction.empty());
  CHECK(agency(c, "县发改局").presence == Presence::Appeared);
  // Forced to match by jurisdiction and name, the two 市发改委 are different agencies.
  CompareOptions options;
  options.match = MatchBy::JurisdictionAndName;
  const Comparison strict = compare_networks(a, {}, b, {}, options);
  std::size_t ndrc = 0;
  for (const AgencyChange& change : strict.agencies) ndrc += change.name == "市发改委";
  CHECK(ndrc == 2);
}
