#include "utf8_text.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace agencygraph::detail {

bool CharSet::matches_at(const unsigned char* s) const {
  for (std::size_t k = 0; k < count_; ++k)
    if (s[0] == chars_[k][0] && s[1] == chars_[k][1] && s[2] == chars_[k][2]) return true;
  return false;
}

// Tests 16 positions at a time for the characters' last two bytes (two continuation bytes: a
// pair is far rarer than either byte), then the lead byte of each candidate.
std::size_t CharSet::find(std::string_view text, std::size_t from, std::size_t end) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = from;  // the candidate character starts at i
#if defined(__SSE2__)
  if (count_ > 0 && end >= 3 && text.size() >= 18) {
    // Unused slots repeat the first character.
    auto byte = [&](std::size_t k, std::size_t b) { return _mm_set1_epi8(static_cast<char>(chars_[k < count_ ? k : 0][b])); };
    const __m128i second0 = byte(0, 1), second1 = byte(1, 1), second2 = byte(2, 1), second3 = byte(3, 1);
    const __m128i third0 = byte(0, 2), third1 = byte(1, 2), third2 = byte(2, 2), third3 = byte(3, 2);
    auto pair = [](__m128i at1, __m128i at2, __m128i second, __m128i third) {
      return _mm_and_si128(_mm_cmpeq_epi8(at1, second), _mm_cmpeq_epi8(at2, third));
    };
    // Reads may go past `end` (not past the text); candidates that would not fit before `end`
    // are dropped, so that the scalar loop below only finishes the text's last bytes.
    const std::size_t last = std::min(end - 2, text.size() - 17);
    for (; i < last; i += 16) {  // i + 3 <= end and i + 18 <= text.size(), tested as one bound
      const __m128i at1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 1));
      const __m128i at2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 2));
      const __m128i hits = _mm_or_si128(_mm_or_si128(pair(at1, at2, second0, third0), pair(at1, at2, second1, third1)),
                                        _mm_or_si128(pair(at1, at2, second2, third2), pair(at1, at2, second3, third3)));
      for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0; mask &= mask - 1) {
        const std::size_t at = i + static_cast<unsigned>(__builtin_ctz(mask));
        if (at + 3 > end) return end;
        if (matches_at(s + at)) return at;
      }
    }
  }
#endif
  for (; i + 3 <= end; ++i)
    if (matches_at(s + i)) return i;
  return end;
}

WordSet::WordSet(std::initializer_list<std::string_view> words) : words_(words) {
  for (std::string_view word : words_) last_chars_.add(word.substr(word.size() - 3));
}

// Finds the words' last characters, then looks back for the rest of the word.
bool WordSet::found_in(std::string_view text, ByteRange r) const {
  for (std::size_t at = r.begin; (at = last_chars_.find(text, at, r.end)) < r.end; ++at) {
    const std::size_t end = at + 3;
    for (std::string_view word : words_)
      if (end - r.begin >= word.size() && text.compare(end - word.size(), word.size(), word) == 0) return true;
  }
  return false;
}

}  // namespace agencygraph::detail
