// Cells that a spreadsheet must show as text, not evaluate. Excel and LibreOffice read a CSV or TSV
// cell that starts with = + - @ (or TAB or CR) as a formula: a name scraped from a web page could
// then compute, link or run something when a researcher opens the file. OWASP ("CSV Injection")
// recommends prefixing such a cell with an apostrophe, which both programs show as text.
#pragma once

#include <string>
#include <string_view>

namespace agencygraph::io {

// Whether a spreadsheet would read a cell holding `value` as a formula: it starts with = + - @,
// TAB or CR, possibly after apostrophes (see append_formula_guarded).
bool needs_formula_guard(std::string_view value);

// Appends `value`, prefixed with one apostrophe when needs_formula_guard(value). A value that
// starts with apostrophes before = + - @ gets one more, so that without_formula_guard gives back
// exactly the value written: "=1" is written '=1, "'=1" is written ''=1.
void append_formula_guarded(std::string& out, std::string_view value);
std::string formula_guarded(std::string_view value);

// Whether `value` is a plain decimal number ("-3", "+0.25", "1e-6"): a spreadsheet reads it as
// that number, never as a formula, so CSV cells of numbers (negative changes) stay numbers.
bool is_plain_number(std::string_view value);

// The text of a CSV cell for `value` (every CSV writer's fields go through it): the control
// characters other than TAB, CR and LF (and DEL) written as \xNN, since a raw ESC or NUL in a
// spreadsheet cell is never data; then guarded (append_formula_guarded) unless a plain number.
// Values that need neither come back unchanged (csv_cell_changes says which).
bool csv_cell_changes(std::string_view value);
std::string csv_cell_text(std::string_view value);

// Reverses append_formula_guarded: the value without the apostrophe it added, if it added one.
std::string_view without_formula_guard(std::string_view cell);

}  // namespace agencygraph::io
