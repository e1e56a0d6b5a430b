#include "lines.hpp"

#include <cstring>

#include "u32.hpp"

namespace agencygraph::detail {
namespace {

// Reads a task or heading number at the start of a line: "61." "61、" "(1)" "(一)" "一、".
void read_numbering(std::string_view text, const Folder& folder, Line& line) {
  const ByteRange r = line.range;
  std::uint32_t i = r.begin;
  if (i >= r.end) return;
  // The folded character at i, and the offset after it.
  auto peek = [&](std::uint32_t at, std::uint32_t& after) {
    after = at;
    return folder.next(text, after, r.end);
  };
  std::uint32_t after = 0;
  const bool paren = is_open_bracket(peek(i, after));
  if (paren) i = after;
  const std::uint32_t number_begin = i;
  auto read_run = [&](bool (*is_numeral)(char32_t)) {
    int count = 0;
    while (i < r.end && is_numeral(peek(i, after))) {
      i = after;
      ++count;
    }
    return count;
  };
  bool arabic = true;
  int length = read_run(is_digit);
  if (length == 0) {
    arabic = false;
    length = read_run(is_cjk_digit);
  }
  const std::uint32_t number_end = i;
  if (length == 0 || length > 4) return;
  if (i >= r.end) return;
  const char32_t mark = peek(i, after);
  if (paren) {
    if (!is_close_bracket(mark)) return;
    line.numbering = arabic ? Numbering::ParenArabic : Numbering::ParenCjk;
  } else if (arabic) {
    if (mark != U'.' && mark != U'、' && mark != U'．') return;
    std::uint32_t next = 0;
    if (after < r.end && is_digit(peek(after, next))) return;  // "3.5亿元" is a number, not a task
    line.numbering = Numbering::Arabic;
  } else {
    if (mark != U'、') return;
    line.numbering = Numbering::CjkComma;
  }
  line.number = {number_begin, number_end};
  line.body = trim_bytes(folder, text, {after, r.end}).begin;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text, const Folder& folder) {
  std::vector<Line> lines;
  const auto size = static_cast<std::uint32_t>(text.size());
  for (std::uint32_t start = 0;;) {
    const void* newline = std::memchr(text.data() + start, '\n', size - start);
    const auto end = newline ? static_cast<std::uint32_t>(static_cast<const char*>(newline) - text.data()) : size;
    Line line;
    line.start = start;
    const std::uint32_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
    line.content_end = content_end;
    line.range = trim_bytes(folder, text, {start, content_end});  // spaces fold alike either way
    if (line.range.empty()) line.range = {start, start};
    read_numbering(text, folder, line);
    lines.push_back(line);
    if (!newline) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace agencygraph::detail
