#include "io/report_json.hpp"

#include <cmath>
#include <cstdio>

#include "io/visible_text.hpp"
#include "io/json_writer.hpp"

namespace agencygraph::io::detail {
namespace {

// The length of the UTF-8 bidirectional control at `i` (U+061C, U+200E/F, U+202A..E, U+2066..9), or 0.
std::size_t bidi_control_length(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (at(0) == 0xD8 && i + 1 < s.size() && at(1) == 0x9C) return 2;
  if (at(0) != 0xE2 || i + 2 >= s.size()) return 0;
  if (at(1) == 0x80 && (at(2) == 0x8E || at(2) == 0x8F || (at(2) >= 0xAA && at(2) <= 0xAE))) return 3;
  if (at(1) == 0x81 && at(2) >= 0xA6 && at(2) <= 0xA9) return 3;
  return 0;
}

}  // namespace

void append_html_json_string(std::string& out, std::string_view text) {
  thread_local std::string json;  // reused: a report writes hundreds of thousands of strings
  json.clear();
  append_json_string(json, text);
  // What append_json_string wrote is valid JSON; only what HTML reads differently is rewritten.
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (const std::size_t length = bidi_control_length(json, i); length > 0) {
      // A person reads the report: a bidirectional control shows as the text \u202E (an escaped
      // backslash in JSON), never reorders what is read (visible_text.hpp).
      const std::string visible = visible_text(std::string_view(json).substr(i, length));
      out += '\\';
      out += visible;
      i += length - 1;
    } else {
      out += c;
    }
  }
}

void append_html_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value == 0 ? 0.0 : value);  // never "-0"
  out += buffer;
}

}  // namespace agencygraph::io::detail
