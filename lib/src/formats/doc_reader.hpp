// Word 97-2003 documents (.doc, also what WPS Office writes) -> the lines the parser reads, as the
// .docx reader gives them: body paragraphs ("paragraph N") and tables, one TAB-separated line per
// row ("table T, row R"), merged cells repeated into every slot they cover through the same
// table_lines() as HTML and DOCX tables.
//
// The text is read as [MS-DOC] stores it, with no office suite: the File Information Block (FIB)
// at the start of the WordDocument stream says which table stream (0Table or 1Table) holds the
// piece table (CLX), and the piece table maps the main document's characters to runs of bytes in
// WordDocument, each either 8-bit ("compressed": Windows-1252) or UTF-16LE. Paragraph properties
// (the PAPX pages the FIB's PlcBtePapx points to) tell a table's paragraphs and its row ends from
// body paragraphs, and a row end's table definition (sprmTDefTable) gives each cell's left and
// right edge, from which cells spanning several columns and cells merged down several rows are
// laid out. Field instructions (between 0x13 and 0x14) are left out, their results kept.
//
// Automatic list numbers are drawn in front of their paragraphs (doc_lists.hpp: the list tables;
// doc_styles.hpp: numbering a paragraph has through its style), as the .docx reader draws them.
#pragma once

#include <string>
#include <string_view>

#include "agencygraph/model.hpp"

namespace agencygraph::detail {

class CompoundFile;

// The document in `file` (a compound file with a WordDocument stream). Throws FormatError for an
// encrypted document, a Word 6/95 one, or a damaged FIB or piece table.
Source read_doc(const std::string& path, const CompoundFile& file, std::string_view bytes);

}  // namespace agencygraph::detail
