// Terminal display width of UTF-8 text, so tables of Chinese names line up. East Asian Wide and
// Fullwidth characters (汉字, full-width punctuation) take two columns; combining marks, format
// characters and controls take none; everything else, including Ambiguous characters such as "…",
// takes one (what terminals do outside CJK legacy locales).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace agencygraph::io {

// Columns one code point takes: 0, 1 or 2.
int code_point_width(char32_t c);

// Columns the text takes; a malformed byte counts as one column (terminals show U+FFFD).
std::size_t display_width(std::string_view utf8);

// The text cut at a code-point boundary to at most `width` columns; when cut, it ends in "…"
// (which takes one of the columns). Text that fits is returned unchanged.
std::string truncate_to_width(std::string_view utf8, std::size_t width);

enum class Align { Left, Right };

// The text truncated to `width`, then padded with spaces to exactly `width` columns.
std::string fit_to_width(std::string_view utf8, std::size_t width, Align align = Align::Left);

}  // namespace agencygraph::io
