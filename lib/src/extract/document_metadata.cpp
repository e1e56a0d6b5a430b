#include "document_metadata.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "agencygraph/fold.hpp"
#include "u32.hpp"
#include "utf8_text.hpp"

namespace agencygraph::detail {
namespace {

bool contains(std::u32string_view s, std::u32string_view w) { return s.find(w) != std::u32string_view::npos; }

bool is_place_char(char32_t c) {
  // Place names are ideographs; stop at punctuation, digits, brackets and 《.
  return c >= 0x3400 && c <= 0x9FFF;
}

constexpr std::array<std::u32string_view, 9> kPlaceEndings = {U"自治州", U"自治县", U"省", U"市", U"县",
                                                               U"区", U"州", U"盟", U"旗"};

}  // namespace

bool looks_like_title(std::u32string_view line) {
  line = slice(line, trim(line, {0, static_cast<std::uint32_t>(line.size())}));
  if (line.size() < 6 || line.size() > 120) return false;
  constexpr std::array<std::u32string_view, 9> kWords = {U"政府工作报告", U"责任分解", U"分工方案", U"任务分工",
                                                         U"分解落实", U"分工意见", U"责任分工", U"工作分工",
                                                         U"重点工作分解"};
  for (std::u32string_view word : kWords)
    if (contains(line, word)) return true;
  return false;
}

std::optional<std::string> jurisdiction_from_title(std::u32string_view title) {
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < title.size() && is_space(title[i])) ++i;
  };
  skip_spaces();
  // A province in brackets before the city: "(湖北省)2023年咸宁市…".
  if (i < title.size() && is_open_bracket(title[i])) {
    while (i < title.size() && !is_close_bracket(title[i])) ++i;
    if (i < title.size()) ++i;  // past the closing bracket, if there is one
  }
  skip_spaces();
  // A year before the place: "2023年咸宁市…".
  std::size_t digits = i;
  while (digits < title.size() && title[digits] >= U'0' && title[digits] <= U'9') ++digits;
  if (digits > i && digits < title.size() && title[digits] == U'年') i = digits + 1;
  skip_spaces();
  // "关于印发X市2023年…的通知": the place follows the verb.
  for (std::u32string_view verb : {U"关于印发", U"关于下达", U"关于分解落实", U"关于分解", U"关于做好", U"关于落实", U"印发"}) {
    if (title.substr(i).starts_with(verb)) {
      i += verb.size();
      std::size_t year_end = i;
      while (year_end < title.size() && title[year_end] >= U'0' && title[year_end] <= U'9') ++year_end;
      if (year_end > i && year_end < title.size() && title[year_end] == U'年') i = year_end + 1;
      break;
    }
  }
  if (title.substr(i).starts_with(U"国务院")) return "国务院";
  // The place: ideographs up to the last place ending before 人民政府 / 政府 / 《 / 关于 / a digit.
  std::size_t end = i;
  while (end < title.size() && is_place_char(title[end])) ++end;
  std::u32string_view run = title.substr(i, end - i);
  for (std::u32string_view stop : {U"人民政府", U"政府", U"关于", U"办公室", U"发展和改革", U"政府工作报告"}) {
    const auto at = run.find(stop);
    if (at != std::u32string_view::npos) run = run.substr(0, at);
  }
  // Cut after the last place ending within the run (咸宁市 of 咸宁市重点工作…).
  std::size_t best = 0;
  for (std::size_t k = 0; k < run.size() && k < 12; ++k)
    for (std::u32string_view ending : kPlaceEndings)
      if (run.substr(0, k + 1).ends_with(ending)) best = k + 1;
  if (best < 2) return std::nullopt;
  return to_utf8(run.substr(0, best));
}

std::optional<int> year_from_title(std::u32string_view title) {
  auto year_at = [&](std::size_t i) -> std::optional<int> {
    if (i + 4 > title.size()) return std::nullopt;
    int year = 0;
    for (std::size_t k = i; k < i + 4; ++k) {
      if (title[k] < U'0' || title[k] > U'9') return std::nullopt;
      year = year * 10 + static_cast<int>(title[k] - U'0');
    }
    if (i > 0 && title[i - 1] >= U'0' && title[i - 1] <= U'9') return std::nullopt;
    if (year < 1949 || year > 2100) return std::nullopt;
    return year;
  };
  // "2023年" first, then a document number "〔2020〕".
  for (std::size_t i = 0; i + 4 < title.size(); ++i)
    if (title[i + 4] == U'年')
      if (auto y = year_at(i)) return y;
  for (std::size_t i = 0; i + 5 < title.size(); ++i)
    if ((title[i] == U'〔' || title[i] == U'[' || title[i] == U'【') && (title[i + 5] == U'〕' || title[i + 5] == U']'))
      if (auto y = year_at(i + 1)) return y;
  return std::nullopt;
}

namespace {

// The test at one 第 or 首 of the whole folded text: every phrase contains 第 or 首, so each phrase
// is looked for in a window around them, and 牵头 within 30 characters of it.
bool states_first_listed_lead_at(std::u32string_view text, std::size_t i) {
  constexpr std::array<std::u32string_view, 9> kFirst = {U"列第一位", U"排在第一位", U"排第一位", U"列首位",
                                                         U"排名第一", U"第一个单位", U"排在首位",
                                                         U"第一责任单位", U"第一个责任单位"};
  const std::size_t from = i >= 4 ? i - 4 : 0;
  for (std::u32string_view first : kFirst) {
    const std::u32string_view window = text.substr(from, first.size() + 4);
    const auto at = window.find(first);
    if (at != std::u32string_view::npos && contains(text.substr(from + at, 30), U"牵头")) return true;
  }
  return false;
}

// Folds the characters the test at the 第 or 首 at byte `mark` reads (4 before it, at most 34
// after it) and runs it there.
bool states_first_listed_lead_near(std::string_view text, std::uint32_t mark, const Folder& folder) {
  const auto size = static_cast<std::uint32_t>(text.size());
  std::uint32_t begin = mark;
  for (int k = 0; k < 4 && begin > 0; ++k) begin = previous_char_start(text, begin, 0);
  std::uint32_t end = mark;
  for (int k = 0; k < 40 && end < size; ++k) folder.next(text, end, size);
  FoldedText folded;
  folder.append(text, begin, end, folded);
  return states_first_listed_lead_at(folded.chars, index_of(folded, mark));
}

// What negates 牵头 in "no lead named" (无牵头单位的…), as printed in either script.
constexpr std::string_view kNegations[] = {"无", "未明确", "没有", "未列", "未注明", "未标明", "無", "未明確", "沒有", "未標明"};

// Whether the 牵 (牽) at byte `at` opens 牵头 after a negation and is followed within a few
// characters by 为牵头 or 即牵头: 无牵头单位的，责任单位即为牵头单位.
bool states_unlabelled_units_lead_at(std::string_view text, std::size_t at, const Folder& folder) {
  const std::string_view before = text.substr(0, at);
  if (std::none_of(std::begin(kNegations), std::end(kNegations), [&](std::string_view no) { return before.ends_with(no); }))
    return false;
  const auto size = static_cast<std::uint32_t>(text.size());
  auto end = static_cast<std::uint32_t>(at);
  for (int k = 0; k < 24 && end < size; ++k) folder.next(text, end, size);
  FoldedText folded;
  folder.append(text, static_cast<std::uint32_t>(at), end, folded);
  const std::u32string_view rest = folded.chars;
  if (!rest.starts_with(U"牵头")) return false;
  return contains(rest.substr(2), U"为牵头") || contains(rest.substr(2), U"即牵头");
}

}  // namespace

ConventionStatements find_convention_statements(std::string_view text, const Folder& folder) {
  // Every first-listed phrase holds 第 or 首, every unlabelled one 牵 (牽), and nothing else folds
  // to them: one pass over their bytes finds every candidate.
  static const CharSet marks = [] {
    CharSet set;
    set.add("第");
    set.add("首");
    set.add("牵");
    set.add("牽");
    return set;
  }();
  ConventionStatements found;
  for (std::size_t at = 0; (at = marks.find(text, at, text.size())) < text.size(); at += 3) {
    const bool lead_mark = text.compare(at, 3, "牵") == 0 || text.compare(at, 3, "牽") == 0;
    if (lead_mark) {
      if (!found.unlabelled_units_lead && states_unlabelled_units_lead_at(text, at, folder))
        found.unlabelled_units_lead = static_cast<std::uint32_t>(at);
    } else if (!found.first_listed_lead && states_first_listed_lead_near(text, static_cast<std::uint32_t>(at), folder)) {
      found.first_listed_lead = static_cast<std::uint32_t>(at);
    }
    if (found.first_listed_lead && found.unlabelled_units_lead) break;
  }
  return found;
}

}  // namespace agencygraph::detail
