#include <doctest/doctest.h>

#include "io/escape.hpp"

using namespace agencygraph::io;

TEST_CASE("xml_legal drops the control characters XML 1.0 cannot hold and repairs broken UTF-8") {
  CHECK(xml_legal("a\x01" "b\x0b\x0c\x1f" "c") == "abc");
  CHECK(xml_legal("tab\tnl\ncr\r") == "tab\tnl\ncr\r");
  CHECK(xml_legal("市\xEF\xBF\xBE局") == "市局");                  // U+FFFE
  CHECK(xml_legal("x\xE5\xB8y") == "x\xEF\xBF\xBD\xEF\xBF\xBDy");  // truncated 市: two bytes, two U+FFFD
  CHECK(xml_legal("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");      // overlong '/'
  CHECK(xml_legal("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(xml_legal("𠀀") == "𠀀");                                   // four-byte CJK extension B
}

TEST_CASE("xml_escape escapes markup and keeps whitespace as character references") {
  CHECK(xml_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(xml_escape("A&B \"q\" 'a'") == "A&amp;B &quot;q&quot; &apos;a&apos;");
  CHECK(xml_escape("&amp;") == "&amp;amp;");
  CHECK(xml_escape("a\nb\x02") == "a&#10;b");
  CHECK(xml_escape("市发改委") == "市发改委");
}

TEST_CASE("single_line turns line breaks and C1 controls into spaces") {
  CHECK(single_line("a\r\nb\tc\xC2\x85" "d\x01") == "a  b c d");
}

TEST_CASE("graphviz_string keeps escString sequences literal") {
  CHECK(graphviz_string("\\N\\G\\l") == "\\\\N\\\\G\\\\l");
  CHECK(graphviz_string("a&b") == "a&b");
  CHECK(graphviz_string("a&lt;b", true) == "a&amp;lt;b");
  CHECK(graphviz_string("第一行\n第二行") == "第一行 第二行");
}

TEST_CASE("dot_quote escapes quotes and never lets a backslash eat the closing quote") {
  CHECK(dot_quote("市发改委") == "\"市发改委\"");
  CHECK(dot_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(dot_quote("\\\\") == "\"\\\\\"");               // an even run is left alone
  CHECK(dot_quote("tail\\") == "\"tail\\\\\"");          // an odd trailing run is evened
  CHECK(dot_quote("\\\"; node [") == "\"\\\\\\\"; node [\"");
}
