#include "formats/xls_reader.hpp"

#include <freexl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include "formats/compound_file.hpp"
#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "formats/sheet_layout.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::uint16_t kBof = 0x0809, kEof = 0x000A, kFilePass = 0x002F, kBoundSheet = 0x0085,
                        kDimensions = 0x0200, kMergedCells = 0x00E5, kFont = 0x0031, kFormat = 0x041E,
                        kLabel = 0x0204, kSst = 0x00FC, kContinue = 0x003C;

std::uint16_t u16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t u32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(u16(b, at)) | static_cast<std::uint32_t>(u16(b, at + 2)) << 16;
}
bool fits_in(std::string_view b, std::size_t at, std::size_t length) { return at <= b.size() && length <= b.size() - at; }

// What the record walk finds out about one sheet.
struct SheetRecords {
  std::uint32_t offset = 0;  // of its BOF record in the stream (BOUNDSHEET's lbPlyPos)
  std::size_t rows = 0, columns = 0;
  std::vector<MergedRange> merged;
};

struct WorkbookRecords {
  bool encrypted = false;
  std::vector<SheetRecords> sheets;  // in BOUNDSHEET order, libfreexl's order
};

// Whether a BIFF8 string of `count_bytes` (1: ShortXLUnicodeString, 2: XLUnicodeString) at `at`
// fits in its record: libfreexl copies as many characters as the count says, past the record's end
// when it lies (found by fuzz_xls), so such records are refused before libfreexl reads them.
bool string_fits(std::string_view data, std::size_t at, std::size_t count_bytes) {
  if (!fits_in(data, at, count_bytes + 1)) return false;
  const std::size_t count = count_bytes == 1 ? static_cast<unsigned char>(data[at]) : u16(data, at);
  const bool wide = (static_cast<unsigned char>(data[at + count_bytes]) & 0x01) != 0;
  return fits_in(data, at + count_bytes + 1, count * (wide ? 2 : 1));
}

// The shared-string table (SST and the CONTINUE records after it) read through without keeping
// anything: whether every string it declares lies within its records ([MS-XLS] 2.4.265, 2.5.293;
// a string may go on in the next CONTINUE record, which then starts with its own option byte).
// libfreexl trusts the counts and reads past its buffer when they lie (found by fuzz_xls).
bool shared_strings_fit(const std::vector<std::string_view>& segments) {
  if (segments.empty() || segments[0].size() < 8) return false;
  std::size_t segment = 0, at = 8;
  const auto take = [&](std::size_t bytes, bool characters, bool& wide) {
    // Consumes `bytes` (characters: a count of characters of the current width), crossing segments.
    while (bytes > 0) {
      if (at == segments[segment].size()) {
        if (++segment == segments.size()) return false;
        at = 0;
        if (characters) {
          if (segments[segment].empty()) return false;
          wide = (static_cast<unsigned char>(segments[segment][at++]) & 0x01) != 0;
        }
      }
      const std::size_t unit = characters && wide ? 2 : 1;
      const std::size_t available = (segments[segment].size() - at) / unit;
      if (available == 0) return false;
      const std::size_t used = std::min(bytes, available);
      at += used * unit;
      bytes -= used;
    }
    return true;
  };
  const std::uint32_t strings = u32(segments[0], 4);
  for (std::uint32_t k = 0; k < strings; ++k) {
    if (at == segments[segment].size()) {
      if (++segment == segments.size()) return false;
      at = 0;
    }
    const std::string_view data = segments[segment];
    if (!fits_in(data, at, 3)) return false;
    const std::size_t count = u16(data, at);
    const auto flags = static_cast<unsigned char>(data[at + 2]);
    at += 3;
    std::size_t runs = 0, extra = 0;
    if (flags & 0x08) {
      if (!fits_in(data, at, 2)) return false;
      runs = u16(data, at);
      at += 2;
    }
    if (flags & 0x04) {
      if (!fits_in(data, at, 4)) return false;
      extra = u32(data, at);
      at += 4;
    }
    bool wide = (flags & 0x01) != 0;
    bool unused = false;
    if (!take(count, true, wide) || !take(4 * runs + extra, false, unused)) return false;
  }
  return true;
}

WorkbookRecords walk_records(std::string_view stream) {
  WorkbookRecords out;
  SheetRecords* current = nullptr;
  bool globals = true;
  bool biff8 = false;
  std::size_t shared_strings_seen = 0;
  for (std::size_t at = 0; at + 4 <= stream.size();) {
    const std::uint16_t type = u16(stream, at), length = u16(stream, at + 2);
    const std::size_t begin = at + 4;
    if (begin + length > stream.size())
      throw FormatError("damaged or truncated workbook: a record runs past the end of the Workbook stream");
    const std::string_view data = stream.substr(begin, length);
    if (type == kBof && at == 0) biff8 = length >= 2 && u16(data, 0) == 0x0600;
    const bool bad_string = biff8 && ((type == kFormat && !string_fits(data, 2, 2)) ||
                                      (type == kFont && !string_fits(data, 14, 1)) ||
                                      (type == kBoundSheet && !string_fits(data, 6, 1)) ||
                                      (type == kLabel && !string_fits(data, 6, 2)));
    if (bad_string)
      throw FormatError("damaged workbook: a record at byte " + std::to_string(at) +
                        " of the Workbook stream holds a text longer than itself");
    if (type == kSst) {
      if (shared_strings_seen++ > 0) throw FormatError("damaged workbook: two shared-string tables");
      std::vector<std::string_view> segments{data};
      for (std::size_t next = begin + length; next + 4 <= stream.size() && u16(stream, next) == kContinue;) {
        const std::size_t size = u16(stream, next + 2);
        if (next + 4 + size > stream.size()) break;
        segments.push_back(stream.substr(next + 4, size));
        next += 4 + size;
      }
      if (biff8 && !shared_strings_fit(segments))
        throw FormatError("damaged workbook: the shared-string table declares more text than it holds");
    }
    if (type == kBof && !globals) {
      current = nullptr;
      for (SheetRecords& sheet : out.sheets)
        if (sheet.offset == at) current = &sheet;
    } else if (type == kEof) {
      globals = false;
      current = nullptr;
    } else if (globals && type == kFilePass) {
      out.encrypted = true;
    } else if (globals && type == kBoundSheet && length >= 4) {
      out.sheets.push_back({u32(data, 0), 0, 0, {}});
    } else if (current != nullptr && type == kDimensions && length >= 12) {
      const std::uint32_t first_row = u32(data, 0), end_row = u32(data, 4);
      const std::uint16_t first_column = u16(data, 8), end_column = u16(data, 10);
      current->rows = end_row > first_row ? end_row - first_row : 0;
      current->columns = end_column > first_column ? end_column - first_column : 0;
    } else if (current != nullptr && type == kMergedCells && length >= 2) {
      const std::size_t count = u16(data, 0);
      for (std::size_t k = 0; k < count && 2 + 8 * (k + 1) <= length; ++k) {
        const std::size_t ref = 2 + 8 * k;
        const std::size_t top = u16(data, ref), bottom = u16(data, ref + 2), left = u16(data, ref + 4),
                          right = u16(data, ref + 6);
        if (top <= bottom && left <= right) current->merged.push_back({top, left, bottom, right});
      }
    }
    at = begin + length;
  }
  return out;
}

// libfreexl opens files by name only: the bytes are handed to it as an anonymous in-memory file
// (memfd), so that nothing is written to disk and nothing is left behind.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) {
    fd_ = memfd_create("agencygraph-xls", MFD_CLOEXEC);
    if (fd_ < 0) throw FormatError("cannot hand the workbook to libfreexl (memfd_create failed)");
    for (std::size_t written = 0; written < bytes.size();) {
      const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
      if (n <= 0) {
        ::close(fd_);
        throw FormatError("cannot hand the workbook to libfreexl (write failed)");
      }
      written += static_cast<std::size_t>(n);
    }
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_ = -1;
};

class FreexlHandle {
 public:
  explicit FreexlHandle(const std::string& path) : status_(freexl_open(path.c_str(), &handle_)) {}
  ~FreexlHandle() {
    if (handle_ != nullptr) freexl_close(handle_);
  }
  FreexlHandle(const FreexlHandle&) = delete;
  FreexlHandle& operator=(const FreexlHandle&) = delete;
  int status() const { return status_; }
  const void* get() const { return handle_; }

 private:
  const void* handle_ = nullptr;
  int status_;
};

std::string freexl_problem(int status) {
  switch (status) {
    case FREEXL_INSUFFICIENT_MEMORY: return "too large to read";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "no workbook in the file";
    case FREEXL_CRAFTED_FILE: return "severely damaged workbook (libfreexl refuses it as crafted)";
    case FREEXL_UNSUPPORTED_CHARSET: return "a code page libfreexl cannot convert";
    default: return "damaged or truncated workbook (libfreexl error " + std::to_string(status) + ")";
  }
}

std::string number_text(double value) {
  if (!std::isfinite(value)) return "";
  char text[32];
  const auto [end, error] = std::to_chars(text, text + sizeof text, value);
  return error == std::errc() ? std::string(text, end) : std::string();
}

std::string cell_text(const FreeXL_CellValue& value) {
  switch (value.type) {
    case FREEXL_CELL_INT: return std::to_string(value.value.int_value);
    case FREEXL_CELL_DOUBLE: return number_text(value.value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME: return value.value.text_value != nullptr ? value.value.text_value : "";
    default: return "";
  }
}

}  // namespace

Source read_xls(const std::string& path, const CompoundFile& file, std::string_view bytes) {
  std::string stream_name = "Workbook";
  std::optional<std::string> stream = file.stream(stream_name);
  if (!stream) stream = file.stream(stream_name = "Book");  // BIFF5 (Excel 95) names it so
  if (!stream) throw FormatError("no Workbook stream: not an Excel workbook");
  const WorkbookRecords records = walk_records(*stream);
  if (records.encrypted) throw FormatError("encrypted (password-protected) workbook: not read");
  for (std::size_t k = 0; k < records.sheets.size(); ++k)
    if (records.sheets[k].rows * records.sheets[k].columns > kMaxSheetSlots)
      throw FormatError("sheet " + std::to_string(k + 1) + ": " + thousands(records.sheets[k].rows) + " rows by " +
                        thousands(records.sheets[k].columns) + " columns, more than a task table holds (" +
                        thousands(kMaxSheetSlots) + " cells)");

  // libfreexl parses the container itself, and a crafted one makes it read past its buffers (found
  // by fuzz_xls): it is given the stream libgsf read, in a sound container libgsf writes.
  const MemoryFile memory(CompoundFile::with_one_stream(stream_name, *stream));
  const FreexlHandle workbook(memory.path());
  if (workbook.status() != FREEXL_OK) throw FormatError(freexl_problem(workbook.status()));
  unsigned int sheets = 0;
  if (freexl_get_info(workbook.get(), FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) sheets = 0;
  LinesBuilder out(bytes.size());
  // The walk and libfreexl count the same BOUNDSHEET records; if they ever disagree, merged
  // ranges cannot be told to their sheet and are left out rather than put on the wrong one.
  const bool merges_known = records.sheets.size() == sheets;
  if (!merges_known && sheets > 0) out.warn("merged cells not read: the sheets could not be matched to their records");
  for (unsigned short index = 0; index < sheets; ++index) {
    const char* raw_name = nullptr;
    if (freexl_get_worksheet_name(workbook.get(), index, &raw_name) != FREEXL_OK) raw_name = nullptr;
    const std::string name = clean_text(raw_name != nullptr ? raw_name : "Sheet" + std::to_string(index + 1));
    const std::string label = "sheet '" + name + "'";
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(workbook.get(), index) != FREEXL_OK ||
        freexl_worksheet_dimensions(workbook.get(), &rows, &columns) != FREEXL_OK)
      throw FormatError(label + ": damaged, cannot be read");
    if (static_cast<std::size_t>(rows) * columns > kMaxSheetSlots)
      throw FormatError(label + ": " + thousands(rows) + " rows by " + thousands(columns) +
                        " columns, more than a task table holds (" + thousands(kMaxSheetSlots) + " cells)");
    std::vector<SheetCell> cells;
    for (unsigned int row = 0; row < rows; ++row) {
      for (unsigned short column = 0; column < columns; ++column) {
        FreeXL_CellValue value{};
        if (freexl_get_cell_value(workbook.get(), row, column, &value) != FREEXL_OK) continue;
        std::string text = clean_text(cell_text(value));
        if (text.empty()) continue;
        if (cells.size() == kMaxSheetCells)
          throw FormatError(label + ": more than " + thousands(kMaxSheetCells) +
                            " cells with values, more than a task table holds");
        cells.push_back({row, column, std::move(text)});
      }
    }
    static const std::vector<MergedRange> none;
    lay_out_sheet(out, label, name, std::move(cells), merges_known ? records.sheets[index].merged : none);
  }
  return std::move(out).finish(path, "xls");
}

}  // namespace agencygraph::detail
