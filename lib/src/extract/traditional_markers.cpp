#include "traditional_markers.hpp"

#include <cstddef>

#include "agencygraph/fold.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace agencygraph::detail {
namespace {

// The markers are ideographs encoded in three bytes: lead E5, E7 or E8, then a second byte 96, 89,
// B2, 81, 8D or 8F. A marker's bytes found anywhere are that character (utf8_text.hpp).
bool may_lead_marker(unsigned char b) { return b == 0xE5 || b == 0xE7 || b == 0xE8; }

bool is_marker_at(const unsigned char* s) {
  if ((s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return false;
  return Folder::is_traditional_marker(static_cast<char32_t>(((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)));
}

bool has_markers_from(const unsigned char* s, std::size_t i, std::size_t n) {
  for (; i + 2 < n; ++i)
    if (may_lead_marker(s[i]) && is_marker_at(s + i)) return true;
  return false;
}

}  // namespace

// Every document is searched, nearly always in vain, so the search tests 16 positions at a time
// for a marker's lead byte and second byte; about one position in a hundred passes and is
// checked in full.
bool has_traditional_markers(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
#if defined(__SSE2__)
  auto equal = [](__m128i v, unsigned char b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  const std::size_t last = n >= 18 ? n - 17 : 0;
  for (; i < last; i += 16) {  // i + 18 <= n, tested as one bound
    const __m128i lead = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i + 1));
    // E5 and E7 are the bytes that OR 02 makes E7; 81, 89, 8D and 8F are among those that OR 0E makes
    // 8F (with 83, 85, 87 and 8B, which the full check drops).
    const __m128i leads = _mm_or_si128(equal(_mm_or_si128(lead, _mm_set1_epi8(0x02)), 0xE7), equal(lead, 0xE8));
    const __m128i seconds = _mm_or_si128(equal(_mm_or_si128(second, _mm_set1_epi8(0x0E)), 0x8F),
                                         _mm_or_si128(equal(second, 0x96), equal(second, 0xB2)));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(leads, seconds))); mask != 0;
         mask &= mask - 1)
      if (is_marker_at(s + i + static_cast<unsigned>(__builtin_ctz(mask)))) return true;
  }
#endif
  return has_markers_from(s, i, n);
}

}  // namespace agencygraph::detail
