#include "io/escape.hpp"

#include <array>
#include <cstdint>

#include "agencygraph/fold.hpp"  // append_utf8

namespace agencygraph::io {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes one code point at `i` (advancing it); malformed or overlong sequences and surrogates
// decode as U+FFFD, consuming one byte, so decoding always makes progress.
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

// Printable ASCII that neither XML nor Graphviz escaping touches.
constexpr bool is_plain_ascii(unsigned char b) {
  return b >= 0x20 && b < 0x7F && b != '&' && b != '<' && b != '>' && b != '"' && b != '\'' && b != '\\';
}

constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> table{};
  for (int b = 0; b < 256; ++b) table[static_cast<std::size_t>(b)] = is_plain_ascii(static_cast<unsigned char>(b));
  return table;
}();

bool xml_legal_char(char32_t c) {
  if (c < 0x20) return c == 0x09 || c == 0x0A || c == 0x0D;
  return c != 0xFFFE && c != 0xFFFF;
}

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The length of the character at `i` when no emitter changes it, so that it is copied as its own
// bytes: plain ASCII, or a well-formed sequence for a code point from U+00A0 up other than U+FFFE and
// U+FFFF (the C1 controls U+0080..U+009F are left to the emitters, which may turn them into spaces).
// 0 for everything else: markup, controls, and what next_code_point decodes as U+FFFD (malformed,
// overlong, surrogate, beyond U+10FFFF), which the emitters see one code point at a time.
inline std::size_t verbatim_length(std::string_view s, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const std::size_t left = s.size() - i;
  const unsigned char b0 = p[0];
  if (b0 < 0x80) return kPlainAscii[b0] ? 1 : 0;
  if (b0 < 0xC2) return 0;  // a stray continuation byte, or an overlong two-byte lead
  if (b0 < 0xE0) {          // U+0080..U+07FF
    if (left < 2 || !continuation(p[1])) return 0;
    return b0 == 0xC2 && p[1] < 0xA0 ? 0 : 2;  // C1 controls
  }
  if (b0 < 0xF0) {  // U+0800..U+FFFF: the CJK of most names
    if (left < 3 || !continuation(p[1]) || !continuation(p[2])) return 0;
    if (b0 == 0xE0 && p[1] < 0xA0) return 0;                     // overlong
    if (b0 == 0xED && p[1] >= 0xA0) return 0;                    // surrogate
    if (b0 == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) return 0;    // U+FFFE, U+FFFF
    return 3;
  }
  if (b0 < 0xF5) {  // U+10000..U+10FFFF
    if (left < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return 0;
    if (b0 == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && p[1] >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

// Appends to `out`, applying `emit` to every XML-legal code point of `text`. Runs of characters no
// emitter changes are copied with one append each: names are mostly CJK without markup, and this
// loop runs over every name of networks whose GraphML runs to hundreds of megabytes. The few other
// characters are decoded (malformed bytes as U+FFFD, one byte each) and handed to `emit`.
template <typename Emit>
void transform_into(std::string& out, std::string_view text, Emit emit) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    while (i < text.size()) {
      const std::size_t length = verbatim_length(text, i);
      if (length == 0) break;
      i += length;
    }
    out.append(text.data() + start, i - start);
    if (i == text.size()) break;
    const char32_t c = next_code_point(text, i);
    if (xml_legal_char(c)) emit(out, c);
  }
}

template <typename Emit>
std::string transform(std::string_view text, Emit emit) {
  std::string out;
  out.reserve(text.size());
  transform_into(out, text, emit);
  return out;
}

void emit_xml_escaped(std::string& out, char32_t c) {
  switch (c) {
    case U'&': out += "&amp;"; break;
    case U'<': out += "&lt;"; break;
    case U'>': out += "&gt;"; break;
    case U'"': out += "&quot;"; break;
    case U'\'': out += "&apos;"; break;
    // Kept as references so that attribute-value normalisation does not turn them into spaces.
    case U'\t': out += "&#9;"; break;
    case U'\n': out += "&#10;"; break;
    case U'\r': out += "&#13;"; break;
    default: append_utf8(out, c);
  }
}

bool line_breaking(char32_t c) { return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x7F && c <= 0x9F); }

}  // namespace

std::string xml_legal(std::string_view text) {
  return transform(text, [](std::string& out, char32_t c) { append_utf8(out, c); });
}

std::string single_line(std::string_view text) {
  return transform(text, [](std::string& out, char32_t c) { append_utf8(out, line_breaking(c) ? U' ' : c); });
}

std::string xml_escape(std::string_view text) { return transform(text, emit_xml_escaped); }

void append_xml_escaped(std::string& out, std::string_view text) { transform_into(out, text, emit_xml_escaped); }

std::string graphviz_string(std::string_view text, bool entities) {
  return transform(text, [entities](std::string& out, char32_t c) {
    if (line_breaking(c)) out += ' ';
    else if (c == U'\\') out += "\\\\";
    else if (c == U'&' && entities) out += "&amp;";
    else append_utf8(out, c);
  });
}

std::string dot_quote(std::string_view value) {
  std::string out = "\"";
  std::size_t backslashes = 0;  // length of the run of backslashes just written
  for (const char c : value) {
    if (c == '\\') { ++backslashes; out += c; continue; }
    if (c == '"') {
      // Graphviz's lexer reads "\\" as a pair: an odd run would swallow the quote's escape.
      if (backslashes % 2 == 1) out += '\\';
      out += "\\\"";
    } else {
      out += c;
    }
    backslashes = 0;
  }
  if (backslashes % 2 == 1) out += '\\';  // a lone trailing backslash would escape the closing quote
  out += '"';
  return out;
}

}  // namespace agencygraph::io
