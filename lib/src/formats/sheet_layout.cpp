#include "formats/sheet_layout.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <utility>

#include "formats/format_error.hpp"

namespace agencygraph::detail {
namespace {
constexpr std::size_t kMaxColumn = 16384;  // XFD, past Excel's last column
}  // namespace

std::string thousands(std::size_t value) {
  // Built forwards: GCC 12 sees a false overlap (-Wrestrict) in string::insert here.
  const std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

std::string sheet_reference(const std::string& name) {
  bool plain = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(name.data());
  const auto length = static_cast<std::int32_t>(name.size());
  for (std::int32_t i = 0; i < length && plain;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    plain = c == '_' || c == '.' || (c >= 0 && u_isalnum(c));
  }
  if (plain) return name;
  std::string quoted = "'";
  for (char c : name) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

void lay_out_sheet(LinesBuilder& out, const std::string& label, const std::string& name, std::vector<SheetCell> cells,
                   const std::vector<MergedRange>& merged) {
  if (cells.empty()) return;
  std::stable_sort(cells.begin(), cells.end(), [](const SheetCell& a, const SheetCell& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  // Rows with values only: the rows between them show nothing and would be left out anyway.
  std::vector<std::size_t> rows;
  std::size_t first_column = kMaxColumn, last_column = 0;
  for (const SheetCell& cell : cells) {
    if (rows.empty() || rows.back() != cell.row) rows.push_back(cell.row);
    first_column = std::min(first_column, cell.column);
    last_column = std::max(last_column, cell.column);
  }
  const std::size_t width = last_column - first_column + 1;
  if (rows.size() * width > kMaxSheetSlots)
    throw FormatError(label + ": " + thousands(rows.size()) + " rows by " + thousands(width) +
                      " columns, more than a task table holds (" + thousands(kMaxSheetSlots) + " cells)");
  if (width > kMaxTableColumns)
    out.warn(label + ": columns after " + column_letters(first_column + kMaxTableColumns - 1) +
              " not read (a task table has far fewer)");
  std::map<std::pair<std::size_t, std::size_t>, const MergedRange*> merge_at;  // by top left cell
  for (const MergedRange& range : merged) merge_at.emplace(std::make_pair(range.top, range.left), &range);
  TableGrid grid(rows.size());
  const auto grid_row = [&rows](std::size_t row) {
    return static_cast<std::size_t>(std::lower_bound(rows.begin(), rows.end(), row) - rows.begin());
  };
  std::vector<std::size_t> cell_columns;  // by grid cell: the sheet column, for the place
  for (SheetCell& cell : cells) {
    if (cell.column < first_column) continue;
    std::size_t height = 1, across = 1;
    if (const auto range = merge_at.find({cell.row, cell.column}); range != merge_at.end()) {
      height = grid_row(range->second->bottom + 1) - grid_row(cell.row);
      across = range->second->right - range->second->left + 1;
    }
    if (grid.place(grid_row(cell.row), cell.column - first_column, height, across, std::move(cell.text)) >= 0)
      cell_columns.push_back(cell.column);
  }
  const std::string sheet = sheet_reference(name);
  // The sheet's name on a line of its own ends the table of the sheet before: read on, its rows
  // would take this sheet's header for a task.
  if (out.lines() > 0) out.paragraph(name, sheet);
  out.table(grid, [&](const TableLine& line) {
    const std::size_t column =
        line.cell >= 0 ? cell_columns[static_cast<std::size_t>(line.cell)] : first_column;
    return sheet + "!" + column_letters(column) + std::to_string(rows[line.row] + 1);
  });
}

}  // namespace agencygraph::detail
