// CSV as RFC 4180 describes it, for the CSV outputs (rank, exports): comma-separated fields, CRLF
// line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled inside quotes.
// Files start with a UTF-8 byte order mark so that Excel opens Chinese text as UTF-8.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::io {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// One field, quoted only when it needs to be; controls made visible and formulas neutralised first
// (csv_cell_text in formula_guard.hpp: OWASP's advice against CSV injection).
std::string csv_field(std::string_view value);

// The fields, escaped, separated by commas and ended by CRLF.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace agencygraph::io
