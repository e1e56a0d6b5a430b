#include "document_metadata.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <initializer_list>
#include <utility>

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

namespace {

// The year written as four digits at title[i, i + 4), not part of a longer number; 1949-2100.
std::optional<int> four_digit_year(std::u32string_view text, std::size_t i) {
  if (i + 4 > text.size()) return std::nullopt;
  int year = 0;
  for (std::size_t k = i; k < i + 4; ++k) {
    if (!is_digit(text[k])) return std::nullopt;
    year = year * 10 + static_cast<int>(text[k] - U'0');
  }
  if (i > 0 && is_digit(text[i - 1])) return std::nullopt;
  if (i + 4 < text.size() && is_digit(text[i + 4])) return std::nullopt;
  if (year < 1949 || year > 2100) return std::nullopt;
  return year;
}

// Brackets a document number's year stands in: 〔2020〕 as printed, [2020] and (2020) as typed,
// 【2020】 on some pages (full-width forms are folded to ASCII before this sees them).
bool opens_number_year(char32_t c) { return c == U'〔' || c == U'[' || c == U'【' || c == U'(' || c == U'〖'; }
bool closes_number_year(char32_t c) { return c == U'〕' || c == U']' || c == U'】' || c == U')' || c == U'〗'; }

// The line without spaces at either end and without one pair of brackets around it all.
std::u32string_view unwrapped(std::u32string_view line) {
  line = slice(line, trim(line, {0, static_cast<std::uint32_t>(line.size())}));
  if (line.size() >= 2 && is_open_bracket(line.front()) && is_close_bracket(line.back()))
    line = slice(line, trim(line, {1, static_cast<std::uint32_t>(line.size() - 1)}));
  return line;
}

// The line after a field label such as 文号: or 成文日期: (either colon), or the line itself.
std::u32string_view after_label(std::u32string_view line, std::initializer_list<std::u32string_view> labels) {
  for (std::u32string_view label : labels) {
    if (!line.starts_with(label)) continue;
    std::size_t i = label.size();
    while (i < line.size() && is_space(line[i])) ++i;
    if (i < line.size() && (line[i] == U':' || line[i] == U'：')) return unwrapped(line.substr(i + 1));
  }
  return line;
}

}  // namespace

std::optional<int> year_from_title(std::u32string_view title) {
  for (std::size_t i = 0; i + 4 < title.size(); ++i)
    if (title[i + 4] == U'年')
      if (auto y = four_digit_year(title, i)) return y;
  return std::nullopt;
}

std::optional<int> year_from_document_number(std::u32string_view line) {
  for (std::size_t i = 1; i + 6 < line.size(); ++i) {
    // An abbreviation before the bracket (荆政办发, 国发), the year, the bracket, then digits and 号.
    if (!opens_number_year(line[i]) || !is_place_char(line[i - 1]) || !closes_number_year(line[i + 5])) continue;
    const std::optional<int> year = four_digit_year(line, i + 1);
    if (!year) continue;
    std::size_t k = i + 6;
    while (k < line.size() && is_space(line[k])) ++k;
    const std::size_t digits = k;
    while (k < line.size() && is_digit(line[k])) ++k;
    if (k > digits && k - digits <= 5 && k < line.size() && line[k] == U'号') return year;
  }
  return std::nullopt;
}

std::optional<int> year_of_document_number_line(std::u32string_view line) {
  line = after_label(unwrapped(line), {U"发文字号", U"文号", U"发文号"});
  if (line.empty() || line.size() > 24 || line.back() != U'号') return std::nullopt;
  // Only the number: ideographs, then the bracketed year and the serial number (year_from_document_number).
  std::size_t i = 0;
  while (i < line.size() && is_place_char(line[i])) ++i;
  if (i == 0 || i > 12 || i >= line.size() || !opens_number_year(line[i])) return std::nullopt;
  return year_from_document_number(line);
}

std::optional<int> year_of_date_line(std::u32string_view line) {
  line = after_label(unwrapped(line), {U"成文日期", U"发文日期", U"印发日期"});
  // 2020年1月8日: four digits, 年, one or two digits, 月, one or two digits, 日, nothing more.
  if (line.size() < 9 || line.size() > 11 || line[4] != U'年' || line.back() != U'日') return std::nullopt;
  const std::optional<int> year = four_digit_year(line, 0);
  if (!year) return std::nullopt;
  std::size_t k = 5;
  auto number = [&](char32_t unit, int max) {
    const std::size_t from = k;
    int value = 0;
    while (k < line.size() && is_digit(line[k]) && k - from < 2) value = value * 10 + static_cast<int>(line[k++] - U'0');
    if (k == from || k >= line.size() || line[k] != unit || value < 1 || value > max) return false;
    ++k;
    return true;
  };
  if (!number(U'月', 12) || !number(U'日', 31) || k != line.size()) return std::nullopt;
  return year;
}

std::optional<std::string> jurisdiction_of_issuer_line(std::u32string_view line) {
  line = slice(line, trim(line, {0, static_cast<std::uint32_t>(line.size())}));
  // Joint issuers (中共X县委办公室  X县人民政府办公室) are separated by spaces: the government is last.
  const std::size_t space = line.find_last_of(U" \t");
  if (space != std::u32string_view::npos) line = line.substr(space + 1);
  if (line.size() < 3 || line.size() > 30) return std::nullopt;
  for (char32_t c : line)
    if (!is_place_char(c)) return std::nullopt;
  bool issuer = false;
  for (std::u32string_view ending : {U"人民政府", U"办公室", U"办公厅", U"国务院"}) issuer = issuer || line.ends_with(ending);
  if (!issuer) return std::nullopt;
  if (line.starts_with(U"中共")) line.remove_prefix(2);
  return jurisdiction_from_title(line);
}

void read_year_and_place(Document& document, std::string_view text, const std::vector<Line>& lines,
                         const Folder& folder, std::optional<std::size_t> title_line, const ExtractOptions& options) {
  document.jurisdiction.reset();
  document.year.reset();
  document.jurisdiction_source.reset();
  document.year_source.reset();
  FoldedText folded;
  auto fold_line = [&](const Line& line) -> std::u32string_view {
    folded.clear();
    folder.append(text, line.range.begin, line.range.end, folded);
    return folded.chars;
  };
  auto set_year = [&](std::optional<int> year, MetadataSource source) {
    if (document.year || !year) return;
    document.year = year;
    document.year_source = source;
  };
  auto set_jurisdiction = [&](std::optional<std::string> jurisdiction, MetadataSource source) {
    if (document.jurisdiction || !jurisdiction) return;
    document.jurisdiction = std::move(jurisdiction);
    document.jurisdiction_source = source;
  };
  if (title_line) {
    const std::u32string_view title = fold_line(lines[*title_line]);
    set_jurisdiction(jurisdiction_from_title(title), MetadataSource::Title);
    set_year(year_from_title(title), MetadataSource::Title);
    set_year(year_from_document_number(title), MetadataSource::DocumentNumber);
  }
  // Short lines only: a document number or a date line is at most a few dozen bytes, and folding every
  // line of a national corpus to look at it would cost the extraction time for nothing.
  constexpr std::size_t kLongest = 96;
  for (std::size_t k = 0; k < lines.size() && !document.year; ++k) {
    if (is_task_numbering(lines[k].numbering)) break;  // the number is printed above the tasks
    if (lines[k].blank() || lines[k].range.size() > kLongest) continue;
    set_year(year_of_document_number_line(fold_line(lines[k])), MetadataSource::DocumentNumber);
  }
  if (!document.year || !document.jurisdiction) {
    // The first date line under an issuing office is the signature; failing one, the first date line
    // alone (a signature whose office line was lost, as on many copied pages).
    std::optional<int> bare_date;
    std::optional<std::size_t> previous;  // the last non-blank line before k
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const Line& line = lines[k];
      if (line.blank()) continue;
      const std::optional<std::size_t> before = std::exchange(previous, k);
      if (line.numbering != Numbering::None || line.range.size() > kLongest) continue;
      const std::optional<int> year = year_of_date_line(fold_line(line));
      if (!year) continue;
      std::optional<std::string> issuer;
      if (before && lines[*before].range.size() <= kLongest) issuer = jurisdiction_of_issuer_line(fold_line(lines[*before]));
      if (issuer) {
        set_year(year, MetadataSource::Signature);
        // Not for a titled document: its pages repeat the title and are merged by title and place, and
        // only one page carries the signature, so a place from it would part the pages.
        if (!title_line) set_jurisdiction(std::move(issuer), MetadataSource::Signature);
        break;
      }
      if (!bare_date) bare_date = year;
    }
    set_year(bare_date, MetadataSource::Signature);
  }
  set_year(options.year, MetadataSource::Option);
  set_jurisdiction(options.jurisdiction, MetadataSource::Option);
}

namespace {

// The test at one 第 or 首 of the whole folded text: every phrase contains 第 or 首, so each phrase
// is looked for in a window around them, and 牵头 within 30 characters of it.
bool states_first_listed_lead_at(std::u32string_view text, std::size_t i) {
  constexpr std::array<std::u32string_view, 12> kFirst = {U"列第一位",     U"排在第一位",     U"排第一位",
                                                          U"列首位",       U"排名第一",       U"排在首位",
                                                          U"第一个单位",   U"第一责任单位",   U"第一个责任单位",
                                                          U"第一个部门",   U"第一责任部门",   U"第一个责任部门"};
  const std::size_t from = i >= 4 ? i - 4 : 0;
  for (std::u32string_view first : kFirst) {
    const std::u32string_view window = text.substr(from, first.size() + 4);
    const auto at = window.find(first);
    if (at != std::u32string_view::npos && contains(text.substr(from + at, 30), U"牵头")) return true;
  }
  return false;
}

// Every first-listed phrase has 一 after its 第 and 位 after its 首: most marks of a document (第三,
// 首先) are turned away by the next character, before the window around them is folded. (A
// traditional folder's append() passes over pinyin after an ideograph, 第(dì)一位, and next() does
// not: such a document's marks all go to the window.)
bool may_open_first_listed_phrase(std::string_view text, std::size_t mark, const Folder& folder) {
  if (folder.traditional()) return true;
  const auto size = static_cast<std::uint32_t>(text.size());
  auto after = static_cast<std::uint32_t>(mark + 3);
  if (after >= size) return false;
  const char32_t next = folder.next(text, after, size);
  return text.compare(mark, 3, "第") == 0 ? next == U'一' : next == U'位';
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

// The last three bytes of `s` as one number (0 if shorter): every negation ends in a CJK character.
std::uint32_t last_character_code(std::string_view s) {
  if (s.size() < 3) return 0;
  const auto* end = reinterpret_cast<const unsigned char*>(s.data() + s.size());
  return static_cast<std::uint32_t>(end[-3]) << 16 | static_cast<std::uint32_t>(end[-2]) << 8 | end[-1];
}

// Whether the 牵 (牽) at byte `at` opens 牵头 after a negation and is followed within a few
// characters by 为牵头 or 即牵头: 无牵头单位的，责任单位即为牵头单位.
bool states_unlabelled_units_lead_at(std::string_view text, std::size_t at, const Folder& folder) {
  const std::string_view before = text.substr(0, at);
  // Every 牵头 of every annotation comes here: most are turned away by the character before it.
  static const std::array<std::uint32_t, std::size(kNegations)> kLastCharacters = [] {
    std::array<std::uint32_t, std::size(kNegations)> codes{};
    for (std::size_t k = 0; k < codes.size(); ++k) codes[k] = last_character_code(kNegations[k]);
    return codes;
  }();
  if (std::find(kLastCharacters.begin(), kLastCharacters.end(), last_character_code(before)) == kLastCharacters.end())
    return false;
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
    } else if (!found.first_listed_lead && may_open_first_listed_phrase(text, at, folder) &&
               states_first_listed_lead_near(text, static_cast<std::uint32_t>(at), folder)) {
      found.first_listed_lead = static_cast<std::uint32_t>(at);
    }
    if (found.first_listed_lead && found.unlabelled_units_lead) break;
  }
  return found;
}

}  // namespace agencygraph::detail
