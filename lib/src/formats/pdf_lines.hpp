// PDF words -> lines -> paragraphs: how the reader (pdf_reader.hpp) joins poppler's words with their
// positions into the text a person reads.
// - Words whose middles lie within one another's height share a line.
// - Words of a line are joined with a space where the PDF has one, and none between Chinese
//   characters and Latin letters or digits unless the gap is as wide as half a character.
// - A line that runs to the column's right edge goes on in the next one (a wrapped line, joined
//   without a space but between Latin letters or digits), unless an indent, a wider step or a task
//   number (61. / 一、 / （十七）) starts a new paragraph. A line stopping short of the edge by less
//   than the next line's first unbreakable piece (a short bracketed group such as （场）, a Latin
//   word, closing punctuation with the character before it) also goes on: the piece did not fit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace agencygraph::detail::pdf {

struct Word {
  std::string text;
  double left = 0, top = 0, right = 0, bottom = 0;
  bool space_after = false;
  double height() const { return bottom - top; }
  double middle_x() const { return (left + right) / 2; }
  double middle_y() const { return (top + bottom) / 2; }
};

struct Line {
  std::vector<Word> words;  // left to right
  double left = 0, top = 0, right = 0, bottom = 0;
  double height() const { return bottom - top; }
};

// A paragraph of body text, and whether it may go on in the next column or page: its last line
// ran to the column's edge (open), and whether its first line cannot go on from one before
// (indented, or starting with a number).
struct Paragraph {
  std::string text;
  bool open = false, fresh = false;
  double short_by = 0;  // how far its last line stops before the column's right edge
};

// Whether c is an ASCII letter or digit.
bool ascii_alnum(char c);

// Appends the words of one line (left to right), joined as described above.
void append_words(std::string& out, const std::vector<const Word*>& words);
// Appends the text of a wrapped line's continuation.
void append_wrapped(std::string& out, std::string_view next);
// A line's words joined.
std::string line_text(const Line& line);

// Words into lines, top to bottom, each line's words left to right.
std::vector<Line> build_lines(std::vector<Word> words);

// Whether text starts with a task or heading number: 61. / 61、 / 一、 / （十七） / (三).
bool starts_task_number(std::string_view text);

// The lines of one column, top to bottom, as paragraphs.
std::vector<Paragraph> paragraphs(const std::vector<Line>& lines);

}  // namespace agencygraph::detail::pdf
