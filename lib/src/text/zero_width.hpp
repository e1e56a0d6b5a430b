// Zero-width spaces and joiners: invisible characters a web page's editor or a copy leaves in
// text (after 、 in a list, inside a name). A reader never sees them, so the parser must not either:
// kept, they made 市民政局 and 市民政局 after U+200B two agencies, and a space in a table's cell.
#pragma once

#include <string>

namespace agencygraph::detail {

// Whether code point c is one of them: U+200B ZERO WIDTH SPACE, U+200C ZERO WIDTH NON-JOINER,
// U+200D ZERO WIDTH JOINER, U+2060 WORD JOINER. (A BOM inside the text, U+FEFF, is read as a space;
// bidirectional controls are data and are kept, escaped where a person reads them.)
inline bool is_zero_width(char32_t c) { return (c >= 0x200B && c <= 0x200D) || c == 0x2060; }

// Removes them from UTF-8 text, in place. Their encodings all start E2 80 or E2 81, and only the
// few E2 bytes of a text (quotes, dashes) are looked at.
void drop_zero_width_characters(std::string& utf8);

}  // namespace agencygraph::detail
