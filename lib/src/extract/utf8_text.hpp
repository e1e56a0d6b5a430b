// Working on the decoded UTF-8 text directly, so that only the few regions the grammar needs
// (task numbers, annotations, titles, table headers) are folded to UTF-32.
//
// Invariant relied on throughout: Source::text is valid UTF-8 (decode() rejects anything else).
// In valid UTF-8 a byte below 0x80 is always a whole ASCII character, no multi-byte sequence
// contains one, and a byte that is not 10xxxxxx starts a character. So scanners may look for
// ASCII bytes, or for the exact bytes of a multi-byte character, without decoding what lies
// between. Invalid input (a misuse of the API) stays memory-safe: every access is bounds-checked,
// it may only be read differently.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/fold.hpp"
#include "u32.hpp"

namespace agencygraph::detail {

// A half-open range of byte offsets into the decoded text.
struct ByteRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return end <= begin; }
  std::uint32_t size() const { return end > begin ? end - begin : 0; }
  bool operator==(const ByteRange&) const = default;
};

inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The start of the character that ends just before byte `end` (not before `floor`).
inline std::uint32_t previous_char_start(std::string_view text, std::uint32_t end, std::uint32_t floor) {
  std::uint32_t i = end - 1;
  while (i > floor && is_continuation_byte(text[i])) --i;
  return i;
}

// Trims characters that fold to a space (or to one of `extra`) from both ends of r, as
// detail::trim does on folded text.
inline ByteRange trim_bytes(const Folder& folder, std::string_view text, ByteRange r, std::u32string_view extra = U"") {
  auto drop = [&](char32_t c) { return is_space(c) || extra.find(c) != std::u32string_view::npos; };
  while (r.begin < r.end) {
    std::uint32_t next = r.begin;
    if (!drop(folder.next(text, next, r.end))) break;
    r.begin = next;
  }
  while (r.end > r.begin) {
    const std::uint32_t start = previous_char_start(text, r.end, r.begin);
    std::uint32_t next = start;
    if (!drop(folder.next(text, next, r.end))) break;
    r.end = start;
  }
  return r;
}

// The byte offset of the next occurrence of `word` (UTF-8 ending in a multi-byte character) at
// or after `from`, or npos. memchr looks for the word's last byte, a continuation byte, much
// rarer than a lead byte; a match of all its bytes is the word itself (see above).
inline std::size_t find_utf8(std::string_view text, std::size_t from, std::string_view word) {
  const std::size_t last = word.size() - 1;
  for (std::size_t i = from + last; i < text.size();) {
    const void* hit = std::memchr(text.data() + i, word[last], text.size() - i);
    if (!hit) break;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    if (text.compare(at - last, word.size(), word) == 0) return at - last;
    i = at + 1;
  }
  return std::string_view::npos;
}

// A few three-byte characters (ideographs, CJK punctuation) to look for at once.
class CharSet {
 public:
  static constexpr std::size_t kMax = 4;

  // Adds one UTF-8 character of three bytes (at most kMax different ones).
  void add(std::string_view c) {
    assert(c.size() == 3);
    const Char bytes = {static_cast<unsigned char>(c[0]), static_cast<unsigned char>(c[1]),
                        static_cast<unsigned char>(c[2])};
    if (std::find(chars_.begin(), chars_.begin() + static_cast<std::ptrdiff_t>(count_), bytes) !=
        chars_.begin() + static_cast<std::ptrdiff_t>(count_))
      return;
    assert(count_ < kMax);
    chars_[count_++] = bytes;
  }

  // The offset of the first of the characters in text[from, end), or end.
  std::size_t find(std::string_view text, std::size_t from, std::size_t end) const;

 private:
  using Char = std::array<unsigned char, 3>;
  bool matches_at(const unsigned char* s) const;

  std::array<Char, kMax> chars_{};
  std::size_t count_ = 0;
};

// Words to look for in the text, compared as bytes. Each ends in a three-byte character, and
// they end in at most CharSet::kMax different ones.
class WordSet {
 public:
  explicit WordSet(std::initializer_list<std::string_view> words);
  bool found_in(std::string_view text, ByteRange r) const;

 private:
  std::vector<std::string_view> words_;
  CharSet last_chars_;
};

// The index of the folded character at byte `offset` of the original (or of the end sentinel).
inline std::uint32_t index_of(const FoldedText& folded, std::uint32_t offset) {
  return static_cast<std::uint32_t>(std::lower_bound(folded.offsets.begin(), folded.offsets.end(), offset) -
                                    folded.offsets.begin());
}

// The original bytes a folded range came from.
inline ByteRange bytes_of(const FoldedText& folded, Range r) { return {folded.offsets[r.begin], folded.offsets[r.end]}; }

}  // namespace agencygraph::detail
