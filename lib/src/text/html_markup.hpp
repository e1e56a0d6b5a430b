// Byte-level helpers for reading HTML, shared by the tree builder (html_tree.cpp) and the text
// writer (html_text.cpp). Tags and entities are ASCII, and in valid UTF-8 no byte of a multi-byte
// character is below 0x80, so markup is found byte by byte without cutting a character.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace agencygraph::detail::html {

constexpr std::size_t npos = std::string_view::npos;

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether s holds `word` (lower-case ASCII) at `at`, in any case.
inline bool has_word_at(std::string_view s, std::size_t at, std::string_view word) {
  if (at > s.size() || s.size() - at < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (lower(s[at + k]) != word[k]) return false;
  return true;
}

inline bool equals_ci(std::string_view s, std::string_view word) { return s.size() == word.size() && has_word_at(s, 0, word); }

// Whether s[at] starts the tag `open` ("<table"): the name is followed by a space, '>' or '/'.
inline bool tag_at(std::string_view s, std::size_t at, std::string_view open) {
  if (!has_word_at(s, at, open)) return false;
  const std::size_t end = at + open.size();
  return end == s.size() || is_space(s[end]) || s[end] == '>' || s[end] == '/';
}

inline bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace agencygraph::detail::html
