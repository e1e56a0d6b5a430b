// Excel 97-2003 workbooks (.xls, BIFF8; BIFF5 too) -> the lines the parser reads, laid out as the
// .xlsx reader lays out its sheets (sheet_layout.hpp): every worksheet in the workbook's order, hidden
// ones too, merged ranges repeated into every cell they cover, places as Excel names cells
// (Sheet1!C12).
//
// The cells are read from the Workbook stream here, record by record (xls_workbook.hpp): text
// from the shared-string table and LABEL records (BIFF5's in the workbook's code page), numbers,
// booleans, formulas' saved values, and dates as 2023-12-31; with the MERGEDCELLS records, since a
// 牵头单位 merged down a task table's rows is the common case.
#pragma once

#include <cstddef>
#include <string>

#include "agencygraph/model.hpp"

namespace agencygraph::detail {

class CompoundFile;

// The workbook in `file` (a compound file holding a Workbook or Book stream), whose bytes are
// `bytes`. Throws FormatError for an encrypted workbook, a damaged one (naming the byte of the
// Workbook stream where it is), or a sheet beyond the limits, naming the sheet.
Source read_xls(const std::string& path, const CompoundFile& file, std::string_view bytes);

}  // namespace agencygraph::detail
