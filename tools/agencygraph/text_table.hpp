// Plain-text output for terminals: tables aligned by display width (汉字 take two columns) that fit
// the terminal by truncating the widest text columns with "…", and wrapped lists of names.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "io/display_width.hpp"

namespace agencygraph::cli {

// Columns to fit: `requested` when non-zero, else the terminal's width when stdout is one, else
// $COLUMNS, else 80 (so piped output does not depend on where it was produced).
std::size_t output_width(std::size_t requested);

// A number for a table: integers without a fraction, others with six significant digits.
std::string table_number(double value);
// A number for CSV: integers without a fraction, others the shortest text that reads back exactly.
std::string exact_number(double value);

struct TableColumn {
  std::string header;
  io::Align align = io::Align::Left;
  std::size_t min_width = 0;  // non-zero: may be truncated down to this many columns to fit
};

// Writes a header, a rule and the rows; columns separated by two spaces, no trailing spaces.
// Shrinkable columns give up width (widest first) until the table fits `width`.
void write_table(std::ostream& out, const std::vector<TableColumn>& columns,
                 const std::vector<std::vector<std::string>>& rows, std::size_t width);

// Writes the items joined by `separator`, wrapped to `width` columns, every line starting with `indent`.
void write_wrapped(std::ostream& out, const std::vector<std::string>& items, std::string_view separator,
                   std::string_view indent, std::size_t width);

}  // namespace agencygraph::cli
