// Tables: rows of 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 as TSV, CSV, pipe-separated text, or
// flattened from Word with one cell per line. Columns are found by their header words; columns of
// people (分管领导, 责任人) are ignored.
#pragma once

#include <optional>
#include <vector>

#include <string_view>

#include "agencygraph/fold.hpp"
#include "u32.hpp"

namespace agencygraph::detail {

// Spaces: columns separated by runs of two or more spaces, as text copied from a page or a PDF
// gives a table. Line: one cell per line, as a table flattened from Word.
enum class CellSeparator { Tab, Comma, Pipe, Spaces, Line };

struct TableLayout {
  CellSeparator separator = CellSeparator::Tab;
  int id = -1, task = -1, lead = -1, co = -1, deadline = -1, people = -1;
  // Co columns after the first (牵头单位 参与单位 责任单位: both 参与单位 and 责任单位 carry the task).
  std::vector<int> more_co;
  int columns = 0;
  // One cell per line, with header cells broken over lines (责任 / 单位) or not all known: rows
  // may not have `columns` lines, and their cells are told by what they hold.
  bool fragmented = false;
  int header_lines = 0;  // Line: the non-blank lines the header takes
  // The header's cells run together on one line (实事内容工作任务责任单位进展情况): the rows below
  // have no number column to bound them, and are told by their lines of units.
  bool run_together = false;
  // Line: the header sets its cells off with blank lines, so the rows' cells are too and consecutive
  // lines are one cell.
  bool blank_between_cells = false;
  // Line: columns after the role columns that name units in no role (评分部门, 考核部门: who scores
  // the task, not who does it). A row told by its content has their units last.
  int units_after_roles = 0;
  // Spaces: a header whose names stand one space apart over rows whose cells hold spaces themselves
  // (加强水资源保 护), so that only the role columns, which end the header, can be told apart: a row
  // is read from its right end, one cell of units per role column. The number of those columns.
  int roles_at_end = 0;
  // Spaces, with roles_at_end: columns after the role columns (完成时限, 备注). Their cells may be
  // empty, and an empty cell leaves no piece: a row's last piece is such a column's only when it
  // reads as one (a deadline for the deadline column, anything but a list of units for another).
  int columns_after_roles = 0;
};

// The last column that names a role.
int last_role_column(const TableLayout& layout);

// Cells of one row line (for Tab/Comma/Pipe), trimmed; CSV quotes are honoured (the quotes stay
// outside the returned ranges; doubled quotes inside a cell are left as they are).
std::vector<Range> split_cells(std::u32string_view s, Range line, CellSeparator separator);

// Reads a header row: at least a task column and a lead or co column, by header words.
std::optional<TableLayout> read_header(std::u32string_view s, const std::vector<Range>& cells, CellSeparator separator);

// Which role a single header cell names, if any (used for one-cell-per-line tables).
bool is_header_word(std::u32string_view cell);

// Whether `cell` names a task's column (工作任务, 重点工作, 主要内容, 项目名称 …), as a field's key does too.
bool names_task_column(std::u32string_view cell);

// Whether `cell` names a deadline's column (完成时限, 时间节点 …), as a field's key does too.
bool names_deadline_column(std::u32string_view cell);

// Reads the header of a table flattened one cell per line from its lines (cells), where a cell
// may be broken over two lines (责任 / 单位): a fragment that names no column is joined with the
// next when the two together name one. Needs an id or task column first, a task column and a lead
// or co column.
// `continues[k]`: line k goes on the cell of line k - 1 (a header that sets its cells off with
// blank lines prints a cell over consecutive lines: 牵头 / 负责部门). Empty: every line is a cell.
std::optional<TableLayout> read_line_header(std::u32string_view s, const std::vector<Range>& lines,
                                            const std::vector<bool>& continues = {});

// The pieces of s[line] between spaces (one or more), or between any of `separators`: the cells of a
// row whose cells stand one space apart, and the words of its header.
std::vector<Range> space_separated_pieces(std::u32string_view s, Range line, std::u32string_view separators = U" ");

// A header whose names stand one space apart (序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位): four
// or more short names, all but one naming a column, 序号 first and the role columns last
// (TableLayout::roles_at_end) or followed only by a deadline column and columns naming no role
// (完成时限, 备注: TableLayout::columns_after_roles). Nothing when the line is anything else.
std::optional<TableLayout> read_single_spaced_header(std::u32string_view s, Range line);

// A header whose cell names run together with no delimiter, as a flattened page gives it
// (实事内容工作任务责任单位进展情况): the line read as column names end to end, three or more, with a
// task column and a lead or co column. Nothing when the line is anything else.
std::optional<TableLayout> read_run_together_header(std::u32string_view line);

// The byte offset of the first line of `text` that is the header of a CSV table (comma-separated
// cells naming a task column and a lead or co column), read through `folder`; nothing when none is.
std::optional<std::size_t> find_csv_header(std::string_view text, const Folder& folder);

// A cell without the pipes a flattened table may print around it ("招商工作部 |").
Range strip_cell_bars(std::u32string_view s, Range cell);

}  // namespace agencygraph::detail
