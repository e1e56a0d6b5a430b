#include "annotation.hpp"
#include "names.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>

namespace agencygraph::detail {
namespace {

struct Label {
  std::u32string_view word;
  ListRole role;
  bool needs_colon;  // short labels (牵头:) only count when a colon follows
};

// Longest first, so 牵头责任单位 wins over 牵头 and 其他责任单位 over 责任单位.
constexpr std::array kLabels = {
    Label{U"牵头责任单位", ListRole::Lead, false}, Label{U"主要责任单位", ListRole::Lead, false},
    Label{U"其他责任单位", ListRole::Co, false},   Label{U"共同责任单位", ListRole::Co, false},
    Label{U"牵头负责领导", ListRole::People, false}, Label{U"负责领导", ListRole::People, true},
    Label{U"协同责任单位", ListRole::Co, false},   Label{U"配合责任单位", ListRole::Co, false},
    Label{U"协办责任单位", ListRole::Co, false},   Label{U"参与责任单位", ListRole::Co, false},
    // The same prefixed labels of departments.
    Label{U"牵头责任部门", ListRole::Lead, false}, Label{U"主要责任部门", ListRole::Lead, false},
    Label{U"其他责任部门", ListRole::Co, false},   Label{U"共同责任部门", ListRole::Co, false},
    Label{U"协同责任部门", ListRole::Co, false},   Label{U"配合责任部门", ListRole::Co, false},
    Label{U"协办责任部门", ListRole::Co, false},   Label{U"参与责任部门", ListRole::Co, false},
    Label{U"分管市领导", ListRole::People, false}, Label{U"牵头市领导", ListRole::People, false},
    Label{U"分管县领导", ListRole::People, false}, Label{U"牵头县领导", ListRole::People, false},
    Label{U"分管区领导", ListRole::People, false}, Label{U"牵头区领导", ListRole::People, false},
    Label{U"牵头单位", ListRole::Lead, false},     Label{U"牵头部门", ListRole::Lead, false},
    Label{U"主办单位", ListRole::Lead, false},     Label{U"主办部门", ListRole::Lead, false},
    Label{U"主责单位", ListRole::Lead, false},     Label{U"主责部门", ListRole::Lead, false},
    Label{U"牵头领导", ListRole::People, false},   Label{U"责任领导", ListRole::People, false},
    Label{U"配合领导", ListRole::People, false},   Label{U"协调领导", ListRole::People, false},
    Label{U"分管领导", ListRole::People, false},   Label{U"部门分工", ListRole::Verbs, false},
    Label{U"责任分工", ListRole::Verbs, false},   Label{U"任务分工", ListRole::Verbs, false},  Label{U"责任单位", ListRole::Co, false},
    Label{U"责任部门", ListRole::Co, false},       Label{U"配合单位", ListRole::Co, false},
    Label{U"配合部门", ListRole::Co, false},       Label{U"参与单位", ListRole::Co, false},
    Label{U"参与部门", ListRole::Co, false},       Label{U"协办单位", ListRole::Co, false},
    Label{U"协办部门", ListRole::Co, false},       Label{U"协作单位", ListRole::Co, false},
    Label{U"协同单位", ListRole::Co, false},       Label{U"协同部门", ListRole::Co, false},
    Label{U"承办单位", ListRole::Co, false},       Label{U"承办部门", ListRole::Co, false},
    Label{U"实施单位", ListRole::Co, false},       Label{U"落实单位", ListRole::Co, false},
    Label{U"实施部门", ListRole::Co, false},       Label{U"落实部门", ListRole::Co, false},
    Label{U"参加单位", ListRole::Co, false},       Label{U"责任主体", ListRole::Co, false},
    Label{U"协作部门", ListRole::Co, false},       Label{U"参加部门", ListRole::Co, false},
    Label{U"负责部门", ListRole::Co, false},       Label{U"负责单位", ListRole::Co, false},
    Label{U"负责科室", ListRole::Co, false},       Label{U"牵头处室", ListRole::Lead, false},
    Label{U"牵头科室", ListRole::Lead, false},     Label{U"责任处室", ListRole::Co, false},
    Label{U"责任科室", ListRole::Co, false},       Label{U"配合处室", ListRole::Co, false},
    Label{U"配合科室", ListRole::Co, false},       Label{U"主责处室", ListRole::Lead, false},
    Label{U"完成时限", ListRole::Deadline, false}, Label{U"完成时间", ListRole::Deadline, false},
    Label{U"完成期限", ListRole::Deadline, false}, Label{U"时间节点", ListRole::Deadline, false},
    Label{U"时间要求", ListRole::Deadline, false}, Label{U"责任人", ListRole::People, false},
    Label{U"协调人", ListRole::People, false},     Label{U"联系人", ListRole::Ignored, false},
    Label{U"市领导", ListRole::People, true},      Label{U"县领导", ListRole::People, true},
    Label{U"区领导", ListRole::People, true},
    Label{U"时限", ListRole::Deadline, true},      Label{U"牵头", ListRole::Lead, true},
    Label{U"主办", ListRole::Lead, true},          Label{U"责任", ListRole::Co, true},
    Label{U"配合", ListRole::Co, true},            Label{U"协办", ListRole::Co, true},
    Label{U"参与", ListRole::Co, true},
};

struct Verb {
  std::u32string_view word;
  Role role;
};

// Role verbs that close a clause: 发展改革委牵头, 各有关部门按职责分工负责. Longest first.
constexpr std::array kVerbs = {
    Verb{U"按职责分工负责", Role::Co}, Verb{U"按职责分工落实", Role::Co}, Verb{U"按职能分工负责", Role::Co},
    Verb{U"按职责负责", Role::Co},     Verb{U"结合实际落实", Role::Co},   Verb{U"分别牵头落实", Role::Lead},
    Verb{U"分别牵头负责", Role::Lead}, Verb{U"分别牵头", Role::Lead},     Verb{U"牵头落实", Role::Lead},
    Verb{U"牵头负责", Role::Lead},     Verb{U"牵头实施", Role::Lead},     Verb{U"牵头推进", Role::Lead},
    Verb{U"牵头组织", Role::Lead},     Verb{U"牵头抓总", Role::Lead},     Verb{U"分别负责", Role::Co},
    Verb{U"分工负责", Role::Co},       Verb{U"共同负责", Role::Co},       Verb{U"配合落实", Role::Co},
    Verb{U"负责落实", Role::Co},       Verb{U"具体落实", Role::Co},       Verb{U"参与实施", Role::Co},
    Verb{U"配合实施", Role::Co},       Verb{U"负责组织", Role::Co},       Verb{U"具体实施", Role::Co},
    Verb{U"组织实施", Role::Co},       Verb{U"负总责", Role::Lead},       Verb{U"牵头", Role::Lead},
    Verb{U"主办", Role::Lead},         Verb{U"负责", Role::Co},           Verb{U"配合", Role::Co},
    Verb{U"参与", Role::Co},           Verb{U"协作", Role::Co},           Verb{U"协办", Role::Co},
    Verb{U"协同", Role::Co},           Verb{U"落实", Role::Co},           Verb{U"参加", Role::Co},
    Verb{U"指导", Role::Co},           Verb{U"承办", Role::Lead},
};

// The last characters of the verbs, as a bitmap over the ideographs U+4000..U+9FFF.
class VerbEndings {
 public:
  VerbEndings() {
    for (const Verb& verb : kVerbs) bits_[(verb.word.back() - kFirst) >> 6] |= std::uint64_t{1} << ((verb.word.back() - kFirst) & 63);
  }
  bool contains(char32_t c) const {
    return c >= kFirst && c < kEnd && (bits_[(c - kFirst) >> 6] >> ((c - kFirst) & 63) & 1);
  }

 private:
  static constexpr char32_t kFirst = 0x4000;
  static constexpr char32_t kEnd = 0xA000;
  std::array<std::uint64_t, (kEnd - kFirst) / 64> bits_{};
};
const VerbEndings kVerbEndings;

// The role verb `text` ends in (the longest, kVerbs being longest first), if any.
const Verb* verb_ending(std::u32string_view text) {
  if (text.empty() || !kVerbEndings.contains(text.back())) return nullptr;
  for (const Verb& verb : kVerbs)
    if (text.ends_with(verb.word)) return &verb;
  return nullptr;
}

// Openings of prose annotations that are not part of the names: 此项工作由A主办.
constexpr std::array<std::u32string_view, 5> kProsePrefixes = {U"此项工作由", U"该项工作由", U"本项工作由",
                                                                 U"此项任务由", U"由"};

bool is_clause_separator(char32_t c) { return c == U',' || c == U';' || c == U'。' || c == U'\n'; }

// Every bracket and every character that ends a label boundary is at most U+3017: one comparison
// rules out the ideographs that make up most of an annotation.
constexpr char32_t kLastBracketOrSeparator = U'〗';

struct LabelMatch {
  std::uint32_t begin = 0;  // label start
  std::uint32_t end = 0;    // after the label and its colon
  ListRole role = ListRole::Co;
};

// The labels grouped by first character, each group in kLabels order (longest first), so that a
// position is tried against the few labels that can start there. A bitmap over the Basic
// Multilingual Plane rules out most characters with one test.
class LabelIndex {
 public:
  LabelIndex() {
    for (const Label& label : kLabels) {
      const char32_t c = label.word.front();
      bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
      auto group = std::lower_bound(groups_.begin(), groups_.end(), c,
                                    [](const Group& g, char32_t first) { return g.first < first; });
      if (group == groups_.end() || group->first != c) group = groups_.insert(group, Group{c, {}});
      group->labels.push_back(&label);  // kLabels order within a group
    }
  }

  bool may_start(char32_t c) const { return c < 0x10000 && (bits_[c >> 6] >> (c & 63) & 1); }

  std::span<const Label* const> starting_with(char32_t c) const {
    if (!may_start(c)) return {};
    const auto group = std::lower_bound(groups_.begin(), groups_.end(), c,
                                        [](const Group& g, char32_t first) { return g.first < first; });
    return group != groups_.end() && group->first == c ? std::span<const Label* const>(group->labels)
                                                       : std::span<const Label* const>();
  }

 private:
  struct Group {
    char32_t first;
    std::vector<const Label*> labels;
  };
  std::array<std::uint64_t, 0x10000 / 64> bits_{};
  std::vector<Group> groups_;
};
const LabelIndex kLabelIndex;

namespace {

// A label naming its kind of unit twice, the second in brackets (牵头科室(单位):, 责任单位(部门):): the
// end of the bracket at s[open], when it holds such nouns alone; `open` otherwise.
std::uint32_t after_unit_noun_alternative(std::u32string_view s, Range content, std::uint32_t open) {
  constexpr std::uint32_t kLongest = 8;
  const std::u32string_view rest = s.substr(open + 1, std::min(kLongest, content.end - open - 1));
  const std::size_t close = rest.find(U')');
  if (close == std::u32string_view::npos || close < 2) return open;
  std::u32string_view inner = rest.substr(0, close);
  while (!inner.empty()) {
    bool noun = false;
    for (std::u32string_view word : {U"单位", U"部门", U"处室", U"科室", U"机构", U"处", U"科", U"室"})
      if (inner.starts_with(word)) {
        inner.remove_prefix(word.size());
        noun = true;
        break;
      }
    if (!noun) return open;
    if (!inner.empty() && (inner.front() == U'、' || inner.front() == U'/')) inner.remove_prefix(1);
  }
  return open + 1 + static_cast<std::uint32_t>(close) + 1;
}

}  // namespace

std::optional<LabelMatch> match_label(std::u32string_view s, Range content, std::uint32_t at) {
  for (const Label* candidate : kLabelIndex.starting_with(s[at])) {
    const Label& label = *candidate;
    // Labels of one first character mostly share the second too (牵头…, 责任…): the third tells them
    // apart before the whole word is compared.
    if (at + label.word.size() > content.end) continue;
    if (label.word.size() > 2 && s[at + 2] != label.word[2]) continue;
    if (!starts_with_at(s, at, label.word)) continue;
    std::uint32_t after = at + static_cast<std::uint32_t>(label.word.size());
    if (after < content.end && s[after] == U'(') after = after_unit_noun_alternative(s, content, after);
    std::uint32_t j = after;
    while (j < content.end && (s[j] == U' ' || s[j] == U'\t')) ++j;
    const bool colon = j < content.end && (s[j] == U':' || s[j] == U'∶');  // ∶ (a ratio sign) printed for one
    if (colon) return LabelMatch{at, j + 1, label.role};
    if (label.needs_colon) continue;
    // A long label may stand without a colon when spaces or a line break separate it from its list.
    // (\r\n: a Windows file's line break.)
    if (j > after || (j < content.end && (s[j] == U'\n' || s[j] == U'\r'))) return LabelMatch{at, j, label.role};
    continue;
  }
  return std::nullopt;
}

// A label in brackets of its own: 【牵头单位】A【责任单位】B. Only square brackets and long labels:
// round ones after a name mark its role in place (市发改委(牵头), see names.cpp).
std::optional<LabelMatch> match_bracketed_label(std::u32string_view s, Range content, std::uint32_t at) {
  if (at + 2 >= content.end || (s[at] != U'【' && s[at] != U'[' && s[at] != U'〔')) return std::nullopt;
  for (const Label* candidate : kLabelIndex.starting_with(s[at + 1])) {
    const Label& label = *candidate;
    if (label.needs_colon) continue;
    const auto close = at + 1 + static_cast<std::uint32_t>(label.word.size());
    if (close < content.end && starts_with_at(s, at + 1, label.word) && is_close_bracket(s[close]))
      return LabelMatch{at, close + 1, label.role};
  }
  return std::nullopt;
}

// Labels at the top nesting level of the content, at clause boundaries, into `labels`.
void find_labels(std::u32string_view s, Range content, std::vector<LabelMatch>& labels) {
  labels.clear();
  int depth = 0;
  bool boundary = true;  // a label may start at i (see ends_label_boundary)
  // After a label of people, a long label glued to the name still counts when its colon follows at
  // once: text run together from a PDF prints 牵头领导:王某副局长责任部门:A、B, where nothing ends
  // the official's name.
  bool after_people = false;
  auto add = [&](const LabelMatch& label) {
    labels.push_back(label);
    after_people = label.role == ListRole::People;
  };
  for (std::uint32_t i = content.begin; i < content.end; ++i) {
    const char32_t c = s[i];
    if (c > kLastBracketOrSeparator) {
      if ((boundary || after_people) && depth == 0 && may_start_label(c)) {
        std::optional<LabelMatch> label = match_label(s, content, i);
        if (label && (boundary || (label->end - label->begin >= 5 && s[label->end - 1] == U':'))) {
          add(*label);
          i = label->end - 1;
          boundary = ends_label_boundary(s[i]);
          continue;
        }
      }
      boundary = false;
      continue;
    }
    if (depth == 0 && is_open_bracket(c)) {
      if (auto label = match_bracketed_label(s, content, i)) {
        add(*label);
        i = label->end - 1;  // the closing bracket
        boundary = false;
        continue;
      }
    }
    if (is_open_bracket(c)) ++depth;
    else if (is_close_bracket(c)) depth = std::max(0, depth - 1);
    boundary = ends_label_boundary(c);
  }
}

// Splits at top-level clause separators.
std::vector<Range> split_clauses(std::u32string_view s, Range content) {
  std::vector<Range> clauses;
  int depth = 0;
  std::uint32_t start = content.begin;
  for (std::uint32_t i = content.begin; i < content.end; ++i) {
    const char32_t c = s[i];
    if (is_open_bracket(c)) ++depth;
    else if (is_close_bracket(c)) depth = std::max(0, depth - 1);
    else if (depth == 0 && is_clause_separator(c)) {
      clauses.push_back(trim(s, {start, i}));
      start = i + 1;
    }
  }
  clauses.push_back(trim(s, {start, content.end}));
  std::erase_if(clauses, [](Range r) { return r.empty(); });
  return clauses;
}

void add_free_clause(std::u32string_view s, Range clause, ParsedAnnotation& out) {
  if (clause.empty()) return;
  if (looks_like_deadline(slice(s, clause))) out.deadlines.push_back(clause);
  else out.remarks.push_back(clause);
}

Range strip_prose_prefix(std::u32string_view s, Range clause) {
  for (std::u32string_view prefix : kProsePrefixes)
    if (slice(s, clause).starts_with(prefix) && clause.size() > prefix.size())
      return {clause.begin + static_cast<std::uint32_t>(prefix.size()), clause.end};
  return clause;
}

ParsedAnnotation parse_verbs(std::u32string_view s, Range content);

// Whether the value ends in a character a role verb ends in: only then may it close its units with
// role verbs.
bool may_end_in_verb(std::u32string_view s, Range value) {
  return ends_role_verb(s[value.end - 1]);
}

// The units of a labelled value. A value that ends in a role verb's last character and whose first
// sentence closes its units with role verbs (责任单位：X牵头，Y配合 / 责任单位：省大数据中心按职责分工
// 负责。…下同) is read by them: a unit the value marks as lead leads, the others keep the label's
// role, and the sentences after the first are remarks.
void add_labelled_units(std::u32string_view s, Role role, Range value, ParsedAnnotation& out) {
  if (!may_end_in_verb(s, value)) {  // most values: units alone
    out.roles.push_back({role, value});
    return;
  }
  const std::u32string_view text = slice(s, value);
  const std::size_t full_stop = text.find(U'。');  // a stop inside brackets is an alias's; rare enough
  const std::uint32_t stop = full_stop == std::u32string_view::npos ? value.end : value.begin + static_cast<std::uint32_t>(full_stop);
  const Range head = trim(s, {value.begin, stop}, U",;");
  if (!head.empty() && may_end_in_verb(s, head)) {
    ParsedAnnotation verbs = parse_verbs(s, head);
    if (verbs.has_roles() && verbs.remarks.empty()) {
      for (const RoleList& list : verbs.roles) out.roles.push_back({list.role == Role::Lead ? Role::Lead : role, list.names});
      for (Range r : verbs.deadlines) out.deadlines.push_back(r);
      for (Range r : verbs.people) out.people.push_back(r);
      if (stop < value.end)
        for (Range clause : split_clauses(s, {stop + 1, value.end})) add_free_clause(s, clause, out);
      return;
    }
  }
  out.roles.push_back({role, value});
}

ParsedAnnotation parse_labelled(std::u32string_view s, Range content, const std::vector<LabelMatch>& labels) {
  ParsedAnnotation out;
  out.roles.reserve(labels.size());
  if (labels.front().begin > content.begin)  // free clauses before the first label
    for (Range clause : split_clauses(s, {content.begin, labels.front().begin})) add_free_clause(s, clause, out);
  // Role labels standing side by side without colons are a table's column names, not labels.
  const auto names_a_column = [&](std::size_t k) {
    const bool units = labels[k].role == ListRole::Lead || labels[k].role == ListRole::Co;
    return units && s[labels[k].end - 1] != U':';
  };
  bool after_column_names = false;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const std::uint32_t end = k + 1 < labels.size() ? labels[k + 1].begin : content.end;
    const Range value = trim(s, {labels[k].end, end}, U";,。.、:");
    if (value.empty()) {
      if (!after_column_names && k + 1 < labels.size() && names_a_column(k) && names_a_column(k + 1)) {
        after_column_names = true;
        out.agencies_only_from = static_cast<std::uint32_t>(out.roles.size());
      }
      continue;
    }
    switch (labels[k].role) {
      case ListRole::Lead: add_labelled_units(s, Role::Lead, value, out); break;
      case ListRole::Co: add_labelled_units(s, Role::Co, value, out); break;
      case ListRole::Deadline: out.deadlines.push_back(value); break;
      case ListRole::People: out.people.push_back(value); break;  // officials, never agencies
      case ListRole::Verbs: {
        ParsedAnnotation verbs = parse_verbs(s, value);
        for (RoleList& list : verbs.roles) out.roles.push_back(list);
        for (Range r : verbs.deadlines) out.deadlines.push_back(r);
        for (Range r : verbs.remarks) out.remarks.push_back(r);
        for (Range r : verbs.people) out.people.push_back(r);
        break;
      }
      case ListRole::Ignored: break;
    }
  }
  return out;
}

// A person named by office: 王某某副市长, 市发改委主任, 张三同志.
bool looks_like_official(std::u32string_view name) {
  constexpr std::array<std::u32string_view, 17> kTitles = {
      U"市长", U"县长", U"区长", U"省长", U"旗长", U"州长", U"镇长", U"乡长", U"书记",
      U"主任", U"秘书长", U"同志", U"主席", U"部长", U"厅长", U"局长", U"领导"};
  if (name.size() > 16) return false;
  for (std::u32string_view title : kTitles)
    if (name.ends_with(title)) return true;
  return false;
}

// Reads clauses by the role verb that closes them. Comma groups of units without a verb of their
// own belong to the next verb (X牵头，A、B，甲区、乙区政府按职责分工负责: A, B and the governments are
// all responsible); units after the last verb, in an annotation that has roles, are responsible
// units too. A clause is a remark only when it is not a list of units.
ParsedAnnotation parse_verbs(std::u32string_view s, Range content) {
  ParsedAnnotation out;
  ParsedAnnotation free;
  std::vector<Range> pending;  // unit groups waiting for their verb
  for (Range clause : split_clauses(s, content)) {
    const Range names_and_verb = strip_prose_prefix(s, trim(s, clause, U"."));
    const std::u32string_view text = slice(s, names_and_verb);
    bool matched = false;
    if (const Verb* verb = verb_ending(text)) {
      const Range names = trim(s, {names_and_verb.begin, names_and_verb.end - static_cast<std::uint32_t>(verb->word.size())});
      if (!names.empty() && looks_like_agency_list(slice(s, names))) {
        for (Range group : pending) out.roles.push_back({verb->role, group});
        pending.clear();
        out.roles.push_back({verb->role, names});
        matched = true;
      } else if (!names.empty() && pending.empty() && looks_like_official(slice(s, names))) {
        out.people.push_back(names);  // 由王某某副市长负责: who supervises, not a unit
        matched = true;
      }
    }
    if (matched) continue;
    if (looks_like_agency_list(slice(s, names_and_verb)) && !looks_like_deadline(slice(s, clause))) {
      pending.push_back(names_and_verb);
      continue;
    }
    for (Range group : pending) add_free_clause(s, group, free);
    pending.clear();
    add_free_clause(s, clause, free);
  }
  if (out.has_roles()) {
    for (Range group : pending) out.roles.push_back({Role::Co, group});
    out.deadlines = std::move(free.deadlines);
    out.remarks = std::move(free.remarks);
  }
  return out;
}

bool has_suffix(std::u32string_view name, std::u32string_view suffixes) {
  return !name.empty() && suffixes.find(name.back()) != std::u32string_view::npos;
}

}  // namespace

bool ends_role_verb(char32_t c) { return kVerbEndings.contains(c); }

bool may_start_label(char32_t c) { return kLabelIndex.may_start(c); }

bool ends_label_boundary(char32_t c) {
  return c == U' ' || c == U'\t' || is_clause_separator(c) || c == U'、' || c == U'\r' || is_open_bracket(c);
}

// Mirrors match_label: a long label matches by itself, a short one only before a colon. Where
// `rest` ends before that can be told, the answer is "may".
bool may_be_label_at(std::u32string_view rest) {
  if (rest.empty()) return false;
  for (const Label* candidate : kLabelIndex.starting_with(rest.front())) {
    const Label& label = *candidate;
    if (rest.size() < label.word.size()) {
      if (label.word.starts_with(rest)) return true;  // cut short inside the word
      continue;
    }
    if (!rest.starts_with(label.word)) continue;
    if (!label.needs_colon) return true;
    std::size_t j = label.word.size();
    while (j < rest.size() && (rest[j] == U' ' || rest[j] == U'\t')) ++j;
    if (j == rest.size() || rest[j] == U':') return true;
  }
  return false;
}

bool opens_with_people_label(std::u32string_view line) {
  if (line.empty()) return false;
  for (const Label* candidate : kLabelIndex.starting_with(line.front())) {
    const Label& label = *candidate;
    if (label.role != ListRole::People || !line.starts_with(label.word)) continue;
    std::size_t j = label.word.size();
    while (j < line.size() && (line[j] == U' ' || line[j] == U'\t')) ++j;
    return j < line.size() && line[j] == U':';
  }
  return false;
}

// Mirrors match_bracketed_label: a long label and a closing bracket right after it.
bool may_be_bracketed_label_at(std::u32string_view rest) {
  if (rest.empty()) return false;
  for (const Label* candidate : kLabelIndex.starting_with(rest.front())) {
    const Label& label = *candidate;
    if (label.needs_colon) continue;
    if (rest.size() <= label.word.size()) {
      if (label.word.starts_with(rest.substr(0, label.word.size()))) return true;  // cut short
      continue;
    }
    if (rest.starts_with(label.word) && is_close_bracket(rest[label.word.size()])) return true;
  }
  return false;
}

bool attach_trailing_group(std::u32string_view s, Range inner, ParsedAnnotation& parsed) {
  inner = trim(s, inner);
  if (inner.empty()) return false;
  for (Range clause : split_clauses(s, inner)) add_free_clause(s, clause, parsed);
  return true;
}

namespace {

// A place named bare before the government it shares with the places after it (哈尔滨、黑河、绥芬河市
// 政府): two to four ideographs, and an item after it in the same 、 run (`rest`) ends in 政府.
bool shares_government(std::u32string_view item, std::u32string_view rest) {
  if (item.size() < 2 || item.size() > 4 || !is_all_ideographs(item)) return false;
  rest = rest.substr(0, std::min(rest.find(U','), rest.find(U' ')));
  for (std::size_t from = 0;;) {
    const std::size_t separator = rest.find(U'、', from);
    if (rest.substr(from, separator == std::u32string_view::npos ? rest.npos : separator - from).ends_with(U"政府"))
      return true;
    if (separator == std::u32string_view::npos) return false;
    from = separator + 1;
  }
}

}  // namespace

bool looks_like_agency_list(std::u32string_view list) {
  // Every item separated by 、 or , (outside brackets) must end like an agency name or be a
  // collective (各…). A bracket group closing an item is an alias or scope, not its ending:
  // 省商务厅(省粮食局), 各乡镇(场).
  constexpr std::u32string_view kEndings = U"局委办厅部院会署府行社联队所站心团司处室馆组位门关地镇乡区县市旗州盟校学厂场台庭协央军网";
  auto ends_like_unit = [&](std::u32string_view item) {
    return has_suffix(item, kEndings) || item.ends_with(U"公司") || item.ends_with(U"街道") || item.ends_with(U"镇街") ||
           is_bureau_section(item);
  };
  auto item_ok = [&](std::u32string_view item) {
    while (!item.empty() && is_space(item.back())) item.remove_suffix(1);
    while (!item.empty() && is_space(item.front())) item.remove_prefix(1);
    if (item.ends_with(U"等")) item.remove_suffix(1);
    if (item.empty()) return true;
    if (is_close_bracket(item.back())) {
      int depth = 0;
      std::size_t k = item.size();
      while (k-- > 0) {
        if (is_close_bracket(item[k])) ++depth;
        else if (is_open_bracket(item[k]) && --depth == 0) break;
      }
      if (k == 0 || k >= item.size()) return false;
      item = item.substr(0, k);
    }
    // A collective (各地, 各平台, 各有关单位) is short or ends like a unit: 各地要抓好 is a sentence.
    if (item.starts_with(U"各")) return item.size() <= 4 || has_suffix(item, kEndings);
    // 街道 is a unit where a list groups it under one 办事处 (清崇街道、汉兴街道办事处); 镇街 (towns
    // and subdistricts) is the collective of both.
    if (ends_like_unit(item)) return true;
    // A lead starred in a list of units (区政府办公室*: names.cpp) ends like a unit before its star.
    return (item.ends_with(U"*") || item.ends_with(U"＊")) && ends_like_unit(item.substr(0, item.size() - 1));
  };
  std::size_t start = 0;
  int depth = 0;
  bool any = false;
  for (std::size_t i = 0; i <= list.size(); ++i) {
    if (i < list.size()) {
      if (is_open_bracket(list[i])) ++depth;
      else if (is_close_bracket(list[i])) depth = std::max(0, depth - 1);
      if (depth > 0 || (list[i] != U'、' && list[i] != U',' && list[i] != U' ')) continue;
    }
    const std::u32string_view item = list.substr(start, i - start);
    start = i + 1;
    if (!item_ok(item) && !(i < list.size() && list[i] == U'、' && shares_government(item, list.substr(i + 1))))
      return false;
    any = any || !item.empty();
  }
  return any;
}

namespace {

// Characters that may start a word of looks_like_deadline() or looks_like_remark() (年, 月, 底, 前,
// 下同, 首位, 不再, 以下, 均需, 的, 为牵头…), digits and the full stop, as a bitmap over the
// Basic Multilingual Plane.
class ClauseCharacters {
 public:
  ClauseCharacters() {
    for (char32_t c : std::u32string_view(U"0123456789:年月底前内长持季上下完常全首第不以均的为。"))
      bits_[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  bool contains(char32_t c) const { return c < 0x10000 && (bits_[c >> 6] >> (c & 63) & 1); }

 private:
  std::array<std::uint64_t, 0x10000 / 64> bits_{};
};
const ClauseCharacters kClauseCharacters;

}  // namespace

bool may_be_clause_character(char32_t c) { return kClauseCharacters.contains(c); }

bool may_be_clause(std::u32string_view text) {
  for (char32_t c : text)
    if (kClauseCharacters.contains(c)) return true;
  return false;
}

bool looks_like_remark(std::u32string_view clause) {
  if (!may_be_clause(clause)) return false;  // every word below starts with a clause character
  if (clause.find(U':') != std::u32string_view::npos) return true;  // another label: 适用范围：…
  // Not 以上/以下: 县级以上人民政府 is a unit.
  constexpr std::array<std::u32string_view, 11> kRemarkWords = {U"下同", U"首位", U"第一位", U"不再", U"均需",
                                                                U"均由", U"均要", U"均为", U"的", U"单独列出",
                                                                U"为牵头"};
  for (std::u32string_view word : kRemarkWords)
    if (clause.find(word) != std::u32string_view::npos) return true;
  return false;
}

bool looks_like_deadline(std::u32string_view clause) {
  if (!may_be_clause(clause)) return false;  // every word below starts with a clause character
  constexpr std::array<std::u32string_view, 14> kWords = {U"年底", U"年内", U"月底", U"前完成", U"底前", U"长期",
                                                           U"持续", U"季度", U"上半年", U"下半年", U"年前",
                                                           U"完成", U"常态化", U"全年"};
  for (std::u32string_view word : kWords)
    if (clause.find(word) != std::u32string_view::npos) return true;
  // "2023年", "6月": a digit followed by 年 or 月.
  for (std::size_t i = 0; i + 1 < clause.size(); ++i)
    if (clause[i] >= U'0' && clause[i] <= U'9' && (clause[i + 1] == U'年' || clause[i + 1] == U'月')) return true;
  return false;
}

ParsedAnnotation parse_annotation(std::u32string_view s, Range content) {
  content = trim(s, content);
  if (content.empty()) return {};
  // Called for every bracket group tried as a task's annotation: a buffer kept per thread spares
  // each call an allocation. (parse_labelled and parse_verbs do not come back here.)
  thread_local std::vector<LabelMatch> labels;
  find_labels(s, content, labels);
  if (!labels.empty()) return parse_labelled(s, content, labels);
  return parse_verbs(s, content);
}

namespace {

struct BracketGroup {
  std::uint32_t open = 0;   // index of the opening bracket
  std::uint32_t close = 0;  // index of the closing bracket, or the block end when unclosed
};

// Top-level bracket groups of the block. A group may span lines ("(牵头单位:A\n责任单位:B)"); with
// `close_at_line_end`, a bracket still open at the end of its line closes there instead, which
// recovers annotations after an unbalanced bracket in the task text.
std::vector<BracketGroup> top_level_groups(std::u32string_view s, Range block, bool close_at_line_end) {
  std::vector<BracketGroup> groups;
  int depth = 0;
  std::uint32_t open = 0;
  for (std::uint32_t i = block.begin; i < block.end; ++i) {
    const char32_t c = s[i];
    if (is_open_bracket(c)) {
      if (depth++ == 0) open = i;
    } else if (is_close_bracket(c) && depth > 0) {
      if (--depth == 0) groups.push_back({open, i});
    } else if (c == U'\n' && depth > 0 && close_at_line_end) {
      // A bracket left open at the end of a line: the group is the rest of that line.
      groups.push_back({open, i});
      depth = 0;
    }
  }
  if (depth > 0) groups.push_back({open, block.end});
  return groups;
}

std::uint32_t line_end(std::u32string_view s, std::uint32_t at, std::uint32_t limit) {
  while (at < limit && s[at] != U'\n') ++at;
  return at;
}

bool only_punctuation_until_line_end(std::u32string_view s, std::uint32_t from, std::uint32_t limit) {
  for (std::uint32_t i = from; i < limit && s[i] != U'\n'; ++i)
    if (!is_space(s[i]) && std::u32string_view(U"。.;,").find(s[i]) == std::u32string_view::npos) return false;
  return true;
}

// Fields printed one space apart on a line (牵头领导:王某 责任单位:A 项目责任人:李某 实际完成情况:…):
// after the last label's value, a space and a key of a field no label names (a few characters, no
// separator, then a colon) end the annotation. Where in `value` that space is, or value.end.
std::uint32_t before_unknown_field(std::u32string_view s, Range value) {
  constexpr std::uint32_t kLongestKey = 8;
  for (std::uint32_t i = value.begin; i < value.end; ++i) {
    if (s[i] != U' ') continue;
    std::uint32_t j = i + 1;
    while (j < value.end && j - i <= kLongestKey && s[j] >= 0x3400 && s[j] <= 0x9FFF) ++j;
    if (j > i + 2 && j < value.end && s[j] == U':') return i;
  }
  return value.end;
}

std::optional<FoundAnnotation> find_label_annotation(std::u32string_view s, Range block) {
  std::vector<LabelMatch> labels;
  find_labels(s, block, labels);
  auto is_role = [](const LabelMatch& m) {
    return m.role == ListRole::Lead || m.role == ListRole::Co || m.role == ListRole::Verbs;
  };
  auto first = std::find_if(labels.begin(), labels.end(), is_role);
  if (first == labels.end()) return std::nullopt;
  // Labels of people on lines of their own just before it are the annotation's too (责任人：王某 /
  // 协调人：李某 / 责任单位：X): the officials are the task's leaders. Not one inside a line of text,
  // whose value would run into the text.
  auto starts_line = [&](std::uint32_t at) {  // past an indent (  牵头单位：…, 　　责任单位：…)
    while (at > block.begin && (s[at - 1] == U' ' || s[at - 1] == U'\t' || s[at - 1] == U'\u3000')) --at;
    return at == block.begin || s[at - 1] == U'\n';
  };
  // Inside a line, a label of people counts when its value is an official's name that the role
  // label follows at once (…。牵头领导:王某某副局长责任部门:A、B, text run together from a PDF).
  auto names_official_before = [&](const LabelMatch& people, const LabelMatch& next) {
    return looks_like_official(slice(s, trim(s, {people.end, next.begin}, U",;")));
  };
  while (first != labels.begin() && std::prev(first)->role == ListRole::People &&
         ((starts_line(std::prev(first)->begin) && starts_line(first->begin)) || names_official_before(*std::prev(first), *first)))
    --first;
  // The annotation runs from the first role label to the end of the line holding the last label, or
  // of the line after it when the label stands alone on its line (责任单位： / 水务局、城管局).
  Range content{first->begin, line_end(s, labels.back().begin, block.end)};
  if (content.end < block.end && trim(s, {labels.back().end, content.end}).empty()) {
    // Past empty lines: pages that print an empty paragraph after every line.
    std::uint32_t next = content.end + 1;
    while (next < block.end && trim(s, {next, line_end(s, next, block.end)}).empty())
      next = line_end(s, next, block.end) + 1;
    content.end = line_end(s, std::min(next, block.end), block.end);
  }
  content.end = before_unknown_field(s, {labels.back().end, content.end});
  content = trim(s, content, U"。.");
  FoundAnnotation found{content, content, parse_annotation(s, content)};
  if (!found.parsed.has_roles()) return std::nullopt;
  return found;
}

void attach_trailing_groups(std::u32string_view s, const std::vector<BracketGroup>& groups, std::size_t chosen,
                            Range block, FoundAnnotation& found) {
  const std::uint32_t limit = line_end(s, groups[chosen].close, block.end);
  for (std::size_t k = chosen + 1; k < groups.size() && groups[k].open < limit; ++k)
    if (attach_trailing_group(s, {groups[k].open + 1, groups[k].close}, found.parsed))
      found.whole.end = std::min(block.end, groups[k].close + 1);
}

// A paragraph that annotates each of its measures ((…市场监管总局负责) … (体育总局、教育部负责)):
// the bracket groups before the chosen one, on its line, that hold roles add their units to it, in
// the order they are printed. The task's text still runs to the chosen (last) group.
void merge_earlier_groups(std::u32string_view s, const std::vector<BracketGroup>& groups, std::size_t chosen,
                          FoundAnnotation& found) {
  std::vector<RoleList> earlier;
  std::vector<Range> deadlines;
  for (std::size_t j = chosen; j-- > 0;) {
    const std::u32string_view between = slice(s, {groups[j].close, groups[j + 1].open});
    if (between.find(U'\n') != std::u32string_view::npos) break;  // another line
    ParsedAnnotation parsed = parse_annotation(s, {groups[j].open + 1, groups[j].close});
    if (!parsed.has_roles()) continue;
    earlier.insert(earlier.begin(), parsed.roles.begin(), parsed.roles.end());
    deadlines.insert(deadlines.begin(), parsed.deadlines.begin(), parsed.deadlines.end());
  }
  if (earlier.empty()) return;
  found.parsed.roles.insert(found.parsed.roles.begin(), earlier.begin(), earlier.end());
  found.parsed.deadlines.insert(found.parsed.deadlines.begin(), deadlines.begin(), deadlines.end());
}

}  // namespace

std::optional<FoundAnnotation> find_annotation(std::u32string_view s, Range block) {
  if (auto labelled = find_label_annotation(s, block)) return labelled;

  std::vector<BracketGroup> groups;
  for (bool close_at_line_end : {false, true}) {
    groups = top_level_groups(s, block, close_at_line_end);
    for (std::size_t k = groups.size(); k-- > 0;) {
      const Range inner{groups[k].open + 1, groups[k].close};
      ParsedAnnotation parsed = parse_annotation(s, inner);
      if (!parsed.has_roles()) continue;
      const std::uint32_t close_end = std::min(block.end, groups[k].close + 1);
      FoundAnnotation found{{groups[k].open, close_end}, inner, std::move(parsed)};
      merge_earlier_groups(s, groups, k, found);
      attach_trailing_groups(s, groups, k, block, found);
      return found;
    }
  }

  // A bare list of agencies in the last bracket of the paragraph: (市发改委、市财政局).
  if (!groups.empty()) {
    const BracketGroup& last = groups.back();
    const Range inner = trim(s, {last.open + 1, last.close});
    const std::u32string_view text = slice(s, inner);
    // An office word, and no item too short to be a name (全部, 内部 end like 工信部).
    auto names_an_office = [&] {
      std::size_t start = 0;
      for (std::size_t i = 0; i <= text.size(); ++i)
        if (i == text.size() || text[i] == U'、' || text[i] == U',') {
          if (i - start < 3 && !text.substr(start, i - start).starts_with(U"各")) return false;
          start = i + 1;
        }
      for (std::u32string_view word : {U"局", U"委", U"办", U"厅", U"部", U"政府", U"中心", U"集团", U"公司"})
        if (text.find(word) != std::u32string_view::npos) return true;
      return false;
    };
    // Right after a unit's name the bracket is that unit's other name, as inside a list
    // (市商务局(市粮食和物资储备局)): 信息来源:县农业农村局(水利局) names no task's units.
    const std::u32string_view before = slice(s, {block.begin, last.open});
    const bool other_name = !before.empty() && !is_space(before.back()) && ends_like_agency(before);
    if (!inner.empty() && last.close < block.end && only_punctuation_until_line_end(s, last.close + 1, block.end) &&
        !other_name && !text.starts_with(U"各") && !looks_like_deadline(text) && looks_like_agency_list(text) &&
        names_an_office()) {
      FoundAnnotation found{{last.open, last.close + 1}, inner, {}};
      found.parsed.roles.push_back({Role::Co, inner});
      return found;
    }
  }

  // Prose: the last sentence names its units with role verbs (此项工作由A主办,B协办).
  const Range first_line = trim(s, {block.begin, line_end(s, block.begin, block.end)}, U"。");
  std::uint32_t sentence_start = first_line.begin;
  for (std::uint32_t i = first_line.begin; i < first_line.end; ++i)
    if (s[i] == U'。') sentence_start = i + 1;
  const Range sentence = trim(s, {sentence_start, first_line.end});
  if (sentence.empty()) return std::nullopt;
  if (sentence.begin != first_line.begin) {
    ParsedAnnotation parsed = parse_verbs(s, sentence);
    if (parsed.has_roles() && parsed.remarks.empty())
      return FoundAnnotation{{sentence.begin, first_line.end}, sentence, std::move(parsed), true};
  }
  // Or its last clauses from a 由 after a comma (关于…的问题，由国土资源部会同农业部等部门负责落实).
  for (std::uint32_t i = sentence.end; i > sentence.begin + 1; --i) {
    if (s[i - 1] != U'由' || s[i - 2] != U',') continue;
    const Range clauses{i - 1, sentence.end};
    ParsedAnnotation parsed = parse_verbs(s, clauses);
    if (!parsed.has_roles() || !parsed.remarks.empty()) return std::nullopt;
    return FoundAnnotation{{clauses.begin, first_line.end}, clauses, std::move(parsed), true};
  }
  return std::nullopt;
}

std::optional<FoundAnnotation> find_leading_clauses(std::u32string_view s, Range line) {
  line = trim(s, line);
  std::uint32_t stop = line.end;
  for (std::uint32_t i = line.begin; i < line.end; ++i)
    if (s[i] == U'。') {
      stop = i;
      break;
    }
  std::vector<std::uint32_t> clause_ends;
  int depth = 0;
  for (std::uint32_t i = line.begin; i <= stop; ++i) {
    const char32_t c = i < stop ? s[i] : U',';
    if (is_open_bracket(c)) ++depth;
    else if (is_close_bracket(c)) depth = std::max(0, depth - 1);
    else if (depth == 0 && (c == U',' || c == U';')) clause_ends.push_back(i);
  }
  // A run ends in a role verb: the words after the last verb are the measure (X牵头，A配合，支持某镇打造…),
  // even when they end like a unit.
  const auto ends_in_verb = [&](Range prefix) { return verb_ending(slice(s, trim(s, prefix, U"."))) != nullptr; };
  std::optional<FoundAnnotation> best;
  for (std::uint32_t end : clause_ends) {
    const Range prefix{line.begin, end};
    ParsedAnnotation parsed = parse_verbs(s, prefix);
    if (!parsed.remarks.empty() || !parsed.deadlines.empty()) break;
    if (parsed.has_roles() && ends_in_verb(prefix)) best = FoundAnnotation{prefix, prefix, std::move(parsed), true};
  }
  return best;
}

std::optional<FoundAnnotation> find_line_prose(std::u32string_view s, Range line) {
  const Range whole = trim(s, line, U"。.;,");
  if (whole.empty()) return std::nullopt;
  ParsedAnnotation parsed = parse_verbs(s, whole);
  if (parsed.has_roles() && parsed.remarks.empty()) return FoundAnnotation{whole, whole, std::move(parsed), true};
  return find_leading_clauses(s, whole);
}

std::optional<FoundAnnotation> find_line_annotation(std::u32string_view s, Range line) {
  if (auto found = find_annotation(s, line)) return found;
  return find_line_prose(s, line);
}

}  // namespace agencygraph::detail
