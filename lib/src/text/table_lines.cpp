// A table laid out on a grid -> one TAB-separated line per row (see table_lines.hpp).
#include "text/table_lines.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include "agencygraph/fold.hpp"

namespace agencygraph::detail {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Tables.cpp splits a row at TABs and the parser reads a line per row: a cell's own tabs and line
// breaks would make new cells and new rows.
// Every cell passes here and nearly none holds a break: eight bytes are tested at a time for a byte
// equal to TAB, LF or CR (the has-zero-byte test on the word XORed with each), and only a word that
// holds one is rewritten byte by byte.
void flatten_breaks(std::string& text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  auto has_byte = [&](std::uint64_t word, unsigned char b) {
    const std::uint64_t x = word ^ (kOnes * b);
    return ((x - kOnes) & ~x & kHighs) != 0;
  };
  auto flatten = [](char& c) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  };
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (has_byte(word, '\t') || has_byte(word, '\n') || has_byte(word, '\r'))
      for (std::size_t k = i; k < i + 8; ++k) flatten(text[k]);
  }
  for (; i < text.size(); ++i) flatten(text[i]);
}

class Renderer {
 public:
  Renderer(const TableGrid& grid, std::size_t& repeat_budget) : grid_(grid), repeat_budget_(repeat_budget) {}

  std::vector<TableLine> run() {
    std::vector<TableLine> out;
    const std::size_t header = first_row_of_cells();
    const bool stacked = stacked_header(header);
    std::optional<TableLine> header_line;  // written again after each section heading
    for (std::size_t row = 0; row < grid_.rows(); ++row) {
      if (stacked && row == header + 1) continue;
      if (row == header) {
        TableLine line = stacked ? stacked_header_line(header) : row_line(row);
        if (looks_like_header(line.text)) header_line = line;
        out.push_back(std::move(line));
      } else if (!has_own_text(row)) {
        continue;  // an empty row, or one only cells from above reach into
      } else if (const int heading = only_text(row); heading >= 0) {
        out.push_back({cell(heading).text, row, heading});
        if (row > header && header_line) out.push_back(*header_line);
      } else {
        out.push_back(row_line(row));
      }
    }
    return out;
  }

 private:
  const TableCell& cell(int index) const { return grid_.cells()[static_cast<std::size_t>(index)]; }

  // The first row with two cells or more: the header, when the table has one (rows of one cell
  // across the table before it are captions).
  std::size_t first_row_of_cells() const {
    for (std::size_t row = 0; row < grid_.rows(); ++row)
      if (grid_.distinct_cells(row) >= 2) return row;
    return grid_.rows();
  }

  // A header on two rows: cells spanning both rows, and cells spanning several columns with the
  // columns' own headers in the row below (责任单位 over 牵头单位 | 配合单位). Only the first
  // two rows of cells are looked at: further down, merged cells are data.
  bool stacked_header(std::size_t header) const {
    if (header + 1 >= grid_.rows() || grid_.row_size(header) != grid_.row_size(header + 1)) return false;
    const std::size_t width = grid_.row_size(header);
    bool split = false;
    for (std::size_t c = 0; c < width; ++c) {
      const int above = grid_.at(header, c);
      const int below = grid_.at(header + 1, c);
      if (above < 0 || below < 0) return false;
      if (below == above) continue;
      const bool spans_columns =
          (c > 0 && grid_.at(header, c - 1) == above) || (c + 1 < width && grid_.at(header, c + 1) == above);
      if (!spans_columns || cell(below).row != header + 1) return false;
      split = true;
    }
    return split;
  }

  // The two header rows as one: each column's upper and lower header joined by a space. The upper
  // word keeps a bare lower one meaningful (牵头 over 单位 | 分管领导 gives "牵头 单位", a lead
  // column, and "牵头 分管领导", a people column); tables.cpp finds either word in the cell.
  TableLine stacked_header_line(std::size_t header) const {
    std::string line;
    for (std::size_t c = 0; c < grid_.width(); ++c) {
      if (c > 0) line += '\t';
      const int above = grid_.at(header, c);
      const int below = grid_.at(header + 1, c);
      if (above < 0) continue;  // a column the header rows do not reach
      line += cell(above).text;
      if (below >= 0 && below != above) {
        line += ' ';
        line += cell(below).text;
      }
    }
    return {std::move(line), header, first_own_text(header)};
  }

  // A row as one line of TAB-separated cells, as wide as the table. A merged cell's text is
  // repeated in every slot it covers, within the repeat budget.
  TableLine row_line(std::size_t row) {
    std::string line;
    for (std::size_t c = 0; c < grid_.width(); ++c) {
      if (c > 0) line += '\t';
      const int index = grid_.at(row, c);
      if (index < 0) continue;
      const TableCell& slot = cell(index);
      const bool own = slot.row == row && slot.column == c;
      if (own || slot.text.size() <= repeat_budget_) {
        if (!own) repeat_budget_ -= slot.text.size();
        line += slot.text;
      }
    }
    return {std::move(line), row, first_own_text(row)};
  }

  bool owns(std::size_t row, std::size_t column, int index) const {
    return index >= 0 && cell(index).row == row && cell(index).column == column;
  }

  bool has_own_text(std::size_t row) const {
    for (std::size_t c = 0; c < grid_.width(); ++c) {
      const int index = grid_.at(row, c);
      if (owns(row, c, index) && !cell(index).blank) return true;
    }
    return false;
  }

  // The cell holding all of a row's text, if it is the row's own and stands in the row's first
  // column: a caption or a section heading (（一）扩大有效需求), one cell across the table or the
  // first of otherwise empty cells. Such a row stands as its text alone, neither as a task naming
  // itself as its units (were the text repeated across) nor as a row of one cell, where tables.cpp,
  // which trims a row before splitting it, would see the table end. -1 when there is none.
  int only_text(std::size_t row) const {
    int found = -1;
    for (std::size_t c = 0; c < grid_.width(); ++c) {
      const int index = grid_.at(row, c);
      if (index < 0 || cell(index).blank || index == found) continue;
      if (found >= 0) return -1;
      found = index;
    }
    return found >= 0 && cell(found).row == row && cell(found).column == 0 ? found : -1;
  }

  // The first of a row's own cells that holds text (where the task number stands), -1 for none.
  int first_own_text(std::size_t row) const {
    for (std::size_t c = 0; c < grid_.width(); ++c) {
      const int index = grid_.at(row, c);
      if (owns(row, c, index) && !cell(index).text.empty()) return index;
    }
    return -1;
  }

  // A header row, to be written again after a section heading so that the rows below it are
  // still read as the table: at least two cells, none longer than tables.cpp's header cells (12
  // characters). A first row of longer cells is data and is not repeated.
  static bool looks_like_header(std::string_view line) {
    if (line.find('\t') == std::string_view::npos) return false;
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

  const TableGrid& grid_;
  std::size_t& repeat_budget_;  // bytes of repeated cell text still allowed
};

}  // namespace

int TableGrid::place(std::size_t row, std::size_t column, std::size_t rows, std::size_t columns, std::string text) {
  if (row >= slots_.size() || column >= kMaxTableColumns || taken(row, column)) return -1;
  const auto index = static_cast<int>(cells_.size());
  flatten_breaks(text);
  const bool blank = is_blank_text(text);
  cells_.push_back({std::move(text), blank, row, column});
  const std::size_t end_column = column + std::min(std::max<std::size_t>(columns, 1), kMaxTableColumns - column);
  const std::size_t end_row = row + std::min(std::max<std::size_t>(rows, 1), slots_.size() - row);
  for (std::size_t r = row; r < end_row; ++r) {
    std::vector<int>& slots = slots_[r];
    if (slots.size() < end_column) slots.resize(end_column, -1);
    width_ = std::max(width_, slots.size());
    if (slots[column] >= 0) break;
    for (std::size_t c = column; c < end_column && slots[c] < 0; ++c) slots[c] = index;
  }
  return index;
}

std::size_t TableGrid::distinct_cells(std::size_t row) const {
  // A cell covers one run of adjacent slots in a row (place() writes it so): counting runs is enough.
  std::size_t count = 0;
  const std::vector<int>& slots = slots_[row];
  for (std::size_t c = 0; c < slots.size(); ++c)
    if (slots[c] >= 0 && (c == 0 || slots[c] != slots[c - 1])) ++count;
  return count;
}

std::vector<TableLine> table_lines(const TableGrid& grid, std::size_t& repeat_budget) {
  return Renderer(grid, repeat_budget).run();
}

bool is_blank_text(std::string_view text) {
  const Folder folder(false);
  for (std::uint32_t i = 0; i < text.size();) {
    const char32_t c = folder.next(text, i, static_cast<std::uint32_t>(text.size()));
    if (c != U' ' && c != 0xFEFF) return false;
  }
  return true;
}

}  // namespace agencygraph::detail
