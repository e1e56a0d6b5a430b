#include "formats/xls_reader.hpp"

#include <utility>
#include <vector>

#include "formats/compound_file.hpp"
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "formats/sheet_layout.hpp"
#include "formats/xls_workbook.hpp"

namespace agencygraph::detail {

Source read_xls(const std::string& path, const CompoundFile& file, std::string_view bytes) {
  std::optional<std::string> stream = file.stream("Workbook");
  if (!stream) stream = file.stream("Book");  // BIFF5 (Excel 5.0/95) names it so
  if (!stream) throw FormatError("no Workbook stream: not an Excel workbook");
  XlsWorkbook workbook = read_workbook_stream(*stream);
  if (workbook.encrypted) throw FormatError("encrypted (password-protected) workbook: not read");
  LinesBuilder out(bytes.size());
  for (const XlsSheet& sheet : workbook.sheets) {
    const std::string name = clean_text(sheet.name);
    const std::string label = "sheet '" + name + "'";
    // The declared size is checked as before the sheet's cells were read here: a sheet
    // declaring more than a task table holds is refused, whatever it holds.
    if (sheet.rows * sheet.columns > kMaxSheetSlots)
      throw FormatError(label + ": " + thousands(sheet.rows) + " rows by " + thousands(sheet.columns) +
                        " columns, more than a task table holds (" + thousands(kMaxSheetSlots) + " cells)");
    std::vector<SheetCell> cells;
    cells.reserve(sheet.cells.size());
    for (const SheetCell& cell : sheet.cells) {
      std::string text = clean_text(cell.text);
      if (!text.empty()) cells.push_back({cell.row, cell.column, std::move(text)});
    }
    lay_out_sheet(out, label, name, std::move(cells), sheet.merged);
  }
  return std::move(out).finish(path, "xls");
}

}  // namespace agencygraph::detail
