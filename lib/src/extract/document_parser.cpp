// extract_document: lines -> numbered paragraphs and table rows -> annotations -> agency mentions.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "agencygraph/agency_kind.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/fold.hpp"
#include "annotation.hpp"
#include "document_metadata.hpp"
#include "names.hpp"
#include "tables.hpp"

namespace agencygraph {
namespace {

using detail::CellSeparator;
using detail::Range;

enum class Numbering { None, Arabic, ParenArabic, CjkComma, ParenCjk };

struct Line {
  Range range;  // folded indices, without the line break
  Numbering numbering = Numbering::None;
  Range number;  // the digits / numerals
  Range body;    // after the number marker
  bool blank() const { return range.empty(); }
};

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Reads a task or heading number at the start of a line: "61." "61、" "(1)" "(一)" "一、".
void read_numbering(std::u32string_view s, Line& line) {
  const Range r = detail::trim(s, line.range);
  std::uint32_t i = r.begin;
  if (i >= r.end) return;
  const bool paren = detail::is_open_bracket(s[i]);
  if (paren) ++i;
  const std::uint32_t number_begin = i;
  bool arabic = true;
  while (i < r.end && is_digit(s[i])) ++i;
  if (i == number_begin) {
    arabic = false;
    while (i < r.end && detail::is_cjk_digit(s[i])) ++i;
  }
  const std::uint32_t number_end = i;
  if (number_end == number_begin || number_end - number_begin > 4) return;
  if (paren) {
    if (i >= r.end || !detail::is_close_bracket(s[i])) return;
    ++i;
    line.numbering = arabic ? Numbering::ParenArabic : Numbering::ParenCjk;
  } else {
    if (i >= r.end) return;
    const char32_t mark = s[i];
    if (arabic) {
      if (mark != U'.' && mark != U'、' && mark != U'．') return;
      if (i + 1 < r.end && is_digit(s[i + 1])) return;  // "3.5亿元" is a number, not a task
      line.numbering = Numbering::Arabic;
    } else {
      if (mark != U'、') return;
      line.numbering = Numbering::CjkComma;
    }
    ++i;
  }
  line.number = {number_begin, number_end};
  line.body = detail::trim(s, {i, r.end});
}

bool is_heading_numbering(Numbering n) { return n == Numbering::CjkComma || n == Numbering::ParenCjk; }

class DocumentParser {
 public:
  DocumentParser(Source source, const ExtractOptions& options)
      : options_(options),
        aliases_(options.aliases ? *options.aliases : default_aliases()),
        folder_(false) {
    document_.sources.push_back(std::move(source));
  }

  Document run() {
    const std::string& text = document_.sources[0].text;
    folder_.append(text, 0, static_cast<std::uint32_t>(text.size()), folded_);
    if (folded_.traditional_markers > 0) {  // a traditional-script document: fold it to simplified
      folder_ = Folder(true);
      folded_.clear();
      folder_.append(text, 0, static_cast<std::uint32_t>(text.size()), folded_);
    }
    split_lines();
    read_metadata();
    for (std::size_t k = 0; k < lines_.size();) k = parse_from(k);
    return std::move(document_);
  }

 private:
  static const AliasTable& default_aliases() {
    static const AliasTable table = AliasTable::extending_builtin();
    return table;
  }

  std::u32string_view chars() const { return folded_.chars; }

  std::string original(Range r) const {
    const std::uint32_t b = folded_.offsets[r.begin];
    const std::uint32_t e = folded_.offsets[r.end];
    return document_.sources[0].text.substr(b, e - b);
  }

  Span span(Range r) const {
    const std::uint32_t b = folded_.offsets[r.begin];
    return {b, folded_.offsets[r.end] - b};
  }

  void split_lines() {
    const std::u32string_view s = chars();
    std::uint32_t start = 0;
    for (std::uint32_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && s[i] != U'\n') continue;
      std::uint32_t end = i;
      if (end > start && s[end - 1] == U'\r') --end;
      Line line;
      line.range = detail::trim(s, {start, end});
      if (line.range.empty()) line.range = {start, start};
      read_numbering(s, line);
      lines_.push_back(line);
      start = i + 1;
    }
  }

  void read_metadata() {
    const std::u32string_view s = chars();
    for (const Line& line : lines_) {
      if (line.numbering == Numbering::Arabic) break;  // the title precedes the tasks
      if (detail::looks_like_title(detail::slice(s, line.range))) {
        document_.title = original(line.range);
        document_.jurisdiction = detail::jurisdiction_from_title(detail::slice(s, line.range));
        document_.year = detail::year_from_title(detail::slice(s, line.range));
        break;
      }
    }
    if (!document_.jurisdiction && options_.jurisdiction) document_.jurisdiction = options_.jurisdiction;
    document_.first_listed_is_lead = options_.first_listed_is_lead || detail::states_first_listed_lead(s);
    if (document_.jurisdiction && *document_.jurisdiction != "国务院") {
      jurisdiction_folded_ = folder_.fold_utf8(*document_.jurisdiction);
      // The level is the jurisdiction's last character: 市, 县, 区, 州 (自治州), 旗.
      std::size_t last = jurisdiction_folded_.size();
      while (last > 0 && (static_cast<unsigned char>(jurisdiction_folded_[--last]) & 0xC0) == 0x80) {
      }
      jurisdiction_level_ = jurisdiction_folded_.substr(last);
    }
  }

  // Parses what starts at line k; returns the index of the next line to look at.
  std::size_t parse_from(std::size_t k) {
    const Line& line = lines_[k];
    if (line.blank()) return k + 1;
    if (auto table = table_at(k)) return parse_table(k, *table);
    if (line.numbering == Numbering::None) return k + 1;
    return parse_numbered(k);
  }

  // The lines a numbered paragraph may use for its annotation: itself and the lines after it up to
  // the next numbered line, at most a few non-blank ones (labels on lines of their own).
  std::size_t block_end(std::size_t k) const {
    std::size_t end = k + 1;
    int non_blank = 0;
    while (end < lines_.size() && lines_[end].numbering == Numbering::None && non_blank < 6) {
      if (!lines_[end].blank()) ++non_blank;
      ++end;
    }
    return end;
  }

  std::size_t parse_numbered(std::size_t k) {
    const std::u32string_view s = chars();
    const Line& line = lines_[k];
    // A heading (一、 / (一)) is a task only when its own line carries the annotation.
    const std::size_t end = is_heading_numbering(line.numbering) ? k + 1 : block_end(k);
    const Range block{line.body.begin, lines_[end - 1].range.end > line.body.begin ? lines_[end - 1].range.end
                                                                                     : line.range.end};
    std::optional<detail::FoundAnnotation> found = detail::find_annotation(s, block);
    if (!found && is_heading_numbering(line.numbering)) {
      open_section(line);
      return k + 1;
    }
    if (!found) {
      skip(line, "numbered paragraph without a responsibility annotation (no lead or responsible unit named)");
      return k + 1;
    }
    Task task;
    task.id = to_utf8(detail::slice(s, line.number));
    task.line = static_cast<std::uint32_t>(k + 1);
    task.section = current_section_;
    task.text = span(detail::trim(s, {line.body.begin, found->whole.begin}, U",;"));
    task.annotation = span(found->content);
    fill_roles(*found, task);
    if (task.agencies.empty()) {
      skip(line, "annotation names no agency: " + original(found->content));
    } else {
      document_.tasks.push_back(std::move(task));
    }
    // Lines up to the one holding the annotation belong to the task; later ones are read anew.
    std::size_t next = k + 1;
    while (next < end && lines_[next].range.begin < found->whole.end) ++next;
    return next;
  }

  void fill_roles(const detail::FoundAnnotation& found, Task& task) {
    const std::u32string_view s = chars();
    for (const detail::RoleList& list : found.parsed.roles)
      for (const detail::NamePiece& piece : detail::split_names(s, list.names))
        add_mention(task, piece.marked_lead ? Role::Lead : list.role, piece);
    for (Range deadline : found.parsed.deadlines) {
      if (!task.deadline.empty()) task.deadline += "；";
      task.deadline += original(deadline);
    }
    for (Range remark : found.parsed.remarks) task.remarks.push_back(original(remark));
    apply_first_listed(task);
  }

  // A name as printed resolves to the same canonical name and kind every time: resolve it once.
  struct Resolved {
    NameId name;
    NameId canonical;
    AgencyKind kind;
  };

  void add_mention(Task& task, Role role, const detail::NamePiece& piece) {
    const std::u32string_view s = chars();
    std::string printed = original(piece.main);
    if (!piece.shared_suffix.empty()) printed += original(piece.shared_suffix);
    auto cached = resolved_.find(printed);
    if (cached == resolved_.end()) {
      std::u32string folded(detail::slice(s, piece.main));
      folded += detail::slice(s, piece.shared_suffix);
      std::erase_if(folded, detail::is_space);
      if (folded.empty()) return;
      const std::string canonical = aliases_.canonical(without_jurisdiction(to_utf8(folded)));
      const Resolved resolved{document_.names.intern(printed), document_.names.intern(canonical),
                              classify_agency(canonical)};
      cached = resolved_.emplace(std::move(printed), resolved).first;
    }
    AgencyMention mention;
    mention.name = cached->second.name;
    mention.canonical = cached->second.canonical;
    mention.role = role;
    mention.kind = cached->second.kind;
    for (const AgencyMention& seen : task.agencies)
      if (seen.name == mention.name && seen.role == mention.role) return;  // printed twice
    task.agencies.push_back(mention);
  }

  // 荆州市财政局 in a 荆州市 document is the document's own 市财政局.
  std::string without_jurisdiction(std::string name) const {
    if (jurisdiction_folded_.empty() || !name.starts_with(jurisdiction_folded_) ||
        name.size() == jurisdiction_folded_.size())
      return name;
    return jurisdiction_level_ + name.substr(jurisdiction_folded_.size());
  }

  void apply_first_listed(Task& task) const {
    if (!document_.first_listed_is_lead || task.agencies.empty()) return;
    for (const AgencyMention& mention : task.agencies)
      if (mention.role == Role::Lead) return;
    task.agencies.front().role = Role::Lead;
    task.lead_from_first_listed = true;
  }

  void skip(const Line& line, std::string reason) {
    document_.skipped.push_back({0, static_cast<std::uint32_t>(&line - lines_.data() + 1), std::move(reason)});
  }

  void open_section(const Line& line) {
    const std::string heading = original(line.range);
    std::vector<std::string> path = document_.sections[current_section_];
    if (line.numbering == Numbering::CjkComma) {
      path = {heading};
    } else {
      if (path.size() >= 2) path.resize(1);
      path.push_back(heading);
    }
    document_.sections.push_back(std::move(path));
    current_section_ = static_cast<std::uint32_t>(document_.sections.size() - 1);
  }

  // ---- tables ----

  std::optional<detail::TableLayout> table_at(std::size_t k) const {
    const std::u32string_view s = chars();
    const Range r = lines_[k].range;
    const std::u32string_view text = detail::slice(s, r);
    for (CellSeparator separator : {CellSeparator::Tab, CellSeparator::Pipe, CellSeparator::Comma}) {
      const char32_t c = separator == CellSeparator::Tab ? U'\t' : separator == CellSeparator::Pipe ? U'|' : U',';
      if (std::count(text.begin(), text.end(), c) < 2) continue;
      if (auto layout = detail::read_header(s, detail::split_cells(s, r, separator), separator)) return layout;
    }
    // One cell per line: a run of at least three header words on consecutive non-blank lines.
    std::vector<Range> cells;
    for (std::size_t j = k; j < lines_.size() && cells.size() < 8; ++j) {
      if (lines_[j].blank()) continue;
      if (!detail::is_header_word(detail::slice(s, lines_[j].range))) break;
      cells.push_back(lines_[j].range);
    }
    if (cells.size() >= 3)
      if (auto layout = detail::read_header(s, cells, CellSeparator::Line)) return layout;
    return std::nullopt;
  }

  std::size_t parse_table(std::size_t header, const detail::TableLayout& layout) {
    if (layout.separator == CellSeparator::Line) return parse_line_table(header, layout);
    const std::u32string_view s = chars();
    std::size_t k = header + 1;
    for (; k < lines_.size(); ++k) {
      if (lines_[k].blank()) continue;
      std::vector<Range> cells = detail::split_cells(s, lines_[k].range, layout.separator);
      if (cells.size() < 2) break;  // the table has ended
      if (std::all_of(cells.begin(), cells.end(), [&](Range c) { return is_rule_cell(c); })) continue;  // |---|
      read_row(k, cells, layout);
    }
    return k;
  }

  // A table flattened from Word: the header cells on `columns` lines, then each row likewise.
  // Rows resynchronise on the row number when the first column is 序号.
  std::size_t parse_line_table(std::size_t header, const detail::TableLayout& layout) {
    const std::u32string_view s = chars();
    const std::size_t n = lines_.size();
    std::size_t k = header;
    for (int seen = 0; k < n && seen < layout.columns; ++k)
      if (!lines_[k].blank()) ++seen;
    while ((k = first_non_blank(k)) < n) {
      const std::size_t row_line = k;
      if (layout.id == 0 && !is_row_number(lines_[k].range)) return k;  // the table has ended
      std::vector<Range> cells;
      for (; k < n && static_cast<int>(cells.size()) < layout.columns; ++k) {
        if (lines_[k].blank()) continue;
        if (!cells.empty() && layout.id == 0 && is_row_number(lines_[k].range)) break;
        cells.push_back(lines_[k].range);
      }
      if (layout.id != 0) {
        const int column = layout.lead >= 0 ? layout.lead : layout.co;
        if (static_cast<std::size_t>(column) >= cells.size() ||
            !detail::looks_like_agency_list(detail::slice(s, cells[static_cast<std::size_t>(column)])))
          return row_line;
      }
      read_row(row_line, cells, layout);
    }
    return k;
  }

  std::size_t first_non_blank(std::size_t k) const {
    while (k < lines_.size() && lines_[k].blank()) ++k;
    return k;
  }

  bool is_row_number(Range r) const {
    const std::u32string_view t = detail::slice(chars(), r);
    return !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), is_digit);
  }

  bool is_rule_cell(Range r) const {
    const std::u32string_view t = detail::slice(chars(), r);
    return t.find_first_not_of(U"-:= ") == std::u32string_view::npos;
  }

  void read_row(std::size_t k, const std::vector<Range>& cells, const detail::TableLayout& layout) {
    auto cell = [&](int column) -> Range {
      return column >= 0 && static_cast<std::size_t>(column) < cells.size() ? cells[static_cast<std::size_t>(column)]
                                                                              : Range{};
    };
    const Range task_cell = cell(layout.task);
    if (task_cell.empty() && cell(layout.lead).empty() && cell(layout.co).empty()) return;
    Task task;
    const Range id = cell(layout.id);
    task.id = id.empty() ? std::to_string(++table_rows_) : to_utf8(detail::slice(chars(), id));
    task.line = static_cast<std::uint32_t>(k + 1);
    task.section = current_section_;
    task.text = span(task_cell);
    if (!cell(layout.lead).empty()) {
      task.annotation = span(cell(layout.lead));
    }
    for (const auto& [column, role] : {std::pair{layout.lead, Role::Lead}, std::pair{layout.co, Role::Co}})
      for (const detail::NamePiece& piece : detail::split_names(chars(), cell(column))) add_mention(task, role, piece);
    if (!cell(layout.deadline).empty()) task.deadline = original(cell(layout.deadline));
    apply_first_listed(task);
    if (task.agencies.empty()) {
      document_.skipped.push_back({0, task.line, "table row names no lead or responsible unit"});
      return;
    }
    document_.tasks.push_back(std::move(task));
  }

  const ExtractOptions& options_;
  const AliasTable& aliases_;
  Folder folder_;
  FoldedText folded_;
  std::vector<Line> lines_;
  Document document_;
  std::unordered_map<std::string, Resolved> resolved_;  // by name as printed
  std::string jurisdiction_folded_;  // e.g. 荆州市, to strip from 荆州市财政局
  std::string jurisdiction_level_;   // e.g. 市
  std::uint32_t current_section_ = 0;
  int table_rows_ = 0;
};

}  // namespace

Document extract_document(Source source, const ExtractOptions& options) {
  return DocumentParser(std::move(source), options).run();
}

}  // namespace agencygraph
