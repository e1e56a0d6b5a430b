#include "agencygraph/io/tsv.hpp"

#include <algorithm>

#include "io/formula_guard.hpp"

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

void for_each_tsv_record(std::string_view text, const std::function<void(const TsvRecord&)>& handle) {
  TsvRecord record;
  std::size_t i = 0;
  std::size_t line = 1;
  while (i < text.size()) {
    record.line = line;
    std::size_t count = 0;  // fields of this record so far; record.fields keeps its strings' memory
    for (bool row_ended = false; !row_ended;) {
      if (record.fields.size() <= count) record.fields.emplace_back();
      std::string& field = record.fields[count++];
      field.clear();
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
      const std::size_t end = std::min(text.find_first_of("\t\n", i), text.size());
      field.append(text.substr(i, end - i));
      i = end;
      if (field.ends_with('\r') && (i == text.size() || text[i] == '\n')) field.pop_back();
      const std::string_view unguarded = without_formula_guard(field);
      if (unguarded.size() != field.size()) field.erase(0, field.size() - unguarded.size());
      if (i < text.size() && text[i] == '\t') {
        ++i;
      } else {
        row_ended = true;
        if (i < text.size()) ++i;  // the LF
        ++line;
      }
    }
    record.fields.resize(count);
    const bool blank = count == 1 && record.fields[0].empty();
    if (!blank) handle(record);
  }
}

std::vector<TsvRecord> read_tsv(std::string_view text) {
  std::vector<TsvRecord> records;
  for_each_tsv_record(text, [&](const TsvRecord& record) { records.push_back(record); });
  return records;
}

}  // namespace agencygraph::io
