// Tab-separated values for spreadsheets (`parse --format tsv`, the corrections file read back).
//
// TSV has no quoting of its own, so a field is made safe rather than quoted:
// - TAB, CR, LF, the other C0 controls, DEL and the Unicode line breaks (U+0085, U+2028, U+2029)
//   become a space: a field never ends a cell or a row early, and no control byte reaches a terminal;
// - a field that a spreadsheet would take for a formula (= + - @ first) gets a leading apostrophe
//   (formula_guard.hpp, OWASP's advice), which the reader removes again;
// - a field that then starts with a double quote is quoted ("…", quotes doubled), because Excel and
//   LibreOffice treat a leading quote as the start of a quoted field on import.
// Rows end with LF. The reader accepts what a spreadsheet writes back: LF or CRLF, and fields quoted
// where the spreadsheet chose to (a quoted field may hold TABs and line breaks).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::io {

// Appends `value` as one TSV field, by the rules above.
void append_tsv_field(std::string& out, std::string_view value);
std::string tsv_field(std::string_view value);

// Appends the fields, separated by TABs, and LF.
void append_tsv_row(std::string& out, const std::vector<std::string>& fields);

struct TsvRecord {
  std::size_t line = 0;             // 1-based line of the text where the record starts
  std::vector<std::string> fields;  // unquoted, formula guard removed
};

// Splits TSV text (UTF-8, BOM already removed) into records and hands each to `record` in order
// (the same object each time, refilled: copy what is kept). Blank lines are skipped. A field that
// starts with a double quote is read as a quoted field up to its closing quote; text after the
// closing quote is kept as it stands. Never fails: an unclosed quote runs to the end of the text.
void for_each_tsv_record(std::string_view text, const std::function<void(const TsvRecord&)>& record);

// Every record of the text, as for_each_tsv_record gives them.
std::vector<TsvRecord> read_tsv(std::string_view text);

}  // namespace agencygraph::io
