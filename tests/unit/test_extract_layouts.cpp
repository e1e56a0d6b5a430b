// Layouts of real documents (issue: extraction on documents as they are really printed). Each case
// is written for a class of documents (docs/layouts.md), not copied from one.
#include <doctest/doctest.h>

#include "agencygraph/decode.hpp"

#include "../fuzz/extraction_invariants.hpp"
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
  REQUIRE(d.tasks[1].remarks.size() == 1);
  CHECK(d.tasks[1].remarks[0].find("不再单独列出") != std::string::npos);
  CHECK(leads(d, 2) == Names{"市发改委"});
  CHECK(d.tasks[2].deadline == "2023年6月底前完成");
}

TEST_CASE("annotation on the lines after the task: prose, labels, a level before the label, a deadline between") {
  const Document d = parse_text(
      "1.加强基层医疗服务。\n"
      "此项工作由市卫生局主办,市民政局、市财政局协办。\n"
      "2.固定资产投资增长10%。\n"
      "省牵头单位:省发改委\n"
      "完成时限:2023年底\n"
      "责任单位:各市州政府,省直各部门\n"
      "3.推进乡村振兴。\n"
      "部门分工:省农业农村厅牵头,各地、各部门配合。\n"
      "4.兰州城市轨道交通项目\n"
      "由吴某某副市长负责,市建设局牵头,市发改委配合,按照要求进一步修改完善项目建设方案。\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(leads(d, 0) == Names{"市卫生局"});
  CHECK(co(d, 0) == Names{"市民政局", "市财政局"});
  CHECK(leads(d, 1) == Names{"省发改委"});
  CHECK(co(d, 1) == Names{"各市州政府", "省直各部门"});
  CHECK(d.tasks[1].deadline == "2023年底");
  CHECK(leads(d, 2) == Names{"省农业农村厅"});
  CHECK(co(d, 2) == Names{"各地", "各部门"});
  CHECK(leads(d, 3) == Names{"市建设局"});
  CHECK(co(d, 3) == Names{"市发改委"});
  CHECK(d.tasks[3].leaders == std::vector<std::string>{"吴某某副市长"});
  CHECK(d.skipped.empty());
}

TEST_CASE("a task never takes the annotation of a later paragraph: bullets and numbers of any width") {
  const Document d = parse_text(
      "1.甲工作。(牵头单位:市财政局;责任单位:市教育局)\n"
      "2.乙工作。(牵头单位:市教育局;责任单位:市财政局)\n"
      "●丙工作。(牵头单位:市民政局;责任单位:市教育局)\n"
      "10000.丁工作。(牵头单位:市公安局;责任单位:市教育局)\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(leads(d, 1) == Names{"市教育局"});
  CHECK(d.tasks[2].id == "●1");
  CHECK(leads(d, 2) == Names{"市民政局"});
  CHECK(d.tasks[3].id == "10000");
  CHECK(leads(d, 3) == Names{"市公安局"});
}

TEST_CASE("numbering: (1) 1) ① 1* 一是, Markdown bullets with bold numbers, a heading with body text") {
  const Document d = parse_text(
      "1)任务一。(牵头单位:市财政局)\n"
      "①任务二。(牵头单位:市财政局)\n"
      "3*任务三。(牵头单位:市财政局)\n"
      "一是任务四。(牵头单位:市财政局)\n"
      "- **(五) 任务五** — 「正文」（工信部、应急管理部按职责分工负责）\n"
      "(六)任务六。正文第一行,\n"
      "正文第二行。(责任单位:市经信局)\n");
  REQUIRE(d.tasks.size() == 6);
  CHECK(d.tasks[0].id == "1");
  CHECK(d.tasks[1].id == "①");
  CHECK(d.tasks[2].id == "3");
  CHECK(d.tasks[3].id == "一是");
  CHECK(d.tasks[4].id == "五");
  CHECK(co(d, 4) == Names{"工信部", "应急管理部"});
  CHECK(d.tasks[5].id == "六");
  CHECK(co(d, 5) == Names{"市经信局"});
}

TEST_CASE("a heading whose annotation stands on its own line after the body is a task") {
  const Document d = parse_text(
      "此项工作由市建委、市市容委负责组织,各相关区人民政府具体实施。\n"
      "八、改善居民供热条件\n"
      "全年新增住宅供热面积800万平方米。\n"
      "此项工作由市建委负责组织,市国土房管局、各区人民政府具体实施。\n"
      "九、一个没有标注的标题\n"
      "正文,各部门负责落实。\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].id == "八");
  CHECK(co(d, 0) == Names{"市建委", "市国土房管局", "各区人民政府"});
  // The annotation at the top belongs to a task on an earlier page: reported, never dropped.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 1);
  CHECK(d.skipped[0].reason.find("annotation without its task") != std::string::npos);
}

TEST_CASE("a table without a number column, one cell per line: each content sentence takes the annotation under it") {
  // As r134 prints it (tests/data/real): 主要内容 / 责任单位 cells, 分别牵头落实 making every unit a lead.
  const Document d = parse_text(
      "目标\n任务\n主要内容\n责任单位\n"
      "围绕出台促进就业规划、就业创业政策,加强就业创业政策信息公开。\n"
      "市人社局牵头落实\n"
      "围绕稳健中性的货币政策,加强金融政策信息公开。\n"
      "市金融办、人民银行潍坊市中心支行分别牵头落实\n"
      "加强财政政策信息公开,按月公开全市财政收支情况。\n"
      "\n"
      "市财政局牵头落实\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].id == "#1");
  CHECK(d.tasks[0].line == 5);
  CHECK(std::string(d.text(d.tasks[0])).starts_with("围绕出台促进就业规划"));
  CHECK(leads(d, 0) == Names{"市人社局"});
  CHECK(leads(d, 1) == Names{"市金融办", "人民银行潍坊市中心支行"});
  // A blank line between the sentence and the annotation separates them: reported, not joined.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 11);
}

TEST_CASE("a bracket of units right after a unit's name is its other name, not an annotation") {
  // A page's metadata line (r137): 信息来源 names the page's source, 水利局 the bureau's second name.
  const Document d = parse_text(
      "信息来源:县农业农村局(水利局)\n"
      "1.加强农田水利建设。(县农业农村局、县水利局)\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].id == "1");
  CHECK(co(d, 0) == Names{"县农业农村局", "县水利局"});
  CHECK(d.skipped.empty());
}

TEST_CASE("one-cell-per-line assessment list: merged columns before 序号, a unit column in no role last") {
  // As r137 prints it (tests/data/real): 考核项目 merged down rows is printed once, before the number
  // of its first row; 考核指标 likewise; 责任部门 may hold two lines; 评分部门 names who scores.
  const Document d = parse_text(
      "考核项目\n\n序号\n\n考核指标\n\n考核内容\n\n单位\n\n年度目标\n\n责任部门\n\n评分部门\n\n"
      "农业高质高效\n\n1\n\n确保粮食和重要农产品有效供给\n\n农林牧渔业增加值增幅\n\n%\n\n≥2%\n\n"
      "县海洋与渔业局\n\n县农业农村局\n\n市海洋渔业局市农业农村局\n\n"
      "2\n\n农业劳动生产率及增幅\n\n万元/人\n\n全市统筹\n\n县海洋与渔业局\n\n县农业农村局\n\n市海洋渔业局\n\n"
      "3\n\n粮食安全责任制\n\n-\n\n良好以上\n\n县经济和信息化局\n\n市商务局\n\n"
      "4\n\n油菜面积\n\n万亩\n\n0\n\n县农业农村局\n\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(d.tasks[0].id == "1");
  CHECK(std::string(d.text(d.tasks[0])).starts_with("确保粮食和重要农产品有效供给"));
  CHECK(co(d, 0) == Names{"县海洋与渔业局", "县农业农村局"});
  CHECK(co(d, 1) == Names{"县海洋与渔业局", "县农业农村局"});
  CHECK(co(d, 2) == Names{"县经济和信息化局"});
  // The last row's scoring cell is empty: its one unit is the responsible one.
  CHECK(co(d, 3) == Names{"县农业农村局"});
  CHECK(d.skipped.empty());
}

TEST_CASE("a table whose cells stand one space apart and hold spaces: rows read from their role cells") {
  // As r133 prints it (tests/data/real): 牵头单位 参与单位 责任单位 end the header, one list each.
  const Document d = parse_text(
      "序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位\n"
      "1 加强水资源保 护 严守水资源开发利用控制红线 实施双控行动。 市水利局 市发展改革委、农业局等 各县(市、区)人民政府\n"
      "2  严守用水 效率控制 红线 落实考核。 市工业和信息化委、水利局 市发展改革委 各县(市、区)人民政府\n"
      "3   抓好工业节水。 市水利局 市发展改革委等 各县(市、区)党委和人民政府,高\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].id == "1");
  CHECK(std::string(d.text(d.tasks[0])).starts_with("加强水资源保 护 严守水资源开发利用控制红线"));
  CHECK(leads(d, 0) == Names{"市水利局"});
  CHECK(co(d, 0) == Names{"市发展改革委", "农业局", "各县(市、区)人民政府"});
  CHECK(leads(d, 1) == Names{"市工业和信息化委", "水利局"});
  // Row 3's last cell is cut: reported.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 4);
}

TEST_CASE("a table whose cells stand one space apart: deadline and remarks columns after the role columns") {
  // 完成时限 and 备注 follow the role columns; an empty cell leaves no piece, so a row's last piece is
  // the deadline's only when it reads as a deadline, and the remark's only when it is no list of units.
  const Document d = parse_text(
      "序号 重点任务 工作措施 牵头单位 责任单位 完成时限 备注\n"
      "1 目标任务 巩固改善空气质量 市生态环境局 市交通委、市城市管理委 年底前 按季度报送\n"
      "2 扬尘治理 落实 六个百分百 市住房城乡建设委 各区政府 2021年6月底前\n"
      "3 机动车治理 淘汰老旧车辆 市公安局 市交通委\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(std::string(d.text(d.tasks[0])) == "目标任务 巩固改善空气质量");
  CHECK(leads(d, 0) == Names{"市生态环境局"});
  CHECK(co(d, 0) == Names{"市交通委", "市城市管理委"});
  CHECK(d.tasks[0].deadline == "年底前");
  CHECK(std::string(d.text(d.tasks[1])) == "扬尘治理 落实 六个百分百");
  CHECK(leads(d, 1) == Names{"市住房城乡建设委"});
  CHECK(co(d, 1) == Names{"各区政府"});
  CHECK(d.tasks[1].deadline == "2021年6月底前");
  CHECK(leads(d, 2) == Names{"市公安局"});
  CHECK(co(d, 2) == Names{"市交通委"});
  CHECK(d.tasks[2].deadline.empty());
  CHECK(d.skipped.empty());
}

TEST_CASE("role labels side by side are column names: the cells run together after them keep only agencies") {
  // A PDF preview prints the header and the rows' cells on one line (r33, shared real set): which
  // column a word came from is lost; words that are not agencies are remarks, not units.
  const Document d = parse_text(
      "附件 1 大气污染防治 2021年行动计划 完成 序号 重点任务 工作措施 牵头部门 主责单位 协办单位 时限 一 空气质量目标 市交通委 , 全面巩固 年底前 "
      "市生态环境局 细颗粒物 各区政府\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(co(d, 0) == Names{"市交通委", "市生态环境局", "各区政府"});
  CHECK(leads(d, 0).empty());
  CHECK(std::find_if(d.tasks[0].remarks.begin(), d.tasks[0].remarks.end(), [](const std::string& r) {
          return r.find("细颗粒物") != std::string::npos;
        }) != d.tasks[0].remarks.end());
  // Words, not sentences: a full stop from another cell ends nothing; a cell's bracketed note wraps
  // (含… / …管委会)); 等部门 ends a list; a bare place (全市, 值区, …街道) is as often the end of a line.
  const Document preview = parse_text(
      "序号 重点任务 工作措施 牵头部门 主责单位 协办单位 时限 一 空气质量目标 市交通委 , 在完成国家目标任务基础上 全市及各区尽 "
      "全市 市生态环境局 年底前 各区政府 ( ) 、 。 ( ) PM2.5 浓度 含北京经济技术 市住房城乡建设委 等部门 完善覆盖街道 "
      "值区。 开发区管委会) 市商务局(市粮食局)\n");
  REQUIRE(preview.tasks.size() == 1);
  CHECK(co(preview, 0) == Names{"市交通委", "市生态环境局", "各区政府", "市住房城乡建设委", "市商务局(市粮食局)"});
  CHECK(preview.tasks[0].deadline == "年底前");
  for (const char* word : {"全市", "含北京经济技术", "等部门", "完善覆盖街道", "值区", "开发区管委会)"})
    CHECK_MESSAGE(std::find(preview.tasks[0].remarks.begin(), preview.tasks[0].remarks.end(),
                            std::string("not read as a unit (table cells run together): ") + word) != preview.tasks[0].remarks.end(),
                  word);
  // The same labels with colons are labels: an empty lead list, then the units.
  const Document labelled = parse_text("1.空气质量目标。(牵头部门: 协办单位:市交通委、细颗粒物办)\n");
  REQUIRE(labelled.tasks.size() == 1);
  CHECK(co(labelled, 0) == Names{"市交通委", "细颗粒物办"});
}

TEST_CASE("table columns named with the annotation labels' co words are co columns") {
  // 责任主体与协同单位 beside a 牵头单位 column (r167, tests/data/real), 承办单位, 责任处室: the words
  // a label line uses for responsible units name a co column too.
  const Document d = parse_text(
      "序号\t主要任务\t牵头单位\t责任主体与协同单位\n"
      "24\t优化提升50条背街后巷交通组织。\t城管局\t市政局、相关街道\n"
      "\n"
      "序号\t工作任务\t责任处室\t承办单位\n"
      "1\t完善统计制度。\t综合处\t市统计局\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"城管局"});
  CHECK(co(d, 0) == Names{"市政局", "相关街道"});
  CHECK(leads(d, 1).empty());
  CHECK(co(d, 1) == Names{"综合处", "市统计局"});
}

TEST_CASE("a table with two co columns (参与单位 and 责任单位) keeps both") {
  // Issue #16's header 序号 工作任务 牵头单位 参与单位 责任单位, tab- and space-separated.
  for (const char* text : {"序号\t工作任务\t牵头单位\t参与单位\t责任单位\n1\t完善统计制度。\t市统计局\t市财政局\t各区政府\n",
                           "序号  工作任务  牵头单位  参与单位  责任单位\n1  完善统计制度。  市统计局  市财政局  各区政府\n"}) {
    const Document d = parse_text(text);
    REQUIRE(d.tasks.size() == 1);
    CHECK(leads(d, 0) == Names{"市统计局"});
    CHECK(co(d, 0) == Names{"市财政局", "各区政府"});
  }
}

TEST_CASE("a 民生实事 column is a task column: a livelihood-projects table one cell per line") {
  // As r174 (tests/data/real) prints it: a unit per line in the 责任单位 cell, then the deadline.
  const Document d = parse_text(
      "序号\n\n民生实事\n\n责任单位\n\n完成时限\n\n"
      "1\n\n启动建设东湖湿地公园。\n\n县水务局\n县住建局\n\n12月底前\n\n"
      "2\n\n新建2座人行天桥。\n\n县住建局\n\n9月投入使用\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(std::string(d.text(d.tasks[0])) == "启动建设东湖湿地公园。");
  CHECK(co(d, 0) == Names{"县水务局", "县住建局"});
  CHECK(co(d, 1) == Names{"县住建局"});
}

TEST_CASE("items and headings that open with role clauses: X负责，A、B配合，then the measure") {
  // As r171 (tests/data/real) prints them: the clauses up to the measure are the annotation.
  const Document d = parse_text(
      "8.市工商局负责,市经贸委、市农业局配合,严格实施肉品销售公示制度。\n"
      "9.由市发改委牵头,市财政局配合,加快推进项目建设。\n"
      "四、其他相关工作\n"
      "(一)由市农业局负责,市海洋与渔业局配合,做好农产品质量安全认证工作。\n"
      "(二)市卫生局负责的工作\n"
      "1.制定年度食品污染监测计划。\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(co(d, 0) == Names{"市工商局", "市经贸委", "市农业局"});
  CHECK(std::string(d.text(d.tasks[0])) == "严格实施肉品销售公示制度。");
  CHECK(leads(d, 1) == Names{"市发改委"});
  CHECK(co(d, 1) == Names{"市财政局"});
  CHECK(std::string(d.text(d.tasks[1])) == "加快推进项目建设。");
  CHECK(d.tasks[2].id == "一");
  CHECK(co(d, 2) == Names{"市农业局", "市海洋与渔业局"});
  CHECK(std::string(d.text(d.tasks[2])) == "做好农产品质量安全认证工作。");
  // A heading that is a title naming a unit is no task; the item under it has no annotation.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 6);
}

TEST_CASE("a star after a row number marks the row, and the number is the task's id") {
  // As r169 (tests/data/real) prints its key projects: 9*, 10*.
  const Document d = parse_text(
      "序号\n项目内容\n牵头单位\n"
      "8\n发放创业补贴。\n市人社局\n"
      "9*\n促进大学生创业。\n团市委\n"
      "10*\n妇女居家灵活就业培训。\n市妇联\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(d.tasks[1].id == "9");
  CHECK(leads(d, 1) == Names{"团市委"});
  CHECK(d.tasks[2].id == "10");
  CHECK(leads(d, 2) == Names{"市妇联"});
  CHECK(d.skipped.empty());
}

TEST_CASE("a progress table one cell per line: counts are no units, a figure's number no row number") {
  // As r176 (tests/data/real) prints it: 2所 is a count of kindergartens; row 9 goes on over lines of
  // cells whose figures (7965 / 80%) are numbers too.
  const Document d = parse_text(
      "序号 |\n项目名称 |\n责任单位 |\n目标任务 |\n实际完成 |\n完成率 |\n"
      "3 |\n建设农村公办幼儿园(所) |\n教育局 |\n2所 |\n1 |\n70% |\n"
      "9 |\n提高城乡低保补助标准 |\n区人社局 |\n6300人 |\n7558 |\n119% |\n"
      "完成征缴基金10000万元 |\n区人社局 |\n10000万 |\n7965 |\n80% |\n"
      "城市低保补差水平月均达到300元 |\n区民政局 |\n100% |\n100% |\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(co(d, 0) == Names{"教育局"});
  CHECK(d.tasks[1].id == "9");
  CHECK(co(d, 1) == Names{"区人社局", "区民政局"});
}

TEST_CASE("a row with more cells than its header reads the columns after its task from its right end") {
  // As r172 (tests/data/real) prints it: 目标 spans an indicator and its figure, so the row has a
  // cell more than the header; trailing empty cells are no extra cells.
  const Document d = parse_text(
      "项 目 | 目标 | 分 解 情 况 | 责任领导 | 责任单位 |\n"
      "就业促进工程 | 城镇新增就业人数(人) | 1300 | 元坝镇280 白果乡15 | 刘 强 | 区人社局 |\n"
      "\n"
      "序号 | 工作任务 | 牵头单位 | 责任单位\n"
      "1 | 推进老旧小区改造。 | 区住建局 | 区财政局 | |\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(co(d, 0) == Names{"区人社局"});
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"刘 强"});
  CHECK(leads(d, 1) == Names{"区住建局"});
  CHECK(co(d, 1) == Names{"区财政局"});
}

TEST_CASE("a page whose line breaks were lost: headings glued to the text before them, numbers past twenty") {
  // As r200 and r202 (tests/data/real) hold them: a dataset field with every line break removed.
  const Document d = parse_text("国务院办公厅关于促进煤炭行业平稳运行的意见。为促进煤炭行业平稳运行和持续健康发展，经国务院同意，现提出以下意见：一、坚决遏制煤炭产量无序增长。严格新建煤矿准入标准，停止核准新建低于30万吨/年的煤矿。（能源局、煤矿安监局按职责分工负责）二、切实减轻煤炭企业税费负担。2013年年底前，全面清理涉煤收费基金。（财政部、发展改革委按职责分工负责）三、加强进口煤炭管理。（商务部负责）\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(d.tasks[0].id == "一");
  CHECK(co(d, 0) == Names{"能源局", "煤矿安监局"});
  CHECK(d.tasks[1].id == "二");
  CHECK(co(d, 1) == Names{"财政部", "发展改革委"});
  CHECK(co(d, 2) == Names{"商务部"});
  std::string items = "依法核发排污许可证，强化执法监管，现提出以下意见。";
  const std::vector<std::string> numbers = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
                                            "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
                                            "二十一", "二十二"};
  for (const std::string& n : numbers) items += "（" + n + "）第" + n + "项措施，加强监督管理。（单位" + n + "局负责）";
  const Document past_twenty = parse_text(items + "\n");
  REQUIRE(past_twenty.tasks.size() == 22);
  CHECK(past_twenty.tasks[20].id == "二十一");
  CHECK(co(past_twenty, 20) == Names{"单位二十一局"});
  CHECK(co(past_twenty, 21) == Names{"单位二十二局"});
}

TEST_CASE("columns of sections inside a unit (市卫健委内牵头处室) are no role columns and no category") {
  // As r201 (tests/data/real) prints its header, one cell per line: the last header cell names a
  // lead again, the lead's own sections, and is neither the first row's category nor a lead column.
  const Document d = parse_text(
      "序号\n工作事项\n主要内容\n牵头单位\n配合单位\n市卫健委内牵头处室\n市卫健委内配合处室\n"
      "1\n有序扩大家庭医生来源。\n力争每万常住人口家庭医生数不低于4人。\n各区政府\n市卫生健康委\n基层处\n医政处\n"
      "2\n不断优化签约服务团队。\n家庭医生可以组建团队提供签约服务。\n各区政府\n市人社局\n人事处\n基层处\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"各区政府"});
  CHECK(co(d, 0) == Names{"市卫生健康委"});
  CHECK(co(d, 1) == Names{"市人社局"});
}

TEST_CASE("a label alone on its line labels the line after it (key over value)") {
  // As r213 (tests/data/real) prints its fields: 责任单位: (or 责任单位) alone, the units below.
  const Document d = parse_text(
      "1.新建雨水管网。\n责任单位:\n水务局、城管局\n进展与成效:已完工。\n"
      "2.文化惠民。\n牵头单位\n文广旅局\n责任单位：\n各镇政府\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(co(d, 0) == Names{"水务局", "城管局"});
  CHECK(leads(d, 1) == Names{"文广旅局"});
  CHECK(co(d, 1) == Names{"各镇政府"});
  // Projects numbered zero-padded before a space (01 项目名称:…); a year before a space is no number.
  const Document projects = parse_text(
      "2023 年重点项目进展\n01 项目名称:城区排水防涝\n项目内容:\n新建雨水管网。\n责任单位:\n水务局、城管局\n"
      "02 项目名称:文化惠民\n责任单位\n文广旅局\n");
  REQUIRE(projects.tasks.size() == 2);
  CHECK(projects.tasks[0].id == "01");
  CHECK(co(projects, 0) == Names{"水务局", "城管局"});
  CHECK(projects.tasks[1].id == "02");
  CHECK(co(projects, 1) == Names{"文广旅局"});
  CHECK(projects.skipped.empty());
}

TEST_CASE("member duties: a numbered item that opens with the units doing it names them") {
  // As an emergency plan prints its member units' duties (r143, tests/data/real).
  const Document d = parse_text(
      "2.1.3 成员单位职责\n"
      "（1）国家发展改革委及国家粮食局负责应急工作的综合协调。\n"
      "（2）国家发展改革委及国家粮食局、商务部按照各自职能分工，负责粮食市场监测。\n"
      "（3）市发改委：负责全市项目调度。\n"
      "（4）加强粮食市场监测，有关部门要负责配合。\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(co(d, 0) == Names{"国家发展改革委", "国家粮食局"});
  CHECK(std::string(d.text(d.tasks[0])) == "负责应急工作的综合协调。");
  CHECK(co(d, 1) == Names{"国家发展改革委", "国家粮食局", "商务部"});
  CHECK(co(d, 2) == Names{"市发改委"});
  CHECK(leads(d, 0).empty());
  // An item whose opening words are not a list of units is no duty of a unit: reported, as is the
  // numbered section heading (2.1.3), which has no annotation.
  REQUIRE(d.skipped.size() == 2);
  CHECK(d.skipped[0].line == 1);
  CHECK(d.skipped[1].line == 5);
}

TEST_CASE("tasks numbered in levels under numbered sections: 1.1, 1.2、, 2.1．, 2.1.3") {
  const Document d = parse_text(
      "1.1 加强预期引导。(牵头单位:市发改委)\n1.2、稳定就业。(牵头单位:市人社局;责任单位:市财政局)\n"
      "2.1．推进改革。(牵头单位:市教育局)\n2.1.3 深化试点。(责任单位:市民政局)\n"
      "3.5 亿元投资全部到位。\n2023.01 项目开工。\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(d.tasks[0].id == "1.1");
  CHECK(std::string(d.text(d.tasks[0])) == "加强预期引导。");
  CHECK(d.tasks[1].id == "1.2");
  CHECK(std::string(d.text(d.tasks[1])) == "稳定就业。");
  CHECK(co(d, 1) == Names{"市财政局"});
  CHECK(d.tasks[2].id == "2.1");
  CHECK(d.tasks[3].id == "2.1.3");
  // A figure is no number of levels: 2023.01 (four digits) starts no paragraph; 3.5 closed by a
  // space does, and without an annotation it is reported.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 5);
}

TEST_CASE("a task cut off by the end of an excerpt is reported, not guessed") {
  const Document d = parse_text(
      "94.推进轨道交通建设。(责任单位:武汉地铁集团)\n"
      "95.谋划第五期轨道交通建设规划项目。(牵头单位:市发改委;责任单位:市财政局、市自然资源\n");
  REQUIRE(d.tasks.size() == 1);
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 2);
  const Document prose = parse_text(
      "4、兰州城市轨道交通项目\n由吴某某副市长负责,市建设局牵头,市发改委配合,按照要求进一步\n");
  CHECK(prose.tasks.empty());
  CHECK(prose.skipped.size() == 1);
  // A label line cut inside a name by the end of the text (no line break after it): reported. The
  // same list ending in a whole name, or followed by a line break, is read.
  const std::string task = "4.社会消费品零售总额增长6%左右。\n牵头单位:区商务委\n责任单位:区财政局";
  const Document cut = parse_text(task.substr(0, task.size() - 3 * 2));  // 牵头单位:区商务委 / 责任单位:区财
  CHECK(cut.tasks.empty());
  REQUIRE(cut.skipped.size() == 1);
  CHECK(cut.skipped[0].reason.find("cut off") != std::string::npos);
  const Document cut_lead = parse_text("4.社会消费品零售总额增长6%左右。\n牵头单位:区商");
  CHECK(cut_lead.tasks.empty());
  CHECK(cut_lead.skipped.size() == 1);
  const Document whole = parse_text(task);
  REQUIRE(whole.tasks.size() == 1);
  CHECK(co(whole, 0) == Names{"区财政局"});
  const Document ended = parse_text("4.社会消费品零售总额增长6%左右。\n牵头单位:区商\n");
  CHECK(ended.tasks.size() == 1);  // a line break after it: the name is as printed
  // A table's last row cut in mid-row: fewer cells than the header, no line break after it.
  const std::string table = "序号 | 任务名称 | 牵头部门 | 配合部门 | 目标类型 |\n"
                            "1 | 地区生产总值 | 区发改局 | 区财政局、区统计局 | A类 |\n"
                            "2 | 服务业增加值 | 区发改局 | 区财政局、区";
  const Document rows = parse_text(table);
  REQUIRE(rows.tasks.size() == 1);
  REQUIRE(rows.skipped.size() == 1);
  CHECK(rows.skipped[0].line == 3);
  CHECK(parse_text(table + " | A类 |\n").tasks.size() == 2);
  // The text an office file's reader builds ends without a line break: its last row is whole.
  Source sheet{"plan.xlsx", "UTF-8", "序号\t工作任务\t牵头单位\t责任单位\t完成时限\n1\t推进甲。\t市发改委\t市财政局"};
  sheet.format = "xlsx";
  CHECK(extract_document(sheet, {}).tasks.size() == 1);
}

TEST_CASE("tasks printed without numbers: label ids, and an annotated paragraph is never silently dropped") {
  const Document d = parse_text(
      "精准开展困难帮扶:面向困难高校毕业生开展就业能力培训(教育部、民政部等按职责分工负责)\n"
      "加快推进数字化改造。(牵头单位:市经信局)\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].id == "精准开展困难帮扶");
  CHECK(co(d, 0) == Names{"教育部", "民政部"});
  CHECK(d.tasks[1].id == "#1");
  CHECK(leads(d, 1) == Names{"市经信局"});
}

TEST_CASE("tables flattened one cell per line: header cells broken over lines, cells ending in pipes") {
  const Document fragmented = parse_text(
      "序号\n\n项目名称\n\n建设内容\n\n建设起\n止年限\n\n总投资\n(万元)\n\n责任\n\n单位\n\n"
      "1\n\n城市用气\n\n提升工程\n\n对28个小区进行改造。\n\n2023.01-2023.12\n\n1200\n\n城投集团\n\n"
      "2\n\n山塘水库综合整治工程\n\n完成6座小型水库加固改造。\n\n2023.01-2023.12\n\n4600\n\n水利局\n\n"
      "3\n\n生命守护\n\n工程\n\n开展应急救护普及培训");
  REQUIRE(fragmented.tasks.size() == 2);
  CHECK(fragmented.tasks[0].id == "1");
  CHECK(co(fragmented, 0) == Names{"城投集团"});
  CHECK(co(fragmented, 1) == Names{"水利局"});
  CHECK(fragmented.skipped.size() == 1);  // row 3 names no unit

  const Document piped = parse_text(
      "序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n"
      "1 |\n优化重点项目直通车工作机制。 |\n叶某 |\n招商工作部、安商工作部 |\n全年 |\n"
      "2 |\n推动工业用地腾笼换鸟。 |\n马某某 |\n改革办 |\n全年 |\n");
  REQUIRE(piped.tasks.size() == 2);
  CHECK(co(piped, 0) == Names{"招商工作部", "安商工作部"});
  CHECK(piped.tasks[0].leaders == std::vector<std::string>{"叶某"});
  CHECK(piped.tasks[0].deadline == "全年");
  CHECK(co(piped, 1) == Names{"改革办"});
}

TEST_CASE("tables with columns separated by runs of spaces, and rows continuing the task above") {
  const Document d = parse_text(
      "序号  工作任务  牵头单位  责任单位  完成时限\n"
      "1  推进老旧小区改造  市住建局  市财政局、市自然资源和规划局  2023年底\n"
      "2  建设智慧城市  市大数据局  市发改委  2023年底\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"市住建局"});
  CHECK(co(d, 0) == Names{"市财政局", "市自然资源和规划局"});
  CHECK(leads(d, 1) == Names{"市大数据局"});

  const Document tsv = parse_text(
      "序号\t工作任务\t牵头单位\t责任单位\n"
      "1\t推进老旧小区改造\t市住建局\t市财政局\n"
      "\t\t\t各县市区政府\n"
      "2\t建设智慧城市\t市大数据局\t市发改委\n");
  REQUIRE(tsv.tasks.size() == 2);
  CHECK(co(tsv, 0) == Names{"市财政局", "各县市区政府"});
}

TEST_CASE("structured data: JavaScript objects, an ECharts tree, JSON, HTML inside an SQL dump") {
  const Document js = parse_text(
      "var tasks = [\n"
      "  { id: \"3\", title: \"推进老旧小区改造\", departments: \"市住建局牵头，市财政局、市民政局按职责分工负责\" },\n"
      "  { id: '4', title: '建设\\\"智慧\\\"城市\\n二期', lead: '市大数据局', co: '市发改委' },\n"
      "];\n");
  REQUIRE(js.tasks.size() == 2);
  CHECK(js.tasks[0].id == "3");
  CHECK(leads(js, 0) == Names{"市住建局"});
  CHECK(co(js, 0) == Names{"市财政局", "市民政局"});
  CHECK(leads(js, 1) == Names{"市大数据局"});
  CHECK(co(js, 1) == Names{"市发改委"});
  CHECK(js.sources[0].format == "code");

  // A field of bare units beside a responsible-units field leads: the key is the role.
  const Document owner = parse_text(
      "const TASKS = [{\"id\": 1, \"task\": \"聚力推动GPU浙江造。\", \"owner\": \"省发展改革委\", \"co\": \"省经信厅、省科技厅\"},\n"
      "{\"id\": 2, \"task\": \"建设算力网。\", \"owner\": \"省经信厅按职责分工负责\", \"co\": \"省通信管理局\"}];\n");
  REQUIRE(owner.tasks.size() == 2);
  CHECK(leads(owner, 0) == Names{"省发展改革委"});
  CHECK(co(owner, 0) == Names{"省经信厅", "省科技厅"});
  CHECK(leads(owner, 1).empty());  // a field that says its role keeps it
  CHECK(co(owner, 1) == Names{"省通信管理局", "省经信厅"});

  // Keys that name the role in English words, camelCase or snake_case (r236, tests/data/real); keys
  // of identifiers beside them hold no units.
  const Document camel = parse_text(
      "var rows = [{ id: \"1\", title: \"耕地保护。\", provinceLeadDepartment: \"省粮食和物资储备局\",\n"
      "  provinceCoordinationDepartment: \"省商务厅\", cityLeadDepartmentId: \"1003\",\n"
      "  city_assist_units: \"市农业农村局\", cityName: \"杭州市\" }];\n");
  REQUIRE(camel.tasks.size() == 1);
  CHECK(leads(camel, 0) == Names{"省粮食和物资储备局"});
  CHECK(co(camel, 0) == Names{"省商务厅", "市农业农村局"});

  // An excerpt cut from inside an object literal opens with a property.
  const Document excerpt = parse_text(
      "  tasks: [{ id: \"5\", title: \"建设智慧园区。\", lead: \"市发改委\", co: \"市财政局\" }],\n"
      "  total: 1\n");
  REQUIRE(excerpt.tasks.size() == 1);
  CHECK(excerpt.sources[0].format == "code");
  CHECK(excerpt.tasks[0].id == "5");
  CHECK(leads(excerpt, 0) == Names{"市发改委"});

  const Document tree = parse_text(
      "{\n name: '强化就业服务',\n children: [\n  { name: '优化招聘服务',\n    children: [\n"
      "      { name: '扩大招聘平台影响力' },\n      { name: '教育部、人力资源社会保障部等按职责分工负责' },\n"
      "    ] },\n ]\n}\n");
  REQUIRE(tree.tasks.size() == 1);
  CHECK(tree.tasks[0].id == "优化招聘服务");
  CHECK(co(tree, 0) == Names{"教育部", "人力资源社会保障部"});

  const Document sql = parse_text(
      "insert into policy (id, title, html) values (39, '国务院关于促进就业的若干意见', '<tbody><tr><td>"
      "<p>一、支持企业稳定发展</p><p>（一）加大稳岗支持力度。对不裁员的企业返还失业保险费。（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）</p>"
      "<p>（二）发挥融资担保作用。（财政部、人民银行负责）</p><p>二、结语</p><p>各地要抓好落实。</p><p>国务院</p><p>2018年12月5日</p>"
      "<p>（此件公开发布）</p></td></tr></tbody>', null);\n");
  REQUIRE(sql.tasks.size() == 2);
  CHECK(sql.tasks[0].id == "一");
  CHECK(leads(sql, 0) == Names{"人力资源社会保障部"});
  CHECK(co(sql, 0) == Names{"财政部"});
  CHECK(leads(sql, 1) == Names{"财政部"});
}

TEST_CASE("declared conventions hold from where they are stated; a footnote holds for every task") {
  const Document d = parse_text(
      "1.任务一。(责任单位:市发改委、市财政局)\n"
      "2.任务二。(市税务局、市财政局负责。列第一位者为牵头单位，下同)\n"
      "3.任务三。(责任单位:市商务局、市财政局)\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0).empty());
  CHECK(leads(d, 1) == Names{"市税务局"});
  CHECK(leads(d, 2) == Names{"市商务局"});
  CHECK(d.first_listed_is_lead);

  const Document footnote = parse_text(
      "1.任务一。(责任单位:市发改委、市财政局)\n"
      "2.任务二。(责任单位:市商务局)\n"
      "注:列第一位的为牵头单位。\n");
  REQUIRE(footnote.tasks.size() == 2);
  CHECK(leads(footnote, 0) == Names{"市发改委"});
  CHECK(leads(footnote, 1) == Names{"市商务局"});

  const Document unlabelled = parse_text(
      "无牵头单位的，责任单位即为牵头单位。\n"
      "1.任务一。(责任单位:市发改委、市财政局)\n"
      "2.任务二。(牵头单位:市商务局;责任单位:市财政局)\n");
  REQUIRE(unlabelled.tasks.size() == 2);
  CHECK(leads(unlabelled, 0) == Names{"市发改委", "市财政局"});
  CHECK(co(unlabelled, 0).empty());
  CHECK(leads(unlabelled, 1) == Names{"市商务局"});
  CHECK(co(unlabelled, 1) == Names{"市财政局"});
}

TEST_CASE("input edge cases: lone carriage returns end lines; CSV read as RFC 4180") {
  const Document cr = parse_text("1.任务一。(牵头单位:市财政局)\r2.任务二。(牵头单位:市教育局)\r3.任务三。(牵头单位:市民政局)\r");
  REQUIRE(cr.tasks.size() == 3);
  CHECK(leads(cr, 2) == Names{"市民政局"});
  CHECK(cr.tasks[2].line == 3);

  const Document csv = parse_text(
      "序号,工作任务,牵头单位,责任单位\n"
      "1,\"推进\"\"放管服\"\"改革,\n第二段\",市政务服务局,\"市发改委、市司法局\"\n"
      "2,建设智慧城市,市大数据局,市发改委\n"
      "以上任务请各单位抓好落实,按期报送进展。\n");
  REQUIRE(csv.tasks.size() == 2);
  CHECK(std::string(csv.text(csv.tasks[0])) == "推进\"放管服\"改革, 第二段");
  CHECK(leads(csv, 0) == Names{"市政务服务局"});
  CHECK(co(csv, 0) == Names{"市发改委", "市司法局"});
  CHECK(csv.tasks[1].line == 4);  // the file's line, after a cell of two lines
  CHECK(leads(csv, 1) == Names{"市大数据局"});
}

TEST_CASE("unit lists: a remark in brackets after the last name, 会同, 等和, a trailing 等, other labels") {
  const Document d = parse_text(
      "1.任务一。\n责任单位:财政局、发改局、工商联(列第一位者为牵头或汇总单位,下同)\n"
      "2.任务二。(国家发展改革委会同有关部门负责)\n"
      "3.任务三。(中央和国家机关工委、民政部等和各有关省级人民政府负责)\n"
      "4.任务四。(牵头单位:县发改局;责任单位:县商务局、商贸物流园等)\n"
      "5.任务五。(负责部门:商务部;适用范围:所有自贸试验区)\n");
  REQUIRE(d.tasks.size() == 5);
  CHECK(leads(d, 0) == Names{"财政局"});
  CHECK(co(d, 0) == Names{"发改局", "工商联"});
  CHECK(leads(d, 1) == Names{"国家发展改革委"});  // the rule stated in task 1 holds from there on
  CHECK(co(d, 1) == Names{"有关部门"});
  CHECK(leads(d, 2) == Names{"中央和国家机关工委"});
  CHECK(co(d, 2) == Names{"民政部", "各有关省级人民政府"});
  CHECK(co(d, 3) == Names{"县商务局", "商贸物流园"});
  CHECK(leads(d, 4) == Names{"商务部"});
  CHECK(co(d, 4).empty());
  REQUIRE(d.tasks[4].remarks.size() == 1);
}

TEST_CASE("a paragraph with several annotations, items numbered inside a line, labels across a blank line") {
  const Document d = parse_text(
      "（十）加强监管（市场监管总局负责）。推广健身（体育总局、教育部负责）。\n"
      "为支持人才发展，提出如下措施。1.对引进的人才给予资助。责任单位：市委组织部、市科技局。2.对创业项目给予补助。责任单位：市人社局。\n"
      "3.完善住房保障。\n牵头单位:区住建局\n\n责任单位:区财政局\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(co(d, 0) == Names{"市场监管总局", "体育总局", "教育部"});
  CHECK(d.tasks[1].id == "1");
  CHECK(d.tasks[1].line == 2);
  CHECK(co(d, 1) == Names{"市委组织部", "市科技局"});
  CHECK(d.tasks[2].id == "2");
  CHECK(co(d, 2) == Names{"市人社局"});
  CHECK(leads(d, 3) == Names{"区住建局"});
  CHECK(co(d, 3) == Names{"区财政局"});
}

TEST_CASE("an annotated paragraph that opens with a lost number's debris, among numbered tasks, is reported") {
  const Document d = parse_text(
      "1.任务一。(牵头单位:市财政局)\n"
      "?。(二)推进东部石化基地建设。(市发改委牵头,市经贸委配合)\n"
      "3.任务三。(牵头单位:市教育局)\n"
      "⸀㊢挀索建立平安建设。(牵头单位:市自然资源局)\n");
  REQUIRE(d.tasks.size() == 2);
  REQUIRE(d.skipped.size() == 2);
  CHECK(d.skipped[0].line == 2);
  CHECK(d.skipped[1].line == 4);
  CHECK(d.skipped[0].reason.find("without a task number") != std::string::npos);
}

TEST_CASE("measures printed as paragraphs under numbered headings, each annotated, are tasks (State Council plans)") {
  // As r140 prints them (tests/data/real): they open with their text, not with a number's debris.
  const Document d = parse_text(
      "一、主要任务\n"
      "（一）强化顶层设计引领。建立指标体系。（生态环境部牵头，国家发展改革委参与）\n"
      "优化固体废物管理体制机制，强化部门分工协作。根据实际明确责任。（生态环境部指导，试点城市政府负责落实）\n"
      "“无废城市”建设指标纳入考核。（国家发展改革委、财政部指导）\n"
      "（二）实施工业绿色生产。全面实施绿色开采。（自然资源部、工业和信息化部指导）\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(d.skipped.empty());
  CHECK(d.tasks[1].id == "#1");
  CHECK(d.tasks[1].line == 3);
  CHECK(co(d, 1) == Names{"生态环境部", "试点城市政府"});
  CHECK(d.tasks[2].id == "#2");
  CHECK(co(d, 2) == Names{"国家发展改革委", "财政部"});
  CHECK(d.tasks[3].id == "二");
}

TEST_CASE("one-cell-per-line tables: a category row, the responsible column before the lead's, a row cut off") {
  const Document d = parse_text(
      "分类\n\n序号\n\n事项\n\n责任单位\n\n牵头单位\n\n发展目标\n\n"
      "1\n\n地区生产总值增长6.5%以上。\n\n区农业农村局、区经商局\n\n区发改局\n\n"
      "2\n\n区本级固定资产投资增长25%。\n\n区发改局\n\n区发改局\n\n"
      "3\n\n深化政务服务一网通办。\n\n区行政服务中心");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"区发改局"});
  CHECK(co(d, 0) == Names{"区农业农村局", "区经商局"});
  CHECK(d.sections[d.tasks[0].section].back() == "发展目标");
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].reason.find("cut off") != std::string::npos);
}

// Found by the synthetic corpus round trip with --layouts (tools/gencorpus/layouts.cpp).
TEST_CASE("comma groups: 街道 grouped under one 办事处 before a role verb are units") {
  const Document d = parse_text("1.任务一。（区公安局牵头，区医保局，清崇街道、汉兴街道办事处负责）\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d, 0) == Names{"区公安局"});
  CHECK(co(d, 0) == Names{"区医保局", "清崇街道办事处", "汉兴街道办事处"});
  CHECK(d.tasks[0].remarks.empty());
}

TEST_CASE("table headers naming the task column 重点工作 or 工作措施 in a long row") {
  for (const char* task_column : {"重点工作", "工作措施"}) {
    CAPTURE(task_column);
    const Document piped = parse_text(std::string("| 序号 | ") + task_column +
                                      " | 牵头单位 | 参与单位 | 完成时限 |\n"
                                      "| 1 | 建成标准化村卫生室。 | 市自然资源和规划局 | 市行政审批局、市发改委 | 全年 |\n");
    REQUIRE(piped.tasks.size() == 1);
    CHECK(leads(piped, 0) == Names{"市自然资源和规划局"});
    CHECK(co(piped, 0) == Names{"市行政审批局", "市发改委"});
    const Document spaced = parse_text(std::string("序号   ") + task_column +
                                       "    牵头单位   责任单位    完成时限\n"
                                       "1   建成标准化村卫生室。  市住建局   市财政局，各县市区政府   全年\n");
    REQUIRE(spaced.tasks.size() == 1);
    CHECK(co(spaced, 0) == Names{"市财政局", "各县市区政府"});
  }
}

TEST_CASE("an SQL dump opening with a comment line is read through its literals") {
  const Document d = parse_text(
      "-- MySQL dump 10.13\n"
      "INSERT INTO `content` VALUES (7, '<p>1.推进放管服改革。（牵头单位：市住建局；责任单位：市财政局）</p>');\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d, 0) == Names{"市住建局"});
  CHECK(d.sources[0].format == "code");
}

TEST_CASE("a people label inside a line joins the annotation when an official's name leads to the role label") {
  // Text run together from a PDF (r125, tests/data/real): nothing ends the official's name but the
  // next label. A people label whose value is not an official's name stays text.
  const Document d = parse_text(
      "(一)小街巷专项整治:对路面坑洼开展专项整治工作。牵头领导:王元灿副局长责任部门:城建科、市政管理处\n"
      "(二)园林绿化:做好街道旁树木修剪。责任领导:加强树木修剪管理,责任部门:园林局\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(std::string(d.text(d.tasks[0])) == "小街巷专项整治:对路面坑洼开展专项整治工作。");
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"王元灿副局长"});
  CHECK(co(d, 0) == Names{"城建科", "市政管理处"});
  CHECK(d.tasks[1].leaders.empty());
  CHECK(co(d, 1) == Names{"园林局"});
}

TEST_CASE("one-cell-per-line table with a header cell broken over lines: a short deadline is not a leader") {
  const Document d = parse_text(
      "序号\n\n工作任务\n\n责任领导\n\n牵头单位\n\n责任单位\n\n完成\n时限\n\n"
      "1\n\n加快推进老旧小区改造。\n\n王某某\n\n市住建局\n\n市财政局\n\n全年\n\n"
      "2\n\n推进乡村振兴。\n\n张某\n\n市农业农村局\n\n市财政局\n\n长期坚持\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"王某某"});
  CHECK(d.tasks[0].deadline == "全年");
  CHECK(d.tasks[1].leaders == std::vector<std::string>{"张某"});
  CHECK(d.tasks[1].deadline == "长期坚持");
}

TEST_CASE("a pipe table without outer pipes: a row with an empty number continues the task above") {
  const Document d = parse_text(
      "序号 | 重点任务 | 牵头单位 | 参与单位 | 完成时限\n"
      "1 | 积极推进产业园区提质扩容。 | 区自然资源和规划局 | 区水利局 | 2018年6月底前\n"
      " |  |  | 区第一高级中学、区农商行 | \n"
      "2 | 着力提升耕地保护和粮食安全。 | 区发改局 | 区应急管理局 | 2018年6月底前\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"区自然资源和规划局"});
  CHECK(co(d, 0) == Names{"区水利局", "区第一高级中学", "区农商行"});
  CHECK(leads(d, 1) == Names{"区发改局"});
}

TEST_CASE("a table in columns of spaces or pipes ends before a footer printed in columns") {
  const Document d = parse_text(
      "序号   工作任务    牵头单位   责任单位\n"
      "1   建成标准化村卫生室。  市住建局   市财政局\n"
      "\n"
      "扫一扫在手机打开当前页\n"
      "\n"
      "网站标识码:422264  ICP备案号:鄂ICP备05003228号  公网安备 421652号\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d, 0) == Names{"市住建局"});
  const Document piped = parse_text(
      "序号 | 工作任务 | 牵头单位 | 责任单位\n"
      "1 | 建成标准化村卫生室。 | 市住建局 | 市财政局\n"
      "\n"
      "相关链接: 中国政府网 | 省政府门户网站 | 市州政府网站\n");
  REQUIRE(piped.tasks.size() == 1);
  CHECK(co(piped, 0) == Names{"市财政局"});
}

TEST_CASE("a pipe table whose header spaces its names out, each row ending in a pipe") {
  // Copied from a page's table: 牵 头 部 门 fills its cell letter by letter, and a classification
  // column (目标类型) after the role columns is no unit.
  const Document d = parse_text(
      "附件1 |\n"
      "序号 | 任 务 名 称 | 指 标 要 求 | 牵 头 部 门 | 配 合 部 门 | 目 标 类 型 |\n"
      "1 | 地区生产总值 | 增长5.5%(市下达指标) | 区发改局 | 区财政局、区统计局、各街道办事处 | A类 |\n"
      "2 | 城镇新增就业 | 1.2万人 | 区人力社保局 | 区商务局 | B类 |\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"区发改局"});
  CHECK(co(d, 0) == Names{"区财政局", "区统计局", "各街道办事处"});
  CHECK(leads(d, 1) == Names{"区人力社保局"});
  CHECK(co(d, 1) == Names{"区商务局"});
}

TEST_CASE("a star after a unit in a list of responsible units marks the lead (带*的为牵头单位)") {
  // One cell per line, as a page's table copies; the lead of a row with several units is starred,
  // a row with one unit has no star. The same mark in a labelled list and between tabs.
  const Document d = parse_text(
      "序号\n重点工作\n责任单位\n"
      "1\n地区生产总值增长6.5%。\n区发改局\n"
      "2\n兑现惠企资金20亿元。\n区政府办公室*、区财政局\n"
      "3\n推进城市更新。\n区住建局、区资规分局＊、区城投集团\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0).empty());
  CHECK(co(d, 0) == Names{"区发改局"});
  CHECK(leads(d, 1) == Names{"区政府办公室"});
  CHECK(co(d, 1) == Names{"区财政局"});
  CHECK(leads(d, 2) == Names{"区资规分局"});
  CHECK(co(d, 2) == Names{"区住建局", "区城投集团"});
  const Document labelled = parse_text("1.推进城市更新。(责任单位:区住建局*、区财政局)\n");
  REQUIRE(labelled.tasks.size() == 1);
  CHECK(leads(labelled, 0) == Names{"区住建局"});
  CHECK(co(labelled, 0) == Names{"区财政局"});
  const Document tabs = parse_text("序号\t工作任务\t责任单位\n1\t推进城市更新。\t区住建局*、区财政局\n");
  REQUIRE(tabs.tasks.size() == 1);
  CHECK(leads(tabs, 0) == Names{"区住建局"});
}

TEST_CASE("a heading that names the lead of its group of tasks (一、X牵头工作(8项)) leads its items") {
  const Document d = parse_text(
      "一、县示范区管委会牵头工作(2项)\n"
      "1.建设工厂化循环水养殖基地。\n"
      "2.打造食用菌生产基地。(牵头单位:县农业农村局;责任单位:县示范区管委会)\n"
      "二、县发改局、县财政局牵头的重点任务\n"
      "3.推进重点项目建设。\n"
      "三、张某某副县长牵头重点工作\n"
      "4.加快城乡融合发展。\n"
      "四、县住建局牵头工作(1项)\n"
      "5.改造老旧小区");
  REQUIRE(d.tasks.size() == 3);
  CHECK(d.tasks[0].id == "1");
  CHECK(leads(d, 0) == Names{"县示范区管委会"});
  CHECK(co(d, 0).empty());
  CHECK(leads(d, 1) == Names{"县农业农村局"});  // its own annotation
  CHECK(leads(d, 2) == Names{"县发改局", "县财政局"});
  // Under a person's heading an item without an annotation stays skipped; the last item is cut
  // by the end of the text.
  REQUIRE(d.skipped.size() == 2);
  CHECK(d.skipped[0].line == 7);
  CHECK(d.skipped[1].line == 9);
  CHECK(d.skipped[1].reason.find("cut off") != std::string::npos);
}

TEST_CASE("a responsibility list grouped by unit: the unit heading or owning paragraph owns the duties under it") {
  // Headings that are nothing but a unit's name, and a paragraph handing the duties after it to one
  // unit (r139, tests/data/real): the numbered items without annotations are that unit's.
  const Document d = parse_text(
      "（一）市发展改革委：\n"
      "1.统筹推进重大项目建设。\n"
      "2.做好价格监测。(牵头单位:市市场监管局;责任单位:市发展改革委)\n"
      "（二）市教育局\n"
      "1.推进义务教育优质均衡发展。\n"
      "二、加强组织保障\n"
      "3.健全工作机制。\n"
      "2022年,区政府要全面实施食品安全法,完成年度主要任务,主要承担以下工作:\n"
      "4.落实食品安全属地管理责任。\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(co(d, 0) == Names{"市发展改革委"});
  CHECK(leads(d, 0).empty());
  CHECK(std::string(d.text(d.tasks[0])) == "统筹推进重大项目建设。");
  CHECK(leads(d, 1) == Names{"市市场监管局"});  // its own annotation
  CHECK(co(d, 2) == Names{"市教育局"});
  CHECK(co(d, 3) == Names{"区政府"});
  // A 一、 heading that names no unit ends the unit's group: its item is reported.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 7);
}

TEST_CASE("a header row of a table that cannot be read is reported, never a task naming its column") {
  // 责任部门 followed by 备注 reads like a label and its unit; on a line of column names it is neither.
  // Two columns that name nothing a table reader knows (备注 说明) leave the header unread.
  const Document d = parse_text(
      "序号 工作任务 责任部门 备注 说明\n"
      "1 健全本单位组织机构,做到人员稳定。 基教科 各区教育局、 市局直属单位\n");
  CHECK(d.tasks.empty());
  REQUIRE_FALSE(d.skipped.empty());
  CHECK(d.skipped[0].line == 1);
  CHECK(d.skipped[0].reason.find("header row") != std::string::npos);
  // With 序号 first the header is read. The space after 、 is inside the 备注 cell, so the row has
  // every cell, and the units 备注 lists carry the task with the 责任部门's section (as r144 is
  // labelled, tests/data/real).
  const Document numbered = parse_text(
      "序号 工作任务 责任部门 备注\n"
      "1 健全本单位组织机构,做到人员稳定。 基教科 各区教育局、 市局直属单位\n");
  REQUIRE(numbered.tasks.size() == 1);
  CHECK(co(numbered, 0) == Names{"基教科", "各区教育局", "市局直属单位"});
  CHECK(numbered.skipped.empty());
  // A row whose cells cannot be read as units where the roles stand is reported, not guessed.
  const Document cut = parse_text(
      "序号 工作任务 责任部门 备注\n"
      "1 健全本单位组织机构,做到人员稳定。 基教科 各区教育局、 市局直属单位\n"
      "2 开展无烟单位创建 每季度开展一次检查\n");
  REQUIRE(cut.skipped.size() == 1);
  CHECK(cut.skipped[0].line == 3);
  CHECK(cut.skipped[0].reason.find("role columns") != std::string::npos);
  // A labelled line that is not a row of column names stays a task.
  const Document task = parse_text("加快推进数字化改造 责任部门:区经信局\n");
  REQUIRE(task.tasks.size() == 1);
  CHECK(co(task, 0) == Names{"区经信局"});
}

TEST_CASE("single-spaced table: a row without a number under a row is its task's second row") {
  // A merged 序号 cell: the task's second row has no number (…目标任务。 各科室); its units join the task.
  const Document d = parse_text(
      "序号 工作任务 责任部门 备注\n"
      "1 健全组织机构,做到人员稳定。 基教科 各区教育局、 市局直属单位\n"
      "2 坚持将巩固工作列入年度考核内容。 人秘科 各区教育局、 市局直属单位\n"
      "完成市创建办下达的阶段性目标任务。 各科室\n"
      "3 落实门前责任制。 体卫艺安全稳定科 各区教育局\n"
      "\n"
      "特此通知。 市教育局\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(co(d, 1) == Names{"人秘科", "各区教育局", "市局直属单位", "各科室"});
  CHECK(co(d, 2) == Names{"体卫艺安全稳定科", "各区教育局"});  // not the signature after the table
}

TEST_CASE("a one-cell-per-line progress table keeps the task numbers it reports on, which jump") {
  // Row 249 follows row 145: a row that has its header's number of cells ends at any row number.
  const Document d = parse_text(
      "序号 |\n主要任务 |\n牵头单位 |\n落实情况 |\n"
      "145 |\n严格执行城市公共空间规划建设治理导则。 |\n市自规局、市城管局 |\n开展专项行动,解决问题2.2万余个。 |\n"
      "249 |\n支持志愿服务、广播电视等事业发展。 |\n市委社会工作部 市广播电视台 市地震局 |\n完成接待任务175批次。 |\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].id == "145");
  CHECK(leads(d, 0) == Names{"市自规局", "市城管局"});
  CHECK(d.tasks[1].id == "249");
  CHECK(leads(d, 1) == Names{"市委社会工作部", "市广播电视台", "市地震局"});
}

TEST_CASE("role clauses after a comma and 由 close a one-sentence item (…的问题，由X会同Y负责落实)") {
  const Document d = parse_text(
      "（一）关于严守耕地保护红线的问题，由国土资源部会同农业部等部门负责落实。\n"
      "（二）关于加快建设的问题，由市发改委牵头，市财政局配合。\n"
      "（三）关于加快建设的问题，由市政府统一部署。\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(co(d, 0) == Names{"国土资源部", "农业部"});
  CHECK(d.text(d.tasks[0]) == "关于严守耕地保护红线的问题");
  CHECK(leads(d, 1) == Names{"市发改委"});
  CHECK(co(d, 1) == Names{"市财政局"});
  CHECK(d.skipped.empty());  // (三) names no role: a heading, not a task
}

TEST_CASE("a sentence with commas is not a comma-separated header: a role word after a unit is prose") {
  // "落实工作责任" names a task column and "市财政局牵头" a lead column if read as header cells:
  // the tasks after such a sentence were read as CSV rows and lost (found by fuzz_doc).
  const Document d = parse_text(
      "加强组织领导，落实工作责任，市财政局牵头，各区配合\n"
      "1.加强政策落实，完善工作机制。(牵头单位:市发改委;责任单位:市财政局)\n"
      "2.持续深化改革，压实工作责任。此项工作由市教育局主办，市民政局协办。\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"市发改委"});
  CHECK(leads(d, 1) == Names{"市教育局"});
  CHECK(co(d, 1) == Names{"市民政局"});
  CHECK(d.skipped.empty());
  // A real header still reads as one, with a column named by a level (市级牵头单位).
  const Document csv = parse_text(
      "序号,工作任务,市级牵头单位,配合单位\n"
      "1,建成标准化村卫生室,市住建局,市财政局\n");
  REQUIRE(csv.tasks.size() == 1);
  CHECK(leads(csv, 0) == Names{"市住建局"});
}

TEST_CASE("a numbered paragraph read as a table row with nothing in the task and unit columns is skipped") {
  const Document d = parse_text(
      "序号,工作任务,牵头单位\n"
      "1,建成标准化村卫生室,市住建局\n"
      "2.落实,\n"
      "3,完成改造,市财政局\n");
  REQUIRE(d.tasks.size() == 2);
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 3);
  CHECK(d.skipped[0].reason == "table row with nothing in the header's task and unit columns");
  CHECK(extraction_invariants_hold(d));
}

TEST_CASE("one-cell-per-line tables that set cells off with blank lines: a cell over consecutive lines") {
  // The header's 牵头 / 负责部门 and the second row's units are each one cell; the last row is
  // followed by the page's footer, whose 技术支持 names a unit but is no cell of the row.
  const Document d = parse_text(
      "序号\n\n重点工作\n\n责任领导\n\n牵头\n负责部门\n\n责任单位\n\n"
      "1\n\n建成标准化村卫生室。\n\n孙某某副县长\n\n县住建局\n\n县发改局\n\n"
      "2\n\n推进老旧小区改造。\n\n赵某某\n\n县乡村振兴局\n\n县发改局、县信访局\n县扶贫攻坚领导小组各成员单位\n\n"
      "\n网站标识码:422795  ICP备案号:鄂ICP备050031107号\n\n版权所有:青罗县人民政府  技术支持:青罗县大数据中心\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"县住建局"});
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"孙某某副县长"});
  CHECK(leads(d, 1) == Names{"县乡村振兴局"});
  CHECK(co(d, 1) == Names{"县发改局", "县信访局", "县扶贫攻坚领导小组各成员单位"});
  CHECK(d.skipped.empty());
}

TEST_CASE("one-cell-per-line tables: a task column's name broken into two column words, the last row before a footer") {
  // 工作 and 任务 each name a task column; together they are one, or every row shifts by a cell.
  const Document d = parse_text(
      "序号\n工作\n任务\n牵头负责部门\n参与单位\n完成时限\n"
      "1\n有序推进社会信用体系建设。\n市发改委\n市卫健委、金桂区人民政府\n全年\n"
      "2\n稳步推进义务教育优质均衡发展。\n市教育局\n市财政局\n2024年底前\n"
      "版权所有:河白市人民政府\n技术支持:河白市大数据中心\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"市发改委"});
  CHECK(co(d, 0) == Names{"市卫健委", "金桂区人民政府"});
  CHECK(leads(d, 1) == Names{"市教育局"});
  CHECK(co(d, 1) == Names{"市财政局"});
  CHECK(d.tasks[1].deadline == "2024年底前");
}

TEST_CASE("a header whose column names run together: rows told by their lines of units") {
  // A progress table flattened with no delimiter between the header's names, one cell per line and
  // no number column; 镇街 (towns and subdistricts) is a collective unit.
  const Document d = parse_text(
      "主题:\n教育惠民\n"
      "实事内容工作任务责任单位进展情况\n一季度二季度三季度四季度\n"
      "教育惠民启动学校空调、新风系统加装工程。\n\n区教育局,各平台、镇街\n\n完成调查摸底工作,拟定实施方案。\n"
      "健康惠民建设社区卫生服务站。\n区卫健局\n已完成选址。\n"
      "\n扫一扫在手机打开当前页\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(std::string(d.text(d.tasks[0])) == "教育惠民启动学校空调、新风系统加装工程。");
  CHECK(d.tasks[0].line == 5);
  CHECK(co(d, 0) == Names{"区教育局", "各平台", "镇街"});
  CHECK(leads(d, 0).empty());
  CHECK(co(d, 1) == Names{"区卫健局"});
  // A heading made of column words is no header unless it names a task and a role column.
  const Document heading = parse_text("重点工作任务进展情况\n1.推进改革。(牵头单位:市发改委)\n");
  REQUIRE(heading.tasks.size() == 1);
  CHECK(leads(heading, 0) == Names{"市发改委"});
}

TEST_CASE("a table row that opens with a task number in another cell is no continuation of the row above") {
  // Empty number and task cells make a row continue the task above; a row whose line opens with a
  // number (in the responsible column here) is a row of its own (found by fuzz_pdf).
  const Document d = parse_text(
      "序号\t工作任务\t牵头单位\n"
      "1\t建成标准化村卫生室。\t市住建局\n"
      "\t\t2.推进老旧小区改造 市财政局\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"市住建局"});
  CHECK(d.tasks[1].line == 3);
  CHECK(extraction_invariants_hold(d));
}

TEST_CASE("a numbered paragraph between rows of a table in columns of spaces is no wrapped cell") {
  // A line that splits into no cells is a long cell wrapped onto a line of its own when a row
  // follows; a numbered paragraph is not one (found by fuzz_extract: it was neither task nor skipped).
  const Document d = parse_text(
      "序号   工作任务    牵头单位   责任单位\n"
      "1   建成标准化村卫生室。  市住建局   市财政局\n"
      "2.推进老旧小区改造。(牵头单位:市住建局)\n"
      "3   完成改造。  市财政局   市教育局\n");
  REQUIRE(d.tasks.size() >= 2);
  CHECK(d.tasks[1].id == "2");
  CHECK(leads(d, 1) == Names{"市住建局"});
  CHECK(extraction_invariants_hold(d));
}

TEST_CASE("a numbered paragraph under a one-cell-per-line header is no category row") {
  // A line before a row number is a category row (a section) unless it is a numbered paragraph:
  // read as one it was neither a task nor skipped (found by fuzz_html). A full-width digit after
  // the dot makes a decimal number (1.８亿元), as a half-width one does: no task number.
  const Document d = parse_text(
      "序号\n工作任务\n牵头单位\n完成时限\n"
      "1.推进老旧小区改造。（牵头单位：市财政局）\n"
      "59\n加快义务教育优质均衡发展。\n市教育局\n2023年底\n"
      "1.８亿元用于改造。\n");
  REQUIRE(!d.tasks.empty());
  CHECK(d.tasks[0].id == "1");
  CHECK(leads(d, 0) == Names{"市财政局"});
  CHECK(extraction_invariants_hold(d));
}

TEST_CASE("a leader's label line over the unit labels after a task belongs to the annotation") {
  const Document d = parse_text(
      "1.建设智慧城市。\n"
      "责任领导:张某某副市长\n"
      "牵头单位:市教育局\n"
      "责任单位:市财政局\n"
      "2.推进乡村振兴。\n"
      "完成时限:2023年底前\n"
      "责任单位:市农业农村局\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"市教育局"});
  CHECK(co(d, 0) == Names{"市财政局"});
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"张某某副市长"});
  CHECK(co(d, 1) == Names{"市农业农村局"});  // a deadline line first: the units are still read
  CHECK(d.tasks[1].leaders.empty());
  const Document indented = parse_text(
      "  1.建设智慧城市。\n"
      "  牵头领导:刘某\n"
      "  牵头单位:县招商服务中心\n"
      "  责任单位:县城投公司\n");
  REQUIRE(indented.tasks.size() == 1);
  CHECK(leads(indented, 0) == Names{"县招商服务中心"});
  CHECK(indented.tasks[0].leaders == std::vector<std::string>{"刘某"});
}

TEST_CASE("numbered sub-items under a task with one annotation after the last: the task's, not the sub-item's") {
  const Document d = parse_text(
      "1.完善应急预案体系\n"
      "(1)加强应急预案管理,规范编制工作。\n"
      "(2)推进应急预案精编化,\n"
      "及时修订完善现有应急预案。\n"
      "(3)加强应急预案演练。\n"
      "(责任单位:市直各有关单位、各开发区管委会)\n"
      "2.健全应急管理体制\n"
      "(1)推进办事机构建设。（牵头单位：市应急局）\n"
      "(2)落实专职人员。（牵头单位：市委编办；责任单位：市人社局）\n"
      "3.加强队伍建设\n"
      "(1)建设综合队伍。\n"
      "4.完善物资保障。（牵头单位：市发改委）\n"
      "5.加快基础设施建设。\n"
      "(1)建设城际轨道。\n"
      "责任单位:市建委、交通局。\n"
      "(2)推进南环铁路建设。\n"
      "责任单位:市交通局。\n");
  REQUIRE(d.tasks.size() == 6);
  CHECK(d.tasks[0].id == "1");
  CHECK(co(d, 0) == Names{"市直各有关单位", "各开发区管委会"});
  CHECK(d.view(d.tasks[0], d.tasks[0].text).find("(3)加强应急预案演练") != std::string_view::npos);
  // Sub-items that carry their own annotations are the tasks; their parent is reported.
  CHECK(d.tasks[1].id == "1");
  CHECK(leads(d, 1) == Names{"市应急局"});
  CHECK(d.tasks[2].id == "2");
  CHECK(co(d, 2) == Names{"市人社局"});
  // Without an annotation after them, the parent and its sub-item are reported, as before.
  CHECK(d.tasks[3].id == "4");
  // Sub-items each annotated on the lines after them are the tasks, the first one's annotation
  // included.
  CHECK(d.tasks[4].id == "1");
  CHECK(co(d, 4) == Names{"市建委", "交通局"});
  CHECK(d.tasks[5].id == "2");
  CHECK(co(d, 5) == Names{"市交通局"});
  std::vector<std::uint32_t> skipped;
  for (const SkippedParagraph& s : d.skipped) skipped.push_back(s.line);
  CHECK(skipped == std::vector<std::uint32_t>{7, 10, 11, 13});
  CHECK(extraction_invariants_hold(d));
}

TEST_CASE("a collective over kinds of place stays one name: 各区、县级市, 各市、县人民政府") {
  const Document d = parse_text(
      "1.任务一。（牵头单位：市留交办，配合单位：各有关单位，各区、县级市）\n"
      "2.任务二。（牵头单位：省自然资源厅；责任单位：省住建厅，各市、县人民政府）\n"
      "3.任务三。（牵头单位：咸安区、赤壁市人民政府；责任单位：各有关区、县级市，各县(市、区)人民政府）\n"
      "4.任务四。（责任单位：各区、市发改委、市财政局）\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(co(d, 0) == Names{"各有关单位", "各区、县级市"});
  CHECK(co(d, 1) == Names{"省住建厅", "各市、县人民政府"});
  CHECK(leads(d, 2) == Names{"咸安区人民政府", "赤壁市人民政府"});  // bare places still share the suffix
  CHECK(co(d, 2) == Names{"各有关区、县级市", "各县(市、区)人民政府"});
  CHECK(co(d, 3) == Names{"各区", "市发改委", "市财政局"});  // agencies after it are their own
  // 相关 opens one as 各 does; the government's other name in brackets does not end it.
  const Document more = parse_text(
      "1.任务一。（市商务局牵头，市财政局参与，各县、区人民政府(管委会)负责落实）\n"
      "2.任务二。（省农垦总局、相关市、县政府负责）\n"
      "3.任务三。（牵头单位：市发展改革委；责任单位：市财政局等有关部门，各区、县(市)政府）\n");
  REQUIRE(more.tasks.size() == 3);
  CHECK(co(more, 2) == Names{"市财政局", "有关部门", "各区、县(市)政府"});
  CHECK(co(more, 0) == Names{"市财政局", "各县、区人民政府(管委会)"});
  CHECK(co(more, 1) == Names{"省农垦总局", "相关市、县政府"});
}

TEST_CASE("places named bare before the government they share keep a bracket of units an annotation") {
  // 哈尔滨 and 黑河 end like no unit; they are cities whose government is printed once, after the last.
  const Document d = parse_text(
      "3.推进民航基础设施建设。(哈尔滨机场扩建指挥部、哈尔滨、黑河、绥芬河市政府、省农垦总局负责)\n"
      "4.推进水利建设。(哈尔滨、黑河负责)\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(co(d, 0) == Names{"哈尔滨机场扩建指挥部", "哈尔滨", "黑河", "绥芬河市政府", "省农垦总局"});
  REQUIRE(d.skipped.size() == 1);  // no government after them: not a list of units
  CHECK(d.skipped[0].line == 2);
}

TEST_CASE("labels of co-responsible units with a prefix (协同责任单位, 协同部门); lines of people before the labels") {
  const Document d = parse_text(
      "1. 地区生产总值增长8%以上。\n"
      "牵头负责领导:金力。\n"
      "牵头责任单位:市发展改革委。\n"
      "协同责任单位:市经信局、市商务局等,各县、市、区政府。\n"
      "2.任务二。（牵头部门：市财政局；协同部门：市税务局）\n"
      "3. 坚持科学规划城市。\n"
      "责任人:奚克路副市长\n"
      "协调人:朱红市长助理、王飞副秘书长\n"
      "责任单位:市规划局。\n"
      "4.分管领导：王某。推进改革。牵头单位：市发改委\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(d.tasks[2].leaders == std::vector<std::string>{"奚克路副市长", "朱红市长助理、王飞副秘书长"});
  CHECK(co(d, 2) == Names{"市规划局"});
  // People inside a line of text do not start the annotation: their value would run into the text.
  CHECK(d.tasks[3].leaders.empty());
  CHECK(leads(d, 3) == Names{"市发改委"});
  CHECK(leads(d, 0) == Names{"市发展改革委"});
  CHECK(co(d, 0) == Names{"市经信局", "市商务局", "各县、市、区政府"});
  // The official on the line before the labels is the task's leader, never an agency.
  CHECK(d.tasks[0].agencies.size() == 4);
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"金力"});
  CHECK(d.view(d.tasks[0], d.tasks[0].text) == "地区生产总值增长8%以上。");
  CHECK(co(d, 1) == Names{"市税务局"});
}

TEST_CASE("a page whose line breaks were lost: headings (一)(二) run together start lines; glued labels") {
  const std::string preamble =
      "局机关各科室、各企事业单位:为做好创建全国文明城市工作,根据区委创建工作的总体部署和专项整治总体方案的要求,"
      "我局结合本行业实际情况,重点抓好小街巷、市政设施、建筑施工场地等专项整治工作,现制定工作实施方案。";
  const Document d = parse_text(
      preamble +
      "(一)建筑施工场地专项整治:要求施工企业文明施工。牵头领导:阮斌副局长责任部门:建工科、安全站、质监站"
      "(二)小街巷专项整治:对路面坑洼开展专项整治工作。牵头领导:王元灿副局长责任部门:城建科、市政管理处。"
      "配合做好专项整治工作(一)配合区执法局做好环境卫生保洁。配合部门:区园林局"
      "(二)配合区交通局做好户外广告专项整治。配合部门:城建科\n"
      "2.另一任务,按照第(一)项要求推进。(牵头单位:市发改委)\n");
  REQUIRE(d.tasks.size() == 5);
  CHECK(d.tasks[0].id == "一");
  CHECK(co(d, 0) == Names{"建工科", "安全站", "质监站"});  // the official before 责任部门 is no unit
  CHECK(d.tasks[1].id == "二");
  CHECK(co(d, 1) == Names{"城建科", "市政管理处"});
  CHECK(d.tasks[2].id == "一");  // the second list starts again at (一)
  CHECK(co(d, 2) == Names{"区园林局"});
  CHECK(co(d, 3) == Names{"城建科"});
  // A short line keeps its (一): no list runs together there.
  CHECK(d.tasks[4].id == "2");
  CHECK(leads(d, 4) == Names{"市发改委"});
}

TEST_CASE("one-cell-per-line table read by content: a long cell of units is still a cell of units") {
  // The header's 工作 / 任务 broken over two lines: rows are read by what their lines hold.
  const Document d = parse_text(
      "序号\n\n工作\n任务\n\n牵头单位\n\n责任单位\n\n"
      "1\n\n推进营商环境建设。\n\n县发改局\n\n"
      "县公安局、县疾控中心、县粮食和物资储备局、县城管执法局、县烟草专卖局、县财政局、县公路事业发展中心、"
      "县政务服务和大数据管理局、县林业局、县住建局、团县委、县自然资源和规划局\n\n"
      "2\n\n推进乡村振兴。\n\n县农业农村局\n\n县财政局\n");
  REQUIRE(!d.tasks.empty());
  CHECK(leads(d, 0) == Names{"县发改局"});
  CHECK(co(d, 0).size() == 12);
  CHECK(co(d, 0).back() == "县自然资源和规划局");
}

TEST_CASE("a page copied with an empty line after every line reads as the same page without them") {
  // Browsers copy each paragraph or cell of a page with an empty line after it: cells, labels and
  // their values are then never neighbours (a table one cell per line, key-over-value fields).
  const std::string single =
      "序号\n重点任务\n牵头单位\n责任单位\n1\n推进营商环境建设。\n县发改局\n县公安局、县财政局\n"
      "2\n推进乡村振兴。\n县农业农村局\n县财政局\n";
  std::string doubled;
  for (char c : single) doubled += c == '\n' ? std::string("\n\n") : std::string(1, c);
  for (const std::string& text : {single, doubled}) {
    const Document d = parse_text(text);
    REQUIRE(d.tasks.size() == 2);
    CHECK(leads(d, 0) == Names{"县发改局"});
    CHECK(co(d, 0) == Names{"县公安局", "县财政局"});
    CHECK(leads(d, 1) == Names{"县农业农村局"});
    CHECK(co(d, 1) == Names{"县财政局"});
  }
  const Document fields = parse_text("1.新建雨水管网。\n\n责任单位:\n\n水务局、城管局\n\n2.文化惠民。\n\n牵头单位\n\n文广旅局\n");
  REQUIRE(fields.tasks.size() == 2);
  CHECK(co(fields, 0) == Names{"水务局", "城管局"});
  CHECK(leads(fields, 1) == Names{"文广旅局"});
  // A text that uses its empty lines (a cell of several lines ends at one) keeps them.
  const Document cells = parse_text(
      "序号\n\n重点任务\n\n牵头单位\n\n责任单位\n\n1\n\n推进营商环境建设。\n\n县发改局\n\n县公安局\n县财政局\n\n"
      "2\n\n推进乡村振兴。\n\n县农业农村局\n\n县财政局\n");
  REQUIRE(cells.tasks.size() == 2);
  CHECK(co(cells, 0) == Names{"县公安局", "县财政局"});
  CHECK(leads(cells, 1) == Names{"县农业农村局"});
}

TEST_CASE("key-over-value fields: Windows line breaks, a unit whose name holds 工作") {
  // A bare label (责任单位, no colon) before \r\n is a label as before \n.
  const Document crlf = parse_text("01 项目名称:文化惠民\r\n项目内容:\r\n新建书房。\r\n责任单位\r\n文广旅局\r\n"
                                   "02 项目名称:排水防涝\r\n责任单位:\r\n水务局\r\n");
  REQUIRE(crlf.tasks.size() == 2);
  CHECK(co(crlf, 0) == Names{"文广旅局"});
  CHECK(co(crlf, 1) == Names{"水务局"});
  // Lines ending in a colon are keys, not a table's header: 市金融工作局 (工作, as 重点工作 names a
  // task column) under 牵头单位： made the fields a table of two columns.
  const Document keys = parse_text("2.健全地方金融监管。\n牵头单位：\n市金融工作局\n责任单位：\n市直各部门\n");
  REQUIRE(keys.tasks.size() == 1);
  CHECK(leads(keys, 0) == Names{"市金融工作局"});
  CHECK(co(keys, 0) == Names{"市直各部门"});
}

TEST_CASE("a bracket the lines of a PDF-wrapped paragraph break open: read over the lines it spans") {
  // As PDF text layers print a paragraph: hard line breaks at the width of the page, the
  // annotation's bracket opened on one line and closed on the next, a label or a name cut in two.
  const Document d = parse_text(
      "1.按照国家统一部署,平稳有序实施企业职工基本养老保险缴费比例、缴费基数统一\n"
      "政策,保持企业社会保险缴费成本预期稳定。(市人力资源社会保障局、市医保局、市财政局\n"
      "、市税务局负责)\n"
      "2.加强思想理论武装。进一步提高局党委理论学习中心组学习质量,落实学习制度。(责任科\n"
      "室:组干科、机关党委)\n"
      "3.继续实施失业保险稳岗返还政策。(市人力资源\n"
      "社会保障局负责)\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(co(d, 0) == Names{"市人力资源社会保障局", "市医保局", "市财政局", "市税务局"});
  CHECK(co(d, 1) == Names{"组干科", "机关党委"});
  CHECK(co(d, 2) == Names{"市人力资源社会保障局"});  // printed without the line break
  CHECK(role_names(d, d.tasks[2], Role::Co, true) == Names{"市人社局"});
  CHECK(d.skipped.empty());
}

TEST_CASE("zero-width characters a page leaves in a list are not part of its names") {
  // Dropped when the bytes are decoded (and as entities in a page): the parser never sees them.
  const DecodedText decoded = decode("1.甲工作。(牵头单位:\u200b市财政局;责任单位:市教育局、\u200b市民政局\u2060、市\u200d卫健委)\n");
  const Document d = parse_text(decoded.text);
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d, 0) == Names{"市财政局"});
  CHECK(co(d, 0) == Names{"市教育局", "市民政局", "市卫健委"});
}

TEST_CASE("labels of departments (部门) with a prefix, and a ratio sign printed for the colon") {
  // 牵头责任部门 / 协同责任部门 as 牵头责任单位 / 协同责任单位 are; ∶ (U+2236) as a label's colon.
  const Document d = parse_text(
      "1. 地区生产总值增长8%以上。\n牵头负责领导:金力。\n牵头责任部门:市发展改革委。\n协同责任部门:市经信局、市商务局。\n"
      "2. 财政收入增长8%左右。(牵头单位∶市财政局;配合单位∶市税务局)\n"
      "3. 推进项目建设。(承办部门:市住建局;实施部门:各县区政府)\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"市发展改革委"});
  CHECK(co(d, 0) == Names{"市经信局", "市商务局"});
  CHECK(d.tasks[0].leaders == std::vector<std::string>{"金力"});
  CHECK(leads(d, 1) == Names{"市财政局"});
  CHECK(co(d, 1) == Names{"市税务局"});
  CHECK(co(d, 2) == Names{"市住建局", "各县区政府"});
}

TEST_CASE("a space after 、 stays inside a list: the places before a shared suffix still take it") {
  const Document d = parse_text("1.甲工作。(责任单位:县委编办，桂永乡、 山盛镇、 赤武镇政府;牵头单位:县发改局 县财政局)\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(co(d, 0) == Names{"县委编办", "桂永乡政府", "山盛镇政府", "赤武镇政府"});
  CHECK(leads(d, 0) == Names{"县发改局", "县财政局"});  // a space alone still separates units
}

TEST_CASE("fields one space apart: a field no label names ends the annotation before it") {
  // As a newspaper prints project progress on one line (r168, tests/data/real).
  const Document d = parse_text(
      "1.新增安装300套路口交通信息视频采集设备。 牵头领导:王仁洲 责任单位:市公安局 项目责任人:王伟标 "
      "配合单位:市城管局、市财政局 实际完成情况:整体进度已完成年度目标任务的55%,项目按预期计划扎实有序推进。\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(co(d, 0) == Names{"市公安局", "市城管局", "市财政局"});  // 项目按预期计划扎实有序推进 was one
  for (const std::string& remark : d.tasks[0].remarks) CHECK(remark.find("完成情况") == std::string::npos);
}

TEST_CASE("letter-spaced labels and column names read as the words they are once decoded") {
  // Distributed alignment spreads a label or a header cell (牵 头 单 位); decoding closes it up
  // (text/letter_spacing.hpp), so that labels, key lines and table headers are found as printed unspaced.
  const auto parse_decoded = [](const std::string& bytes) {
    DecodedText decoded = decode(bytes);
    return extract_document(Source{"test.txt", decoded.encoding, std::move(decoded.text)}, {});
  };
  const Document keys = parse_decoded("1.推进甲工作。\n牵 头 单 位：市教育局\n责　任　单　位：市财政局、市民政局\n");
  REQUIRE(keys.tasks.size() == 1);
  CHECK(leads(keys, 0) == Names{"市教育局"});
  CHECK(co(keys, 0) == Names{"市财政局", "市民政局"});
  const Document table = parse_decoded(
      "序 号   工 作 任 务    牵 头 单 位   责 任 单 位\n"
      "1   推进甲工作。   市财政局   市教育局、市民政局\n"
      "2   推进乙工作。   市教育局   市财政局\n");
  REQUIRE(table.tasks.size() == 2);
  CHECK(leads(table, 1) == Names{"市教育局"});
  CHECK(co(table, 0) == Names{"市教育局", "市民政局"});
  const Document bracket = parse_decoded("1.推进甲工作。（牵 头 单 位：市财政局；配 合 单 位：市教育局）\n");
  REQUIRE(bracket.tasks.size() == 1);
  CHECK(leads(bracket, 0) == Names{"市财政局"});
  CHECK(co(bracket, 0) == Names{"市教育局"});
}

TEST_CASE("one cell per line: group rows of a topic, (一) and a title, right under the header too") {
  // A work report's division table (r218, tests/data/real): the topic and the sub-heading are rows
  // of their own whose other cells are empty; the first stands right under the header.
  const Document d = parse_text(
      "序号\n\n重点工作\n\n市政府\n\n分管领导\n\n牵头单位\n\n配合单位\n\n备注\n\n"
      "强化科技创新支撑能力。\n\n\n\n\n\n(一)\n\n加强战略科技力量建设。\n\n\n\n\n\n"
      "1\n\n加快建设科技创新轴。\n\n王 东\n\n市科技局\n\n黄埔区、南沙区政府\n\n\n"
      "2\n\n做好国家实验室筹建保障服务工作。\n\n王 东\n\n市科技局\n\n市财政局\n\n\n"
      "(二)\n\n培育壮大市场主体。\n\n\n\n\n\n"
      "3\n\n优化营商环境。\n\n李 明\n\n市发展改革委\n\n市市场监管局\n\n\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"市科技局"});
  CHECK(co(d, 0) == Names{"黄埔区政府", "南沙区政府"});
  CHECK(leads(d, 2) == Names{"市发展改革委"});
  CHECK(co(d, 2) == Names{"市市场监管局"});
  CHECK(d.sections[d.tasks[0].section].back() == "加强战略科技力量建设。");
  CHECK(d.sections[d.tasks[2].section].back() == "培育壮大市场主体。");
  CHECK(d.skipped.empty());
}

TEST_CASE("table rows repeating the number above continue its task, within one section") {
  // A sheet that fills a merged 序号 cell (and the role cells beside it) on every row of a task's
  // measures (a Tencent Docs export; the readers repeat merged cells the same way): one task.
  const Document d = parse_text(
      "序号\t重点工作\t牵头部门\t配合部门\t年度工作措施\n"
      "1\t稳定经济发展。\t财务会计部\t各部门\t1.下达年度目标；\n"
      "1\t稳定经济发展。\t财务会计部\t各部门、审计部\t2.制定预算执行清单；\n"
      "2\t抓好为农服务。\t投资发展部\t财务会计部\t1.分解营收指标；\n"
      "一、第二部分\n"
      "序号\t重点工作\t牵头部门\t配合部门\t年度工作措施\n"
      "2\t推进项目达效。\t投资发展部\t各部门\t1.跟踪投资计划；\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(d.tasks[0].id == "1");
  CHECK(leads(d, 0) == Names{"财务会计部"});
  CHECK(co(d, 0) == Names{"各部门", "审计部"});  // the rows' units once each
  CHECK(d.tasks[1].id == "2");
  CHECK(d.tasks[2].id == "2");  // the same number under another heading is another task
  CHECK(leads(d, 2) == Names{"投资发展部"});
}

TEST_CASE("a name a cell's line break cut is one name; names side by side stay apart") {
  // A sheet or a page prints a line break inside a cell as a space: 农产品流通工作 / 专班 is the task
  // force 农产品流通工作专班; 财务会计部 / 投资发展部 are two departments.
  const Document d = parse_text(
      "序号\t重点工作\t牵头部门\t配合部门\n"
      "1\t抓好为农服务。\t农产品流通工作 专班\t财务会计部 投资发展部\n"
      "2\t编制规划。\t“十五五”规划编制 领导小组办公室\t市气象台 市水文站\n"
      "3\t做好统计。\t市统计局\t各区 各部门\n"
      "4\t做好保洁。\t市城管局\t各街道 高新区管委会\n");
  REQUIRE(d.tasks.size() == 4);
  CHECK(co(d, 3) == Names{"各街道", "高新区管委会"});  // a collective is whole
  CHECK(leads(d, 0) == Names{"农产品流通工作 专班"});
  CHECK(co(d, 0) == Names{"财务会计部", "投资发展部"});
  CHECK(leads(d, 1) == Names{"“十五五”规划编制 领导小组办公室"});
  CHECK(co(d, 1) == Names{"市气象台", "市水文站"});
  CHECK(co(d, 2) == Names{"各区", "各部门"});
}

TEST_CASE("a record of one task's fields: the field naming the task gives its text and number") {
  // A progress page prints each task as key-value cells (r214, tests/data/real): 重点工作: | 135.… |,
  // then 牵头单位: | X |. Records follow one another, under headings too, a deadline's field between.
  const Document d = parse_text(
      "重点工作: | 135.统筹违法建设治理与城市更新。 |\n"
      "牵头单位: | 市城市管理综合执法局 |\n"
      "年度阶段性工作目标: | 第一季度:印发方案。 |\n"
      "\n"
      "一、第二部分\n"
      "\n"
      "工作任务：推进甲工作\n"
      "牵头单位：市财政局\n"
      "责任单位：市教育局\n"
      "\n"
      "主要任务：2.推进乙工作。\n"
      "完成时限：年底前\n"
      "市责任单位：市民政局\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(d.tasks[0].id == "135");
  CHECK(d.text(d.tasks[0]) == "统筹违法建设治理与城市更新。");
  CHECK(leads(d, 0) == Names{"市城市管理综合执法局"});
  CHECK(d.tasks[1].id == "工作任务");  // no number: the field's key
  CHECK(d.text(d.tasks[1]) == "推进甲工作");
  CHECK(leads(d, 1) == Names{"市财政局"});
  CHECK(co(d, 1) == Names{"市教育局"});
  CHECK(d.tasks[1].line == 7);
  CHECK(d.tasks[2].id == "2");
  CHECK(co(d, 2) == Names{"市民政局"});
  CHECK(d.tasks[2].line == 11);
  CHECK(d.skipped.empty());
}

TEST_CASE("one cell per line without a number column: a cell over several lines, rows told by their units") {
  // A progress table (r215, tests/data/real): cells set off by blank lines, the progress cell over two
  // lines, the units one per line, then a telephone number; a header cell longer than most.
  const Document d = parse_text(
      "重点项目\n\n项目内容及目标要求\n\n执行措施、工作进展、取得成效\n\n后续举措\n\n责任单位\n\n监督方式\n\n"
      "健全公共卫生体系,完成区疾控中心标准化建设。\n\n"
      "一期门诊楼门窗安装完成。\n二期住院楼外装施工完成。\n\n"
      "持续推进。\n\n"
      "区卫健局\n区财政局\n\n"
      "0533-5180077\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(co(d, 0) == Names{"区卫健局", "区财政局"});
  CHECK(leads(d, 0).empty());
}

TEST_CASE("a labelled list a PDF's line break cut goes on on the next line") {
  // A page of full width wraps the list inside a name (园区党工 / 委, r237 in tests/data/real) or
  // after a 、; the line after goes on with the list. A short line, or a list whose last name is whole,
  // ends there.
  const Document d = parse_text(
      "1.完善街道党工委对地区治理重大工作的领导体制机制。\n"
      "牵头单位:区委组织部\n"
      "协办单位:区委编办、区民政局(区委社会工委)、园区党工\n"
      "委、各街道党工委\n"
      "2.加强社区工作者队伍建设,健全社区工作者职业体系。\n"
      "协办单位:区委编办、区民政局、区人力社保局、区财政局、\n"
      "区卫健委\n"
      "3.推进街道综合执法。\n"
      "协办单位:区委编办、区民政局、区人力社保局、区城管委\n"
      "执法力量下沉街道。\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"区委组织部"});
  CHECK(co(d, 0) == Names{"区委编办", "区民政局(区委社会工委)", "园区党工委", "各街道党工委"});
  CHECK(co(d, 1) == Names{"区委编办", "区民政局", "区人力社保局", "区财政局", "区卫健委"});
  CHECK(co(d, 2) == Names{"区委编办", "区民政局", "区人力社保局", "区城管委"});
}

TEST_CASE("labels with their kind of unit again in brackets; goals ending in 政府 are no unit's headings") {
  // 牵头科室(单位): (r224, tests/data/real) reads as 牵头科室:; a bracket of another word is no label's.
  const Document d = parse_text(
      "1.推进科技资源统筹。\n"
      "牵头科室(单位):计划科、科技资源统筹中心基建办\n"
      "责任单位（部门）：市财政局\n"
      "2.加强科技计划管理。\n"
      "牵头科室(2个):计划科\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d, 0) == Names{"计划科", "科技资源统筹中心基建办"});
  CHECK(co(d, 0) == Names{"市财政局"});
  // A heading that states a goal (r228) does not hand its items to a 政府 as their unit; a heading
  // that is a unit's name does.
  const Document goals = parse_text(
      "一、着力构建高效协同的数字政府\n"
      "1.深化政务服务。(牵头单位:市行政审批服务局;责任单位:市直有关部门、单位,各区市政府)\n"
      "2.优化掌上办功能。\n"
      "二、区教育局\n"
      "1.办好学前教育。\n");
  REQUIRE(goals.tasks.size() == 2);
  CHECK(co(goals, 0) == Names{"市直有关部门、单位", "各区市政府"});  // a bare 单位 completes the collective
  CHECK(goals.tasks[1].id == "1");
  CHECK(co(goals, 1) == Names{"区教育局"});
}

TEST_CASE("a header wrapped over lines of several cells above a body of one cell per line") {
  // A page prints a bar after each cell (r226, tests/data/real): 序号 | 重点任务 | / 完成时间 | … |,
  // then 7 | / the task | …; a progress cell may open with a number of its own before the next row.
  const Document d = parse_text(
      "序号 | 重点任务 |\n完成时间 | 责任人 | 责任部门 | 进展情况 |\n"
      "7 |\n完善园区骨架路网,开工建设凤凰路。 |\n12月底前建设完成。 |\n王广部 王鹏伟 |\n国土住建局 |\n"
      "1、凤凰路一期已建成通车。 2、三亚路已建设完成60%。 |\n"
      "8 |\n推进乙工作。 |\n12月底前。 |\n李某 |\n市财政局、市税务局 |\n已完成。 |\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].id == "7");
  CHECK(co(d, 0) == Names{"国土住建局"});
  CHECK(d.tasks[1].id == "8");
  CHECK(co(d, 1) == Names{"市财政局", "市税务局"});
  // The progress cell is no task, and says so: every numbered line is a task or skipped.
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 8);
  CHECK(d.skipped[0].reason == "numbered line read as a cell of the table row on line 3, not as a task");
}

TEST_CASE("a numbered paragraph after a row cut short is no cell of a units or deadline column") {
  // One cell per line, the last column units: row 2's empty 配合单位 cell is not printed, and the
  // paragraph after it is a task of its own (found by fuzz_html). Taken as row 2's last cell it gave
  // a unit "3.加强安全生产" and task 3 was neither a task nor skipped.
  const Document d = parse_text(
      "序号\n工作任务\n牵头单位\n配合单位\n"
      "1\n推进项目建设\n市发改委\n市财政局\n"
      "2\n稳定财政收入\n市财政局\n"
      "3.加强安全生产。（牵头单位：市应急局）\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"市发改委"});
  CHECK(co(d, 0) == Names{"市财政局"});
  CHECK(d.tasks[1].id == "2");
  for (const AgencyMention& mention : d.tasks[1].agencies) CHECK(d.name(mention.name) == "市财政局");
  CHECK(d.tasks[2].id == "3");
  CHECK(leads(d, 2) == Names{"市应急局"});
  // The same under a last column of deadlines (a second input of fuzz_html).
  const Document by_date = parse_text(
      "序号\n工作任务\n责任单位\n完成时限\n"
      "1\n推进项目建设\n市发改委\n6月底前\n"
      "2\n稳定财政收入\n市财政局\n"
      "3.加强安全生产。（牵头单位：市应急局）\n");
  REQUIRE(by_date.tasks.size() == 3);
  CHECK(by_date.tasks[1].id == "2");
  CHECK(by_date.tasks[2].id == "3");
  CHECK(leads(by_date, 2) == Names{"市应急局"});
}

TEST_CASE("a numbered paragraph is a row's last cell only where the row names its units and a row follows") {
  // One cell per line, the last column progress: a progress cell may open with a number of its own
  // (r226), but only in a row that names its units, and only where the line after it ends the row.
  // fuzz_html and fuzz_csv found rows taking a numbered paragraph as that cell when the row named no
  // units (the row was skipped, the paragraph with it) and when the "row number" after it was a
  // figure (860 above 6项), which does not end a row: neither a task nor skipped.
  const Document no_units = parse_text(
      "序号\n工作任务\n责任单位\n进展情况\n"
      "1\n推进项目建设\n市发改委\n已完成。\n"
      "2\n稳定财政收入\n尚未明确\n"
      "3.加强安全生产。（牵头单位：市应急局）\n"
      "4\n");
  REQUIRE(no_units.tasks.size() == 2);
  CHECK(no_units.tasks[0].id == "1");
  CHECK(no_units.tasks[1].id == "3");
  CHECK(leads(no_units, 1) == Names{"市应急局"});
  REQUIRE(no_units.skipped.size() == 1);
  CHECK(no_units.skipped[0].line == 9);  // row 2, which names no unit
  const Document figure_after = parse_text(
      "序号\n工作任务\n责任单位\n进展情况\n"
      "1\n推进项目建设\n市发改委\n"
      "2.加强安全生产。（牵头单位：市应急局）\n"
      "860\n6项\n");
  REQUIRE(figure_after.tasks.size() == 2);
  CHECK(figure_after.tasks[0].id == "1");
  CHECK(co(figure_after, 0) == Names{"市发改委"});
  CHECK(figure_after.tasks[1].id == "2");
  CHECK(leads(figure_after, 1) == Names{"市应急局"});
  // A numbered paragraph with an annotation of its own is a task, where a row follows it too.
  const Document annotated = parse_text(
      "序号\n工作任务\n责任单位\n进展情况\n"
      "1\n推进项目建设\n市发改委\n"
      "2.加强安全生产。（牵头单位：市应急局）\n"
      "3\n优化营商环境\n市场监管局\n推进中。\n");
  REQUIRE(annotated.tasks.size() == 2);
  CHECK(annotated.tasks[1].id == "2");
  CHECK(leads(annotated, 1) == Names{"市应急局"});
}

TEST_CASE("under a heading that names the lead of its items, an item's co-only annotation keeps that lead") {
  // r258 (tests/data/real): (三)省编办牵头的工作 / 1.… / 2.… / 协同单位：… — the 协同单位 line adds co units;
  // the heading's lead stays.
  const Document d = parse_text(
      "（三）省编办牵头的工作\n"
      "1.深化行政管理体制改革,优化政府机构设置。\n"
      "2.积极稳妥地推进乡镇机构改革。\n"
      "协同单位：省财政厅、省人事厅、省编办\n"
      "（四）省财政厅牵头的工作\n"
      "1.深化财政体制改革。（牵头单位：省税务局；责任单位：省审计厅）\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"省编办"});
  CHECK(leads(d, 1) == Names{"省编办"});
  CHECK(co(d, 1) == Names{"省财政厅", "省人事厅"});  // the lead is not co too
  CHECK(leads(d, 2) == Names{"省税务局"});            // an item's own lead stands
  CHECK(co(d, 2) == Names{"省审计厅"});
}

TEST_CASE("the next item glued on after an item's annotation starts a line of its own") {
  // A page that lost its line breaks (r259, r263 in tests/data/real): …(省发改委负责)(二)…, …(X牵头) 2.…
  const Document d = parse_text(
      "(一)地区生产总值增长11%左右。(省发改委负责)(二)公共财政收入增长13%左右。(省财政厅主办,省国税局、地税局协办)\n"
      "1.创新消费场景。(省商务厅等相关部门按职责分工负责) 2.落实好提振市场信心措施。(省发展改革委牵头,省财政厅配合)"
      "3.推进城市更新(含老旧小区改造)。(省住房城乡建设厅负责)\n");
  REQUIRE(d.tasks.size() == 5);
  CHECK(d.tasks[0].id == "一");
  CHECK(co(d, 0) == Names{"省发改委"});
  CHECK(d.tasks[1].id == "二");
  CHECK(leads(d, 1) == Names{"省财政厅"});
  CHECK(d.tasks[2].id == "1");
  CHECK(co(d, 2) == Names{"省商务厅", "相关部门"});
  CHECK(d.tasks[3].id == "2");
  CHECK(leads(d, 3) == Names{"省发展改革委"});
  CHECK(co(d, 3) == Names{"省财政厅"});
  CHECK(d.tasks[4].id == "3");
  CHECK(co(d, 4) == Names{"省住房城乡建设厅"});
  // A bracket followed by a number out of sequence, or by a figure, is text.
  const Document text = parse_text("1.完成投资(不含土地)2023年底前完成。(省发改委负责)\n");
  REQUIRE(text.tasks.size() == 1);
  CHECK(co(text, 0) == Names{"省发改委"});
}

TEST_CASE("an annotation the excerpt cuts after a comma is reported, not read as whole") {
  // r261 (tests/data/real): the page's excerpt ends in 部门分工:省财政厅牵头, — its list goes on elsewhere.
  const Document d = parse_text(
      "1.全省生产总值增长5%左右。\n部门分工:省发展改革委牵头,各地、各部门配合。\n"
      "2.地方一般公共预算收入增长5%左右。\n分管省领导:林克庆\n部门分工:省财政厅牵头,\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d, 0) == Names{"省发展改革委"});
  REQUIRE(d.skipped.size() == 1);
  CHECK(d.skipped[0].line == 3);
}
