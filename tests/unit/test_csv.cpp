// RFC 4180 fields and rows.
#include <doctest/doctest.h>

#include <sstream>

#include "agencygraph/io/csv.hpp"

using namespace agencygraph::io;

TEST_CASE("csv_field quotes only what needs quoting and doubles quotes") {
  CHECK(csv_field("") == "");
  CHECK(csv_field("市教育局") == "市教育局");
  CHECK(csv_field("0.5") == "0.5");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("市委\"两新\"工委") == "\"市委\"\"两新\"\"工委\"");
  CHECK(csv_field("line\nbreak") == "\"line\nbreak\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("全角，逗号") == "全角，逗号");  // U+FF0C is not a separator
  CHECK(csv_field(" padded ") == " padded ");     // spaces are part of the field
}

TEST_CASE("write_csv_row separates with commas and ends rows with CRLF") {
  std::ostringstream out;
  write_csv_row(out, {"rank", "agency", "burden"});
  write_csv_row(out, {"1", "市商务局(市粮食和物资储备局),\"x\"", "49.5"});
  write_csv_row(out, {});
  write_csv_row(out, {"", ""});
  CHECK(out.str() == "rank,agency,burden\r\n1,\"市商务局(市粮食和物资储备局),\"\"x\"\"\",49.5\r\n\r\n,\r\n");
  CHECK(kUtf8Bom == "\xEF\xBB\xBF");
}
