#include "formats/biff_records.hpp"

#include <bit>
#include <cstring>

#include "formats/biff_strings.hpp"
#include "formats/format_error.hpp"
#include "formats/little_endian.hpp"

namespace agencygraph::detail {

std::string_view RecordBytes::bytes(std::size_t at, std::size_t length) const {
  if (at > data_.size() || length > data_.size() - at) damaged("is shorter than its fields");
  return data_.substr(at, length);
}

std::uint8_t RecordBytes::u8(std::size_t at) const { return static_cast<std::uint8_t>(bytes(at, 1)[0]); }

std::uint16_t RecordBytes::u16(std::size_t at) const { return detail::u16(bytes(at, 2), 0); }

std::uint32_t RecordBytes::u32(std::size_t at) const { return detail::u32(bytes(at, 4), 0); }

double RecordBytes::f64(std::size_t at) const {
  const std::uint64_t bits = static_cast<std::uint64_t>(u32(at)) | static_cast<std::uint64_t>(u32(at + 4)) << 32;
  return std::bit_cast<double>(bits);
}

void RecordBytes::damaged(const std::string& what) const {
  throw FormatError("damaged workbook: a record at byte " + std::to_string(offset_) + " of the Workbook stream " + what);
}

bool BiffRecords::next() {
  if (next_ > stream_.size() || stream_.size() - next_ < 4) return false;
  const std::size_t at = next_;
  const RecordBytes header(0, at, stream_.substr(at, 4));
  const std::uint16_t type = header.u16(0), length = header.u16(2);
  if (length > stream_.size() - at - 4)
    throw FormatError("damaged or truncated workbook: a record runs past the end of the Workbook stream");
  record_ = RecordBytes(type, at, stream_.substr(at + 4, length));
  next_ = at + 4 + length;
  return true;
}

std::vector<std::string_view> BiffRecords::take_continues() {
  std::vector<std::string_view> out;
  for (std::size_t at = next_; stream_.size() - at >= 4;) {
    const RecordBytes header(0, at, stream_.substr(at, 4));
    if (header.u16(0) != biff::kContinue) break;
    const std::size_t length = header.u16(2);
    if (length > stream_.size() - at - 4) break;  // next() reports it
    out.push_back(stream_.substr(at + 4, length));
    at += 4 + length;
    next_ = at;
  }
  return out;
}

ContinuedBytes::ContinuedBytes(const RecordBytes& first, const std::vector<std::string_view>& continues)
    : first_(first) {
  segments_.reserve(continues.size() + 1);
  segments_.push_back(first.data());
  segments_.insert(segments_.end(), continues.begin(), continues.end());
}

bool ContinuedBytes::ensure_segment() {
  while (at_ == segments_[segment_].size()) {
    if (segment_ + 1 == segments_.size()) return false;
    ++segment_;
    at_ = 0;
  }
  return true;
}

std::string_view ContinuedBytes::take(std::size_t bytes) {
  // A field of a few bytes lies whole in one segment ([MS-XLS] splits records between fields).
  if (!ensure_segment() || segments_[segment_].size() - at_ < bytes)
    first_.damaged("declares more than it and its CONTINUE records hold");
  const std::string_view out = segments_[segment_].substr(at_, bytes);
  at_ += bytes;
  return out;
}

std::uint8_t ContinuedBytes::u8() { return static_cast<std::uint8_t>(take(1)[0]); }

std::uint16_t ContinuedBytes::u16() { return detail::u16(take(2), 0); }

std::uint32_t ContinuedBytes::u32() {
  const std::uint32_t low = u16();
  return low | static_cast<std::uint32_t>(u16()) << 16;
}

void ContinuedBytes::skip(std::size_t bytes) {
  // Rich-text runs and phonetic data: plain bytes, which may cross into the next segment.
  while (bytes > 0) {
    if (!ensure_segment()) first_.damaged("declares more than it and its CONTINUE records hold");
    const std::size_t used = std::min(bytes, segments_[segment_].size() - at_);
    at_ += used;
    bytes -= used;
  }
}

std::string ContinuedBytes::characters(std::size_t count, bool wide) {
  std::string utf16;  // the characters as UTF-16LE, decoded at the end: a pair may be split
  while (count > 0) {
    if (at_ == segments_[segment_].size()) {
      // The string goes on in the next segment, which starts with its option byte again.
      if (segment_ + 1 == segments_.size()) first_.damaged("declares more text than it and its CONTINUE records hold");
      ++segment_;
      at_ = 0;
      wide = (u8() & 0x01) != 0;
      continue;
    }
    const std::string_view segment = segments_[segment_];
    const std::size_t unit = wide ? 2 : 1;
    const std::size_t available = (segment.size() - at_) / unit;
    if (available == 0) first_.damaged("splits a character between two records");
    const std::size_t used = std::min(count, available);
    const std::string_view run = segment.substr(at_, used * unit);
    if (wide) {
      utf16 += run;
    } else {
      for (const char byte : run) {
        utf16 += byte;
        utf16 += '\0';
      }
    }
    at_ += used * unit;
    count -= used;
  }
  return utf8_of_biff_characters(utf16, true);
}

}  // namespace agencygraph::detail
