#include "lines.hpp"

#include <cstring>
#include <optional>

#include <string>
#include <string_view>

#include "u32.hpp"
#include "utf8_text.hpp"

namespace agencygraph::detail {
namespace {

// Circled and parenthesised numbers as one character: ①-⑳, ⑴-⒇, ⒈-⒛.
bool is_enclosed_number(char32_t c) { return c >= 0x2460 && c <= 0x249B; }

// Bullets that open a list item in place of a number.
bool is_bullet(char32_t c) {
  if (c < 0x2022 || c > 0x27A2) return false;  // every bullet is in this range: ideographs are not
  return std::u32string_view(U"●◆■▲►•◇□○★☆▪▶◎※▸◼❖➢").find(c) != std::u32string_view::npos;
}

// The longest run of digits read as a task number: wider runs are figures, not numbers.
constexpr int kMaxArabicDigits = 9;

// A number of levels at `begin` (1.2, 1.2.3: up to three levels of one or two digits joined by
// full stops), closed by a space, 、 or a full stop, as tasks numbered under numbered sections print
// it: where the number ends and where the text after its closing mark starts. A figure (3.5亿元,
// 2023.01, 1.5万) is not closed so; a line opening with "3.5 亿元" is at worst a paragraph without
// an annotation.
struct MultilevelNumber {
  std::uint32_t end = 0;
  std::uint32_t body = 0;
};
std::optional<MultilevelNumber> read_multilevel_number(std::string_view text, const Folder& folder, ByteRange r,
                                                       std::uint32_t begin) {
  std::uint32_t i = begin;
  for (int levels = 1; levels <= 3; ++levels) {
    int digits = 0;
    while (i < r.end && text[i] >= '0' && text[i] <= '9' && digits <= 2) {
      ++i;
      ++digits;
    }
    if (digits == 0 || digits > 2) return std::nullopt;
    std::uint32_t after = i;
    const char32_t next = i < r.end ? folder.next(text, after, r.end) : U'\0';
    const bool digit_after = after < r.end && text[after] >= '0' && text[after] <= '9';
    if (next == U'.' && digit_after) {
      i = after;
      continue;
    }
    const bool closed = next == U' ' || next == U'\t' || next == U'、' || next == U'.';
    if (levels < 2 || !closed) return std::nullopt;
    return MultilevelNumber{i, next == U' ' || next == U'\t' ? i : after};
  }
  return std::nullopt;
}

// Reads a task or heading number at the start of a line: "61." "61、" "61)" "(1)" "①" "(一)" "一、"
// "一是", or a bullet. A Markdown list marker ("- ", "* ") and bold markers ("**") before it are
// skipped: "- **(一) 标题**" is numbered (一).
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
  char32_t c = peek(i, after);
  // Markdown: a list marker followed by a space, then bold markers.
  std::uint32_t markdown_bullet = r.end;
  if ((c == U'-' || c == U'*' || c == U'+') && after < r.end && (text[after] == ' ' || text[after] == '\t')) {
    markdown_bullet = i;
    i = trim_bytes(folder, text, {after, r.end}).begin;
    c = peek(i, after);
  }
  while (c == U'*' && after < r.end && text[after] == '*') {
    i = trim_bytes(folder, text, {after + 1, r.end}).begin;
    if (i >= r.end) return;
    c = peek(i, after);
  }
  auto set = [&](Numbering numbering, ByteRange number, std::uint32_t body_from) {
    line.numbering = numbering;
    line.number = number;
    // Bold markers closing the number ("**(七)**") are not the body's.
    std::uint32_t b = trim_bytes(folder, text, {body_from, r.end}).begin;
    while (b + 1 < r.end && text[b] == '*' && text[b + 1] == '*') b = trim_bytes(folder, text, {b + 2, r.end}).begin;
    line.body = b;
  };
  if (is_enclosed_number(c)) return set(Numbering::ParenArabic, {i, after}, after);
  if (is_bullet(c) || c == U'—') {
    std::uint32_t end = after;
    if (c == U'—') {  // a dash bullet is one or two em dashes
      std::uint32_t next = 0;
      if (end < r.end && peek(end, next) == U'—') end = next;
    }
    return set(Numbering::Bullet, {i, end}, end);
  }
  const bool paren = is_open_bracket(c);
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
  const bool numbered = length > 0 && length <= (arabic ? kMaxArabicDigits : 4) && i < r.end;
  if (!numbered) {
    if (markdown_bullet < r.end) set(Numbering::Bullet, {markdown_bullet, markdown_bullet + 1}, markdown_bullet + 1);
    return;
  }
  const char32_t mark = peek(i, after);
  std::uint32_t next = 0;
  const bool digit_follows = after < r.end && is_digit(peek(after, next));
  if (paren) {
    if (!is_close_bracket(mark)) return;
    return set(arabic ? Numbering::ParenArabic : Numbering::ParenCjk, {number_begin, number_end}, after);
  }
  if (arabic) {
    if (digit_follows) {
      // "1.2 " "1.2.3、": a number of levels; "3.5亿元", "2023.01": a figure, not a task number.
      if (mark == U'.')
        if (const std::optional<MultilevelNumber> levels = read_multilevel_number(text, folder, r, number_begin))
          return set(Numbering::Arabic, {number_begin, levels->end}, levels->body);
      return;
    }
    if (mark == U'.' || mark == U'、' || mark == U'．' || mark == U'*')
      return set(Numbering::Arabic, {number_begin, number_end}, after);
    if (mark == U')') return set(Numbering::ParenArabic, {number_begin, number_end}, after);
    // A zero-padded number and a space before the text (01 项目名称:…), as a list of projects prints
    // it: a year or a figure is never zero-padded.
    if (mark == U' ' && length >= 2 && text[number_begin] == '0' && !digit_follows)
      return set(Numbering::Arabic, {number_begin, number_end}, after);
    return;
  }
  if (mark == U'、') return set(Numbering::CjkComma, {number_begin, number_end}, after);
  if (mark == U'是' && length <= 2) return set(Numbering::CjkIs, {number_begin, after}, after);
}

}  // namespace

namespace {

// Where, after `from` in line's range, an item numbered `expected` starts after a full stop or
// semicolon ("。2." "；2、"); line.range.end when none does.
std::uint32_t next_inline_item(std::string_view text, const Line& line, std::uint32_t from, long expected) {
  const std::string digits = std::to_string(expected);
  // Candidates are found by the number's first digit (memchr), then checked around it.
  for (std::uint32_t at = from; at < line.range.end; ++at) {
    const void* hit = std::memchr(text.data() + at, digits[0], line.range.end - at);
    if (!hit) break;
    at = static_cast<std::uint32_t>(static_cast<const char*>(hit) - text.data());
    if (text.compare(at, digits.size(), digits) != 0) continue;
    const std::uint32_t mark = at + static_cast<std::uint32_t>(digits.size());
    const bool dot = mark < line.range.end && (text[mark] == '.' || text.compare(mark, 3, "、") == 0 ||
                                               text.compare(mark, 3, "．") == 0);
    if (!dot) continue;
    const std::uint32_t next = mark + (text[mark] == '.' ? 1 : 3);
    if (next < line.range.end && text[next] >= '0' && text[next] <= '9') continue;  // 2.5亿元
    std::uint32_t before = at;
    while (before > line.range.begin && text[before - 1] == ' ') --before;
    const std::string_view head = text.substr(line.range.begin, before - line.range.begin);
    if (head.ends_with("。") || head.ends_with("；") || head.ends_with(";")) return at;
  }
  return line.range.end;
}

// A line this long that holds (一) and then (二) is a page whose line breaks were lost (the text
// layer of a PDF copied as one line): its numbered headings and items run together.
constexpr std::uint32_t kRunTogetherLine = 300;

// (一) … (九十九): beyond, a run-together page's numbers are not looked for.
constexpr long kMostRunTogetherHeadings = 99;

// 一 … 九十九, the numbers of a list's headings.
std::string cjk_numeral(long n) {
  static constexpr std::string_view kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return std::string(kDigits[n]);
  std::string out = n >= 20 ? std::string(kDigits[n / 10]) : std::string();
  out += "十";
  out += kDigits[n % 10];
  return out;
}

// Where, after `from` in line's range, "(N)" or "（N）" with N the Chinese numeral `expected` stands;
// line.range.end when nowhere.
std::uint32_t find_paren_numeral(std::string_view text, const Line& line, std::uint32_t from, long expected) {
  const std::string numeral = cjk_numeral(expected);
  for (std::string_view open : {"(", "（"}) {
    for (std::string_view close : {")", "）"}) {
      const std::string marker = std::string(open) + numeral + std::string(close);
      const std::size_t at = text.substr(0, line.range.end).find(marker, from);
      if (at != std::string_view::npos) return static_cast<std::uint32_t>(at);
    }
  }
  return line.range.end;
}

// Where, after `from` in line's range, the top heading "N、" (N the Chinese numeral `expected`) of a
// run-together page stands: after a full stop, a colon, a semicolon or a closing bracket, as a
// heading glued to the end of the text before it does (…按职责分工负责）二、切实减轻…). A lone 一、 is
// no list. line.range.end when nowhere.
std::uint32_t next_glued_heading(std::string_view text, const Line& line, std::uint32_t from, long expected) {
  if (expected > kMostRunTogetherHeadings) return line.range.end;
  const std::string marker = cjk_numeral(expected) + "、";
  const std::string_view body = text.substr(0, line.range.end);
  for (std::size_t at = body.find(marker, from); at != std::string_view::npos; at = body.find(marker, at + 1)) {
    const std::string_view before = text.substr(line.range.begin, at - line.range.begin);
    bool glued = false;
    for (std::string_view end : {"。", "）", ")", "：", ":", "；", ";"}) glued = glued || before.ends_with(end);
    if (!glued) continue;
    if (expected == 1 && next_glued_heading(text, line, static_cast<std::uint32_t>(at + marker.size()), 2) == line.range.end)
      return line.range.end;
    return static_cast<std::uint32_t>(at);
  }
  return line.range.end;
}

// The next heading of a run-together list in `line` after `from`: the expected number, or a list
// starting again at (一) that goes on to (二). line.range.end when none.
std::uint32_t next_run_together_heading(std::string_view text, const Line& line, std::uint32_t from, long& expected) {
  if (expected > kMostRunTogetherHeadings) return line.range.end;
  const std::uint32_t next = find_paren_numeral(text, line, from, expected);
  const std::uint32_t again = expected > 1 ? find_paren_numeral(text, line, from, 1) : line.range.end;
  if (again < next && find_paren_numeral(text, line, again, 2) < line.range.end) {
    expected = 1;
    return again;
  }
  if (expected == 1 && (next == line.range.end || find_paren_numeral(text, line, next, 2) == line.range.end))
    return line.range.end;  // a lone (一) is no list
  return next;
}

}  // namespace

Line line_from(std::string_view text, const Folder& folder, const Line& line, std::uint32_t at) {
  Line item = line;
  item.start = at;
  item.range = {at, line.range.end};
  item.numbering = Numbering::None;
  read_numbering(text, folder, item);
  return item;
}

long number_value(std::string_view text, const Line& line) {
  const std::string_view number = text.substr(line.number.begin, line.number.size());
  if (line.numbering == Numbering::Arabic || line.numbering == Numbering::ParenArabic) {
    long value = 0;
    for (char c : number) {
      if (c < '0' || c > '9' || value > 99999) return 0;
      value = value * 10 + (c - '0');
    }
    return value;
  }
  if (line.numbering == Numbering::ParenCjk || line.numbering == Numbering::CjkComma)
    for (long n = 1; n <= kMostRunTogetherHeadings; ++n)
      if (cjk_numeral(n) == number) return n;
  return 0;
}

std::vector<Line> split_lines(std::string_view text, const Folder& folder) {
  std::vector<Line> lines;
  // Room for lines of 16 bytes on average, beyond what text has: growing by doubling held the old
  // and the new array at once (a large document's lines take a fifth of its text), while the pages of
  // a reservation that are never written never take memory.
  lines.reserve(text.size() / 16 + 16);
  const auto size = static_cast<std::uint32_t>(text.size());
  std::uint32_t physical = 0;
  for (std::uint32_t start = 0;; ++physical) {
    const void* newline = std::memchr(text.data() + start, '\n', size - start);
    const auto end = newline ? static_cast<std::uint32_t>(static_cast<const char*>(newline) - text.data()) : size;
    Line line;
    line.physical = physical;
    line.start = start;
    const std::uint32_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
    line.content_end = content_end;
    line.range = trim_bytes(folder, text, {start, content_end});  // spaces fold alike either way
    if (line.range.empty()) line.range = {start, start};
    read_numbering(text, folder, line);
    // The line ends at `at`, and what follows is a line of its own.
    auto split_at = [&](std::uint32_t at) {
      Line item = line;
      line.content_end = at;
      line.range.end = trim_bytes(folder, text, {line.range.begin, at}).end;
      lines.push_back(line);
      item.start = at;
      item.range = {at, item.range.end};
      item.numbering = Numbering::None;
      read_numbering(text, folder, item);
      line = item;
    };
    // Items numbered inside a line that has no number of its own (…提出如下措施。1.对…。2.对…), each a
    // line of its own. (A numbered line is a task; one holding the next task too is rare.)
    long expected = line.numbering == Numbering::None ? 1 : 0;
    for (std::uint32_t at; expected > 0 && (at = next_inline_item(text, line, line.range.begin, expected)) < line.range.end;
         ++expected)
      split_at(at);
    // Headings run together in a page that lost its line breaks: each (N) starts a line.
    // Top headings (一、) glued to the text before them start a line too.
    if (line.numbering == Numbering::None && line.range.size() > kRunTogetherLine) {
      long heading = 1, top = 1;
      while (true) {
        long paren_number = heading;
        const std::uint32_t paren = next_run_together_heading(text, line, line.range.begin + 1, paren_number);
        const std::uint32_t glued = next_glued_heading(text, line, line.range.begin + 1, top);
        if (glued < paren) {
          split_at(glued);
          ++top;
        } else if (paren < line.range.end) {
          split_at(paren);
          heading = paren_number + 1;
        } else {
          break;
        }
      }
    }
    lines.push_back(line);
    if (!newline) break;
    start = end + 1;
  }
  return lines;
}

void drop_interleaved_blank_lines(std::vector<Line>& lines) {
  // Not when two lines of text touch anywhere (lines split where an item is numbered inside one
  // aside): such a text uses its empty lines, as a table one cell per line whose cells hold
  // several lines does to end a cell.
  std::size_t neighbours = 0;  // pairs of neighbouring lines of text, an empty line between
  const Line* previous = nullptr;
  bool blank_before = false;
  for (const Line& line : lines) {
    if (line.blank()) {
      blank_before = true;
      continue;
    }
    if (previous && !blank_before && previous->physical != line.physical) return;
    if (previous) ++neighbours;
    previous = &line;
    blank_before = false;
  }
  constexpr std::size_t kFewestPairs = 3;
  if (neighbours < kFewestPairs) return;
  std::size_t kept = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    // The first empty line of each run goes.
    if (lines[k].blank() && (k == 0 || !lines[k - 1].blank())) continue;
    lines[kept++] = lines[k];
  }
  lines.resize(kept);
}

}  // namespace agencygraph::detail
