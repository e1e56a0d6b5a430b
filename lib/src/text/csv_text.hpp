// A CSV table (RFC 4180) -> TAB-separated lines, before parsing.
//
// Why it exists: the parser reads a table row by row, one line each. A CSV cell in quotes may hold
// a line break (a task text pasted with its paragraphs) and doubled quotes ("" for "); read line by
// line, the first shifts every column after it and the second stays doubled in names and texts.
// The records are turned into TSV lines once (cells unquoted, quotes undoubled, line breaks and TABs
// inside a cell made spaces), each line remembering the line of the file where its record began.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

struct CsvText {
  std::string text;                  // lines separated by '\n'
  std::vector<std::uint32_t> lines;  // lines[i]: the 1-based line of the input where line i + 1 began
};

// The text with the CSV records from byte `from` (the start of the header's line) converted, up
// to the first record of fewer than two fields (a line of prose after the table), which and
// everything after it is kept as it is, like the text before `from`.
CsvText csv_to_tsv(std::string_view text, std::size_t from);

// Whether the text from `from` on holds a quote: only then can CSV quoting change how it reads.
bool has_csv_quoting(std::string_view text, std::size_t from);

}  // namespace agencygraph::detail
