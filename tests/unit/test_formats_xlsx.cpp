// Excel workbooks: small packages whose XML is written here by hand, and the lines and places the
// reader must give for them, worked out from [ECMA-376] Part 1 §18 (SpreadsheetML) and from what
// Excel shows for the same cells.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "extract_test_support.hpp"
#include "formats/format_error.hpp"
#include "formats/xlsx_reader.hpp"
#include "office_packages.hpp"

using namespace agencygraph;
using test::lines;
using test::Names;
using test::read_bytes;
using test::Sheet;
using test::xlsx_package;

namespace {

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

}  // namespace

TEST_CASE("column letters and sheet names as a cell reference writes them") {
  CHECK(detail::column_letters(0) == "A");
  CHECK(detail::column_letters(25) == "Z");
  CHECK(detail::column_letters(26) == "AA");
  CHECK(detail::column_letters(701) == "ZZ");
  CHECK(detail::column_letters(702) == "AAA");
  CHECK(detail::column_letters(16383) == "XFD");
  CHECK(detail::sheet_reference("Sheet1") == "Sheet1");
  CHECK(detail::sheet_reference("任务分解表") == "任务分解表");
  CHECK(detail::sheet_reference("Task list") == "'Task list'");
  CHECK(detail::sheet_reference("2023") == "'2023'");
  CHECK(detail::sheet_reference("附件（一）") == "'附件（一）'");
  CHECK(detail::sheet_reference("O'Neil") == "'O''Neil'");
}

TEST_CASE("cell values: shared and inline strings, rich text, numbers as stored, booleans, errors, formulas, dates") {
  const std::string shared =
      "<si><t>序号</t></si>"
      "<si><r><t>市教</t></r><r><rPr><b/></rPr><t>育局</t></r><rPh sb=\"0\" eb=\"2\"><t>shi jiao</t></rPh></si>"
      "<si><t>第一行_x000D_第二行_x005F_x0041_</t></si>";
  // Style 1: built-in date format 14; style 2: a custom date format; style 3: a number format.
  const std::string styles =
      "<numFmts><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"177\" formatCode=\"0.00&quot;d&quot;\"/></numFmts>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"176\"/><xf numFmtId=\"177\"/></cellXfs>";
  const std::string data =
      "<sheetData>"
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"s\"><v>99</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"n\"><v>0.5</v></c><c r=\"C2\" t=\"b\"><v>1</v></c>"
      "<c r=\"D2\" t=\"b\"><v>0</v></c><c r=\"E2\" t=\"e\"><v>#N/A</v></c>"
      "<c r=\"F2\" t=\"str\"><f>A1&amp;\"x\"</f><v>序号x</v></c><c r=\"G2\"><f>1+1</f><v>2</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45291</v></c><c r=\"B3\" s=\"2\"><v>45291.75</v></c><c r=\"C3\" s=\"3\"><v>45291</v></c>"
      "<c r=\"D3\" s=\"1\"><v>60</v></c><c r=\"E3\" s=\"1\"><v>61</v></c>"
      "<c r=\"F3\" t=\"inlineStr\"><is><r><t>内</t></r><r><t>联</t></r></is></c></row>"
      "</sheetData>";
  const Source source = read_bytes(xlsx_package({{"Sheet1", data}}, shared, styles));
  CHECK(source.format == "xlsx");
  // Rows are as wide as the widest (seven cells): shorter ones end in empty cells.
  CHECK(lines(source) == Names{"序号\t市教育局\t第一行 第二行_x0041_\t\t\t\t",
                               "1\t0.5\tTRUE\tFALSE\t#N/A\t序号x\t2",
                               "2023-12-31\t2023-12-31\t45291\t1900-02-29\t1900-03-01\t内联\t"});
  CHECK(source.places == Names{"Sheet1!A1", "Sheet1!A2", "Sheet1!A3"});
}

TEST_CASE("the 1904 date system counts from 1904-01-01") {
  const std::string styles = "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";
  const std::string data = "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>43829</v></c>"
                           "</row></sheetData>";
  const Source source = read_bytes(xlsx_package({{"S", data}}, "", styles, "<workbookPr date1904=\"1\"/>"));
  // 43829 days after 1904-01-01 is 2023-12-31 (1462 days fewer than the 1900 system's 45291).
  CHECK(lines(source) == Names{"1904-01-01\t2023-12-31"});
}

TEST_CASE("merged ranges are repeated over the rows and columns they cover; leading empty columns are left out") {
  const std::string data =
      "<sheetData>"
      "<row r=\"2\">" + inline_cell("C2", "分解表") + "</row>"
      "<row r=\"3\">" + inline_cell("C3", "序号") + inline_cell("D3", "工作任务") + inline_cell("E3", "牵头单位") +
      inline_cell("F3", "责任单位") + "</row>"
      "<row r=\"4\"><c r=\"C4\"><v>1</v></c>" + inline_cell("D4", "任务一") + inline_cell("E4", "市发改委") +
      inline_cell("F4", "市财政局") + "</row>"
      "<row r=\"5\"><c r=\"C5\"><v>2</v></c>" + inline_cell("D5", "任务二") + "<c r=\"E5\"/>" + inline_cell("F5", "市民政局") + "</row>"
      "<row r=\"7\"><c r=\"C7\"><v>3</v></c>" + inline_cell("D7", "任务三") + inline_cell("F7", "市人社局") + "</row>"
      "<row r=\"8\"><c r=\"C8\"><v>4</v></c>" + inline_cell("D8", "任务四") + inline_cell("E8", "市教育局") + "</row>"
      "</sheetData>"
      "<mergeCells count=\"3\"><mergeCell ref=\"C2:F2\"/><mergeCell ref=\"E4:E7\"/><mergeCell ref=\"E8:F8\"/></mergeCells>";
  const Source source = read_bytes(xlsx_package({{"Sheet1", data}}));
  // Row 6 is empty and gone; 市发改委 covers rows 4-7, 市教育局 columns E-F.
  CHECK(lines(source) == Names{"分解表", "序号\t工作任务\t牵头单位\t责任单位", "1\t任务一\t市发改委\t市财政局",
                               "2\t任务二\t市发改委\t市民政局", "3\t任务三\t市发改委\t市人社局", "4\t任务四\t市教育局\t市教育局"});
  CHECK(source.places == Names{"Sheet1!C2", "Sheet1!C3", "Sheet1!C4", "Sheet1!C5", "Sheet1!C7", "Sheet1!C8"});
  const Document document = extract_document(source, {});
  REQUIRE(document.tasks.size() == 4);
  CHECK(test::leads(document, 2) == Names{"市发改委"});
  CHECK(document.sources[0].place(document.tasks[2].line) == "Sheet1!C7");
}

TEST_CASE("cells and rows without references follow the one before; cells out of order are put in order") {
  const std::string data = "<sheetData><row>" + std::string("<c t=\"inlineStr\"><is><t>甲</t></is></c>") +
                           "<c t=\"inlineStr\"><is><t>乙</t></is></c></row><row r=\"3\">" + inline_cell("B3", "丁") +
                           inline_cell("A3", "丙") + "</row><row><c t=\"inlineStr\"><is><t>戊</t></is></c></row></sheetData>";
  const Source source = read_bytes(xlsx_package({{"S", data}}));
  // 戊 alone in its row's first cell is a heading row, after which the header is written again.
  CHECK(lines(source) == Names{"甲\t乙", "丙\t丁", "戊", "甲\t乙"});
  CHECK(source.places == Names{"S!A1", "S!A3", "S!A4", "S!A1"});
}

TEST_CASE("every sheet in workbook order, hidden ones too, each after a line naming it") {
  const std::string header = "<row r=\"1\">" + inline_cell("A1", "序号") + inline_cell("B1", "工作任务") +
                             inline_cell("C1", "牵头单位") + "</row>";
  const auto sheet = [&](int id, const std::string& lead) {
    return "<sheetData>" + header + "<row r=\"2\"><c r=\"A2\"><v>" + std::to_string(id) + "</v></c>" +
           inline_cell("B2", "任务") + inline_cell("C2", lead) + "</row></sheetData>";
  };
  const Source source = read_bytes(xlsx_package(
      {{"一", sheet(1, "市发改委")}, {"Task list", sheet(2, "市财政局"), "hidden"}, {"三", sheet(3, "市民政局"), "veryHidden"}}));
  CHECK(lines(source) == Names{"序号\t工作任务\t牵头单位", "1\t任务\t市发改委", "Task list", "序号\t工作任务\t牵头单位",
                               "2\t任务\t市财政局", "三", "序号\t工作任务\t牵头单位", "3\t任务\t市民政局"});
  CHECK(source.places == Names{"一!A1", "一!A2", "'Task list'", "'Task list'!A1", "'Task list'!A2", "三", "三!A1", "三!A2"});
  const Document document = extract_document(source, {});
  REQUIRE(document.tasks.size() == 3);  // each sheet's header read as a header, not as a task
  CHECK(test::leads(document, 1) == Names{"市财政局"});
}

TEST_CASE("a sheet beyond the limits is refused, naming it; columns past the table width are dropped with a warning") {
  std::string big = "<sheetData>";
  for (int r = 1; r <= 70000; ++r)
    big += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c><c r=\"BH" +
           std::to_string(r) + "\"><v>2</v></c></row>";
  big += "</sheetData>";
  CHECK_THROWS_WITH_AS(read_bytes(xlsx_package({{"小", "<sheetData/>"}, {"Big", big}})),
                       "sheet 'Big': 70,000 rows by 60 columns, more than a task table holds (4,000,000 cells)",
                       detail::FormatError);
  const std::string wide = "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"BL1\"><v>64</v></c>"
                           "<c r=\"BM1\"><v>65</v></c></row></sheetData>";
  const Source source = read_bytes(xlsx_package({{"Wide", wide}}));
  CHECK(source.warnings == Names{"sheet 'Wide': columns after BL not read (a task table has far fewer)"});
  CHECK(source.text == "1" + std::string(62, '\t') + "\t64");
}
