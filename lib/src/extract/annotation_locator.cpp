#include "annotation_locator.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace agencygraph::detail {
namespace {

// Enough folded characters to tell whether a label starts here: the longest label (6), a run of
// spaces and the colon. A longer run of spaces makes may_be_label_at() answer "may".
constexpr std::size_t kLabelWindow = 16;

// How the scan treats a character, by its first byte.
enum class ByteClass : std::uint8_t {
  Plain,      // ASCII other than brackets, separators and spaces: ends any label boundary
  Ideograph,  // the lead byte of U+4000..U+9FFF, the bulk of the text (see below)
  Other,      // decoded and folded
};

constexpr std::array<ByteClass, 256> make_byte_classes() {
  std::array<ByteClass, 256> classes{};
  for (unsigned b = 0; b < 0x80; ++b) classes[b] = ByteClass::Plain;
  for (char b : std::string_view("()[]{} \t,;\n\r")) classes[static_cast<unsigned char>(b)] = ByteClass::Other;
  for (unsigned b = 0x80; b < 0x100; ++b) classes[b] = ByteClass::Other;
  for (unsigned b = 0xE4; b <= 0xE9; ++b) classes[b] = ByteClass::Ideograph;
  return classes;
}
constexpr std::array<ByteClass, 256> kByteClasses = make_byte_classes();

// The first byte at or after `from` (before `end`) that is not Plain, an Ideograph lead or a
// continuation byte: where the scan's state can next change. Stops at a few more bytes than that
// (controls, ASCII punctuation 0x20-0x2D), which the scan then reads as any other character.
std::uint32_t next_stop(std::string_view text, std::uint32_t from, std::uint32_t end) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::uint32_t i = from;
#if defined(__SSE2__)
  const __m128i fold_case = _mm_set1_epi8(static_cast<char>(0xDF));  // [ { and ] } alike, ( ) , space near 0
  auto set = [](unsigned char b) { return _mm_set1_epi8(static_cast<char>(b)); };
  auto at_most = [](__m128i x, __m128i limit) { return _mm_cmpeq_epi8(_mm_min_epu8(x, limit), x); };
  auto at_least = [](__m128i x, __m128i limit) { return _mm_cmpeq_epi8(_mm_max_epu8(x, limit), x); };
  const std::uint32_t last = text.size() >= 16 ? std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size() - 15)) : 0;
  for (; i < last; i += 16) {  // i < end and i + 16 <= text.size(), tested as one bound
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i y = _mm_and_si128(x, fold_case);
    const __m128i ascii = _mm_or_si128(_mm_or_si128(at_most(y, set(0x0D)), _mm_cmpeq_epi8(y, set(0x1B))),  // ;
                                       _mm_or_si128(_mm_cmpeq_epi8(y, set(0x5B)), _mm_cmpeq_epi8(y, set(0x5D))));
    const __m128i ideograph = _mm_and_si128(at_least(x, set(0xE4)), at_most(x, set(0xE9)));
    const __m128i other_lead = _mm_andnot_si128(ideograph, at_least(x, set(0xC0)));
    if (const int mask = _mm_movemask_epi8(_mm_or_si128(ascii, other_lead)))
      return std::min(end, i + static_cast<std::uint32_t>(__builtin_ctz(static_cast<unsigned>(mask))));
  }
#endif
  for (; i < end; ++i) {
    const ByteClass byte_class = kByteClasses[s[i]];
    if (byte_class == ByteClass::Other && (s[i] < 0x80 || s[i] >= 0xC0)) return i;
  }
  return end;
}

// The first character at or after `from` (before `end`) that is, or may be, a bracket: inside a
// group only brackets change the scan's state. Brackets are ( ) [ ] { }, their full-width forms
// EF BC 88/89/BB/BD, EF BD 9B/9D, and U+3010..U+3017 (E3 80 90-97); also stops at BS and TAB.
std::uint32_t next_bracket(std::string_view text, std::uint32_t from, std::uint32_t end) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::uint32_t i = from;
#if defined(__SSE2__)
  auto set = [](unsigned char b) { return _mm_set1_epi8(static_cast<char>(b)); };
  auto equal = [](__m128i x, unsigned char b) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(b))); };
  const std::uint32_t last = text.size() >= 18 ? std::min<std::uint32_t>(end, static_cast<std::uint32_t>(text.size() - 17)) : 0;
  for (; i < last; i += 16) {  // i < end and i + 18 <= text.size(), tested as one bound
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 1));
    const __m128i third = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 2));
    const __m128i folded = _mm_and_si128(first, set(0xDF));  // [ { and ] } alike; ( ) near BS TAB
    const __m128i ascii = _mm_or_si128(equal(_mm_and_si128(folded, set(0xFE)), 0x08),
                                       _mm_or_si128(equal(folded, 0x5B), equal(folded, 0x5D)));
    const __m128i cjk = _mm_and_si128(_mm_and_si128(equal(first, 0xE3), equal(second, 0x80)),
                                      equal(_mm_and_si128(third, set(0xF8)), 0x90));
    const __m128i after_fullwidth_lead =
        _mm_or_si128(_mm_and_si128(equal(second, 0xBC), _mm_or_si128(equal(_mm_and_si128(third, set(0xFE)), 0x88),
                                                                     _mm_or_si128(equal(third, 0xBB), equal(third, 0xBD)))),
                     _mm_and_si128(equal(second, 0xBD), _mm_or_si128(equal(third, 0x9B), equal(third, 0x9D))));
    const __m128i fullwidth = _mm_and_si128(equal(first, 0xEF), after_fullwidth_lead);
    if (const int mask = _mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(cjk, fullwidth))))
      return std::min(end, i + static_cast<std::uint32_t>(__builtin_ctz(static_cast<unsigned>(mask))));
  }
#endif
  for (; i < end; ++i) {
    const unsigned char b = s[i];
    if (b == 0x08 || b == 0x09 || b == '(' || b == ')' || b == '[' || b == ']' || b == '{' || b == '}') return i;
    if (i + 2 >= end) continue;
    const unsigned char second = s[i + 1];
    const unsigned char third = s[i + 2];
    if ((b == 0xE3 && second == 0x80 && (third & 0xF8) == 0x90) ||
        (b == 0xEF && second == 0xBC && (third == 0x88 || third == 0x89 || third == 0xBB || third == 0xBD)) ||
        (b == 0xEF && second == 0xBD && (third == 0x9B || third == 0x9D)))
      return i;
  }
  return end;
}

// Ideographs (U+4000..U+9FFF) are never, and never fold to, a bracket, a separator or a space
// (traditional folding maps ideographs to ideographs), so the scan steps over them whole, and
// only asks at a label boundary whether one may start a label. That question is asked after every
// comma of the task text: a bitmap of the ideographs that start labels answers it for most.
class IdeographSet {
 public:
  explicit IdeographSet(bool (*member)(char32_t)) {
    for (char32_t c = kFirst; c < kEnd; ++c)
      if (member(c)) bits_[(c - kFirst) >> 6] |= std::uint64_t{1} << ((c - kFirst) & 63);
  }
  bool contains(char32_t c) const {
    return c >= kFirst && c < kEnd && (bits_[(c - kFirst) >> 6] >> ((c - kFirst) & 63) & 1);
  }

  static constexpr char32_t kFirst = 0x4000;
  static constexpr char32_t kEnd = 0xA000;

 private:
  std::array<std::uint64_t, (kEnd - kFirst) / 64> bits_{};
};

const IdeographSet& label_starting_ideographs() {
  static const IdeographSet set(may_start_label);
  return set;
}

// The code point of the three-byte sequence at p (a lead byte E4-E9 and two continuation bytes).
char32_t ideograph_at(const char* p) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  return static_cast<char32_t>(((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F));
}

}  // namespace

void AnnotationLocator::fold(std::uint32_t begin, std::uint32_t end) {
  folded_.clear();
  folder_.append(text_, begin, end, folded_);
}

// Folds the characters at `at` (up to kLabelWindow, not past `limit`) and asks annotation.cpp
// whether a label may start there. The first character alone rules out most positions.
bool AnnotationLocator::may_be_label(std::uint32_t at, std::uint32_t limit, bool bracketed) const {
  std::array<char32_t, kLabelWindow> window;
  std::size_t n = 0;
  std::uint32_t i = at;
  while (n < window.size() && i < limit) {
    window[n++] = folder_.next(text_, i, limit);
    if (n == 1 && !may_start_label(window[0])) return false;
  }
  const std::u32string_view rest(window.data(), n);
  return bracketed ? may_be_bracketed_label_at(rest) : may_be_label_at(rest);
}

// Collects the block's top-level bracket groups as top_level_groups(close_at_line_end = false)
// does, with find_labels' nesting and boundary rules alongside. Returns false as soon as a label
// may start at the top level: find_annotation() would then read the labels first.
bool AnnotationLocator::scan(ByteRange block) {
  groups_.clear();
  const IdeographSet& label_starts = label_starting_ideographs();
  int depth = 0;
  bool boundary = true;  // a label could start at the next character
  Group open{};
  for (std::uint32_t i = block.begin; i < block.end;) {
    if (!boundary || depth != 0) {  // no label can start before the next bracket, separator or space
      // Inside a group only brackets matter: labels are read at the top level alone.
      const std::uint32_t stop = depth != 0 ? next_bracket(text_, i, block.end) : next_stop(text_, i, block.end);
      if (stop != i) {
        boundary = false;
        i = stop;
        continue;
      }
    }
    const std::uint32_t at = i;
    const ByteClass byte_class = kByteClasses[static_cast<unsigned char>(text_[i])];
    if (byte_class == ByteClass::Ideograph) {
      if (boundary && depth == 0 && i + 2 < block.end &&
          label_starts.contains(folder_.fold(ideograph_at(text_.data() + i))) && may_be_label(at, block.end, false))
        return false;
      boundary = false;
      i += 3;
      continue;
    }
    if (byte_class == ByteClass::Plain) {
      boundary = false;
      ++i;
      continue;
    }
    const char32_t c = folder_.next(text_, i, block.end);
    if (is_open_bracket(c)) {
      if (depth == 0 && (c == U'【' || c == U'[' || c == U'〔') && may_be_label(i, block.end, true)) return false;
      if (depth++ == 0) open = {at, i, 0, 0};
    } else if (is_close_bracket(c)) {
      if (depth > 0 && --depth == 0) groups_.push_back({open.open, open.inner, at, i});
    } else if (boundary && depth == 0 && c >= 0x80 && may_start_label(c) && may_be_label(at, block.end, false)) {
      return false;
    }
    boundary = ends_label_boundary(c);
  }
  if (depth > 0) groups_.push_back({open.open, open.inner, block.end, block.end});
  return true;
}

// Folds group k alone and parses it; when it holds roles, the groups after it on its line join it.
std::optional<LocatedAnnotation> AnnotationLocator::parse_group(std::size_t k, ByteRange block) {
  const Group& group = groups_[k];
  fold(group.open, group.end);
  const Range inner{index_of(folded_, group.inner), index_of(folded_, group.close)};
  ParsedAnnotation parsed = parse_annotation(folded_.chars, inner);
  if (!parsed.has_roles()) return std::nullopt;
  const auto size = static_cast<std::uint32_t>(folded_.size());
  LocatedAnnotation located{{group.open, group.end}, {{0, size}, inner, std::move(parsed)}};
  attach_trailing_groups(k, block, located);
  return located;
}

// Bracket groups later on the annotation's line that hold only deadlines or remarks belong to it.
void AnnotationLocator::attach_trailing_groups(std::size_t chosen, ByteRange block, LocatedAnnotation& located) {
  const std::uint32_t close = groups_[chosen].close;
  const void* newline = std::memchr(text_.data() + close, '\n', block.end - close);
  const auto limit =
      newline ? static_cast<std::uint32_t>(static_cast<const char*>(newline) - text_.data()) : block.end;
  for (std::size_t k = chosen + 1; k < groups_.size() && groups_[k].open < limit; ++k) {
    const Group& group = groups_[k];
    const std::uint32_t folded_end = folded_.offsets.back();
    if (folded_end < group.end) folder_.append(text_, folded_end, group.end, folded_);
    const Range inner{index_of(folded_, group.inner), index_of(folded_, group.close)};
    if (attach_trailing_group(folded_.chars, inner, located.found.parsed)) located.whole.end = group.end;
  }
}

std::optional<LocatedAnnotation> AnnotationLocator::locate_in_folded_block(ByteRange block) {
  return read_folded(block, find_annotation);
}

std::optional<LocatedAnnotation> AnnotationLocator::read_folded(ByteRange range, Finder find) {
  fold(range.begin, range.end);
  return read_current_fold(find);
}

std::optional<LocatedAnnotation> AnnotationLocator::read_current_fold(Finder find) {
  std::optional<FoundAnnotation> found = find(folded_.chars, {0, static_cast<std::uint32_t>(folded_.size())});
  if (!found) return std::nullopt;
  const ByteRange whole = {folded_.offsets[found->whole.begin], folded_.offsets[found->whole.end]};
  return LocatedAnnotation{whole, std::move(*found)};
}

// find_annotation's last resort, without brackets or labels, is prose: the last sentence of the
// block's first line. There is none when that line (trimmed of spaces and 。) holds no 。, or when
// its last sentence holds no character a role verb ends in.
bool AnnotationLocator::may_be_prose(ByteRange block) const {
  const void* newline = std::memchr(text_.data() + block.begin, '\n', block.size());
  const auto line_end =
      newline ? static_cast<std::uint32_t>(static_cast<const char*>(newline) - text_.data()) : block.end;
  const ByteRange line = trim_bytes(folder_, text_, {block.begin, line_end}, U"。");
  const std::string_view text = text_.substr(0, line.end);
  std::size_t stop = find_utf8(text, line.begin, "。");
  if (stop == std::string_view::npos) return may_end_in_clauses_by(text, line);
  if (folder_.traditional()) return true;
  for (std::size_t next; (next = find_utf8(text, stop + 3, "。")) != std::string_view::npos;) stop = next;
  return has_clause_ending_in_role_verb(text, static_cast<std::uint32_t>(stop + 3), line.end);
}

// A sentence of one line may end in role clauses from a 由 after a comma (关于…的问题，由国土资源部会同
// 农业部等部门负责落实): whether one such clause ends in a role verb's last character.
bool AnnotationLocator::may_end_in_clauses_by(std::string_view text, ByteRange line) const {
  std::size_t by = std::string_view::npos;
  for (std::size_t at = line.begin; (at = find_utf8(text, at, "由")) != std::string_view::npos; at += 3)
    if (text.substr(0, at).ends_with("，") || text.substr(0, at).ends_with(",")) by = at;
  if (by == std::string_view::npos) return false;
  return folder_.traditional() || has_clause_ending_in_role_verb(text, static_cast<std::uint32_t>(by), line.end);
}

// Whether a clause of text[begin, end) ends in a character a role verb ends in: such a character
// followed (past spaces and full points) by a clause separator or the end. parse_verbs() finds
// roles only in such a clause.
bool AnnotationLocator::has_clause_ending_in_role_verb(std::string_view text, std::uint32_t begin,
                                                       std::uint32_t end) const {
  for (std::uint32_t i = begin; i + 3 <= end; ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0xE4 || lead > 0xE9) continue;
    if (ends_role_verb(ideograph_at(text.data() + i))) {
      std::uint32_t j = i + 3;
      while (j < end && (text[j] == ' ' || text[j] == '.')) ++j;
      const std::string_view rest = text.substr(j, end - j);
      if (j >= end || rest.front() == ',' || rest.front() == ';' || rest.front() == '\n' || rest.starts_with("，") ||
          rest.starts_with("；") || rest.starts_with("。") || rest.starts_with("．"))
        return true;
    }
    i += 2;
  }
  return false;
}

// Whether a group before group k on its line may hold roles: find_annotation() then merges it,
// which the folded block shows. Every role label and verb holds one of these words.
bool AnnotationLocator::earlier_group_may_hold_roles(std::size_t k) const {
  for (std::size_t j = k; j-- > 0;) {
    const std::string_view between = text_.substr(groups_[j].close, groups_[j + 1].open - groups_[j].close);
    if (between.find('\n') != std::string_view::npos) return false;
    if (folder_.traditional()) return true;
    const std::string_view inner = text_.substr(0, groups_[j].close);
    for (std::string_view word : {"牵头", "责任", "负责", "配合", "落实", "实施", "主办", "主责", "参与", "协办", "协作",
                                  "协同", "承办", "参加", "分工", "负总责", "指导"})
      if (find_utf8(inner, groups_[j].inner, word) != std::string_view::npos) return true;
  }
  return false;
}

std::optional<LocatedAnnotation> AnnotationLocator::locate(ByteRange block) {
  if (scan(block)) {
    for (std::size_t k = groups_.size(); k-- > 0;) {
      std::optional<LocatedAnnotation> located = parse_group(k, block);
      if (!located) continue;
      if (k > 0 && earlier_group_may_hold_roles(k)) break;  // find_annotation merges them
      return located;
    }
    // No labels and no brackets (a heading, most often): only prose is left to look for.
    if (groups_.empty() && !may_be_prose(block)) return std::nullopt;
  }
  return locate_in_folded_block(block);
}

// Every role verb ends in one of these characters (simplified; a traditional document may print
// others, and is always read): whether the clause of the line that ends at `end` (its trailing
// punctuation aside) may end in a role verb.
bool AnnotationLocator::may_end_in_role_verb(ByteRange line, std::uint32_t end) const {
  if (folder_.traditional()) return true;
  return ends_in_role_verb_character(text_, trim_bytes(folder_, text_, {line.begin, end}, U"。.;,"));
}

bool ends_in_role_verb_character(std::string_view text, ByteRange clause) {
  if (clause.size() < 3) return false;
  const auto lead = static_cast<unsigned char>(text[clause.end - 3]);
  return lead >= 0xE4 && lead <= 0xE9 && ends_role_verb(ideograph_at(text.data() + clause.end - 3));
}

// Prose is all role clauses, so its last clause ends in a role verb; role clauses opening a line
// end their first clause in one. A line where neither does holds no prose.
bool AnnotationLocator::may_hold_role_verb(ByteRange line) const {
  if (may_end_in_role_verb(line, line.end)) return true;
  for (std::uint32_t i = line.begin; i < line.end; ++i) {  // the first clause's end: , ， ; ；
    const char c = text_[i];
    if (c == ',' || c == ';') return may_end_in_role_verb(line, i);
    if (c == '\xEF' && i + 2 < line.end && text_[i + 1] == '\xBC' && (text_[i + 2] == '\x8C' || text_[i + 2] == '\x9B'))
      return may_end_in_role_verb(line, i);
  }
  return false;
}

// Every role label and role verb holds one of these words, so an annotation does too, but for a
// bare list of units in brackets at the end of the line, which names an office. A traditional
// document may print other forms and is always read.
bool AnnotationLocator::may_hold_annotation(ByteRange line) const {
  if (folder_.traditional()) return true;
  const std::string_view text = text_.substr(0, line.end);
  // One pass: each word's first character, then the word.
  for (std::uint32_t i = line.begin; i + 5 < line.end; ++i) {
    const auto lead = static_cast<unsigned char>(text_[i]);
    if (lead < 0xE4 || lead > 0xE9) continue;
    switch (ideograph_at(text_.data() + i)) {
      case U'牵': case U'责': case U'负': case U'配': case U'落': case U'实': case U'主': case U'参': case U'协':
      case U'承': case U'分': case U'指':
        for (std::string_view word : {"牵头", "责任", "负责", "配合", "落实", "实施", "主办", "主责", "参与", "协办", "协作",
                                      "协同", "承办", "参加", "分工", "负总责", "指导"})
          if (text.substr(i).starts_with(word)) return true;
        break;
      default:
        break;
    }
    i += 2;
  }
  const ByteRange trimmed = trim_bytes(folder_, text_, line, U"。.;,");
  if (trimmed.empty()) return false;
  std::uint32_t last = trimmed.end - 1;
  while (last > trimmed.begin && (static_cast<unsigned char>(text_[last]) & 0xC0) == 0x80) --last;
  if (!is_close_bracket(folder_.next(text_, last, trimmed.end))) return false;
  for (std::string_view office : {"局", "委", "办", "厅", "部", "政府", "中心", "集团", "公司"})
    if (find_utf8(text, line.begin, office) != std::string_view::npos) return true;
  return false;
}

LocatedAnnotation AnnotationLocator::units_as_annotation(ByteRange units, ByteRange whole, Role role) {
  fold(whole.begin, whole.end);
  const Range names{index_of(folded_, units.begin), index_of(folded_, units.end)};
  FoundAnnotation found{{0, static_cast<std::uint32_t>(folded_.size())}, names, {}};
  found.parsed.roles.push_back({role, names});
  return {whole, std::move(found)};
}

std::optional<LocatedAnnotation> AnnotationLocator::locate_opening_clauses(ByteRange line) {
  return read_folded(line, find_leading_clauses);
}

int AnnotationLocator::bracket_depth_after(ByteRange block, int depth) const {
  // (Character by character: a rare path, which must not take next_bracket out of scan's loop.)
  for (std::uint32_t i = block.begin; i < block.end;) {
    const char32_t c = folder_.next(text_, i, block.end);
    if (is_open_bracket(c)) ++depth;
    else if (is_close_bracket(c) && depth > 0) --depth;
  }
  return depth;
}

std::optional<LocatedAnnotation> AnnotationLocator::locate_unwrapped(ByteRange block, std::uint32_t unwrap_from) {
  fold(block.begin, block.end);
  // Each folded character keeps its own offset: dropping the line breaks leaves the others mapped.
  // Spaces around a break dropped (a line's trailing spaces, the next line's indent) go with it.
  std::size_t kept = 0;
  bool after_break = false;
  for (std::size_t i = 0; i < folded_.chars.size(); ++i) {
    const char32_t c = folded_.chars[i];
    if ((c == U'\n' || c == U'\r') && folded_.offsets[i] >= unwrap_from) {
      while (kept > 0 && is_space(folded_.chars[kept - 1]) && folded_.offsets[kept - 1] >= unwrap_from) --kept;
      after_break = true;
      continue;
    }
    if (after_break && is_space(c)) continue;
    after_break = false;
    folded_.chars[kept] = folded_.chars[i];
    folded_.offsets[kept] = folded_.offsets[i];
    ++kept;
  }
  folded_.offsets[kept] = folded_.offsets.back();
  folded_.chars.resize(kept);
  folded_.offsets.resize(kept + 1);
  return read_current_fold(find_annotation);
}

std::optional<LocatedAnnotation> AnnotationLocator::locate_line(ByteRange line) {
  if (!may_hold_annotation(line)) return std::nullopt;
  if (auto located = locate(line)) return located;
  if (!may_hold_role_verb(line)) return std::nullopt;
  return read_folded(line, find_line_prose);
}

}  // namespace agencygraph::detail
