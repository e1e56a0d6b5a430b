// JSON made without a tree: the text of dump_json (nlohmann's dump with an indent of one space, UTF-8
// kept, invalid UTF-8 replaced) written directly, for exports whose tree would take gigabytes and most
// of the export's time. Writers describe a document once, as calls on an "Out" that is either a JsonText
// (the text) or a JsonTree (the nlohmann tree, for public functions such as network_to_json): the same
// calls make both, so the two cannot drift apart, and tests compare dump_json(tree) with the text.
//
// An Out has begin_object(), end_object(), begin_array(), end_array(), key(k), value(v) and
// elements(count, element[, chunk]): an array of `count` elements made by element(out, i), which a
// JsonText streaming to a file formats on several threads, `chunk` consecutive elements at a time
// (element(out, i) may then only read shared state).
// value() takes strings, bool, integers, doubles and nullptr.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/ordered_chunks.hpp"

namespace agencygraph::io::detail {

// `text` as a JSON string, quoted: ", \ and control characters escaped, valid UTF-8 copied, each
// maximal invalid subpart replaced by U+FFFD (as nlohmann's error_handler_t::replace does).
void append_json_string(std::string& out, std::string_view text);
// nlohmann's number formats: integers in decimal; doubles in nlohmann's own shortest round-trip form
// (Grisu2, not always std::to_chars' digits), "1.0" for whole numbers, exponents as "1e+21", and
// null for NaN and infinities.
void append_json_number(std::string& out, double value);
void append_json_number(std::string& out, std::uint64_t value);
void append_json_number(std::string& out, std::int64_t value);

class JsonText {
 public:
  // A document kept in text().
  JsonText() = default;
  // A document written to `stream` as it is made, until finish(); elements() formats its elements on
  // `threads` threads (0: the hardware's concurrency).
  JsonText(std::ostream& stream, unsigned threads) : stream_(&stream), threads_(threads) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view key);

  template <typename T>
  void value(const T& value) {
    start_value();
    if constexpr (std::is_same_v<T, bool>) text_ += value ? "true" : "false";
    else if constexpr (std::is_same_v<T, std::nullptr_t>) text_ += "null";
    else if constexpr (std::is_floating_point_v<T>) append_json_number(text_, static_cast<double>(value));
    else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) append_json_number(text_, std::int64_t{value});
    else if constexpr (std::is_integral_v<T>) append_json_number(text_, std::uint64_t{value});
    else append_json_string(text_, std::string_view(value));
  }

  template <typename Element>
  void elements(std::size_t count, Element element, std::size_t chunk = kChunkRows);

  // Ends the document with dump_json's newline, and writes what is left to the stream.
  void finish() {
    text_ += '\n';
    flush();
  }
  // Writes what is made so far to the stream (for documents that end without the newline).
  void flush();
  // The document, when it is not streamed.
  const std::string& text() const { return text_; }

 private:
  // Elements of an array `depth` levels down, from its first when `first`: one chunk of elements().
  JsonText(std::size_t depth, bool first) : has_members_(depth, true), line_break_(",\n" + std::string(depth, ' ')) {
    has_members_.back() = !first;
  }

  void separate();
  void start_value();
  void open(char bracket);
  void close(char bracket);

  std::string text_;
  std::ostream* stream_ = nullptr;
  unsigned threads_ = 0;
  std::vector<bool> has_members_;  // one per open container
  std::string line_break_ = ",\n";  // what comes before a member: a comma, a new line, the indent
  bool after_key_ = false;         // the next value is a member's, placed by key()
};

template <typename Element>
void JsonText::elements(std::size_t count, Element element, std::size_t chunk) {
  begin_array();
  if (stream_ == nullptr) {
    for (std::size_t i = 0; i < count; ++i) element(*this, i);
  } else if (count != 0) {
    flush();  // the text before the array goes out first
    write_in_order(*stream_, count, threads_, [&](std::size_t begin, std::size_t end, std::string& text) {
      JsonText part(has_members_.size(), begin == 0);
      part.text_.swap(text);  // the worker's buffer, reused chunk after chunk
      for (std::size_t i = begin; i < end; ++i) element(part, i);
      text.swap(part.text_);
    }, chunk);
    has_members_.back() = true;
  }
  end_array();
}

// The same calls building an nlohmann tree.
class JsonTree {
 public:
  using json = nlohmann::ordered_json;

  void begin_object() { open(json::object()); }
  void end_object() { open_.pop_back(); }
  void begin_array() { open(json::array()); }
  void end_array() { open_.pop_back(); }
  void key(std::string_view key) { key_ = key; }
  template <typename T>
  void value(const T& value) {
    place(json(value));
  }
  template <typename Element>
  void elements(std::size_t count, Element element, std::size_t /*chunk*/ = kChunkRows) {
    begin_array();
    for (std::size_t i = 0; i < count; ++i) element(*this, i);
    end_array();
  }

  json& root() { return root_; }

 private:
  json& place(json value);
  void open(json empty) { open_.push_back(&place(std::move(empty))); }

  json root_;
  std::vector<json*> open_;  // innermost last; only the innermost grows, so the pointers stay valid
  std::string key_;
};

}  // namespace agencygraph::io::detail
