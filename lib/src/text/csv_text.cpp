#include "text/csv_text.hpp"

#include <utility>

namespace agencygraph::detail {
namespace {

// Collects output lines and the input line each began on.
class LineCollector {
 public:
  void add(std::string_view line, std::uint32_t from_line) {
    if (!out_.lines.empty()) out_.text += '\n';
    out_.text.append(line);
    out_.lines.push_back(from_line);
  }
  // Adds text[begin, end) line by line, its first line being input line `line`.
  void add_lines(std::string_view text, std::size_t begin, std::size_t end, std::uint32_t line) {
    for (std::size_t start = begin;; ++line) {
      std::size_t stop = text.find('\n', start);
      if (stop == std::string_view::npos || stop > end) stop = end;
      add(text.substr(start, stop - start), line);
      if (stop >= end) return;
      start = stop + 1;
    }
  }
  CsvText take() {
    if (out_.lines.empty()) out_.lines.push_back(1);
    return std::move(out_);
  }

 private:
  CsvText out_;
};

struct Record {
  std::string line;    // the record as TSV
  std::size_t fields = 0;
  std::size_t end = 0;   // just after the record's line break (or the text's end)
  std::uint32_t breaks = 0;  // line breaks inside the record, its own included
};

// Reads one record at `at`: fields separated by commas, a field in quotes read to its closing
// quote with "" as a quote; a line break outside quotes ends the record.
Record read_record(std::string_view text, std::size_t at) {
  Record record;
  record.fields = 1;
  std::size_t i = at;
  bool quoted = false;
  bool field_start = true;
  while (i < text.size()) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          record.line += '"';
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        continue;
      }
      if (c == '\n') ++record.breaks;
      if (c == '\n' || c == '\t') record.line += ' ';
      else if (c != '\r') record.line += c;
      ++i;
      continue;
    }
    if (c == '\n') {
      ++record.breaks;
      ++i;
      break;
    }
    if (c == '\r' && (i + 1 >= text.size() || text[i + 1] == '\n')) {
      ++i;
      continue;
    }
    if (c == ',') {
      record.line += '\t';
      ++record.fields;
      field_start = true;
      ++i;
      continue;
    }
    if (c == '"' && field_start) {
      quoted = true;
      field_start = false;
      ++i;
      continue;
    }
    if (c != ' ') field_start = false;
    record.line += c == '\t' ? ' ' : c;
    ++i;
  }
  record.end = i;
  return record;
}

}  // namespace

bool has_csv_quoting(std::string_view text, std::size_t from) {
  return text.find('"', from) != std::string_view::npos;
}

CsvText csv_to_tsv(std::string_view text, std::size_t from) {
  LineCollector out;
  std::uint32_t line = 1;
  if (from > 0) {  // the text before the header, whose last line ends with the '\n' before `from`
    out.add_lines(text, 0, from - 1, 1);
    for (std::size_t i = 0; i < from; ++i) line += text[i] == '\n';
  }
  std::size_t at = from;
  while (at < text.size()) {
    const Record record = read_record(text, at);
    if (record.fields < 2 && !record.line.empty()) break;  // prose after the table
    out.add(record.line, line);
    line += record.breaks;
    at = record.end;
  }
  if (at < text.size()) out.add_lines(text, at, text.size(), line);
  return out.take();
}

}  // namespace agencygraph::detail
