// HTML -> text: the page's element tree (html_tree.hpp) written out as lines, each data table row
// as one TAB-separated line.
#include "html_text.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "agencygraph/fold.hpp"
#include "text/html_entities.hpp"
#include "text/html_markup.hpp"
#include "text/html_tree.hpp"

namespace agencygraph::detail {
namespace {

using namespace html;

// A data table's columns beyond this are dropped: a 分工方案 table has under ten, and the cap keeps
// colspan="1000" in a thousand rows from making a line of a million tabs.
constexpr std::size_t kMaxColumns = 64;

// ---- detection ----

constexpr std::string_view kPageStarts[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<link", "<style", "<script",
    "<table", "<div", "<p", "<span", "<section", "<article", "<center", "<font", "<br",
    "<ul", "<ol", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<form"};

// This many paragraph, line-break or cell tags make text a page wherever they start: plain text
// that mentions tags does so a few times.
constexpr int kBlockTagsOfAPage = 8;

// The first byte after a BOM, white space, comments and an XML declaration.
std::size_t markup_start(std::string_view text) {
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (true) {
    while (i < text.size() && is_space(text[i])) ++i;
    const bool comment = text.compare(i, 4, "<!--") == 0;
    if (!comment && !has_word_at(text, i, "<?xml")) return i;
    const std::size_t end = text.find(comment ? "-->" : "?>", i + 4);
    if (end == npos) return text.size();
    i = end + (comment ? 3 : 2);
  }
}

// ---- writing lines ----

bool is_block(std::string_view name) {
  return closes_paragraph(name) ||
         is_one_of(name, {"html", "body", "title", "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "dt",
                          "dd", "option", "select", "textarea", "legend", "figcaption", "summary", "dialog",
                          "hgroup", "dir", "li"});
}

// Collects lines of text (or, with one_line, a single line: a table cell's text). White space runs
// become one space, as a browser shows them; a line is only started by a character that is not
// white space, and records the page line that character came from.
class LineWriter {
 public:
  LineWriter(std::string_view html, bool one_line) : html_(html), one_line_(one_line) {}

  bool one_line() const { return one_line_; }

  // The text of html[begin, end), which starts on page line `line`. In <pre>, line breaks end lines.
  void text(std::uint32_t begin, std::uint32_t end, std::uint32_t line, bool pre) {
    for (std::uint32_t i = begin; i < end;) {
      const char c = html_[i];
      if (c == '\n') {
        if (pre) line_break(line);
        space_ = true;
        ++line;
        ++i;
      } else if (is_space(c)) {
        space_ = true;
        ++i;
      } else if (c == '&') {
        const Entity entity = read_entity(html_, i, end);
        if (entity.length == 0) {
          put("&", line);
          ++i;
        } else {
          put(entity.code, line);
          i += static_cast<std::uint32_t>(entity.length);
        }
      } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        ++i;  // control characters show as nothing
      } else {
        std::uint32_t run = i + 1;
        while (run < end && !is_space(html_[run]) && html_[run] != '&' && static_cast<unsigned char>(html_[run]) >= 0x20 &&
               html_[run] != 0x7F)
          ++run;
        put(html_.substr(i, run - i), line);
        i = run;
      }
    }
  }

  // A block element's start or end: ends the line if it holds anything.
  void block_boundary() {
    if (one_line_) {
      space_ = true;
    } else if (!current_.empty()) {
      push(std::move(current_), origin_);
    }
  }

  // <br>: ends the line even if it is empty.
  void line_break(std::uint32_t line) {
    if (one_line_) {
      space_ = true;
    } else {
      const std::uint32_t origin = current_.empty() ? line : origin_;
      push(std::move(current_), origin);
    }
  }

  // A whole line made elsewhere (a table row).
  void add_line(std::string line, std::uint32_t origin) {
    block_boundary();
    push(std::move(line), origin);
  }

  // one_line: the text so far and the page line of its first character (0 when empty).
  std::string& current() { return current_; }
  std::uint32_t current_line() const { return current_.empty() ? 0 : origin_; }

  HtmlText finish() {
    block_boundary();
    if (out_.lines.empty()) out_.lines.push_back(1);  // the empty text is one (empty) line
    return std::move(out_);
  }

 private:
  void put(std::string_view bytes, std::uint32_t line) {
    if (current_.empty()) {
      origin_ = line;
    } else if (space_) {
      current_ += ' ';
    }
    space_ = false;
    current_ += bytes;
  }

  // A decoded entity: &#10; and &#9; are white space like any other, controls show as nothing.
  void put(char32_t code, std::uint32_t line) {
    if (code < 0x80 && is_space(static_cast<char>(code))) {
      space_ = true;
    } else if (code >= 0x20 && code != 0x7F) {
      std::string utf8;
      append_utf8(utf8, code);
      put(utf8, line);
    }
  }

  void push(std::string line, std::uint32_t origin) {
    if (!out_.lines.empty()) out_.text += '\n';
    out_.text += line;
    out_.lines.push_back(origin);
    current_.clear();
    space_ = false;
  }

  std::string_view html_;
  bool one_line_;
  std::string current_;
  std::uint32_t origin_ = 1;
  bool space_ = false;
  HtmlText out_;
};

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Whether a cell's text shows nothing: spaces, &nbsp;, ideographic spaces (what the parser folds
// to a space and trims).
bool is_blank(std::string_view text) {
  const Folder folder(false);
  for (std::uint32_t i = 0; i < text.size();) {
    const char32_t c = folder.next(text, i, static_cast<std::uint32_t>(text.size()));
    if (c != U' ' && c != 0xFEFF) return false;
  }
  return true;
}

// A line of a table: its text and the page line it stands for.
struct RowLine {
  std::string text;
  std::uint32_t page_line = 0;
};

// A data table laid out on a grid: every slot names the cell covering it.
struct Cell {
  std::string text;
  bool blank = true;       // is_blank(text)
  std::uint32_t line = 0;  // page line of the text's first character, 0 when empty
  std::size_t row = 0, column = 0;  // the top left slot it covers
};

struct Grid {
  std::vector<Cell> cells;
  std::vector<std::vector<int>> slots;  // slots[row][column]: index into cells, -1 for none
  std::vector<std::uint32_t> row_lines;  // the <tr> tag's line
  std::size_t width = 0;

  int at(std::size_t row, std::size_t column) const {
    return column < slots[row].size() ? slots[row][column] : -1;
  }
  // How many different cells a row holds. A cell covers one run of adjacent slots in a row
  // (lay_out() writes it so), so counting the runs is enough.
  std::size_t distinct_cells(std::size_t row) const {
    std::size_t count = 0;
    for (std::size_t c = 0; c < slots[row].size(); ++c)
      if (slots[row][c] >= 0 && (c == 0 || slots[row][c] != slots[row][c - 1])) ++count;
    return count;
  }
};

class Renderer {
 public:
  Renderer(std::string_view html, const std::vector<Node>& nodes)
      : html_(html), nodes_(nodes), repeat_budget_(4 * html.size() + 65536) {}

  HtmlText run() {
    LineWriter out(html_, false);
    children(nodes_[0], false, out);
    return out.finish();
  }

 private:
  void children(const Node& parent, bool pre, LineWriter& out) {
    for (std::uint32_t id : parent.children) node(nodes_[id], pre, out);
  }

  void node(const Node& node, bool pre, LineWriter& out) {
    if (node.is_text()) return out.text(node.begin, node.end, node.line, pre);
    if (node.name == "br") return out.line_break(node.line);
    if (node.name == "head") return titles(node, out);
    if (node.name == "table" && !out.one_line() && !holds_table_in_cell(node)) return data_table(node, pre, out);
    const bool block = is_block(node.name);
    if (block) out.block_boundary();
    children(node, pre || node.name == "pre", out);
    if (block) out.block_boundary();
  }

  // Of the head only the title is text: it is where the jurisdiction and year are read from.
  void titles(const Node& head, LineWriter& out) {
    for (std::uint32_t id : head.children)
      if (nodes_[id].name == "title") node(nodes_[id], false, out);
  }

  // Nested tables: a table with a table in one of its cells is laid out as blocks, each cell's
  // content on lines of its own, and only tables without tables inside are read as data tables
  // (one line per row). Sites put whole pages in layout tables, the decomposition table in one of
  // their cells; reading an inner table as its outer cell's text would make the real table one
  // long cell of a layout row, and its rows, leads and tasks would be lost.
  bool holds_table_in_cell(const Node& table) const {
    for (std::uint32_t row : rows_of(table))
      for (std::uint32_t cell : nodes_[row].children)
        if (holds_table(nodes_[cell])) return true;
    return false;
  }

  bool holds_table(const Node& node) const {
    for (std::uint32_t id : node.children)
      if (nodes_[id].name == "table" || holds_table(nodes_[id])) return true;
    return false;
  }

  // The <tr>s of a table, in <thead>, <tbody>, <tfoot> or straight in it, in page order.
  std::vector<std::uint32_t> rows_of(const Node& table) const {
    std::vector<std::uint32_t> rows;
    for (std::uint32_t id : table.children) {
      const Node& child = nodes_[id];
      if (child.name == "tr") rows.push_back(id);
      if (is_one_of(child.name, {"thead", "tbody", "tfoot"}))
        for (std::uint32_t row : child.children)
          if (nodes_[row].name == "tr") rows.push_back(row);
    }
    return rows;
  }

  // What a table holds outside its cells (a caption, text or elements left outside any cell) is
  // written before its rows, as browsers show it.
  void outside_cells(const Node& parent, bool pre, LineWriter& out) {
    for (std::uint32_t id : parent.children) {
      const Node& child = nodes_[id];
      if (child.name == "tr" || is_one_of(child.name, {"thead", "tbody", "tfoot"})) {
        outside_cells(child, pre, out);
      } else if (child.name != "td" && child.name != "th") {
        node(child, pre, out);
      }
    }
  }

  // One line per row, its cells joined by TAB, so that tables.cpp reads the table as TSV.
  void data_table(const Node& table, bool pre, LineWriter& out) {
    out.block_boundary();
    outside_cells(table, pre, out);
    out.block_boundary();
    const Grid grid = lay_out(rows_of(table), pre);
    const std::size_t header = first_row_of_cells(grid);
    const bool stacked = stacked_header(grid, header);
    std::optional<RowLine> header_line;  // written again after each section heading
    for (std::size_t row = 0; row < grid.slots.size(); ++row) {
      if (stacked && row == header + 1) continue;
      if (row == header) {
        RowLine line = stacked ? stacked_header_line(grid, header) : row_line(grid, row);
        if (looks_like_header(line.text)) header_line = line;
        out.add_line(std::move(line.text), line.page_line);
      } else if (!has_own_text(grid, row)) {
        continue;  // an empty row, or one only cells from above reach into
      } else if (const Cell* heading = only_text(grid, row)) {
        out.add_line(heading->text, own_line(grid, row));
        if (row > header && header_line) out.add_line(header_line->text, header_line->page_line);
      } else {
        RowLine line = row_line(grid, row);
        out.add_line(std::move(line.text), line.page_line);
      }
    }
    out.block_boundary();
  }

  // Places every cell on the grid, as HTML's table model does: left to right, past slots that cells
  // from rows above reach into, each covering colspan columns and rowspan rows (rowspan="0": to the
  // last row). Where a merged cell would overlap a cell placed before (bad markup), it stops short;
  // so every slot is written at most once and the work stays linear in the table's size.
  Grid lay_out(const std::vector<std::uint32_t>& rows, bool pre) {
    Grid grid;
    grid.slots.resize(rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) {
      grid.row_lines.push_back(nodes_[rows[row]].line);
      std::size_t column = 0;
      for (std::uint32_t id : nodes_[rows[row]].children) {
        const Node& cell = nodes_[id];
        if (cell.name != "td" && cell.name != "th") continue;
        while (column < grid.slots[row].size() && grid.slots[row][column] >= 0) ++column;
        if (column >= kMaxColumns) break;
        const auto index = static_cast<int>(grid.cells.size());
        grid.cells.push_back(cell_text(cell, pre));
        grid.cells.back().row = row;
        grid.cells.back().column = column;
        const std::size_t colspan = std::min<std::size_t>(cell.colspan, kMaxColumns - column);
        const std::size_t last_row = std::min<std::size_t>(rows.size(), row + cell.rowspan);
        for (std::size_t r = row; r < last_row; ++r) {
          std::vector<int>& slots = grid.slots[r];
          if (slots.size() < column + colspan) slots.resize(column + colspan, -1);
          if (slots[column] >= 0) break;
          for (std::size_t c = column; c < column + colspan && slots[c] < 0; ++c) slots[c] = index;
        }
        column += colspan;
      }
    }
    for (const std::vector<int>& slots : grid.slots) grid.width = std::max(grid.width, slots.size());
    return grid;
  }

  // A cell's text on one line: <br> and blocks inside it become spaces, so tabs and line breaks
  // never reach the row's line.
  Cell cell_text(const Node& cell, bool pre) {
    LineWriter writer(html_, true);
    children(cell, pre, writer);
    Cell out;
    out.line = writer.current_line();
    out.text = std::move(writer.current());
    out.blank = is_blank(out.text);
    return out;
  }

  // The first row with two cells or more: the header, when the table has one (rows of one cell
  // across the table before it are captions).
  static std::size_t first_row_of_cells(const Grid& grid) {
    for (std::size_t row = 0; row < grid.slots.size(); ++row)
      if (grid.distinct_cells(row) >= 2) return row;
    return grid.slots.size();
  }

  // A header on two rows: cells spanning both rows, and cells spanning several columns with the
  // columns' own headers in the row below (责任单位 over 牵头单位 | 配合单位). Only the first
  // two rows of cells are looked at: further down, merged cells are data.
  static bool stacked_header(const Grid& grid, std::size_t header) {
    if (header + 1 >= grid.slots.size() || grid.slots[header].size() != grid.slots[header + 1].size()) return false;
    const std::vector<int>& top = grid.slots[header];
    bool split = false;
    for (std::size_t c = 0; c < top.size(); ++c) {
      const int above = top[c];
      const int below = grid.at(header + 1, c);
      if (above < 0 || below < 0) return false;
      if (below == above) continue;
      const bool spans_columns = (c > 0 && top[c - 1] == above) || (c + 1 < top.size() && top[c + 1] == above);
      if (!spans_columns || grid.cells[static_cast<std::size_t>(below)].row != header + 1) return false;
      split = true;
    }
    return split;
  }

  // The two header rows as one: each column's upper and lower header joined by a space. The upper
  // word keeps a bare lower one meaningful (牵头 over 单位 | 分管领导 gives "牵头 单位", a lead
  // column, and "牵头 分管领导", a people column); tables.cpp finds either word in the cell.
  RowLine stacked_header_line(const Grid& grid, std::size_t header) const {
    std::string line;
    for (std::size_t c = 0; c < grid.width; ++c) {
      if (c > 0) line += '\t';
      const int above = grid.at(header, c);
      const int below = grid.at(header + 1, c);
      if (above < 0) continue;  // a column the header rows do not reach
      line += grid.cells[static_cast<std::size_t>(above)].text;
      if (below >= 0 && below != above) {
        line += ' ';
        line += grid.cells[static_cast<std::size_t>(below)].text;
      }
    }
    return {std::move(line), own_line(grid, header)};
  }

  // A row as one line of TAB-separated cells, as wide as the table. A merged cell's text is
  // repeated in every slot it covers (one 牵头单位 cell over several task rows gives every task its
  // lead), within the repeat budget.
  RowLine row_line(const Grid& grid, std::size_t row) {
    std::string line;
    for (std::size_t c = 0; c < grid.width; ++c) {
      if (c > 0) line += '\t';
      const int index = grid.at(row, c);
      if (index < 0) continue;
      const Cell& cell = grid.cells[static_cast<std::size_t>(index)];
      const bool own = cell.row == row && cell.column == c;
      if (own || cell.text.size() <= repeat_budget_) {
        if (!own) repeat_budget_ -= cell.text.size();
        line += cell.text;
      }
    }
    return {std::move(line), own_line(grid, row)};
  }

  static bool has_own_text(const Grid& grid, std::size_t row) {
    for (std::size_t c = 0; c < grid.slots[row].size(); ++c) {
      const int index = grid.slots[row][c];
      if (index < 0) continue;
      const Cell& cell = grid.cells[static_cast<std::size_t>(index)];
      if (cell.row == row && cell.column == c && !cell.blank) return true;
    }
    return false;
  }

  // The cell holding all of a row's text, if it is the row's own and stands in the row's first
  // column: a caption or a section heading (（一）扩大有效需求), one cell across the table or the
  // first of otherwise empty cells. Such a row stands as its text alone, neither as a task naming
  // itself as its units (were the text repeated across) nor as a row of one cell, where tables.cpp,
  // which trims a row before splitting it, would see the table end.
  static const Cell* only_text(const Grid& grid, std::size_t row) {
    const Cell* found = nullptr;
    for (int index : grid.slots[row]) {
      if (index < 0) continue;
      const Cell& cell = grid.cells[static_cast<std::size_t>(index)];
      if (cell.blank || &cell == found) continue;
      if (found) return nullptr;
      found = &cell;
    }
    return found && found->row == row && found->column == 0 ? found : nullptr;
  }

  // A header row, to be written again after a section heading so that the rows below it are
  // still read as the table: at least two cells, none longer than tables.cpp's header cells (12
  // characters). A first row of longer cells is data and is not repeated.
  static bool looks_like_header(std::string_view line) {
    if (line.find('\t') == npos) return false;
    std::size_t characters = 0;
    for (char c : line) {
      if (c == '\t') {
        characters = 0;
      } else if (!is_continuation_byte(c) && ++characters > 12) {
        return false;
      }
    }
    return true;
  }

  // A row's line: where the first of its own cells holding text begins (the task number), else its
  // <tr> tag.
  static std::uint32_t own_line(const Grid& grid, std::size_t row) {
    for (std::size_t c = 0; c < grid.slots[row].size(); ++c) {
      const int index = grid.slots[row][c];
      if (index < 0) continue;
      const Cell& cell = grid.cells[static_cast<std::size_t>(index)];
      if (cell.row == row && cell.column == c && cell.line != 0) return cell.line;
    }
    return grid.row_lines[row];
  }

  std::string_view html_;
  const std::vector<Node>& nodes_;
  std::size_t repeat_budget_;  // bytes of repeated cell text still allowed
};


}  // namespace

bool looks_like_html(std::string_view text) {
  const std::size_t start = markup_start(text);
  for (std::string_view open : kPageStarts)
    if (tag_at(text, start, open)) return true;
  bool table = false;
  bool cell = false;
  int blocks = 0;  // paragraph and cell tags: a page's body stored without its page tags (an SQL dump's column)
  for (std::size_t i = text.find('<'); i != npos; i = text.find('<', i + 1)) {
    if (tag_at(text, i, "<body")) return true;
    table = table || tag_at(text, i, "<table");
    cell = cell || tag_at(text, i, "<td") || tag_at(text, i, "<th");
    if (table && cell) return true;
    for (std::string_view block : {"<p", "</p", "<br", "<div", "</div", "<td", "<tr", "<li"})
      if (tag_at(text, i, block)) ++blocks;
    if (blocks >= kBlockTagsOfAPage) return true;
  }
  return false;
}

HtmlText html_to_text(std::string_view html) {
  const std::vector<Node> nodes = html::build_tree(html);
  return Renderer(html, nodes).run();
}

}  // namespace agencygraph::detail
