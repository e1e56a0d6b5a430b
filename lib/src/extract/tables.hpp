// Tables: rows of 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 as TSV, CSV, pipe-separated text, or
// flattened from Word with one cell per line. Columns are found by their header words; columns of
// people (分管领导, 责任人) are ignored.
#pragma once

#include <optional>
#include <vector>

#include "u32.hpp"

namespace agencygraph::detail {

enum class CellSeparator { Tab, Comma, Pipe, Line };

struct TableLayout {
  CellSeparator separator = CellSeparator::Tab;
  int id = -1, task = -1, lead = -1, co = -1, deadline = -1;
  int columns = 0;
};

// Cells of one row line (for Tab/Comma/Pipe), trimmed; CSV quotes are honoured (the quotes stay
// outside the returned ranges; doubled quotes inside a cell are left as they are).
std::vector<Range> split_cells(std::u32string_view s, Range line, CellSeparator separator);

// Reads a header row: at least a task column and a lead or co column, by header words.
std::optional<TableLayout> read_header(std::u32string_view s, const std::vector<Range>& cells, CellSeparator separator);

// Which role a single header cell names, if any (used for one-cell-per-line tables).
bool is_header_word(std::u32string_view cell);

}  // namespace agencygraph::detail
