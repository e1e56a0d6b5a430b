// Text for a person's eyes: terminal tables, messages on stderr, SVG labels, the HTML report. Names
// and file names come from scraped pages and untrusted files; written raw, an ESC starts a terminal
// escape sequence (recolour, move the cursor, retitle the window) and a bidirectional control
// (U+202E RIGHT-TO-LEFT OVERRIDE) makes "局财政" read as something else. Data formats (JSON, GraphML,
// GEXF) keep the characters; what a person reads shows them as inert escapes instead.
#pragma once

#include <string>
#include <string_view>

namespace agencygraph::io {

// Whether `c` is a bidirectional formatting character: U+061C, U+200E, U+200F, U+202A..U+202E,
// U+2066..U+2069.
bool is_bidi_control(char32_t c);

// The text with C0 controls (tab, and line feed when `keep_newlines`, excepted), DEL and the C1
// controls written as \xNN (\x1b for ESC), bidirectional controls as \u202E, and bytes of malformed
// UTF-8 as \xNN; everything else as it was. A text without them comes back unchanged.
std::string visible_text(std::string_view text, bool keep_newlines = false);

// Whether visible_text would change `text` (cheap check for the common case).
bool needs_visible_text(std::string_view text, bool keep_newlines = false);

}  // namespace agencygraph::io
