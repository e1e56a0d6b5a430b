// The lines a converted file gives the parser, and where each stands in the file.
//
// Every reader in formats/ (DOCX and XLSX here; DOC, XLS and PDF too) builds its Source through a
// LinesBuilder, so that all of them give the parser the same shapes: a paragraph is a line (several
// where it holds line breaks), and a table is laid out on a TableGrid (text/table_lines.hpp, the
// same code that writes an HTML page's tables) and written one TAB-separated line per row, merged
// cells repeated into every row and column they cover. Each line carries its place, as a person
// finds it in the file ("paragraph 17", "table 2, row 5", "Sheet1!C12", "page 3"), which `parse`,
// `check` and the exports print instead of a line number.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/model.hpp"
#include "text/table_lines.hpp"

namespace agencygraph::detail {

// Text from a file, made safe for a line: invalid UTF-8 bytes become U+FFFD, a TAB becomes a space
// (a tab in a paragraph is spacing: kept, it would make the paragraph a table row), control
// characters are dropped, and CR, LF, U+2028 and U+2029 become '\n' (paragraph() ends the line
// there; TableGrid::place() makes it a space).
std::string clean_text(std::string_view raw);

// A file converted to more lines than this is refused: a decomposition has a few thousand, and each
// line costs a place string besides its text, so a package of millions of empty paragraphs (small
// XML elements, packed within the ZIP limits) would otherwise take gigabytes.
constexpr std::size_t kMaxLines = 4'000'000;

class LinesBuilder {
 public:
  // `input_bytes`, the file's size, sets how much merged-cell text may be repeated (linear in it).
  // `max_lines` is kMaxLines but in tests of the limit.
  explicit LinesBuilder(std::size_t input_bytes, std::size_t max_lines = kMaxLines)
      : repeat_budget_(4 * input_bytes + 65536), max_lines_(max_lines) {}

  // A paragraph: one line per '\n'-separated part of clean_text(text), all with `place`. An empty
  // paragraph is an empty line, as in a text file. Throws FormatError naming the place past
  // max_lines lines (so does table()).
  void paragraph(std::string_view text, std::string_view place);

  // A table's lines (table_lines()), each with the place `place_of` names for it. The reader puts
  // clean_text() of each cell's text on the grid: the grid only makes line breaks spaces.
  void table(const TableGrid& grid, const std::function<std::string(const TableLine&)>& place_of);

  // A part of the file that could not be read although the rest was, with its place.
  void warn(std::string warning) { warnings_.push_back(std::move(warning)); }

  std::size_t lines() const { return places_.size(); }

  // The Source: `text` the lines joined by '\n', `places` theirs, format and warnings as given.
  Source finish(std::string path, std::string format) &&;

 private:
  void add_line(std::string_view text, std::string place);

  std::string text_;
  std::vector<std::string> places_;
  std::vector<std::string> warnings_;
  std::size_t repeat_budget_;
  std::size_t max_lines_;
};

}  // namespace agencygraph::detail
