// Word documents: small packages whose XML is written here by hand, and the lines and places the
// reader must give for them, worked out from [ECMA-376] Part 1 (§17.3 paragraphs and runs, §17.4
// tables, §17.9 numbering, §17.13 tracked changes) and from what Word shows for the same XML.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "agencygraph/extract.hpp"
#include "extract_test_support.hpp"
#include "formats/docx_reader.hpp"
#include "formats/format_error.hpp"
#include "formats/list_number_format.hpp"
#include "office_packages.hpp"

using namespace agencygraph;
using test::docx_package;
using test::lines;
using test::Names;
using test::read_bytes;

namespace {

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string p(const std::string& content) { return "<w:p>" + content + "</w:p>"; }
std::string numbered(int num_id, int level, const std::string& text) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr></w:pPr>" + run(text) + "</w:p>";
}
std::string styled(const std::string& style, const std::string& text, const std::string& more = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + more + "</w:pPr>" + run(text) + "</w:p>";
}
std::string level(int ilvl, const std::string& format, const std::string& text, const std::string& more = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + format +
         "\"/>" + more + "<w:lvlText w:val=\"" + text + "\"/></w:lvl>";
}
std::string cell(const std::string& text, const std::string& properties = "") {
  return "<w:tc>" + (properties.empty() ? "" : "<w:tcPr>" + properties + "</w:tcPr>") + p(run(text)) + "</w:tc>";
}
std::string row(const std::vector<std::string>& texts) {
  std::string xml = "<w:tr>";
  for (const std::string& text : texts) xml += cell(text);
  return xml + "</w:tr>";
}

}  // namespace

TEST_CASE("list numbers are written as Word writes them for each number format") {
  using detail::format_list_number;
  CHECK(format_list_number("decimal", 52) == "52");
  CHECK(format_list_number("decimalZero", 7) == "07");
  CHECK(format_list_number("decimalZero", 12) == "12");
  CHECK(format_list_number("chineseCounting", 1) == "一");
  CHECK(format_list_number("chineseCounting", 10) == "十");
  CHECK(format_list_number("chineseCounting", 11) == "十一");
  CHECK(format_list_number("chineseCounting", 20) == "二十");
  CHECK(format_list_number("chineseCounting", 36) == "三十六");
  CHECK(format_list_number("chineseCountingThousand", 101) == "一百零一");
  CHECK(format_list_number("chineseCountingThousand", 110) == "一百一十");
  CHECK(format_list_number("chineseCountingThousand", 1010) == "一千零一十");
  CHECK(format_list_number("chineseCountingThousand", 10001) == "一万零一");
  CHECK(format_list_number("chineseLegalSimplified", 12) == "壹拾贰");
  CHECK(format_list_number("ideographTraditional", 3) == "丙");
  CHECK(format_list_number("ideographTraditional", 11) == "甲");  // the ten stems come round again
  CHECK(format_list_number("ideographZodiac", 12) == "亥");
  CHECK(format_list_number("decimalEnclosedCircle", 3) == "③");
  CHECK(format_list_number("decimalEnclosedCircle", 20) == "⑳");
  CHECK(format_list_number("decimalEnclosedCircle", 21) == "21");  // beyond the symbols: digits
  CHECK(format_list_number("decimalEnclosedParen", 2) == "⑵");
  CHECK(format_list_number("decimalEnclosedFullstop", 4) == "⒋");
  CHECK(format_list_number("decimalFullWidth", 15) == "１５");
  CHECK(format_list_number("ideographDigital", 205) == "二〇五");
  CHECK(format_list_number("lowerLetter", 3) == "c");
  CHECK(format_list_number("upperLetter", 28) == "BB");  // Word repeats the letter after Z
  CHECK(format_list_number("lowerRoman", 14) == "xiv");
  CHECK(format_list_number("upperRoman", 1994) == "MCMXCIV");
  CHECK(format_list_number("bullet", 1).empty());
  CHECK(format_list_number("none", 1).empty());
  CHECK(format_list_number("someFutureFormat", 9) == "9");
}

TEST_CASE("paragraphs are lines in order, a tab is a space, a line break starts a line of the same paragraph") {
  const std::string body = p(run("一、总体要求")) + p(run("1.推进") + "<w:r><w:tab/></w:r>" + run("改革。")) +
                           p(run("牵头单位:市发改委") + "<w:r><w:br/></w:r>" + run("责任单位:市财政局")) + p("") +
                           "<w:sectPr/>";
  const Source source = read_bytes(docx_package(body));
  CHECK(source.format == "docx");
  CHECK(lines(source) == Names{"一、总体要求", "1.推进 改革。", "牵头单位:市发改委", "责任单位:市财政局", ""});
  CHECK(source.places == Names{"paragraph 1", "paragraph 2", "paragraph 3", "paragraph 3", "paragraph 4"});
}

TEST_CASE("tracked insertions are read and deletions are not; hidden text, field codes, drawings and ruby are left out") {
  const std::string body = p(
      run("1.") + "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>旧</w:delText></w:r></w:del>" +
      "<w:ins w:id=\"2\" w:author=\"a\">" + run("新建") + "</w:ins>" +
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>" +
      "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>" +
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>" +
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + run("3") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
      "<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
      "<mc:Choice Requires=\"w14\">" + run("甲") + "</mc:Choice><mc:Fallback>" + run("甲") + "</mc:Fallback></mc:AlternateContent>" +
      "<w:r><w:ruby><w:rt><w:r><w:t>pin</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>拼</w:t></w:r></w:rubyBase></w:ruby></w:r>" +
      "<w:r><w:drawing><wp:inline xmlns:wp=\"x\"><a:t xmlns:a=\"y\">图</a:t></wp:inline></w:drawing></w:r>" +
      "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>" +
      "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink>" + "<w:r><w:noBreakHyphen/></w:r>");
  CHECK(lines(read_bytes(docx_package(body))) == Names{"1.新建显示3甲拼链接-"});
}

TEST_CASE("a paragraph whose mark is a tracked deletion joins the next one; a numbered task deleted whole takes no number") {
  const std::string numbering = "<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
                                "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const auto mark_deleted = [](const std::string& content) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:rPr><w:del w:id=\"9\" "
           "w:author=\"a\"/></w:rPr></w:pPr>" + content + "</w:p>";
  };
  const std::string body = numbered(1, 0, "一") +
                           mark_deleted("<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>删去的任务</w:delText></w:r></w:del>") +
                           numbered(1, 0, "三") + mark_deleted(run("甲")) + numbered(1, 0, "乙") + p(run("尾"));
  const Source source = read_bytes(docx_package(body, numbering));
  CHECK(lines(source) == Names{"1. 一", "2. 三", "3. 甲乙", "尾"});
  CHECK(source.places == Names{"paragraph 1", "paragraph 2", "paragraph 3", "paragraph 4"});
}

TEST_CASE("automatic numbering: start values, levels, restarts, legal numbers, suffixes and bullets") {
  const std::string numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"52\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\">" + level(0, "chineseCounting", "%1、") + level(1, "chineseCounting", "（%2）") +
      level(2, "decimal", "%3.", "<w:lvlRestart w:val=\"0\"/>") + "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"2\">" + level(0, "decimalEnclosedCircle", "%1", "<w:suff w:val=\"nothing\"/>") +
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"3\">" + level(0, "bullet", "•") + "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"4\">" + level(0, "chineseCounting", "%1.") +
      level(1, "decimal", "%1.%2", "<w:isLgl/>") + "</w:abstractNum>"
      // Word 2010 writes a custom format inside mc:AlternateContent, with a plain one in the fallback.
      "<w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"8\"/>"
      "<mc:AlternateContent xmlns:mc=\"m\"><mc:Choice Requires=\"w14\"><w:numFmt w:val=\"custom\" w:format=\"001\"/>"
      "</mc:Choice><mc:Fallback><w:numFmt w:val=\"decimalZero\"/></mc:Fallback></mc:AlternateContent>"
      "<w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
      "</w:lvlOverride></w:num>"
      "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"2\"/></w:num>"
      "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num>"
      "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"4\"/></w:num>"
      "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"5\"/></w:num>"
      "<w:num w:numId=\"8\"><w:abstractNumId w:val=\"1\"/></w:num>";
  const std::string body =
      numbered(1, 0, "A") + numbered(1, 0, "B") +                                               // 52. 53.
      numbered(2, 0, "总") + numbered(2, 1, "分") + numbered(2, 2, "t") + numbered(2, 2, "u") +  // 一、（一）1. 2.
      numbered(2, 1, "") + numbered(2, 2, "v") +                                                // （二）3.: never restarts
      numbered(2, 0, "") + numbered(2, 1, "") + numbered(2, 2, "w") +                           // 二、（一）4.
      numbered(8, 0, "") +                                        // another instance of the list: continues, 三、
      numbered(3, 0, "重") +                                      // a start override restarts it: 一、
      numbered(4, 0, "x") + numbered(4, 0, "y") + numbered(5, 0, "项") +
      numbered(6, 0, "") + numbered(6, 1, "") + numbered(6, 1, "") + numbered(6, 0, "") + numbered(6, 1, "") +
      numbered(7, 0, "z") + numbered(0, 0, "无") + numbered(99, 0, "缺");
  const Source source = read_bytes(docx_package(body, numbering));
  CHECK(lines(source) == Names{"52. A", "53. B", "一、 总", "（一） 分", "1. t", "2. u", "（二） ", "3. v",
                               "二、 ", "（一） ", "4. w", "三、 ", "一、 重", "①x", "②y", "项",
                               "一. ", "1.1 ", "1.2 ", "二. ", "2.1 ", "08) z", "无", "缺"});
}

TEST_CASE("numbering through paragraph styles: numPr of the style, of the style it is based on, or a level naming the style") {
  const std::string numbering = "<w:abstractNum w:abstractNumId=\"0\">" + level(0, "decimal", "%1.") +
                                "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
                                "<w:pStyle w:val=\"Sub\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum>"
                                "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Task\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/>"
      "</w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"TaskBased\"><w:basedOn w:val=\"Task\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop1\"><w:basedOn w:val=\"Loop2\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Loop2\"><w:basedOn w:val=\"Loop1\"/></w:style>";
  const std::string body = styled("Task", "甲") + styled("TaskBased", "乙") + styled("Sub", "丙") +
                           styled("Task", "丁", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>") + p(run("戊")) +
                           styled("Loop1", "己");
  CHECK(lines(read_bytes(docx_package(body, numbering, styles))) == Names{"1. 甲", "2. 乙", "（1） 丙", "丁", "戊", "己"});
}

TEST_CASE("a table: gridSpan, vMerge, gridBefore and hMerge cells laid out as HTML's rowspan and colspan are") {
  const std::string table =
      "<w:tbl><w:tblPr/><w:tblGrid/>" + row({"序号", "工作任务", "牵头单位", "责任单位"}) +
      "<w:tr>" + cell("1") + cell("任务一") + cell("市发改委", "<w:vMerge w:val=\"restart\"/>") + cell("市财政局") + "</w:tr>" +
      "<w:tr>" + cell("2") + cell("任务二") + cell("", "<w:vMerge/>") + cell("市民政局") + "</w:tr>" +
      "<w:tr>" + cell("（二）分项", "<w:gridSpan w:val=\"4\"/>") + "</w:tr>" +
      row({"3", "任务三", "市教育局", "市人社局"}) +
      "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" + cell("任务四") + cell("市卫健委") + cell("市医保局") + "</w:tr>" +
      "<w:tr>" + cell("4") + cell("任务五", "<w:hMerge w:val=\"restart\"/>") + cell("", "<w:hMerge/>") + cell("市统计局") +
      "</w:tr></w:tbl>";
  const Source source = read_bytes(docx_package(p(run("标题")) + table + p(run("附注"))));
  CHECK(lines(source) == Names{"标题",
                               "序号\t工作任务\t牵头单位\t责任单位",
                               "1\t任务一\t市发改委\t市财政局",
                               "2\t任务二\t市发改委\t市民政局",
                               "（二）分项",
                               "序号\t工作任务\t牵头单位\t责任单位",  // the header again after a heading row
                               "3\t任务三\t市教育局\t市人社局",
                               "\t任务四\t市卫健委\t市医保局",
                               "4\t任务五\t任务五\t市统计局",
                               "附注"});
  CHECK(source.places == Names{"paragraph 1", "table 1, row 1", "table 1, row 2", "table 1, row 3", "table 1, row 4",
                               "table 1, row 1", "table 1, row 5", "table 1, row 6", "table 1, row 7", "paragraph 2"});
  const Document document = extract_document(source, {});
  REQUIRE(document.tasks.size() >= 3);
  CHECK(document.tasks[1].id == "2");
  CHECK(test::leads(document, 1) == Names{"市发改委"});  // from the cell merged down
  CHECK(test::co(document, 1) == Names{"市民政局"});
  CHECK(document.sources[0].place(document.tasks[1].line) == "table 1, row 3");
}

TEST_CASE("cells with several paragraphs and line breaks are one line; content controls and custom XML are looked through") {
  const std::string table =
      "<w:tbl>" + row({"序号", "工作任务", "牵头单位"}) +
      "<w:sdt><w:sdtPr><w:alias w:val=\"行\"/></w:sdtPr><w:sdtContent><w:tr>" + cell("1") + cell("任务") +
      "<w:tc><w:customXml w:element=\"x\">" + p(run("市发改委")) + "</w:customXml>" +
      p(run("市财政局") + "<w:r><w:br/></w:r>" + run("市民政局")) + "</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>";
  const std::string body = "<w:sdt><w:sdtContent>" + p(run("控件里的段落")) + "</w:sdtContent></w:sdt>" + table;
  const Source source = read_bytes(docx_package(body));
  CHECK(lines(source) == Names{"控件里的段落", "序号\t工作任务\t牵头单位", "1\t任务\t市发改委 市财政局 市民政局"});
  CHECK(source.places == Names{"paragraph 1", "table 1, row 1", "table 1, row 2"});
}

TEST_CASE("a table holding a table is layout: its cells are paragraphs, the inner table a table") {
  const std::string inner = "<w:tbl>" + row({"序号", "工作任务", "牵头单位"}) + row({"1", "任务", "市发改委"}) + "</w:tbl>";
  const std::string outer = "<w:tbl><w:tr>" + cell("左栏") + "<w:tc>" + p(run("说明")) + inner + p("") +
                            "</w:tc></w:tr><w:tr>" + cell("第二行") + "</w:tr></w:tbl>";
  const Source source = read_bytes(docx_package(outer + "<w:p/>" + inner));
  CHECK(lines(source) == Names{"左栏", "说明", "序号\t工作任务\t牵头单位", "1\t任务\t市发改委", "", "第二行", "",
                               "序号\t工作任务\t牵头单位", "1\t任务\t市发改委"});
  CHECK(source.places == Names{"table 1, row 1", "table 1, row 1", "table 2, row 1", "table 2, row 2", "table 1, row 1",
                               "table 1, row 2", "paragraph 1", "table 3, row 1", "table 3, row 2"});
}

TEST_CASE("tables nested deeper than the limit are refused with the table's number; up to it they are read") {
  const auto nested = [](int depth) {
    std::string xml = p(run("最里面"));
    for (int k = 0; k < depth; ++k) xml = "<w:tbl><w:tr><w:tc>" + xml + "</w:tc></w:tr></w:tbl>";
    return xml;
  };
  CHECK(lines(read_bytes(docx_package(nested(detail::kMaxTableDepth)))) == Names{"最里面"});
  CHECK_THROWS_WITH_AS(read_bytes(docx_package(nested(detail::kMaxTableDepth + 1))),
                       "table 17: tables nested more than 16 deep", detail::FormatError);
}

TEST_CASE("deeply nested XML is walked without recursion") {
  // 200,000 wrappers around a run inside a paragraph, and as many content controls around a paragraph.
  constexpr int kDepth = 200000;
  std::string inline_xml;
  for (int k = 0; k < kDepth; ++k) inline_xml += "<w:hyperlink>";
  inline_xml += run("深");
  for (int k = 0; k < kDepth; ++k) inline_xml += "</w:hyperlink>";
  std::string block_xml;
  for (int k = 0; k < kDepth; ++k) block_xml += "<w:sdt><w:sdtContent>";
  block_xml += p(run("块"));
  for (int k = 0; k < kDepth; ++k) block_xml += "</w:sdtContent></w:sdt>";
  // Stored: packed, such a part expands 400 times and is refused as a ZIP bomb before it is parsed.
  const std::string package = test::docx_from_document(test::document_xml(p(inline_xml) + block_xml), "", "", true);
  CHECK(lines(read_bytes(package)) == Names{"深", "块"});
}

TEST_CASE("XML with a DOCTYPE is refused; entities are never expanded") {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"" + test::kWordNamespace +
      "\"><w:body>" + p(run("&b;&x;")) + "</w:body></w:document>";
  CHECK_THROWS_WITH_AS(read_bytes(test::docx_from_document(laughs)),
                       "word/document.xml: XML with a DOCTYPE, which office software never writes (entity declarations "
                       "are not read)",
                       detail::FormatError);
  // Without a DOCTYPE an undeclared entity stays as written; the predefined ones and character
  // references are decoded.
  CHECK(lines(read_bytes(docx_package(p(run("&xxe;&lt;&#24066;&#x5E02;&amp;"))))) == Names{"&xxe;<市市&"});
}

TEST_CASE("a paragraph that quotes HTML stays text: an office file is never read as a page") {
  const Source source = read_bytes(docx_package(p(run("&lt;table&gt;&lt;tr&gt;&lt;td&gt;1&lt;/td&gt;&lt;td&gt;x&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"))));
  const Document document = extract_document(source, {});
  CHECK(document.sources[0].format == "docx");
  CHECK(document.sources[0].text == "<table><tr><td>1</td><td>x</td></tr></table>");
}

TEST_CASE("control characters and invalid UTF-8 in a part never reach the text") {
  // XML 1.0 forbids most control characters, but pugixml passes what it is given; \x01 and a lone
  // continuation byte must not reach the parser, which expects valid UTF-8 without controls.
  const std::string text = std::string("甲\x01乙") + "\x80" + "丙";
  CHECK(lines(read_bytes(docx_package(p(run(text))))) == Names{"甲乙\xEF\xBF\xBD丙"});
  // In a table cell too (found by fuzz_docx).
  CHECK(lines(read_bytes(docx_package("<w:tbl>" + row({"序号", text}) + "</w:tbl>"))) ==
        Names{"序号\t甲乙\xEF\xBF\xBD丙"});
}

TEST_CASE("parts in UTF-16 and prefixes other than w: are read") {
  std::string document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><word:document xmlns:word=\"" + test::kWordNamespace +
                         "\"><word:body><word:p><word:r><word:t>十六位</word:t></word:r></word:p></word:body></word:document>";
  // To UTF-16LE with a BOM (every character here is in the BMP).
  std::u16string wide;
  for (std::uint32_t i = 0; i < document.size();) {
    const auto lead = static_cast<unsigned char>(document[i]);
    char32_t c = lead;
    int extra = lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    if (extra) c = lead & (extra == 2 ? 0x0F : 0x1F);
    for (int k = 1; k <= extra; ++k) c = (c << 6) | (static_cast<unsigned char>(document[i + k]) & 0x3F);
    i += 1 + extra;
    wide += static_cast<char16_t>(c);
  }
  std::string bytes = "\xFF\xFE";
  for (char16_t unit : wide) {
    bytes += static_cast<char>(unit & 0xFF);
    bytes += static_cast<char>(unit >> 8);
  }
  CHECK(lines(read_bytes(test::docx_from_document(bytes))) == Names{"十六位"});
}

TEST_CASE("a document of pictures alone says it has no text rather than passing for one without annotations") {
  const std::string picture = "<w:r><w:drawing><wp:inline xmlns:wp=\"x\"><a:blip xmlns:a=\"y\"/></wp:inline></w:drawing></w:r>";
  CHECK_THROWS_WITH_AS(read_bytes(docx_package(p(picture) + p(""))),
                       doctest::Contains("no text, only pictures (a scanned document?): OCR is not built in"),
                       detail::FormatError);
  CHECK_THROWS_AS(read_bytes(docx_package(p("<w:r><w:pict><v:shape xmlns:v=\"z\"/></w:pict></w:r>"))), detail::FormatError);
  // Text beside a picture is read; an empty document without pictures is an empty text.
  CHECK(lines(read_bytes(docx_package(p(picture) + p(run("1.任务。"))))) == Names{"", "1.任务。"});
  CHECK_NOTHROW(read_bytes(docx_package(p(""))));
}
