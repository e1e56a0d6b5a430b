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
#include <bit>
#include <limits>
#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "agencygraph/extract.hpp"
#include "agencygraph/fold.hpp"
#include "agencygraph/resolve_name.hpp"
#include "annotation.hpp"
#include "annotation_locator.hpp"
#include "document_metadata.hpp"
#include "lines.hpp"
#include "names.hpp"
#include "run_together_cells.hpp"
#include "string_map.hpp"
#include "tables.hpp"
#include "text/code_text.hpp"
#include "text/csv_text.hpp"
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
// A long line that is a table's header holds one of these in its task column's name (tables.cpp's
// column_of reads more words, but 工作, 项目 and 措施 alone are common in prose, whose clauses would
// then be tried as a comma-separated header). Two sets: a WordSet looks for at most four last
// characters at once.
const detail::WordSet kTaskColumnWords{"任务", "事项", "内容", "目标"};
const detail::WordSet kMoreTaskColumnWords{"重点工作", "工作措施", "项目名称", "民生实事"};
// Whether a short line holds a character of a word that names a task or number column (tables.cpp,
// column_of: 任务, 工作, 事项, 内容, 目标, 项目, 措施, 实事; 序号, 编号, 序, 号, No.), spaced out or not (主 要 工 作
// 任 务). A table's header names its task column, and a header of one cell per line starts with the
// task or the number, so a line without one starts no table. Compared as bytes: the line is short, and
// folding it was the costly part of looking for a table at every paragraph.
bool holds_column_name_character(std::string_view line) {
  static constexpr auto code = [](const char (&c)[4]) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(c[0])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(c[1])) << 8 | static_cast<unsigned char>(c[2]);
  };
  static constexpr std::array<std::uint32_t, 9> kCharacters = {code("务"), code("作"), code("项"), code("容"), code("标"),
                                                               code("施"), code("序"), code("号"), code("Ｎ")};
  const auto* s = reinterpret_cast<const unsigned char*>(line.data());
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (s[i] == 'N' || s[i] == 'n') return true;
    if (s[i] < 0xE0 || i + 3 > line.size()) continue;
    const std::uint32_t c = static_cast<std::uint32_t>(s[i]) << 16 | static_cast<std::uint32_t>(s[i + 1]) << 8 | s[i + 2];
    if (std::find(kCharacters.begin(), kCharacters.end(), c) != kCharacters.end()) return true;
    i += 2;
  }
  return false;
}

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
        text_(document_.sources[0].content()),
        folder_(false),
        locator_(text_, folder_),
        window_(text_, folder_, lines_) {}

  Document run() {
    split_lines();
    // Nearly every numbered paragraph is a task: one allocation instead of a dozen reallocations.
    const auto numbered = static_cast<std::size_t>(
        std::count_if(lines_.begin(), lines_.end(), [](const Line& line) { return line.numbering != Numbering::None; }));
    document_.tasks.reserve(options_.on_tasks ? std::min(numbered, options_.tasks_per_batch + 1) : numbered);
    read_metadata();
    for (std::size_t k = 0; k < lines_.size();) {
      k = parse_from(k);
      if (options_.on_tasks && document_.tasks.size() > options_.tasks_per_batch) hand_over_tasks();
    }
    apply_footnote_conventions();
    skip_unnumbered_among_numbered();
    if (options_.on_tasks) {
      options_.on_tasks(document_, document_.tasks);
      document_.tasks.clear();
    }
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
    detail::drop_interleaved_blank_lines(lines_);
    starts_no_table_.assign(lines_.size(), false);
  }

  void read_metadata() {
    FoldedText folded;
    std::optional<std::size_t> title_line;
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
        title_line = k;
        break;
      }
    }
    detail::read_year_and_place(document_, text_, lines_, folder_, title_line, options_);
    // A convention stated in the text holds from where it is stated (下同): the preamble's holds for
    // every task, one stated in a task's annotation from that task on.
    const detail::ConventionStatements stated = detail::find_convention_statements(text_, folder_);
    first_listed_from_ = options_.first_listed_is_lead ? std::optional<std::uint32_t>(0) : stated.first_listed_lead;
    unlabelled_lead_from_ = stated.unlabelled_units_lead;
    states_convention_ = stated.first_listed_lead || stated.unlabelled_units_lead;
    document_.first_listed_is_lead = first_listed_from_.has_value();
    resolver_.emplace(document_.jurisdiction, folder_.traditional(), aliases_);
  }

  // ---- numbered paragraphs ----

  // Parses what starts at line k; returns the index of the next line to look at.
  std::size_t parse_from(std::size_t k) {
    const Line& line = lines_[k];
    if (line.blank()) return k + 1;
    if (auto table = table_at(k)) {
      const std::size_t next = parse_table(k, *table);
      table_task_.reset();  // continuation rows are a table's: none after it ends
      return next;
    }
    if (line.numbering == Numbering::None) return parse_unnumbered(k);
    return parse_numbered(k);
  }

  // The lines a numbered paragraph may use for its text and annotation: itself and the lines after
  // it up to the next numbered line or the next table, at most kMaxContinuationLines non-blank ones. A table's
  // header is not the paragraph's: read as a label line, its 牵头单位 made the paragraph a task led
  // by 配合单位 and swallowed the table's rows.
  std::size_t block_end(std::size_t k) {
    return is_heading_numbering(lines_[k].numbering) ? heading_block_end(k) : lines_end<false>(k);
  }

  // Under a heading, a record of a task's fields (工作任务：1.… / 牵头单位：…) is that task's, not
  // the heading's. (Apart: most paragraphs are tasks.)
  [[gnu::noinline]] std::size_t heading_block_end(std::size_t k) { return lines_end<true>(k); }

  template <bool kHeading>
  std::size_t lines_end(std::size_t k) {
    std::size_t end = k + 1;
    int non_blank = 0;
    while (end < lines_.size() && lines_[end].numbering == Numbering::None && non_blank < kMaxContinuationLines) {
      if (!lines_[end].blank()) {
        if (table_at(end)) break;
        if constexpr (kHeading)
          if (task_field_at(end)) break;
        ++non_blank;
      }
      ++end;
    }
    return end;
  }

  // A paragraph copied from a PDF wraps its sentences over many short lines before its annotation;
  // beyond this many, the lines are the document's, not the paragraph's.
  static constexpr int kMaxContinuationLines = 12;

  // An annotation found for a paragraph, and the last line it takes.
  struct Found {
    detail::LocatedAnnotation located;
    std::size_t last_line = 0;
  };

  // Whether the annotation runs to the end of line k's content (trailing punctuation aside): only
  // then may it go on over the next line.
  bool reaches_line_end(const detail::LocatedAnnotation& located, std::size_t k) const {
    const ByteRange rest = detail::trim_bytes(folder_, text_, {std::min(located.whole.end, lines_[k].range.end),
                                                               lines_[k].range.end}, U"。.;,");
    return rest.empty();
  }

  // Whether an annotation that reaches the end of its line may go on over line `next`: a bracket
  // group that closed cannot (the labels of a later line would start an annotation of their own),
  // a group left open can, and labels can when the next line starts with one (责任单位：, 完成时限：).
  bool may_go_on(const detail::LocatedAnnotation& located, std::size_t next) const {
    const std::string_view whole = text_.substr(located.whole.begin, located.whole.size());
    const auto size = static_cast<std::uint32_t>(whole.size());
    std::uint32_t first = 0;
    if (size > 0 && detail::is_open_bracket(folder_.next(whole, first, size))) {
      int open = 0;  // a group goes on only when left open at the end of the line
      for (std::uint32_t i = 0; i < size;) {
        const char32_t c = folder_.next(whole, i, size);
        if (detail::is_open_bracket(c)) ++open;
        else if (detail::is_close_bracket(c) && open > 0) --open;
      }
      return open > 0;
    }
    const ByteRange r = label_line(next);
    std::uint32_t i = r.begin;
    char32_t window[8];
    std::size_t n = 0;
    while (n < 8 && i < r.end) window[n++] = folder_.next(text_, i, r.end);
    if (n > 0 && detail::is_open_bracket(window[0])) return true;  // 【责任单位】…
    return detail::may_be_label_at({window, n});
  }

  // Extends an annotation found in text[from, line k's end) over the lines after k (before `end`)
  // while it goes on there: labels on lines of their own (牵头单位：X / 责任单位：A、B), a deadline
  // line between them, a bracket closed on a later line. The locator is left holding the result.
  Found extend_annotation(std::uint32_t from, std::size_t k, detail::LocatedAnnotation located, std::size_t end,
                          bool by_line) {
    std::size_t last = k;
    bool locator_holds_result = true;
    for (std::size_t next; (next = first_non_blank(last + 1)) < end && reaches_line_end(located, last) &&
                           may_go_on(located, next);) {
      // A label alone on its line (责任单位：) goes on with its units on the line after it.
      if (label_line(next).size() <= kLongestBareLabel)
        if (const std::size_t value = first_non_blank(next + 1); value < end) next = value;
      std::optional<detail::LocatedAnnotation> longer = locator_.locate({from, lines_[next].range.end});
      locator_holds_result = false;
      if (!longer || longer->whole.begin != located.whole.begin || longer->whole.end <= lines_[last].range.end) break;
      located = std::move(*longer);
      locator_holds_result = true;
      by_line = false;
      last = next;
    }
    if (!locator_holds_result) {  // the last try failed: read the kept annotation again
      const ByteRange range{from, lines_[last].range.end};
      located = *(by_line ? locator_.locate_line(range) : locator_.locate(range));
    }
    if (last + 1 < end && may_wrap_onto_next_line(located, last))
      if (std::optional<Found> wrapped = list_wrapped_onto_next_lines(from, last, located, end)) return std::move(*wrapped);
    return {std::move(located), last};
  }

  // A line this long may be a page's full width, which a PDF wraps (a shorter one ends a list).
  static constexpr std::uint32_t kShortestWrappedLine = 20 * 3;

  // Whether the annotation ends line k, a line of a page's full width, with an ideograph or a 、,
  // and a line of text follows at once: a list a PDF's line break may have cut.
  bool may_wrap_onto_next_line(const detail::LocatedAnnotation& located, std::size_t k) const {
    const ByteRange r = lines_[k].range;
    if (r.size() < kShortestWrappedLine || located.whole.end != r.end) return false;
    const Line& next = lines_[k + 1];
    if (next.blank() || next.numbering != Numbering::None) return false;
    const auto lead = static_cast<unsigned char>(text_[r.end - 3]);
    return (lead >= 0xE4 && lead <= 0xE9) || text_.substr(r.end - 3, 3) == "、";
  }

  // The annotation of text[from, …) read on over the lines after `last` (at most three) where a
  // labelled list goes on there: its last name, cut by the line break (园区党工 / 委), ends like a
  // unit once joined, or the list's line ends in 、. Names are printed without the breaks.
  [[gnu::noinline]] std::optional<Found> list_wrapped_onto_next_lines(std::uint32_t from, std::size_t last,
                                                                    const detail::LocatedAnnotation& located,
                                                                    std::size_t end) {
    constexpr int kMostLines = 3;
    std::size_t through = last;
    for (int lines = 0; lines < kMostLines && through + 1 < end; ++lines) {
      if (lines > 0 && !may_wrap_onto_next_line(located, through)) break;
      if (!list_goes_on(through)) break;
      ++through;
    }
    if (through == last) return std::nullopt;
    std::optional<detail::LocatedAnnotation> unwrapped =
        locator_.locate_unwrapped({from, lines_[through].range.end}, lines_[last].range.begin);
    if (!unwrapped || unwrapped->whole.begin != located.whole.begin || unwrapped->whole.end <= lines_[last].range.end)
      return std::nullopt;
    names_span_line_breaks_ = true;  // until the task is added
    return Found{std::move(*unwrapped), through};
  }

  // Whether the list ending line k goes on at the start of line k + 1: k ends in 、, or its last
  // name does not end like a unit and does once the next line's first name is joined to it.
  bool list_goes_on(std::size_t k) {
    FoldedText folded;
    folder_.append(text_, lines_[k].range.begin, lines_[k].range.end, folded);
    if (folded.chars.empty()) return false;
    if (folded.chars.back() == U'、') return true;
    const std::size_t cut = folded.chars.find_last_of(U"、,;:()");
    std::u32string joined(folded.chars.substr(cut == std::u32string::npos ? 0 : cut + 1));
    if (joined.empty() || detail::ends_like_agency(joined)) return false;
    FoldedText next;
    folder_.append(text_, lines_[k + 1].range.begin, lines_[k + 1].range.end, next);
    const std::size_t stop = next.chars.find_first_of(U"、,;。()");
    joined += next.chars.substr(0, stop);
    return detail::ends_like_agency(joined) && !detail::is_bare_place(joined);
  }

  // A line that may open with the level of its label: 省牵头单位：X reads as 牵头单位：X.
  ByteRange label_line(std::size_t k) const {
    ByteRange r = lines_[k].range;
    std::uint32_t after = r.begin;
    const char32_t first = r.begin < r.end ? folder_.next(text_, after, r.end) : U'\0';
    if (std::u32string_view(U"省市县区州镇乡").find(first) != std::u32string_view::npos && after < r.end) {
      std::uint32_t i = after;
      char32_t window[8];
      std::size_t n = 0;
      while (n < 8 && i < r.end) window[n++] = folder_.next(text_, i, r.end);
      if (detail::may_be_label_at({window, n})) r.begin = after;
    }
    return r;
  }

  // The annotation of the paragraph that starts at line k (its text from `from`) and may use the
  // lines before `end`: on line k itself, else on the first line after it that holds one, read on
  // its own (labels, brackets, prose, role clauses opening it). With `whole_lines`, a later line
  // counts only when it is all annotation: a heading's body text does not annotate it.
  std::optional<Found> find_paragraph_annotation(std::size_t k, std::uint32_t from, std::size_t end, bool whole_lines) {
    const Line& line = lines_[k];
    if (auto located = locator_.locate({from, line.range.end})) return extend_annotation(from, k, std::move(*located), end, false);
    for (std::size_t j = k + 1; j < end; ++j) {
      if (lines_[j].blank()) continue;
      const ByteRange r = label_line(j);
      if (whole_lines && !may_be_whole_line_annotation(r)) continue;
      std::optional<detail::LocatedAnnotation> located = locator_.locate_line(r);
      std::size_t last = j;  // the last line the annotation takes
      if (!located && (located = label_over_next_line(j, end))) last = first_non_blank(j + 1);
      if (!located) continue;
      if (whole_lines && !detail::trim_bytes(folder_, text_, {r.begin, located->whole.begin}).empty()) continue;
      if (std::optional<Found> with_people = with_people_lines_before(k, j, r, *located, end)) return with_people;
      return extend_annotation(r.begin, last, std::move(*located), end, last == j);
    }
    if (whole_lines || is_heading_numbering(line.numbering)) return std::nullopt;
    return find_bracket_wrapped_over_lines(k, from, end);
  }

  // None on a line of its own: a bracket the paragraph's lines wrap (a task's, not a heading's).
  // Kept out of find_paragraph_annotation's code, which every paragraph runs.
  [[gnu::noinline]] std::optional<Found> find_bracket_wrapped_over_lines(std::size_t k, std::uint32_t from, std::size_t end) {
    for (std::size_t j = k; j < end; j = first_non_blank(j + 1))
      if (std::optional<Found> wrapped = bracket_wrapped_over_lines(j == k ? from : lines_[j].range.begin, j, end))
        return wrapped;
    return std::nullopt;
  }

  // A bracket opened on line j and closed on a later line (before `end`), as a paragraph copied from
  // a PDF wraps its annotation: (市人力资源社会保障局、市医保局、市财政局 / 、市税务局负责). The annotation
  // of text[from, the closing line's end), when it holds that group; nothing when no bracket is left
  // open on line j.
  std::optional<Found> bracket_wrapped_over_lines(std::uint32_t from, std::size_t j, std::size_t end) {
    constexpr int kMostLines = 3;  // past these, the bracket is the text's, never closed
    int open = locator_.bracket_depth_after({from, lines_[j].range.end});
    if (open == 0) return std::nullopt;
    std::size_t last = j;
    for (int lines = 0; lines < kMostLines && open > 0;) {
      last = first_non_blank(last + 1);
      if (last >= end) return std::nullopt;
      open = locator_.bracket_depth_after(lines_[last].range, open);
      ++lines;
    }
    if (open > 0) return std::nullopt;
    const ByteRange range{from, lines_[last].range.end};
    auto spans_the_break = [&](const std::optional<detail::LocatedAnnotation>& located) {
      return located && located->whole.begin < lines_[j].range.end && located->whole.end > lines_[j].range.end;
    };
    // Read without the line breaks, which cut a label or a name in two; else with them (a bracket
    // that puts each label on a line of its own).
    std::optional<detail::LocatedAnnotation> located = locator_.locate_unwrapped(range);
    if (spans_the_break(located)) {
      names_span_line_breaks_ = true;  // until the task is added
      return Found{std::move(*located), last};
    }
    located = locator_.locate(range);
    if (!spans_the_break(located)) return std::nullopt;
    return extend_annotation(from, last, std::move(*located), end, false);
  }

  // A line this short may be a label alone (eight characters and a colon).
  static constexpr std::uint32_t kLongestBareLabel = 8 * 3 + 3;

  // A role label alone on line j (责任单位: or 责任单位, its units on the next line, as key-over-value
  // fields print them) read with the line after it.
  std::optional<detail::LocatedAnnotation> label_over_next_line(std::size_t j, std::size_t end) {
    const ByteRange r = label_line(j);
    if (r.size() > kLongestBareLabel) return std::nullopt;
    const std::size_t next = first_non_blank(j + 1);
    if (next >= end) return std::nullopt;
    std::optional<detail::LocatedAnnotation> located = locator_.locate({r.begin, lines_[next].range.end});
    if (!located || located->whole.begin != r.begin) return std::nullopt;
    return located;
  }

  // Lines of people just before an annotation that starts its line (责任人：王某副市长 / 协调人：… /
  // 责任单位：…): the annotation starts with them, so that the officials are the task's leaders rather
  // than its text. Nothing when there are none or the lines do not read as one annotation.
  std::optional<Found> with_people_lines_before(std::size_t k, std::size_t j, ByteRange r,
                                                const detail::LocatedAnnotation& located, std::size_t end) {
    if (located.whole.begin != r.begin) return std::nullopt;
    std::size_t start = j;
    for (std::size_t p = j; p-- > k + 1;) {
      if (lines_[p].blank()) continue;
      if (!opens_with_people_label(lines_[p])) break;
      start = p;
    }
    if (start == j) return std::nullopt;
    const std::uint32_t from = lines_[start].range.begin;
    std::optional<detail::LocatedAnnotation> longer = locator_.locate({from, lines_[j].range.end});
    if (!longer || longer->whole.begin != from) {
      locator_.locate_line(r);  // the locator holds the annotation of line j again
      return std::nullopt;
    }
    return extend_annotation(from, j, std::move(*longer), end, false);
  }

  bool opens_with_people_label(const Line& line) const {
    FoldedText folded;
    folder_.append(text_, line.range.begin, std::min(line.range.end, line.range.begin + 12 * 4), folded);
    return detail::opens_with_people_label(folded.chars);
  }

  // Whether text[r] may be all annotation: it opens with a bracket, a label or a prose opening
  // (此项工作由…, 由…), or its last clause ends in a role verb's last character (X牵头，Y配合。).
  // Body text under a heading seldom does, and is then not read further.
  bool may_be_whole_line_annotation(ByteRange r) const {
    char32_t window[8];
    std::size_t n = 0;
    for (std::uint32_t i = r.begin; n < 8 && i < r.end;) window[n++] = folder_.next(text_, i, r.end);
    if (n == 0) return false;
    const std::u32string_view start(window, n);
    if (detail::is_open_bracket(start.front()) || detail::may_be_label_at(start)) return true;
    for (std::u32string_view opening : {U"此项", U"该项", U"本项", U"由"})
      if (start.starts_with(opening)) return true;
    if (detail::ends_in_role_verb_character(text_, detail::trim_bytes(folder_, text_, r, U"。.;,"))) return true;
    return folder_.traditional();
  }

  // A heading that is a title: no sentence ends inside it, and it is short. Its annotation, if it
  // has one, stands on its own line (八、改善供水条件 / body / 此项工作由市建委负责组织，…).
  bool is_title_like(const Line& line) const {
    const std::string_view body = text_.substr(line.body, line.range.end - line.body);
    if (body.size() > 50 * 3) return false;
    const std::size_t stop = body.find("。");
    return stop == std::string_view::npos || stop + 3 >= body.size();
  }

  // The units a heading or a paragraph names for the numbered items under it, and their role.
  struct SectionUnits {
    ByteRange units;
    Role role = Role::Lead;
  };

  std::size_t parse_numbered(std::size_t k) {
    const Line& line = lines_[k];
    const bool heading = is_heading_numbering(line.numbering);
    const std::size_t end = block_end(k);
    std::optional<Found> found = find_paragraph_annotation(k, line.body, end, heading && is_title_like(line));
    // The next item glued on after this one's annotation: the line is cut there and read again.
    if (found && locator_.groups() > 1 && splits_glued_item(k, found->last_line)) return k;
    if (!found && line.numbering == Numbering::Arabic) found = find_annotation_after_sub_items(k);
    if (!found && line.numbering != Numbering::Bullet) {
      std::optional<ByteRange> units = opening_units(line, "负责");
      const bool duties = units.has_value();
      if (!units && !heading) units = opening_units(line, "牵头");
      if (units) {
        // Role clauses after the units (X负责，A、B配合，严格实施…; X牵头，…) are the annotation, and the text
        // follows them; a heading is a task only so, when text follows (（一）市卫生局负责，A配合，制定…).
        const ByteRange rest{line.body, line.range.end};
        std::optional<detail::LocatedAnnotation> clauses = locator_.locate_opening_clauses(rest);
        if (clauses && clauses->whole.end < line.range.end) {
          ++numbered_tasks_;
          const std::uint32_t text_begin = detail::trim_bytes(folder_, text_, {clauses->whole.end, line.range.end}, U",;").begin;
          add_task(k, task_id(line), text_begin, {std::move(*clauses), k}, ByteRange{text_begin, line.range.end});
          return k + 1;
        }
        if (duties && !heading) {
          ++numbered_tasks_;
          const std::uint32_t verb = units->end;
          add_task(k, task_id(line), verb, {locator_.units_as_annotation(*units, *units, Role::Co), k},
                   ByteRange{verb, line.range.end});
          return k + 1;
        }
      }
    }
    if (!found && !heading && line.numbering != Numbering::Bullet && section_units_) {
      if (stops_mid_sentence_at_end(line)) {
        skip(line, "task cut off at the end of the text (under a heading that names its units)");
        return k + 1;
      }
      ++numbered_tasks_;
      const ByteRange units = section_units_->units;
      add_task(k, task_id(line), line.body, {locator_.units_as_annotation(units, units, section_units_->role), k},
               ByteRange{line.body, line.range.end});
      return k + 1;
    }
    if (!found) {
      if (heading) {
        open_section(line);
      } else if (line.numbering != Numbering::Bullet) {
        skip(line, "numbered paragraph without a responsibility annotation (no lead or responsible unit named)");
      }
      return k + 1;
    }
    if (line.numbering != Numbering::Bullet) ++numbered_tasks_;
    const std::size_t tasks_before = document_.tasks.size();
    add_task(k, task_id(line), line.body, *found);
    if (section_units_ && section_units_->role == Role::Lead && document_.tasks.size() > tasks_before)
      add_section_lead(document_.tasks.back());
    return found->last_line + 1;
  }

  // A task whose text goes on in numbered sub-items ((1)…(4), ①…) with one annotation on a line of
  // its own after the last of them: the annotation is the task's, not the last sub-item's, when no
  // sub-item carries one of its own (on its line or on the lines after it). One sub-item, or an
  // annotation that more sub-items follow, is the sub-items' own layout. The sub-items are the
  // task's text.
  std::optional<Found> find_annotation_after_sub_items(std::size_t k) {
    int sub_items = 0;
    int lines_since_item = 0;
    for (std::size_t j = k + 1; j < lines_.size(); ++j) {
      const Line& line = lines_[j];
      if (line.blank()) continue;
      if (line.numbering == Numbering::ParenArabic) {
        if (locator_.locate({line.body, line.range.end})) return std::nullopt;  // sub-items annotated one by one
        ++sub_items;
        lines_since_item = 0;
        continue;
      }
      if (line.numbering != Numbering::None || sub_items == 0) return std::nullopt;
      if (++lines_since_item > kMaxContinuationLines) return std::nullopt;
      const ByteRange r = label_line(j);
      std::optional<detail::LocatedAnnotation> located = locator_.locate_line(r);
      if (!located) continue;  // a sub-item's text wrapped onto this line
      if (sub_items < 2 || !detail::trim_bytes(folder_, text_, {r.begin, located->whole.begin}).empty())
        return std::nullopt;
      Found found = extend_annotation(r.begin, j, std::move(*located), block_end(j), true);
      const std::size_t next = first_non_blank(found.last_line + 1);
      if (next < lines_.size() && lines_[next].numbering == Numbering::ParenArabic) return std::nullopt;
      return found;
    }
    return std::nullopt;
  }

  // A line without a number: a task when it carries its own annotation after its text (tasks
  // printed without numbers, a bullet list flattened); when it is nothing but an annotation, the
  // annotation of the unnumbered sentence on the line before it (a table without a number column
  // flattened one cell per line: 主要内容 / 责任单位), or else a skipped annotation (its task is on a
  // page not in this text); else text between tasks.
  std::size_t parse_unnumbered(std::size_t k) {
    const Line& line = lines_[k];
    std::optional<detail::LocatedAnnotation> located = locator_.locate_line(label_line(k));
    if (!located) {
      if (std::optional<ByteRange> owner = unit_owning_duties_after(line)) section_units_ = SectionUnits{*owner, Role::Co};
      last_text_line_ = k;
      return k + 1;
    }
    Found found = extend_annotation(located->whole.begin, k, std::move(*located), block_end(k), true);
    const ByteRange before = detail::trim_bytes(folder_, text_, {line.range.begin, found.located.whole.begin});
    // A label opens the line, after a level's one character at most (省牵头单位：).
    if (before.size() <= 3) {
      if (std::optional<TaskField> field = task_field_before(k)) {
        add_task(field->line, std::move(field->id), field->text.begin, found, field->text);
        return found.last_line + 1;
      }
    }
    if (before.empty()) {
      if (const std::optional<std::size_t> text_line = unannotated_sentence_before(k)) {
        add_task(*text_line, unnumbered_task_id(lines_[*text_line]), lines_[*text_line].range.begin, found);
        return found.last_line + 1;
      }
      skip(line, "annotation without its task: the task's text is not in this document (cut off at a page break?): " +
                     original(found.located.whole));
      return found.last_line + 1;
    }
    if (is_header_row(line)) {
      skip(line, "a table's header row whose table could not be read (its columns or rows are not understood)");
      return found.last_line + 1;
    }
    add_task(k, unnumbered_task_id(line), line.range.begin, found);
    return found.last_line + 1;
  }

  // A line of column names, as a table's header prints them (序号 工作任务 责任部门 备注): at least
  // three names of columns among short cells. Its 责任部门 is a column's name, not a label of units.
  bool is_header_row(const Line& line) const {
    constexpr std::size_t kLongestCell = 8;
    if (line.range.size() > 24 * 4 * 3) return false;
    FoldedText folded;
    folder_.append(text_, line.range.begin, line.range.end, folded);
    int names = 0;
    for (Range cell : detail::space_separated_pieces(folded.chars, {0, static_cast<std::uint32_t>(folded.size())}, U" \t|")) {
      if (cell.size() > kLongestCell) return false;
      names += detail::is_header_word(detail::slice(folded.chars, cell));
    }
    return names >= 3;
  }

  // The line before line k when it is a task's text that an annotation on line k may close: a
  // sentence of its own (it ends with a full stop) without a number, not part of a table, that
  // the parse has passed over as text between tasks (it claimed no annotation). Only the line
  // directly before counts: a blank line or a heading between them separates them.
  struct TaskField {
    std::size_t line = 0;
    std::string id;
    ByteRange text;
  };

  // A field naming the task on the line before an annotation's, as a record of one task prints it
  // (重点工作: | 135.统筹违法建设治理… |, then 牵头单位: | X |; 工作任务：…): the task is the field's value,
  // its id the number the value opens with, else the field's key.
  // A deadline's field may stand between them (完成时限：年底前).
  std::optional<TaskField> task_field_before(std::size_t k) {
    for (std::size_t j = k; j-- > 0 && !lines_[j].blank();) {
      if (std::optional<TaskField> field = task_field_at(j)) return field;
      if (j + 2 < k || !field_key_is(j, detail::names_deadline_column)) return std::nullopt;
    }
    return std::nullopt;
  }

  // Whether line j is a field (key, colon, value) whose key `names` accepts.
  bool field_key_is(std::size_t j, bool (*names)(std::u32string_view)) {
    FoldedText folded;
    const Range key = field_key(j, folded);
    return !key.empty() && names(detail::slice(folded.chars, key));
  }

  // The key of line j read as a field (a short key, a colon, a value), folded into `folded` with
  // its colon (the value is not folded); empty when the line is none.
  Range field_key(std::size_t j, FoldedText& folded) {
    constexpr std::uint32_t kLongestKey = 12;
    if (lines_[j].blank() || lines_[j].numbering != Numbering::None) return {};
    const ByteRange line = lines_[j].range;
    // The colon, full-width or not, among the line's first bytes (a key, bars and spaces).
    const std::string_view head = text_.substr(line.begin, std::min<std::uint32_t>(line.size(), (kLongestKey + 3) * 3));
    std::size_t colon = std::min(head.find("："), head.find(':'));
    if (colon == std::string_view::npos) colon = std::min(head.find("∶"), head.size());
    if (colon >= head.size()) return {};
    const std::uint32_t colon_end = line.begin + static_cast<std::uint32_t>(colon) + (head[colon] == ':' ? 1 : 3);
    folder_.append(text_, line.begin, colon_end, folded);
    const std::u32string_view s = folded.chars;
    if (s.size() > kLongestKey + 3) return {};
    return detail::strip_cell_bars(s, {0, static_cast<std::uint32_t>(s.size() - 1)});
  }

  // Line j as a field naming the task (a key naming a task column, a colon, a value), if it is one.
  std::optional<TaskField> task_field_at(std::size_t j) {
    FoldedText folded;
    const Range key = field_key(j, folded);
    if (key.empty() || !detail::names_task_column(detail::slice(folded.chars, key))) return std::nullopt;
    const auto colon = static_cast<std::uint32_t>(folded.size() - 1);
    folder_.append(text_, folded.offsets.back(), lines_[j].range.end, folded);
    const std::u32string_view s = folded.chars;
    Range value = detail::strip_cell_bars(s, {colon + 1, static_cast<std::uint32_t>(s.size())});
    if (value.empty()) return std::nullopt;
    TaskField field;
    field.line = j;
    std::uint32_t digits = value.begin;
    while (digits < value.end && detail::is_digit(s[digits])) ++digits;
    if (digits > value.begin && digits < value.end && (s[digits] == U'.' || s[digits] == U'、')) {
      field.id = to_utf8(detail::slice(s, {value.begin, digits}));
      value = detail::trim(s, {digits + 1, value.end});
    } else {
      field.id = original(folded, key);
    }
    field.text = detail::bytes_of(folded, value);
    return field;
  }

  std::optional<std::size_t> unannotated_sentence_before(std::size_t k) const {
    if (k == 0 || lines_[k - 1].blank() || lines_[k - 1].numbering != Numbering::None) return std::nullopt;
    const std::size_t j = k - 1;
    if (last_text_line_ != j) return std::nullopt;
    const ByteRange r = lines_[j].range;
    const std::string_view sentence = text_.substr(r.begin, r.size());
    if (!sentence.ends_with("。") && !sentence.ends_with("；") && !sentence.ends_with(";") && !sentence.ends_with("."))
      return std::nullopt;
    return j;
  }

  // The task number as printed: "61", "一" for (一), "一是", a bullet's "●3" (its position among the
  // document's bullets).
  std::string task_id(const Line& line) {
    if (line.numbering == Numbering::Bullet) return original(line.number) + std::to_string(++bullets_);
    return folded_utf8(line.number);
  }

  // A task printed without a number is named by the label it opens with (【X】, **X**, X：) or else by
  // its place among such tasks: "#3".
  std::string unnumbered_task_id(const Line& line) {
    FoldedText folded;
    folder_.append(text_, line.range.begin, std::min(line.range.end, line.range.begin + 40 * 3), folded);
    const std::u32string_view s = folded.chars;
    auto label = [&](std::size_t begin, std::size_t end) {
      return original({folded.offsets[begin], folded.offsets[end]});
    };
    if (s.starts_with(U"【")) {
      const std::size_t close = s.find(U'】');
      if (close != std::u32string_view::npos && close > 1 && close <= 21) return label(1, close);
    }
    if (s.starts_with(U"**")) {
      const std::size_t close = s.find(U"**", 2);
      if (close != std::u32string_view::npos && close > 2 && close <= 22) return label(2, close);
    }
    const std::size_t colon = s.find(U':');
    if (colon != std::u32string_view::npos && colon >= 2 && colon <= 20 &&
        s.substr(0, colon).find_first_of(U",;。、()") == std::u32string_view::npos)
      return label(0, colon);
    std::string id = "#" + std::to_string(++unnumbered_);
    if (opens_like_a_lost_number(s)) lost_numbers_.push_back(id);
    return id;
  }

  // Whether a paragraph opens where its number was lost: with what no paragraph's text opens with,
  // the debris mojibake leaves of a number (?。(二), ?。ǘ┩ for （二）, ⸀㊢): anything but an
  // ideograph, a Latin letter or digit, an opening bracket or quotation mark.
  static bool opens_like_a_lost_number(std::u32string_view s) {
    if (s.empty()) return false;
    const char32_t c = s.front();  // folded: full-width letters and digits are ASCII here
    const bool text = (c >= 0x3400 && c <= 0x9FFF) || (c >= 0x20000 && c <= 0x3FFFF) || (c >= U'0' && c <= U'9') ||
                      ((c | 0x20) >= U'a' && (c | 0x20) <= U'z') || detail::is_open_bracket(c) ||
                      std::u32string_view(U"“‘\"'《〈「『").find(c) != std::u32string_view::npos;
    return !text;
  }

  // Whether the excerpt was cut inside the task: its paragraph is the last text of the document
  // and a bracket of the annotation is never closed, or the sentence that holds a prose annotation
  // (or the text after one opening the line) stops without its full stop.
  bool cut_off_at_end(const Found& found) const {
    for (std::size_t j = found.last_line + 1; j < lines_.size(); ++j)
      if (!lines_[j].blank()) return false;
    const ByteRange whole = found.located.whole;
    int depth = 0;
    for (std::uint32_t i = whole.begin; i < whole.end;) {
      const char32_t c = folder_.next(text_, i, whole.end);
      if (detail::is_open_bracket(c)) ++depth;
      else if (detail::is_close_bracket(c) && depth > 0) --depth;
    }
    if (depth > 0) return true;
    if (ends_in_cut_name(found.located)) return true;
    // No text ends in a comma or a 、: a list or a clause the excerpt cut (部门分工:省财政厅牵头,).
    if (ends_in_list_separator(lines_[found.last_line].range)) return true;
    if (!found.located.found.prose) return false;
    return !ends_a_sentence(lines_[found.last_line].range);
  }

  // The folded last character of text[r] (r not empty).
  char32_t last_character(ByteRange r) const {
    std::uint32_t i = r.end;
    while (i > r.begin && (static_cast<unsigned char>(text_[i - 1]) & 0xC0) == 0x80) --i;
    if (i > r.begin) --i;
    return folder_.next(text_, i, r.end);
  }

  // Whether text[r]'s last character is a comma or a 、.
  bool ends_in_list_separator(ByteRange r) const {
    if (r.empty()) return false;
    const char32_t final = last_character(r);
    return final == U',' || final == U'、';
  }

  // Whether text[r] ends as a sentence or a bracket does (its last character).
  bool ends_a_sentence(ByteRange r) const {
    return r.empty() || std::u32string_view(U"。.;；!！?？)）]】”\"").find(last_character(r)) != std::u32string_view::npos;
  }

  // A list of units that runs to the very end of a text with no line break after it, its last item
  // not ending like a unit: the excerpt was cut inside a name (牵头单位:区商). A text that ends in a
  // line break, or a list whose names are whole, was not.
  bool ends_in_cut_name(const detail::LocatedAnnotation& located) const {
    if (!ends_without_line_break(located.whole.end)) return false;
    const std::vector<detail::RoleList>& roles = located.found.parsed.roles;
    const auto last = std::max_element(roles.begin(), roles.end(), [](const detail::RoleList& a, const detail::RoleList& b) {
      return a.names.end < b.names.end;
    });
    if (last == roles.end() || last->names.empty()) return false;
    const std::u32string_view names = detail::slice(locator_.folded().chars, last->names);
    const std::size_t item = names.find_last_of(U"、,，;；");
    return !detail::looks_like_agency_list(item == std::u32string_view::npos ? names : names.substr(item + 1));
  }

  // A numbered item without an annotation that opens with the units doing it, as an emergency plan's
  // member duties print them ((4)财政部负责安排…; (2)国家发展改革委及国家粮食局、商务部按照各自职能分工，负责…;
  // (1)市发改委：负责…): the units before its first 负责 (or another role verb), when those words are
  // nothing but a list of units. The item's text is the rest, from the verb.
  std::optional<ByteRange> opening_units(const Line& line, std::string_view role_verb) const {
    constexpr std::uint32_t kLongestOpening = 60 * 3;
    const std::string_view head = text_.substr(0, std::min(line.range.end, line.body + kLongestOpening));
    const std::size_t verb = detail::find_utf8(head, line.body, role_verb);
    if (verb == std::string_view::npos) return std::nullopt;
    ByteRange units{line.body, static_cast<std::uint32_t>(verb)};
    if (text_.substr(units.begin, units.size()).starts_with("由")) units.begin += 3;  // 由市农业局负责
    for (bool cut = true; cut && !units.empty();) {
      cut = false;
      for (std::string_view tail : {"，", ",", "：", ":", "按照各自职能分工", "按照职责分工", "按职责分工", "分别", " "}) {
        if (text_.substr(units.begin, units.size()).ends_with(tail)) {
          units.end -= static_cast<std::uint32_t>(tail.size());
          cut = true;
        }
      }
    }
    if (units.size() < 2 * 3) return std::nullopt;
    FoldedText folded;
    folder_.append(text_, units.begin, units.end, folded);
    if (!is_unit_line(folded.chars)) return std::nullopt;
    return units;
  }

  void add_task(std::size_t k, std::string id, std::uint32_t text_begin, const Found& found,
                std::optional<ByteRange> text = std::nullopt) {
    const Line& line = lines_[k];
    const detail::LocatedAnnotation& located = found.located;
    if (cut_off_at_end(found)) {
      skip(line, "annotation cut off at the end of the text (a bracket never closed, or a name cut): " + original(located.whole));
      names_span_line_breaks_ = false;
      return;
    }
    const FoldedText& folded = locator_.folded();
    Task task;
    task.id = std::move(id);
    task.line = file_line(k);
    task.section = current_section_;
    const ByteRange before_annotation{text_begin, std::max(text_begin, located.whole.begin)};
    task.text = span(detail::trim_bytes(folder_, text_, text.value_or(before_annotation), U",;"));
    task.annotation = span(folded, located.found.content);
    fill_roles(located.found, folded, task);
    names_span_line_breaks_ = false;
    if (task.agencies.empty()) {
      skip(line, "annotation names no agency: " + original(folded, located.found.content));
      return;
    }
    document_.tasks.push_back(std::move(task));
  }

  void fill_roles(const detail::FoundAnnotation& found, const FoldedText& folded, Task& task) {
    pieces_.clear();
    for (std::size_t r = 0; r < found.parsed.roles.size(); ++r) {
      const detail::RoleList& list = found.parsed.roles[r];
      if (r >= found.parsed.agencies_only_from) {
        add_agencies_only(list.role, list.names, folded, task);
        continue;
      }
      for (const detail::NamePiece& piece : names_.split(folded.chars, list.names))
        pieces_.push_back({piece.marked_lead ? Role::Lead : list.role, piece});
      if (!names_.clauses().empty()) add_clauses(names_.clauses(), folded, task);
    }
    add_mentions(task, folded);
    for (Range deadline : found.parsed.deadlines) {
      if (!task.deadline.empty()) task.deadline += "；";
      task.deadline += original(folded, deadline);
    }
    for (Range remark : found.parsed.remarks) task.remarks.push_back(original(folded, remark));
    task.remarks.insert(task.remarks.end(), std::make_move_iterator(list_remarks_.begin()),
                        std::make_move_iterator(list_remarks_.end()));
    list_remarks_.clear();
    for (Range person : found.parsed.people) task.leaders.push_back(original(folded, person));
    apply_first_listed(task);
  }

  // The words of a list read from a table's cells run together (ParsedAnnotation::agencies_only_from):
  // those that are certainly units are read as names, deadlines join the task's, and the others
  // wait in list_remarks_ as words not read as units.
  void add_agencies_only(Role role, detail::Range list, const FoldedText& folded, Task& task) {
    for (detail::Range word : detail::run_together_words(folded.chars, list)) {
      switch (detail::classify_run_together_word(detail::slice(folded.chars, word))) {
        case detail::RunTogetherWord::Unit:
          for (const detail::NamePiece& piece : names_.split(folded.chars, word)) pieces_.push_back({role, piece});
          if (!names_.clauses().empty()) add_clauses(names_.clauses(), folded, task);
          break;
        case detail::RunTogetherWord::Deadline:
          if (!task.deadline.empty()) task.deadline += "；";
          task.deadline += original(folded, word);
          break;
        case detail::RunTogetherWord::Blank: break;
        case detail::RunTogetherWord::Other:
          list_remarks_.push_back("not read as a unit (table cells run together): " + original(folded, word));
          break;
      }
    }
  }

  // Clauses found inside a list of units (a deadline, 排在首位的为牵头单位, 下同): the deadline joins
  // the task's; a remark waits in list_remarks_ for fill_roles to add after the annotation's own.
  void add_clauses(const std::vector<Range>& clauses, const FoldedText& folded, Task& task) {
    for (Range clause : clauses) {
      if (detail::looks_like_deadline(detail::slice(folded.chars, clause))) {
        if (!task.deadline.empty()) task.deadline += "；";
        task.deadline += original(folded, clause);
      } else {
        list_remarks_.push_back(original(folded, clause));
      }
    }
  }

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
    // A name as printed resolves to the same canonical name and kind every time: resolve it once.
    const ResolvedName* resolved = resolved_.find(printed);
    std::optional<ResolvedName> fresh;  // outlives the block below: `resolved` may point into it
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
  std::optional<ResolvedName> resolve(std::string_view printed, const detail::NamePiece& piece, const FoldedText& folded) {
    // The folded name without spaces, as UTF-8, encoded into room for the longest encoding.
    folded_name_.resize(4 * (piece.main.size() + piece.shared_suffix.size()));
    char* end = folded_name_.data();
    for (Range part : {piece.main, piece.shared_suffix})
      for (char32_t c : detail::slice(folded.chars, part))
        if (!detail::is_space(c)) end = encode_utf8(end, c);
    folded_name_.resize(static_cast<std::size_t>(end - folded_name_.data()));
    if (folded_name_.empty()) return std::nullopt;
    if (names_span_line_breaks_) {  // printed as one name: 市人力资源 / 社会保障局
      std::string joined;
      for (char c : printed)
        if (c != '\n' && c != '\r') joined += c;
      return resolver_->resolve_folded(document_.names, joined, folded_name_);
    }
    return resolver_->resolve_folded(document_.names, printed, folded_name_);
  }

  // Whether an item numbered next after line k's number follows a bracket group on the item's last
  // line, which holds its annotation (a page that lost its line breaks: …(省发改委负责)(二)公共财政收入…,
  // …(X牵头) 2.落实好…), line k being no top heading (一、); if so, that line ends before it and the
  // item is a line of its own, inserted after it.
  [[gnu::noinline]] bool splits_glued_item(std::size_t k, std::size_t annotation_line) {
    if (lines_[k].numbering == Numbering::CjkComma) return false;
    const std::size_t cut = annotation_line;  // the item's last line: it holds the annotation
    const ByteRange last = lines_[cut].range;
    const Numbering numbering = lines_[k].numbering;
    const bool paren = numbering == Numbering::ParenCjk || numbering == Numbering::ParenArabic;
    const bool digit = numbering == Numbering::Arabic || numbering == Numbering::ParenArabic;
    const std::optional<std::uint32_t> at = locator_.after_group(last.end, [&](std::uint32_t i) {
      const bool opens = (digit && text_[i] >= '0' && text_[i] <= '9') ||
                         (paren && (text_[i] == '(' || text_.compare(i, 3, "（") == 0));
      return i > last.begin && opens && opens_next_item(k, cut, i);
    });
    if (!at) return false;
    Line item = detail::line_from(text_, folder_, lines_[cut], *at);
    lines_[cut].content_end = *at;
    lines_[cut].range.end = detail::trim_bytes(folder_, text_, {last.begin, *at}).end;
    lines_.insert(lines_.begin() + static_cast<std::ptrdiff_t>(cut) + 1, item);
    starts_no_table_.insert(starts_no_table_.begin() + static_cast<std::ptrdiff_t>(cut) + 1, false);
    names_span_line_breaks_ = false;  // the annotation found is dropped with its line's old end
    return true;
  }

  // Whether the text at byte i of line `cut` opens an item of line k's kind of number, the next one.
  bool opens_next_item(std::size_t k, std::size_t cut, std::uint32_t i) const {
    const Line next = detail::line_from(text_, folder_, lines_[cut], i);
    if (next.numbering != lines_[k].numbering) return false;
    const long number = detail::number_value(text_, lines_[k]);
    return number > 0 && detail::number_value(text_, next) == number + 1;
  }

  // The conventions for a task without a lead label, where the document has stated them before
  // the task's end: its first-listed unit leads, or all its units do.
  void apply_first_listed(Task& task) const {
    if (task.agencies.empty()) return;
    for (const AgencyMention& mention : task.agencies)
      if (mention.role == Role::Lead) return;
    const std::uint32_t end = std::max(task.text.begin + task.text.length, task.annotation.begin + task.annotation.length);
    if (first_listed_from_ && *first_listed_from_ < end) {
      task.agencies.front().role = Role::Lead;
      task.lead_from_first_listed = true;
    } else if (unlabelled_lead_from_ && *unlabelled_lead_from_ < end) {
      for (AgencyMention& mention : task.agencies) mention.role = Role::Lead;
    }
  }

  // ExtractOptions::on_tasks: the tasks no later paragraph can change go out. A stated convention may
  // be a footnote to every task before it (apply_footnote_conventions), and a paragraph that lost
  // its number is reported only once the document is known to number its tasks
  // (skip_unnumbered_among_numbered): until then the tasks wait. The last table row's task stays,
  // and every task after it: a continuation row may add to it.
  void hand_over_tasks() {
    if (states_convention_ || (numbered_tasks_ == 0 && !lost_numbers_.empty())) return;
    std::vector<Task>& tasks = document_.tasks;
    std::size_t count = tasks.size() - 1;
    if (table_task_) count = std::min(count, *table_task_);
    if (count == 0) return;
    std::vector<Task> batch;
    batch.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (is_lost_number(tasks[i])) report_lost_number(tasks[i]);
      else batch.push_back(std::move(tasks[i]));
    }
    tasks.erase(tasks.begin(), tasks.begin() + static_cast<std::ptrdiff_t>(count));
    if (table_task_) *table_task_ -= count;
    options_.on_tasks(document_, batch);
  }

  // In a document that numbers its tasks, a paragraph with an annotation but neither number nor
  // label that opens with the debris of a number (mojibake) has lost its number: reported for a
  // person to check rather than counted as a task under a made-up name. One that opens with its
  // text is a task of its own: measures printed as paragraphs under a numbered heading, each with
  // its annotation, as State Council plans print them ((一)强化顶层设计… / 优化固体废物管理体制机制，…
  // （生态环境部指导…）). A document that numbers none keeps them all as tasks.
  void skip_unnumbered_among_numbered() {
    if (lost_numbers_.empty() || numbered_tasks_ == 0) return;
    std::erase_if(document_.tasks, [&](const Task& task) {
      if (!is_lost_number(task)) return false;
      report_lost_number(task);
      return true;
    });
    // By line, and on one line by reason: the same order whenever the lost numbers were found.
    std::sort(document_.skipped.begin(), document_.skipped.end(), [](const SkippedParagraph& a, const SkippedParagraph& b) {
      return a.line != b.line ? a.line < b.line : a.reason < b.reason;
    });
  }

  bool is_lost_number(const Task& task) const {
    return numbered_tasks_ > 0 && task.id.starts_with('#') &&
           std::find(lost_numbers_.begin(), lost_numbers_.end(), task.id) != lost_numbers_.end();
  }

  void report_lost_number(const Task& task) {
    document_.skipped.push_back({task.source, task.line,
                                 "annotated paragraph without a task number, in a document that numbers its tasks "
                                 "(its number may be lost): " + std::string(document_.view(task, task.annotation))});
  }


  // A convention stated after every task is a footnote to them all (注：列第一位的为牵头单位).
  void apply_footnote_conventions() {
    auto after_every_task = [&](const std::optional<std::uint32_t>& from) {
      if (!from) return false;
      for (const Task& task : document_.tasks)
        if (task.text.begin + task.text.length > *from || task.annotation.begin + task.annotation.length > *from)
          return false;
      return true;
    };
    const bool first_listed = after_every_task(first_listed_from_);
    const bool unlabelled = after_every_task(unlabelled_lead_from_);
    if (!first_listed && !unlabelled) return;
    if (first_listed) first_listed_from_ = 0;
    if (unlabelled) unlabelled_lead_from_ = 0;
    for (Task& task : document_.tasks) apply_first_listed(task);
  }

  void skip(const Line& line, std::string reason) {
    document_.skipped.push_back({0, file_line(static_cast<std::size_t>(&line - lines_.data())), std::move(reason)});
  }

  // The 1-based line of the file where line k of the text began (k + 1 unless converted from HTML).
  std::uint32_t file_line(std::size_t k) const {
    return document_.sources[0].original_line(lines_[k].physical + 1);
  }

  void open_section(const Line& line) {
    // A 一、 heading opens a path of its own; another goes under the current path's first heading.
    std::vector<std::string> path;
    if (line.numbering != Numbering::CjkComma) {
      const std::vector<std::string>& current = document_.sections[current_section_];
      path.reserve(2);
      if (!current.empty()) path.push_back(current.front());
    }
    path.push_back(original(line.range));
    document_.sections.push_back(std::move(path));
    current_section_ = static_cast<std::uint32_t>(document_.sections.size() - 1);
    // A heading that names the lead of the items under it (一、县示范区管委会牵头工作(8项)) holds
    // until the next heading of its rank or above; a lower heading that names none keeps it.
    if (std::optional<SectionUnits> units = units_leading_section(line)) section_units_ = units;
    else if (std::optional<ByteRange> owner = unit_heading(line)) section_units_ = SectionUnits{*owner, Role::Co};
    else if (line.numbering == Numbering::CjkComma) section_units_.reset();
  }

  // A heading that is nothing but a unit's name, as a responsibility list grouped by unit prints it
  // (（一）市发展改革委：, 二、区教育局): the numbered duties under it without annotations of their own
  // are that unit's, as the one unit responsible. Its units, without the colon.
  std::optional<ByteRange> unit_heading(const Line& line) const {
    constexpr std::uint32_t kLongestName = 30 * 3;
    if (line.range.end - line.body > kLongestName) return std::nullopt;
    // Most headings are topics, told by their last character alone before the heading is folded.
    std::uint32_t end = line.range.end;
    while (end > line.body && (text_[end - 1] == ':' || text_[end - 1] == ' ')) --end;
    if (end >= line.body + 3 && text_.compare(end - 3, 3, "：") == 0) end -= 3;
    if (end == line.body) return std::nullopt;
    std::uint32_t last = detail::previous_char_start(text_, end, line.body);
    if (!detail::may_end_agency_name(folder_.next(text_, last, end))) return std::nullopt;
    FoldedText folded;
    folder_.append(text_, line.body, line.range.end, folded);
    std::u32string_view heading = folded.chars;
    while (!heading.empty() && std::u32string_view(U":： ").find(heading.back()) != std::u32string_view::npos)
      heading.remove_suffix(1);
    if (heading.empty() || !is_unit_line(heading) || !detail::ends_like_agency(heading)) return std::nullopt;
    // A goal that ends in 政府 (着力构建高效协同的数字政府, 建设法治政府) names no unit.
    if (heading.find(U'的') != std::u32string_view::npos) return std::nullopt;
    for (std::u32string_view verb : {U"着力", U"构建", U"建设", U"加快", U"加强", U"推进", U"推动", U"打造", U"提升", U"深化",
                                     U"完善", U"健全", U"全面", U"持续", U"大力", U"坚持", U"努力", U"建成"})
      if (heading.starts_with(verb)) return std::nullopt;
    return ByteRange{line.body, folded.offsets[heading.size()]};
  }

  // A paragraph that hands the numbered duties after it to one unit (2022年,区政府要全面实施…,主要承担以下
  // 工作:): it ends in a colon after 以下 or 如下, and a clause opens with the unit, followed by 要, 应,
  // 负责, 主要 or 承担. The unit, when the paragraph is such.
  std::optional<ByteRange> unit_owning_duties_after(const Line& line) const {
    const std::string_view text = text_.substr(line.range.begin, line.range.size());
    if (!text.ends_with("：") && !text.ends_with(":")) return std::nullopt;
    const std::size_t tail = text.size() > 30 ? text.size() - 30 : 0;
    if (text.find("以下", tail) == std::string_view::npos && text.find("如下", tail) == std::string_view::npos) return std::nullopt;
    FoldedText folded;
    folder_.append(text_, line.range.begin, line.range.end, folded);
    const std::u32string_view s = folded.chars;
    // The first two clauses: a time phrase may open the paragraph (2022年,).
    std::size_t clause = 0;
    for (int tries = 0; tries < 2 && clause < s.size(); ++tries) {
      std::size_t end = s.find_first_of(U",，;；。", clause);
      if (end == std::u32string_view::npos) end = s.size();
      const std::u32string_view words = s.substr(clause, end - clause);
      for (std::u32string_view verb : {U"要", U"应", U"负责", U"主要", U"承担"}) {
        const std::size_t at = words.find(verb);
        if (at == std::u32string_view::npos || at < 2) continue;
        const std::u32string_view unit = words.substr(0, at);
        if (is_unit_line(unit) && detail::ends_like_agency(unit))
          return ByteRange{folded.offsets[clause], folded.offsets[clause + at]};
      }
      clause = end + 1;
    }
    return std::nullopt;
  }

  // Whether `end` is the end of a file's text that stops without a line break, as an excerpt cut in
  // mid-line does. The text of office files, PDFs and code is built by a reader, which ends its
  // last line without a line break: never cut.
  bool ends_without_line_break(std::uint32_t end) const {
    const std::string& format = document_.sources[0].format;
    return end >= text_.size() && !text_.empty() && text_.back() != '\n' && (format == "text" || format == "html");
  }

  // Whether the line is the text's last, cut without a line break and without a sentence's end.
  bool stops_mid_sentence_at_end(const Line& line) const {
    return ends_without_line_break(line.content_end) && !ends_a_sentence(line.range);
  }

  // The units of a heading that groups tasks by their lead: 一、县示范区管委会牵头工作(8项), （二）市发改委
  // 牵头的重点任务. Headings that name people (李丹常委、常务副区长牵头重点工作) name no units and lead
  // nothing: their items carry their own annotations.
  // Under a heading that names the lead of its items (（三）省编办牵头的工作), an item whose own annotation
  // names co-responsible units only (协同单位：…) keeps the heading's lead: the annotation adds to it.
  void add_section_lead(Task& task) {
    for (const AgencyMention& mention : task.agencies)
      if (mention.role == Role::Lead) return;
    FoldedText folded;
    folder_.append(text_, section_units_->units.begin, section_units_->units.end, folded);
    pieces_.clear();
    for (const detail::NamePiece& piece : names_.split(folded.chars, {0, static_cast<std::uint32_t>(folded.size())}))
      pieces_.push_back({Role::Lead, piece});
    std::vector<AgencyMention> co = std::move(task.agencies);
    task.agencies.clear();
    add_mentions(task, folded);  // the lead first, as a reader lists the roles
    for (const AgencyMention& mention : co)
      if (std::none_of(task.agencies.begin(), task.agencies.end(),
                       [&](const AgencyMention& lead) { return lead.name == mention.name; }))
        task.agencies.push_back(mention);
  }

  std::optional<SectionUnits> units_leading_section(const Line& line) const {
    constexpr std::uint32_t kLongestHeading = 40 * 3;
    if (line.range.end - line.body > kLongestHeading) return std::nullopt;
    // (Compared as bytes first: a traditional document may print 牽頭.)
    if (!folder_.traditional() &&
        detail::find_utf8(text_.substr(0, line.range.end), line.body, "牵头") == std::string_view::npos)
      return std::nullopt;
    FoldedText folded;
    folder_.append(text_, line.body, line.range.end, folded);
    std::u32string_view heading = folded.chars;
    while (!heading.empty() && std::u32string_view(U"。.:： ").find(heading.back()) != std::u32string_view::npos)
      heading.remove_suffix(1);
    if (const std::u32string_view bare = detail::without_trailing_bracket(heading); bare.size() < heading.size()) {
      if (heading.substr(bare.size()).find(U"项") == std::u32string_view::npos) return std::nullopt;  // (8项), （共5项）
      heading = bare;
    }
    const std::size_t verb = heading.rfind(U"牵头");
    if (verb == std::u32string_view::npos || verb < 2) return std::nullopt;
    constexpr std::u32string_view kGroupWords[] = {U"工作", U"重点工作", U"任务", U"重点任务", U"事项", U"的工作",
                                                   U"的重点工作", U"的任务", U"的重点任务", U"的事项"};
    const std::u32string_view rest = heading.substr(verb + 2);
    if (std::find(std::begin(kGroupWords), std::end(kGroupWords), rest) == std::end(kGroupWords)) return std::nullopt;
    if (!is_unit_line(heading.substr(0, verb))) return std::nullopt;
    return SectionUnits{ByteRange{line.body, folded.offsets[verb]}, Role::Lead};
  }

  // ---- tables ----

  // A header names a task column and a role column in cells of at most 12 characters (tables.cpp):
  // either in one row, which then names a task column somewhere, or one cell per line, starting
  // with a line of at most 12 characters (48 bytes). The words are compared as bytes, so
  // traditional documents, which may print them in traditional forms, are always checked.
  bool may_be_table_header(const Line& line) const {
    if (folder_.traditional()) return true;
    const std::string_view text = text_.substr(line.range.begin, line.range.size());
    // A row of cells between tabs or pipes (a table from a page or a sheet) may space a name out
    // (主 要 内 容, 牵 头 部 门).
    if (line.range.size() > 12 * 4 && text.find('\t') == std::string_view::npos && text.find('|') == std::string_view::npos)
      return kTaskColumnWords.found_in(text_, line.range) || kMoreTaskColumnWords.found_in(text_, line.range);
    return holds_column_name_character(text);
  }

  std::optional<detail::TableLayout> table_at(std::size_t k) {
    // A line with a task number is a task or a skipped paragraph, never a header, even when it has
    // a header's cells ("57.牵头单位:|目标|…"): read as one, it was neither (found by fuzz_extract).
    if (starts_no_table_[k] || is_task_numbering(lines_[k].numbering)) return std::nullopt;
    std::optional<detail::TableLayout> layout = read_table_header(k);
    // A paragraph's lines are asked again by the paragraphs around it: remember the common answer.
    if (!layout) starts_no_table_[k] = true;
    return layout;
  }

  std::optional<detail::TableLayout> read_table_header(std::size_t k) {
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
    if (text.find(U"  ") != std::u32string_view::npos) {
      const std::vector<Range> cells = detail::split_cells(s, r, CellSeparator::Spaces);
      if (cells.size() >= 3)
        if (auto layout = detail::read_header(s, cells, CellSeparator::Spaces)) return layout;
    }
    if (text.find(U' ') != std::u32string_view::npos)
      if (auto layout = detail::read_single_spaced_header(s, r)) return layout;
    if (auto layout = detail::read_run_together_header(text)) return layout;
    // One cell per line: header words on consecutive non-blank lines, a cell possibly broken over
    // two (责任 / 单位), up to the first row number. A numbered line is a heading or a task, never a
    // header cell, even when it names one (一、重点任务 over a table flattened from Word): taken as
    // a cell it shifted every column.
    std::vector<Range> cells;
    std::vector<std::size_t> cell_lines;
    for (std::size_t j = k; j < lines_.size() && cells.size() < 24; ++j) {
      if (lines_[j].blank()) continue;
      if (lines_[j].numbering != Numbering::None) break;
      // range() first: folding line j may move chars() (the arguments' order is unspecified).
      const Range line = window_.range(j);
      const std::u32string_view chars = window_.chars();  // folding line j may have moved them
      // A header wrapped over lines of several cells each (序号 | 重点任务 | / 完成时间 | 责任人 | …)
      // above a body of one cell per line: each cell counts.
      const auto take = [&](Range cell) {
        const std::u32string_view word = detail::slice(chars, cell);
        // A sentence is the first row's text, or a group row's (强化科技创新支撑能力。) above it.
        if (word.empty() || word.size() > 16 || is_row_number(cell) || (cells.empty() && !detail::is_header_word(word)) ||
            word.back() == U'。')
          return false;
        cells.push_back(cell);
        cell_lines.push_back(j);
        return true;
      };
      const Range stripped = detail::strip_cell_bars(chars, line);
      if (detail::slice(chars, stripped).find(U'|') == std::u32string_view::npos) {
        if (!take(stripped)) break;
        continue;
      }
      const std::vector<Range> line_cells = detail::split_cells(chars, stripped, CellSeparator::Pipe);
      if (!std::all_of(line_cells.begin(), line_cells.end(), take)) break;
    }
    // A header that sets cells off with blank lines prints a cell over consecutive lines.
    std::vector<bool> continues;
    const auto blank_between = [&](std::size_t c) { return cell_lines[c] > cell_lines[c - 1] + 1; };
    for (std::size_t c = 1; c < cells.size(); ++c)
      if (blank_between(c)) {
        continues.assign(cells.size(), false);
        for (std::size_t d = 1; d < cells.size(); ++d) continues[d] = !blank_between(d);
        break;
      }
    if (cells.size() >= 3)
      if (auto layout = detail::read_line_header(window_.chars(), cells, continues)) {
        // The header's lines, not its cells: a line may hold several.
        const auto header_cells = static_cast<std::size_t>(layout->header_lines);
        layout->header_lines = static_cast<int>(
            std::unique(cell_lines.begin(), cell_lines.begin() + static_cast<std::ptrdiff_t>(header_cells)) - cell_lines.begin());
        return layout;
      }
    return std::nullopt;
  }

  // Reads the table whose header table_at(header) found, in window_, which starts at the header.
  std::size_t parse_table(std::size_t header, const detail::TableLayout& layout) {
    table_task_.reset();
    if (layout.separator == CellSeparator::Line) return parse_line_table(header, layout);
    if (layout.roles_at_end > 0) return parse_rows_from_right(header + 1, layout);
    std::size_t k = header + 1;
    const bool outer_pipes = layout.separator == CellSeparator::Pipe && opens_with_pipe(window_.range(header));
    bool after_blank = false;
    for (; k < lines_.size(); ++k) {
      if (lines_[k].blank()) {
        after_blank = true;
        continue;
      }
      const Range r = layout.separator == CellSeparator::Tab ? window_.untrimmed(k) : window_.range(k);
      std::vector<Range> cells = detail::split_cells(window_.chars(), r, layout.separator);
      // In a pipe table printed without outer pipes, a row whose first cell is empty opens with the
      // pipe after that cell ( |  |  | 各县市区政府): not an outer pipe, or the cells shift left.
      if (layout.separator == CellSeparator::Pipe && !outer_pipes && opens_with_pipe(r) &&
          static_cast<int>(cells.size()) < layout.columns)
        cells.insert(cells.begin(), Range{r.begin, r.begin});
      if (cells.size() < 2) {
        // Text copied from a page wraps a long cell onto a line of its own: the table goes on
        // when a row follows. A numbered paragraph is no wrapped cell: passed over, it was neither a
        // task nor skipped (found by fuzz_extract).
        if (layout.separator == CellSeparator::Spaces && !is_task_numbering(lines_[k].numbering) && next_is_spaced_row(k))
          continue;
        break;  // the table has ended
      }
      if (std::all_of(cells.begin(), cells.end(), [&](Range c) { return is_rule_cell(c); })) continue;  // |---|
      // After a blank line, a table whose first column is 序号 goes on only with a numbered row: a
      // page's footer in columns (网站标识码：…  ICP备案号：…, 相关链接：… | … | …) is not a row.
      if (after_blank && layout.id == 0 && (layout.separator == CellSeparator::Spaces || layout.separator == CellSeparator::Pipe) &&
          !starts_with_digit(cells[0]))
        break;
      after_blank = false;
      // Another table's header (each section of a document its own table): this table has ended.
      if (!starts_with_digit(cells[0]) && detail::read_header(window_.chars(), cells, layout.separator)) break;
      // The text's last line, cut without a line break inside a row that has fewer cells than the
      // header: the excerpt stops in mid-row, and its last cell is cut too.
      if (ends_without_line_break(lines_[k].content_end) && static_cast<int>(cells.size()) < layout.columns) {
        document_.skipped.push_back({0, file_line(k), "table row cut off at the end of the text (fewer cells than the header's)"});
        continue;
      }
      read_row(k, cells, layout);
    }
    return k;
  }

  // The cells of a table row by what they hold.
  struct RowCells {
    Range id, task, deadline;
    std::vector<Range> lead, co, people;
  };

  // The rows under a header whose names stand one space apart (TableLayout::roles_at_end): each row
  // a line that opens with its number, its last space-separated pieces its role cells, one list of
  // units each, and what stands between the number and them its task. Columns after the role
  // columns (TableLayout::columns_after_roles) may have left no piece: the row is read the way that
  // makes its role cells lists of units, taking as many of those columns' cells as it can. A row
  // that reads no such way (a cell cut off, or holding a space) is reported, not guessed. A line
  // without a number right under a row may be its task's second row (continues_row_above); the
  // table ends at another line without a number, unless a numbered row follows it.
  std::size_t parse_rows_from_right(std::size_t k, const detail::TableLayout& layout) {
    const auto roles = static_cast<std::size_t>(layout.roles_at_end);
    bool after_row = false;  // the line before is a row of this table
    for (; k < lines_.size(); ++k) {
      if (lines_[k].blank()) {
        after_row = false;
        continue;
      }
      if (lines_[k].numbering != Numbering::None) return k;
      const Range line = window_.range(k);  // first: it may move chars()
      const std::u32string_view s = window_.chars();
      std::vector<Range> pieces = list_cells_whole(s, detail::space_separated_pieces(s, line));
      if (pieces.empty()) return k;
      if (!is_row_number(pieces.front())) {
        // A row without a number right under one: the same task's row under a merged number cell.
        if (after_row && continues_row_above(k, pieces, layout)) continue;
        // A line that is no row between rows (a cell wrapped onto a line of its own, a note): the
        // table goes on when a row follows it.
        if (!next_is_numbered_row(k)) return k;
        skip(lines_[k], "line inside a table that reads as no row (a cell wrapped onto a line of its own?)");
        after_row = false;
        continue;
      }
      after_row = true;
      std::optional<RowCells> row = row_from_right(pieces, layout);
      if (!row) {
        skip(lines_[k], "table row whose cells hold spaces: its last " + std::to_string(roles) +
                            " pieces are not its role columns' lists of units (a cell cut off?)");
        continue;
      }
      add_row_task(k, *row);
    }
    return k;
  }

  // Pieces of a row split at single spaces, with a space after a list's separator (各区教育局、
  // 市局直属单位) kept inside its cell.
  static std::vector<Range> list_cells_whole(std::u32string_view s, std::vector<Range> pieces) {
    std::size_t kept = 0;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      if (kept > 0) {
        const char32_t last = s[pieces[kept - 1].end - 1];
        if (last == U'、' || last == U',') {
          pieces[kept - 1].end = pieces[p].end;
          continue;
        }
      }
      pieces[kept++] = pieces[p];
    }
    pieces.resize(kept);
    return pieces;
  }

  // A line without a number under a row of parse_rows_from_right(): a task's text ending in a full
  // stop, then role cells of units, as a merged number cell prints a task's second row (…目标任务。
  // 各科室). Its units join the task above; false (nothing read) when it is not such a row.
  bool continues_row_above(std::size_t k, std::vector<Range> pieces, const detail::TableLayout& layout) {
    if (!table_task_ || *table_task_ >= document_.tasks.size() || pieces.size() < 2) return false;
    const std::u32string_view s = window_.chars();
    // Its cells as a row's, else its text and one cell of units (the lead's cell merged too).
    pieces.insert(pieces.begin(), Range{pieces.front().begin, pieces.front().begin});  // the empty number cell
    std::optional<RowCells> row = row_from_right(pieces, layout);
    if (!row && pieces.size() == 3 && is_unit_line(detail::slice(s, pieces[2]))) {
      row.emplace();
      row->task = pieces[1];
      row->co.push_back(pieces[2]);
    }
    if (!row || row->task.empty() || s[row->task.end - 1] != U'。') return false;
    row->id = {};
    row->task = {};  // its text is the task's (add_row_task then adds the units to the task above)
    add_row_task(k, *row);
    return true;
  }

  // Whether the next line with text opens with a row number after a space (a single-spaced row).
  bool next_is_numbered_row(std::size_t k) {
    const std::size_t next = first_non_blank(k + 1);
    if (next >= lines_.size() || lines_[next].numbering != Numbering::None) return false;
    const Range line = window_.range(next);  // first: it may move chars()
    const std::vector<Range> pieces = detail::space_separated_pieces(window_.chars(), line);
    return pieces.size() >= 3 && is_row_number(pieces.front());
  }

  // A row of parse_rows_from_right(), read the first way (bit c of a reading: the c-th column after
  // the role columns holds a piece) under which its role cells are lists of units, a deadline
  // column's cell looks like a deadline and another such column's cell is no list of units.
  std::optional<RowCells> row_from_right(const std::vector<Range>& pieces, const detail::TableLayout& layout) {
    const auto roles = static_cast<std::size_t>(layout.roles_at_end);
    const int after = layout.columns_after_roles;
    const int first_after = layout.columns - after;
    const std::u32string_view s = window_.chars();
    // Most cells present first: an empty cell is the exception.
    std::vector<unsigned> readings;
    for (unsigned present = 0; present < (1u << after); ++present) readings.push_back(present);
    std::stable_sort(readings.begin(), readings.end(), [](unsigned a, unsigned b) { return std::popcount(a) > std::popcount(b); });
    for (unsigned present : readings) {
      const auto taken = static_cast<std::size_t>(std::popcount(present));
      if (pieces.size() < roles + 2 + taken) continue;
      RowCells row;
      std::vector<Range> units_after_roles;
      bool fits = true;
      std::size_t piece = pieces.size();
      for (int c = after - 1; c >= 0 && fits; --c) {
        if (!(present & (1u << c))) continue;
        const Range cell = pieces[--piece];
        const std::u32string_view text = detail::slice(s, cell);
        const bool deadline = first_after + c == layout.deadline;
        fits = !deadline || detail::looks_like_deadline(text);
        if (deadline) row.deadline = cell;
        // Units in a column after the roles (备注: 各区教育局、市局直属单位) carry the task too.
        else if (is_unit_line(text)) units_after_roles.insert(units_after_roles.begin(), cell);
      }
      const auto role_cells = pieces.begin() + static_cast<std::ptrdiff_t>(piece - roles);
      const auto units = [&](Range cell) { return is_unit_line(detail::slice(s, cell)); };
      if (!fits || !std::all_of(role_cells, role_cells + static_cast<std::ptrdiff_t>(roles), units)) continue;
      // Read with a cell left empty, a row whose task ends in units too could be read shifted by
      // one (序号 工作任务 责任部门 备注 over … 基教科 各区教育局 when 备注 is empty or is 各区教育局):
      // reported, not guessed.
      if (taken < static_cast<std::size_t>(after) && units(pieces[piece - roles - 1])) return std::nullopt;
      row.id = pieces.front();
      row.task = {pieces[1].begin, pieces[piece - roles - 1].end};
      for (std::size_t r = 0; r < roles; ++r) {
        const int column = first_after - static_cast<int>(roles) + static_cast<int>(r);
        (column == layout.lead ? row.lead : row.co).push_back(pieces[piece - roles + r]);
      }
      row.co.insert(row.co.end(), units_after_roles.begin(), units_after_roles.end());
      return row;
    }
    return std::nullopt;
  }

  bool starts_with_digit(Range r) const { return !r.empty() && detail::is_digit(window_.chars()[r.begin]); }

  bool opens_with_pipe(Range r) const {
    const std::u32string_view t = detail::slice(window_.chars(), r);
    const std::size_t first = t.find_first_not_of(U" \t");
    return first != std::u32string_view::npos && t[first] == U'|';
  }

  // Whether the next non-blank line after k splits into cells at runs of spaces.
  bool next_is_spaced_row(std::size_t k) {
    const std::size_t next = first_non_blank(k + 1);
    if (next >= lines_.size() || lines_[next].numbering != Numbering::None) return false;
    const Range line = window_.range(next);  // first: it may move chars()
    return detail::split_cells(window_.chars(), line, CellSeparator::Spaces).size() >= 2;
  }

  // A table flattened from Word, one cell per line. When it has a 序号 column, a row runs from the
  // line holding its number to the line holding the next one, so cells broken over lines and empty
  // cells do not shift the columns; a heading between rows ((一)某某副市长牵头重点工作) opens a
  // section. Columns before 序号 (考核项目) are cells merged down rows, printed once, before the
  // number of their first row: read as such headings, and the rows by what their cells hold.
  // Without a 序号 column, rows are `columns` lines each.
  std::size_t parse_line_table(std::size_t header, const detail::TableLayout& layout) {
    const std::size_t n = lines_.size();
    std::size_t k = header;
    for (int seen = 0; k < n && seen < layout.header_lines; ++k)
      if (!lines_[k].blank()) ++seen;
    if (layout.run_together) return parse_rows_by_units(k, layout);
    if (layout.id < 0) return parse_fixed_line_rows(k, layout);
    const auto before_number = static_cast<std::size_t>(layout.id);  // merged columns, printed apart
    while ((k = first_non_blank(k)) < n) {
      const Range number = cell_at(k);
      if (!is_row_number(number)) {
        // A numbered paragraph is no category row: taken as one it was neither a task nor skipped
        // (found by fuzz_html). The table ends before it.
        if (is_task_numbering(lines_[k].numbering)) return k;
        // Category or group rows ((一)某某副市长牵头重点工作, 发展目标; a topic, then (一) / its title)
        // between rows, their other cells empty: sections.
        if (const std::size_t next = past_group_rows(k); next != k) {
          for (std::size_t j = k; j < next; j = first_non_blank(j + 1))
            if (lines_[j].range.end > lines_[j].body) open_section(lines_[j]);  // not a number alone
          k = next;
          continue;
        }
        return k;  // the table has ended
      }
      const std::size_t row_line = k;
      const long next_number = row_number(number) + 1;
      std::vector<Range> cells(before_number, Range{});
      cells.push_back(number);
      std::vector<std::size_t> cell_ends(before_number + 1, k);  // the last line of each cell
      std::optional<std::size_t> numbered_cell;  // a numbered line taken as the row's last cell
      for (++k; k < n; ++k) {
        if (lines_[k].blank()) continue;
        if (ends_row(k, cells.size(), next_number, layout)) break;
        const Range r = cell_at(k);
        if (starts_line_header(k)) break;  // the next table begins
        // A numbered paragraph ends a short last row (and with it the table): taken as a cell it was
        // neither a task nor skipped. But a row's last cell may open with a number of its own (a
        // progress cell: 1、凤凰路一期已建成通车。 2、…) where a row number follows it; it is reported.
        if (lines_[k].numbering != Numbering::None) {
          if (!is_numbered_last_cell(k, cells, next_number, layout)) break;
          numbered_cell = k;
        }
        // A table that sets its cells off with blank lines may print one cell over consecutive
        // lines (the units of one cell, one group per line): those lines are one cell.
        if (layout.blank_between_cells && cells.size() > before_number + 1 && cell_ends.back() + 1 == k) {
          cells.back().end = r.end;
          cell_ends.back() = k;
          continue;
        }
        cells.push_back(r);
        cell_ends.push_back(k);
      }
      // A numbered line the row took is reported after the row, in line order: it is no task, and
      // every numbered line is a task or skipped.
      const auto report_numbered_cell = [&] {
        if (numbered_cell)
          document_.skipped.push_back({0, file_line(*numbered_cell),
                                       "numbered line read as a cell of the table row on line " +
                                           std::to_string(file_line(row_line)) + ", not as a task"});
      };
      if (k >= n && !layout.fragmented && static_cast<int>(cells.size()) < layout.columns) {
        document_.skipped.push_back({0, file_line(row_line), "table row cut off at the end of the text (fewer cells than the header's)"});
        report_numbered_cell();
        return k;
      }
      // The last row is followed by the page's footer, not by a next number: it ends with its
      // header's number of cells, and the text after it is read as text.
      if (k >= n && !layout.fragmented && static_cast<int>(cells.size()) > layout.columns) {
        const auto columns = static_cast<std::size_t>(layout.columns);
        k = cell_ends[columns - 1] + 1;
        cells.resize(columns);
        if (before_number == 0) read_row(row_line, cells, layout);
        else read_row_by_content(row_line, cells, layout);
        if (numbered_cell && *numbered_cell < k) report_numbered_cell();
        return k;
      }
      if (!layout.fragmented && before_number == 0 && static_cast<int>(cells.size()) == layout.columns)
        read_row(row_line, cells, layout);
      else
        read_row_by_content(row_line, cells, layout);
      report_numbered_cell();
    }
    return k;
  }

  // The row number after the group rows from line k of a one-cell-per-line table: at most three
  // short lines, none a list of units or a numbered task, then a line holding a row number; k when
  // there are none.
  std::size_t past_group_rows(std::size_t k) {
    constexpr int kMostLines = 3;
    constexpr std::uint32_t kLongestGroupRow = 30;
    const std::size_t n = lines_.size();
    std::size_t j = k;
    for (int lines = 0; lines < kMostLines && j < n; ++lines, j = first_non_blank(j + 1)) {
      const Range cell = cell_at(j);
      if (is_row_number(cell)) return lines > 0 ? j : k;
      if (cell.size() > kLongestGroupRow || is_task_numbering(lines_[j].numbering) ||
          is_unit_line(detail::slice(window_.chars(), cell)))
        return k;
    }
    return j < n && is_row_number(cell_at(j)) ? j : k;
  }

  // Whether non-blank line k of a one-cell-per-line table ends the row before it, which has `cells`
  // cells, by opening the next: it holds the next row number; or any row number once the row has as
  // many cells as its header, since a progress table keeps the numbers of the tasks it reports on,
  // which jump (145, 249). A number followed by another figure (7965 / 80%) is a figure of the row's
  // next line of cells, not a row number.
  bool ends_row(std::size_t k, std::size_t cells, long next_number, const detail::TableLayout& layout) {
    const Range r = cell_at(k);
    if (!is_row_number(r)) return false;
    return row_number(r) == next_number || (static_cast<int>(cells) >= layout.columns && !figure_follows(k));
  }

  // Whether numbered line k is the last cell of the row whose cells before it are `cells` (a
  // progress cell: 1、凤凰路一期已建成通车。): it fills the header's last column, the row names its
  // units without it, it has no annotation of its own, and the line after it ends the row (the end
  // of the text or, as the loop reading rows tells it, a row number). Anything less and the line is
  // a numbered paragraph after a row cut short (fuzz_html and fuzz_csv found rows of no units, and
  // rows whose "next number" was a figure of theirs, taking one).
  bool is_numbered_last_cell(std::size_t k, const std::vector<Range>& cells, long next_number,
                             const detail::TableLayout& layout) {
    if (static_cast<int>(cells.size()) + 1 != layout.columns) return false;
    // Units and deadlines are not numbered paragraphs.
    const int last = layout.columns - 1;
    if (last == detail::last_role_column(layout) || last == layout.deadline) return false;
    const std::u32string_view s = window_.chars();
    if (std::none_of(cells.begin(), cells.end(), [&](Range c) { return is_unit_line(detail::slice(s, c)); }))
      return false;
    // A numbered line with an annotation of its own is a task: as a cell, its units were lost.
    if (locator_.locate(lines_[k].range)) return false;
    const std::size_t next = first_non_blank(k + 1);
    return next >= lines_.size() || ends_row(next, cells.size() + 1, next_number, layout);
  }

  // The rows under a header whose names ran together, one cell per line and no number column: a
  // row is its task's lines up to a run of lines of units, and then the cells the header names after
  // the units' column (进展情况). The table ends where no lines of units follow.
  std::size_t parse_rows_by_units(std::size_t k, const detail::TableLayout& layout) {
    const std::size_t n = lines_.size();
    const int units_column = detail::last_role_column(layout);
    const int after_units = layout.columns - 1 - units_column;
    const auto unit_line = [&](Range r) { return is_unit_line(detail::slice(window_.chars(), r)); };
    while (true) {
      const std::size_t row_line = first_non_blank(k);
      std::vector<Range> cells{Range{}};  // no number
      std::size_t j = row_line;
      std::size_t task_line = row_line;  // the line of the longest cell before the units: the task's
      // Before the units: the task's cells, and a line under the header (一季度二季度…) at most. Where
      // blank lines set cells off, a cell's consecutive lines count once.
      for (int before = 0; j < n && before <= units_column + 1; ++j) {
        if (lines_[j].blank()) continue;
        if (lines_[j].numbering != Numbering::None) return row_line;
        const Range r = cell_at(j);
        if (unit_line(r)) break;
        if (r.size() > cell_at(task_line).size()) task_line = j;
        cells.push_back(r);
        if (!layout.blank_between_cells || j == 0 || lines_[j - 1].blank()) ++before;
      }
      if (j >= n || lines_[j].blank() || !unit_line(cell_at(j))) return row_line;
      for (; j < n; ++j) {
        if (lines_[j].blank()) continue;
        const Range r = cell_at(j);
        if (lines_[j].numbering != Numbering::None || !unit_line(r)) break;
        cells.push_back(r);
      }
      for (int after = 0; j < n && after < after_units; ++j) {
        if (lines_[j].blank()) continue;
        const Range r = cell_at(j);
        if (lines_[j].numbering != Numbering::None || unit_line(r)) break;
        cells.push_back(r);
        ++after;
      }
      read_row_by_content(task_line, cells, layout);
      k = j;
    }
  }

  // Rows of `columns` lines each, for a one-cell-per-line table whose first column is not 序号.
  std::size_t parse_fixed_line_rows(std::size_t k, const detail::TableLayout& layout) {
    const std::size_t n = lines_.size();
    const std::size_t first_row = first_non_blank(k);
    while ((k = first_non_blank(k)) < n) {
      const std::size_t row_line = k;
      std::vector<Range> cells;
      for (; k < n && static_cast<int>(cells.size()) < layout.columns; ++k) {
        if (lines_[k].blank()) continue;
        if (!cells.empty() && lines_[k].numbering != Numbering::None) break;
        cells.push_back(cell_at(k));
      }
      const int column = layout.lead >= 0 ? layout.lead : layout.co;
      if (static_cast<std::size_t>(column) >= cells.size() ||
          !detail::looks_like_agency_list(detail::slice(window_.chars(), cells[static_cast<std::size_t>(column)]))) {
        // Cells set off by blank lines, some over several lines: the rows are told by their units.
        if (layout.blank_between_cells && row_line == first_row) return parse_rows_by_units(row_line, layout);
        return row_line;
      }
      read_row(row_line, cells, layout);
    }
    return k;
  }

  // Whether the next non-blank line after k opens with a digit, as a table's figures do.
  bool figure_follows(std::size_t k) {
    const std::size_t next = first_non_blank(k + 1);
    if (next >= lines_.size()) return false;
    const Range cell = cell_at(next);
    return !cell.empty() && detail::is_digit(window_.chars()[cell.begin]);
  }

  // Whether line k and the next non-blank line are both header words: a one-cell-per-line header
  // begins there. Folded apart from window_, whose cells the caller holds.
  bool starts_line_header(std::size_t k) const {
    for (std::size_t j = k, seen = 0; seen < 2; ++seen, j = first_non_blank(j + 1)) {
      if (j >= lines_.size() || lines_[j].numbering != Numbering::None) return false;
      FoldedText folded;
      folder_.append(text_, lines_[j].range.begin, lines_[j].range.end, folded);
      const Range cell = detail::strip_cell_bars(folded.chars, {0, static_cast<std::uint32_t>(folded.size())});
      if (!detail::is_header_word(detail::slice(folded.chars, cell))) return false;
    }
    return true;
  }

  // Line k of a one-cell-per-line table as a cell: trimmed, without pipes around it.
  Range cell_at(std::size_t k) {
    const Range line = window_.range(k);  // first: it may move chars()
    return detail::strip_cell_bars(window_.chars(), line);
  }


  long row_number(Range r) const {
    long value = 0;
    for (char32_t c : detail::slice(window_.chars(), r))
      if (detail::is_digit(c)) value = value * 10 + static_cast<long>(c - U'0');
    return value;
  }

  std::size_t first_non_blank(std::size_t k) const {
    while (k < lines_.size() && lines_[k].blank()) ++k;
    return k;
  }

  static std::u32string_view without_row_mark(std::u32string_view id) {
    if (id.size() > 1 && id.back() == U'*') id.remove_suffix(1);
    return id;
  }

  // A row's number, as a 序号 cell prints it; a star after it marks the row (9*: a key project) and
  // is not part of the number.
  bool is_row_number(Range r) const {
    const std::u32string_view t = without_row_mark(detail::slice(window_.chars(), r));
    return !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), detail::is_digit);
  }

  bool is_rule_cell(Range r) const {
    const std::u32string_view t = detail::slice(window_.chars(), r);
    return t.find_first_not_of(U"-:= ") == std::u32string_view::npos;
  }

  // A row with more cells than its header (trailing empty cells aside) has cells under a header cell
  // that spanned columns, as a table flattened from a page prints them (目标 over an indicator and
  // its figure): the columns after the task column are read from the row's right end.
  void read_row(std::size_t k, const std::vector<Range>& cells, const detail::TableLayout& layout) {
    std::size_t filled = cells.size();
    while (filled > 0 && cells[filled - 1].empty()) --filled;
    const int extra = layout.task >= 0 && static_cast<int>(filled) > layout.columns ? static_cast<int>(filled) - layout.columns : 0;
    auto cell = [&](int column) -> Range {
      if (column > layout.task) column += extra;
      return column >= 0 && static_cast<std::size_t>(column) < cells.size() ? cells[static_cast<std::size_t>(column)]
                                                                              : Range{};
    };
    RowCells row;
    row.id = cell(layout.id);
    row.task = cell(layout.task);
    row.deadline = cell(layout.deadline);
    if (!cell(layout.lead).empty()) row.lead.push_back(cell(layout.lead));
    if (!cell(layout.co).empty()) row.co.push_back(cell(layout.co));
    for (int column : layout.more_co)
      if (!cell(column).empty()) row.co.push_back(cell(column));
    if (!cell(layout.people).empty()) row.people.push_back(cell(layout.people));
    add_row_task(k, row);
  }

  // A row of a one-cell-per-line table whose lines do not match the header's cells one to one
  // (cells broken over lines, a header not all known): the units are the lines that read as unit
  // lists, the first of them the lead's where the table has both columns; the task is the longest
  // other line, a short line of two to four characters (or a name and a title in 长) in a people
  // column is an official.
  void read_row_by_content(std::size_t k, const std::vector<Range>& cells, const detail::TableLayout& layout) {
    const std::u32string_view s = window_.chars();
    RowCells row;
    const std::size_t id_cell = layout.id > 0 ? static_cast<std::size_t>(layout.id) : 0;  // cells before it are empty
    row.id = cells[id_cell];
    std::vector<std::vector<Range>> runs;  // runs of consecutive unit lines
    bool in_run = false;
    for (std::size_t c = id_cell + 1; c < cells.size(); ++c) {
      const std::u32string_view text = detail::slice(s, cells[c]);
      if (is_unit_line(text)) {
        if (!in_run) runs.emplace_back();
        runs.back().push_back(cells[c]);
        in_run = true;
        continue;
      }
      in_run = false;
      // A deadline first: 全年 and 长期坚持 are as short as a name.
      if (layout.deadline >= 0 && row.deadline.empty() && text.size() <= 20 && detail::looks_like_deadline(text)) {
        row.deadline = cells[c];
      } else if (layout.people >= 0 && text.size() >= 2 && detail::is_all_ideographs(text) &&
                 (text.size() <= 4 || (text.size() <= 8 && text.back() == U'长'))) {  // 王某某副市长
        row.people.push_back(cells[c]);
      } else if (runs.empty() && text.size() > row.task.size()) {
        row.task = cells[c];
      }
    }
    // The units of columns in no role after the role columns (评分部门) are the last unit lines,
    // when the run holds more than them (an empty such cell leaves the role's units alone).
    const auto not_roles = static_cast<std::size_t>(layout.units_after_roles);
    if (not_roles > 0 && !runs.empty() && runs.back().size() > not_roles) runs.back().resize(runs.back().size() - not_roles);
    // With both columns, the lead is the first run (or, in one run, its first line) when its column
    // is printed first, the last when it is printed last: the other column's cell may span lines.
    const bool both = layout.lead >= 0 && layout.co >= 0;
    const bool lead_first = layout.lead < layout.co;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      for (std::size_t i = 0; i < runs[r].size(); ++i) {
        bool lead = layout.lead >= 0;
        if (both && runs.size() > 1) lead = lead_first ? r == 0 : r + 1 == runs.size();
        else if (both) lead = lead_first ? i == 0 : i + 1 == runs[r].size();
        (lead ? row.lead : row.co).push_back(runs[r][i]);
      }
    }
    add_row_task(k, row);
  }

  // A figure and its measure word, which may end like a unit's name (2所, 3站): a count of units.
  static bool is_count(std::u32string_view item) {
    return item.size() >= 2 && std::all_of(item.begin(), item.end() - 1, [](char32_t c) { return detail::is_digit(c) || c == U'.'; });
  }

  // A cell that is a list of units: every item ends like a unit or is a collective, and one names
  // a unit outright (城投集团, 水利局; not 完工投用).
  static bool is_unit_line(std::u32string_view text) {
    if (text.empty() || text.size() > 400 || !detail::looks_like_agency_list(text)) return false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] != U'、' && text[i] != U',') continue;
      std::u32string_view item = text.substr(start, i - start);
      if (item.ends_with(U"等")) item.remove_suffix(1);
      item = detail::without_trailing_bracket(item);  // 省商务厅(省粮食局): an alias is not its ending
      if (item.starts_with(U"各") || (detail::ends_like_agency(item) && !is_count(item))) return true;
      start = i + 1;
    }
    return false;
  }

  void add_row_task(std::size_t k, const RowCells& row) {
    const FoldedText& folded = window_.folded();
    if (row.task.empty() && row.lead.empty() && row.co.empty()) {
      // An empty row is nothing; a numbered paragraph read as one is reported, not dropped.
      if (is_task_numbering(lines_[k].numbering))
        document_.skipped.push_back({0, file_line(k), "table row with nothing in the header's task and unit columns"});
      return;
    }
    // A row with neither number nor task continues the task above it (a unit cell the table's
    // layout put on a row of its own). A line that opens with a task number has one, in whatever
    // cell: taken as a continuation it was neither a task nor skipped (found by fuzz_pdf).
    const bool follows_task = table_task_ && *table_task_ < document_.tasks.size();
    std::string id = row.id.empty() ? std::string() : to_utf8(without_row_mark(detail::slice(folded.chars, row.id)));
    // So does a row that repeats the number of the row above, in the same section: a sheet or an
    // export that fills a merged 序号 cell (and the role cells beside it) on every row of the task's
    // measures.
    const bool repeats_number = follows_task && !id.empty() && is_row_number(row.id) &&
                                document_.tasks[*table_task_].id == id &&
                                document_.tasks[*table_task_].section == current_section_;
    const bool continues =
        repeats_number || (follows_task && row.id.empty() && row.task.empty() && !is_task_numbering(lines_[k].numbering));
    Task task;
    if (!continues) {
      task.id = row.id.empty() ? std::to_string(++table_rows_) : std::move(id);
      task.line = file_line(k);
      task.section = current_section_;
      task.text = span(folded, row.task);
      if (!row.lead.empty()) task.annotation = span(folded, row.lead.front());
    }
    pieces_.clear();
    Task& into = continues ? document_.tasks[*table_task_] : task;
    for (const auto& [cells, role] : {std::pair{&row.lead, Role::Lead}, std::pair{&row.co, Role::Co}})
      for (Range cell : *cells) {
        for (const detail::NamePiece& piece : names_.split_cell(folded.chars, cell))
          pieces_.push_back({piece.marked_lead ? Role::Lead : role, piece});
        add_clauses(names_.clauses(), folded, into);
      }
    add_mentions(into, folded);
    into.remarks.insert(into.remarks.end(), std::make_move_iterator(list_remarks_.begin()),
                        std::make_move_iterator(list_remarks_.end()));
    list_remarks_.clear();
    for (Range person : row.people) {
      std::string leader = original(folded, person);
      if (std::find(into.leaders.begin(), into.leaders.end(), leader) == into.leaders.end()) into.leaders.push_back(std::move(leader));
    }
    if (continues) return;
    if (!row.deadline.empty()) task.deadline = original(folded, row.deadline);
    apply_first_listed(task);
    if (task.agencies.empty()) {
      document_.skipped.push_back({0, task.line, "table row names no lead or responsible unit"});
      return;
    }
    table_task_ = document_.tasks.size();
    document_.tasks.push_back(std::move(task));
  }

  const ExtractOptions& options_;
  const AliasTable& aliases_;
  Document document_;
  std::string_view text_;  // document_.sources[0].content()
  Folder folder_;
  std::vector<Line> lines_;
  std::vector<bool> starts_no_table_;  // per line: table_at() found no table's header there
  detail::AnnotationLocator locator_;
  LineWindow window_;
  std::optional<NameResolver> resolver_;     // from the document's jurisdiction, once read
  detail::StringMap<ResolvedName> resolved_;  // by name as printed
  std::string printed_;      // buffer for printed names made of two stretches
  std::string folded_name_;  // buffer for resolve()
  detail::NameSplitter names_;
  std::vector<std::pair<Role, detail::NamePiece>> pieces_;  // a task's names, for add_mentions()
  // The annotation found last was read without its line breaks (names may span them): set by
  // bracket_wrapped_over_lines, cleared once its task is added.
  bool names_span_line_breaks_ = false;
  std::vector<std::string> list_remarks_;  // remarks met inside lists of units, for fill_roles()
  std::optional<std::uint32_t> first_listed_from_;    // where the first-listed convention is stated
  std::optional<std::uint32_t> unlabelled_lead_from_;  // where "units without a lead label lead" is
  std::uint32_t current_section_ = 0;
  std::optional<SectionUnits> section_units_;  // for the numbered items under a heading
  int table_rows_ = 0;
  int bullets_ = 0;      // bulleted tasks so far, for their ids
  std::optional<std::size_t> table_task_;  // the task of the last table row read, for continuation rows
  int unnumbered_ = 0;   // tasks without number or label so far, for their ids
  std::vector<std::string> lost_numbers_;  // ids of those that open like a lost number
  bool states_convention_ = false;         // the text states a first-listed or unlabelled-lead rule
  // The last line parse_unnumbered() passed over as text between tasks.
  std::size_t last_text_line_ = std::numeric_limits<std::size_t>::max();
  int numbered_tasks_ = 0;  // paragraphs with a task number that had an annotation
};

}  // namespace

namespace {

// A carriage return not followed by a line feed ends a line too (old Mac files, some exports): made
// a line feed in place, so that every offset stays where it was.
void end_lines_at_lone_carriage_returns(Source& source) {
  const std::string_view text = source.content();
  std::size_t at = text.find('\r');
  while (at != std::string_view::npos && at + 1 < text.size() && text[at + 1] == '\n') at = text.find('\r', at + 1);
  if (at == std::string_view::npos) return;
  source.own_text();  // a mapped file is changed in a copy
  for (; at != std::string::npos; at = source.text.find('\r', at + 1))
    if (at + 1 == source.text.size() || source.text[at + 1] != '\n') source.text[at] = '\n';
}

// The text a reading step made of the source's, in place of a mapped file too.
void replace_text(Source& source, std::string text) {
  source.mapping.reset();
  source.mapped = {};
  source.text = std::move(text);
}

// A CSV table whose cells use quotes is read as RFC 4180 records (csv_text.hpp).
void read_csv_records(Source& source) {
  const std::string_view text = source.content();
  if (!source.original_lines.empty() || !detail::has_csv_quoting(text, 0)) return;
  const std::optional<std::size_t> header = detail::find_csv_header(text, Folder(false));
  if (!header || !detail::has_csv_quoting(text, *header)) return;
  detail::CsvText records = detail::csv_to_tsv(text, *header);
  replace_text(source, std::move(records.text));
  source.original_lines = std::move(records.lines);
}

}  // namespace

Document extract_document(Source source, const ExtractOptions& options) {
  end_lines_at_lone_carriage_returns(source);
  // Code and data (JSON, a JavaScript literal, an SQL dump) are read as the text their literals hold.
  if (source.original_lines.empty() && source.format == "text") {
    if (std::optional<detail::CodeText> code = detail::code_to_text(source.content())) {
      replace_text(source, std::move(code->text));
      source.original_lines = std::move(code->lines);
      source.format = "code";
    }
  }
  // A saved web page is read as the text a browser shows, its lines mapped back to the page's. Only
  // text files can be pages: an office file's paragraph that quotes markup stays text.
  if (source.format == "text" && source.original_lines.empty() && detail::looks_like_html(source.content())) {
    detail::HtmlText page = detail::html_to_text(source.content());
    // A page whose markup goes on after its last text was not cut there: its last line ends as a
    // text file's does, so that a last task is not taken for one cut off mid-sentence.
    if (!page.ends_in_text && !page.text.empty()) {
      page.text += '\n';
      page.lines.push_back(page.lines.back());
    }
    replace_text(source, std::move(page.text));
    source.original_lines = std::move(page.lines);
    source.format = "html";
  }
  read_csv_records(source);
  return DocumentParser(std::move(source), options).run();
}

}  // namespace agencygraph
