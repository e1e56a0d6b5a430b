// The cells of an Excel 97-2003 Workbook stream, read record by record per [MS-XLS]: the globals
// (sheets, shared strings, number formats, code page, date system, encryption), then each
// worksheet's cell records and merged ranges. BIFF8 (Excel 97-2003) and BIFF5 (Excel 5.0/95,
// whose 8-bit strings are in the workbook's code page).
//
// Read here rather than by a library: fuzzing found libfreexl 1.0.6 freeing an invalid pointer on
// a crafted stream, and the records a task table needs are few and documented.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/sheet_layout.hpp"

namespace agencygraph::detail {

struct XlsSheet {
  std::string name;
  std::size_t rows = 0, columns = 0;  // as its DIMENSIONS record declares them
  // Cells with text, row by row, each once (a cell given twice keeps its last value); not yet
  // clean_text()ed.
  std::vector<SheetCell> cells;
  std::vector<MergedRange> merged;
};

struct XlsWorkbook {
  bool encrypted = false;       // a FILEPASS record: the sheets are not read
  std::vector<XlsSheet> sheets;  // the worksheets in the workbook's order, hidden ones too
};

// Reads `stream`. Throws FormatError for a stream that is not BIFF5 or BIFF8, a record that lies
// about its lengths (naming its byte offset), or a sheet with more than kMaxSheetCells cells.
XlsWorkbook read_workbook_stream(std::string_view stream);

}  // namespace agencygraph::detail
