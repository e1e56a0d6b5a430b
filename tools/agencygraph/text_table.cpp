#include "text_table.hpp"

#include "io/visible_text.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace agencygraph::cli {

std::size_t output_width(std::size_t requested) {
  if (requested) return requested;
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value > 0) return static_cast<std::size_t>(value);
  }
  return 80;
}

namespace {

bool integral(double value) { return std::isfinite(value) && value == std::trunc(value) && std::fabs(value) < 1e15; }

}  // namespace

std::string table_number(double value) {
  if (integral(value)) return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{:.6g}", value);
}

std::string exact_number(double value) {
  if (integral(value)) return fmt::format("{}", static_cast<long long>(value));
  return fmt::format("{}", value);
}

void write_table(std::ostream& out, const std::vector<TableColumn>& columns,
                 const std::vector<std::vector<std::string>>& raw_rows, std::size_t width) {
  // Names reach the terminal: control and bidirectional characters as inert escapes (visible_text.hpp).
  std::vector<std::vector<std::string>> shown;
  for (const auto& row : raw_rows) {
    for (const std::string& cell : row) {
      if (!io::needs_visible_text(cell)) continue;
      shown = raw_rows;
      for (auto& r : shown)
        for (std::string& c : r) c = io::visible_text(c);
      break;
    }
    if (!shown.empty()) break;
  }
  const std::vector<std::vector<std::string>>& rows = shown.empty() ? raw_rows : shown;
  const std::size_t n = columns.size();
  std::vector<std::size_t> widths(n);
  for (std::size_t c = 0; c < n; ++c) {
    widths[c] = io::display_width(columns[c].header);
    for (const auto& row : rows) widths[c] = std::max(widths[c], io::display_width(row[c]));
  }
  const std::size_t gaps = n ? 2 * (n - 1) : 0;
  auto total = [&] {
    std::size_t sum = gaps;
    for (std::size_t w : widths) sum += w;
    return sum;
  };
  // Take one column at a time from the widest shrinkable column until the table fits.
  while (total() > width) {
    std::size_t best = n;
    for (std::size_t c = 0; c < n; ++c)
      if (columns[c].min_width && widths[c] > columns[c].min_width && (best == n || widths[c] > widths[best])) best = c;
    if (best == n) break;  // nothing left to give: the table is wider than the terminal
    --widths[best];
  }
  auto write_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < n; ++c) {
      if (c) line += "  ";
      line += io::fit_to_width(cells[c], widths[c], columns[c].align);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  };
  std::vector<std::string> headers;
  for (const TableColumn& column : columns) headers.push_back(column.header);
  write_row(headers);
  std::vector<std::string> rule;
  for (std::size_t c = 0; c < n; ++c) rule.emplace_back(widths[c], '-');
  write_row(rule);
  for (const auto& row : rows) write_row(row);
}

void write_wrapped(std::ostream& out, const std::vector<std::string>& items, std::string_view separator,
                   std::string_view indent, std::size_t width) {
  const std::size_t indent_width = io::display_width(indent);
  const std::size_t separator_width = io::display_width(separator);
  std::string line(indent);
  std::size_t used = indent_width;
  bool empty = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string visible = io::visible_text(items[i]);  // names reach the terminal
    std::string item = visible;
    if (i + 1 < items.size()) item += separator;
    const std::size_t item_width = io::display_width(visible) + (i + 1 < items.size() ? separator_width : 0);
    if (!empty && used + item_width > width) {
      out << line << '\n';
      line.assign(indent);
      used = indent_width;
      empty = true;
    }
    line += item;
    used += item_width;
    empty = false;
  }
  if (!empty) out << line << '\n';
}

}  // namespace agencygraph::cli
