#include "formats/pdf_lines.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>

namespace agencygraph::detail::pdf {
namespace {

double median(std::vector<double> values, double fallback) {
  if (values.empty()) return fallback;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

// The width a line's first unbreakable piece takes, in character heights: a line that stops short
// of the column's edge by less than this was wrapped, since the piece did not fit. Typesetting
// keeps a short bracketed group with its brackets (（场）, (含) …) and closing punctuation with the
// character before it, and does not break a Latin word or a number, so such a piece can leave a gap
// wider than the usual tolerance: 各乡镇 | （场），… was read as two paragraphs.
double leading_piece_width(std::string_view text) {
  const auto length = [](unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; };
  const auto starts_any = [](std::string_view s, std::initializer_list<std::string_view> marks) {
    for (std::string_view mark : marks)
      if (s.starts_with(mark)) return mark.size();
    return std::size_t{0};
  };
  double width = 0;
  std::size_t i = 0;
  if (std::size_t open = starts_any(text, {"（", "(", "〔", "【", "［", "["})) {
    // A group of at most eight characters up to its closing bracket.
    std::size_t j = open;
    for (int chars = 0; j < text.size() && chars <= 8; ++chars) {
      if (std::size_t close = starts_any(text.substr(j), {"）", ")", "〕", "】", "］", "]"})) {
        i = j + close;
        break;
      }
      j += static_cast<std::size_t>(length(static_cast<unsigned char>(text[j])));
    }
  } else {
    while (i < text.size() && ascii_alnum(text[i])) ++i;
  }
  if (i == 0 && !text.empty()) i = static_cast<std::size_t>(length(static_cast<unsigned char>(text[0])));
  // Closing punctuation after it never starts a line either.
  while (std::size_t mark = starts_any(text.substr(std::min(i, text.size())), {"，", "。", "、", "；", "：", "）", "〕", "」", "”"}))
    i += mark;
  for (std::size_t k = 0; k < i && k < text.size(); k += static_cast<std::size_t>(length(static_cast<unsigned char>(text[k]))))
    width += static_cast<unsigned char>(text[k]) < 0x80 ? 0.55 : 1.0;
  return width;
}

}  // namespace

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Text pieces joined as a person reads them: a space where the PDF has one between words of a
// line; none where a line wraps, but between two Latin letters or digits.
//
// Between Latin letters, digits or half-width brackets and Chinese characters, typesetting leaves a narrow gap
// (LibreOffice's and Word's autospacing) that poppler takes for a space; Chinese text has none
// there ("2023年"), so only a gap as wide as half a character counts.
void append_words(std::string& out, const std::vector<const Word*>& words) {
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k > 0) {
      const std::string& before = words[k - 1]->text;
      const std::string& after = words[k]->text;
      const auto ascii = [](char c) { return c > ' ' && static_cast<unsigned char>(c) < 0x7F; };
      const bool latin_meets_chinese =
          (ascii(before.back()) && static_cast<unsigned char>(after.front()) >= 0xE0) ||
          (static_cast<unsigned char>(before.back()) >= 0x80 && ascii(after.front()));
      const double gap = words[k]->left - words[k - 1]->right;
      if (latin_meets_chinese ? gap > 0.5 * words[k]->height()
                              : words[k - 1]->space_after || gap > 0.5 * words[k]->height())
        out += ' ';
    }
    out += words[k]->text;
  }
}
void append_wrapped(std::string& out, std::string_view next) {
  if (!out.empty() && !next.empty() && ascii_alnum(out.back()) && ascii_alnum(next.front())) out += ' ';
  out += next;
}

std::string line_text(const Line& line) {
  std::vector<const Word*> words;
  for (const Word& word : line.words) words.push_back(&word);
  std::string text;
  append_words(text, words);
  return text;
}

// Words into lines: words whose middles lie within one another's height share a line.
std::vector<Line> build_lines(std::vector<Word> words) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.middle_y() < b.middle_y(); });
  std::vector<Line> lines;
  for (Word& word : words) {
    if (lines.empty() || word.middle_y() > lines.back().bottom ||
        lines.back().words.back().middle_y() < word.top) {
      lines.push_back({{}, word.left, word.top, word.right, word.bottom});
    }
    Line& line = lines.back();
    line.left = std::min(line.left, word.left);
    line.right = std::max(line.right, word.right);
    line.top = std::min(line.top, word.top);
    line.bottom = std::max(line.bottom, word.bottom);
    line.words.push_back(std::move(word));
  }
  for (Line& line : lines)
    std::stable_sort(line.words.begin(), line.words.end(), [](const Word& a, const Word& b) { return a.left < b.left; });
  return lines;
}

// Whether text starts with a task or heading number: 61. / 61、 / 一、 / （十七） / (三).
bool starts_task_number(std::string_view text) {
  constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百"};
  const auto numerals = [&](std::string_view& rest) {
    std::size_t count = 0;
    for (bool found = true; found;) {
      found = false;
      for (std::string_view numeral : kNumerals)
        if (rest.starts_with(numeral)) {
          rest.remove_prefix(numeral.size());
          found = true;
          ++count;
        }
    }
    return count > 0;
  };
  while (text.starts_with(' ')) text.remove_prefix(1);
  std::string_view rest = text;
  std::size_t digits = 0;
  while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
    rest.remove_prefix(1);
    ++digits;
  }
  if (digits > 0 && digits <= 4) {
    // 61.深化… is a number; 7698.html, 3.5 are not.
    if (rest.starts_with(".")) return rest.size() == 1 || !ascii_alnum(rest[1]);
    return rest.starts_with("．") || rest.starts_with("、");
  }
  rest = text;
  if (numerals(rest)) return rest.starts_with("、");
  rest = text;
  if (rest.starts_with("（") || rest.starts_with("(")) {
    rest.remove_prefix(rest.starts_with("(") ? 1 : std::string_view("（").size());
    return numerals(rest) && (rest.starts_with("）") || rest.starts_with(")"));
  }
  return false;
}



// The lines of one column as paragraphs (see the header).
std::vector<Paragraph> paragraphs(const std::vector<Line>& lines) {
  std::vector<Paragraph> out;
  if (lines.empty()) return out;
  double left = lines[0].left, right = lines[0].right;
  std::vector<double> heights, steps;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    left = std::min(left, lines[k].left);
    right = std::max(right, lines[k].right);
    heights.push_back(lines[k].height());
    if (k > 0) steps.push_back(lines[k].top - lines[k - 1].top);
  }
  const double height = median(heights, 10);
  // The step from one line of a paragraph to the next: the smallest step of a line's height or more,
  // since on a page of one-line paragraphs most steps are from one paragraph to the next.
  double step = 0;
  for (double s : steps)
    if (s >= 0.8 * height && (step == 0 || s < step)) step = s;
  if (step == 0) step = 1.2 * height;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string next = line_text(lines[k]);
    const bool fresh = lines[k].left > left + 0.8 * height || starts_task_number(next);
    const bool wrapped = k > 0 && (out.back().open || out.back().short_by < (leading_piece_width(next) + 0.5) * height);
    const bool goes_on = wrapped && lines[k].top - lines[k - 1].top <= 1.3 * step && !fresh;
    if (!goes_on) out.push_back({"", false, fresh});
    append_wrapped(out.back().text, next);
    out.back().short_by = right - lines[k].right;
    // A line ending in '/' is a path or address cut where it may be, not a paragraph's end.
    out.back().open = lines[k].right >= right - 2.5 * height || next.ends_with('/');
  }
  return out;
}

}  // namespace agencygraph::detail::pdf
