#include "formats/lines_builder.hpp"

#include <unicode/utf8.h>

#include <utility>

#include "agencygraph/fold.hpp"

namespace agencygraph::detail {

std::string clean_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(raw.data());
  const auto length = static_cast<std::int32_t>(raw.size());
  bool after_cr = false;  // CR LF is one line break
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    const bool lf_after_cr = after_cr && c == '\n';
    after_cr = c == '\r';
    if (lf_after_cr) continue;
    if (c < 0) {
      append_utf8(out, 0xFFFD);
    } else if (c == '\t') {
      out += ' ';
    } else if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
      out += '\n';
    } else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
      continue;  // control characters show as nothing
    } else {
      out.append(raw.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)));
    }
  }
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
