// extract_document: lines -> numbered paragraphs and table rows -> annotations -> agency mentions.
//
// The grammar (annotation.hpp, names.hpp, tables.hpp, document_metadata.hpp) reads folded UTF-32
// text. Folding a whole document costs more than parsing it, so the document is split into lines
// and scanned as UTF-8 (utf8_text.hpp says why that is exact), and only the regions the grammar
// reads are folded: each line's first characters (task numbers), lines that may be titles or
// table headers, each task's annotation (annotation_locator.hpp) and the lines of tables. Every
// folded region keeps its characters' byte offsets, so results are the same as on the document
// folded whole, and names and spans come from the original bytes.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "agencygraph/agency_kind.hpp"
#include "agencygraph/extract.hpp"
#include "agencygraph/fold.hpp"
#include "annotation.hpp"
#include "annotation_locator.hpp"
#include "document_metadata.hpp"
#include "lines.hpp"
#include "names.hpp"
#include "string_map.hpp"
#include "tables.hpp"
#include "text/html_text.hpp"
#include "traditional_markers.hpp"
#include "utf8_text.hpp"

namespace agencygraph {
namespace {

using detail::ByteRange;
using detail::CellSeparator;
using detail::Line;
using detail::Numbering;
using detail::Range;
using detail::is_heading_numbering;
using detail::is_task_numbering;

// Every title word (looks_like_title) holds one of these.
const detail::WordSet kTitleCharacters{"分", "报"};
// Every task column's header (tables.cpp, Column::Task) holds one of these.
const detail::WordSet kTaskColumnWords{"任务", "事项", "内容", "目标"};

// Folded copies of consecutive lines from a first one on, for the table readers, folded as the
// readers reach them. Whole lines are folded, line breaks included, as in the document folded whole.
class LineWindow {
 public:
  LineWindow(std::string_view text, const Folder& folder, const std::vector<Line>& lines)
      : text_(text), folder_(folder), lines_(lines) {}

  void start(std::size_t first) {
    first_ = first;
    folded_.clear();
    ranges_.clear();
    untrimmed_.clear();
  }

  // The folded trimmed range of line k (k >= first); folds the lines up to it. chars() may move.
  Range range(std::size_t k) {
    while (first_ + ranges_.size() <= k) fold_next_line();
    return ranges_[k - first_];
  }

  // The same untrimmed: a TSV row's leading TAB is an empty first cell (a blank 序号), not space.
  Range untrimmed(std::size_t k) {
    while (first_ + ranges_.size() <= k) fold_next_line();
    return untrimmed_[k - first_];
  }

  std::u32string_view chars() const { return folded_.chars; }
  const FoldedText& folded() const { return folded_; }

 private:
  void fold_next_line() {
    const std::size_t k = first_ + ranges_.size();
    const std::uint32_t end = k + 1 < lines_.size() ? lines_[k + 1].start : static_cast<std::uint32_t>(text_.size());
    const auto base = static_cast<std::uint32_t>(folded_.size());
    folder_.append(text_, lines_[k].start, end, folded_);
    auto index = [&](std::uint32_t offset) {
      return static_cast<std::uint32_t>(
          std::lower_bound(folded_.offsets.begin() + base, folded_.offsets.end(), offset) - folded_.offsets.begin());
    };
    ranges_.push_back({index(lines_[k].range.begin), index(lines_[k].range.end)});
    untrimmed_.push_back({index(lines_[k].start), index(lines_[k].content_end)});
  }

  std::string_view text_;
  const Folder& folder_;
  const std::vector<Line>& lines_;
  std::size_t first_ = 0;
  FoldedText folded_;
  std::vector<Range> ranges_;
  std::vector<Range> untrimmed_;
};

class DocumentParser {
 public:
  DocumentParser(Source source, const ExtractOptions& options)
      : options_(options),
        aliases_(options.aliases ? *options.aliases : default_aliases()),
        document_(document_of(std::move(source))),
        text_(document_.sources[0].text),
        folder_(false),
        locator_(text_, folder_),
        window_(text_, folder_, lines_) {}

  Document run() {
    split_lines();
    // Nearly every numbered paragraph is a task: one allocation instead of a dozen reallocations.
    document_.tasks.reserve(static_cast<std::size_t>(
        std::count_if(lines_.begin(), lines_.end(), [](const Line& line) { return line.numbering != Numbering::None; })));
    read_metadata();
    for (std::size_t k = 0; k < lines_.size();) k = parse_from(k);
    return std::move(document_);
  }

 private:
  static Document document_of(Source source) {
    Document document;
    document.sources.push_back(std::move(source));
    return document;
  }

  static const AliasTable& default_aliases() {
    static const AliasTable table = AliasTable::extending_builtin();
    return table;
  }

  std::string original(ByteRange r) const { return std::string(text_.substr(r.begin, r.size())); }
  std::string original(const FoldedText& folded, Range r) const { return original(detail::bytes_of(folded, r)); }
  static Span span(ByteRange r) { return {r.begin, r.size()}; }
  static Span span(const FoldedText& folded, Range r) { return span(detail::bytes_of(folded, r)); }

  // The folded characters of text[r] as UTF-8 (task numbers).
  std::string folded_utf8(ByteRange r) const {
    std::string out;
    for (std::uint32_t i = r.begin; i < r.end;) append_utf8(out, folder_.next(text_, i, r.end));
    return out;
  }

  // ---- lines ----

  // Splits the text into lines and reads their numbers, folding as a traditional document when it
  // holds traditional forms of annotation words (兩、 is then a number).
  void split_lines() {
    if (detail::has_traditional_markers(text_)) folder_ = Folder(true);
    lines_ = detail::split_lines(text_, folder_);
  }

  void read_metadata() {
    FoldedText folded;
    for (std::size_t k = 0; k < lines_.size(); ++k) {
      const Line& line = lines_[k];
      if (line.numbering == Numbering::Arabic) break;  // the title precedes the tasks
      if (line.blank()) continue;
      // So does a table's header: in a page or sheet without a title, a row whose task reads
      // "抓好政府工作报告…分工落实" was taken as the title (and pages of one title are merged).
      if (table_at(k)) break;
      // (Compared as bytes: a traditional title may print 報.)
      if (!folder_.traditional() && !kTitleCharacters.found_in(text_, line.range)) continue;
      folded.clear();
      folder_.append(text_, line.range.begin, line.range.end, folded);
      const std::u32string_view title = folded.chars;
      if (detail::looks_like_title(title)) {
        document_.title = original(line.range);
        document_.jurisdiction = detail::jurisdiction_from_title(title);
        document_.year = detail::year_from_title(title);
        break;
      }
    }
    if (!document_.jurisdiction && options_.jurisdiction) document_.jurisdiction = options_.jurisdiction;
    document_.first_listed_is_lead =
        options_.first_listed_is_lead || detail::states_first_listed_lead(text_, folder_);
    if (document_.jurisdiction && *document_.jurisdiction != "国务院") {
      jurisdiction_folded_ = folder_.fold_utf8(*document_.jurisdiction);
      // The level is the jurisdiction's last character: 市, 县, 区, 州 (自治州), 旗.
      std::size_t last = jurisdiction_folded_.size();
      while (last > 0 && (static_cast<unsigned char>(jurisdiction_folded_[--last]) & 0xC0) == 0x80) {
      }
      jurisdiction_level_ = jurisdiction_folded_.substr(last);
    }
  }

  // ---- numbered paragraphs ----

  // Parses what starts at line k; returns the index of the next line to look at.
  std::size_t parse_from(std::size_t k) {
    const Line& line = lines_[k];
    if (line.blank()) return k + 1;
    if (auto table = table_at(k)) return parse_table(k, *table);
    if (line.numbering == Numbering::None) return k + 1;
    return parse_numbered(k);
  }

  // The lines a numbered paragraph may use for its annotation: itself and the lines after it up to
  // the next numbered line or the next table, at most a few non-blank ones (labels on lines of their
  // own). A table's header is not the paragraph's: read as a label line, its 牵头单位 made the
  // paragraph a task led by 配合单位 and swallowed the table's rows.
  std::size_t block_end(std::size_t k) {
    std::size_t end = k + 1;
    int non_blank = 0;
    while (end < lines_.size() && lines_[end].numbering == Numbering::None && non_blank < 6) {
      if (!lines_[end].blank()) {
        if (table_at(end)) break;
        ++non_blank;
      }
      ++end;
    }
    return end;
  }

  std::size_t parse_numbered(std::size_t k) {
    const Line& line = lines_[k];
    // A heading (一、 / (一)) is a task only when its own line carries the annotation.
    const std::size_t end = is_heading_numbering(line.numbering) ? k + 1 : block_end(k);
    const ByteRange block{line.body, lines_[end - 1].range.end > line.body ? lines_[end - 1].range.end : line.range.end};
    std::optional<detail::LocatedAnnotation> located = locator_.locate(block);
    if (!located && is_heading_numbering(line.numbering)) {
      open_section(line);
      return k + 1;
    }
    if (!located) {
      skip(line, "numbered paragraph without a responsibility annotation (no lead or responsible unit named)");
      return k + 1;
    }
    const FoldedText& folded = locator_.folded();
    const detail::FoundAnnotation& found = located->found;
    Task task;
    task.id = folded_utf8(line.number);
    task.line = file_line(k);
    task.section = current_section_;
    task.text = span(detail::trim_bytes(folder_, text_, {line.body, located->whole.begin}, U",;"));
    task.annotation = span(folded, found.content);
    fill_roles(found, folded, task);
    if (task.agencies.empty()) {
      skip(line, "annotation names no agency: " + original(folded, found.content));
    } else {
      document_.tasks.push_back(std::move(task));
    }
    // Lines up to the one holding the annotation belong to the task; later ones are read anew.
    std::size_t next = k + 1;
    while (next < end && lines_[next].range.begin < located->whole.end) ++next;
    return next;
  }

  void fill_roles(const detail::FoundAnnotation& found, const FoldedText& folded, Task& task) {
    pieces_.clear();
    for (const detail::RoleList& list : found.parsed.roles)
      for (const detail::NamePiece& piece : names_.split(folded.chars, list.names))
        pieces_.push_back({piece.marked_lead ? Role::Lead : list.role, piece});
    add_mentions(task, folded);
    for (Range deadline : found.parsed.deadlines) {
      if (!task.deadline.empty()) task.deadline += "；";
      task.deadline += original(folded, deadline);
    }
    for (Range remark : found.parsed.remarks) task.remarks.push_back(original(folded, remark));
    apply_first_listed(task);
  }

  // A name as printed resolves to the same canonical name and kind every time: resolve it once.
  struct Resolved {
    NameId name = 0;
    NameId canonical = 0;
    AgencyKind kind = AgencyKind::Department;
  };

  // Adds the names in pieces_: every list is split before, so that the task's agencies are
  // allocated once rather than once per list.
  void add_mentions(Task& task, const FoldedText& folded) {
    task.agencies.reserve(pieces_.size());
    for (const auto& [role, piece] : pieces_) add_mention(task, role, piece, folded);
  }

  void add_mention(Task& task, Role role, const detail::NamePiece& piece, const FoldedText& folded) {
    // The name as printed: one stretch of the text, or two when it borrows a shared suffix.
    std::string_view printed = text_.substr(folded.offsets[piece.main.begin],
                                            folded.offsets[piece.main.end] - folded.offsets[piece.main.begin]);
    if (!piece.shared_suffix.empty()) {
      printed_.assign(printed);
      printed_ += original(folded, piece.shared_suffix);
      printed = printed_;
    }
    const Resolved* resolved = resolved_.find(printed);
    std::optional<Resolved> fresh;  // outlives the block below: `resolved` may point into it
    if (!resolved) {
      fresh = resolve(printed, piece, folded);
      if (!fresh) return;
      resolved_.insert(printed, *fresh);
      resolved = &*fresh;
    }
    AgencyMention mention;
    mention.name = resolved->name;
    mention.canonical = resolved->canonical;
    mention.role = role;
    mention.kind = resolved->kind;
    for (const AgencyMention& seen : task.agencies)
      if (seen.name == mention.name && seen.role == mention.role) return;  // printed twice
    task.agencies.push_back(mention);
  }

  // Interns a name met for the first time, with its canonical form and kind; nothing for a name
  // that folds to nothing but spaces.
  std::optional<Resolved> resolve(std::string_view printed, const detail::NamePiece& piece, const FoldedText& folded) {
    folded_name_.clear();  // the folded name without spaces, as UTF-8
    for (Range part : {piece.main, piece.shared_suffix})
      for (char32_t c : detail::slice(folded.chars, part))
        if (!detail::is_space(c)) append_utf8(folded_name_, c);
    if (folded_name_.empty()) return std::nullopt;
    const std::string canonical = aliases_.canonical(without_jurisdiction(folded_name_));
    const NameId name = document_.names.intern(printed);
    // Most names are printed in their canonical form: interning it again would give the same id.
    const NameId canonical_id = canonical == printed ? name : document_.names.intern(canonical);
    return Resolved{name, canonical_id, classify_agency(canonical)};
  }

  // 荆州市财政局 in a 荆州市 document is the document's own 市财政局 (then built in local_name_).
  std::string_view without_jurisdiction(std::string_view name) {
    if (jurisdiction_folded_.empty() || !name.starts_with(jurisdiction_folded_) ||
        name.size() == jurisdiction_folded_.size())
      return name;
    local_name_.assign(jurisdiction_level_);
    local_name_ += name.substr(jurisdiction_folded_.size());
    return local_name_;
  }

  void apply_first_listed(Task& task) const {
    if (!document_.first_listed_is_lead || task.agencies.empty()) return;
    for (const AgencyMention& mention : task.agencies)
      if (mention.role == Role::Lead) return;
    task.agencies.front().role = Role::Lead;
    task.lead_from_first_listed = true;
  }

  void skip(const Line& line, std::string reason) {
    document_.skipped.push_back({0, file_line(static_cast<std::size_t>(&line - lines_.data())), std::move(reason)});
  }

  // The 1-based line of the file where line k of the text began (k + 1 unless converted from HTML).
  std::uint32_t file_line(std::size_t k) const {
    return document_.sources[0].original_line(static_cast<std::uint32_t>(k + 1));
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

  // A header names a task column and a role column in cells of at most 12 characters (tables.cpp):
  // either in one row, which then names a task column somewhere, or one cell per line, starting
  // with a line of at most 12 characters (48 bytes). The words are compared as bytes, so
  // traditional documents, which may print them in traditional forms, are always checked.
  bool may_be_table_header(const Line& line) const {
    return folder_.traditional() || line.range.size() <= 12 * 4 || kTaskColumnWords.found_in(text_, line.range);
  }

  std::optional<detail::TableLayout> table_at(std::size_t k) {
    // A line with a task number is a task or a skipped paragraph, never a header, even when it has
    // a header's cells ("57.牵头单位:|目标|…"): read as one, it was neither (found by fuzz_extract).
    if (is_task_numbering(lines_[k].numbering)) return std::nullopt;
    if (!may_be_table_header(lines_[k])) return std::nullopt;
    window_.start(k);
    const Range r = window_.range(k);
    const std::u32string_view s = window_.chars();
    const std::u32string_view text = detail::slice(s, r);
    for (CellSeparator separator : {CellSeparator::Tab, CellSeparator::Pipe, CellSeparator::Comma}) {
      const char32_t c = separator == CellSeparator::Tab ? U'\t' : separator == CellSeparator::Pipe ? U'|' : U',';
      if (std::count(text.begin(), text.end(), c) < 2) continue;
      if (auto layout = detail::read_header(s, detail::split_cells(s, r, separator), separator)) return layout;
    }
    // One cell per line: a run of at least three header words on consecutive non-blank lines. A
    // numbered line is a heading or a task, never a header cell, even when it names one
    // (一、重点任务 over a table flattened from Word): taken as a cell it shifted every column.
    std::vector<Range> cells;
    for (std::size_t j = k; j < lines_.size() && cells.size() < 8; ++j) {
      if (lines_[j].blank()) continue;
      if (lines_[j].numbering != Numbering::None) break;
      const Range cell = window_.range(j);
      if (!detail::is_header_word(detail::slice(window_.chars(), cell))) break;
      cells.push_back(cell);
    }
    if (cells.size() >= 3)
      if (auto layout = detail::read_header(window_.chars(), cells, CellSeparator::Line)) return layout;
    return std::nullopt;
  }

  // Reads the table whose header table_at(header) found, in window_, which starts at the header.
  std::size_t parse_table(std::size_t header, const detail::TableLayout& layout) {
    if (layout.separator == CellSeparator::Line) return parse_line_table(header, layout);
    std::size_t k = header + 1;
    for (; k < lines_.size(); ++k) {
      if (lines_[k].blank()) continue;
      const Range r = layout.separator == CellSeparator::Tab ? window_.untrimmed(k) : window_.range(k);
      std::vector<Range> cells = detail::split_cells(window_.chars(), r, layout.separator);
      if (cells.size() < 2) break;  // the table has ended
      if (std::all_of(cells.begin(), cells.end(), [&](Range c) { return is_rule_cell(c); })) continue;  // |---|
      read_row(k, cells, layout);
    }
    return k;
  }

  // A table flattened from Word: the header cells on `columns` lines, then each row likewise.
  // Rows resynchronise on the row number when the first column is 序号.
  std::size_t parse_line_table(std::size_t header, const detail::TableLayout& layout) {
    const std::size_t n = lines_.size();
    std::size_t k = header;
    for (int seen = 0; k < n && seen < layout.columns; ++k)
      if (!lines_[k].blank()) ++seen;
    while ((k = first_non_blank(k)) < n) {
      const std::size_t row_line = k;
      if (layout.id == 0 && !is_row_number(window_.range(k))) return k;  // the table has ended
      std::vector<Range> cells;
      for (; k < n && static_cast<int>(cells.size()) < layout.columns; ++k) {
        if (lines_[k].blank()) continue;
        const Range r = window_.range(k);
        if (!cells.empty() && layout.id == 0 && is_row_number(r)) break;
        // A numbered paragraph ends a short last row (and with it the table): taken as a cell it was
        // neither a task nor skipped.
        if (!cells.empty() && lines_[k].numbering != Numbering::None) break;
        cells.push_back(r);
      }
      if (layout.id != 0) {
        const int column = layout.lead >= 0 ? layout.lead : layout.co;
        if (static_cast<std::size_t>(column) >= cells.size() ||
            !detail::looks_like_agency_list(detail::slice(window_.chars(), cells[static_cast<std::size_t>(column)])))
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
    const std::u32string_view t = detail::slice(window_.chars(), r);
    return !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), detail::is_digit);
  }

  bool is_rule_cell(Range r) const {
    const std::u32string_view t = detail::slice(window_.chars(), r);
    return t.find_first_not_of(U"-:= ") == std::u32string_view::npos;
  }

  void read_row(std::size_t k, const std::vector<Range>& cells, const detail::TableLayout& layout) {
    const FoldedText& folded = window_.folded();
    auto cell = [&](int column) -> Range {
      return column >= 0 && static_cast<std::size_t>(column) < cells.size() ? cells[static_cast<std::size_t>(column)]
                                                                              : Range{};
    };
    const Range task_cell = cell(layout.task);
    if (task_cell.empty() && cell(layout.lead).empty() && cell(layout.co).empty()) return;
    Task task;
    const Range id = cell(layout.id);
    task.id = id.empty() ? std::to_string(++table_rows_) : to_utf8(detail::slice(folded.chars, id));
    task.line = file_line(k);
    task.section = current_section_;
    task.text = span(folded, task_cell);
    if (!cell(layout.lead).empty()) {
      task.annotation = span(folded, cell(layout.lead));
    }
    pieces_.clear();
    for (const auto& [column, role] : {std::pair{layout.lead, Role::Lead}, std::pair{layout.co, Role::Co}})
      for (const detail::NamePiece& piece : names_.split(folded.chars, cell(column))) pieces_.push_back({role, piece});
    add_mentions(task, folded);
    if (!cell(layout.deadline).empty()) task.deadline = original(folded, cell(layout.deadline));
    apply_first_listed(task);
    if (task.agencies.empty()) {
      document_.skipped.push_back({0, task.line, "table row names no lead or responsible unit"});
      return;
    }
    document_.tasks.push_back(std::move(task));
  }

  const ExtractOptions& options_;
  const AliasTable& aliases_;
  Document document_;
  std::string_view text_;  // document_.sources[0].text
  Folder folder_;
  std::vector<Line> lines_;
  detail::AnnotationLocator locator_;
  LineWindow window_;
  detail::StringMap<Resolved> resolved_;  // by name as printed
  std::string printed_;      // buffer for printed names made of two stretches
  std::string folded_name_;  // buffer for resolve()
  std::string local_name_;   // buffer for without_jurisdiction()
  detail::NameSplitter names_;
  std::vector<std::pair<Role, detail::NamePiece>> pieces_;  // a task's names, for add_mentions()
  std::string jurisdiction_folded_;  // e.g. 荆州市, to strip from 荆州市财政局
  std::string jurisdiction_level_;   // e.g. 市
  std::uint32_t current_section_ = 0;
  int table_rows_ = 0;
};

}  // namespace

Document extract_document(Source source, const ExtractOptions& options) {
  // A saved web page is read as the text a browser shows, its lines mapped back to the page's. Only
  // text files can be pages: an office file's paragraph that quotes markup stays text.
  if (source.format == "text" && source.original_lines.empty() && detail::looks_like_html(source.text)) {
    detail::HtmlText page = detail::html_to_text(source.text);
    source.text = std::move(page.text);
    source.original_lines = std::move(page.lines);
    source.format = "html";
  }
  return DocumentParser(std::move(source), options).run();
}

}  // namespace agencygraph
