#include "io/formula_guard.hpp"

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

std::string_view without_formula_guard(std::string_view cell) {
  // Only a cell that starts with an apostrophe and would still need the guard without it was guarded.
  if (cell.starts_with('\'') && needs_formula_guard(cell.substr(1))) return cell.substr(1);
  return cell;
}

}  // namespace agencygraph::io
