#include "agencygraph/io/network_csv.hpp"

#include <stdexcept>

#include "agencygraph/io/csv.hpp"
#include "io/csv_append.hpp"
#include "io/network_table.hpp"
#include "io/network_writers.hpp"
#include "io/ordered_chunks.hpp"

namespace agencygraph::io {
namespace {

using detail::Column;
using detail::Table;

// The row's value of `column` as a CSV field ("" when it has none). Plain values (numbers, ids,
// kinds) never need quotes and are formatted straight into `out`; the others go through `scratch`.
void append_field(std::string& out, const Column& column, std::size_t row, std::string& scratch) {
  if (column.plain) {
    column.append(row, out);
    return;
  }
  scratch.clear();
  column.append(row, scratch);
  detail::append_csv_field(out, scratch);
}

const Column& column_named(const Table& table, std::string_view name) {
  for (const Column& column : table.columns)
    if (column.name == name) return column;
  throw std::logic_error("network table without a " + std::string(name) + " column");
}

}  // namespace

void write_nodes_csv(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                     const GraphmlOptions& options) {
  detail::write_nodes_csv(out, network, metrics, options, /*threads=*/0);
}

void write_edges_csv(std::ostream& out, const AgencyNetwork& network, Provenance provenance) {
  detail::write_edges_csv(out, network, /*threads=*/0, provenance);
}

void detail::write_nodes_csv(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                             const GraphmlOptions& options, unsigned threads) {
  const Table table = node_table(network, metrics, {options.node_looks(), options.positions, options.provenance});
  out << kUtf8Bom;
  std::vector<std::string> header{"Id"};
  for (const Column& column : table.columns) header.push_back(column.name == "label" ? "Label" : column.name);
  write_csv_row(out, header);
  write_in_order(out, table.rows, threads, [&](std::size_t begin, std::size_t end, std::string& text) {
    std::string scratch;
    for (std::size_t v = begin; v < end; ++v) {
      table.append_id(v, text);  // plain
      for (const Column& column : table.columns) {
        text += ',';
        append_field(text, column, v, scratch);
      }
      text += "\r\n";
    }
  });
}

void detail::write_edges_csv(std::ostream& out, const AgencyNetwork& network, unsigned threads,
                             Provenance provenance) {
  const Table table = link_table(network, nullptr, provenance);
  out << kUtf8Bom;
  // Gephi's columns first, capitalised as it expects; then the rest in GraphML's names.
  std::vector<std::string> header{"Source", "Target", "Type", "Id", "Weight"};
  auto gephi_column = [](const Column& column) {
    return column.name == "source" || column.name == "target" || column.name == "weight";
  };
  std::vector<const Column*> rest;
  for (const Column& column : table.columns) {
    if (gephi_column(column)) continue;
    header.push_back(column.name);
    rest.push_back(&column);
  }
  write_csv_row(out, header);
  const Column& source = column_named(table, "source");
  const Column& target = column_named(table, "target");
  const Column& weight = column_named(table, "weight");
  const Column& symmetric = column_named(table, "symmetric");
  write_in_order(out, table.rows, threads, [&](std::size_t begin, std::size_t end, std::string& text) {
    std::string scratch;
    for (std::size_t e = begin; e < end; ++e) {
      append_field(text, source, e, scratch);
      text += ',';
      append_field(text, target, e, scratch);
      scratch.clear();
      symmetric.append(e, scratch);
      text += scratch == "true" ? ",Undirected," : ",Directed,";
      table.append_id(e, text);  // plain
      text += ',';
      append_field(text, weight, e, scratch);
      for (const Column* column : rest) {
        text += ',';
        append_field(text, *column, e, scratch);
      }
      text += "\r\n";
    }
  });
}

}  // namespace agencygraph::io
