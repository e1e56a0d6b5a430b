// csv_field (agencygraph/io/csv.hpp) appended to a buffer instead of returned: the CSV exports write
// millions of fields, and a string per field (then a stream insertion per field) cost more than the
// formatting itself. Same bytes as csv_field for every input.
#pragma once

#include <string>
#include <string_view>

#include "io/formula_guard.hpp"

namespace agencygraph::io::detail {

inline bool csv_needs_quotes(std::string_view value) {
  for (const char c : value)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

// RFC 4180: quoted only when the field holds a comma, quote, CR or LF; quotes doubled inside.
// Controls made visible and formulas neutralised first, as csv_field does.
inline void append_csv_field(std::string& out, std::string_view raw) {
  std::string fixed;
  std::string_view value = raw;
  if (!raw.empty() && csv_cell_changes(raw)) {
    fixed = csv_cell_text(raw);
    value = fixed;
  }
  if (!csv_needs_quotes(value)) {
    out += value;
    return;
  }
  out += '"';
  for (std::size_t start = 0;;) {
    const std::size_t quote = value.find('"', start);
    if (quote == std::string_view::npos) {
      out += value.substr(start);
      break;
    }
    out += value.substr(start, quote + 1 - start);
    out += '"';  // the quote again
    start = quote + 1;
  }
  out += '"';
}

}  // namespace agencygraph::io::detail
