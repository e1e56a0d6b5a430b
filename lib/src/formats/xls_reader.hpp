// Excel 97-2003 workbooks (.xls, BIFF8; BIFF5 too) -> the lines the parser reads, laid out as the
// .xlsx reader lays out its sheets (sheet_layout.hpp): every sheet in the workbook's order, hidden
// ones too, merged ranges repeated into every cell they cover, places as Excel names cells
// (Sheet1!C12).
//
// Cell values come from libfreexl (text from the shared-string table and LABEL records in the
// workbook's code page, numbers, dates as 2023-12-31). libfreexl does not read MERGEDCELLS
// records, and a 牵头单位 merged down a task table's rows is the common case, so the Workbook
// stream is also walked here, record by record ([MS-XLS] 2.1.4), for three things only:
// MERGEDCELLS, FILEPASS (an encrypted workbook, which libfreexl would read as garbage) and
// DIMENSIONS (libfreexl allocates rows × columns cells up front, so a sheet beyond the limits is
// refused before libfreexl sees it).
#pragma once

#include <cstddef>
#include <string>

#include "agencygraph/model.hpp"

namespace agencygraph::detail {

class CompoundFile;

// The workbook in `file` (a compound file holding a Workbook or Book stream), whose bytes are
// `bytes`. Throws FormatError for an encrypted workbook, one libfreexl cannot read, or a sheet
// beyond the limits, naming the sheet.
Source read_xls(const std::string& path, const CompoundFile& file, std::string_view bytes);

}  // namespace agencygraph::detail
