// The TSV of `parse --format tsv`: field escaping (io/tsv.hpp), the formula guard shared with CSV
// (io/formula_guard.hpp), reading back what a spreadsheet saves, and the rows of a parsed document.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "io/formula_guard.hpp"
#include "agencygraph/io/tasks_tsv.hpp"
#include "agencygraph/io/tsv.hpp"

using namespace agencygraph;
using namespace agencygraph::io;

TEST_CASE("the formula guard prefixes what a spreadsheet would evaluate, and only that") {
  CHECK(formula_guarded("市教育局") == "市教育局");
  CHECK(formula_guarded("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
  CHECK(formula_guarded("+86") == "'+86");
  CHECK(formula_guarded("-1") == "'-1");
  CHECK(formula_guarded("@SUM(A1)") == "'@SUM(A1)");
  CHECK(formula_guarded("\tx") == "'\tx");
  CHECK(formula_guarded("\rx") == "'\rx");
  CHECK(formula_guarded("a=b") == "a=b");  // only the first character counts
  CHECK(formula_guarded("＝1") == "＝1");  // full-width = is text to both spreadsheets
  CHECK(formula_guarded("'abc") == "'abc");
  CHECK(formula_guarded("'=1") == "''=1");  // one more, so that reading back removes exactly one
  CHECK(formula_guarded("") == "");
  CHECK(formula_guarded("'") == "'");
  for (std::string value : {"=1", "'=1", "''=1", "'abc", "'", "", "-", "市-局", "@"})
    CHECK(std::string(without_formula_guard(formula_guarded(value))) == value);
}

TEST_CASE("a TSV field never breaks a cell or a row, and starts with a quote only when quoted") {
  CHECK(tsv_field("市商务局(市粮食和物资储备局)") == "市商务局(市粮食和物资储备局)");
  CHECK(tsv_field("a\tb\nc\r\nd") == "a b c  d");
  CHECK(tsv_field("esc\x1b[31mred") == "esc [31mred");  // no control byte reaches a terminal
  CHECK(tsv_field("del\x7f") == "del ");
  CHECK(tsv_field("ls\u2028ps\u2029nel\u0085.") == "ls ps nel .");
  CHECK(tsv_field("=1+1") == "'=1+1");
  CHECK(tsv_field("\t=1") == " =1");  // the TAB is a space first: no longer a formula
  CHECK(tsv_field("\"两新\"工委") == "\"\"\"两新\"\"工委\"");  // a leading quote is quoted, quotes doubled
  CHECK(tsv_field("市委\"两新\"工委") == "市委\"两新\"工委");  // a quote inside is text to spreadsheets
  CHECK(tsv_field("，，") == "，，");
  std::string row;
  append_tsv_row(row, {"a", "", "=b", "c\td"});
  CHECK(row == "a\t\t'=b\tc d\n");
}

TEST_CASE("read_tsv gives back every field written, escaped as documented") {
  const std::vector<std::string> values{"市教育局", "=1", "'=1", "-市财政局", "\"两新\"工委", "市委\"两新\"工委",
                                        "a\tb", "c\nd", "", "@", "'"};
  std::string text;
  append_tsv_row(text, values);
  append_tsv_row(text, {"second", "row"});
  const std::vector<TsvRecord> records = read_tsv(text);
  REQUIRE(records.size() == 2);
  const std::vector<std::string> expected{"市教育局", "=1", "'=1", "-市财政局", "\"两新\"工委", "市委\"两新\"工委",
                                          "a b", "c d", "", "@", "'"};
  CHECK(records[0].fields == expected);
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"second", "row"});
  CHECK(records[1].line == 2);
}

TEST_CASE("read_tsv reads what a spreadsheet saves: CRLF, quoted cells with TABs and line breaks, blank rows") {
  // As LibreOffice Calc saves a sheet as Text CSV with TAB separators and quotes where needed.
  const std::string text =
      "file\ttask\tagency\r\n"
      "a.txt\t1\t\"市财政局\r\n第二行\"\r\n"
      "\r\n"
      "a.txt\t2\t\"x\ty\"\r\n"
      "a.txt\t3\t\"say \"\"hi\"\"\"\r\n"
      "a.txt\t4\t'=SUM(A1)\r\n"
      "a.txt\t5\t";
  const std::vector<TsvRecord> records = read_tsv(text);
  REQUIRE(records.size() == 6);
  CHECK(records[0].fields == std::vector<std::string>{"file", "task", "agency"});
  CHECK(records[1].fields == std::vector<std::string>{"a.txt", "1", "市财政局\r\n第二行"});
  CHECK(records[1].line == 2);
  CHECK(records[2].line == 5);  // the quoted line break and the blank row counted
  CHECK(records[2].fields == std::vector<std::string>{"a.txt", "2", "x\ty"});
  CHECK(records[3].fields == std::vector<std::string>{"a.txt", "3", "say \"hi\""});
  CHECK(records[4].fields == std::vector<std::string>{"a.txt", "4", "=SUM(A1)"});
  CHECK(records[5].fields == std::vector<std::string>{"a.txt", "5", ""});
  CHECK(records[5].line == 8);
  CHECK(read_tsv("").empty());
  CHECK(read_tsv("\n\r\n\n").empty());
}

TEST_CASE("write_tasks_tsv: BOM, header, one row per task, role and agency, in document order") {
  const std::string text =
      "2023年咸宁市《政府工作报告》确定的主要目标任务责任分解方案\n"
      "1.推进\t老旧小区改造。(牵头单位:市住建局;责任单位:市财政局、咸安区、赤壁市人民政府)\n"
      "2.没有注释的段落。\n"
      "3.=危险的文字。(责任单位:市发展和改革委员会)\n";
  Document document = extract_document(Source{"docs/a b.txt", "UTF-8", text}, {});
  REQUIRE(document.tasks.size() == 2);
  std::ostringstream out;
  write_tasks_tsv(out, {document});
  const std::string title = "2023年咸宁市《政府工作报告》确定的主要目标任务责任分解方案";
  const std::string row1 = "docs/a b.txt\t2\t\t" + title + "\t1\t";
  const std::string text1 = "\t推进 老旧小区改造。\n";
  const std::string expected =
      "\xEF\xBB\xBF"
      "file\tline\tplace\ttitle\ttask\trole\tagency\tcanonical\tkind\ttext\n" +
      row1 + "lead\t市住建局\t市住建局\tdepartment" + text1 +
      row1 + "co\t市财政局\t市财政局\tdepartment" + text1 +
      row1 + "co\t咸安区人民政府\t咸安区人民政府\tgovernment" + text1 +
      row1 + "co\t赤壁市人民政府\t赤壁市人民政府\tgovernment" + text1 +
      "docs/a b.txt\t4\t\t" + title + "\t3\tco\t市发展和改革委员会\t市发改委\tdepartment\t'=危险的文字。\n";
  CHECK(out.str() == expected);
}
