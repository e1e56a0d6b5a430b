#include "io/formula_guard.hpp"

#include <cstdio>

namespace agencygraph::io {

namespace {

bool is_formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

}  // namespace

bool needs_formula_guard(std::string_view value) {
  const std::size_t first = value.find_first_not_of('\'');
  return first != std::string_view::npos && is_formula_start(value[first]);
}

void append_formula_guarded(std::string& out, std::string_view value) {
  if (needs_formula_guard(value)) out += '\'';
  out += value;
}

std::string formula_guarded(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 1);
  append_formula_guarded(out, value);
  return out;
}

bool is_plain_number(std::string_view value) {
  std::size_t i = 0;
  if (i < value.size() && (value[i] == '-' || value[i] == '+')) ++i;
  std::size_t digits = 0;
  while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i, ++digits;
  if (i < value.size() && value[i] == '.') {
    ++i;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < value.size() && (value[i] == 'e' || value[i] == 'E')) {
    ++i;
    if (i < value.size() && (value[i] == '-' || value[i] == '+')) ++i;
    std::size_t exponent = 0;
    while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == value.size();
}

namespace {

bool hidden_control(unsigned char c) { return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F; }

}  // namespace

bool csv_cell_changes(std::string_view value) {
  for (const char c : value)
    if (hidden_control(static_cast<unsigned char>(c))) return true;
  return needs_formula_guard(value) && !is_plain_number(value);
}

std::string csv_cell_text(std::string_view value) {
  std::string visible;
  visible.reserve(value.size());
  for (const char c : value) {
    const auto b = static_cast<unsigned char>(c);
    if (!hidden_control(b)) {
      visible += c;
      continue;
    }
    char escape[8];
    std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned>(b));
    visible += escape;
  }
  if (is_plain_number(visible)) return visible;
  return formula_guarded(visible);
}

std::string_view without_formula_guard(std::string_view cell) {
  // Only a cell that starts with an apostrophe and would still need the guard without it was guarded.
  if (cell.starts_with('\'') && needs_formula_guard(cell.substr(1))) return cell.substr(1);
  return cell;
}

}  // namespace agencygraph::io
