// HTML -> text: the page's element tree (html_tree.hpp) written out as lines, each data table row
// as one TAB-separated line.
#include "html_text.hpp"

#include <utility>

#include "agencygraph/fold.hpp"
#include "text/html_entities.hpp"
#include "text/html_markup.hpp"
#include "text/html_tree.hpp"
#include "text/table_lines.hpp"
#include "text/zero_width.hpp"

namespace agencygraph::detail {
namespace {

using namespace html;

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
          last_text_end_ = i;
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
        last_text_end_ = run;
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
    std::size_t end = html_.size();
    while (end > 0 && is_space(html_[end - 1])) --end;
    out_.ends_in_text = last_text_end_ > 0 && last_text_end_ >= end;
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

  // A decoded entity: &#10; and &#9; are white space like any other, controls and zero-width
  // characters (&#8203;, &zwsp;) show as nothing.
  void put(char32_t code, std::uint32_t line) {
    if (code < 0x80 && is_space(static_cast<char>(code))) {
      space_ = true;
    } else if (code >= 0x20 && code != 0x7F && !is_zero_width(code)) {
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
  std::uint32_t last_text_end_ = 0;  // the end in the page of the last text written
  HtmlText out_;
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
    if (node.name == "table" && !out.one_line() && !holds_table_in_cell(node) && has_columns(node))
      return data_table(node, pre, out);
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

  // A table of one column is layout too: a page template's frame holds the whole body in one cell,
  // whose paragraphs read as one row would be one line, every task run into the first.
  bool has_columns(const Node& table) const {
    for (std::uint32_t row : rows_of(table)) {
      int cells = 0;
      for (std::uint32_t cell : nodes_[row].children)
        if ((nodes_[cell].name == "td" || nodes_[cell].name == "th") && ++cells == 2) return true;
    }
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

  // One line per row, its cells joined by TAB, so that tables.cpp reads the table as TSV
  // (text/table_lines.hpp, shared with the office formats).
  void data_table(const Node& table, bool pre, LineWriter& out) {
    out.block_boundary();
    outside_cells(table, pre, out);
    out.block_boundary();
    const std::vector<std::uint32_t> rows = rows_of(table);
    std::vector<std::uint32_t> cell_lines;  // by cell index: the page line of its first character, 0 when empty
    const TableGrid grid = lay_out(rows, pre, cell_lines);
    for (TableLine& line : table_lines(grid, repeat_budget_)) {
      const std::uint32_t page_line =
          line.cell >= 0 ? cell_lines[static_cast<std::size_t>(line.cell)] : nodes_[rows[line.row]].line;
      out.add_line(std::move(line.text), page_line);
    }
    out.block_boundary();
  }

  // Places every cell on the grid, as HTML's table model does: left to right, past slots that cells
  // from rows above reach into, each covering colspan columns and rowspan rows (rowspan="0": to the
  // last row).
  TableGrid lay_out(const std::vector<std::uint32_t>& rows, bool pre, std::vector<std::uint32_t>& cell_lines) {
    TableGrid grid(rows.size());
    for (std::size_t row = 0; row < rows.size(); ++row) {
      std::size_t column = 0;
      for (std::uint32_t id : nodes_[rows[row]].children) {
        const Node& cell = nodes_[id];
        if (cell.name != "td" && cell.name != "th") continue;
        while (grid.taken(row, column)) ++column;
        if (column >= kMaxTableColumns) break;
        auto [text, line] = cell_text(cell, pre);
        grid.place(row, column, cell.rowspan, cell.colspan, std::move(text));
        cell_lines.push_back(line);
        column += cell.colspan;
      }
    }
    return grid;
  }

  // A cell's text on one line, and the page line of its first character (0 when empty): <br> and
  // blocks inside it become spaces, so tabs and line breaks never reach the row's line.
  std::pair<std::string, std::uint32_t> cell_text(const Node& cell, bool pre) {
    LineWriter writer(html_, true);
    children(cell, pre, writer);
    const std::uint32_t line = writer.current_line();
    return {std::move(writer.current()), line};
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
