// The strings of an Excel 97-2003 workbook, as UTF-8: BIFF8 strings are Unicode, each either
// UTF-16LE or "compressed" to the low byte of every character ([MS-XLS] 2.5.293-2.5.296); BIFF5
// strings are 8-bit, in the workbook's code page (CODEPAGE record), converted through ICU.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "formats/biff_records.hpp"

namespace agencygraph::detail {

// UTF-16LE code units (unpaired surrogates become U+FFFD) or, not `wide`, one character per byte,
// as UTF-8.
std::string utf8_of_biff_characters(std::string_view bytes, bool wide);

// A string read from inside one record, and the offset just past it.
struct RecordString {
  std::string text;
  std::size_t end = 0;
};

// A BIFF8 string at `at` in `record`: a character count of `count_bytes` (1: ShortXLUnicodeString,
// 2: XLUnicodeString), an option byte (bit 0: UTF-16), the characters. Throws FormatError naming
// the record when the count runs past it.
RecordString read_unicode_string(const RecordBytes& record, std::size_t at, std::size_t count_bytes);

// The converter from a BIFF5 workbook's code page (CODEPAGE record; Windows-1252 when there is
// none). Chinese workbooks are in 936 (GBK), read as GB18030 like decode() reads GBK text.
class CodePage {
 public:
  // Throws FormatError for a code page ICU has no converter for.
  explicit CodePage(std::uint16_t number);

  // `bytes` as UTF-8; a byte sequence the code page has no character for becomes U+FFFD.
  std::string decode(std::string_view bytes) const;

 private:
  std::unique_ptr<void, void (*)(void*)> converter_;  // a UConverter; void keeps ICU's headers out of the readers
};

// A BIFF5 string at `at` in `record`: a byte count of `count_bytes` (1 or 2), then that many bytes
// in `code_page`. Throws FormatError naming the record when the count runs past it.
RecordString read_code_page_string(const RecordBytes& record, std::size_t at, std::size_t count_bytes,
                                   const CodePage& code_page);

// The shared-string table, kept as one text and the end of each string in it: a table of a
// million short strings would take 32 bytes a string as std::strings, ten times its bytes.
class SharedStrings {
 public:
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t k) const {
    const std::size_t begin = k == 0 ? 0 : ends_[k - 1];
    return std::string_view(text_).substr(begin, ends_[k] - begin);
  }
  void push_back(std::string_view s) {
    text_ += s;
    ends_.push_back(text_.size());
  }
  void reserve(std::size_t strings) { ends_.reserve(strings); }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// The shared-string table: the SST record `sst` and the data of the CONTINUE records after it.
// Rich-text runs and East Asian phonetic data are passed over. Throws FormatError naming the SST
// record when a string or the count of strings runs past the records.
SharedStrings read_shared_strings(const RecordBytes& sst, const std::vector<std::string_view>& continues);

}  // namespace agencygraph::detail
