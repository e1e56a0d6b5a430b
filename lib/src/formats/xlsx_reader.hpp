// Excel workbooks (.xlsx) -> the lines the parser reads ([ECMA-376] Part 1, SpreadsheetML).
//
// Every sheet in the workbook's order, hidden ones too (a 任务分解表 is sometimes on a hidden sheet
// the notice's author forgot), each as a table through the same table_lines() as HTML tables: one
// TAB-separated line per row with a value, merged ranges (mergeCells) repeated into every slot they
// cover, columns before the sheet's first used column left out. Cell values as Excel shows the
// text of them: shared strings (rich-text runs joined, phonetic guides left out), inline strings,
// formula results, TRUE/FALSE, error values, numbers as stored ("1", not "1.0"), and dates
// (numbers in a date format) as 2023-12-31. Each line's place is the sheet and its first cell
// holding text, as Excel names it: Sheet1!A12, 'Task list'!B3. Between two sheets, the second
// one's name stands on a line of its own, so that the first sheet's table ends there.
#pragma once

#include <cstddef>
#include <string>

#include "agencygraph/model.hpp"
#include "formats/sheet_layout.hpp"  // the limits, sheet_reference(), column_letters()

namespace agencygraph::detail {

class OoxmlPackage;

// The package's main part read as a workbook. Throws FormatError for a part that cannot be read
// or a sheet beyond the limits, naming the sheet.
Source read_xlsx(const std::string& path, OoxmlPackage& package, std::size_t file_bytes);

}  // namespace agencygraph::detail
