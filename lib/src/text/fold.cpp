#include "agencygraph/fold.hpp"

#include <array>
#include <cstdint>
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

char32_t Folder::decode_other(std::string_view utf8, std::uint32_t& i, std::uint32_t limit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  auto at = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(bytes, at, static_cast<int32_t>(limit), c);
  i = static_cast<std::uint32_t>(at);
  return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

std::uint32_t Folder::pinyin_reading_at(std::string_view utf8, std::uint32_t i, std::uint32_t limit) {
  // Vowels with a tone mark (ā á ǎ à, ē é ě è, ī í ǐ ì, ō ó ǒ ò, ū ú ǔ ù, ǖ ǘ ǚ ǜ) and ü: all two-byte
  // sequences, in U+00E0..U+01DC.
  auto toned_vowel = [](char32_t c) {
    return std::u32string_view(U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ").find(c) != std::u32string_view::npos;
  };
  constexpr std::uint32_t kLongestSyllable = 6;  // zhuang
  // In half-width brackets, as such sites print them, or full-width ones: (zé), （zé）.
  constexpr std::string_view kFullOpen = "（", kFullClose = "）";
  const std::uint32_t begin = i;
  const std::string_view rest = utf8.substr(i, limit - i);
  const bool full_width = rest.starts_with(kFullOpen);
  if (!full_width && !rest.starts_with('(')) return 0;
  i += full_width ? static_cast<std::uint32_t>(kFullOpen.size()) : 1;
  std::uint32_t letters = 0;
  bool toned = false;
  while (i < limit && letters <= kLongestSyllable) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte >= 'a' && byte <= 'z') {
      ++i;
    } else if (byte >= 0xC3 && byte <= 0xC7) {
      const char32_t c = decode_other(utf8, i, limit);
      if (!toned_vowel(c) && c != U'ü') return 0;
      toned = toned || c != U'ü';
    } else {
      break;
    }
    ++letters;
  }
  if (!toned || letters == 0 || letters > kLongestSyllable || i >= limit) return 0;
  const std::string_view close = full_width ? kFullClose : std::string_view(")");
  if (!utf8.substr(i, limit - i).starts_with(close)) return 0;
  return i + static_cast<std::uint32_t>(close.size()) - begin;
}

namespace {

// The traditional markers, as a bitmap over the ideographs U+4000..U+9FFF: one test per character.
class MarkerBits {
 public:
  MarkerBits() {
    for (char32_t c = kFirst; c < kEnd; ++c)
      if (Folder::is_traditional_marker(c)) bits_[(c - kFirst) >> 6] |= std::uint64_t{1} << ((c - kFirst) & 63);
  }
  unsigned test(char32_t c) const { return static_cast<unsigned>(bits_[(c - kFirst) >> 6] >> ((c - kFirst) & 63) & 1); }

  static constexpr char32_t kFirst = 0x4000;
  static constexpr char32_t kEnd = 0xA000;

 private:
  std::array<std::uint64_t, (kEnd - kFirst) / 64> bits_{};
};
const MarkerBits kMarkerBits;

}  // namespace

template <bool kTraditional>
std::size_t Folder::fold_into(std::string_view utf8, std::uint32_t begin, std::uint32_t end, char32_t* chars,
                              std::uint32_t* offsets, std::size_t& markers) const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(utf8.data());
  const unsigned char* p = bytes + begin;
  const unsigned char* const stop = bytes + end;
  std::size_t n = 0;
  while (p < stop) {
    offsets[n] = static_cast<std::uint32_t>(p - bytes);
    // Ideographs (lead bytes E4-E9, U+4000..U+9FFF), most of the text, need no range checks and
    // fold to themselves unless the document is traditional.
    const unsigned lead = p[0];
    if (lead - 0xE4u <= 0xE9u - 0xE4u && stop - p > 2) {
      const unsigned second = p[1] ^ 0x80u;  // continuation bytes become 0x00-0x3F
      const unsigned third = p[2] ^ 0x80u;
      if ((second | third) < 0x40) {
        const auto c = static_cast<char32_t>(((lead & 0x0F) << 12) | (second << 6) | third);
        if constexpr (kTraditional) {
          chars[n++] = simplified(c);
        } else {
          chars[n++] = c;
          markers += kMarkerBits.test(c);  // markers are ideographs: they only come this way
        }
        p += 3;
        if constexpr (kTraditional)
          if (p < stop && (*p == '(' || *p == 0xEF)) p += pinyin_reading_at(utf8, static_cast<std::uint32_t>(p - bytes), end);
        continue;
      }
    }
    auto i = static_cast<std::uint32_t>(p - bytes);
    chars[n++] = next(utf8, i, end);
    p = bytes + i;
  }
  return n;
}

void Folder::append(std::string_view utf8, std::uint32_t begin, std::uint32_t end, FoldedText& out) const {
  if (traditional_) simplified_table();  // build outside the loop
  // Drop the previous end sentinel, so ranges can span appended pieces.
  if (out.offsets.size() == out.chars.size() + 1) out.offsets.pop_back();
  // Fold through raw pointers into storage sized for the worst case (one character per byte).
  // A short range, as a line or a name, goes through scratch storage kept per thread and only what
  // was folded is copied: sizing `out` for the worst case zero-filled three times what a Chinese
  // text needs, on every call. A long range (a whole document) is folded in place, so that no
  // thread keeps storage the size of the largest document it met.
  constexpr std::uint32_t kLongestScratch = 4096;
  const auto fold = [&](char32_t* chars, std::uint32_t* offsets, std::size_t& markers) {
    return traditional_ ? fold_into<true>(utf8, begin, end, chars, offsets, markers)
                        : fold_into<false>(utf8, begin, end, chars, offsets, markers);
  };
  std::size_t markers = 0;
  if (end - begin <= kLongestScratch) {
    thread_local std::array<char32_t, kLongestScratch> chars;
    thread_local std::array<std::uint32_t, kLongestScratch> offsets;
    const std::size_t n = fold(chars.data(), offsets.data(), markers);
    out.chars.append(chars.data(), n);
    out.offsets.insert(out.offsets.end(), offsets.data(), offsets.data() + n);
  } else {
    const std::size_t base = out.chars.size();
    out.chars.resize(base + (end - begin));
    out.offsets.resize(base + (end - begin) + 1);
    const std::size_t n = fold(out.chars.data() + base, out.offsets.data() + base, markers);
    out.chars.resize(base + n);
    out.offsets.resize(base + n);
  }
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
  for (char32_t c : chars) append_utf8(out, c);
  return out;
}

}  // namespace agencygraph
