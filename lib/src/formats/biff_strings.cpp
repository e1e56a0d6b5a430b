#include "formats/biff_strings.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>

#include "agencygraph/fold.hpp"
#include "formats/format_error.hpp"

namespace agencygraph::detail {
namespace {

std::string utf8_of_utf16(const char16_t* units, std::size_t count) {
  std::string out;
  out.reserve(count * 3 / 2);
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(count, INT32_MAX));
  for (std::int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U16_NEXT_OR_FFFD(units, i, length, c);
    append_utf8(out, static_cast<char32_t>(c));
  }
  return out;
}

// ICU's name for a Windows code page number.
std::string icu_name(std::uint16_t number) {
  switch (number) {
    case 936: return "GB18030";  // GBK, read as its superset like decode() reads GBK text
    case 367: return "US-ASCII";
    case 10000: case 32768: return "macintosh";
    case 32769: return "windows-1252";
    default: return "windows-" + std::to_string(number);
  }
}

}  // namespace

std::string utf8_of_biff_characters(std::string_view bytes, bool wide) {
  std::u16string units;
  if (wide) {
    units.resize(bytes.size() / 2);
    for (std::size_t k = 0; k < units.size(); ++k)
      units[k] = static_cast<char16_t>(static_cast<unsigned char>(bytes[2 * k]) |
                                       static_cast<unsigned char>(bytes[2 * k + 1]) << 8);
  } else {
    units.assign(bytes.size(), u'\0');
    std::transform(bytes.begin(), bytes.end(), units.begin(),
                   [](char b) { return static_cast<char16_t>(static_cast<unsigned char>(b)); });
  }
  return utf8_of_utf16(units.data(), units.size());
}

RecordString read_unicode_string(const RecordBytes& record, std::size_t at, std::size_t count_bytes) {
  const std::size_t count = count_bytes == 1 ? record.u8(at) : record.u16(at);
  const bool wide = (record.u8(at + count_bytes) & 0x01) != 0;
  const std::size_t begin = at + count_bytes + 1, length = count * (wide ? 2 : 1);
  if (begin > record.size() || length > record.size() - begin) record.damaged("holds a text longer than itself");
  return {utf8_of_biff_characters(record.bytes(begin, length), wide), begin + length};
}

CodePage::CodePage(std::uint16_t number)
    : converter_(nullptr, [](void* converter) { ucnv_close(static_cast<UConverter*>(converter)); }) {
  for (const std::string& name : {icu_name(number), "cp" + std::to_string(number)}) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(name.c_str(), &status);
    if (U_SUCCESS(status) && converter != nullptr) {
      converter_.reset(converter);
      return;
    }
  }
  throw FormatError("workbook in code page " + std::to_string(number) + ", which cannot be converted");
}

std::string CodePage::decode(std::string_view bytes) const {
  if (bytes.empty()) return {};
  auto* converter = static_cast<UConverter*>(converter_.get());
  ucnv_reset(converter);
  // The default callback puts U+FFFD (or SUB, which clean_text drops) for bytes without a character.
  std::u16string units(2 * bytes.size() + 2, u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const std::int32_t length = ucnv_toUChars(converter, units.data(), static_cast<std::int32_t>(units.size()),
                                            bytes.data(), static_cast<std::int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return {};
  return utf8_of_utf16(units.data(), static_cast<std::size_t>(length));
}

RecordString read_code_page_string(const RecordBytes& record, std::size_t at, std::size_t count_bytes,
                                   const CodePage& code_page) {
  const std::size_t count = count_bytes == 1 ? record.u8(at) : record.u16(at);
  const std::size_t begin = at + count_bytes;
  if (begin > record.size() || count > record.size() - begin) record.damaged("holds a text longer than itself");
  return {code_page.decode(record.bytes(begin, count)), begin + count};
}

SharedStrings read_shared_strings(const RecordBytes& sst, const std::vector<std::string_view>& continues) {
  ContinuedBytes in(sst, continues);
  in.skip(4);  // cstTotal: the count of references to the strings
  const std::uint32_t count = in.u32();
  SharedStrings strings;
  // Reserved for what the records can hold (3 bytes a string at least), not for what they claim.
  std::size_t bytes = sst.size();
  for (const std::string_view segment : continues) bytes += segment.size();
  strings.reserve(std::min<std::size_t>(count, bytes / 3));
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::uint16_t characters = in.u16();
    const std::uint8_t options = in.u8();
    const std::size_t runs = (options & 0x08) != 0 ? in.u16() : 0;        // fRichSt: formatting runs
    const std::size_t phonetic = (options & 0x04) != 0 ? in.u32() : 0;   // fExtSt: East Asian phonetic data
    strings.push_back(in.characters(characters, (options & 0x01) != 0));
    in.skip(4 * runs);
    in.skip(phonetic);
  }
  return strings;
}

}  // namespace agencygraph::detail
