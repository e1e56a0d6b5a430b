#include "zero_width.hpp"

#include <cstring>

namespace agencygraph::detail {
namespace {

// Whether the three bytes at s encode one of them: E2 80 8B-8D, E2 81 A0.
bool zero_width_at(const unsigned char* s) {
  return (s[1] == 0x80 && s[2] >= 0x8B && s[2] <= 0x8D) || (s[1] == 0x81 && s[2] == 0xA0);
}

}  // namespace

void drop_zero_width_characters(std::string& utf8) {
  auto* s = reinterpret_cast<unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  // Nearly every text has none: find the first before writing anything.
  std::size_t at = 0;
  for (;; ++at) {
    const void* e2 = n - at >= 3 ? std::memchr(s + at, 0xE2, n - at - 2) : nullptr;
    if (!e2) return;
    at = static_cast<std::size_t>(static_cast<const unsigned char*>(e2) - s);
    if (zero_width_at(s + at)) break;
  }
  std::size_t kept = at;
  for (std::size_t i = at; i < n;) {
    if (i + 2 < n && s[i] == 0xE2 && zero_width_at(s + i)) {
      i += 3;
      continue;
    }
    s[kept++] = s[i++];
  }
  utf8.resize(kept);
}

}  // namespace agencygraph::detail
