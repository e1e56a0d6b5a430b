// The Excel 97-2003 reader's own record reading (formats/xls_workbook.hpp, biff_records.hpp,
// biff_strings.hpp, cell_number_text.hpp) on Workbook streams built byte by byte here: records
// that lie about their lengths, strings continued over CONTINUE records, BIFF5, and the text of
// numbers under date formats. The cell kinds of a whole file (xls/cell-kinds.xls) are tested in
// test_formats_binary.cpp.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "formats/cell_number_text.hpp"
#include "formats/format_error.hpp"
#include "formats/xls_workbook.hpp"

using namespace agencygraph;
using detail::DateKind;
using detail::FormatError;

namespace {

// ---- a Workbook stream, byte by byte ----

std::string u16(unsigned value) { return {static_cast<char>(value & 0xFF), static_cast<char>(value >> 8 & 0xFF)}; }
std::string u32(std::uint32_t value) { return u16(value & 0xFFFF) + u16(value >> 16); }
std::string f64(double value) {
  std::string out(8, '\0');
  std::memcpy(out.data(), &value, 8);
  return out;
}
std::string record(unsigned type, const std::string& data) { return u16(type) + u16(static_cast<unsigned>(data.size())) + data; }
std::string bof(unsigned version, unsigned kind) { return record(0x0809, u16(version) + u16(kind) + std::string(12, '\0')); }
std::string eof() { return record(0x000A, ""); }
// A BIFF8 string of 8-bit characters with a count of `count_bytes`.
std::string narrow(const std::string& text, int count_bytes = 2) {
  const std::string count = count_bytes == 1 ? std::string(1, static_cast<char>(text.size())) : u16(static_cast<unsigned>(text.size()));
  return count + std::string(1, '\0') + text;
}
std::string cell(unsigned row, unsigned column, unsigned xf = 15) { return u16(row) + u16(column) + u16(xf); }

struct Sheet {
  std::string name;
  std::string records;  // between the sheet's BOF and EOF
  unsigned type = 0;    // BOUNDSHEET's: 0 worksheet, 2 chart
  bool hidden = false;
};

// A workbook stream: the globals' records, then each sheet's substream, with BOUNDSHEET records
// pointing at the sheets' BOFs. BIFF5 sheet names are `name` bytes as they are.
std::string workbook(const std::string& globals, const std::vector<Sheet>& sheets, bool biff5 = false) {
  const auto boundsheet = [&](std::uint32_t offset, const Sheet& sheet) {
    const std::string name = biff5 ? std::string(1, static_cast<char>(sheet.name.size())) + sheet.name : narrow(sheet.name, 1);
    return record(0x0085, u32(offset) + std::string(1, sheet.hidden ? '\1' : '\0') + std::string(1, static_cast<char>(sheet.type)) +
                              name);
  };
  const unsigned version = biff5 ? 0x0500 : 0x0600;
  std::size_t offset = bof(version, 5).size() + globals.size() + eof().size();
  for (const Sheet& sheet : sheets) offset += boundsheet(0, sheet).size();
  std::string head = bof(version, 5) + globals, tail;
  for (const Sheet& sheet : sheets) {
    head += boundsheet(static_cast<std::uint32_t>(offset + tail.size()), sheet);
    tail += bof(version, 0x10) + sheet.records + eof();
  }
  return head + eof() + tail;
}

std::vector<std::string> texts(const detail::XlsSheet& sheet) {
  std::vector<std::string> out;
  for (const detail::SheetCell& c : sheet.cells) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("xls records: shared strings go on in CONTINUE records, each part with its own option byte") {
  // "ab" (8-bit), then "xy" + "中文": the second string's characters go on in a CONTINUE record,
  // which starts with the option byte 0x01 (UTF-16) although the string began in 8-bit characters.
  const std::string sst = record(0x00FC, u32(2) + u32(2) + narrow("ab") + u16(4) + std::string(1, '\0') + "xy") +
                          record(0x003C, std::string(1, '\x01') + "\x2D\x4E\x87\x65");
  const std::string cells = record(0x00FD, cell(0, 0) + u32(0)) + record(0x00FD, cell(0, 1) + u32(1));
  const detail::XlsWorkbook book = detail::read_workbook_stream(workbook(sst, {{"S", cells}}));
  REQUIRE(book.sheets.size() == 1);
  CHECK(texts(book.sheets[0]) == std::vector<std::string>{"ab", "xy中文"});

  // A formula's string value in a STRING record continued likewise.
  const std::string formula = record(0x0006, cell(1, 0) + std::string(6, '\0') + u16(0xFFFF) + std::string(6, '\0')) +
                              record(0x0207, u16(3) + std::string(1, '\0') + "ab") +
                              record(0x003C, std::string(1, '\x01') + "\x2D\x4E");
  const detail::XlsWorkbook with_formula = detail::read_workbook_stream(workbook("", {{"S", formula}}));
  CHECK(texts(with_formula.sheets[0]) == std::vector<std::string>{"ab中"});
}

TEST_CASE("xls records: a record that lies about its lengths is refused with its byte offset") {
  using detail::read_workbook_stream;
  const auto at = [](std::size_t offset) { return "damaged workbook: a record at byte " + std::to_string(offset) + " of the Workbook stream "; };
  const std::size_t sst_at = bof(0x0600, 5).size();  // the first record after the globals' BOF
  // The SST says 3 strings and holds 2.
  const std::string short_sst = record(0x00FC, u32(3) + u32(3) + narrow("ab") + narrow("cd"));
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook(short_sst, {})),
                       (at(sst_at) + "declares more than it and its CONTINUE records hold").c_str(), FormatError);
  // A string's characters past the SST and its CONTINUE record.
  const std::string long_string = record(0x00FC, u32(1) + u32(1) + u16(10) + std::string(1, '\0') + "abc") +
                                  record(0x003C, std::string(1, '\0') + "def");
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook(long_string, {})),
                       (at(sst_at) + "declares more text than it and its CONTINUE records hold").c_str(), FormatError);
  // The first record of a sheet stands right after the sheet's BOF, the last record of the stream
  // but its EOF when the sheet holds nothing.
  const std::size_t sheet_record_at = workbook("", {{"S", ""}}).size() - eof().size();
  // A LABEL whose count says 200 characters in 3.
  const std::string label = record(0x0204, cell(0, 0) + u16(200) + std::string(1, '\0') + "abc");
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook("", {{"S", label}})),
                       (at(sheet_record_at) + "holds a text longer than itself").c_str(), FormatError);
  // A MULRK of columns 0-2 with the bytes of two cells; one too short for any cell.
  const std::string mulrk = record(0x00BD, u16(0) + u16(0) + u16(15) + u32(2 | 1 << 2) + u16(15) + u32(2 | 2 << 2) + u16(2));
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook("", {{"S", mulrk}})),
                       (at(sheet_record_at) + "holds a number of cells its columns do not say").c_str(), FormatError);
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook("", {{"S", record(0x00BD, u16(0) + u16(0) + u16(0))}})),
                       (at(sheet_record_at) + "holds a number of cells its columns do not say").c_str(), FormatError);
  // A NUMBER without its value.
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook("", {{"S", record(0x0203, cell(0, 0) + "1234")}})),
                       (at(sheet_record_at) + "is shorter than its fields").c_str(), FormatError);
  // A LABELSST naming a string the table does not have.
  const std::string one_string = record(0x00FC, u32(1) + u32(1) + narrow("a"));
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook(one_string, {{"S", record(0x00FD, cell(0, 0) + u32(1))}})),
                       doctest::Contains("names shared string 1 of a table of 1"), FormatError);
  // A record running past the stream's end; a workbook older than BIFF5.
  CHECK_THROWS_WITH_AS(read_workbook_stream(workbook("", {}) + u16(0x0204) + u16(40) + "abc"),
                       "damaged or truncated workbook: a record runs past the end of the Workbook stream", FormatError);
  CHECK_THROWS_WITH_AS(read_workbook_stream(record(0x0009, std::string(4, '\0'))),
                       "Excel 2.x-4.0 workbook (BIFF2-4): not read; save it as .xls (97-2003) or .xlsx", FormatError);
}

TEST_CASE("xls records: cells row by row, the last value of a cell given twice, booleans, errors left out") {
  const std::string cells = record(0x0203, cell(2, 0) + f64(2.5)) + record(0x0204, cell(0, 1) + narrow("first")) +
                            record(0x027E, cell(0, 0) + u32(2 | 7 << 2)) +  // RK integer 7
                            record(0x0204, cell(0, 1) + narrow("second")) +
                            record(0x0205, cell(1, 0) + std::string("\x01\x00", 2)) +      // TRUE
                            record(0x0205, cell(1, 1) + "\x07\x01") +      // #DIV/0!: left out
                            record(0x027E, cell(1, 2) + u32(3 | 1234 << 2));  // RK hundredths: 12.34
  const detail::XlsWorkbook book = detail::read_workbook_stream(workbook("", {{"S", cells}}));
  REQUIRE(book.sheets[0].cells.size() == 5);
  CHECK(texts(book.sheets[0]) == std::vector<std::string>{"7", "second", "TRUE", "12.34", "2.5"});
  CHECK(book.sheets[0].cells[3].row == 1);
  CHECK(book.sheets[0].cells[3].column == 2);
}

TEST_CASE("xls records: worksheets only, hidden ones too; a chart inside a sheet does not end it") {
  const std::string chart_inside = bof(0x0600, 0x20) + record(0x0204, cell(5, 5) + narrow("chart")) + eof();
  const std::string merged = record(0x00E5, u16(1) + u16(0) + u16(1) + u16(0) + u16(0));
  const detail::XlsWorkbook book = detail::read_workbook_stream(workbook(
      "", {{"Tasks", record(0x0204, cell(0, 0) + narrow("a")) + chart_inside + record(0x0204, cell(1, 0) + narrow("b")) + merged},
           {"Chart1", record(0x0204, cell(0, 0) + narrow("x")), 2},
           {"Hidden", record(0x0204, cell(0, 0) + narrow("h")), 0, true}}));
  REQUIRE(book.sheets.size() == 2);
  CHECK(book.sheets[0].name == "Tasks");
  CHECK(texts(book.sheets[0]) == std::vector<std::string>{"a", "b"});
  REQUIRE(book.sheets[0].merged.size() == 1);
  CHECK(book.sheets[0].merged[0].bottom == 1);
  CHECK(book.sheets[1].name == "Hidden");
  // FILEPASS: nothing after it is read (it is ciphertext), and the workbook says it is encrypted.
  const detail::XlsWorkbook encrypted =
      detail::read_workbook_stream(workbook(record(0x002F, std::string(6, '\0')) + record(0x00FC, u32(9) + u32(9)), {}));
  CHECK(encrypted.encrypted);
}

TEST_CASE("xls records: a BIFF5 (Excel 5.0/95) workbook's 8-bit strings in its code page") {
  // Code page 936 (GBK): 任务 is C8CE CEF1, 分解表 B7D6 BDE2 B1ED.
  const std::string globals = record(0x0042, u16(936));
  const std::string label = record(0x0204, cell(0, 0) + u16(4) + "\xC8\xCE\xCE\xF1");
  const std::string number = record(0x0203, cell(0, 1) + f64(52));
  const detail::XlsWorkbook book =
      detail::read_workbook_stream(workbook(globals, {{"\xB7\xD6\xBD\xE2\xB1\xED", label + number}}, true));
  REQUIRE(book.sheets.size() == 1);
  CHECK(book.sheets[0].name == "分解表");
  CHECK(texts(book.sheets[0]) == std::vector<std::string>{"任务", "52"});
  // Without a CODEPAGE record: Windows-1252.
  const detail::XlsWorkbook western =
      detail::read_workbook_stream(workbook("", {{"S", record(0x0204, cell(0, 0) + u16(4) + "caf\xE9")}}, true));
  CHECK(texts(western.sheets[0]) == std::vector<std::string>{"café"});
}

TEST_CASE("xls number formats: which show dates or times, and the text of a date") {
  CHECK(detail::builtin_date_kind(14) == DateKind::Date);
  CHECK(detail::builtin_date_kind(22) == DateKind::DateTime);
  CHECK(detail::builtin_date_kind(46) == DateKind::Time);
  CHECK(detail::builtin_date_kind(31) == DateKind::Date);  // Chinese Excel's yyyy"年"m"月"d"日"
  CHECK(detail::builtin_date_kind(2) == DateKind::None);
  CHECK(detail::format_date_kind("yyyy-mm-dd") == DateKind::Date);
  CHECK(detail::format_date_kind("yyyy\"年\"m\"月\"d\"日\"") == DateKind::Date);
  CHECK(detail::format_date_kind("[DBNum1][$-804]yyyy\"年\"m\"月\"") == DateKind::Date);
  CHECK(detail::format_date_kind("yyyy/m/d h:mm") == DateKind::DateTime);
  CHECK(detail::format_date_kind("h:mm AM/PM") == DateKind::Time);
  CHECK(detail::format_date_kind("mm:ss") == DateKind::Time);
  CHECK(detail::format_date_kind("[h]:mm") == DateKind::Time);
  CHECK(detail::format_date_kind("mmm") == DateKind::Date);
  CHECK(detail::format_date_kind("\"d\"0") == DateKind::None);        // quoted
  CHECK(detail::format_date_kind("0.00\\d") == DateKind::None);       // escaped
  CHECK(detail::format_date_kind("[Red]#,##0.00") == DateKind::None);  // a colour
  CHECK(detail::format_date_kind("0.00E+00") == DateKind::None);
  CHECK(detail::format_date_kind("General") == DateKind::None);
  CHECK(detail::format_date_kind("#,##0_);(#,##0)") == DateKind::None);

  CHECK(detail::date_text(45291, DateKind::Date, false) == "2023-12-31");
  CHECK(detail::date_text(45291.75, DateKind::Date, false) == "2023-12-31");
  CHECK(detail::date_text(45291.75, DateKind::DateTime, false) == "2023-12-31 18:00:00");
  CHECK(detail::date_text(45291.9999999, DateKind::DateTime, false) == "2024-01-01 00:00:00");
  CHECK(detail::date_text(0.3541666666666667, DateKind::Time, false) == "08:30:00");
  CHECK(detail::date_text(1, DateKind::Date, false) == "1900-01-01");
  CHECK(detail::date_text(59, DateKind::Date, false) == "1900-02-28");
  CHECK(detail::date_text(60, DateKind::Date, false) == "1900-02-29");  // Excel's day that was not
  CHECK(detail::date_text(61, DateKind::Date, false) == "1900-03-01");
  CHECK(detail::date_text(2958465, DateKind::Date, false) == "9999-12-31");
  CHECK(detail::date_text(0, DateKind::Date, true) == "1904-01-01");
  CHECK(detail::date_text(43829, DateKind::Date, true) == "2023-12-31");
  // No date shows these: the number is given.
  CHECK(detail::date_text(-3, DateKind::Date, false) == "-3");
  CHECK(detail::date_text(0.5, DateKind::Date, false) == "0.5");
  CHECK(detail::date_text(1e8, DateKind::Date, false) == "1e+08");
  CHECK(detail::number_text(0.1) == "0.1");
  CHECK(detail::number_text(1234567.891) == "1234567.891");
}
