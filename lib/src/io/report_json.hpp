// JSON for a <script type="application/json"> element of an HTML page. JSON is valid there as long
// as nothing in it can end the element or change how the HTML parser reads it: "</script" ends the
// element, "<!--" switches the parser into its escaped state, where "<script" changes things again.
// Every "<" and ">" inside strings is therefore written \u003c and \u003e (outside strings JSON has
// none), and U+2028/U+2029 as \u2028 and \u2029 (JSON allows them raw; older script engines did not).
// Invalid UTF-8 becomes U+FFFD, control characters are escaped, as append_json_string does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agencygraph::io::detail {

void append_html_json_string(std::string& out, std::string_view text);

// Doubles with 6 significant digits ("%.6g"): what the page shows and ranks by; null when not finite.
void append_html_json_number(std::string& out, double value);

// A small builder of compact JSON (no whitespace) in one string, with commas placed for the caller.
class HtmlJson {
 public:
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view key) {
    separate();
    append_html_json_string(text_, key);
    text_ += ':';
    after_key_ = true;
  }
  void string(std::string_view value) {
    separate();
    append_html_json_string(text_, value);
  }
  void number(double value) {
    separate();
    append_html_json_number(text_, value);
  }
  void integer(std::int64_t value) {
    separate();
    text_ += std::to_string(value);
  }
  void boolean(bool value) {
    separate();
    text_ += value ? "true" : "false";
  }
  void null() {
    separate();
    text_ += "null";
  }
  void optional_string(const std::optional<std::string>& value) { value ? string(*value) : null(); }
  void optional_integer(const std::optional<int>& value) { value ? integer(*value) : null(); }

  std::string& text() { return text_; }

 private:
  void separate() {
    if (after_key_) after_key_ = false;
    else if (need_comma_) text_ += ',';
    need_comma_ = true;
  }
  void open(char bracket) {
    separate();
    text_ += bracket;
    need_comma_ = false;
  }
  void close(char bracket) {
    text_ += bracket;
    need_comma_ = true;
  }

  std::string text_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace agencygraph::io::detail
