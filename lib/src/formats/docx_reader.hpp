// Word documents (.docx) -> the lines the parser reads ([ECMA-376] Part 1, WordprocessingML).
//
// The body's paragraphs in order, each one line ("paragraph N"; a line break in it starts another
// line of the same place), with its automatic list number drawn in front (docx_numbering.hpp), text
// of tracked insertions kept and of deletions dropped, tabs made spaces, hidden text, field codes,
// drawings and text boxes left out. A table becomes one TAB-separated line per row ("table T, row
// R", tables counted in document order), its merged cells (w:gridSpan across, w:vMerge down)
// repeated into every slot they cover, through the same table_lines() as HTML tables. A table
// holding tables is page layout, as in HTML: its cells are read as paragraphs and the tables
// inside them as tables, nested at most kMaxTableDepth deep. Headers, footers, footnotes and
// comments are not read: tasks are in the body.
#pragma once

#include <cstddef>
#include <string>

#include "agencygraph/model.hpp"

namespace agencygraph::detail {

class OoxmlPackage;

constexpr int kMaxTableDepth = 16;            // tables in tables in …: deeper is refused
constexpr std::size_t kMaxTableRows = 100000;  // rows of one table: more is refused

// The package's main part read as a Word document. `file_bytes` is the file's size (it bounds how
// much merged-cell text is repeated). Throws FormatError for a part that cannot be read, a table
// nested too deep or too long.
Source read_docx(const std::string& path, OoxmlPackage& package, std::size_t file_bytes);

}  // namespace agencygraph::detail
