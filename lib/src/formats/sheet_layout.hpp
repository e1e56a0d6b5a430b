// A worksheet's cells -> table lines: the layout shared by the Excel readers (.xlsx, .xls), so that
// a workbook gives the parser the same lines whichever of the two formats it was saved in.
//
// Rows with values only (the empty rows between them would be left out anyway), columns from the
// first used one, merged ranges repeated into every slot they cover (table_lines()), each line's
// place the sheet and the first cell of the row holding text as Excel names it (Sheet1!C12,
// 'Task list'!B3). Between two sheets the second one's name stands on a line of its own, so that
// the first sheet's table ends there.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "formats/lines_builder.hpp"

namespace agencygraph::detail {

// A sheet with more than this many cells with values, or whose rows with values times the columns
// from its first to its last used one are more than kMaxSheetSlots, is refused: far beyond any
// task table, and a grid of it would take gigabytes.
constexpr std::size_t kMaxSheetCells = 1'000'000;
constexpr std::size_t kMaxSheetSlots = 4'000'000;

struct SheetCell {
  std::size_t row = 0, column = 0;  // 0-based
  std::string text;                 // clean_text()ed, not empty
};

struct MergedRange {
  std::size_t top = 0, left = 0, bottom = 0, right = 0;  // 0-based, inclusive
};

// Writes the sheet `name` to `out`. `label` names the sheet in errors ("sheet 'Sheet1'"). Throws
// FormatError for a sheet beyond kMaxSheetSlots.
void lay_out_sheet(LinesBuilder& out, const std::string& label, const std::string& name, std::vector<SheetCell> cells,
                   const std::vector<MergedRange>& merged);

// 1234567 as "1,234,567", for the limits in messages.
std::string thousands(std::size_t value);

// A sheet name as a cell reference writes it: quoted when it holds anything but letters, digits,
// '_' and '.', or starts with a digit ('Task list', '2023'), quotes doubled.
std::string sheet_reference(const std::string& name);

// "A" for column 0, "Z" 25, "AA" 26.
std::string column_letters(std::size_t column);

}  // namespace agencygraph::detail
