// Layouts of real documents (issue: extraction on documents as they are really printed). Each case
// is written for a class of documents (docs/layouts.md), not copied from one.
#include <doctest/doctest.h>

#include "extract_test_support.hpp"

using namespace agencygraph;
using namespace agencygraph::test;

TEST_CASE("comma groups before a role verb all take that verb's role") {
  const Document d = parse_text(
      "1.任务一。（发展改革委等牵头，教育部、财政部，甲区、乙区、丙县政府按职责分工负责）\n"
      "2.任务二。(区发改局牵头,区财政局、区交运局等部门,区国投公司、各街道办事处配合)\n"
      "3.任务三。(市商务局牵头,市财政局,各县市区政府)\n"
      "4.任务四。(市商务局牵头,2023年底前完成)\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(leads(d, 0) == Names{"发展改革委"});
  CHECK(co(d, 0) == Names{"教育部", "财政部", "甲区政府", "乙区政府", "丙县政府"});
  CHECK(leads(d, 1) == Names{"区发改局"});
  CHECK(co(d, 1) == Names{"区财政局", "区交运局", "区国投公司", "各街道办事处"});
  CHECK(d.tasks[1].remarks.empty());
  // Units after the last verb in an annotation that has roles are responsible units.
  CHECK(co(d, 2) == Names{"市财政局", "各县市区政府"});
  CHECK(co(d, 3).empty());
  CHECK(d.tasks[3].deadline == "2023年底前完成");
}

TEST_CASE("a labelled list keeps its unit groups and leaves clauses about them as remarks") {
  const Document d = parse_text(
      "1.任务一。(责任单位:市税务局、市财政局,排在首位的为牵头单位,下同)\n"
      "2.任务二。(责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府落实,不再单独列出)\n"
      "3.任务三。(牵头单位:市发改委,2023年6月底前完成)\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"市税务局"});  // the rule stated in the list applies from there on
  CHECK(co(d, 0) == Names{"市财政局"});
  CHECK(leads(d, 1) == Names{"市工信局"});  // 下同
  CHECK(co(d, 1) == Names{"市财政局", "有关部门", "各县区人民政府", "园区管委会"});
  CHECK(d.tasks[1].remarks.size() == 2);
  CHECK(leads(d, 2) == Names{"市发改委"});
  CHECK(d.tasks[2].deadline == "2023年6月底前完成");
}
