// PDF files with a text layer -> the lines the parser reads, through poppler-cpp's words with
// their positions (page::text_list()). No OCR: a page without text (a scan) is reported.
//
// Per page, in reading order:
// - a task table is found by its header row (a line holding 序号 and a role column: 牵头, 责任,
//   配合, 主办, 协办); its columns are the header's words (words stacked over several header
//   lines in one column, 责任单位 over 牵头单位 | 配合单位 read as a header spanning two columns),
//   divided where no word of the table's rows crosses; a row starts at a line with text in the
//   first column, and the lines below it down to the next such line are its wrapped cell text; a
//   line across the columns is a section heading in the table. A table open at the end of a page
//   goes on at the top of the next one while the lines there fit its columns, under its header
//   again where the page repeats it.
// - a ruled table's rules (formats/pdf_rules.hpp) bound its cells: where the first column has a
//   rule between two rows and another column none, that column's cell is merged down over both,
//   and its text is the value of every row it covers, as HTML's rowspan. At a page break, where
//   Word and LibreOffice draw the rules whether or not a cell goes on, a box at the top of the
//   page merged over two rows or more and holding no text goes on from the cell above it. A
//   table without rules reads as printed: an empty cell stays empty.
// - the rest of the page is read by columns: two columns are found by a vertical gap no word
//   crosses near the middle of the page, and read left, then right, between lines across both.
// - the lines of a column are joined into paragraphs as a person reads them (formats/pdf_lines.hpp):
//   a line that runs to the column's right edge, or stops short of it by less than the next line's
//   first unbreakable piece, goes on in the next one, unless a wider gap, an indent or a task
//   number (61. / 一、 / （十七）) starts a new paragraph.
// Every line's place is its page: "p.3".
#pragma once

#include <string>
#include <string_view>

#include "agencygraph/model.hpp"

namespace agencygraph::detail {

// Pages beyond this are refused: decomposition attachments have tens.
constexpr int kMaxPdfPages = 5000;

// The PDF in `bytes`. Throws FormatError for an encrypted (password) or damaged PDF, and for one
// with no text on any page; a page without text is a warning naming the page.
Source read_pdf(const std::string& path, std::string_view bytes);

}  // namespace agencygraph::detail
