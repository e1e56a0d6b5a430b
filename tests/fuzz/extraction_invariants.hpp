// What must hold for any extraction, whatever the input: spans inside the text, lines inside the
// document, names non-empty, and every line that starts with an arabic task number either a task
// or a skipped paragraph (nothing silently dropped).
#pragma once

#include <algorithm>
#include <set>
#include <string_view>

#include "agencygraph/model.hpp"

namespace agencygraph::test {

// The 1-based numbers of lines that start (after spaces) with "<digits>." or "<digits>、" or
// "(<digits>)" and are not a decimal number ("3.5亿元"). Mirrors the parser's numbering rule on the
// raw bytes, so the two can disagree only where one of them is wrong.
inline std::set<std::uint32_t> numbered_lines(std::string_view text) {
  std::set<std::uint32_t> lines;
  std::uint32_t number = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (line.starts_with("\xE3\x80\x80")) line.remove_prefix(3);  // ideographic space
    bool paren = false;
    if (line.starts_with("(")) { line.remove_prefix(1); paren = true; }
    else if (line.starts_with("\xEF\xBC\x88")) { line.remove_prefix(3); paren = true; }  // （
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits <= 4) {
      const std::string_view rest = line.substr(digits);
      const bool dot = rest.starts_with(".") || rest.starts_with("\xE3\x80\x81") || rest.starts_with("\xEF\xBC\x8E");
      const std::size_t mark = rest.starts_with(".") ? 1 : 3;
      // A digit after the dot, half- or full-width (１.８亿元 folds to 1.8), makes a decimal number.
      const std::string_view after = dot ? rest.substr(std::min(mark, rest.size())) : std::string_view();
      const bool full_width_digit = after.size() >= 3 && after.starts_with("\xEF\xBC") &&
                                    static_cast<unsigned char>(after[2]) >= 0x90 && static_cast<unsigned char>(after[2]) <= 0x99;
      const bool decimal = dot && ((!after.empty() && after[0] >= '0' && after[0] <= '9') || full_width_digit);
      const bool closed = paren && (rest.starts_with(")") || rest.starts_with("\xEF\xBC\x89"));
      if ((!paren && dot && !decimal) || closed) lines.insert(number);
    }
    if (end == text.size()) break;
    start = end + 1;
    ++number;
  }
  return lines;
}

inline bool extraction_invariants_hold(const Document& document) {
  std::set<std::uint32_t> accounted;
  for (const Task& task : document.tasks) {
    const std::string_view text = document.sources.at(task.source).content();
    if (task.text.begin + task.text.length > text.size()) return false;
    if (task.annotation.begin + task.annotation.length > text.size()) return false;
    if (task.section >= document.sections.size()) return false;
    if (task.agencies.empty()) return false;
    for (const AgencyMention& mention : task.agencies)
      if (document.name(mention.name).empty() || document.name(mention.canonical).empty()) return false;
    accounted.insert(task.line);
  }
  for (const SkippedParagraph& skipped : document.skipped) {
    if (skipped.reason.empty()) return false;
    accounted.insert(skipped.line);
  }
  if (document.sources.size() != 1) return true;  // line numbers are per source
  // Task and skipped lines are lines of the file; for an HTML page, text is the converted page.
  const Source& source = document.sources[0];
  // A numbered line inside a task's text is part of that task (sub-items (1)…(4) under one
  // annotation): accounted for by the task.
  auto line_of = [&](std::size_t offset) {
    const std::string_view text = source.content();
    return static_cast<std::uint32_t>(1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };
  std::set<std::uint32_t> inside_tasks;
  for (const Task& task : document.tasks) {
    if (task.text.length == 0) continue;
    for (std::uint32_t line = line_of(task.text.begin), last = line_of(task.text.begin + task.text.length - 1); line <= last; ++line)
      inside_tasks.insert(line);
  }
  for (std::uint32_t line : numbered_lines(source.content()))
    if (!accounted.contains(source.original_line(line)) && !inside_tasks.contains(line)) return false;
  return true;
}

}  // namespace agencygraph::test
