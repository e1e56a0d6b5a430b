// Folding for matching: full-width ASCII forms to half-width, ideographic space to space, and
// (for traditional-script documents) traditional to simplified characters, one code point to one
// code point, so every folded character maps back to its byte offset in the original text.
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
  // traditional folding: a document with any is folded again as traditional.
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

  char32_t fold(char32_t c) const {
    if (c < 0x80) return c;
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;  // full-width ASCII forms
    if (c == 0x3000 || c == 0x00A0 || c == 0x2002 || c == 0x2003 || c == 0x2009) return U' ';
    if (traditional_ && c >= 0x3400 && c <= 0x9FFF) return simplified(c);
    return c;
  }

  // Appends the folded code points of utf8[begin, end) to `out`, recording original byte offsets
  // relative to the start of `utf8`. Invalid UTF-8 bytes become U+FFFD (the decoder has already
  // rejected invalid documents, so this only guards against misuse).
  void append(std::string_view utf8, std::uint32_t begin, std::uint32_t end, FoldedText& out) const;

  // Folds a whole string to UTF-8 (used for canonical names and keyword tests).
  std::string fold_utf8(std::string_view utf8) const;

 private:
  static char32_t simplified(char32_t c);  // traditional -> simplified, one code point
  bool traditional_;
};

// UTF-8 encoding of a code point sequence.
std::string to_utf8(std::u32string_view chars);

}  // namespace agencygraph
