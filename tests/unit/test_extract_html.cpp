// HTML pages: a saved web page is read as the text a browser shows. Checked against answers known
// without the program: seed 001's tasks 52-62 written as an HTML table (tests/data/html/
// xianning-2023-table.html: a layout table around it, a two-row header with a colspan'd 责任单位, a
// 牵头单位 cell spanning six task rows, section rows across the table, entities, <br> in a cell, a
// script and a comment holding fake rows, full-width punctuation) against the hand-checked gold, and
// small pages whose conversion is worked out by hand below.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../fuzz/extraction_invariants.hpp"
#include "agencygraph/extract.hpp"
#include "extract_test_support.hpp"
#include "text/html_text.hpp"

using namespace agencygraph;
using test::Names;

namespace {

const std::string kHtmlData = std::string(AGENCYGRAPH_TEST_DATA) + "/html";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Line `number` (1-based) of a file's text.
std::string line_of(const std::string& text, std::uint32_t number) {
  std::istringstream in(text);
  std::string line;
  for (std::uint32_t k = 0; k < number && std::getline(in, line); ++k) {
  }
  return line;
}

Document parse_html(const std::string& html) { return extract_document(Source{"page.html", "UTF-8", html}, {}); }

// The converted lines, each as "page line: text", tabs shown as " | ".
std::vector<std::string> converted(const std::string& html) {
  const detail::HtmlText page = detail::html_to_text(html);
  std::vector<std::string> out;
  std::istringstream in(page.text);
  std::string line;
  std::size_t k = 0;
  while (std::getline(in, line)) {
    std::string shown;
    for (char c : line) shown += c == '\t' ? std::string(" | ") : std::string(1, c);
    out.push_back(std::to_string(page.lines.at(k++)) + ": " + shown);
  }
  CHECK(k == page.lines.size());
  return out;
}

const Task* task_with_id(const Document& d, const std::string& id) {
  for (const Task& task : d.tasks)
    if (task.id == id) return &task;
  return nullptr;
}

}  // namespace

TEST_CASE("a Word table in a page: a header name spaced out (主 要 内 容) and a 指导部门 column") {
  // As r141 prints it (tests/data/real): the guiding departments are the responsible units.
  const Document d = test::parse_text(
      "<table><tr><td>序号</td><td>改革举措</td><td>主 要 内 容</td><td>指导部门</td><td>推广范围</td></tr>"
      "<tr><td>1</td><td>知识产权案件“三合一”审判</td><td>整合分散的审判资源，提高审判效率。</td>"
      "<td>最高人民法院、国家知识产权局</td><td>全国</td></tr>"
      "<tr><td>2</td><td>技术调查官</td><td>法院审理知识产权案件时，引入技术调查官。</td><td>最高人民法院</td><td>全国</td></tr>"
      "</table>");
  REQUIRE(d.tasks.size() == 2);
  CHECK(std::string(d.text(d.tasks[0])) == "整合分散的审判资源，提高审判效率。");
  CHECK(test::co(d, 0) == test::Names{"最高人民法院", "国家知识产权局"});
  CHECK(test::co(d, 1) == test::Names{"最高人民法院"});
}

TEST_CASE("a page's last task is cut off only when the page's bytes stop inside its text") {
  // 牵头部门:市住建委。新开工… 六安市民生办 ends in no unit's ending: as the last line of a text file
  // without a line break it would be a task cut mid-sentence, but the page's markup goes on.
  const std::string task = "6、棚户区改造,牵头部门:市住建委。新开工,完成进度相对较慢的为开发区。 六安市民生办";
  const Document whole = parse_html("<html><body><p>5、老旧小区改造,牵头部门:市住建委。</p><p>" + task + "</p></body></html>\n");
  REQUIRE(whole.tasks.size() == 2);
  CHECK(whole.tasks[1].id == "6");
  CHECK(whole.skipped.empty());
  const Document cut = parse_html("<html><body><p>5、老旧小区改造,牵头部门:市住建委。</p><p>6、棚户区改造,牵头部门:市住");
  REQUIRE(cut.tasks.size() == 1);
  REQUIRE(cut.skipped.size() == 1);
  CHECK(cut.skipped[0].reason.find("cut off") != std::string::npos);
}

TEST_CASE("zero-width entities in a page show as nothing") {
  const Document d = parse_html("<p>1.甲工作。(牵头单位:市财政局;责任单位:市教育局、&#8203;市民政局、&zwsp;市卫健委、&#x200D;市商务局)</p>");
  REQUIRE(d.tasks.size() == 1);
  std::vector<std::string> co;
  for (const AgencyMention& m : d.tasks[0].agencies)
    if (m.role == Role::Co) co.emplace_back(d.name(m.name));
  CHECK(co == std::vector<std::string>{"市教育局", "市民政局", "市卫健委", "市商务局"});
}

TEST_CASE("seed 001 as an HTML table page: every task's number, leads and co as in the gold") {
  const std::string path = kHtmlData + "/xianning-2023-table.html";
  const ExtractResult result = extract_files({path}, {});
  REQUIRE(result.errors.empty());
  REQUIRE(result.documents.size() == 1);
  const Document& d = result.documents[0];

  std::ifstream in(std::string(AGENCYGRAPH_TEST_DATA) + "/gold/seeds.gold.json");
  REQUIRE(in);
  const nlohmann::json gold = nlohmann::json::parse(in)["documents"]["001_ad27ea7495caea57.txt"];
  // The title comes from <title> in the head, which is otherwise dropped.
  CHECK(d.title.value_or("") == gold["title"].get<std::string>());
  CHECK(d.jurisdiction.value_or("") == gold["jurisdiction"].get<std::string>());
  CHECK(d.year.value_or(0) == gold["year"].get<int>());

  std::map<std::string, nlohmann::json> want;
  for (const nlohmann::json& task : gold["tasks"]) want[std::to_string(task["id"].get<int>())] = task;
  std::vector<std::string> ids;
  for (const Task& task : d.tasks) {
    ids.push_back(task.id);
    CAPTURE(task.id);
    REQUIRE(want.contains(task.id));
    CHECK(test::role_names(d, task, Role::Lead) == want[task.id]["leads"].get<Names>());
    CHECK(test::role_names(d, task, Role::Co) == want[task.id]["co"].get<Names>());
  }
  // Nothing from the script (99, 63) or the comment (98); the section rows are neither tasks nor skipped.
  CHECK(ids == Names{"52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62"});
  CHECK(d.skipped.empty());
}

TEST_CASE("seed 001 as an HTML table page: merged cells, entities, <br>, and lines of the page") {
  const std::string path = kHtmlData + "/xianning-2023-table.html";
  const std::string html = read(path);
  const Document d = extract_files({path}, {}).documents.at(0);
  REQUIRE(d.tasks.size() == 11);

  // The 市教育局 cell spans the rows of tasks 57-62, the 各县市区人民政府 cell those of 57-58.
  for (const char* id : {"57", "58", "59", "60", "61", "62"}) {
    CAPTURE(id);
    REQUIRE(task_with_id(d, id));
    CHECK(test::role_names(d, *task_with_id(d, id), Role::Lead) == Names{"市教育局"});
  }
  CHECK(test::role_names(d, *task_with_id(d, "58"), Role::Co) == Names{"各县市区人民政府"});
  // A <br> between two runs of names separates them.
  CHECK(test::role_names(d, *task_with_id(d, "53"), Role::Co) ==
        Names{"市发改委", "市财政局", "市自然资源和规划局", "市农业农村局", "市乡村振兴局"});
  // &#24066; is 市; &ldquo; &rdquo; are the quotes; the text keeps its full-width punctuation.
  CHECK(test::role_names(d, *task_with_id(d, "54"), Role::Co) == Names{"市发改委", "市经信局", "市财政局"});
  CHECK(std::string(d.text(*task_with_id(d, "55"))) == "支持崇阳县打造“两山”理念实践创新示范样板县。");
  CHECK(std::string(d.text(*task_with_id(d, "52"))) == "培育特色产业集群，强化县域造血功能。");
  CHECK(task_with_id(d, "52")->deadline == "2023年底");
  CHECK(task_with_id(d, "53")->deadline.empty());  // &nbsp; alone is an empty cell
  // The section rows are headings, as in the seed's text (where it is "(四)突出改革创新,…").
  CHECK(task_with_id(d, "56")->section == 0);
  CHECK(d.sections.at(task_with_id(d, "57")->section) == Names{"（四）突出改革创新，千方百计推进科教人才兴市。"});

  // Each task names the line of the page holding its number cell, worked out from the file.
  const std::map<std::string, std::uint32_t> lines = {{"52", 28}, {"53", 29}, {"54", 30}, {"55", 31},
                                                      {"56", 33}, {"57", 41}, {"58", 42}, {"59", 43},
                                                      {"60", 44}, {"61", 45}, {"62", 46}};
  for (const Task& task : d.tasks) {
    CAPTURE(task.id);
    CHECK(task.line == lines.at(task.id));
    CHECK(line_of(html, task.line).find("<td>" + task.id + "</td>") != std::string::npos);
  }

  // Source::text is the converted page the spans point into; original_lines maps its lines back.
  const Source& source = d.sources.at(0);
  CHECK(source.text.find('<') == std::string::npos);
  CHECK(source.original_lines.size() == static_cast<std::size_t>(std::count(source.text.begin(), source.text.end(), '\n')) + 1);
}

TEST_CASE("conversion: blocks end lines, <br> breaks, <pre> keeps its lines, each line knows its page line") {
  const std::string html =
      "<html><head><title>T&amp;T</title></head>\r\n"
      "<body><div>first <b>bold</b>\r\n"
      "  second</div><p>para<br>after break</p>\r\n"
      "<ul><li>one</li><li>two</ul>\r\n"
      "<pre>a\r\n"
      "b</pre></body></html>\r\n";
  CHECK(converted(html) == Names{"1: T&T", "2: first bold second", "3: para", "3: after break", "4: one", "4: two",
                                 "5: a", "6: b"});
  // A line ended by a <br> on a later line still began where its text did; <br><br> leaves a blank line.
  CHECK(converted("<div>one\n<br>two<br><br>three</div>") == Names{"1: one", "2: two", "2: ", "2: three"});
}

TEST_CASE("conversion: entities decoded, unknown ones left as written") {
  CHECK(converted("<p>&nbsp;A&amp;B &lt;C&gt; &quot;D&quot; &#39;E&#39; &#24066;&#x5E02; &ldquo;F&rdquo;&mdash;G&hellip; "
                  "&foo; & &amp</p>") ==
        Names{"1: \u00A0A&B <C> \"D\" 'E' 市市 “F”—G… &foo; & &"});
  // &#10; is white space like a line break in the source; &#150; is Windows-1252's en dash, as browsers
  // read it; NUL and surrogates are U+FFFD; &nbsp followed by a letter is not an entity.
  CHECK(converted("<p>a&#10;b&#150;c&#0;d&#xD800;e&nbspx&copy;</p>") == Names{"1: a b–c\uFFFDd\uFFFDe&nbspx©"});
}

TEST_CASE("conversion: merged cells repeat their text into every slot they cover") {
  const std::string html =
      "<table>\n"
      "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td></tr>\n"
      "<tr><td>1</td><td>甲</td><td colspan=\"2\">市发改委</td></tr>\n"
      "<tr><td>2</td><td rowspan=\"0\">乙</td><td>市财政局</td><td rowspan=\"5\">市商务局</td></tr>\n"
      "<tr><td>3</td><td>市税务局</td></tr>\n"
      "</table>";
  // rowspan="0" runs to the last row; rowspan="5" stops at the table's end.
  CHECK(converted(html) == Names{"2: 序号 | 工作任务 | 牵头单位 | 责任单位", "3: 1 | 甲 | 市发改委 | 市发改委",
                                 "4: 2 | 乙 | 市财政局 | 市商务局", "5: 3 | 乙 | 市税务局 | 市商务局"});
  const Document d = parse_html(html);
  REQUIRE(d.tasks.size() == 3);
  CHECK(test::leads(d, 0) == Names{"市发改委"});
  CHECK(test::co(d, 0) == Names{"市发改委"});
  CHECK(std::string(d.text(d.tasks[2])) == "乙");
  CHECK(test::leads(d, 2) == Names{"市税务局"});
  CHECK(test::co(d, 2) == Names{"市商务局"});
  CHECK(d.tasks[2].line == 5);
}

TEST_CASE("conversion: a header on two rows becomes one; a row across the table stands once") {
  const std::string html =
      "<table>"
      "<tr><td colspan=\"4\">2023年重点任务分工</td></tr>\n"
      "<tr><td rowspan=\"2\">工作任务</td><td colspan=\"2\">责任单位</td><td rowspan=\"2\">完成时限</td></tr>\n"
      "<tr><td>牵头单位</td><td>配合单位</td></tr>\n"
      "<tr><td colspan=\"4\">（一）扩大有效需求</td></tr>\n"
      "<tr><td>扩大有效投资</td><td>市发改委</td><td>市财政局</td><td>全年</td></tr>\n"
      "</table>";
  // The section row stands alone, as a heading, and the header follows it again so that the rows
  // below are still read as the table.
  const std::string header = "2: 工作任务 | 责任单位 牵头单位 | 责任单位 配合单位 | 完成时限";
  CHECK(converted(html) == Names{"1: 2023年重点任务分工", header, "4: （一）扩大有效需求", header,
                                 "5: 扩大有效投资 | 市发改委 | 市财政局 | 全年"});
  const Document d = parse_html(html);
  REQUIRE(d.tasks.size() == 1);
  CHECK(test::leads(d) == Names{"市发改委"});
  CHECK(test::co(d) == Names{"市财政局"});
  CHECK(d.tasks[0].deadline == "全年");
  CHECK(d.tasks[0].line == 5);
  CHECK(d.sections.at(d.tasks[0].section) == Names{"（一）扩大有效需求"});
  CHECK(d.skipped.empty());
}

TEST_CASE("conversion: empty rows and rows only merged cells reach into give no line") {
  CHECK(converted("<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>\n"
                  "<tr><td>1</td><td>甲</td><td rowspan=\"2\">市发改委</td></tr>\n"
                  "<tr><td>&nbsp;</td><td> </td></tr>\n<tr></tr></table>") ==
        Names{"1: 序号 | 工作任务 | 牵头单位", "2: 1 | 甲 | 市发改委"});
}

TEST_CASE("conversion: a table holding tables is layout, each cell its own lines; inner tables are read") {
  CHECK(converted("<table><tr><td>外</td><td><table><tr><td>内1</td><td>内2</td></tr></table></td></tr></table>") ==
        Names{"1: 外", "1: 内1 | 内2"});
  // Cells left without <tr>, tabs and line breaks in a cell, and text outside the cells (shown before the table).
  CHECK(converted("<table>stray<td>a\tb\nc</td><td>d<p>e</p></td></table>") == Names{"1: stray", "1: a b c | d e"});
}

TEST_CASE("conversion: a table of one column is layout, its cells' paragraphs their own lines") {
  // A page template's frame holds the whole body in one cell (r185-r187, tests/data/real).
  CHECK(converted("<table><tr><td><p>1.甲。（市发改委负责）</p><p>2.乙。（市财政局负责）</p></td></tr></table>") ==
        Names{"1: 1.甲。（市发改委负责）", "1: 2.乙。（市财政局负责）"});
  // Read as a data table, the two items were one row: one task holding both annotations.
  const Document d = parse_html(
      "<table><tr><td>索 引 号：</td><td>000014349/2018-00188</td></tr></table>"
      "<table><tbody><tr><td><p>一、推进政务服务。（国务院办公厅负责）</p>\n<p>二、优化营商环境。（国家发展改革委负责）</p></td></tr></tbody></table>");
  REQUIRE(d.tasks.size() == 2);
  CHECK(test::co(d, 0) == Names{"国务院办公厅"});
  CHECK(test::co(d, 1) == Names{"国家发展改革委"});
}

TEST_CASE("detection: pages and fragments are HTML; plain text, even mentioning .html or <p>, is not") {
  for (const char* page : {"<!DOCTYPE html><html>", "  \n<HTML lang=\"zh\">", "\xEF\xBB\xBF<!doctype HTML>",
                           "<!-- saved from url=(0045)http://www.xianning.gov.cn/ -->\n<html>",
                           "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC>", "<p>1.任务</p>",
                           "<TABLE border=1><tr><td>1</td></tr></TABLE>", "复制的网页\n<table border=1><tr><td>序号</td>",
                           "页眉\n<BODY class=x>"}) {
    CAPTURE(page);
    CHECK(detail::looks_like_html(page));
  }
  for (const char* text : {"", "<", "本文地址:/zwgk/zcwj/12.html", "1.任务(牵头单位:市发改委)\n本文地址:/a/12.html",
                           "<政府工作报告>", "说明 a < b 与 <p> 标签", "<pre>1.任务</pre>", "<tablex><td>",
                           "说明<table>但没有单元格", "<!-- 未闭合的注释 <html>"}) {
    CAPTURE(text);
    CHECK_FALSE(detail::looks_like_html(text));
  }
}

TEST_CASE("plain text mentioning .html is read exactly as before") {
  const std::string text = "本文地址:/zwgk/zcwj/12.html\n1.推进老旧小区改造。(牵头单位:市住建局)\n";
  const Document d = test::parse_text(text);
  CHECK(d.sources[0].text == text);
  CHECK(d.sources[0].original_lines.empty());
  REQUIRE(d.tasks.size() == 1);
  CHECK(d.tasks[0].line == 2);
  // A seed with its footer's 本文地址:….html line: the text is left as it is, lines are its own.
  const std::string seed = read(std::string(AGENCYGRAPH_EXAMPLES) + "/xianning-2023-p1.txt");
  const Document page = test::parse_text(seed);
  CHECK(page.sources[0].text == seed);
  CHECK(page.sources[0].original_lines.empty());
  REQUIRE(!page.tasks.empty());
  CHECK(page.tasks[0].line == 5);  // the gold's line of task 52
}

TEST_CASE("a page without annotations (seed 003 as HTML) has no tasks") {
  const Document d = extract_files({kHtmlData + "/lueyang-2023-work-report.html"}, {}).documents.at(0);
  CHECK(d.tasks.empty());
  CHECK(d.skipped.empty());
  CHECK(d.jurisdiction.value_or("") == "略阳县");  // from <title>2023年略阳县政府工作报告</title>
}

TEST_CASE("malformed HTML: no crash, what it holds is read, the rest reported or dropped") {
  SUBCASE("a truncated page: the paragraphs before the cut are read, an unannotated one is skipped with its line") {
    const Document d = parse_html(
        "<html><body>\n"
        "<p>1.推进老旧小区改造。</p>\n"
        "<p>2.扩大有效投资。（牵头单位：市发改委）\n"
        "<p>3.加快");
    REQUIRE(d.tasks.size() == 1);
    CHECK(d.tasks[0].id == "2");
    CHECK(d.tasks[0].line == 3);
    CHECK(test::leads(d) == Names{"市发改委"});
    REQUIRE(d.skipped.size() == 2);
    CHECK(d.skipped[0].line == 2);
    CHECK(d.skipped[0].reason.find("without a responsibility annotation") != std::string::npos);
    CHECK(d.skipped[1].line == 4);
  }
  SUBCASE("a file cut inside a tag or an attribute's quote: the tag and what follows are dropped") {
    const Document d = parse_html("<p>1.任务。（牵头单位：市发改委）</p><a href=\"x>2.任务。（牵头单位：市财政局）</a>");
    REQUIRE(d.tasks.size() == 1);
    CHECK(test::leads(d) == Names{"市发改委"});
    CHECK(parse_html("<p>1.任务。（牵头单位：市发改委）</p><p class=\"a").tasks.size() == 1);
  }
  SUBCASE("a table cut in a row: the complete rows are tasks") {
    const Document d = parse_html(
        "<table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th></tr>\n"
        "<tr><td>1</td><td>任务一</td><td>市发改委</td></tr>\n"
        "<tr><td>2</td><td>任务二");
    REQUIRE(d.tasks.size() == 1);
    CHECK(d.tasks[0].line == 2);
    REQUIRE(d.skipped.size() == 1);  // row 2 names no unit
    CHECK(d.skipped[0].line == 3);
  }
  SUBCASE("hostile pages") {
    std::string deep_divs;
    for (int k = 0; k < 100000; ++k) deep_divs += "<div>";
    deep_divs += "<p>1.任务。（牵头单位：市发改委）</p>";
    std::string deep_tables = "<body>";
    for (int k = 0; k < 5000; ++k) deep_tables += "<table><tr><td>";
    std::string huge_spans = "<table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>";
    for (int k = 0; k < 2000; ++k) huge_spans += "<tr><td rowspan=65534 colspan=1000>" + std::string(300, 'x') + "</td>";
    std::string many_cells = "<table>";
    for (int k = 0; k < 3000; ++k) many_cells += "<td rowspan=0>1";
    for (int k = 0; k < 3000; ++k) many_cells += "<tr>";
    for (const std::string& html :
         {deep_divs, deep_tables, huge_spans, many_cells, std::string("<html><!-- unterminated comment <p>1.任务"),
          std::string("<html><script>1.任务。（牵头单位：市发改委）"), std::string("<html><title>政府工作报告"),
          std::string("<html>< <<>> </ > </> <!x <?y a < b & c &#xFFFFFFFF; &#99999999999; &# &#x; &"),
          std::string("<html></td></tr></table></p></div></body></html><td><tr><th>"),
          std::string("<html><body><table><tr><td>1.任务。（牵头单位：市发改委）</td></tr></table>"),
          std::string("<html>\r\n<p>1.任务\r\n</p>\r\n\r\n"), std::string("<html><p\x01><p>\x7F"),
          std::string("<html><td rowspan=\"3\" colspan=\"-2\" rowspan=x>a<td colspan=99999999999>b")}) {
      const Document d = parse_html(html);
      CHECK(test::extraction_invariants_hold(d));
      const detail::HtmlText page = detail::html_to_text(html);
      CHECK(page.lines.size() == static_cast<std::size_t>(std::count(page.text.begin(), page.text.end(), '\n')) + 1);
    }
  }
}
