#include "formats/lines_builder.hpp"

#include <unicode/utf8.h>

#include <utility>

#include "agencygraph/fold.hpp"
#include "formats/format_error.hpp"

namespace agencygraph::detail {

namespace {

// The length of the character at b[i] when it needs no cleaning, 0 when it may: printable ASCII,
// and well-formed three-byte sequences (all CJK and full-width forms) but U+2028 and U+2029. Nearly
// all text is such characters, copied in runs.
std::size_t plain_length(const unsigned char* b, std::size_t i, std::size_t n) {
  const unsigned lead = b[i];
  if (lead >= 0x20 && lead < 0x7F) return 1;
  if ((lead & 0xF0) == 0xE0 && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 && (b[i + 2] & 0xC0) == 0x80) {
    const unsigned c = ((lead & 0x0F) << 12) | ((b[i + 1] & 0x3Fu) << 6) | (b[i + 2] & 0x3Fu);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF) && c != 0x2028 && c != 0x2029) return 3;
  }
  return 0;
}

}  // namespace

std::string clean_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  const std::size_t length = raw.size();
  std::size_t run = 0;                           // start of the plain characters not yet copied
  std::size_t after_cr = std::string::npos;      // just past the last CR: CR LF is one line break
  for (std::size_t i = 0; i < length;) {
    if (const std::size_t plain = plain_length(bytes, i, length); plain > 0) {
      i += plain;
      continue;
    }
    out.append(raw.substr(run, i - run));
    const std::size_t begin = i;
    auto at = static_cast<std::int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, at, static_cast<std::int32_t>(length), c);
    i = static_cast<std::size_t>(at);
    run = i;
    if (c == '\n' && begin == after_cr) continue;
    if (c == '\r') after_cr = i;
    if (c < 0) {
      append_utf8(out, 0xFFFD);
    } else if (c == '\t') {
      out += ' ';
    } else if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
      out += '\n';
    } else if (c >= 0x20 && !(c >= 0x7F && c < 0xA0)) {
      out.append(raw.substr(begin, i - begin));  // a character of another length
    }  // else a control character: shows as nothing
  }
  out.append(raw.substr(run, length - run));
  return out;
}

void LinesBuilder::paragraph(std::string_view text, std::string_view place) {
  const std::string clean = clean_text(text);
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = clean.find('\n', begin);
    add_line(std::string_view(clean).substr(begin, end - begin), std::string(place));
    if (end == std::string::npos) break;
    begin = end + 1;
  }
}

void LinesBuilder::table(const TableGrid& grid, const std::function<std::string(const TableLine&)>& place_of) {
  for (const TableLine& line : table_lines(grid, repeat_budget_)) add_line(line.text, place_of(line));
}

void LinesBuilder::add_line(std::string_view text, std::string place) {
  if (places_.size() == max_lines_)
    throw FormatError(place + ": more than " + std::to_string(max_lines_) +
                      " lines of text, far more than a decomposition document holds");
  if (!places_.empty()) text_ += '\n';
  text_ += text;
  places_.push_back(std::move(place));
}

Source LinesBuilder::finish(std::string path, std::string format) && {
  Source source{std::move(path), "UTF-8", std::move(text_)};
  source.format = std::move(format);
  source.places = std::move(places_);
  source.warnings = std::move(warnings_);
  return source;
}

}  // namespace agencygraph::detail
