#include "agencygraph/fold.hpp"

#include <memory>
#include <mutex>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace agencygraph {
namespace {

constexpr char32_t kCjkFirst = 0x3400;
constexpr char32_t kCjkLast = 0x9FFF;

// Traditional -> simplified for every CJK ideograph in [kCjkFirst, kCjkLast], built once with
// ICU's "Traditional-Simplified" transliterator. Characters are transliterated one per line so the
// rule set cannot apply phrase-level conversions; mappings that are not one-to-one are ignored.
const std::vector<char32_t>& simplified_table() {
  static std::vector<char32_t> table;
  static std::once_flag once;
  std::call_once(once, [] {
    const std::size_t count = kCjkLast - kCjkFirst + 1;
    table.resize(count);
    icu::UnicodeString all;
    for (char32_t c = kCjkFirst; c <= kCjkLast; ++c) {
      all.append(static_cast<UChar32>(c));
      all.append(static_cast<UChar>(u'\n'));
    }
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    for (std::size_t i = 0; i < count; ++i) table[i] = kCjkFirst + static_cast<char32_t>(i);
    if (U_FAILURE(status) || !transliterator) return;  // no ICU data: fold nothing
    transliterator->transliterate(all);
    std::size_t index = 0;
    int32_t start = 0;
    for (int32_t i = 0; i < all.length() && index < count; ++i) {
      if (all.charAt(i) != u'\n') continue;
      const icu::UnicodeString piece(all, start, i - start);
      if (piece.countChar32() == 1) table[index] = static_cast<char32_t>(piece.char32At(0));
      ++index;
      start = i + 1;
    }
  });
  return table;
}

}  // namespace

char32_t Folder::simplified(char32_t c) { return simplified_table()[c - kCjkFirst]; }

void Folder::append(std::string_view utf8, std::uint32_t begin, std::uint32_t end, FoldedText& out) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  if (traditional_) simplified_table();  // build outside the loop
  // Drop the previous end sentinel, so ranges can span appended pieces.
  if (out.offsets.size() == out.chars.size() + 1) out.offsets.pop_back();
  // Write through raw pointers into storage sized for the worst case (one character per byte):
  // this loop runs over every byte of every document.
  const std::size_t base = out.chars.size();
  out.chars.resize(base + (end - begin));
  out.offsets.resize(base + (end - begin) + 1);
  char32_t* chars = out.chars.data() + base;
  std::uint32_t* offsets = out.offsets.data() + base;
  std::size_t n = 0;
  std::size_t markers = 0;
  int32_t i = static_cast<int32_t>(begin);
  const auto limit = static_cast<int32_t>(end);
  while (i < limit) {
    const auto at = static_cast<std::uint32_t>(i);
    if (bytes[i] < 0x80) {  // ASCII folds to itself
      chars[n] = bytes[i++];
      offsets[n++] = at;
      continue;
    }
    UChar32 c;
    if ((bytes[i] & 0xF0) == 0xE0 && i + 2 < limit && (bytes[i + 1] & 0xC0) == 0x80 && (bytes[i + 2] & 0xC0) == 0x80) {
      // Three-byte sequences (all CJK and full-width forms): decoded inline, the common case.
      c = ((bytes[i] & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;  // overlong or surrogate
      i += 3;
    } else {
      U8_NEXT(bytes, i, limit, c);
      if (c < 0) c = 0xFFFD;
    }
    const char32_t folded = fold(static_cast<char32_t>(c));
    if (!traditional_ && folded >= 0x5354 && folded <= 0x8CAC &&
        (folded == U'單' || folded == U'牽' || folded == U'責' || folded == U'負' || folded == U'職' ||
         folded == U'協' || folded == U'參'))
      ++markers;
    chars[n] = folded;
    offsets[n++] = at;
  }
  out.chars.resize(base + n);
  out.offsets.resize(base + n);
  out.offsets.push_back(end);  // the end sentinel
  out.traditional_markers += markers;
}

std::string Folder::fold_utf8(std::string_view utf8) const {
  FoldedText folded;
  append(utf8, 0, static_cast<std::uint32_t>(utf8.size()), folded);
  return to_utf8(folded.chars);
}

std::string to_utf8(std::u32string_view chars) {
  std::string out;
  out.reserve(chars.size() * 3);
  for (char32_t c : chars) {
    uint8_t buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
    if (error) continue;
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
  }
  return out;
}

}  // namespace agencygraph
