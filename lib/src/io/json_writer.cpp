#include "io/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>

namespace agencygraph::io::detail {
namespace {

// A streamed document goes out in pieces of about this size.
constexpr std::size_t kFlushBytes = std::size_t{1} << 16;

// The well-formed start of the UTF-8 sequence at p[0] (of `left` bytes): `length` bytes, the whole
// sequence when `complete`. Otherwise nlohmann's decoder rejects the byte after those `length` (or,
// when length is 1, p[0] itself, a byte no sequence starts with): they become one U+FFFD, and decoding
// resumes at the byte that broke the sequence off.
struct Utf8Sequence {
  std::size_t length;
  bool complete;
};

Utf8Sequence utf8_sequence(const unsigned char* p, std::size_t left) {
  const unsigned char lead = p[0];
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the second byte's range: no overlongs, surrogates, > U+10FFFF
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  else if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  else return {1, false};  // a continuation byte, C0, C1, F5..FF
  if (lead == 0xE0) low = 0xA0;
  else if (lead == 0xED) high = 0x9F;
  else if (lead == 0xF0) low = 0x90;
  else if (lead == 0xF4) high = 0x8F;
  for (std::size_t k = 1; k < length; ++k) {
    if (k == left) return {k, false};  // cut off by the end of the text
    const unsigned char b = p[k];
    if (k == 1 ? b < low || b > high : (b & 0xC0) != 0x80) return {k, false};
  }
  return {length, true};
}

// A lead byte of a three-byte sequence whose second byte may be any continuation byte (E0 and ED
// restrict it, against overlongs and surrogates).
constexpr bool three_byte_unrestricted(unsigned char lead) { return lead >= 0xE1 && lead <= 0xEF && lead != 0xED; }

// Printable ASCII that JSON strings hold as it is.
constexpr bool plain_ascii(unsigned char b) { return b >= 0x20 && b < 0x80 && b != '"' && b != '\\'; }

constexpr std::uint64_t kOnes = 0x0101010101010101, kHighs = 0x8080808080808080;

// Non-zero exactly when some byte of `word` is below n, for n up to 0x80 (Bit Twiddling Hacks, "Determine
// if a word has a byte less than n").
constexpr std::uint64_t has_byte_below(std::uint64_t word, std::uint64_t n) { return (word - kOnes * n) & ~word & kHighs; }

// plain_ascii for the 8 bytes at p at once: ids, keys and link kinds are most of the strings of a large
// export, and checking them byte by byte took a quarter of its formatting time.
bool plain_ascii8(const unsigned char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return ((word & kHighs) | has_byte_below(word, 0x20) | has_byte_below(word ^ (kOnes * '"'), 1) |
          has_byte_below(word ^ (kOnes * '\\'), 1)) == 0;
}

void append_escaped_ascii(std::string& out, unsigned char b) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (b) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\f': out += "\\f"; break;
    case '\r': out += "\\r"; break;
    default:  // the other C0 controls, in nlohmann's lower-case hex
      out += "\\u00";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
  }
}

}  // namespace

// Runs of bytes that stay as they are (names are mostly CJK) are copied with one append each.
void append_json_string(std::string& out, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  while (i < size) {
    if (plain_ascii(p[i])) {
      i += i + 8 <= size && plain_ascii8(p + i) ? 8 : 1;
      continue;
    }
    if (p[i] < 0x80) {
      out.append(text.data() + run, i - run);
      append_escaped_ascii(out, p[i]);
      run = ++i;
      continue;
    }
    // Most of a Chinese text: a three-byte sequence whose lead byte (E1..EC, EE, EF) allows any
    // continuation byte, so two continuation bytes make it well-formed.
    if (i + 3 <= size && three_byte_unrestricted(p[i]) && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence(p + i, size - i);
    if (!sequence.complete) {
      out.append(text.data() + run, i - run);
      out += "\xEF\xBF\xBD";
      run = i + sequence.length;
    }
    i += sequence.length;
  }
  out.append(text.data() + run, size - run);
  out += '"';
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // Whole numbers (weights, degrees, strengths) below 1e15 come out of Grisu2 as their digits, which
  // nlohmann follows with ".0"; from 1e15 on it writes an exponent. -0 is left to nlohmann ("-0.0").
  if (std::abs(value) < 1e15 && value == std::trunc(value) && !(value == 0 && std::signbit(value))) {
    append_json_number(out, static_cast<std::int64_t>(value));
    out += ".0";
    return;
  }
  char buffer[64];  // the size of nlohmann's own number buffer
  out.append(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value));
}

void append_json_number(std::string& out, std::uint64_t value) {
  char buffer[24];
  out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

void append_json_number(std::string& out, std::int64_t value) {
  char buffer[24];
  out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

void JsonText::key(std::string_view key) {
  separate();
  append_json_string(text_, key);
  text_ += ": ";
  after_key_ = true;
}

// Before an object's member or an array's element: the separator, a new line and the indent.
void JsonText::separate() {
  if (has_members_.empty()) return;  // the document itself
  const std::size_t skip = has_members_.back() ? 0 : 1;  // the comma
  text_.append(line_break_, skip);
  has_members_.back() = true;
  if (stream_ != nullptr && text_.size() >= kFlushBytes) flush();
}

void JsonText::start_value() {
  if (after_key_) after_key_ = false;  // key() placed it
  else separate();
}

void JsonText::open(char bracket) {
  start_value();
  text_ += bracket;
  has_members_.push_back(false);
  line_break_ += ' ';
}

// An empty container closes right after it opens ("[]"); others on a line of their own, indented.
void JsonText::close(char bracket) {
  const bool had_members = has_members_.back();
  has_members_.pop_back();
  line_break_.pop_back();
  if (had_members) text_.append(line_break_, 1);  // without the comma
  text_ += bracket;
}

void JsonText::flush() {
  if (stream_ == nullptr) return;
  stream_->write(text_.data(), static_cast<std::streamsize>(text_.size()));
  text_.clear();
}

JsonTree::json& JsonTree::place(json value) {
  if (open_.empty()) return root_ = std::move(value);
  json& parent = *open_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(value));
    return parent.back();
  }
  return parent[key_] = std::move(value);
}

}  // namespace agencygraph::io::detail
