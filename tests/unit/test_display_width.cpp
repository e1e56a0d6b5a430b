// Display widths by East Asian Width: W and F take two columns, marks and controls none.
#include <doctest/doctest.h>

#include "io/display_width.hpp"

using namespace agencygraph::io;

TEST_CASE("display width counts wide and full-width characters as two columns") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("市教育局") == 8);                     // four Wide ideographs
  CHECK(display_width("市商务局(市粮食和物资储备局)") == 28);  // 13 ideographs + 2 half-width brackets
  CHECK(display_width("（）：；，") == 10);                   // full-width punctuation (F)
  CHECK(display_width("ＡＢ") == 4);                          // full-width Latin (F)
  CHECK(display_width("ｶﾀ") == 2);                            // half-width katakana (H)
  CHECK(display_width("…") == 1);                             // Ambiguous counts one
  CHECK(display_width("é") == 1);                             // e + combining acute
  CHECK(display_width("a\tb") == 2);                          // controls take no column
  CHECK(display_width("😀") == 2);                             // emoji presentation (W), 4 bytes
  CHECK(display_width("\xff") == 1);                          // a malformed byte shows as one U+FFFD
  CHECK(code_point_width(U'荆') == 2);
  CHECK(code_point_width(U'a') == 1);
  CHECK(code_point_width(0x0301) == 0);
  CHECK(code_point_width(0x200B) == 0);                       // zero width space (Cf)
}

TEST_CASE("truncation keeps whole characters and ends in an ellipsis") {
  CHECK(truncate_to_width("市教育局", 8) == "市教育局");  // fits: unchanged
  CHECK(truncate_to_width("市教育局", 7) == "市教育…");   // 6 + 1
  CHECK(truncate_to_width("市教育局", 6) == "市教…");     // 4 + 1: a wide char cannot take one column
  CHECK(truncate_to_width("市教育局", 1) == "…");
  CHECK(truncate_to_width("市教育局", 0) == "");
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
  CHECK(truncate_to_width("ab", 2) == "ab");
  CHECK(truncate_to_width("éabc", 2) == "é…");     // the mark stays with its base
  for (std::size_t w = 0; w < 12; ++w) CHECK(display_width(truncate_to_width("荆州开发区管委会", w)) <= w);
}

TEST_CASE("fit_to_width pads to exactly the width, either side") {
  CHECK(fit_to_width("市教育局", 10) == "市教育局  ");
  CHECK(fit_to_width("12", 5, Align::Right) == "   12");
  CHECK(fit_to_width("荆州开发区管委会", 9) == "荆州开发…");  // 8 + 1 = 9, no padding needed
  CHECK(fit_to_width("荆州开发区管委会", 10) == "荆州开发… ");  // 9 columns after cutting, one pad
  CHECK(display_width(fit_to_width("荆州开发区管委会", 10)) == 10);
}
