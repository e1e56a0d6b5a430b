// List splitting, suffix sharing, 等, aliases and kinds (DOMAIN.md, "Agency names").
#include <doctest/doctest.h>

#include "agencygraph/agency_kind.hpp"
#include "agencygraph/aliases.hpp"

#include <cstdio>
#include <fstream>
#include "extract_test_support.hpp"

using namespace agencygraph;
using namespace agencygraph::test;

namespace {
Names co_of(const std::string& list) {
  const Document d = parse_text("1.任务。(责任单位:" + list + ")");
  REQUIRE(d.tasks.size() == 1);
  return co(d);
}
}  // namespace

TEST_CASE("、 inside a run, , and ， between runs, ; between roles") {
  CHECK(co_of("市发改委、市财政局,各县市区政府，市税务局") == Names{"市发改委", "市财政局", "各县市区政府", "市税务局"});
}

TEST_CASE("及 and 和 join two complete names, never split one") {
  CHECK(co_of("市财政局及市税务局") == Names{"市财政局", "市税务局"});
  CHECK(co_of("市财政局和市税务局") == Names{"市财政局", "市税务局"});
  CHECK(co_of("市自然资源和规划局、市水利和湖泊局") == Names{"市自然资源和规划局", "市水利和湖泊局"});
  CHECK(co_of("市发改委、市财政局及各县市区政府") == Names{"市发改委", "市财政局", "各县市区政府"});
}

TEST_CASE("a trailing 等 or 等单位 is dropped; 等 before a collective splits it off") {
  CHECK(co_of("市发改委、市财政局等") == Names{"市发改委", "市财政局"});
  CHECK(co_of("市发改委、市财政局等单位") == Names{"市发改委", "市财政局"});
  CHECK(co_of("市经信局、市发改委等市政府有关部门") == Names{"市经信局", "市发改委", "市政府有关部门"});
}

TEST_CASE("grouped place names share one suffix") {
  CHECK(co_of("荆州开发区、纪南文旅区、荆州高新区管委会") ==
        Names{"荆州开发区管委会", "纪南文旅区管委会", "荆州高新区管委会"});
  CHECK(co_of("咸安区、赤壁市人民政府") == Names{"咸安区人民政府", "赤壁市人民政府"});
  CHECK(co_of("市经信局,沙市区、江陵县政府") == Names{"市经信局", "沙市区政府", "江陵县政府"});
  // Only bare place names borrow: a department before them does not.
  CHECK(co_of("市经信局、沙市区政府") == Names{"市经信局", "沙市区政府"});
}

TEST_CASE("built-in aliases merge short and long forms") {
  const AliasTable aliases = AliasTable::extending_builtin();
  CHECK(aliases.canonical("市发展和改革委员会") == "市发改委");
  CHECK(aliases.canonical("发展改革委") == "发改委");
  CHECK(aliases.canonical("市政务服务和大数据局") == "市政务服务和大数据管理局");
  CHECK(aliases.canonical("市政务服务和大数据管理局") == "市政务服务和大数据管理局");
  CHECK(aliases.canonical("市公积金中心") == "市住房公积金中心");
  CHECK(aliases.canonical("市住房公积金中心") == "市住房公积金中心");
  CHECK(aliases.canonical("荆州区政府") == "荆州区人民政府");
  CHECK(aliases.canonical("各县市区政府") == "各县市区人民政府");  // one collective, two spellings
  CHECK(aliases.canonical("荆州开发区管理委员会") == "荆州开发区管委会");
  CHECK(aliases.canonical("市自然资源和规划局") == "市自然资源和规划局");
  CHECK(AliasTable::without_builtin().canonical("市发展和改革委员会") == "市发展和改革委员会");
}

TEST_CASE("user aliases win over the built-in forms") {
  AliasTable aliases = AliasTable::extending_builtin();
  aliases.add("九管会", "九宫山风景区管委会");
  aliases.add("市发改委", "市发展和改革委员会");
  CHECK(aliases.canonical("九管会") == "九宫山风景区管委会");
  CHECK(aliases.canonical("市发展改革委") == "市发展和改革委员会");  // built-in first, then the user's
}

TEST_CASE("an alias file that closes a cycle is rejected at the line that closes it") {
  const std::string path = "/tmp/agencygraph-test-alias-cycle.tsv";
  SUBCASE("A -> B, B -> A") {
    std::ofstream(path) << "# aliases\n市甲局\t市乙局\n市丙局\t市丁局\n市乙局\t市甲局\n";
    AliasTable aliases = AliasTable::extending_builtin();
    CHECK_THROWS_WITH(aliases.load_tsv(path), (path + ":4: alias cycle 市乙局 -> 市甲局 -> 市乙局: give each name one canonical form").c_str());
  }
  SUBCASE("a longer cycle") {
    std::ofstream(path) << "市甲局\t市乙局\n市乙局\t市丙局\n市丙局\t市甲局\n";
    AliasTable aliases = AliasTable::extending_builtin();
    CHECK_THROWS_WITH(aliases.load_tsv(path), (path + ":3: alias cycle 市丙局 -> 市甲局 -> 市乙局 -> 市丙局: give each name one canonical form").c_str());
  }
  SUBCASE("chains and a name mapped to itself are no cycle") {
    std::ofstream(path) << "市甲局\t市乙局\n市乙局\t市丙局\n市丁局\t市丁局\n";
    AliasTable aliases = AliasTable::extending_builtin();
    CHECK_NOTHROW(aliases.load_tsv(path));
    CHECK(aliases.canonical("市甲局") == "市乙局");
  }
  std::remove(path.c_str());
}

TEST_CASE("a document's own jurisdiction prefix is the level prefix: 荆州市财政局 is 市财政局 in 荆州市") {
  const Document d = parse_text("荆州市人民政府办公室关于分解落实《政府工作报告》的通知\n1.任务。(牵头单位:荆州市财政局;责任单位:市财政局)");
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.name(d.tasks[0].agencies[0].canonical) == "市财政局");
  CHECK(d.name(d.tasks[0].agencies[0].name) == "荆州市财政局");
}

TEST_CASE("agency kinds") {
  CHECK(classify_agency("市教育局") == AgencyKind::Department);
  CHECK(classify_agency("各县市区政府") == AgencyKind::Collective);
  CHECK(classify_agency("市政府各部门") == AgencyKind::Collective);
  CHECK(classify_agency("县推进科技创新领导小组成员单位") == AgencyKind::Collective);
  CHECK(classify_agency("市政府有关部门") == AgencyKind::Collective);
  CHECK(classify_agency("咸安区人民政府") == AgencyKind::Government);
  CHECK(classify_agency("荆州开发区管委会") == AgencyKind::ParkCommittee);
  CHECK(classify_agency("市委政法委") == AgencyKind::PartyOrgan);
  CHECK(classify_agency("市委组织部") == AgencyKind::PartyOrgan);
  CHECK(classify_agency("市妇联") == AgencyKind::PeoplesOrganisation);
  CHECK(classify_agency("市总工会") == AgencyKind::PeoplesOrganisation);
  CHECK(classify_agency("市城发集团") == AgencyKind::StateEnterprise);
  CHECK(classify_agency("荆州机场建设管理有限公司") == AgencyKind::StateEnterprise);
  CHECK(classify_agency("长江大学") == AgencyKind::School);
  CHECK(classify_agency("咸宁职教(集团)学校") == AgencyKind::School);
  CHECK(classify_agency("荆州海关") == AgencyKind::Vertical);
  CHECK(classify_agency("人行荆州市中心支行") == AgencyKind::Vertical);
  CHECK(classify_agency("市税务局") == AgencyKind::Vertical);
  CHECK(classify_agency("县人民医院") == AgencyKind::Institution);
  CHECK(classify_agency("市政府办公室") == AgencyKind::Department);
}

// Found by the synthetic corpus round trip (tools/gencorpus): each once extracted wrongly.
TEST_CASE("regressions from the generated corpus") {
  CHECK(co_of("岳云街道、赤云街道办事处") == Names{"岳云街道办事处", "赤云街道办事处"});
  CHECK(co_of("县科协等") == Names{"县科协"});
  CHECK(co_of("市委党校等市政府有关部门") == Names{"市委党校", "市政府有关部门"});
  // The same agency printed twice in two spellings stays twice, as printed.
  CHECK(co_of("江福乡人民政府,江福乡政府") == Names{"江福乡人民政府", "江福乡政府"});
}
