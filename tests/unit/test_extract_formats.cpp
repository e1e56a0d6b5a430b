// Every annotation format of DOMAIN.md ("Annotation formats met in the wild" 1-7), on documents
// written for these tests.
#include <doctest/doctest.h>

#include "agencygraph/fold.hpp"
#include "extract_test_support.hpp"

using namespace agencygraph;
using namespace agencygraph::test;

TEST_CASE("format 1: labelled annotation in full-width brackets with full-width separators") {
  const Document d = parse_text(
      "12.推进老旧小区改造。（牵头单位：市住建局；责任单位：市财政局、市自然资源和规划局，各县市区政府）\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].id == "12");
  CHECK(std::string(d.text(d.tasks[0])) == "推进老旧小区改造。");
  CHECK(leads(d) == Names{"市住建局"});
  CHECK(co(d) == Names{"市财政局", "市自然资源和规划局", "各县市区政府"});
}

TEST_CASE("format 1: every bracket shape holds an annotation") {
  for (const char* doc : {"1.任务。(牵头单位:市住建局;责任单位:市财政局)", "1.任务。〔牵头单位:市住建局;责任单位:市财政局〕",
                          "1.任务。【牵头单位:市住建局;责任单位:市财政局】", "1.任务。[牵头单位:市住建局;责任单位:市财政局]",
                          "1.任务。［牵头单位：市住建局；责任单位：市财政局］"}) {
    CAPTURE(doc);
    const Document d = parse_text(doc);
    REQUIRE(d.tasks.size() == 1);
    CHECK(leads(d) == Names{"市住建局"});
    CHECK(co(d) == Names{"市财政局"});
  }
}

TEST_CASE("format 1: labels separated by comma, full-width comma, two spaces or a line break") {
  for (const char* doc : {"1.任务。(牵头单位:市住建局,责任单位:市财政局、市税务局)",
                          "1.任务。（牵头单位：市住建局，责任单位：市财政局、市税务局）",
                          "1.任务。(牵头单位:市住建局  责任单位:市财政局、市税务局)",
                          "1.任务。(牵头单位:市住建局\n责任单位:市财政局、市税务局)"}) {
    CAPTURE(doc);
    const Document d = parse_text(doc);
    REQUIRE(d.tasks.size() == 1);
    CHECK(leads(d) == Names{"市住建局"});
    CHECK(co(d) == Names{"市财政局", "市税务局"});
  }
}

TEST_CASE("format 1: 配合单位, 参与单位, 责任部门 and 协办单位 are co-responsible labels") {
  for (const char* label : {"配合单位", "参与单位", "责任部门", "协办单位"}) {
    CAPTURE(label);
    const Document d = parse_text(std::string("5.任务。(牵头单位:县文旅局、县住建局;") + label + ":县财政局)");
    REQUIRE(d.tasks.size() == 1);
    CHECK(leads(d) == Names{"县文旅局", "县住建局"});
    CHECK(co(d) == Names{"县财政局"});
  }
}

TEST_CASE("format 1: no lead, a unit alone, a lead alone") {
  const Document d = parse_text(
      "1.任务一。(责任单位:市科技局、市人社局)\n"
      "2.任务二。(责任单位:县住建局)\n"
      "3.任务三。(牵头单位:市发改委)\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0).empty());
  CHECK(co(d, 0) == Names{"市科技局", "市人社局"});
  CHECK(co(d, 1) == Names{"县住建局"});
  CHECK(leads(d, 2) == Names{"市发改委"});
  CHECK(co(d, 2).empty());
}

TEST_CASE("format 1: names and task text containing brackets; the annotation is the last group") {
  const Document d = parse_text(
      "7.推进(试点)职业教育【改革】。(牵头单位:市商务局(市粮食和物资储备局);责任单位:咸宁职教(集团)学校、"
      "市教育局)\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(std::string(d.text(d.tasks[0])) == "推进(试点)职业教育【改革】。");
  CHECK(leads(d) == Names{"市商务局(市粮食和物资储备局)"});
  CHECK(co(d) == Names{"咸宁职教(集团)学校", "市教育局"});
}

TEST_CASE("format 2: labels on lines of their own, and inline at the end of the sentence") {
  const Document d = parse_text(
      "3.固定资产投资增长10%。\n"
      "牵头单位:区发改局\n"
      "责任单位:各街道,区直各部门\n"
      "\n"
      "4.对引进的高层次人才给予资助。责任单位：市委组织部、市科技局。\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(d.tasks[0].id == "3");
  CHECK(std::string(d.text(d.tasks[0])) == "固定资产投资增长10%。");
  CHECK(leads(d, 0) == Names{"区发改局"});
  CHECK(co(d, 0) == Names{"各街道", "区直各部门"});
  CHECK(std::string(d.text(d.tasks[1])) == "对引进的高层次人才给予资助。");
  CHECK(leads(d, 1).empty());
  CHECK(co(d, 1) == Names{"市委组织部", "市科技局"});
}

TEST_CASE("format 3: role verbs after the names, State Council style") {
  const Document d = parse_text(
      "1.任务一。（发展改革委、财政部牵头，各有关部门按职责分工负责）\n"
      "2.任务二。（教育部、人力资源社会保障部按职责分工负责）\n"
      "3.任务三。(省农业厅牵头)\n"
      "4.任务四。(省发改委、省文化厅等负责)\n"
      "5.任务五。(市文明办牵头落实)\n"
      "6.任务六。(市食安办牵头,市食安委各有关成员单位协作)\n"
      "7.任务七。(市商务局牵头,各地、各部门配合)\n");
  REQUIRE(d.tasks.size() == 7);
  CHECK(leads(d, 0) == Names{"发展改革委", "财政部"});
  CHECK(co(d, 0) == Names{"各有关部门"});
  CHECK(leads(d, 1).empty());
  CHECK(co(d, 1) == Names{"教育部", "人力资源社会保障部"});
  CHECK(leads(d, 2) == Names{"省农业厅"});
  CHECK(co(d, 3) == Names{"省发改委", "省文化厅"});
  CHECK(leads(d, 4) == Names{"市文明办"});
  CHECK(leads(d, 5) == Names{"市食安办"});
  CHECK(co(d, 5) == Names{"市食安委各有关成员单位"});
  CHECK(co(d, 6) == Names{"各地", "各部门"});
}

TEST_CASE("format 3: deadlines and remarks are task fields, never agencies") {
  const Document d = parse_text(
      "1.任务一。（财政部牵头，2023年底前完成）\n"
      "2.任务二。(国务院各部门分别负责,年内持续推进)\n"
      "3.任务三。(牵头单位:市发改委;责任单位:市财政局)（2023年底前完成）\n"
      "4.任务四。(牵头单位:市发改委;完成时限:2023年6月底)\n"
      "5.任务五。(市发改委牵头,各县市区结合实际落实)\n");
  REQUIRE(d.tasks.size() == 5);
  CHECK(leads(d, 0) == Names{"财政部"});
  CHECK(d.tasks[0].deadline == "2023年底前完成");
  CHECK(co(d, 1) == Names{"国务院各部门"});
  CHECK(d.tasks[1].deadline == "年内持续推进");
  CHECK(co(d, 2) == Names{"市财政局"});
  CHECK(d.tasks[2].deadline == "2023年底前完成");
  CHECK(d.tasks[3].deadline == "2023年6月底");
  CHECK(co(d, 4) == Names{"各县市区"});
  for (const Task& t : d.tasks)
    for (const AgencyMention& m : t.agencies) CHECK(d.name(m.name).find("年") == std::string_view::npos);
}

TEST_CASE("format 4: prose with 主办 and 协办") {
  const Document d = parse_text("8.加强基层医疗服务。此项工作由市卫生局主办,市民政局、市财政局协办。\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(std::string(d.text(d.tasks[0])) == "加强基层医疗服务。");
  CHECK(leads(d) == Names{"市卫生局"});
  CHECK(co(d) == Names{"市民政局", "市财政局"});
}

TEST_CASE("format 5: the first-listed convention, from the preamble or from the user") {
  const std::string body = "1.任务一。(责任单位:市发改委、市财政局、市税务局)\n2.任务二。(牵头单位:市教育局;责任单位:市财政局)\n";
  SUBCASE("stated in the document") {
    const Document d = parse_text("各责任单位中列第一位的为牵头单位。\n" + body);
    CHECK(d.first_listed_is_lead);
    CHECK(leads(d, 0) == Names{"市发改委"});
    CHECK(co(d, 0) == Names{"市财政局", "市税务局"});
    CHECK(d.tasks[0].lead_from_first_listed);
    CHECK(leads(d, 1) == Names{"市教育局"});  // an explicit lead stays as printed
    CHECK_FALSE(d.tasks[1].lead_from_first_listed);
  }
  SUBCASE("stated of departments (部门), in a task's list") {
    for (const char* statement : {"(第一责任部门为牵头部门,下同)", "(第一个部门为牵头部门)", "。第一个责任部门为牵头单位"}) {
      const Document d = parse_text(std::string("1.任务一。\n责任部门:市发改委、市财政局") + statement + "\n2.任务二。\n责任部门:市建设局、市水利局\n");
      REQUIRE(d.tasks.size() == 2);
      CHECK(leads(d, 0) == Names{"市发改委"});
      CHECK(co(d, 0) == Names{"市财政局"});
      CHECK(leads(d, 1) == Names{"市建设局"});
    }
  }
  SUBCASE("not stated: no lead") {
    const Document d = parse_text(body);
    CHECK(leads(d, 0).empty());
  }
  SUBCASE("forced by the user") {
    ExtractOptions options;
    options.first_listed_is_lead = true;
    const Document d = parse_text(body, options);
    CHECK(leads(d, 0) == Names{"市发改委"});
  }
}

TEST_CASE("format 6: tables as TSV, CSV, pipe text and one cell per line; people columns ignored") {
  SUBCASE("TSV") {
    const Document d = parse_text(
        "序号\t工作任务\t牵头单位\t责任单位\t分管领导\t完成时限\n"
        "1\t推进老旧小区改造\t市住建局\t市财政局、市自然资源和规划局\t张三\t2023年底\n"
        "2\t扩大有效投资\t市发改委\t各县市区政府\t李四\t全年\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].id == "1");
    CHECK(d.tasks[0].line == 2);
    CHECK(std::string(d.text(d.tasks[0])) == "推进老旧小区改造");
    CHECK(leads(d, 0) == Names{"市住建局"});
    CHECK(co(d, 0) == Names{"市财政局", "市自然资源和规划局"});
    CHECK(d.tasks[0].deadline == "2023年底");
    CHECK(co(d, 1) == Names{"各县市区政府"});
  }
  SUBCASE("CSV with quoted cells") {
    const Document d = parse_text(
        "序号,重点任务,牵头单位,配合单位\n"
        "1,\"推进改造,提升品质\",市住建局,\"市财政局,市税务局\"\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(std::string(d.text(d.tasks[0])) == "推进改造,提升品质");
    CHECK(co(d) == Names{"市财政局", "市税务局"});
  }
  SUBCASE("pipe text") {
    const Document d = parse_text(
        "| 序号 | 工作任务 | 牵头单位 | 责任单位 |\n"
        "|---|---|---|---|\n"
        "| 1 | 推进老旧小区改造 | 市住建局 | 市财政局 |\n");
    REQUIRE(d.tasks.size() == 1);
    CHECK(leads(d) == Names{"市住建局"});
    CHECK(co(d) == Names{"市财政局"});
  }
  SUBCASE("flattened from Word, one cell per line") {
    const Document d = parse_text(
        "序号\n工作任务\n牵头单位\n责任单位\n"
        "1\n推进老旧小区改造\n市住建局\n市财政局、市税务局\n"
        "2\n扩大有效投资\n市发改委\n各县市区政府\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[1].id == "2");
    CHECK(leads(d, 1) == Names{"市发改委"});
    CHECK(co(d, 0) == Names{"市财政局", "市税务局"});
  }
  SUBCASE("flattened from Word under a numbered heading that names a header word") {
    // 一、重点任务 holds 重点任务, a task-column word; read as the table's first header cell it shifted
    // every column (task "推进老旧小区改造" came out with id 推进老旧小区改造 and lead 市财政局).
    const Document d = parse_text(
        "一、重点任务\n序号\n工作任务\n牵头单位\n责任单位\n"
        "1\n推进老旧小区改造\n市住建局\n市财政局、市税务局\n"
        "2\n扩大有效投资\n市发改委\n各县市区政府\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].id == "1");
    CHECK(d.tasks[0].line == 6);
    CHECK(d.text(d.tasks[0]) == "推进老旧小区改造");
    CHECK(leads(d, 0) == Names{"市住建局"});
    CHECK(co(d, 0) == Names{"市财政局", "市税务局"});
    CHECK(d.tasks[1].id == "2");
    CHECK(leads(d, 1) == Names{"市发改委"});
    CHECK(d.sections.at(d.tasks[1].section) == std::vector<std::string>{"一、重点任务"});
    CHECK(d.skipped.empty());
  }
  SUBCASE("a numbered paragraph after a short last row of a table flattened from Word is a paragraph") {
    // Row 2 stops after its task cell; the numbered paragraph after it used to be taken as the row's
    // lead cell (a "unit" named after the whole paragraph) and was neither a task nor skipped.
    const Document d = parse_text(
        "序号\n工作任务\n牵头单位\n责任单位\n"
        "1\n推进老旧小区改造\n市住建局\n市财政局\n"
        "2\n扩大有效投资\n"
        "3. 加强安全生产监管。（牵头单位：市应急局）\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[0].id == "1");
    CHECK(leads(d, 0) == Names{"市住建局"});
    CHECK(d.tasks[1].id == "3");
    CHECK(d.tasks[1].line == 11);
    CHECK(leads(d, 1) == Names{"市应急局"});
    REQUIRE(d.skipped.size() == 1);  // row 2 names no unit: reported
    CHECK(d.skipped[0].line == 9);
  }
  SUBCASE("a TSV row with a blank first cell keeps its columns") {
    // A blank 序号 (an Excel export of a merged cell) starts the row with a TAB; trimmed away as
    // white space, it used to shift the row one column left (text 市市场监管局, lead 市公安局).
    const Document d = parse_text(
        "序号\t工作任务\t牵头单位\t配合单位\n"
        "1\t推进项目建设\t市发改委\t市财政局\n"
        "\t加强监管\t市市场监管局\t市公安局\n");
    REQUIRE(d.tasks.size() == 2);
    CHECK(d.tasks[1].line == 3);
    CHECK(d.text(d.tasks[1]) == "加强监管");
    CHECK(leads(d, 1) == Names{"市市场监管局"});
    CHECK(co(d, 1) == Names{"市公安局"});
  }
  SUBCASE("a table right after a numbered paragraph is the table's, not the paragraph's annotation") {
    // The header's 牵头单位 used to be read as a label on a line of its own: the paragraph became a
    // task led by 配合单位 and both rows were lost, with nothing skipped.
    for (const std::string header : {"序号\t工作任务\t牵头单位\t配合单位\n", "序号\n工作任务\n牵头单位\n配合单位\n"}) {
      const bool tsv = header.find('\t') != std::string::npos;
      const std::string rows = tsv ? "1\t推进项目建设\t市发改委\t市财政局\n2\t加强监管\t市市场监管局\t市公安局\n"
                                   : "1\n推进项目建设\n市发改委\n市财政局\n2\n加强监管\n市市场监管局\n市公安局\n";
      const Document d = parse_text("1. 重点任务清单如下\n" + header + rows);
      CAPTURE(tsv);
      REQUIRE(d.tasks.size() == 2);
      CHECK(d.tasks[0].id == "1");
      CHECK(d.text(d.tasks[0]) == "推进项目建设");
      CHECK(leads(d, 0) == Names{"市发改委"});
      CHECK(co(d, 0) == Names{"市财政局"});
      CHECK(leads(d, 1) == Names{"市市场监管局"});
      CHECK(co(d, 1) == Names{"市公安局"});
      REQUIRE(d.skipped.size() == 1);  // the paragraph itself names no unit: reported, not dropped
      CHECK(d.skipped[0].line == 1);
    }
  }
}

TEST_CASE("format 7: a work report without annotations gives no tasks") {
  const Document d = parse_text("一、2022年工作回顾\n过去一年，我们坚持稳中求进。\n二、2023年工作安排\n加快发展。\n");
  CHECK(d.tasks.empty());
  CHECK(d.skipped.empty());
}

TEST_CASE("task numbers 1. 1、 1． (1) (一), and headings that carry no annotation") {
  const Document d = parse_text(
      "一、总体要求\n"
      "(一)稳增长\n"
      "1.任务一。(牵头单位:市发改委)\n"
      "2、任务二。(牵头单位:市发改委)\n"
      "3．任务三。(牵头单位:市发改委)\n"
      "(4)任务四。(牵头单位:市发改委)\n"
      "（五）任务五。（牵头单位：市发改委）\n");
  REQUIRE(d.tasks.size() == 5);
  CHECK(d.tasks[0].id == "1");
  CHECK(d.tasks[1].id == "2");
  CHECK(d.tasks[2].id == "3");
  CHECK(d.tasks[3].id == "4");
  CHECK(d.tasks[4].id == "五");
  CHECK(d.sections[d.tasks[0].section] == std::vector<std::string>{"一、总体要求", "(一)稳增长"});
}

TEST_CASE("a numbered paragraph without annotation is reported as skipped, with its line") {
  const Document d = parse_text("1.任务一。(牵头单位:市发改委)\n2.任务二没有标注。\n3.任务三。(备注)\n");
  REQUIRE(d.tasks.size() == 1);
  REQUIRE(d.skipped.size() == 2);
  CHECK(d.skipped[0].line == 2);
  CHECK(d.skipped[1].line == 3);
  CHECK(d.skipped[0].reason.find("annotation") != std::string::npos);
}

TEST_CASE("a traditional-script document reads like a simplified one; names stay as printed") {
  const Document d = parse_text("1.推進老舊小區改造。(牽頭單位:市住建局;配合單位:市財政局、市發展和改革委員會)\n"
                                "2.任務。（教育部牽頭，各有關部門按職責分工負責）\n");
  REQUIRE(d.tasks.size() == 2);
  CHECK(leads(d, 0) == Names{"市住建局"});
  CHECK(co(d, 0) == Names{"市財政局", "市發展和改革委員會"});
  CHECK(role_names(d, d.tasks[0], Role::Co, true) == Names{"市财政局", "市发改委"});
  CHECK(leads(d, 1) == Names{"教育部"});
  CHECK(co(d, 1) == Names{"各有關部門"});
}

TEST_CASE("role verbs 参加, 承办 and 指导, inside a labelled bracket too") {
  // As r136, r138 and r140 print them (tests/data/real).
  const Document d = parse_text(
      "1.推进扶贫工作。(责任单位:县扶贫开发办牵头,县教育和体育局、县卫健局等有关部门参加,各镇街落实)\n"
      "2.加强食品安全监管。由省经贸委承办,省卫生厅、省农业厅协办。\n"
      "3.推进固体废物减量。（自然资源部、工业和信息化部指导，试点城市政府负责落实）\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(leads(d, 0) == Names{"县扶贫开发办"});
  CHECK(co(d, 0) == Names{"县教育和体育局", "县卫健局", "有关部门", "各镇街"});
  CHECK(leads(d, 1) == Names{"省经贸委"});
  CHECK(co(d, 1) == Names{"省卫生厅", "省农业厅"});
  CHECK(leads(d, 2).empty());
  CHECK(co(d, 2) == Names{"自然资源部", "工业和信息化部", "试点城市政府"});
}

TEST_CASE("pinyin readings after traditional characters (spam copies of pages) are read past") {
  // As r130 prints them: inside the label and inside names. Names keep their readings as printed;
  // their canonical forms have none.
  const Document d = parse_text(
      "1. 加強規劃成果中節(jié)約用地落實情況審查。(牽頭單位:省自然資源廳;責(zé)任單位:省住房城鄉(xiāng)建設(shè)廳、"
      "各市、縣人民政府)\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d) == Names{"省自然資源廳"});
  CHECK(co(d) == Names{"省住房城鄉(xiāng)建設(shè)廳", "各市、縣人民政府"});
  CHECK(role_names(d, d.tasks[0], Role::Co, true) == Names{"省住房城乡建设厅", "各市、县人民政府"});
}

TEST_CASE("only a bracket of one toned syllable after an ideograph of a traditional document is a reading") {
  const Folder traditional(true);
  CHECK(traditional.fold_utf8("責(zé)任單位") == "责任单位");
  CHECK(traditional.fold_utf8("城鄉(xiāng)建設(shè)") == "城乡建设");
  // Full-width brackets too, as a copy converted to full-width punctuation prints them.
  CHECK(traditional.fold_utf8("責（zé）任單位：") == "责任单位:");
  CHECK(traditional.fold_utf8("責（zé)任") == "责(zé)任");  // brackets of two widths: not a reading
  // Not readings: no tone mark, capitals, digits, a space before, more than one syllable's letters.
  CHECK(traditional.fold_utf8("單位(cm)") == "单位(cm)");
  CHECK(traditional.fold_utf8("市(AED)") == "市(AED)");
  CHECK(traditional.fold_utf8("縣(2023)") == "县(2023)");
  CHECK(traditional.fold_utf8("(zé)責") == "(zé)责");
  CHECK(traditional.fold_utf8("責 (zé)") == "责 (zé)");
  CHECK(traditional.fold_utf8("區(zhuāngzhuang)") == "区(zhuāngzhuang)");
  // A simplified document is folded as printed.
  CHECK(Folder(false).fold_utf8("责(zé)任单位") == "责(zé)任单位");
  // The reading belongs to the ideograph before it: 責's folded character spans "責(zé)".
  const std::string text = "責(zé)任單位:省住房城鄉(xiāng)建設(shè)廳";
  FoldedText folded;
  traditional.append(text, 0, static_cast<std::uint32_t>(text.size()), folded);
  CHECK(folded.chars == U"责任单位:省住房城乡建设厅");
  CHECK(folded.offsets[1] == std::string_view("責(zé)").size());
}

TEST_CASE("a lead marked inside the list of responsible units: 市发改委（牵头）、市财政局") {
  const Document d = parse_text("1.任务。（责任单位：市发改委（牵头）、市财政局、市税务局）\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(leads(d) == Names{"市发改委"});
  CHECK(co(d) == Names{"市财政局", "市税务局"});
}

TEST_CASE("labels in brackets of their own: 【牵头单位】A【责任单位】B") {
  const Document d = parse_text("1.推进改革。【牵头单位】市发改委【责任单位】市财政局、市税务局\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(std::string(d.text(d.tasks[0])) == "推进改革。");
  CHECK(leads(d) == Names{"市发改委"});
  CHECK(co(d) == Names{"市财政局", "市税务局"});
}

TEST_CASE("collectives with brackets inside stay whole: 各县(市、区)人民政府") {
  const Document d = parse_text("1.任务。(牵头单位:市民政局;责任单位:各县(市、区)人民政府、市财政局)\n");
  REQUIRE(d.tasks.size() == 1);
  CHECK(co(d) == Names{"各县(市、区)人民政府", "市财政局"});
}

// Found by the synthetic corpus round trip (tools/gencorpus): each once extracted wrongly.
TEST_CASE("role verbs after names with brackets; prose naming a unit with brackets") {
  const Document d = parse_text(
      "7.任务。(省发改委牵头负责,省商务厅(省粮食局)、吉仙大学、省科协按职责分工负责)\n"
      "8.任务。（县发改局牵头，县科协、各乡镇（场）按职责分工负责，2022年底前完成）\n"
      "9.任务。此项工作由市市场监管局主办，市行政审批局（市政务服务中心）协办。\n");
  REQUIRE(d.tasks.size() == 3);
  CHECK(co(d, 0) == Names{"省商务厅(省粮食局)", "吉仙大学", "省科协"});
  CHECK(co(d, 1) == Names{"县科协", "各乡镇（场）"});
  CHECK(d.tasks[1].deadline == "2022年底前完成");
  CHECK(leads(d, 2) == Names{"市市场监管局"});
  CHECK(co(d, 2) == Names{"市行政审批局（市政务服务中心）"});
}

TEST_CASE("titles: 关于印发X市2023年… names X市; a heading is not annotated by the lines after it") {
  const Document d = parse_text(
      "关于印发房孝市2023年《政府工作报告》目标任务分解的通知\n"
      "三、加强督办\n"
      "（各项任务中列第一位的为牵头单位）\n"
      "1.任务。(责任单位:市发改委、市财政局)\n");
  CHECK(d.jurisdiction == std::optional<std::string>("房孝市"));
  CHECK(d.year == std::optional<int>(2023));
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].id == "1");
  CHECK(d.first_listed_is_lead);
  CHECK(leads(d) == Names{"市发改委"});
}

TEST_CASE("titles: a table's rows are never the title, in a sheet or page that has none") {
  // A row whose task names 政府工作报告 and 分工 reads like a title. The title precedes the table's
  // header; taken from a row, it named the document after a task, and documents are merged as
  // pages of one another by their titles.
  const std::string task = "抓好政府工作报告重点任务分工落实";
  const std::string tsv = "序号\t重点任务\t牵头单位\t配合单位\n"
                          "1\t推进产业园区建设\t县发改委\t县财政局\n"
                          "2\t" + task + "\t县政府办\t县督查室\n";
  const std::string one_cell_per_line = "序号\n重点任务\n牵头单位\n配合单位\n"
                                        "1\n推进产业园区建设\n县发改委\n县财政局\n"
                                        "2\n" + task + "\n县政府办\n县督查室\n";
  const std::string page = "<html><body><table>"
                           "<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td></tr>"
                           "<tr><td>1</td><td>推进产业园区建设</td><td>县发改委</td><td>县财政局</td></tr>"
                           "<tr><td>2</td><td>" + task + "</td><td>县政府办</td><td>县督查室</td></tr>"
                           "</table></body></html>";
  for (const std::string& text : {tsv, one_cell_per_line, page}) {
    CAPTURE(text);
    const Document untitled = parse_text(text);
    CHECK(!untitled.title);
    CHECK(!untitled.jurisdiction);
    REQUIRE(untitled.tasks.size() == 2);
    CHECK(untitled.tasks[1].id == "2");
    CHECK(leads(untitled, 1) == Names{"县政府办"});
    // A title above the table is still the title.
    const std::string title = "2023年枣湖县《政府工作报告》重点任务分工方案\n";
    const Document titled = parse_text(text.starts_with("<html>") ? "<html><head><title>" + title + "</title></head>" +
                                                                        text.substr(6)
                                                                  : title + text);
    CHECK(titled.title == std::optional<std::string>(title.substr(0, title.size() - 1)));
    CHECK(titled.jurisdiction == std::optional<std::string>("枣湖县"));
    CHECK(titled.tasks.size() == 2);
  }
}

TEST_CASE("a line with a task number is never a table's header, even with a header's cells") {
  // Read as a header (a role column and a task column between pipes), the line was neither a task nor
  // a skipped paragraph: silently dropped. Found by fuzz_extract.
  const Document cells = parse_text("57.牵头单位|目标|配合单位\n");
  CHECK(cells.tasks.empty());
  REQUIRE(cells.skipped.size() == 1);
  CHECK(cells.skipped[0].line == 1);
  const Document labelled = parse_text("57.牵头单位:|||目标|||市财政局\n");
  REQUIRE(labelled.tasks.size() == 1);
  CHECK(labelled.tasks[0].id == "57");
  CHECK(labelled.skipped.empty());
  // The same cells without the number still make a table.
  const Document table = parse_text("序号|重点任务|牵头单位|配合单位\n1|推进产业园区建设|县发改委|县财政局\n");
  REQUIRE(table.tasks.size() == 1);
  CHECK(leads(table) == Names{"县发改委"});
  CHECK(co(table) == Names{"县财政局"});
}
