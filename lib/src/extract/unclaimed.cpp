// find_unclaimed_annotation_lines and find_unread_remarks (agencygraph/unclaimed.hpp): the words that
// make text look like an annotation, matched on folded text (traditional documents folded as the
// parser folds them), reported from the original bytes.
#include "agencygraph/unclaimed.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "agencygraph/fold.hpp"
#include "traditional_markers.hpp"

namespace agencygraph {

namespace {

using namespace std::string_view_literals;

bool is_ideograph(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }
bool is_blank(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == 0xFEFF; }

// Last characters of agency names: 局 委 办 厅 部, 政府, 管委会, 法院, 公司, 集团, 处, 室, 站, 所, 队, 银行,
// 署, 部门, 单位, 学校, 馆, 社, 妇联, 科协, 区, 县, 镇, 乡, 街道, 中心, 电视台.
constexpr std::u32string_view kAgencyEndings = U"局委办厅部府院会司团处室站所队行署门位校馆社联协区县镇乡道心台";

// Role verbs: a verb right after an agency-like name assigns a role (X牵头, Y配合, Z按职责分工负责).
constexpr std::array kRoleVerbs{U"牵头"sv, U"主办"sv, U"配合"sv, U"协办"sv, U"协作"sv, U"参与"sv, U"负责"sv};
// Nouns after a verb that make it a label or a person, not a verb: 牵头单位, 负责人, 牵头领导.
constexpr std::array kNounsAfterVerb{U"单位"sv, U"部门"sv, U"处室"sv, U"科室"sv, U"领导"sv, U"人"sv, U"同志"sv};
// Words between a name and its verb: X等牵头, X、Y按职责分工负责, X分别负责, X共同负责.
constexpr std::array kFillers{U"按职责分工"sv, U"按照职责分工"sv, U"根据职责分工"sv, U"分别"sv, U"共同"sv,
                              U"具体"sv, U"等"sv};
// Generic role nouns: 牵头单位负责… in a notice names nobody.
constexpr std::array kGenericSubjects{U"牵头单位"sv, U"责任单位"sv, U"配合单位"sv, U"参与单位"sv, U"协办单位"sv,
                                      U"主办单位"sv, U"牵头部门"sv, U"责任部门"sv, U"配合部门"sv};
// Role labels: a role prefix, a unit noun, a colon and a value (牵头单位：X, 责任部门:Y, 负责科室：Z).
constexpr std::array kLabelRoles{U"牵头"sv, U"责任"sv, U"配合"sv, U"参与"sv, U"协办"sv, U"主办"sv,
                                 U"主责"sv, U"协作"sv, U"承办"sv, U"负责"sv, U"参加"sv};
constexpr std::array kLabelNouns{U"单位"sv, U"部门"sv, U"处室"sv, U"科室"sv};
// Role words in a remark, the parser's and others a coder would read as roles.
constexpr std::array kRemarkRoleWords{U"牵头"sv, U"负责"sv, U"配合"sv, U"协办"sv, U"主办"sv, U"参与"sv,
                                      U"协作"sv, U"落实"sv, U"督办"sv, U"承办"sv, U"统筹"sv, U"指导"sv,
                                      U"主抓"sv, U"实施"sv, U"协调"sv};

bool looks_like_agency_end(std::u32string_view before) {
  return before.size() >= 2 && kAgencyEndings.find(before.back()) != std::u32string_view::npos &&
         is_ideograph(before[before.size() - 2]);
}

std::u32string_view without_trailing_blanks(std::u32string_view s) {
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Where the name before the verb at `verb` ends, when an agency-like name precedes it.
std::optional<std::size_t> agency_before(std::u32string_view line, std::size_t verb) {
  std::u32string_view before = without_trailing_blanks(line.substr(0, verb));
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::u32string_view filler : kFillers) {
      if (before.ends_with(filler)) {
        before = without_trailing_blanks(before.substr(0, before.size() - filler.size()));
        stripped = true;
      }
    }
  }
  if (!looks_like_agency_end(before)) return std::nullopt;
  for (std::u32string_view generic : kGenericSubjects)
    if (before.ends_with(generic)) return std::nullopt;
  return before.size();
}

struct RoleWord {
  std::size_t begin = 0;  // in folded characters
  std::size_t end = 0;
};

// The first role label with a value or role verb after an agency-like name in a folded line.
std::optional<RoleWord> find_role_word(std::u32string_view line) {
  for (std::size_t i = 0; i + 1 < line.size(); ++i) {
    // A label: role, noun, colon, value.
    for (std::u32string_view role : kLabelRoles) {
      if (!line.substr(i).starts_with(role)) continue;
      for (std::u32string_view noun : kLabelNouns) {
        const std::size_t noun_at = i + role.size();
        if (!line.substr(noun_at).starts_with(noun)) continue;
        std::size_t j = noun_at + noun.size();
        while (j < line.size() && is_blank(line[j])) ++j;
        if (j >= line.size() || line[j] != U':') continue;
        std::size_t value = j + 1;
        while (value < line.size() && is_blank(line[value])) ++value;
        if (value < line.size() && is_ideograph(line[value])) return RoleWord{i, noun_at + noun.size()};
      }
    }
    for (std::u32string_view verb : kRoleVerbs) {
      if (!line.substr(i).starts_with(verb)) continue;
      const std::u32string_view after = line.substr(i + verb.size());
      if (std::any_of(kNounsAfterVerb.begin(), kNounsAfterVerb.end(),
                      [&](std::u32string_view noun) { return after.starts_with(noun); }))
        continue;
      if (const std::optional<std::size_t> name_end = agency_before(line, i)) return RoleWord{*name_end, i + verb.size()};
    }
  }
  return std::nullopt;
}

// The byte range [begin, end) of `folded`'s characters [from, to) in the original text.
std::string_view original(std::string_view text, const FoldedText& folded, std::size_t from, std::size_t to) {
  const std::uint32_t begin = folded.offsets[from];
  const std::uint32_t end = folded.offsets[to];
  return text.substr(begin, end - begin);
}

std::string_view trimmed(std::string_view s) {
  auto space_at_start = [&] { return s.starts_with(' ') || s.starts_with('\t') || s.starts_with("\xE3\x80\x80"); };
  auto space_at_end = [&] { return s.ends_with(' ') || s.ends_with('\t') || s.ends_with("\xE3\x80\x80"); };
  while (space_at_start()) s.remove_prefix(s.starts_with('\xE3') ? 3 : 1);
  while (space_at_end()) s.remove_suffix(s.ends_with('\x80') ? 3 : 1);
  return s;
}

// Byte ranges of the source's text that belong to a task: from the start of its text or annotation
// to the end of whichever ends later (the lines between them included).
std::vector<std::pair<std::uint32_t, std::uint32_t>> task_ranges(const Document& document, std::uint32_t source) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
  for (const Task& task : document.tasks) {
    if (task.source != source) continue;
    std::uint32_t begin = task.text.begin;
    std::uint32_t end = task.text.begin + task.text.length;
    if (!task.annotation.empty()) {
      begin = std::min(begin, task.annotation.begin);
      end = std::max(end, task.annotation.begin + task.annotation.length);
    }
    ranges.emplace_back(begin, std::max(end, begin + 1));
  }
  std::sort(ranges.begin(), ranges.end());
  return ranges;
}

}  // namespace

std::vector<UnclaimedLine> find_unclaimed_annotation_lines(const Document& document) {
  std::vector<UnclaimedLine> found;
  FoldedText folded;
  for (std::uint32_t s = 0; s < document.sources.size(); ++s) {
    const Source& source = document.sources[s];
    const std::string_view text = source.content();
    const Folder folder(detail::has_traditional_markers(text));
    const auto ranges = task_ranges(document, s);
    std::size_t next_range = 0;  // ranges before it end before the current line
    std::uint32_t begin = 0;
    for (std::uint32_t k = 1; begin < text.size(); ++k) {
      std::size_t newline = text.find('\n', begin);
      if (newline == std::string_view::npos) newline = text.size();
      const auto end = static_cast<std::uint32_t>(newline);
      const std::uint32_t line_begin = begin;
      begin = end + 1;
      while (next_range < ranges.size() && ranges[next_range].second <= line_begin) ++next_range;
      bool claimed = false;
      for (std::size_t r = next_range; r < ranges.size() && ranges[r].first <= end; ++r) {
        if (ranges[r].second > line_begin) {
          claimed = true;
          break;
        }
      }
      if (claimed || end == line_begin) continue;
      folded.clear();
      folder.append(text.substr(0, end), line_begin, end, folded);
      const std::optional<RoleWord> word = find_role_word(folded.chars);
      if (!word) continue;
      UnclaimedLine line;
      line.source = s;
      line.line = source.original_line(k);
      line.text = std::string(trimmed(text.substr(line_begin, end - line_begin)));
      if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
      line.role_word = std::string(original(text, folded, word->begin, word->end));
      found.push_back(std::move(line));
    }
  }
  return found;
}

std::vector<UnreadRemark> find_unread_remarks(const Document& document) {
  std::vector<UnreadRemark> found;
  std::vector<std::optional<Folder>> folders(document.sources.size());
  FoldedText folded;
  for (std::size_t t = 0; t < document.tasks.size(); ++t) {
    const Task& task = document.tasks[t];
    if (task.remarks.empty()) continue;
    std::optional<Folder>& folder = folders[task.source];
    if (!folder) folder.emplace(detail::has_traditional_markers(document.sources[task.source].content()));
    for (const std::string& remark : task.remarks) {
      folded.clear();
      folder->append(remark, 0, static_cast<std::uint32_t>(remark.size()), folded);
      const std::u32string_view chars = folded.chars;
      // A role word first: 市政府督办 is a role, though 督办 ends like 市文明办.
      std::size_t first = chars.size();
      std::u32string_view word;
      for (std::u32string_view candidate : kRemarkRoleWords) {
        const std::size_t at = chars.find(candidate);
        if (at < first) {
          first = at;
          word = candidate;
        }
      }
      if (!word.empty()) {
        found.push_back({t, remark, "role word " + std::string(original(remark, folded, first, first + word.size()))});
        continue;
      }
      // A list of units: every piece between separators ends like an agency name.
      bool units = false;
      {
        std::size_t pieces = 0;
        bool all = true;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= chars.size(); ++i) {
          if (i < chars.size() && std::u32string_view(U"、,;，；/ ").find(chars[i]) == std::u32string_view::npos) continue;
          std::u32string_view piece = chars.substr(start, i - start);
          start = i + 1;
          if (piece.empty()) continue;
          if (piece.ends_with(U"等")) piece.remove_suffix(1);
          ++pieces;
          all = all && looks_like_agency_end(piece);
        }
        units = pieces > 0 && all;
      }
      if (units) found.push_back({t, remark, "a list of units"});
    }
  }
  return found;
}

std::vector<UnlikelyUnit> find_unlikely_units(const Document& document) {
  // Besides the agency endings above: places that name their government (赤壁市, 各县级市), groups
  // (领导小组, 工作专班), bodies of the armed forces and the Party (机关, 军分区, 共青团中央), a bureau's
  // sections (建工科, 财务股), universities and parks (长江大学, 食品产业园).
  constexpr std::u32string_view kMoreEndings = U"市州旗盟组班关军央科股学园";
  std::vector<UnlikelyUnit> found;
  const Folder folder(false);  // canonical names are folded already: this only decodes them
  FoldedText folded;
  for (std::size_t t = 0; t < document.tasks.size(); ++t) {
    for (const AgencyMention& mention : document.tasks[t].agencies) {
      if (mention.kind == AgencyKind::Collective) continue;
      const std::string_view canonical = document.name(mention.canonical);
      folded.clear();
      folder.append(canonical, 0, static_cast<std::uint32_t>(canonical.size()), folded);
      std::u32string_view name = without_trailing_blanks(folded.chars);
      // An alias in brackets after the name (市交通委(市道运局)) is judged by the name before it.
      if (name.ends_with(U")")) {
        const std::size_t open = name.rfind(U'(');
        if (open != std::u32string_view::npos && open > 0) name = without_trailing_blanks(name.substr(0, open));
      }
      const bool agency_like = !name.empty() && is_ideograph(name.back()) && name.size() >= 2 &&
                               (kAgencyEndings.find(name.back()) != std::u32string_view::npos ||
                                kMoreEndings.find(name.back()) != std::u32string_view::npos);
      if (!agency_like) found.push_back({t, std::string(document.name(mention.name))});
    }
  }
  return found;
}

}  // namespace agencygraph
