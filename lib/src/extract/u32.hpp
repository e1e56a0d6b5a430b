// Small helpers for matching on folded UTF-32 text (see fold.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace agencygraph::detail {

// A half-open range of indices into a FoldedText's chars.
struct Range {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return end <= begin; }
  std::uint32_t size() const { return end > begin ? end - begin : 0; }
};

inline std::u32string_view slice(std::u32string_view s, Range r) { return s.substr(r.begin, r.size()); }

// These run on every character of the text they scan: each rules out ideographs, most of the
// text, with its first comparison.
inline bool is_space(char32_t c) {
  return c <= U' ' ? (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n') : c == 0xFEFF;
}

// Brackets are ASCII or in U+3010..U+3017.
inline bool is_open_bracket(char32_t c) {
  return c <= U'〗' && (c == U'(' || c == U'[' || c == U'【' || c == U'〔' || c == U'〖' || c == U'{');
}
inline bool is_close_bracket(char32_t c) {
  return c <= U'〗' && (c == U')' || c == U']' || c == U'】' || c == U'〕' || c == U'〗' || c == U'}');
}

inline bool starts_with_at(std::u32string_view s, std::size_t at, std::u32string_view word) {
  return at <= s.size() && s.substr(at).starts_with(word);
}

// Trims spaces and the given extra characters (punctuation, never an ideograph) from both ends of r.
inline Range trim(std::u32string_view s, Range r, std::u32string_view extra = U"") {
  // Names and clauses mostly begin and end with an ideograph: kept without searching `extra`.
  auto drop = [&](char32_t c) {
    if (c >= 0x4E00 && c <= 0x9FFF) return false;
    return is_space(c) || extra.find(c) != std::u32string_view::npos;
  };
  while (r.begin < r.end && drop(s[r.begin])) ++r.begin;
  while (r.end > r.begin && drop(s[r.end - 1])) --r.end;
  return r;
}

inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

inline bool is_all_ideographs(std::u32string_view text) {
  for (char32_t c : text)
    if (c < 0x3400 || c > 0x9FFF) return false;
  return true;
}

// `name` without the bracket group it ends in (各县、区人民政府(管委会), 县(市), 牵头工作(8项)); as it is
// when it ends in none.
inline std::u32string_view without_trailing_bracket(std::u32string_view name) {
  if (name.empty() || !is_close_bracket(name.back())) return name;
  const std::size_t open = name.find_last_of(U"(（[【〔〖{");
  return open == std::u32string_view::npos ? name : name.substr(0, open);
}

inline bool is_cjk_digit(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百零〇两").find(c) != std::u32string_view::npos;
}

}  // namespace agencygraph::detail
