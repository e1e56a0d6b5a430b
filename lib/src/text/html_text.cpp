// HTML -> text in two steps: a forgiving tokenizer builds a small element tree (the way browsers
// recover from missing end tags, much simplified), then the tree is written out as lines.
//
// Tags and entities are ASCII, and in valid UTF-8 no byte of a multi-byte character is below 0x80,
// so the tokenizer looks for '<', '&' and white space byte by byte and copies everything else as it
// is: the text between tags is never cut inside a character.
#include "html_text.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <utility>

#include "agencygraph/fold.hpp"

namespace agencygraph::detail {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Deeper nesting is flattened (its tags ignored, its text kept), as browsers do, so that rendering
// can recurse and a page of ten thousand unclosed <div>s cannot exhaust the stack.
constexpr std::size_t kMaxDepth = 256;
// A data table's columns beyond this are dropped: a 分工方案 table has under ten, and the cap keeps
// colspan="1000" in a thousand rows from making a line of a million tabs.
constexpr std::size_t kMaxColumns = 64;
constexpr std::uint32_t kMaxRowspan = 65534;  // the HTML limit; rowspan="0" means "to the last row"
constexpr std::uint32_t kMaxColspan = 1000;

// ---- bytes ----

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether s holds `word` (lower-case ASCII) at `at`, in any case.
bool has_word_at(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (lower(s[at + k]) != word[k]) return false;
  return true;
}

bool equals_ci(std::string_view s, std::string_view word) { return s.size() == word.size() && has_word_at(s, 0, word); }

// Whether s[at] starts the tag `open` ("<table"): the name is followed by a space, '>' or '/'.
bool tag_at(std::string_view s, std::size_t at, std::string_view open) {
  if (!has_word_at(s, at, open)) return false;
  const std::size_t end = at + open.size();
  return end == s.size() || is_space(s[end]) || s[end] == '>' || s[end] == '/';
}

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// ---- detection ----

constexpr std::string_view kPageStarts[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<link", "<style", "<script",
    "<table", "<div", "<p", "<span", "<section", "<article", "<center", "<font", "<br",
    "<ul", "<ol", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<form"};

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

// ---- entities ----

struct NamedEntity {
  std::string_view name;
  char32_t code;
};

// The entities met on Chinese government pages, and the common typographic ones.
constexpr NamedEntity kNamedEntities[] = {
    {"nbsp", 0xA0},    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},         {"quot", '"'},
    {"apos", '\''},    {"ldquo", 0x201C},  {"rdquo", 0x201D},   {"lsquo", 0x2018},   {"rsquo", 0x2019},
    {"bdquo", 0x201E}, {"sbquo", 0x201A},  {"laquo", 0xAB},     {"raquo", 0xBB},     {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"mdash", 0x2014}, {"ndash", 0x2013},   {"hellip", 0x2026},  {"middot", 0xB7},
    {"bull", 0x2022},  {"ensp", 0x2002},   {"emsp", 0x2003},    {"thinsp", 0x2009},  {"zwsp", 0x200B},
    {"zwnj", 0x200C},  {"zwj", 0x200D},    {"shy", 0xAD},       {"times", 0xD7},     {"divide", 0xF7},
    {"plusmn", 0xB1},  {"minus", 0x2212},  {"le", 0x2264},      {"ge", 0x2265},      {"ne", 0x2260},
    {"asymp", 0x2248}, {"infin", 0x221E},  {"radic", 0x221A},   {"deg", 0xB0},       {"permil", 0x2030},
    {"prime", 0x2032}, {"Prime", 0x2033},  {"micro", 0xB5},     {"sup1", 0xB9},      {"sup2", 0xB2},
    {"sup3", 0xB3},    {"frac12", 0xBD},   {"frac14", 0xBC},    {"frac34", 0xBE},    {"copy", 0xA9},
    {"reg", 0xAE},     {"trade", 0x2122},  {"sect", 0xA7},      {"para", 0xB6},      {"yen", 0xA5},
    {"cent", 0xA2},    {"pound", 0xA3},    {"euro", 0x20AC},    {"larr", 0x2190},    {"rarr", 0x2192},
    {"uarr", 0x2191},  {"darr", 0x2193},
};

std::optional<char32_t> named_entity(std::string_view name) {
  for (const NamedEntity& entity : kNamedEntities)
    if (entity.name == name) return entity.code;
  return std::nullopt;
}

// &#128;-&#159; name Windows-1252 characters on old pages (&#147; is “), as browsers read them.
constexpr std::array<char16_t, 32> kWindows1252 = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

char32_t numeric_reference(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value <= 0x9F) return kWindows1252[value - 0x80];
  return value;
}

struct Entity {
  char32_t code = 0;
  std::size_t length = 0;  // bytes read, '&' and ';' included; 0: not an entity, '&' is text
};

// The entity at s[at] == '&', reading no further than `end`. Unknown names stay text, as written.
Entity read_entity(std::string_view s, std::size_t at, std::size_t end) {
  std::size_t i = at + 1;
  if (i < end && s[i] == '#') {
    ++i;
    const bool hex = i < end && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t first = i;
    std::uint32_t value = 0;
    for (; i < end; ++i) {
      const char c = lower(s[i]);
      const bool digit = is_digit(c) || (hex && c >= 'a' && c <= 'f');
      if (!digit) break;
      const std::uint32_t d = is_digit(c) ? static_cast<std::uint32_t>(c - '0') : static_cast<std::uint32_t>(c - 'a' + 10);
      value = std::min<std::uint32_t>(value * (hex ? 16 : 10) + d, 0x110000);  // saturates: out of range either way
    }
    if (i == first) return {};
    if (i < end && s[i] == ';') ++i;
    return {numeric_reference(value), i - at};
  }
  while (i < end && is_alnum(s[i]) && i - at <= 32) ++i;
  const std::string_view name = s.substr(at + 1, i - at - 1);
  if (i < end && s[i] == ';') {
    if (const std::optional<char32_t> code = named_entity(name)) return {*code, i + 1 - at};
    return {};
  }
  // Sloppy pages write &nbsp without the semicolon; browsers read these few so, unless a letter,
  // digit or '=' follows (a URL's query: &ltype=1).
  const bool legacy = is_one_of(name, {"nbsp", "amp", "lt", "gt", "quot"});
  if (legacy && (i >= end || (!is_alnum(s[i]) && s[i] != '=')))
    return {*named_entity(name), i - at};
  return {};
}

// ---- the element tree ----

struct Node {
  std::string name;                     // lower-case tag name; empty for a text node
  std::uint32_t begin = 0, end = 0;     // text nodes: the page's bytes, entities not yet decoded
  std::uint32_t line = 1;               // the line of the page where the node starts
  std::uint32_t rowspan = 1, colspan = 1;  // td and th
  std::vector<std::uint32_t> children;
  bool is_text() const { return name.empty(); }
};

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

// Start tags that close an open <p>, as in HTML's tree construction.
bool closes_paragraph(std::string_view name) {
  return is_one_of(name, {"p", "div", "table", "ul", "ol", "dl", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                          "blockquote", "pre", "section", "article", "header", "footer", "nav", "aside", "main",
                          "form", "hr", "address", "fieldset", "figure", "center", "menu", "details"});
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
    for (std::uint32_t k = 0; k < kKnownTags; ++k) ids_.emplace(kKnownTagNames[k], k);
  }
  std::uint32_t operator()(const std::string& name) {
    return ids_.try_emplace(name, static_cast<std::uint32_t>(ids_.size())).first->second;
  }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
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
    const bool leaf = is_void(node.name);
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
    if (is_dropped_raw_text(tag->name)) return void(pos_ = raw_text_end(tag->name, pos_).second);
    start_tag(*tag, line);
    if (is_escapable_raw_text(tag->name)) read_escapable_raw_text(*tag);
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
    if (top() == kHead && !may_be_in_head(tag.name)) pop_to(open_.size() - 1);  // the body has begun
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
    if (closes_paragraph(tag.name)) close_nearest({kP}, {kTd, kTh, kTable, kButton});
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
  for (std::size_t i = text.find('<'); i != npos; i = text.find('<', i + 1)) {
    if (tag_at(text, i, "<body")) return true;
    table = table || tag_at(text, i, "<table");
    cell = cell || tag_at(text, i, "<td") || tag_at(text, i, "<th");
    if (table && cell) return true;
  }
  return false;
}

HtmlText html_to_text(std::string_view html) {
  const std::vector<Node> nodes = TreeBuilder(html).build();
  return Renderer(html, nodes).run();
}

}  // namespace agencygraph::detail
