// The tokenizer and tree builder of html_tree.hpp.
#include "text/html_tree.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

#include "text/html_markup.hpp"

namespace agencygraph::detail::html {
namespace {

// Deeper nesting is flattened (its tags ignored, its text kept), as browsers do, so that rendering
// can recurse and a page of ten thousand unclosed <div>s cannot exhaust the stack.
constexpr std::size_t kMaxDepth = 256;
constexpr std::uint32_t kMaxRowspan = 65534;  // the HTML limit; rowspan="0" means "to the last row"
constexpr std::uint32_t kMaxColspan = 1000;

bool is_void(std::string_view name) {
  return is_one_of(name, {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param",
                          "source", "track", "wbr"});
}

// Elements whose content is not markup: dropped whole.
bool is_dropped_raw_text(std::string_view name) {
  return is_one_of(name, {"script", "style", "template", "noscript", "iframe", "noembed", "noframes", "xmp"});
}

// Elements whose content is text with entities but no tags.
bool is_escapable_raw_text(std::string_view name) { return name == "title" || name == "textarea"; }

bool may_be_in_head(std::string_view name) {
  return is_one_of(name, {"title", "meta", "link", "base", "style", "script", "noscript", "template"});
}


// What the tree builder asks of a tag's name, found once per name (TagIds) rather than by comparing
// the name with lists of names at every tag.
enum TagTrait : std::uint8_t {
  kVoid = 1,
  kDroppedRawText = 2,
  kEscapableRawText = 4,
  kMayBeInHead = 8,
  kClosesParagraph = 16,
};

std::uint8_t traits_of(std::string_view name) {
  return static_cast<std::uint8_t>((is_void(name) ? kVoid : 0) | (is_dropped_raw_text(name) ? kDroppedRawText : 0) |
                                   (is_escapable_raw_text(name) ? kEscapableRawText : 0) |
                                   (may_be_in_head(name) ? kMayBeInHead : 0) |
                                   (closes_paragraph(name) ? kClosesParagraph : 0));
}

struct Tag {
  std::string name;
  std::uint32_t id = 0;  // TagIds
  std::uint32_t rowspan = 1, colspan = 1;
  std::size_t end = 0;  // the byte after '>'
};

// rowspan/colspan: leading digits after spaces ("3px" is 3), as browsers read them; none: 1.
std::uint32_t span_value(std::string_view value, std::uint32_t zero, std::uint32_t most) {
  std::size_t i = 0;
  while (i < value.size() && is_space(value[i])) ++i;
  if (i == value.size() || !is_digit(value[i])) return 1;
  std::uint32_t n = 0;
  for (; i < value.size() && is_digit(value[i]); ++i) n = std::min<std::uint32_t>(n * 10 + static_cast<std::uint32_t>(value[i] - '0'), most);
  return n == 0 ? zero : n;
}

// Tag names as small numbers: finding an open element compares numbers rather than strings, and
// a count per name skips the search when none is open (a page of a hundred thousand <div>s asks at
// every tag whether a <p> is open).
enum KnownTag : std::uint32_t {
  kP, kTd, kTh, kTr, kTable, kTbody, kThead, kTfoot, kCaption, kLi, kUl, kOl, kDt, kDd, kDl, kOption,
  kSelect, kButton, kH1, kH2, kH3, kH4, kH5, kH6, kHead, kTitle, kRoot, kKnownTags
};
constexpr std::string_view kKnownTagNames[kKnownTags] = {
    "p", "td", "th", "tr", "table", "tbody", "thead", "tfoot", "caption", "li", "ul", "ol", "dt", "dd", "dl", "option",
    "select", "button", "h1", "h2", "h3", "h4", "h5", "h6", "head", "title", "#root"};

class TagIds {
 public:
  TagIds() {
    for (std::uint32_t k = 0; k < kKnownTags; ++k) {
      ids_.emplace(kKnownTagNames[k], k);
      traits_.push_back(traits_of(kKnownTagNames[k]));
    }
  }
  std::uint32_t operator()(const std::string& name) {
    const auto [it, added] = ids_.try_emplace(name, static_cast<std::uint32_t>(ids_.size()));
    if (added) traits_.push_back(traits_of(name));
    return it->second;
  }
  std::uint8_t traits(std::uint32_t id) const { return traits_[id]; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::uint8_t> traits_;  // by id
};

using Tags = std::initializer_list<std::uint32_t>;

bool is_heading(std::uint32_t tag) { return tag >= kH1 && tag <= kH6; }

class TreeBuilder {
 public:
  explicit TreeBuilder(std::string_view html) : html_(html) {
    nodes_.emplace_back();
    nodes_[0].name = "#root";
    push(0, kRoot);
  }

  std::vector<Node> build() {
    while (pos_ < html_.size()) {
      const std::size_t lt = html_.find('<', pos_);
      add_text(pos_, lt == npos ? html_.size() : lt);
      if (lt == npos) break;
      read_markup(lt);
    }
    return std::move(nodes_);
  }

 private:
  // The line of byte `offset`; offsets are asked for in increasing order.
  std::uint32_t line_at(std::size_t offset) {
    if (offset > counted_) {
      line_ += static_cast<std::uint32_t>(std::count(html_.begin() + static_cast<std::ptrdiff_t>(counted_),
                                                     html_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
      counted_ = offset;
    }
    return line_;
  }

  std::uint32_t top() const { return open_tags_.back(); }
  bool top_is(Tags tags) const { return std::find(tags.begin(), tags.end(), top()) != tags.end(); }

  void push(std::uint32_t node, std::uint32_t tag) {
    open_.push_back(node);
    open_tags_.push_back(tag);
    if (open_count_.size() <= tag) open_count_.resize(tag + 1, 0);
    ++open_count_[tag];
  }

  // Closes the open elements from the k-th on.
  void pop_to(std::size_t k) {
    for (std::size_t j = k; j < open_tags_.size(); ++j) --open_count_[open_tags_[j]];
    open_.resize(k);
    open_tags_.resize(k);
  }

  std::uint32_t append(Node node) {
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(std::move(node));
    nodes_[open_.back()].children.push_back(id);
    return id;
  }

  void open(Node node, std::uint32_t tag) {
    const bool leaf = (tag_ids_.traits(tag) & kVoid) != 0;
    const std::uint32_t id = append(std::move(node));
    if (!leaf && open_.size() < kMaxDepth) push(id, tag);
  }

  void add_text(std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    const bool blank = std::all_of(html_.begin() + static_cast<std::ptrdiff_t>(begin),
                                   html_.begin() + static_cast<std::ptrdiff_t>(end), is_space);
    if (blank && top_is({kTable, kTbody, kThead, kTfoot, kTr, kHead, kRoot})) return;
    if (!blank && top() == kHead) pop_to(open_.size() - 1);  // text starts the body
    Node node;
    node.begin = static_cast<std::uint32_t>(begin);
    node.end = static_cast<std::uint32_t>(end);
    node.line = line_at(begin);
    append(std::move(node));
  }

  void literal_less_than(std::size_t at) {
    add_text(at, at + 1);
    pos_ = at + 1;
  }

  // Skips past the next `c` from `from` (a bogus comment, a doctype, an end tag's rest), or to the end.
  void skip_past(char c, std::size_t from) {
    const std::size_t end = html_.find(c, from);
    pos_ = end == npos ? html_.size() : end + 1;
  }

  void read_markup(std::size_t lt) {
    const std::size_t at = lt + 1;
    if (at >= html_.size()) return literal_less_than(lt);
    const char c = html_[at];
    if (html_.compare(lt, 4, "<!--") == 0) return skip_comment(lt + 4);
    if (c == '!' || c == '?') return skip_past('>', at);
    if (c == '/') {
      if (at + 1 < html_.size() && is_alpha(html_[at + 1])) return read_tag(lt, at + 1, true);
      if (at + 1 >= html_.size()) return literal_less_than(lt);
      return skip_past('>', at);  // </> and </ 3>: ignored
    }
    if (is_alpha(c)) return read_tag(lt, at, false);
    literal_less_than(lt);  // "a < b", "<政府工作报告>"
  }

  void skip_comment(std::size_t from) {
    if (html_.compare(from, 1, ">") == 0) return void(pos_ = from + 1);   // <!-->
    if (html_.compare(from, 2, "->") == 0) return void(pos_ = from + 2);  // <!--->
    const std::size_t end = html_.find("-->", from);
    pos_ = end == npos ? html_.size() : end + 3;  // unterminated: the rest is comment
  }

  // Reads a tag whose name starts at `at`. A tag cut off by the end of the file is dropped.
  void read_tag(std::size_t lt, std::size_t at, bool closing) {
    std::optional<Tag> tag = parse_tag(at);
    if (!tag) return void(pos_ = html_.size());
    pos_ = tag->end;
    const std::uint32_t line = line_at(lt);
    if (closing) return end_tag(*tag, line);
    if (tag_ids_.traits(tag->id) & kDroppedRawText) return void(pos_ = raw_text_end(tag->name, pos_).second);
    start_tag(*tag, line);
    if (tag_ids_.traits(tag->id) & kEscapableRawText) read_escapable_raw_text(*tag);
  }

  std::optional<Tag> parse_tag(std::size_t at) {
    Tag tag;
    const std::size_t n = html_.size();
    std::size_t i = at;
    for (; i < n && !is_space(html_[i]) && html_[i] != '/' && html_[i] != '>'; ++i) tag.name += lower(html_[i]);
    while (true) {
      while (i < n && (is_space(html_[i]) || html_[i] == '/')) ++i;
      if (i >= n) return std::nullopt;
      if (html_[i] == '>') break;
      const std::size_t name_begin = i;
      ++i;  // an attribute name has at least one character, even '='
      while (i < n && !is_space(html_[i]) && html_[i] != '/' && html_[i] != '>' && html_[i] != '=') ++i;
      const std::string_view attribute = html_.substr(name_begin, i - name_begin);
      while (i < n && is_space(html_[i])) ++i;
      std::string_view value;
      if (i < n && html_[i] == '=') {
        ++i;
        while (i < n && is_space(html_[i])) ++i;
        if (i < n && (html_[i] == '"' || html_[i] == '\'')) {
          const std::size_t close = html_.find(html_[i], i + 1);
          if (close == npos) return std::nullopt;  // an unterminated quote runs to the end, as in browsers
          value = html_.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          const std::size_t begin = i;
          while (i < n && !is_space(html_[i]) && html_[i] != '>') ++i;
          value = html_.substr(begin, i - begin);
        }
      }
      if (equals_ci(attribute, "rowspan")) tag.rowspan = span_value(value, kMaxRowspan, kMaxRowspan);
      if (equals_ci(attribute, "colspan")) tag.colspan = span_value(value, 1, kMaxColspan);
    }
    tag.end = i + 1;
    tag.id = tag_ids_(tag.name);
    return tag;
  }

  // Where the raw text of <name> ends and where its end tag ends (both the end of the file when
  // the end tag is missing).
  std::pair<std::size_t, std::size_t> raw_text_end(std::string_view name, std::size_t from) const {
    for (std::size_t i = html_.find("</", from); i != npos; i = html_.find("</", i + 2)) {
      if (!has_word_at(html_, i + 2, name)) continue;
      const std::size_t after = i + 2 + name.size();
      if (after < html_.size() && !is_space(html_[after]) && html_[after] != '>' && html_[after] != '/') continue;
      const std::size_t close = html_.find('>', after);
      return {i, close == npos ? html_.size() : close + 1};
    }
    return {html_.size(), html_.size()};
  }

  // <title> and <textarea>: text up to the end tag, entities decoded later like any text.
  void read_escapable_raw_text(const Tag& tag) {
    const auto [text_end, tag_end] = raw_text_end(tag.name, pos_);
    add_text(pos_, text_end);
    pos_ = tag_end;
    close_nearest({tag.id}, {});
  }

  void start_tag(const Tag& tag, std::uint32_t line) {
    if (top() == kHead && !(tag_ids_.traits(tag.id) & kMayBeInHead)) pop_to(open_.size() - 1);  // the body has begun
    close_implied_by(tag);
    if ((tag.id == kTd || tag.id == kTh) && top_is({kTable, kTbody, kThead, kTfoot})) {
      Node row;  // a cell straight in a table: its row's <tr> was left out
      row.name = "tr";
      row.line = line;
      open(std::move(row), kTr);
    }
    Node node;
    node.name = tag.name;
    node.line = line;
    node.rowspan = tag.rowspan;
    node.colspan = tag.colspan;
    open(std::move(node), tag.id);
  }

  // Start tags that end an open element: a cell ends the cell before it, a row the row before it,
  // a block a paragraph, an item the item before it (none of them beyond the table they are in).
  void close_implied_by(const Tag& tag) {
    const std::uint32_t id = tag.id;
    if (id == kTd || id == kTh) close_nearest({kTd, kTh}, {kTr, kTable});
    else if (id == kTr) close_nearest({kTr}, {kTable});
    else if (id == kTbody || id == kThead || id == kTfoot) close_nearest({kTbody, kThead, kTfoot}, {kTable});
    else if (id == kLi) close_nearest({kLi}, {kUl, kOl, kTd, kTh, kTable});
    else if (id == kDt || id == kDd) close_nearest({kDt, kDd}, {kDl, kTd, kTh, kTable});
    else if (id == kOption) close_nearest({kOption}, {kSelect, kTd, kTh, kTable});
    if (tag_ids_.traits(tag.id) & kClosesParagraph) close_nearest({kP}, {kTd, kTh, kTable, kButton});
    if (is_heading(id) && is_heading(top())) pop_to(open_.size() - 1);
  }

  // Closes the innermost open element named in `tags`, and everything opened inside it, unless an
  // element named in `boundaries` is open inside it. The root is never closed.
  void close_nearest(Tags tags, Tags boundaries) {
    if (std::none_of(tags.begin(), tags.end(), [&](std::uint32_t tag) { return tag < open_count_.size() && open_count_[tag] > 0; }))
      return;
    for (std::size_t k = open_tags_.size(); k-- > 1;) {
      const std::uint32_t tag = open_tags_[k];
      if (std::find(tags.begin(), tags.end(), tag) != tags.end()) return pop_to(k);
      if (std::find(boundaries.begin(), boundaries.end(), tag) != boundaries.end()) return;
    }
  }

  void end_tag(const Tag& tag, std::uint32_t line) {
    const std::uint32_t id = tag.id;
    if (tag.name == "br") return start_tag(tag, line);  // browsers read </br> as <br>
    if (id == kTd || id == kTh || id == kTr || id == kTbody || id == kThead || id == kTfoot || id == kCaption)
      return close_nearest({id}, {kTable});
    if (id == kTable) return close_nearest({kTable}, {});
    if (is_heading(id)) return close_nearest({kH1, kH2, kH3, kH4, kH5, kH6}, {kTd, kTh, kTable});
    // Any other end tag closes its element only from inside the same table cell: a stray </div>
    // in a cell does not close the <div> around the table.
    close_nearest({id}, {kTd, kTh, kTable});
  }

  std::string_view html_;
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> open_;       // the open elements, root first
  std::vector<std::uint32_t> open_tags_;  // their tags
  std::vector<std::uint32_t> open_count_;  // by tag: how many are open
  TagIds tag_ids_;
  std::size_t pos_ = 0;
  std::size_t counted_ = 0;  // line_ is the line of this byte
  std::uint32_t line_ = 1;
};

}  // namespace

bool closes_paragraph(std::string_view name) {
  return is_one_of(name, {"p", "div", "table", "ul", "ol", "dl", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                          "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "main",
                          "form", "hr", "address", "fieldset", "figure", "center", "menu", "details"});
}

std::vector<Node> build_tree(std::string_view html) { return TreeBuilder(html).build(); }

}  // namespace agencygraph::detail::html
