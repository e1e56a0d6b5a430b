// The escaping functions against the per-code-point implementation they replaced (kept below as the
// oracle, unchanged): the fast path that copies runs of untouched characters must give the same
// bytes for every input, including malformed UTF-8, controls, surrogates and U+FFFE/U+FFFF.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "agencygraph/fold.hpp"  // append_utf8
#include "io/escape.hpp"

namespace {
namespace oracle {

constexpr char32_t kReplacement = 0xFFFD;

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  int length = 0;
  char32_t c = 0;
  if ((b0 & 0xE0) == 0xC0) { length = 2; c = b0 & 0x1F; }
  else if ((b0 & 0xF0) == 0xE0) { length = 3; c = b0 & 0x0F; }
  else if ((b0 & 0xF8) == 0xF0) { length = 4; c = b0 & 0x07; }
  else { ++i; return kReplacement; }
  if (i + static_cast<std::size_t>(length) > s.size()) { ++i; return kReplacement; }
  for (int k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) { ++i; return kReplacement; }
    c = (c << 6) | (b & 0x3F);
  }
  const bool overlong = (length == 2 && c < 0x80) || (length == 3 && c < 0x800) || (length == 4 && c < 0x10000);
  if (overlong || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) { ++i; return kReplacement; }
  i += static_cast<std::size_t>(length);
  return c;
}

bool is_plain_ascii(unsigned char b) {
  return b >= 0x20 && b < 0x7F && b != '&' && b != '<' && b != '>' && b != '"' && b != '\'' && b != '\\';
}

bool xml_legal_char(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  return c != 0xFFFE && c != 0xFFFF;
}

template <typename Emit>
std::string transform(std::string_view text, Emit emit) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    while (i < text.size() && is_plain_ascii(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) {
      out.append(text.data() + start, i - start);
      continue;
    }
    const char32_t c = next_code_point(text, i);
    if (c >= 0xA0 && c != 0xFFFE && c != 0xFFFF && (c != kReplacement || i - start == 3)) {
      out.append(text.data() + start, i - start);
      continue;
    }
    if (xml_legal_char(c)) emit(out, c);
  }
  return out;
}

void emit_xml_escaped(std::string& out, char32_t c) {
  switch (c) {
    case U'&': out += "&amp;"; break;
    case U'<': out += "&lt;"; break;
    case U'>': out += "&gt;"; break;
    case U'"': out += "&quot;"; break;
    case U'\'': out += "&apos;"; break;
    case U'\t': out += "&#9;"; break;
    case U'\n': out += "&#10;"; break;
    case U'\r': out += "&#13;"; break;
    default: agencygraph::append_utf8(out, c);
  }
}

bool line_breaking(char32_t c) { return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x7F && c <= 0x9F); }

std::string xml_legal(std::string_view text) {
  return transform(text, [](std::string& out, char32_t c) { agencygraph::append_utf8(out, c); });
}

std::string single_line(std::string_view text) {
  return transform(text, [](std::string& out, char32_t c) { agencygraph::append_utf8(out, line_breaking(c) ? U' ' : c); });
}

std::string xml_escape(std::string_view text) { return transform(text, emit_xml_escaped); }

std::string graphviz_string(std::string_view text, bool entities) {
  return transform(text, [entities](std::string& out, char32_t c) {
    if (line_breaking(c)) out += ' ';
    else if (c == U'\\') out += "\\\\";
    else if (c == U'&' && entities) out += "&amp;";
    else agencygraph::append_utf8(out, c);
  });
}

}  // namespace oracle

// Every escaping function on `text`, and on `text` between CJK characters (so that it meets runs of
// copied characters on both sides), must equal the oracle. Returns false at the first difference.
bool same_as_oracle(std::string_view text) {
  namespace io = agencygraph::io;
  const std::string framed = "市" + std::string(text) + "局";
  for (const std::string& s : {std::string(text), framed}) {
    if (io::xml_escape(s) != oracle::xml_escape(s)) return false;
    if (io::xml_legal(s) != oracle::xml_legal(s)) return false;
    if (io::single_line(s) != oracle::single_line(s)) return false;
    if (io::graphviz_string(s) != oracle::graphviz_string(s, false)) return false;
    if (io::graphviz_string(s, true) != oracle::graphviz_string(s, true)) return false;
    std::string appended = "prefix";
    io::append_xml_escaped(appended, s);
    if (appended != "prefix" + oracle::xml_escape(s)) return false;
  }
  return true;
}

// Pieces that random strings are made of: every boundary the decoder distinguishes.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> all = {
      "a", "Z", "0", " ", "&", "<", ">", "\"", "'", "\\", "\t", "\n", "\r", "\x01", "\x1f", "\x7f", std::string(1, '\0'),
      "市", "发改委", "（", "）", "、", "·", "\xC2\xA0", "\xC2\x85", "\xC2\x80", "\xC2\x9F", "\xDF\xBF",
      "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xED\xA0\x80",
      "\xED\xBF\xBF", "\xEE\x80\x80", "\xEF\xBF\xBD", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xEF\xBF", "\xE5\xB8",
      "\xF0\x9F\x98\x80", "\xF0\x8F\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xFF", "\xFE", "\x80", "\xBF", "\xF0\x9F\x98", "𠀀"};
  return all;
}

}  // namespace

TEST_CASE("escaping: every string of up to two bytes matches the per-code-point oracle") {
  std::string s;
  CHECK(same_as_oracle(s));
  int mismatches = 0;
  for (int a = 0; a < 256; ++a) {
    s.assign(1, static_cast<char>(a));
    if (!same_as_oracle(s)) ++mismatches;
    for (int b = 0; b < 256; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      if (!same_as_oracle(s)) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("escaping: every three-byte string with a multi-byte lead matches the oracle") {
  // Leads C0..FF with every second and third byte: all of U+0800..U+FFFF, the surrogates, U+FFFE/
  // U+FFFF, overlong forms and truncated four-byte sequences. Only xml_escape and single_line, the
  // two emitters that differ most, to keep the test fast.
  int mismatches = 0;
  std::string s(3, '\0');
  for (int a = 0xC0; a < 0x100; ++a) {
    for (int b = 0x70; b < 0xD0; ++b) {
      for (int c = 0; c < 256; ++c) {
        s[0] = static_cast<char>(a);
        s[1] = static_cast<char>(b);
        s[2] = static_cast<char>(c);
        if (agencygraph::io::xml_escape(s) != oracle::xml_escape(s)) ++mismatches;
        if (agencygraph::io::single_line(s) != oracle::single_line(s)) ++mismatches;
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("escaping: four-byte sequences around the limits of UTF-8 match the oracle") {
  int mismatches = 0;
  for (int a = 0xF0; a < 0x100; ++a)
    for (int b = 0x70; b < 0xD0; ++b)
      for (const int c : {0x3F, 0x80, 0xBF, 0xC0})
        for (const int d : {0x41, 0x80, 0xBE, 0xBF, 0xC0}) {
          const std::string s{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)};
          if (!same_as_oracle(s)) ++mismatches;
        }
  CHECK(mismatches == 0);
}

TEST_CASE("escaping: random strings of random bytes and of tricky pieces match the oracle") {
  std::mt19937 random(20240521);
  int mismatches = 0;
  std::string s;
  for (int round = 0; round < 20000; ++round) {
    s.clear();
    const int length = static_cast<int>(random() % 40);
    if (round % 2 == 0) {
      for (int k = 0; k < length; ++k) s += static_cast<char>(random() % 256);
    } else {
      for (int k = 0; k < length; ++k) s += pieces()[random() % pieces().size()];
    }
    if (!same_as_oracle(s)) {
      ++mismatches;
      if (mismatches < 5) {
        std::string hex;
        for (const unsigned char ch : s) {
          hex += "0123456789abcdef"[ch >> 4];
          hex += "0123456789abcdef"[ch & 15];
          hex += ' ';
        }
        MESSAGE("differs on bytes: " << hex);
      }
    }
  }
  CHECK(mismatches == 0);
}
