#include "tables.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "names.hpp"

namespace agencygraph::detail {
namespace {

bool contains(std::u32string_view s, std::u32string_view w) { return s.find(w) != std::u32string_view::npos; }

// Where the first of `words` that the cell holds stands in it, npos when it holds none.
std::size_t find_any(std::u32string_view cell, std::initializer_list<std::u32string_view> words) {
  for (std::u32string_view word : words)
    if (const std::size_t at = cell.find(word); at != std::u32string_view::npos) return at;
  return std::u32string_view::npos;
}

// A role word after a unit's name is a clause of prose (市财政局牵头, 各区配合), not a column's
// name (牵头单位, 市级配合部门, or 责任单位牵头单位 from a header on two rows): a sentence
// "落实工作责任，市财政局牵头，各区配合" read as a comma-separated header took the lines after it
// for rows (found by fuzz_doc).
bool names_unit_before(std::u32string_view cell, std::size_t role_word) {
  if (role_word == std::u32string_view::npos) return false;
  const std::u32string_view before = cell.substr(0, role_word);
  return ends_like_agency(before) && !before.ends_with(U"单位") && !before.ends_with(U"部门");
}

enum class Column { None, Id, Task, Lead, Co, Deadline, People };

Column column_of(std::u32string_view spaced) {
  // A header may space its characters out to fill the cell: 主 要 工 作 任 务.
  std::u32string unspaced;
  std::u32string_view cell = spaced;
  if (cell.find(U' ') != std::u32string_view::npos && cell.size() <= 24) {
    for (char32_t c : cell)
      if (c != U' ') unspaced += c;
    cell = unspaced;
  }
  if (cell.empty() || cell.size() > 12) return Column::None;
  if (contains(cell, U"领导") || contains(cell, U"责任人") || contains(cell, U"联系人")) return Column::People;
  // Sections inside one of the units (市卫健委内牵头处室, 局内责任科室): not the network's agencies.
  if (const std::size_t inside = cell.find(U"内"); inside != std::u32string_view::npos && inside >= 2 &&
                                                   ends_like_agency(cell.substr(0, inside)))
    return Column::None;
  if (const std::size_t lead = find_any(cell, {U"牵头", U"主办", U"主责"}); lead != std::u32string_view::npos)
    return names_unit_before(cell, lead) ? Column::None : Column::Lead;
  // The co words of the annotation labels (annotation.cpp's kLabels), and 指导.
  if (const std::size_t co = find_any(cell, {U"责任单位", U"责任部门", U"责任处室", U"责任科室", U"责任主体", U"配合", U"参与",
                                             U"参加", U"协办", U"协作", U"协同", U"承办", U"实施单位", U"落实单位",
                                             U"负责单位", U"负责部门", U"负责科室", U"指导"});
      co != std::u32string_view::npos)
    return names_unit_before(cell, co) ? Column::None : Column::Co;
  if (contains(cell, U"时限") || contains(cell, U"时间") || contains(cell, U"期限")) return Column::Deadline;
  if (cell == U"序号" || cell == U"编号" || cell == U"序" || cell == U"No." || cell == U"号") return Column::Id;
  if (contains(cell, U"任务") || contains(cell, U"工作") || contains(cell, U"事项") || contains(cell, U"内容") ||
      contains(cell, U"目标") || contains(cell, U"项目") || contains(cell, U"措施") || contains(cell, U"实事")) {
    // Columns about a task that are not its text: progress, investment, remarks.
    for (std::u32string_view other : {U"进展", U"情况", U"备注", U"说明", U"成效", U"投资", U"资金", U"规模", U"金额"})
      if (contains(cell, other)) return Column::None;
    return Column::Task;
  }
  return Column::None;
}

// A task column's name broken over two lines, each half a column name of its own (工作 / 任务): one
// cell, or the header has a column more than its rows. Only the common names: two short task-like
// columns side by side (项目 / 内容) are a real layout.
bool is_task_column_broken_in_two(std::u32string_view first, std::u32string_view second) {
  if (first.size() != 2 || second.size() != 2) return false;
  std::u32string joined(first);
  joined += second;
  for (std::u32string_view name : {U"工作任务", U"工作内容", U"工作措施", U"工作事项", U"任务内容", U"目标任务",
                                   U"重点任务", U"主要任务", U"重点工作", U"具体任务"})
    if (joined == name) return true;
  return false;
}

int* slot_of(TableLayout& layout, Column column) {
  switch (column) {
    case Column::Id: return &layout.id;
    case Column::Task: return &layout.task;
    case Column::Lead: return &layout.lead;
    case Column::Co: return &layout.co;
    case Column::Deadline: return &layout.deadline;
    case Column::People: return &layout.people;
    case Column::None: return nullptr;
  }
  return nullptr;
}

// Gives column k the role its header names: the first column of each kind, and every further co
// column (参与单位 and 责任单位 both name units that carry the task).
void assign_column(TableLayout& layout, Column column, int k) {
  int* slot = slot_of(layout, column);
  if (!slot) return;
  if (*slot < 0) *slot = k;
  else if (column == Column::Co) layout.more_co.push_back(k);
}

// Cells separated by runs of two or more spaces (or a TAB).
std::vector<Range> split_at_space_runs(std::u32string_view s, Range body) {
  std::vector<Range> cells;
  std::uint32_t start = body.begin;
  for (std::uint32_t i = body.begin; i < body.end;) {
    std::uint32_t j = i;
    while (j < body.end && (s[j] == U' ' || s[j] == U'\t')) ++j;
    if (j - i >= 2 || (j > i && s[i] == U'\t')) {
      cells.push_back(trim(s, {start, i}));
      start = j;
      i = j;
    } else {
      i = j > i ? j : i + 1;
    }
  }
  cells.push_back(trim(s, {start, body.end}));
  return cells;
}

}  // namespace

int last_role_column(const TableLayout& layout) {
  int last = std::max(layout.lead, layout.co);
  for (int c : layout.more_co) last = std::max(last, c);
  return last;
}

std::vector<Range> split_cells(std::u32string_view s, Range line, CellSeparator separator) {
  std::vector<Range> cells;
  if (separator == CellSeparator::Line) {
    cells.push_back(trim(s, line));
    return cells;
  }
  if (separator == CellSeparator::Spaces) return split_at_space_runs(s, trim(s, line));
  const char32_t sep = separator == CellSeparator::Tab ? U'\t' : separator == CellSeparator::Comma ? U',' : U'|';
  Range body = separator == CellSeparator::Tab ? line : trim(s, line);
  if (separator == CellSeparator::Pipe) {
    if (!body.empty() && s[body.begin] == U'|') ++body.begin;
    if (!body.empty() && s[body.end - 1] == U'|') --body.end;
  }
  std::uint32_t i = body.begin;
  while (true) {
    Range cell{i, i};
    if (separator == CellSeparator::Comma && i < body.end && s[i] == U'"') {
      // A quoted CSV cell: runs to the closing quote not followed by another quote.
      std::uint32_t j = i + 1;
      while (j < body.end && !(s[j] == U'"' && (j + 1 >= body.end || s[j + 1] != U'"'))) j += (s[j] == U'"') ? 2 : 1;
      cell = {i + 1, std::min(j, body.end)};
      i = std::min(j + 1, body.end);
      while (i < body.end && s[i] != sep) ++i;
    } else {
      while (i < body.end && s[i] != sep) ++i;
      cell.end = i;
    }
    cells.push_back(trim(s, cell));
    if (i >= body.end) break;
    ++i;  // past the separator
  }
  return cells;
}

std::optional<TableLayout> read_header(std::u32string_view s, const std::vector<Range>& cells,
                                       CellSeparator separator) {
  TableLayout layout;
  layout.separator = separator;
  layout.columns = static_cast<int>(cells.size());
  // A header's cells are names, never sentences.
  for (Range cell : cells)
    if (contains(slice(s, cell), U"。")) return std::nullopt;
  for (int k = 0; k < static_cast<int>(cells.size()); ++k) {
    assign_column(layout, column_of(slice(s, cells[static_cast<std::size_t>(k)])), k);
  }
  if (layout.task < 0 || (layout.lead < 0 && layout.co < 0)) return std::nullopt;
  return layout;
}

std::vector<Range> space_separated_pieces(std::u32string_view s, Range line, std::u32string_view separators) {
  const auto separates = [&](char32_t c) { return separators.find(c) != std::u32string_view::npos; };
  std::vector<Range> pieces;
  for (std::uint32_t i = line.begin; i < line.end;) {
    while (i < line.end && separates(s[i])) ++i;
    const std::uint32_t begin = i;
    while (i < line.end && !separates(s[i])) ++i;
    if (i > begin) pieces.push_back({begin, i});
  }
  return pieces;
}

std::optional<TableLayout> read_single_spaced_header(std::u32string_view s, Range line) {
  constexpr std::uint32_t kLongestName = 6, kMostColumns = 16;
  if (line.size() > kMostColumns * (kLongestName + 1)) return std::nullopt;
  const std::vector<Range> cells = space_separated_pieces(s, line);
  if (cells.size() < 4) return std::nullopt;
  int unnamed = 0;
  std::vector<Column> columns;
  for (Range cell : cells) {
    if (cell.size() < 2 || cell.size() > kLongestName) return std::nullopt;
    columns.push_back(column_of(slice(s, cell)));
    unnamed += columns.back() == Column::None;
  }
  if (unnamed > 1 || columns.front() != Column::Id) return std::nullopt;
  auto c = columns.rbegin();
  int after_roles = 0, roles_at_end = 0;
  for (; c != columns.rend() && (*c == Column::Deadline || *c == Column::None); ++c) ++after_roles;
  for (; c != columns.rend() && (*c == Column::Lead || *c == Column::Co); ++c) ++roles_at_end;
  // A row is read each way its columns after the roles may have left empty: a few such columns.
  constexpr int kMostColumnsAfterRoles = 3;
  if (roles_at_end == 0 || after_roles > kMostColumnsAfterRoles) return std::nullopt;
  std::optional<TableLayout> layout = read_header(s, cells, CellSeparator::Spaces);
  if (layout) {
    layout->roles_at_end = roles_at_end;
    layout->columns_after_roles = after_roles;
  }
  return layout;
}

namespace {

// A column of units that names no role: 评分部门, 考核单位, 监督部门.
bool names_units(std::u32string_view cell) {
  if (cell.size() > 10) return false;
  for (std::u32string_view ending : {U"部门", U"单位", U"科室", U"处室"})
    if (cell.ends_with(ending) && cell.size() > ending.size()) return true;
  return false;
}

}  // namespace

std::optional<TableLayout> read_line_header(std::u32string_view s, const std::vector<Range>& lines,
                                            const std::vector<bool>& continues) {
  if (lines.empty()) return std::nullopt;
  // A header's cells are names, never sentences or fields (项目内容: / 新建雨水管网。 / 责任单位: and
  // 工作任务：推进… / 牵头单位：市财政局 are fields).
  for (Range line : lines) {
    const std::u32string_view cell = slice(s, line);
    if (contains(cell, U"。") || contains(cell, U":")) return std::nullopt;
  }
  const Column first = column_of(slice(s, lines[0]));
  if (first != Column::Id && first != Column::Task) return std::nullopt;
  TableLayout layout;
  layout.separator = CellSeparator::Line;
  layout.header_lines = static_cast<int>(lines.size());
  layout.blank_between_cells = !continues.empty();
  int column = 0;
  std::vector<int> unit_columns;  // columns that name units in no role
  for (std::size_t k = 0; k < lines.size(); ++k, ++column) {
    const auto goes_on = [&](std::size_t next) { return next < continues.size() && continues[next]; };
    Column named = column_of(slice(s, lines[k]));
    if (named == Column::None && names_units(slice(s, lines[k]))) unit_columns.push_back(column);
    if (goes_on(k + 1)) {
      std::u32string cell(slice(s, lines[k]));
      while (goes_on(k + 1)) cell += slice(s, lines[++k]);
      named = column_of(cell);  // a whole cell: one that names no column is still one column
      assign_column(layout, named, column);
      continue;
    }
    if (k + 1 < lines.size() && is_task_column_broken_in_two(slice(s, lines[k]), slice(s, lines[k + 1]))) {
      named = Column::Task;
      ++k;  // the two lines are one cell
    }
    if (named == Column::None) {
      layout.fragmented = true;
      if (k + 1 < lines.size()) {
        const std::u32string joined = std::u32string(slice(s, lines[k])) + std::u32string(slice(s, lines[k + 1]));
        if (const Column together = column_of(joined); together != Column::None) {
          named = together;
          ++k;  // the two lines are one cell
        }
      }
    }
    int* slot = slot_of(layout, named);
    // The line before the first row naming a task column the header has already named is the first
    // row's category (分类: 发展目标), not a header cell. (A second lead column is a header cell:
    // 牵头单位 … 市卫健委内牵头处室, the lead's own section.)
    if (named == Column::Task && slot && *slot >= 0 && k + 1 == lines.size()) {
      layout.header_lines = static_cast<int>(k);
      break;
    }
    assign_column(layout, named, column);
  }
  layout.columns = column;
  if (layout.task < 0 || (layout.lead < 0 && layout.co < 0)) return std::nullopt;
  const int last_role = last_role_column(layout);
  layout.units_after_roles = static_cast<int>(
      std::count_if(unit_columns.begin(), unit_columns.end(), [&](int c) { return c > last_role; }));
  return layout;
}

namespace {

// Names of columns that are not a task's roles (progress, remarks, quarters): they stand in a header
// whose names run together as much as the role columns do.
bool names_other_column(std::u32string_view cell) {
  for (std::u32string_view word : {U"进展", U"情况", U"备注", U"说明", U"成效", U"进度", U"季度", U"计划", U"序号"})
    if (contains(cell, word)) return true;
  return false;
}

}  // namespace

std::optional<TableLayout> read_run_together_header(std::u32string_view line) {
  constexpr std::size_t kShortest = 2, kLongest = 6;
  const std::size_t n = line.size();
  if (n < 3 * kShortest || n > 40) return std::nullopt;
  for (char32_t c : line)
    if (c < 0x3400 || c > 0x9FFF) return std::nullopt;  // ideographs only: no delimiter at all
  // A role column's name, looked for first: most such lines are headings, which name none.
  if (find_any(line, {U"牵头", U"责任", U"配合", U"主办", U"协办", U"参与", U"主责", U"协作"}) == std::u32string_view::npos)
    return std::nullopt;
  // The column names that tile the line, preferring names of four characters (as 工作任务, 责任单位
  // are printed), then fewer names: best[i] is the best tiling of the first i characters.
  struct Tiling {
    int fours = -1, names = 0;
    std::size_t last = 0;  // length of the last name
  };
  std::vector<Tiling> best(n + 1);
  best[0].fours = 0;
  for (std::size_t end = kShortest; end <= n; ++end) {
    for (std::size_t length = kShortest; length <= std::min(kLongest, end); ++length) {
      const Tiling& before = best[end - length];
      if (before.fours < 0) continue;
      const std::u32string_view name = line.substr(end - length, length);
      if (column_of(name) == Column::None && !names_other_column(name)) continue;
      const Tiling candidate{before.fours + (length == 4 ? 1 : 0), before.names + 1, length};
      Tiling& here = best[end];
      if (candidate.fours > here.fours || (candidate.fours == here.fours && candidate.names < here.names)) here = candidate;
    }
  }
  if (best[n].fours < 0 || best[n].names < 3) return std::nullopt;
  std::vector<std::u32string_view> names;
  for (std::size_t end = n; end > 0; end -= best[end].last) names.push_back(line.substr(end - best[end].last, best[end].last));
  std::reverse(names.begin(), names.end());
  TableLayout layout;
  layout.separator = CellSeparator::Line;
  layout.header_lines = 1;
  layout.fragmented = true;
  layout.run_together = true;
  layout.columns = static_cast<int>(names.size());
  for (int k = 0; k < layout.columns; ++k)
    assign_column(layout, column_of(names[static_cast<std::size_t>(k)]), k);
  if (layout.task < 0 || (layout.lead < 0 && layout.co < 0)) return std::nullopt;
  return layout;
}

Range strip_cell_bars(std::u32string_view s, Range cell) { return trim(s, cell, U"|"); }

std::optional<std::size_t> find_csv_header(std::string_view text, const Folder& folder) {
  FoldedText folded;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (std::count(line.begin(), line.end(), ',') >= 2) {
      folded.clear();
      folder.append(text, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), folded);
      const Range all{0, static_cast<std::uint32_t>(folded.size())};
      if (read_header(folded.chars, split_cells(folded.chars, all, CellSeparator::Comma), CellSeparator::Comma))
        return start;
    }
    start = end + 1;
  }
  return std::nullopt;
}

bool is_header_word(std::u32string_view cell) { return column_of(cell) != Column::None; }

bool names_task_column(std::u32string_view cell) { return column_of(cell) == Column::Task; }

bool names_deadline_column(std::u32string_view cell) { return column_of(cell) == Column::Deadline; }

}  // namespace agencygraph::detail
