#include "agencygraph/io/network_csv.hpp"

#include "agencygraph/io/csv.hpp"
#include "io/network_table.hpp"

namespace agencygraph::io {

void write_nodes_csv(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                     const GraphmlOptions& options) {
  const detail::Table table = detail::node_table(network, metrics, {options.style, options.positions});
  out << kUtf8Bom;
  std::vector<std::string> header{"Id"};
  for (const detail::Column& column : table.columns) header.push_back(column.name == "label" ? "Label" : column.name);
  write_csv_row(out, header);
  for (std::size_t v = 0; v < table.rows; ++v) {
    std::vector<std::string> row{table.id(v)};
    for (const detail::Column& column : table.columns) row.push_back(column.text(v));
    write_csv_row(out, row);
  }
}

void write_edges_csv(std::ostream& out, const AgencyNetwork& network) {
  const detail::Table table = detail::link_table(network);
  out << kUtf8Bom;
  // Gephi's columns first, capitalised as it expects; then the rest in GraphML's names.
  std::vector<std::string> header{"Source", "Target", "Type", "Id", "Weight"};
  const detail::Column* symmetric = nullptr;
  for (const detail::Column& column : table.columns) {
    if (column.name == "symmetric") symmetric = &column;
    if (column.name == "source" || column.name == "target" || column.name == "weight") continue;
    header.push_back(column.name);
  }
  write_csv_row(out, header);
  auto value = [&](const char* name, std::size_t e) {
    for (const detail::Column& column : table.columns)
      if (column.name == name) return column.text(e);
    return std::string();
  };
  for (std::size_t e = 0; e < table.rows; ++e) {
    std::vector<std::string> row{value("source", e), value("target", e),
                                 symmetric->text(e) == "true" ? "Undirected" : "Directed", table.id(e),
                                 value("weight", e)};
    for (const detail::Column& column : table.columns) {
      if (column.name == "source" || column.name == "target" || column.name == "weight") continue;
      row.push_back(column.text(e));
    }
    write_csv_row(out, row);
  }
}

}  // namespace agencygraph::io
