// The record layer of an Excel 97-2003 Workbook stream ([MS-XLS] 2.1.4): a record is a 2-byte
// type, a 2-byte length and that many bytes, and a record longer than 8,224 bytes goes on in the
// CONTINUE records after it. Every read from a record goes through RecordBytes, which checks it
// against the record's length: a record that lies about its lengths is refused with its byte
// offset in the stream, never read past.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail {

namespace biff {
// Record types read here ([MS-XLS] 2.3).
constexpr std::uint16_t kBof = 0x0809, kEof = 0x000A, kFilePass = 0x002F, kBoundSheet = 0x0085, kCodePage = 0x0042,
                        kDateMode = 0x0022, kFormat = 0x041E, kXf = 0x00E0, kSst = 0x00FC, kContinue = 0x003C,
                        kDimensions = 0x0200, kMergedCells = 0x00E5, kLabelSst = 0x00FD, kLabel = 0x0204,
                        kRString = 0x00D6, kNumber = 0x0203, kRk = 0x027E, kMulRk = 0x00BD, kFormula = 0x0006,
                        kString = 0x0207, kBoolErr = 0x0205;
// BOF records of the versions before BIFF5 (Excel 2.x-4.0), which are refused by name.
constexpr std::uint16_t kBofBiff2 = 0x0009, kBofBiff3 = 0x0209, kBofBiff4 = 0x0409;
}  // namespace biff

// One record's bytes and where it stands, for bounds-checked reads.
class RecordBytes {
 public:
  RecordBytes(std::uint16_t type, std::size_t offset, std::string_view data)
      : type_(type), offset_(offset), data_(data) {}

  std::uint16_t type() const { return type_; }
  std::size_t offset() const { return offset_; }  // of the record's header in the stream
  std::string_view data() const { return data_; }
  std::size_t size() const { return data_.size(); }

  // Little-endian fields at `at`; each throws damaged() when the field runs past the record.
  std::uint8_t u8(std::size_t at) const;
  std::uint16_t u16(std::size_t at) const;
  std::uint32_t u32(std::size_t at) const;
  double f64(std::size_t at) const;
  // `length` bytes at `at`, checked likewise.
  std::string_view bytes(std::size_t at, std::size_t length) const;

  // The error for this record: "damaged workbook: a record at byte N of the Workbook stream `what`".
  [[noreturn]] void damaged(const std::string& what) const;

 private:
  std::uint16_t type_;
  std::size_t offset_;
  std::string_view data_;
};

// Walks a Workbook stream record by record. Trailing bytes too few for a record header are left
// alone (writers pad the stream to a sector); a record whose length runs past the end of the
// stream is an error.
class BiffRecords {
 public:
  explicit BiffRecords(std::string_view stream) : stream_(stream) {}

  // Moves to the next record: false at the end of the stream.
  bool next();
  const RecordBytes& record() const { return record_; }

  // The data of the CONTINUE records that follow the current one (none: empty), which next() then
  // passes over. A record holding more than 8,224 bytes is written on in them.
  std::vector<std::string_view> take_continues();

 private:
  std::string_view stream_;
  std::size_t next_ = 0;
  RecordBytes record_{0, 0, {}};
};

// Reads across a record and the CONTINUE records after it, as the shared-string table and a
// formula's STRING record are read: a string's characters may go on in the next segment, which
// then starts with the string's option byte again (its width may change there), while the
// other fields of a string move on to the next segment as plain bytes ([MS-XLS] 2.5.293).
class ContinuedBytes {
 public:
  // `first` is the record the segments continue: its data is the first segment, and its offset
  // names it in errors.
  ContinuedBytes(const RecordBytes& first, const std::vector<std::string_view>& continues);

  std::uint8_t u8();
  std::uint16_t u16();
  std::uint32_t u32();
  void skip(std::size_t bytes);
  // `count` characters as UTF-8, starting `wide` (UTF-16LE) or not (one byte each: the low bytes
  // of UTF-16, Latin-1).
  std::string characters(std::size_t count, bool wide);

 private:
  // Moves to the next segment when the current one is used up; false when there is none.
  bool ensure_segment();
  std::string_view take(std::size_t bytes);

  RecordBytes first_;
  std::vector<std::string_view> segments_;
  std::size_t segment_ = 0, at_ = 0;
};

}  // namespace agencygraph::detail
