// Escaping for every text format the writers embed names in: XML (SVG, GraphML), Graphviz strings
// (labels, tooltips, DOT). Names come from scraped web pages and user files, so any of them may hold
// markup, quotes, backslashes or control characters; these functions make them inert.
#pragma once

#include <string>
#include <string_view>

namespace agencygraph::io {

// The text with what XML 1.0 cannot hold removed: C0 controls other than tab, line feed and
// carriage return, U+FFFE/U+FFFF; malformed UTF-8 becomes U+FFFD.
std::string xml_legal(std::string_view text);

// One line of displayable text: xml_legal, then tab/line feed/carriage return and the C1 controls
// become spaces. Labels and tooltips never carry control characters.
std::string single_line(std::string_view text);

// Character data or an attribute value (either quote) for XML: xml_legal, then & < > " ' escaped.
std::string xml_escape(std::string_view text);
// The same, appended to `out` (writers of large files escape into one buffer).
void append_xml_escaped(std::string& out, std::string_view text);

// A Graphviz escString (label, tooltip, id, URL): single_line, backslashes doubled so \N \G \l and
// friends stay literal. `entities` also escapes & as &amp; for plain labels, which Graphviz
// entity-decodes (a literal "&lt;" must not turn into "<").
std::string graphviz_string(std::string_view text, bool entities = false);

// A DOT double-quoted ID. The value is used as given (callers pass escStrings for labels);
// double quotes are escaped and a trailing lone backslash cannot eat the closing quote.
std::string dot_quote(std::string_view value);

}  // namespace agencygraph::io
