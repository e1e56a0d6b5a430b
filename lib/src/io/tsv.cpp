#include "agencygraph/io/tsv.hpp"

#include "agencygraph/io/formula_guard.hpp"

namespace agencygraph::io {

namespace {

// The length of a character that becomes a space at value[i], or 0: ASCII controls and DEL, and
// U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8/A9). UTF-8 never holds these byte sequences inside
// another character, so matching them as bytes is exact.
std::size_t breaking_character(std::string_view value, std::size_t i) {
  const auto c = static_cast<unsigned char>(value[i]);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x85) return 2;
  if (c == 0xE2 && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) == 0x80) {
    const auto third = static_cast<unsigned char>(value[i + 2]);
    if (third == 0xA8 || third == 0xA9) return 3;
  }
  return 0;
}

std::string one_line(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size();) {
    if (const std::size_t n = breaking_character(value, i)) {
      out += ' ';
      i += n;
    } else {
      out += value[i++];
    }
  }
  return out;
}

}  // namespace

void append_tsv_field(std::string& out, std::string_view value) {
  const std::string line = formula_guarded(one_line(value));
  if (!line.starts_with('"')) {
    out += line;
    return;
  }
  out += '"';
  for (const char c : line) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string tsv_field(std::string_view value) {
  std::string out;
  append_tsv_field(out, value);
  return out;
}

void append_tsv_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += '\t';
    append_tsv_field(out, fields[i]);
  }
  out += '\n';
}

std::vector<TsvRecord> read_tsv(std::string_view text) {
  std::vector<TsvRecord> records;
  std::size_t i = 0;
  std::size_t line = 1;
  while (i < text.size()) {
    TsvRecord record;
    record.line = line;
    bool row_ended = false;
    while (!row_ended) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        ++i;
        while (i < text.size()) {
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
      }
      while (i < text.size() && text[i] != '\t' && text[i] != '\n') field += text[i++];
      if (field.ends_with('\r') && (i == text.size() || text[i] == '\n')) field.pop_back();
      record.fields.emplace_back(without_formula_guard(field));
      if (i < text.size() && text[i] == '\t') {
        ++i;
      } else {
        row_ended = true;
        if (i < text.size()) ++i;  // the LF
        ++line;
      }
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace agencygraph::io
