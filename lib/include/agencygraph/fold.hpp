// Folding for matching: full-width ASCII forms to half-width, ideographic space to space, and
// (for traditional-script documents) traditional to simplified characters, one code point to one
// code point, so every folded character maps back to its byte offset in the original text. A
// traditional folder's append() also passes over pinyin readings printed after ideographs (see
// pinyin_reading_at): the ideograph's folded character then spans them.
// Matching happens on the folded text; names are reported from the original bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph {

struct FoldedText {
  std::u32string chars;                // folded code points
  std::vector<std::uint32_t> offsets;  // offsets[i]: byte offset of chars[i] in the original;
                                       // offsets[chars.size()]: end of the folded range
  // Traditional-only forms of annotation words (單, 牽, 責, 負, 職, 協, 參) met while folding without
  // traditional folding: a document with any is folded as traditional.
  std::size_t traditional_markers = 0;
  void clear() {
    chars.clear();
    offsets.clear();
    traditional_markers = 0;
  }
  std::size_t size() const { return chars.size(); }
};

class Folder {
 public:
  explicit Folder(bool traditional) : traditional_(traditional) {}

  // ASCII and ideographs, nearly all of the text, are tested first.
  char32_t fold(char32_t c) const {
    if (c < 0x80) return c;
    if (c >= 0x3400 && c <= 0x9FFF) return traditional_ ? simplified(c) : c;
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;  // full-width ASCII forms
    if (c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009) return U' ';
    return c;
  }

  // The folded code point of the character at utf8[i] (i < limit), advancing i past it: the same
  // decoding and folding append() does, for scanners that fold only the characters they look at.
  char32_t next(std::string_view utf8, std::uint32_t& i, std::uint32_t limit) const {
    return fold(decode_next(utf8, i, limit));
  }

  // Traditional-only forms of annotation words (單, 牽, 責, 負, 職, 協, 參): a document holding any
  // is folded as traditional.
  static bool is_traditional_marker(char32_t c) {
    return c == U'單' || c == U'牽' || c == U'責' || c == U'負' || c == U'職' || c == U'協' || c == U'參';
  }

  // Whether this folder folds traditional characters to simplified ones.
  bool traditional() const { return traditional_; }

  // Appends the folded code points of utf8[begin, end) to `out`, recording original byte offsets
  // relative to the start of `utf8`. Invalid UTF-8 bytes become U+FFFD (the decoder has already
  // rejected invalid documents, so this only guards against misuse).
  void append(std::string_view utf8, std::uint32_t begin, std::uint32_t end, FoldedText& out) const;

  // Folds a whole string to UTF-8 (used for canonical names and keyword tests).
  std::string fold_utf8(std::string_view utf8) const;

 private:
  // Decodes the character at utf8[i] (i < limit) and advances i past it; invalid bytes are U+FFFD.
  // ASCII and three-byte sequences (all CJK and full-width forms) are decoded inline: scanners call
  // this for every character they look at.
  static char32_t decode_next(std::string_view utf8, std::uint32_t& i, std::uint32_t limit) {
    const auto* b = reinterpret_cast<const unsigned char*>(utf8.data());
    const unsigned lead = b[i];
    if (lead < 0x80) {
      ++i;
      return lead;
    }
    if ((lead & 0xF0) == 0xE0 && i + 2 < limit) {
      const unsigned second = b[i + 1] ^ 0x80u;  // continuation bytes become 0x00-0x3F
      const unsigned third = b[i + 2] ^ 0x80u;
      if ((second | third) < 0x40) {
        const auto c = static_cast<char32_t>(((lead & 0x0F) << 12) | (second << 6) | third);
        i += 3;
        return (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) ? char32_t{0xFFFD} : c;  // overlong or surrogate
      }
    }
    return decode_other(utf8, i, limit);
  }
  static char32_t decode_other(std::string_view utf8, std::uint32_t& i, std::uint32_t limit);  // via ICU
  // Copies of government pages on spam sites print them in traditional characters with the pinyin
  // of some after them: 責(zé)任單位, 省住房城鄉(xiāng)建設(shè)廳. Such a reading is not text: append() of a
  // traditional folder passes over it with the ideograph before it, so that the labels and names
  // the grammar reads fold as printed without it (names are reported from the original bytes,
  // which keep it). next() does not, so that the scanners' hot path stays as it is: they only
  // pick the places the grammar reads. The byte length of the reading at utf8[i] (a half-width or
  // full-width bracket holding one syllable of lowercase letters with a tone mark), 0 when there is
  // none.
  static std::uint32_t pinyin_reading_at(std::string_view utf8, std::uint32_t i, std::uint32_t limit);
  // append()'s loop: folds utf8[begin, end) into chars/offsets, returns the number of characters
  // and adds the traditional markers met (when not folding them) to `markers`.
  template <bool kTraditional>
  std::size_t fold_into(std::string_view utf8, std::uint32_t begin, std::uint32_t end, char32_t* chars,
                        std::uint32_t* offsets, std::size_t& markers) const;
  static char32_t simplified(char32_t c);  // traditional -> simplified, one code point
  bool traditional_;
};

// Writes the UTF-8 encoding of c at out (room for 4 bytes) and returns the end of what it wrote;
// nothing when c is not a Unicode scalar value (a surrogate or beyond U+10FFFF). For loops that
// encode many characters into a buffer sized beforehand.
inline char* encode_utf8(char* out, char32_t c) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c <= 0xDFFF) return out;
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c <= 0x10FFFF) {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

// Appends the UTF-8 encoding of c; nothing when c is not a Unicode scalar value (a surrogate or
// beyond U+10FFFF). Inline: extraction and the writers call it per character.
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
    return;
  }
  char bytes[4];
  out.append(bytes, static_cast<std::size_t>(encode_utf8(bytes, c) - bytes));
}

// UTF-8 encoding of a code point sequence (append_utf8 of each).
std::string to_utf8(std::u32string_view chars);

}  // namespace agencygraph
