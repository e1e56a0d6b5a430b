#include "names.hpp"

#include "annotation.hpp"

#include <array>

namespace agencygraph::detail {
namespace {

bool is_run_separator(char32_t c) { return c == U',' || c == U';' || c == U'。' || is_space(c) || c == U'/'; }

}  // namespace

bool is_bare_place(std::u32string_view item) {
  if (item.size() < 2 || item.starts_with(U"各")) return false;
  return std::u32string_view(U"区县市镇乡旗州盟").find(item.back()) != std::u32string_view::npos ||
         item.ends_with(U"街道");
}

namespace {

// A kind of place named without a place: 区, 县级市, 乡镇, 街道 … (各区、县级市 names every district and
// county-level city), optionally with its government (各市、县人民政府).
bool is_place_kind(std::u32string_view item, bool government_allowed) {
  // A bracket after the name: the government's other name (各县、区人民政府(管委会)) or another kind
  // of place (各区、县(市)政府).
  if (government_allowed) {
    item = without_trailing_bracket(item);
    if (item.ends_with(U"人民政府")) item.remove_suffix(4);
    else if (item.ends_with(U"政府")) item.remove_suffix(2);
    item = without_trailing_bracket(item);
  }
  for (std::u32string_view kind : {U"区", U"县", U"市", U"县级市", U"县区", U"县市", U"市区", U"乡", U"镇", U"乡镇", U"街道", U"州",
                                   U"市州", U"旗", U"园区", U"开发区"})
    if (item == kind) return true;
  return false;
}

// 各区 / 各有关区 / 相关市 / 各县(市): a collective over a kind of place, which the items after it extend.
bool opens_place_collective(std::u32string_view item) {
  if (item.starts_with(U"各")) item.remove_prefix(1);
  else if (item.starts_with(U"相关")) item.remove_prefix(2);
  else return false;
  if (item.starts_with(U"有关")) item.remove_prefix(2);
  return is_place_kind(item, false);
}

// 办事处 (not 街道办事处): "岳云街道、赤云街道办事处" shares 办事处 with a bare 街道.
constexpr std::array<std::u32string_view, 7> kSharedSuffixes = {U"人民政府", U"管理委员会", U"办事处", U"管委会",
                                                                 U"党工委", U"政府", U"党委"};

// 等 followed by nothing or by a generic word is dropped: A、B等, A等单位, A等部门.
bool is_generic_tail(std::u32string_view tail) {
  return tail.empty() || tail == U"单位" || tail == U"部门" || tail == U"等" || tail == U"相关单位";
}

// A noun that names no body by itself: after 和/及 it completes the name before it (有关部门和单位,
// 各县党委和人民政府, 高新区党工委和管委会) rather than adding one.
bool is_bare_generic(std::u32string_view word) {
  for (std::u32string_view generic : {U"单位", U"部门", U"机构", U"人民政府", U"政府", U"管委会", U"党委", U"党工委",
                                      U"企业", U"社会组织", U"组织", U"团体"})
    if (word == generic) return true;
  return false;
}

// Splits an item at 和/及/与/以及 where the left side is already a complete agency name, and at 等
// where 等 ends a complete name ("市发改委等市政府有关部门" -> 市发改委, 市政府有关部门).
void split_item(std::u32string_view s, Range item, std::vector<Range>& out) {
  item = trim(s, item, U".:、");
  if (item.empty()) return;
  int depth = 0;
  for (std::uint32_t i = item.begin + 1; i < item.end; ++i) {
    const char32_t c = s[i];
    if (c <= U'〗') {  // brackets are here; the joining words are ideographs
      if (is_open_bracket(c)) ++depth;
      else if (is_close_bracket(c)) depth = depth > 0 ? depth - 1 : 0;
      continue;
    }
    if (depth != 0) continue;
    std::uint32_t word = 0;
    switch (c) {
      case U'和': case U'及': case U'与': case U'等': word = 1; break;
      case U'以': word = i + 1 < item.end && s[i + 1] == U'及' ? 2 : 0; break;
      case U'会': word = i + 1 < item.end && s[i + 1] == U'同' ? 2 : 0; break;  // X会同有关部门负责
      default: continue;
    }
    if (word == 0 || !ends_like_agency(slice(s, {item.begin, i}))) continue;
    Range rest = trim(s, {i + word, item.end});
    if (c != U'等' && is_bare_generic(slice(s, rest))) continue;  // 有关部门和单位 is one
    out.push_back({item.begin, i});
    // 等和各有关省级人民政府: the list goes on after 等 with its joining word.
    if (c == U'等' && !rest.empty() && (s[rest.begin] == U'和' || s[rest.begin] == U'及')) rest = trim(s, {rest.begin + 1, rest.end});
    if (c == U'等' && is_generic_tail(slice(s, rest))) return;
    split_item(s, rest, out);
    return;
  }
  // A trailing 等 after a name that does not end like a unit (…商贸物流园等) ends the list all the same.
  const std::u32string_view whole = slice(s, item);
  std::uint32_t tail = 0;
  if (whole.size() > 1 && whole.back() == U'等') tail = 1;
  else if (whole.size() > 3 && whole[whole.size() - 3] == U'等' && (whole.ends_with(U"单位") || whole.ends_with(U"部门")))
    tail = 3;
  if (tail > 0) item = trim(s, {item.begin, item.end - tail});
  // One character is never a unit's name: what a cut-off list leaves (责任单位：区).
  if (item.size() > 1) out.push_back(item);
}

// "市发改委(牵头)" in a list of responsible units: the lead, marked in place. So is "区政府办公室*" in
// a table's 责任单位 cell: tables that print their units in one column star the lead (带*的为牵头单位).
void strip_lead_mark(std::u32string_view s, NamePiece& piece) {
  if (piece.main.empty()) return;
  const char32_t last = s[piece.main.end - 1];
  if (last == U'*' || last == U'＊') {
    if (piece.main.size() <= 2) return;
    piece.main.end -= 1;
    piece.main = trim(s, piece.main);
    piece.marked_lead = true;
    return;
  }
  if (!is_close_bracket(last)) return;  // most names
  for (std::u32string_view mark : {U"牵头单位", U"牵头", U"主办"}) {
    const auto length = static_cast<std::uint32_t>(mark.size()) + 2;
    if (piece.main.size() <= length) continue;
    const Range inner{piece.main.end - length + 1, piece.main.end - 1};
    if (is_open_bracket(s[piece.main.end - length]) && is_close_bracket(s[piece.main.end - 1]) &&
        slice(s, inner) == mark) {
      piece.main.end -= length;
      piece.main = trim(s, piece.main);
      piece.marked_lead = true;
      return;
    }
  }
}

}  // namespace

namespace {

// The last characters of complete agency names, as a bitmap over the Basic Multilingual Plane:
// every list item is asked.
class AgencyEndings {
 public:
  AgencyEndings() {
    for (char32_t c : std::u32string_view(U"局委办厅部院会署府行社联队所站心团司处室馆组关校协军"))
      bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  bool contains(char32_t c) const { return c < 0x10000 && (bits_[c >> 6] >> (c & 63) & 1); }

 private:
  std::array<std::uint64_t, 0x10000 / 64> bits_{};
};
const AgencyEndings kAgencyEndings;

}  // namespace

bool may_end_agency_name(char32_t last) {
  // The agency endings, and the last characters of the two-character ones below.
  return kAgencyEndings.contains(last) || std::u32string_view(U"位门学院校行").find(last) != std::u32string_view::npos;
}

bool ends_like_agency(std::u32string_view name) {
  if (name.size() < 2) return false;
  if (kAgencyEndings.contains(name.back())) return true;
  if (is_bureau_section(name)) return true;
  for (std::u32string_view ending : {U"单位", U"部门", U"公司", U"大学", U"学院", U"学校", U"中学", U"小学", U"支行", U"分行"})
    if (name.ends_with(ending)) return true;
  return is_bare_place(name);
}

namespace {

// A name a cell's line break cut (农产品流通工作 / 专班, “十五五”规划编制 / 领导小组办公室): a sheet, a
// page or a Word table prints the break as a space (NameSplitter::split_cell). The item before the space goes on after it when
// it ends in an ideograph that ends no unit's name, and an ideograph other than 各 follows.
[[gnu::noinline]] bool name_goes_on_after_space(std::u32string_view s, Range item, std::uint32_t end) {
  if (item.size() < 2) return false;
  const char32_t last = s[item.end - 1];
  if (last < 0x4E00 || last > 0x9FFF || may_end_agency_name(last) || is_bare_place(slice(s, item))) return false;
  if (s[item.begin] == U'各') return false;  // a collective (各街道, 各乡镇) is whole
  // Endings of units the agency endings leave out (气象台, 农场, 产业园, 水厂, 公路段, 甲村, 专班).
  if (std::u32string_view(U"台场园厂港段库矿班村屯店点").find(last) != std::u32string_view::npos) return false;
  std::uint32_t next = item.end;
  while (next < end && is_space(s[next])) ++next;
  return next < end && s[next] >= 0x4E00 && s[next] <= 0x9FFF && s[next] != U'各';
}

}  // namespace

// Runs are separated by , ; 。 / and spaces, items within a run by 、, both only outside brackets.
// One pass finds both: a run never starts or ends with a space outside brackets (spaces separate
// runs), so cutting items out of the untrimmed run gives the items of the trimmed one.
template <bool kCell>
const std::vector<NamePiece>& NameSplitter::split_list(std::u32string_view s, Range list) {
  names_.clear();
  items_.clear();
  clauses_.clear();
  int depth = 0;
  std::uint32_t item_start = list.begin;
  run_may_be_clause_ = false;
  for (std::uint32_t i = list.begin; i < list.end; ++i) {
    const char32_t c = s[i];
    if (c > U'〗' && c != 0xFEFF) continue;  // ideographs, most of a list: no bracket, no separator
    if (c == U':' || is_digit(c)) run_may_be_clause_ = true;  // 适用范围：…, 2023年底前完成
    // A space after 、 (甲乡、 乙镇政府) is inside the run: the next item starts after it.
    if (item_start == i && is_space(c) && i > list.begin && (s[i - 1] == U'、' || is_space(s[i - 1])) && depth == 0) {
      item_start = i + 1;
      continue;
    }
    if (is_open_bracket(c)) {
      ++depth;
    } else if (is_close_bracket(c)) {
      depth = depth > 0 ? depth - 1 : 0;
    } else if (depth == 0 && (c == U'、' || is_run_separator(c))) {
      if constexpr (kCell)
        if (is_space(c) && !run_may_be_clause_ && name_goes_on_after_space(s, {item_start, i}, list.end)) continue;
      split_item(s, {item_start, i}, items_);
      if (c != U'、') end_run(s);
      item_start = i + 1;
      if (c == U'。') {  // the list ends with its sentence; what follows is about it
        const Range rest = trim(s, {item_start, list.end}, U",;。");
        if (!rest.empty()) clauses_.push_back(rest);
        return names_;
      }
    }
  }
  split_item(s, {item_start, list.end}, items_);
  end_run(s);
  return names_;
}

template const std::vector<NamePiece>& NameSplitter::split_list<false>(std::u32string_view, Range);
template const std::vector<NamePiece>& NameSplitter::split_list<true>(std::u32string_view, Range);

// Adds the names of a run's items; the last item's 政府/管委会 also completes the bare place
// names before it (shared suffix).
// A run (comma group) whose last item does not end like a unit, or that holds a colon or a digit,
// is read for a deadline or a remark; one that ends like a unit only in the cases below. Units are
// the rule, so most runs are passed by their last and first characters.
bool NameSplitter::is_clause_run(std::u32string_view s) const {
  const std::u32string_view text = slice(s, {items_.front().begin, items_.back().end});
  const std::u32string_view last = slice(s, items_.back());
  if (!ends_like_agency(last) || run_may_be_clause_) return looks_like_deadline(text) || looks_like_remark(text);
  // A run that ends like a unit is a clause only when it states something about units: it ends as
  // the first-listed rule does (排在首位的为牵头单位, 列第一位者为牵头或汇总单位) or opens with a word of
  // such a statement (均为…, 列…).
  const bool names_a_role = (last.back() == U'位' && (last.ends_with(U"牵头单位") || last.ends_with(U"汇总单位"))) ||
                            (last.back() == U'门' && last.ends_with(U"牵头部门"));
  if (names_a_role) return looks_like_remark(text);
  switch (text.front()) {
    case U'均': case U'列': case U'排': case U'适': case U'下': case U'以': case U'其': case U'注': case U'不':
      return looks_like_remark(text);
    default:
      return false;
  }
}

// 各区、县级市, 各市、县人民政府 and 相关市、县政府 are one collective each, as 各县(市、区) is: the kinds
// of place after a 各 (相关) that opens one are joined to it.
void NameSplitter::join_place_collectives(std::u32string_view s) {
  // Nearly every run has none: only an item opening with 各 is looked at.
  auto opens_here = [&](std::size_t k) {
    return k + 1 < items_.size() && !items_[k].empty() && (s[items_[k].begin] == U'各' || s[items_[k].begin] == U'相') &&
           opens_place_collective(slice(s, items_[k])) && is_place_kind(slice(s, items_[k + 1]), true);
  };
  std::size_t k = 0;
  while (k < items_.size() && !opens_here(k)) ++k;
  if (k == items_.size()) return;
  std::size_t out = k;
  while (k < items_.size()) {
    Range joined = items_[k];
    if (opens_here(k))
      while (k + 1 < items_.size() && is_place_kind(slice(s, items_[k + 1]), true)) joined.end = items_[++k].end;
    items_[out++] = joined;
    ++k;
  }
  items_.resize(out);
}

// A bare 单位 or 部门 after a 、 names no unit of its own: it completes the collective before it
// (市直有关部门、单位, 各有关部门、单位 are one collective each).
void NameSplitter::join_bare_generics(std::u32string_view s) {
  std::size_t out = 1;
  for (std::size_t k = 1; k < items_.size(); ++k) {
    const std::u32string_view item = slice(s, items_[k]);
    if (item.size() == 2 && is_bare_generic(item)) {
      items_[out - 1].end = items_[k].end;
      continue;
    }
    items_[out++] = items_[k];
  }
  items_.resize(out);
}

// A remark in brackets after the last name of a list (工商联(列第一位者为牵头单位，下同)) is a clause,
// not part of the name; an alias in brackets (市商务局(市粮食局)) is.
void NameSplitter::strip_bracketed_remark(std::u32string_view s, Range& item) {
  if (item.empty() || !is_close_bracket(s[item.end - 1])) return;
  int depth = 0;
  std::uint32_t k = item.end;
  while (k-- > item.begin) {
    if (is_close_bracket(s[k])) ++depth;
    else if (is_open_bracket(s[k]) && --depth == 0) break;
  }
  if (depth != 0 || k <= item.begin) return;
  const Range inner = trim(s, {k + 1, item.end - 1});
  const std::u32string_view text = slice(s, inner);
  if (!may_be_clause(text) || !(looks_like_remark(text) || looks_like_deadline(text))) return;
  clauses_.push_back(inner);
  item = trim(s, {item.begin, k});
}

void NameSplitter::end_run(std::u32string_view s) {
  end_run_items(s);
  run_may_be_clause_ = false;
}

void NameSplitter::end_run_items(std::u32string_view s) {
  if (items_.empty()) return;
  strip_bracketed_remark(s, items_.back());
  if (items_.back().empty()) items_.pop_back();
  if (items_.empty()) return;
  if (items_.size() > 1) {
    join_place_collectives(s);
    join_bare_generics(s);
  }
  if (is_clause_run(s)) {
    clauses_.push_back({items_.front().begin, items_.back().end});
    items_.clear();
    return;
  }
  Range suffix;
  const std::u32string_view last = slice(s, items_.back());
  // Every shared suffix ends in 府, 会, 处 or 委: most runs are ruled out by their last character.
  if (!last.empty() && std::u32string_view(U"府会处委").find(last.back()) != std::u32string_view::npos) {
    for (std::u32string_view candidate : kSharedSuffixes) {
      if (candidate.back() == last.back() && last.size() > candidate.size() && last.ends_with(candidate)) {
        suffix = {items_.back().end - static_cast<std::uint32_t>(candidate.size()), items_.back().end};
        break;
      }
    }
  }
  std::size_t first_sharing = items_.size() - 1;
  if (!suffix.empty())
    while (first_sharing > 0 && is_bare_place(slice(s, items_[first_sharing - 1]))) --first_sharing;

  for (std::size_t k = 0; k < items_.size(); ++k) {
    const bool shares = !suffix.empty() && k >= first_sharing && k + 1 < items_.size();
    NamePiece piece{items_[k], shares ? suffix : Range{}};
    strip_lead_mark(s, piece);
    names_.push_back(piece);
  }
  items_.clear();
}

}  // namespace agencygraph::detail
