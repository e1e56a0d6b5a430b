#include "run_together_cells.hpp"

#include "annotation.hpp"
#include "names.hpp"

namespace agencygraph::detail {

namespace {

bool separates_words(char32_t c) {
  return is_space(c) || std::u32string_view(U",;。、:").find(c) != std::u32string_view::npos;
}

// Whether the word's brackets pair up: a cell's bracketed note wraps over its lines (各区政府(含北京
// 经济技术 / 开发区管委会)), so a word that closes a bracket it did not open, or opens one it does not
// close, is a piece of such a note.
bool brackets_pair_up(std::u32string_view word) {
  int depth = 0;
  for (char32_t c : word) {
    if (is_open_bracket(c)) ++depth;
    else if (is_close_bracket(c) && --depth < 0) return false;
  }
  return depth == 0;
}


}  // namespace

std::vector<Range> run_together_words(std::u32string_view s, Range list) {
  std::vector<Range> words;
  std::uint32_t start = list.begin;
  for (std::uint32_t i = list.begin; i <= list.end; ++i) {
    if (i < list.end && !separates_words(s[i])) continue;
    if (i > start) words.push_back({start, i});
    start = i + 1;
  }
  return words;
}

RunTogetherWord classify_run_together_word(std::u32string_view word) {
  std::u32string_view bare = word;
  while (!bare.empty() && (is_open_bracket(bare.front()) || is_close_bracket(bare.front()))) bare.remove_prefix(1);
  while (!bare.empty() && (is_open_bracket(bare.back()) || is_close_bracket(bare.back()))) bare.remove_suffix(1);
  if (bare.empty()) return RunTogetherWord::Blank;
  // A deadline column is narrow (年底前, 2021年6月底前, 长期坚持): a longer word holding 完成 or 年底 is
  // task text.
  constexpr std::size_t kLongestDeadline = 10;
  if (bare.size() <= kLongestDeadline && looks_like_deadline(bare)) return RunTogetherWord::Deadline;
  if (!brackets_pair_up(word)) return RunTogetherWord::Other;
  // 含X: what the unit before it includes; 等部门: the others a list leaves unnamed.
  if (word.front() == U'含' || word.front() == U'等') return RunTogetherWord::Other;
  // A bare place (值区, 乡镇, 完善覆盖街道) is a unit only where a list gives it its government; here it
  // is as often the end of a cell's line.
  const std::u32string_view name = without_trailing_bracket(word);
  return ends_like_agency(name) && !is_bare_place(name) ? RunTogetherWord::Unit : RunTogetherWord::Other;
}

}  // namespace agencygraph::detail
