#include "io/visible_text.hpp"

#include <cstdio>

namespace agencygraph::io {
namespace {

// The code point of the well-formed UTF-8 sequence at `i` and its length, or length 0 when the
// bytes there are not one (a stray or overlong byte, a surrogate, beyond U+10FFFF).
struct Decoded {
  char32_t c = 0;
  std::size_t length = 0;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) { length = 2; c = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { length = 3; c = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { length = 4; c = b0 & 0x07; }
  else return {};
  if (i + length > s.size()) return {};
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {};
    c = (c << 6) | (b & 0x3F);
  }
  const bool overlong = (length == 2 && c < 0x80) || (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
  if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return {};
  return {c, length};
}

bool hidden(char32_t c, bool keep_newlines) {
  if (c == '\t' || (keep_newlines && c == '\n')) return false;
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || is_bidi_control(c);
}

}  // namespace

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool needs_visible_text(std::string_view text, bool keep_newlines) {
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) { ++i; continue; }
    const Decoded d = decode(text, i);
    if (d.length == 0 || hidden(d.c, keep_newlines)) return true;
    i += d.length;
  }
  return false;
}

std::string visible_text(std::string_view text, bool keep_newlines) {
  if (!needs_visible_text(text, keep_newlines)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  char escape[16];
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (d.length == 0) {
      std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
      out += escape;
      ++i;
    } else if (hidden(d.c, keep_newlines)) {
      if (d.c < 0x100) std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(d.c));
      else std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(d.c));
      out += escape;
      i += d.length;
    } else {
      out.append(text, i, d.length);
      i += d.length;
    }
  }
  return out;
}

}  // namespace agencygraph::io
