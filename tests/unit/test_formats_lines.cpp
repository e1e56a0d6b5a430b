// The lines builder every format reader writes through (lib/src/formats/lines_builder.hpp): text
// made safe for a line, paragraphs and tables with their places.
#include <doctest/doctest.h>

#include <string>

#include "extract_test_support.hpp"
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "text/table_lines.hpp"
#include "office_packages.hpp"

using namespace agencygraph;
using detail::clean_text;
using test::Names;

TEST_CASE("text is made safe for a line: valid UTF-8, no controls, tabs as spaces, every line break one LF") {
  CHECK(clean_text("市发改委、市财政局 ABC") == "市发改委、市财政局 ABC");
  CHECK(clean_text("甲\t乙") == "甲 乙");
  CHECK(clean_text("甲\r\n乙\r丙\n丁\xE2\x80\xA8戊\xE2\x80\xA9己") == "甲\n乙\n丙\n丁\n戊\n己");
  CHECK(clean_text("\r\n\r\n") == "\n\n");
  CHECK(clean_text(std::string("a\x01\x1F\x7F" "b\xC2\x85" "c", 9)) == "abc");  // C0, DEL and C1 (U+0085)
  CHECK(clean_text(std::string("a\0b", 3)) == "ab");
  CHECK(clean_text("\x80") == "\xEF\xBF\xBD");                     // a lone continuation byte
  CHECK(clean_text("甲\xE6\x88") == "甲\xEF\xBF\xBD");             // a character cut short
  CHECK(clean_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate, as ICU splits it
  CHECK(clean_text("é😀") == "é😀");                                  // two- and four-byte characters
}

TEST_CASE("the lines builder: a paragraph per line with its place, a table's rows through table_lines") {
  detail::LinesBuilder builder(1000);
  builder.paragraph("标题", "paragraph 1");
  builder.paragraph("甲\n乙", "paragraph 2");
  detail::TableGrid grid(3);
  grid.place(0, 0, 1, 1, "序号");
  grid.place(0, 1, 1, 1, "牵头单位");
  grid.place(1, 0, 1, 1, "1");
  grid.place(1, 1, 2, 1, "市发改委\n市财政局");  // merged down two rows; a break in a cell is a space
  grid.place(2, 0, 1, 1, "2");
  builder.table(grid, [](const detail::TableLine& line) { return "row " + std::to_string(line.row + 1); });
  builder.warn("sheet 'X': something");
  const Source source = std::move(builder).finish("a.docx", "docx");
  CHECK(test::lines(source) == Names{"标题", "甲", "乙", "序号\t牵头单位", "1\t市发改委 市财政局", "2\t市发改委 市财政局"});
  CHECK(source.places == Names{"paragraph 1", "paragraph 2", "paragraph 2", "row 1", "row 2", "row 3"});
  CHECK(source.format == "docx");
  CHECK(source.warnings == Names{"sheet 'X': something"});
}

TEST_CASE("past its line limit a file is refused, naming the place") {
  detail::LinesBuilder builder(100, 3);
  builder.paragraph("一\n二", "paragraph 1");
  builder.paragraph("三", "paragraph 2");
  CHECK_THROWS_WITH_AS(builder.paragraph("四", "paragraph 3"),
                       "paragraph 3: more than 3 lines of text, far more than a decomposition document holds",
                       detail::FormatError);
}

TEST_CASE("a cell's tabs and line breaks become spaces wherever they stand, so a row keeps its columns") {
  // Every position of a 24-byte cell, and each of TAB, LF, CR: the cell is tested eight bytes at a
  // time, and a break in any byte of a word, or in the bytes after the last whole word, must go.
  for (char brk : {'\t', '\n', '\r'}) {
    for (std::size_t at = 0; at < 24; ++at) {
      std::string text(24, 'x');
      text[at] = brk;
      detail::TableGrid grid(1);
      grid.place(0, 0, 1, 1, text);
      grid.place(0, 1, 1, 1, "y");
      std::size_t budget = 1000;
      const std::vector<detail::TableLine> lines = detail::table_lines(grid, budget);
      REQUIRE(lines.size() == 1);
      std::string expected(24, 'x');
      expected[at] = ' ';
      CHECK(lines[0].text == expected + "\ty");
    }
  }
}
