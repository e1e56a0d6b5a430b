#include "agencygraph/io/csv.hpp"

#include "io/formula_guard.hpp"

namespace agencygraph::io {

std::string csv_field(std::string_view raw) {
  // Neutralised first (formula_guard.hpp): every CSV writer's cells come through here or
  // append_csv_field (csv_append.hpp), which does the same.
  const std::string fixed = csv_cell_changes(raw) ? csv_cell_text(raw) : std::string();
  const std::string_view value = fixed.empty() ? raw : std::string_view(fixed);
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out << ',';
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

}  // namespace agencygraph::io
