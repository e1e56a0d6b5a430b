#include "formats/xls_workbook.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "formats/biff_records.hpp"
#include "formats/biff_strings.hpp"
#include "formats/cell_number_text.hpp"
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"

namespace agencygraph::detail {
namespace {

// Excel 97-2003 has 256 columns (A-IV): a cell record beyond them is damaged and left out.
constexpr std::size_t kBiffColumns = 256;

// BOUNDSHEET's sheet type: 0 a worksheet (or dialog sheet); 1 an Excel 4.0 macro sheet, 2 a
// chart, 6 a VBA module, none of which holds a task table's cells.
constexpr std::uint8_t kWorksheetType = 0;

struct SheetEntry {
  std::uint32_t offset = 0;  // of its BOF record in the stream (BOUNDSHEET's lbPlyPos)
  std::size_t sheet = 0;     // its index in XlsWorkbook::sheets
};

class WorkbookReader {
 public:
  explicit WorkbookReader(std::string_view stream) : records_(stream) {}

  XlsWorkbook read();

 private:
  void read_globals_record(const RecordBytes& record);
  void read_sheet_record(const RecordBytes& record);
  void start_substream(const RecordBytes& record);

  std::string text_of(const RecordBytes& record, std::size_t at, std::size_t count_bytes);
  const CodePage& code_page();
  DateKind date_kind_of_xf(std::uint16_t xf) const;
  std::string number_cell_text(double value, std::uint16_t xf) const;
  void add_cell(std::size_t row, std::size_t column, std::string text);
  void compact_cells(XlsSheet& sheet) const;

  BiffRecords records_;
  XlsWorkbook out_;
  bool biff8_ = true;
  bool date_1904_ = false;
  std::uint16_t code_page_number_ = 1252;  // Windows-1252 unless a CODEPAGE record says otherwise
  std::unique_ptr<CodePage> code_page_;    // made at the first BIFF5 string
  bool shared_strings_read_ = false;
  SharedStrings shared_strings_;
  std::vector<std::uint16_t> xf_formats_;    // by XF index: its number format's index
  std::map<std::uint16_t, DateKind> formats_;  // FORMAT records' kinds, by format index
  std::vector<SheetEntry> entries_;
  // Where the walk is: 0 outside any substream; 1 in the globals or a sheet, deeper in a
  // substream nested in it (a chart embedded in a worksheet has its own BOF ... EOF).
  int depth_ = 0;
  bool in_globals_ = false, globals_done_ = false;
  XlsSheet* sheet_ = nullptr;  // the worksheet whose records are being read, if any
  std::optional<std::pair<std::size_t, std::size_t>> pending_string_;  // a FORMULA waiting for its STRING
};

std::string WorkbookReader::text_of(const RecordBytes& record, std::size_t at, std::size_t count_bytes) {
  return biff8_ ? read_unicode_string(record, at, count_bytes).text
                : read_code_page_string(record, at, count_bytes, code_page()).text;
}

const CodePage& WorkbookReader::code_page() {
  if (!code_page_) code_page_ = std::make_unique<CodePage>(code_page_number_);
  return *code_page_;
}

DateKind WorkbookReader::date_kind_of_xf(std::uint16_t xf) const {
  if (xf >= xf_formats_.size()) return DateKind::None;
  const std::uint16_t format = xf_formats_[xf];
  // The built-in date and time formats of every Excel are taken as such whatever a FORMAT record
  // writes for them, as libfreexl took them; other indexes by their FORMAT record, and the East
  // Asian built-ins when no FORMAT record defines them.
  const DateKind builtin = builtin_date_kind(format);
  const bool always_builtin = (format >= 14 && format <= 22) || (format >= 45 && format <= 47);
  if (always_builtin) return builtin;
  if (const auto defined = formats_.find(format); defined != formats_.end()) return defined->second;
  return builtin;
}

std::string WorkbookReader::number_cell_text(double value, std::uint16_t xf) const {
  const DateKind kind = date_kind_of_xf(xf);
  return kind == DateKind::None ? number_text(value) : date_text(value, kind, date_1904_);
}

void WorkbookReader::compact_cells(XlsSheet& sheet) const {
  // Row by row, each cell once with the value it was given last.
  std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const SheetCell& a, const SheetCell& b) {
    return a.row != b.row ? a.row < b.row : a.column < b.column;
  });
  std::vector<SheetCell> kept;
  kept.reserve(sheet.cells.size());
  for (SheetCell& cell : sheet.cells) {
    if (!kept.empty() && kept.back().row == cell.row && kept.back().column == cell.column)
      kept.back().text = std::move(cell.text);
    else
      kept.push_back(std::move(cell));
  }
  std::erase_if(kept, [](const SheetCell& cell) { return cell.text.empty(); });
  sheet.cells = std::move(kept);
  if (sheet.cells.size() > kMaxSheetCells)
    throw FormatError("sheet '" + clean_text(sheet.name) + "': more than " + thousands(kMaxSheetCells) +
                      " cells with values, more than a task table holds");
}

void WorkbookReader::add_cell(std::size_t row, std::size_t column, std::string text) {
  pending_string_.reset();
  if (column >= kBiffColumns) return;
  sheet_->cells.push_back({row, column, std::move(text)});
  // Cells given twice are only told apart by sorting: the sheet is compacted as it grows, so that
  // a stream repeating one cell cannot hold more than twice the limit.
  if (sheet_->cells.size() >= 2 * kMaxSheetCells) compact_cells(*sheet_);
}

void WorkbookReader::start_substream(const RecordBytes& record) {
  ++depth_;
  if (depth_ > 1) return;  // nested in the current substream: passed over with it
  if (!globals_done_) {
    in_globals_ = true;
    return;
  }
  sheet_ = nullptr;
  for (const SheetEntry& entry : entries_)
    if (entry.offset == record.offset()) sheet_ = &out_.sheets[entry.sheet];
}

void WorkbookReader::read_globals_record(const RecordBytes& record) {
  switch (record.type()) {
    case biff::kFilePass: out_.encrypted = true; break;
    case biff::kCodePage: code_page_number_ = record.u16(0); break;
    case biff::kDateMode: date_1904_ = record.u16(0) == 1; break;
    case biff::kXf: xf_formats_.push_back(record.u16(2)); break;
    case biff::kFormat: {
      const std::uint16_t index = record.u16(0);
      formats_[index] = format_date_kind(text_of(record, 2, biff8_ ? 2 : 1));
      break;
    }
    case biff::kBoundSheet: {
      const std::uint32_t offset = record.u32(0);
      const std::uint8_t type = record.u8(5);
      std::string name = text_of(record, 6, 1);
      if (type != kWorksheetType) break;
      if (name.empty()) name = "Sheet" + std::to_string(out_.sheets.size() + 1);
      entries_.push_back({offset, out_.sheets.size()});
      out_.sheets.push_back({std::move(name), 0, 0, {}, {}});
      break;
    }
    case biff::kSst: {
      if (shared_strings_read_) throw FormatError("damaged workbook: two shared-string tables");
      shared_strings_read_ = true;
      shared_strings_ = read_shared_strings(record, records_.take_continues());
      break;
    }
    default: break;
  }
}

void WorkbookReader::read_sheet_record(const RecordBytes& record) {
  const auto rk_text = [this](std::uint32_t rk, std::uint16_t xf) {
    // An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the high 30 bits of a double, either
    // perhaps a hundred times the value.
    const bool hundredths = (rk & 0x01) != 0, integer = (rk & 0x02) != 0;
    if (integer && !hundredths && date_kind_of_xf(xf) == DateKind::None)
      return std::to_string(static_cast<std::int32_t>(rk) >> 2);
    double value = integer ? static_cast<double>(static_cast<std::int32_t>(rk) >> 2)
                           : std::bit_cast<double>(static_cast<std::uint64_t>(rk & 0xFFFFFFFCu) << 32);
    if (hundredths) value /= 100;
    return number_cell_text(value, xf);
  };
  switch (record.type()) {
    case biff::kDimensions: {
      const bool wide = biff8_ && record.size() >= 12, narrow = !biff8_ && record.size() >= 8;
      if (!wide && !narrow) break;
      const std::size_t first_row = wide ? record.u32(0) : record.u16(0), end_row = wide ? record.u32(4) : record.u16(2);
      const std::size_t columns_at = wide ? 8 : 4;
      const std::size_t first_column = record.u16(columns_at), end_column = record.u16(columns_at + 2);
      sheet_->rows = end_row > first_row ? end_row - first_row : 0;
      sheet_->columns = end_column > first_column ? end_column - first_column : 0;
      break;
    }
    case biff::kMergedCells: {
      // Ranges past the record's end are left out; so are ranges whose corners are reversed.
      const std::size_t count = record.u16(0);
      for (std::size_t k = 0; k < count && 2 + 8 * (k + 1) <= record.size(); ++k) {
        const std::size_t at = 2 + 8 * k;
        const std::size_t top = record.u16(at), bottom = record.u16(at + 2), left = record.u16(at + 4),
                          right = record.u16(at + 6);
        if (top <= bottom && left <= right) sheet_->merged.push_back({top, left, bottom, right});
      }
      break;
    }
    case biff::kLabelSst: {
      const std::uint32_t index = record.u32(6);
      if (index >= shared_strings_.size())
        record.damaged("names shared string " + std::to_string(index) + " of a table of " +
                       std::to_string(shared_strings_.size()));
      add_cell(record.u16(0), record.u16(2), std::string(shared_strings_[index]));
      break;
    }
    case biff::kLabel:
    case biff::kRString: add_cell(record.u16(0), record.u16(2), text_of(record, 6, 2)); break;
    case biff::kNumber: add_cell(record.u16(0), record.u16(2), number_cell_text(record.f64(6), record.u16(4))); break;
    case biff::kRk: add_cell(record.u16(0), record.u16(2), rk_text(record.u32(6), record.u16(4))); break;
    case biff::kMulRk: {
      // Row, first column, six bytes a cell (XF, RK), last column ([MS-XLS] 2.4.175).
      const std::size_t row = record.u16(0), first = record.u16(2);
      if (record.size() < 12 || (record.size() - 6) % 6 != 0 ||
          record.u16(record.size() - 2) + std::size_t{1} != first + (record.size() - 6) / 6)
        record.damaged("holds a number of cells its columns do not say");
      for (std::size_t k = 0; 4 + 6 * k + 6 <= record.size() - 2; ++k)
        add_cell(row, first + k, rk_text(record.u32(4 + 6 * k + 2), record.u16(4 + 6 * k)));
      break;
    }
    case biff::kBoolErr: {
      // A boolean as Excel shows it; an error value (#N/A, #DIV/0!) says nothing of a task.
      const bool error = record.u8(7) != 0;
      add_cell(record.u16(0), record.u16(2), error ? std::string() : record.u8(6) != 0 ? "TRUE" : "FALSE");
      break;
    }
    case biff::kFormula: {
      // The value the formula had when the file was saved ([MS-XLS] 2.5.133): a double, or a
      // marker 0xFFFF in its last two bytes and the kind of value in its first.
      const std::size_t row = record.u16(0), column = record.u16(2);
      if (record.u16(12) != 0xFFFF) {
        add_cell(row, column, number_cell_text(record.f64(6), record.u16(4)));
        break;
      }
      switch (record.u8(6)) {
        case 0:  // a string: in the STRING record that follows
          add_cell(row, column, std::string());
          pending_string_ = {row, column};
          break;
        case 1: add_cell(row, column, record.u8(8) != 0 ? "TRUE" : "FALSE"); break;
        default: add_cell(row, column, std::string()); break;  // an error, or the empty string
      }
      break;
    }
    case biff::kString: {
      const std::vector<std::string_view> continues = records_.take_continues();
      if (!pending_string_) break;
      const auto [row, column] = *pending_string_;
      std::string text;
      if (biff8_) {
        ContinuedBytes in(record, continues);
        const std::uint16_t count = in.u16();
        const bool wide = (in.u8() & 0x01) != 0;
        text = in.characters(count, wide);
      } else {
        text = read_code_page_string(record, 0, 2, code_page()).text;
      }
      add_cell(row, column, std::move(text));
      break;
    }
    default: break;
  }
}

XlsWorkbook WorkbookReader::read() {
  if (!records_.next()) throw FormatError("empty Workbook stream: not an Excel workbook");
  const RecordBytes& first = records_.record();
  if (first.type() == biff::kBofBiff2 || first.type() == biff::kBofBiff3 || first.type() == biff::kBofBiff4)
    throw FormatError("Excel 2.x-4.0 workbook (BIFF2-4): not read; save it as .xls (97-2003) or .xlsx");
  if (first.type() != biff::kBof) throw FormatError("the Workbook stream does not start with a BOF record: not an Excel workbook");
  const std::uint16_t version = first.u16(0);
  if (version != 0x0600 && version != 0x0500)
    throw FormatError("workbook of an unknown BIFF version (" + std::to_string(version) + "): not read");
  biff8_ = version == 0x0600;
  do {
    const RecordBytes record = records_.record();
    if (record.type() == biff::kBof) {
      start_substream(record);
    } else if (record.type() == biff::kEof) {
      if (depth_ > 0 && --depth_ == 0) {
        if (in_globals_) globals_done_ = true;
        in_globals_ = false;
        sheet_ = nullptr;
      }
    } else if (depth_ == 1 && in_globals_) {
      read_globals_record(record);
      // The records after FILEPASS are ciphertext: nothing more is read.
      if (out_.encrypted) return std::move(out_);
    } else if (depth_ == 1 && sheet_ != nullptr) {
      read_sheet_record(record);
    }
  } while (records_.next());
  for (XlsSheet& sheet : out_.sheets) compact_cells(sheet);
  return std::move(out_);
}

}  // namespace

XlsWorkbook read_workbook_stream(std::string_view stream) { return WorkbookReader(stream).read(); }

}  // namespace agencygraph::detail
