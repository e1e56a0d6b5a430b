// Stage 2a, finding the tasks: a document's lines and the task or heading number each begins with
// ("61." "61、" "(1)" "(一)" "一、"). Scanned as UTF-8 with only each line's first characters folded;
// document_parser.cpp then reads numbered lines as tasks and headings, and the rest as tables.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "agencygraph/fold.hpp"
#include "utf8_text.hpp"

namespace agencygraph::detail {

// How a line is numbered. Arabic: 1. 1、 1． 1* (any width); ParenArabic: (1) 1) ① ⑴ ⒈;
// CjkComma: 一、; ParenCjk: (一); CjkIs: 一是 (an enumeration inside prose); Bullet: ● ◆ ■ — and a
// Markdown list item, which number nothing (Line::number is the bullet itself).
enum class Numbering { None, Arabic, ParenArabic, CjkComma, ParenCjk, CjkIs, Bullet };

// 一、 and (一) number headings; 1. and (1) number tasks.
inline bool is_heading_numbering(Numbering n) { return n == Numbering::CjkComma || n == Numbering::ParenCjk; }
inline bool is_task_numbering(Numbering n) {
  return n == Numbering::Arabic || n == Numbering::ParenArabic || n == Numbering::CjkIs;
}

struct Line {
  std::uint32_t physical = 0;  // 0-based line of the text it stands on (items numbered inside a line share it)
  std::uint32_t start = 0;  // byte offset of the line's first byte
  ByteRange range;          // trimmed, without the line break; {start, start} when blank
  std::uint32_t content_end = 0;  // the end of the line without its line break, before trimming
  Numbering numbering = Numbering::None;
  ByteRange number;         // the digits / numerals (一是: both characters; a bullet: the bullet)
  std::uint32_t body = 0;   // first byte after the number marker and the spaces after it
  bool blank() const { return range.empty(); }
};

// The lines of `text` (split at \n, a \r before it dropped) with their numbers, read through `folder`
// (a traditional folder reads 兩、 as a number). In a line without a number, items numbered after a
// full stop or a semicolon (…提出如下措施。1.对…。2.对…) start lines of their own when their numbers
// follow on from 1.
std::vector<Line> split_lines(std::string_view text, const Folder& folder);

// The line that would start at byte `at` inside `line` had a line break stood before it: from `at`
// to the line's end, its number read as split_lines() reads one.
Line line_from(std::string_view text, const Folder& folder, const Line& line, std::uint32_t at);

// The value of a line's task number: 12 for 12. or (12), 3 for (三); 0 for none, a number of levels
// (1.2), a bullet, or a numeral past 九十九.
long number_value(std::string_view text, const Line& line);

// Text copied from a web page often prints an empty line after every paragraph, table cells
// included. When every pair of neighbouring lines is so separated, those single empty lines say
// nothing: one empty line of each run is dropped, so that cells, labels and their values are
// neighbours again (a run of several still leaves an empty line).
void drop_interleaved_blank_lines(std::vector<Line>& lines);

}  // namespace agencygraph::detail
