#include "io/display_width.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace agencygraph::io {
namespace {

constexpr std::string_view kEllipsis = "…";

// Decodes the code point at `i`, advancing it; a malformed sequence yields -1 and skips one byte
// or the bytes ICU recognised as one bad sequence.
UChar32 next(std::string_view s, std::size_t& i) {
  const auto length = static_cast<std::int32_t>(s.size());
  auto offset = static_cast<std::int32_t>(i);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), offset, length, c);
  i = static_cast<std::size_t>(offset);
  return c;
}

int width_of(UChar32 c) {
  if (c < 0) return 1;  // malformed: shown as one replacement character
  return code_point_width(static_cast<char32_t>(c));
}

}  // namespace

int code_point_width(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (cp == 0) return 0;
  switch (u_charType(cp)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR:
      return 0;
    default:
      break;
  }
  // Hangul Jamo medial vowels and final consonants join the preceding syllable.
  if (cp >= 0x1160 && cp <= 0x11FF) return 0;
  const int eaw = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

std::size_t display_width(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += static_cast<std::size_t>(width_of(next(utf8, i)));
  return width;
}

std::string truncate_to_width(std::string_view utf8, std::size_t width) {
  if (display_width(utf8) <= width) return std::string(utf8);
  if (width == 0) return {};
  // Keep whole code points while they leave a column for the ellipsis; zero-width marks that
  // follow a kept character stay with it.
  std::size_t used = 0, cut = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    const auto w = static_cast<std::size_t>(width_of(next(utf8, i)));
    if (used + w > width - 1) {
      cut = start;
      break;
    }
    used += w;
    cut = i;
  }
  std::string out(utf8.substr(0, cut));
  out += kEllipsis;
  return out;
}

std::string fit_to_width(std::string_view utf8, std::size_t width, Align align) {
  std::string text = truncate_to_width(utf8, width);
  const std::size_t pad = width - display_width(text);
  if (align == Align::Left) return text + std::string(pad, ' ');
  return std::string(pad, ' ') + text;
}

}  // namespace agencygraph::io
