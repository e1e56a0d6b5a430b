#include "formats/pdf_reader.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "formats/format_error.hpp"
#include "formats/lines_builder.hpp"
#include "formats/pdf_lines.hpp"
#include "formats/pdf_rules.hpp"

namespace agencygraph::detail {
namespace {

using pdf::append_words;
using pdf::append_wrapped;
using pdf::build_lines;
using pdf::Line;
using pdf::line_text;
using pdf::Paragraph;
using pdf::paragraphs;
using pdf::Word;

// The step of a scan for a gap from `from` to `to`: `step` points, but never more than kMostScanPositions
// positions, so that the scan takes bounded time on a page whose words stand far apart (a hostile
// file's coordinates run to 1e300, where adding a point to x no longer moves it). Real pages and
// tables are a few hundred points wide: their scans keep `step`.
constexpr double kMostScanPositions = 4096;
double scan_step(double from, double to, double step) { return std::max(step, (to - from) / kMostScanPositions); }

// Two columns: the x of a vertical gap no word crosses (but a few across both columns), with text
// running up to it on the left; std::nullopt for a page of one column.
std::optional<double> column_gap(const std::vector<Word>& words) {
  if (words.size() < 20) return std::nullopt;
  double left = words[0].left, right = words[0].right;
  for (const Word& word : words) {
    left = std::min(left, word.left);
    right = std::max(right, word.right);
  }
  const double width = right - left;
  if (!std::isfinite(width) || width < 200) return std::nullopt;
  std::size_t best_crossing = words.size();
  double best_begin = 0, best_end = 0;
  double run_begin = -1;
  const double from = left + 0.3 * width, to = left + 0.7 * width, step = scan_step(from, to, 1);
  for (double x = from; x <= to; x += step) {
    std::size_t crossing = 0;
    for (const Word& word : words) crossing += word.left < x && word.right > x;
    if (crossing < best_crossing) {
      best_crossing = crossing;
      best_begin = best_end = run_begin = x;
    } else if (crossing == best_crossing && run_begin >= 0 && x - best_end <= 1.01 * step) {
      best_end = x;
    } else {
      run_begin = -1;
    }
  }
  if (best_end - best_begin < 6 || best_crossing > std::max<std::size_t>(2, words.size() / 50)) return std::nullopt;
  const double gap = (best_begin + best_end) / 2;
  std::vector<Word> left_words;
  std::size_t right_count = 0;
  for (const Word& word : words) {
    if (word.right <= gap) left_words.push_back(word);
    right_count += word.left >= gap;
  }
  if (left_words.size() < words.size() / 4 || right_count < words.size() / 4) return std::nullopt;
  const std::vector<Line> lines = build_lines(std::move(left_words));
  std::size_t full = 0;
  for (const Line& line : lines) full += line.right >= best_begin - 3 * line.height();
  if (full * 5 < lines.size() * 2) return std::nullopt;  // the left side is no column of running text
  return gap;
}

// ---- tables ----

bool is_header(const std::string& text) {
  std::string compact;
  for (char c : text)
    if (c != ' ') compact += c;
  if (compact.find("序号") == std::string::npos) return false;
  for (const char* role : {"牵头", "责任", "配合", "主办", "协办", "承办"})
    if (compact.find(role) != std::string::npos) return true;
  return false;
}

struct TableRow {
  std::vector<std::string> cells;  // by column; one cell across all for a section heading
  std::vector<double> line_right;  // by column: where the cell's last line ends
  // By column: the row whose cell covers this one, the row itself or, where the rules show no
  // border between them, the row above in which a cell merged down over this one starts. The
  // merged cell's text, wherever in its box it stands, is its first row's.
  std::vector<std::size_t> owner;
  bool heading = false;
  bool after_page_break = false;  // the first row of a page, below the rules drawn at the break
  int page = 0;
};

// How far a rule between two rows may lie inside a text box of either (boxes reach from the
// font's ascent to its descent), in line heights.
constexpr double kRuleSlack = 0.25;

// A table found on a page, possibly going on over the next pages.
struct PdfTable {
  std::vector<double> bounds;                   // between columns: bounds[i] ends column i
  std::vector<double> content_right;            // by column: the right edge of its widest line
  std::vector<double> seen_left, seen_right;    // by column: the extent of the words placed in it
  std::vector<bool> closed_below;               // by column: a rule under the last line on the page before
  double left = 0, right = 0;                   // the table's extent
  std::vector<std::vector<std::string>> header;  // header[line][column]
  int header_page = 0;
  std::vector<TableRow> rows;

  std::size_t columns() const { return bounds.size() + 1; }
  std::size_t column_of(double x) const {
    return static_cast<std::size_t>(std::upper_bound(bounds.begin(), bounds.end(), x) - bounds.begin());
  }
  bool crosses(const Word& word) const {
    const double tolerance = 0.2 * word.height();
    for (double bound : bounds)
      if (word.left < bound - tolerance && word.right > bound + tolerance) return true;
    return false;
  }
  bool fits(const Line& line) const {
    if (line.left < left - 2 * line.height() || line.right > right + 2 * line.height()) return false;
    return std::none_of(line.words.begin(), line.words.end(), [this](const Word& w) { return crosses(w); });
  }

  // Whether a horizontal rule with its y in [top, bottom] runs across the middle half of column
  // c's text: a border between two of its cells does, an underline under a name mostly not.
  bool rule_across(const PageRules& rules, double top, double bottom, std::size_t c) const {
    double from = c == 0 ? left : bounds[c - 1], to = c + 1 == columns() ? right : bounds[c];
    if (seen_left[c] <= seen_right[c]) {
      from = seen_left[c];
      to = seen_right[c];
    }
    const double middle = (from + to) / 2, quarter = (to - from) / 4;
    const auto first = std::lower_bound(rules.horizontal.begin(), rules.horizontal.end(), top,
                                        [](const Rule& rule, double y) { return rule.at < y; });
    for (auto rule = first; rule != rules.horizontal.end() && rule->at <= bottom; ++rule)
      if (rule->from <= middle - quarter && rule->to >= middle + quarter) return true;
    return false;
  }

  // Adds the page's lines [begin, end) as rows: a line with text in the first column starts a row,
  // lines without go on in the row above; a line across the columns is a section heading. In a
  // ruled table a rule across the first column starts a row too, and a cell with no rule above
  // it, where the first column has one, goes on in the cell above (merged down, see TableRow).
  void add_lines(const std::vector<Line>& lines, std::size_t begin, std::size_t end, int page, const PageRules& rules) {
    constexpr double kAbove = -std::numeric_limits<double>::infinity(), kBelow = -kAbove;
    for (std::size_t k = begin; k < end; ++k) {
      const Line& line = lines[k];
      if (!fits(line)) {
        rows.push_back({{line_text(line)}, {}, {}, true, false, page});
        continue;
      }
      std::vector<std::vector<const Word*>> by_column(columns());
      for (const Word& word : line.words) by_column[column_of(word.middle_x())].push_back(&word);
      // The rules between this line and the table's line above it, by column: on this page, or at
      // the page break (under the last line of the page before, over this one).
      std::vector<bool> border(columns());
      const double slack = kRuleSlack * line.height();
      for (std::size_t c = 0; c < columns(); ++c)
        border[c] = k > begin ? rule_across(rules, lines[k - 1].bottom - slack, line.top + slack, c)
                              : closed_below[c] || rule_across(rules, kAbove, line.top + slack, c);
      // A row goes on over a page break (a cell's lines split there) unless the first column has text.
      const bool ruled_row_start = k > begin && border[0];
      if (!by_column[0].empty() || ruled_row_start || rows.empty() || rows.back().heading) {
        TableRow row{std::vector<std::string>(columns()), std::vector<double>(columns()), {}, false, false, page};
        for (std::size_t c = 0; c < columns(); ++c) row.owner.push_back(rows.size());
        if (!rows.empty() && !rows.back().heading && border[0]) {
          for (std::size_t c = 1; c < columns(); ++c)
            if (!border[c]) row.owner[c] = rows.back().owner[c];
          row.after_page_break = k == begin;
        }
        rows.push_back(std::move(row));
      }
      const TableRow& row = rows.back();
      for (std::size_t c = 0; c < columns(); ++c) {
        if (by_column[c].empty()) continue;
        TableRow& cell = rows[row.owner[c]];
        std::string piece;
        append_words(piece, by_column[c]);
        // A cell's line that ended short of the column's edge was broken there, as a line break
        // in a cell (two names on two lines) is: a space, as the other formats give it.
        if (!cell.cells[c].empty() && cell.line_right[c] < content_right[c] - 1.5 * line.height()) cell.cells[c] += ' ';
        append_wrapped(cell.cells[c], piece);
        cell.line_right[c] = by_column[c].back()->right;
        seen_left[c] = std::min(seen_left[c], by_column[c].front()->left);
        seen_right[c] = std::max(seen_right[c], by_column[c].back()->right);
      }
    }
    if (end > begin) {
      const double slack = kRuleSlack * lines[end - 1].height();
      for (std::size_t c = 0; c < columns(); ++c)
        closed_below[c] = rule_across(rules, lines[end - 1].bottom - slack, kBelow, c);
    }
  }

  // Word and LibreOffice close a table's cells at a page break and open them again on the next
  // page, merged cells too, so the rules there cannot show a merged cell going on. What does: a
  // box the rules show merged over two or more rows at the top of the page, with no text, is
  // the rest of the cell above it (its text was on the page before). A box of one row is as
  // likely an empty cell and is left alone.
  void join_cells_across_page_breaks() {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (!rows[r].after_page_break) continue;
      for (std::size_t c = 1; c < columns(); ++c) {
        if (rows[r].owner[c] != r || !rows[r].cells[c].empty()) continue;
        std::size_t end = r + 1;
        while (end < rows.size() && !rows[end].heading && rows[end].owner[c] == r) ++end;
        if (end - r < 2) continue;
        for (std::size_t m = r; m < end; ++m) rows[m].owner[c] = rows[r - 1].owner[c];
      }
    }
  }
};

// Header words clustered into columns by their x ranges; the bounds between columns where the
// fewest words of the rows below cross.
std::optional<PdfTable> start_table(const std::vector<Line>& lines, std::size_t header, std::size_t& body, int page) {
  const Word& first = lines[header].words.front();
  std::size_t end = header + 1;
  while (end < lines.size() && end - header < 3) {
    const Line& line = lines[end];
    const bool below_first_column = std::any_of(line.words.begin(), line.words.end(), [&](const Word& w) {
      return w.left < first.right && w.right > first.left;
    });
    const bool short_words = std::all_of(line.words.begin(), line.words.end(), [](const Word& w) { return w.text.size() <= 24; });
    if (below_first_column || !short_words) break;
    ++end;
  }
  struct Cluster {
    double left, right;
  };
  std::vector<const Word*> words;
  for (std::size_t k = header; k < end; ++k)
    for (const Word& word : lines[k].words) words.push_back(&word);
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) { return a->left < b->left; });
  std::vector<Cluster> clusters;
  for (const Word* word : words) {
    if (!clusters.empty() && word->left < clusters.back().right - 1) {
      clusters.back().right = std::max(clusters.back().right, word->right);
    } else {
      clusters.push_back({word->left, word->right});
    }
  }
  if (clusters.size() < 3 || clusters.size() > kMaxTableColumns) return std::nullopt;
  PdfTable table;
  table.left = clusters.front().left;
  table.right = clusters.back().right;
  for (std::size_t k = end; k < lines.size(); ++k) {
    table.left = std::min(table.left, lines[k].left);
    table.right = std::max(table.right, lines[k].right);
  }
  // Bounds: between two header columns' middles, the x where the fewest words below cross.
  std::vector<const Word*> below;
  const double width = table.right - table.left;
  for (std::size_t k = end; k < lines.size(); ++k)
    for (const Word& word : lines[k].words)
      if (word.right - word.left < 0.5 * width) below.push_back(&word);
  for (std::size_t c = 0; c + 1 < clusters.size(); ++c) {
    const double from = (clusters[c].left + clusters[c].right) / 2;
    const double to = (clusters[c + 1].left + clusters[c + 1].right) / 2;
    std::size_t best = below.size() + 1;
    double best_begin = from, best_end = from;
    bool in_run = false;
    const double scan_from = std::max(from, clusters[c].right), scan_to = std::min(to, clusters[c + 1].left) + 0.01;
    const bool finite = std::isfinite(scan_to - scan_from);  // no scan across infinity: the middle below
    const double step = finite ? scan_step(scan_from, scan_to, 0.5) : 0;
    for (double x = scan_from; finite && x <= scan_to; x += step) {
      std::size_t crossing = 0;
      for (const Word* word : below) crossing += word->left < x && word->right > x;
      if (crossing < best) {
        best = crossing;
        best_begin = best_end = x;
        in_run = true;
      } else if (crossing == best && in_run) {
        best_end = x;
      } else {
        in_run = false;
      }
    }
    if (best > below.size()) best_begin = best_end = (clusters[c].right + clusters[c + 1].left) / 2;
    table.bounds.push_back((best_begin + best_end) / 2);
  }
  table.content_right.assign(table.columns(), 0);
  table.seen_left.assign(table.columns(), std::numeric_limits<double>::infinity());
  table.seen_right.assign(table.columns(), -std::numeric_limits<double>::infinity());
  table.closed_below.assign(table.columns(), false);
  for (std::size_t k = end; k < lines.size(); ++k)
    for (const Word& word : lines[k].words)
      if (!table.crosses(word)) {
        double& right = table.content_right[table.column_of(word.middle_x())];
        right = std::max(right, word.right);
      }
  table.header.assign(end - header, std::vector<std::string>(table.columns()));
  for (std::size_t k = header; k < end; ++k) {
    std::vector<std::vector<const Word*>> by_column(table.columns());
    for (const Word& word : lines[k].words) by_column[table.column_of(word.middle_x())].push_back(&word);
    for (std::size_t c = 0; c < table.columns(); ++c) append_words(table.header[k - header][c], by_column[c]);
  }
  table.header_page = page;
  body = end;
  return table;
}

// The lines of the page from `begin` that belong to `table`: up to the last one that fits its
// columns (lines across the columns before it are section headings, after it body text).
std::size_t table_end(const PdfTable& table, const std::vector<Line>& lines, std::size_t begin) {
  std::size_t end = begin;
  for (std::size_t k = begin; k < lines.size(); ++k) {
    if (is_header(line_text(lines[k]))) break;
    if (table.fits(lines[k])) end = k + 1;
  }
  return end;
}

// Word and LibreOffice repeat a table's header rows at the top of each page it goes on to (Word's
// 重复标题行, w:tblHeader): a page starting with the header `table` has is that table going on, its
// rows from the line this returns; 0 where the page starts otherwise.
std::size_t repeated_header_end(const PdfTable& table, const std::vector<Line>& lines, int page) {
  if (lines.empty() || !is_header(line_text(lines[0]))) return 0;
  std::size_t body = 0;
  const std::optional<PdfTable> again = start_table(lines, 0, body, page);
  return again && again->header == table.header ? body : 0;
}

class PdfReader {
 public:
  explicit PdfReader(std::string_view bytes) : bytes_(bytes), out_(bytes.size()) {}

  LinesBuilder run(poppler::document& document) && {
    const int pages = document.pages();
    if (pages > kMaxPdfPages)
      throw FormatError(std::to_string(pages) + " pages, more than " + std::to_string(kMaxPdfPages) +
                        " (far more than a decomposition document has)");
    bool any_text = false;
    for (int index = 0; index < pages; ++index) {
      const std::unique_ptr<poppler::page> page(document.create_page(index));
      std::vector<Word> words;
      if (page) words = page_words(*page);
      const int number = index + 1;
      if (words.empty()) {
        out_.warn("p." + std::to_string(number) + ": scanned page, no text: OCR is not built in");
        continue;
      }
      any_text = true;
      read_page(std::move(words), number, index);
    }
    close_table();
    flush_pending();
    if (!any_text) throw FormatError("no text on any page (a scanned document?): OCR is not built in");
    return std::move(out_);
  }

 private:
  static std::vector<Word> page_words(poppler::page& page) {
    std::vector<Word> words;
    for (const poppler::text_box& box : page.text_list()) {
      const poppler::byte_array utf8 = box.text().to_utf8();
      std::string text = clean_text(std::string_view(utf8.data(), utf8.size()));
      if (text.empty() || text.find_first_not_of(' ') == std::string::npos) continue;
      const poppler::rectf r = box.bbox();
      if (!(std::isfinite(r.left()) && std::isfinite(r.top()) && std::isfinite(r.right()) && std::isfinite(r.bottom())))
        continue;
      Word word{std::move(text), r.left(), r.top(), r.right(), r.bottom(), box.has_space_after()};
      if (word.right < word.left) std::swap(word.left, word.right);
      if (word.bottom < word.top) std::swap(word.top, word.bottom);
      if (word.bottom - word.top < 0.01) word.bottom = word.top + 0.01;
      words.push_back(std::move(word));
    }
    return words;
  }

  // The rules of the page at `index`, read once, and only for a page with a table.
  const PageRules& rules_of(int index) {
    if (rules_page_ != index) {
      if (!rules_) rules_ = std::make_unique<PdfRules>(bytes_);
      page_rules_ = rules_->page(index);
      rules_page_ = index;
    }
    return page_rules_;
  }

  void read_page(std::vector<Word> words, int page, int index) {
    std::vector<Line> lines = build_lines(std::move(words));
    std::size_t k = 0;
    if (table_) {  // a table from the page before goes on while the lines fit it
      const std::size_t begin = repeated_header_end(*table_, lines, page);
      const std::size_t end = table_end(*table_, lines, begin);
      if (end > begin && (begin > 0 || !is_header(line_text(lines[0])))) {
        table_->add_lines(lines, begin, end, page, rules_of(index));
        k = end;
      }
      if (k < lines.size()) close_table();
    }
    while (k < lines.size()) {
      std::size_t header = k;
      while (header < lines.size() && !is_header(line_text(lines[header]))) ++header;
      std::size_t body = header;
      std::optional<PdfTable> table = header < lines.size() ? start_table(lines, header, body, page) : std::nullopt;
      if (!table) {
        text(lines, k, header < lines.size() ? header + 1 : header, page);
        k = header + 1;
        continue;
      }
      text(lines, k, header, page);
      const std::size_t end = table_end(*table, lines, body);
      table->add_lines(lines, body, end, page, rules_of(index));
      table_ = std::move(table);
      k = end;
      if (k < lines.size()) close_table();
    }
  }

  // Lines [begin, end) of a page as body text, by columns.
  void text(const std::vector<Line>& lines, std::size_t begin, std::size_t end, int page) {
    if (begin >= end) return;
    std::vector<Word> words;
    for (std::size_t k = begin; k < end; ++k) words.insert(words.end(), lines[k].words.begin(), lines[k].words.end());
    const std::string place = "p." + std::to_string(page);
    const std::optional<double> gap = column_gap(words);
    if (!gap) {
      emit(paragraphs(std::vector<Line>(lines.begin() + static_cast<std::ptrdiff_t>(begin),
                                        lines.begin() + static_cast<std::ptrdiff_t>(end))),
           place);
      return;
    }
    // Bands between lines across both columns, each read left column first.
    std::vector<Word> left, right;
    const auto flush = [&] {
      for (std::vector<Word>* side : {&left, &right}) {
        emit(paragraphs(build_lines(std::move(*side))), place);
        side->clear();
      }
    };
    for (std::size_t k = begin; k < end; ++k) {
      const Line& line = lines[k];
      if (std::any_of(line.words.begin(), line.words.end(), [&](const Word& w) { return w.left < *gap && w.right > *gap; })) {
        flush();
        emit({{line_text(line), false, true}}, place);
        continue;
      }
      for (const Word& word : line.words) (word.right <= *gap ? left : right).push_back(word);
    }
    flush();
  }

  // Paragraphs of one column of one page, in order. The last one is held back: it may go on at the
  // top of the next column or page.
  void emit(std::vector<Paragraph> paragraphs, const std::string& place) {
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
      Paragraph& paragraph = paragraphs[k];
      // Only a column's first paragraph may go on from the one before it (in another column or on
      // the page before); paragraphs() has split the rest.
      if (k == 0 && pending_ && pending_->open && !paragraph.fresh) {
        append_wrapped(pending_->text, paragraph.text);
        pending_->open = paragraph.open;
        continue;
      }
      flush_pending();
      pending_ = std::move(paragraph);
      pending_place_ = place;
    }
  }
  void flush_pending() {
    if (pending_) out_.paragraph(pending_->text, pending_place_);
    pending_.reset();
  }

  void close_table() {
    if (!table_) return;
    flush_pending();
    PdfTable table = std::move(*table_);
    table_.reset();
    table.join_cells_across_page_breaks();
    const std::size_t header_rows = table.header.size();
    const std::size_t columns = table.columns();
    TableGrid grid(header_rows + table.rows.size());
    std::vector<int> page_of_row(header_rows, table.header_page);
    // The header: a word over empty columns whose lower lines hold words spans them (责任单位 over
    // 牵头单位 | 配合单位); a word with nothing below it spans the header lines down.
    for (std::size_t l = 0; l < header_rows; ++l) {
      for (std::size_t c = 0; c < columns; ++c) {
        if (table.header[l][c].empty()) continue;
        const auto below = [&](std::size_t column) {
          for (std::size_t m = l + 1; m < header_rows; ++m)
            if (!table.header[m][column].empty()) return true;
          return false;
        };
        std::size_t across = 1;
        if (below(c))
          while (c + across < columns && table.header[l][c + across].empty() && below(c + across)) ++across;
        std::size_t down = 1;
        while (l + down < header_rows && table.header[l + down][c].empty()) ++down;
        grid.place(l, c, down, across, table.header[l][c]);
      }
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      page_of_row.push_back(row.page);
      if (row.heading) {
        grid.place(header_rows + r, 0, 1, columns, row.cells[0]);
        continue;
      }
      // A merged cell is placed once, over the rows it covers, which the grid repeats it into.
      for (std::size_t c = 0; c < columns; ++c) {
        if (row.owner[c] != r || row.cells[c].empty()) continue;
        std::size_t down = 1;
        while (r + down < table.rows.size() && !table.rows[r + down].heading && table.rows[r + down].owner[c] == r) ++down;
        grid.place(header_rows + r, c, down, 1, row.cells[c]);
      }
    }
    out_.table(grid, [&](const TableLine& line) { return "p." + std::to_string(page_of_row[line.row]); });
  }

  std::string_view bytes_;
  LinesBuilder out_;
  std::unique_ptr<PdfRules> rules_;
  PageRules page_rules_;
  int rules_page_ = -1;
  std::optional<PdfTable> table_;
  std::optional<Paragraph> pending_;
  std::string pending_place_;
};

// poppler reports syntax errors of damaged files on stderr; the reader reports the file itself.
void quiet(const std::string&, void*) {}

}  // namespace

Source read_pdf(const std::string& path, std::string_view bytes) {
  static std::once_flag silenced;
  std::call_once(silenced, [] { poppler::set_debug_error_function(quiet, nullptr); });
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw FormatError("a PDF file larger than poppler reads (2 GB)");
  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) throw FormatError("damaged or truncated PDF: poppler cannot open it");
  if (document->is_locked()) throw FormatError("encrypted (password-protected) PDF: not read");
  return PdfReader(bytes).run(*document).finish(path, "pdf");
}

}  // namespace agencygraph::detail
