// A table -> the lines the parser reads: one TAB-separated line per row.
//
// Why one implementation: the table parser (extract/tables.hpp) reads a table as TSV rows under a
// header row that names its columns. Tables reach it from HTML pages (text/html_text.cpp) and from
// office files and PDF (formats/), and must reach it in one shape whatever they came from, or the
// same table would give different tasks by the format it was saved in. Each source lays its table
// out on a TableGrid (cells at their slots, merged cells covering several) and table_lines() writes
// the lines:
// - a cell merged over several rows or columns is repeated into every slot it covers (one
//   牵头单位 cell over several task rows gives every task its lead), within a byte budget the caller
//   sets in proportion to its input, so that output stays linear in the input;
// - a header on two rows (责任单位 over 牵头单位 | 配合单位, or cells spanning both rows) is one line;
// - a row whose only text is its first cell (a caption, a section heading such as （一）扩大有效需求)
//   is that text alone, and a header row is written again after it, so the rows below still read as
//   the table;
// - rows with no text of their own (empty, or only reached by cells from above) are left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

// A table's columns beyond this are dropped: a 分工方案 table has under ten, and the cap keeps
// colspan="1000" in a thousand rows from making a line of a million tabs.
constexpr std::size_t kMaxTableColumns = 64;

struct TableCell {
  std::string text;                 // one line: TAB, CR and LF were made spaces when it was placed
  bool blank = true;                // shows nothing: empty, spaces, &nbsp;, ideographic spaces
  std::size_t row = 0, column = 0;  // the top left slot it covers
};

// Cells laid out on rows × columns slots, every slot naming the cell that covers it (or none).
class TableGrid {
 public:
  explicit TableGrid(std::size_t rows) : slots_(rows) {}

  std::size_t rows() const { return slots_.size(); }
  std::size_t width() const { return width_; }
  const std::vector<TableCell>& cells() const { return cells_; }

  // The index of the cell covering the slot, -1 for none.
  int at(std::size_t row, std::size_t column) const {
    return row < slots_.size() && column < slots_[row].size() ? slots_[row][column] : -1;
  }
  bool taken(std::size_t row, std::size_t column) const { return at(row, column) >= 0; }

  // Places a cell with its top left slot at (row, column), covering `rows` rows and `columns`
  // columns, cut at the grid's last row and at kMaxTableColumns. Where it would overlap a cell
  // placed before (bad markup, overlapping merged ranges) it stops short, as HTML's table model
  // does, so that every slot is written at most once and the work stays linear in the table's size.
  // Returns the cell's index, or -1 (nothing placed) when the top left slot is taken or lies past
  // the last column or row.
  int place(std::size_t row, std::size_t column, std::size_t rows, std::size_t columns, std::string text);

  // The slots of a row up to the last one a cell was placed into or reached for.
  std::size_t row_size(std::size_t row) const { return slots_[row].size(); }
  // How many different cells a row holds.
  std::size_t distinct_cells(std::size_t row) const;

 private:
  std::vector<TableCell> cells_;
  std::vector<std::vector<int>> slots_;  // slots_[row][column]: index into cells_, -1 for none
  std::size_t width_ = 0;
};

// One line of a table's text and where it came from: the grid row it stands for and the first of
// that row's own cells (top left slot in the row) holding text, -1 when none does; sources name a
// line's place from them (the page line of the task number, Sheet1!A12, table 2, row 5).
struct TableLine {
  std::string text;
  std::size_t row = 0;
  int cell = -1;
};

// The grid's lines (see the top of this file). Repeated cell text is taken from `repeat_budget`
// (bytes), which is left reduced for the next table of the same input.
std::vector<TableLine> table_lines(const TableGrid& grid, std::size_t& repeat_budget);

// Whether text shows nothing: spaces, no-break and ideographic spaces, BOMs (what the parser folds
// to a space and trims).
bool is_blank_text(std::string_view text);

}  // namespace agencygraph::detail
