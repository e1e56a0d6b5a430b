#include "io/report_json.hpp"

#include <cmath>
#include <cstdio>

#include "io/json_writer.hpp"

namespace agencygraph::io::detail {

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
