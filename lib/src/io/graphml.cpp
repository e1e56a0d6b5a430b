#include "agencygraph/io/graphml.hpp"

#include "io/escape.hpp"
#include "io/network_table.hpp"
#include "io/network_writers.hpp"
#include "io/ordered_chunks.hpp"

namespace agencygraph::io {
namespace {

using detail::Column;
using detail::ColumnType;
using detail::Table;

constexpr std::string_view kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
    "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

// Key ids carry the domain ("n_label", "e_weight") because node and edge keys may share a name; Gephi,
// NetworkX and igraph read the attr.name.
void write_key(std::ostream& out, const char* domain, const std::string& name, ColumnType type) {
  out << "  <key id=\"" << domain[0] << '_' << xml_escape(name) << "\" for=\"" << domain << "\" attr.name=\""
      << xml_escape(name) << "\" attr.type=\"" << detail::graphml_type(type) << "\"/>\n";
}

// A column with its <data> opening tag made once.
struct DataColumn {
  const Column* column;
  std::string open;  // `      <data key="n_label">`
};

// Link columns GraphML has no <data> for. `source` and `target` are the edge element's own attributes.
// The others say nothing the file does not already say, and writing a national network's GraphML is
// bound by the file's size: the ends' labels are on their nodes (repeated on each of 1.7 million
// links they made the file a quarter larger), `symmetric` follows from `kind`, and `task_count` equals
// `weight` (together a fifth of the file). CSV and JSON keep all of them.
bool left_out_of_edges(const Column& column) {
  return column.name == "source" || column.name == "target" || detail::is_end_label(column) ||
         column.name == "symmetric" || column.name == "task_count";
}

std::vector<DataColumn> data_columns(const Table& table, char domain) {
  std::vector<DataColumn> result;
  for (const Column& column : table.columns) {
    if (domain == 'e' && left_out_of_edges(column)) continue;
    std::string open = "      <data key=\"";
    open += domain;
    open += '_';
    open += xml_escape(column.name);
    open += "\">";
    result.push_back({&column, std::move(open)});
  }
  return result;
}

// The row's <data> elements. Plain values (numbers, ids, kinds) are formatted straight into `out`;
// others into `scratch` first, then escaped into `out`.
void append_data(std::string& out, const std::vector<DataColumn>& columns, std::size_t row, std::string& scratch) {
  for (const DataColumn& data : columns) {
    const std::size_t mark = out.size();
    out += data.open;
    if (data.column->plain) {
      if (!data.column->append(row, out)) {
        out.resize(mark);  // no value: no element
        continue;
      }
    } else {
      scratch.clear();
      if (!data.column->append(row, scratch)) {
        out.resize(mark);
        continue;
      }
      append_xml_escaped(out, scratch);
    }
    out += "</data>\n";
  }
}

// Ids, and the ends of links (agency ids), are plain (see Column::plain): written unescaped.
void append_node(std::string& out, const Table& nodes, const std::vector<DataColumn>& data, std::size_t v,
                 std::string& scratch) {
  out += "    <node id=\"";
  nodes.append_id(v, out);
  out += "\">\n";
  append_data(out, data, v, scratch);
  out += "    </node>\n";
}

void append_edge(std::string& out, const Table& links, const std::vector<DataColumn>& data, std::size_t e,
                 std::string& scratch) {
  out += "    <edge id=\"";
  links.append_id(e, out);
  out += "\" source=\"";
  links.columns[0].append(e, out);  // source
  out += "\" target=\"";
  links.columns[1].append(e, out);  // target
  out += "\">\n";
  append_data(out, data, e, scratch);
  out += "    </edge>\n";
}

// The rows of `table` as elements made by append_row, formatted on `threads` threads.
template <typename AppendRow>
void write_elements(std::ostream& out, const Table& table, const std::vector<DataColumn>& data, unsigned threads,
                    AppendRow append_row) {
  detail::write_in_order(out, table.rows, threads, [&](std::size_t begin, std::size_t end, std::string& text) {
    std::string scratch;
    for (std::size_t row = begin; row < end; ++row) append_row(text, table, data, row, scratch);
  });
}

}  // namespace

void write_graphml(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                   const GraphmlOptions& options) {
  detail::write_graphml(out, network, metrics, options, /*threads=*/0);
}

void detail::write_graphml(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                           const GraphmlOptions& options, unsigned threads) {
  const detail::SharedRefs refs = detail::network_refs(network, options.provenance);
  const Table nodes =
      detail::node_table(network, metrics, {options.node_looks(), options.positions, options.provenance}, refs);
  const Table links = detail::link_table(network, refs, options.provenance);
  out << kHeader;
  write_key(out, "graph", "title", ColumnType::String);
  const bool has_modularity = metrics.community.size() == boost::num_vertices(network.graph);
  if (has_modularity) write_key(out, "graph", "modularity", ColumnType::Double);
  for (const Column& column : nodes.columns) write_key(out, "node", column.name, column.type);
  for (const Column& column : links.columns)
    if (!left_out_of_edges(column)) write_key(out, "edge", column.name, column.type);
  out << "  <graph id=\"agencies\" edgedefault=\"directed\">\n";
  out << "    <data key=\"g_title\">" << xml_escape(options.title.empty() ? map_title(network) : options.title)
      << "</data>\n";
  if (has_modularity) {
    std::string modularity;
    detail::append_double(modularity, metrics.modularity);
    out << "    <data key=\"g_modularity\">" << modularity << "</data>\n";
  }
  write_elements(out, nodes, data_columns(nodes, 'n'), threads, append_node);
  write_elements(out, links, data_columns(links, 'e'), threads, append_edge);
  out << "  </graph>\n</graphml>\n";
}

void write_two_mode_graphml(std::ostream& out, const AgencyNetwork& network) {
  const AgencyGraph& graph = network.graph;
  const std::vector<std::string> ids = agency_ids(graph);
  out << kHeader;
  write_key(out, "graph", "title", ColumnType::String);
  for (const char* name : {"type", "label", "kind", "text", "source", "section"})
    write_key(out, "node", name, ColumnType::String);
  write_key(out, "node", "document", ColumnType::Int);
  write_key(out, "node", "line", ColumnType::Int);
  write_key(out, "node", "place", ColumnType::String);
  write_key(out, "edge", "role", ColumnType::String);
  out << "  <graph id=\"tasks_agencies\" edgedefault=\"undirected\">\n";
  out << "    <data key=\"g_title\">" << xml_escape(map_title(network)) << "</data>\n";
  auto data = [&out](const char* key, std::string_view value) {
    out << "      <data key=\"n_" << key << "\">" << xml_escape(value) << "</data>\n";
  };
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    out << "    <node id=\"t" << t << "\">\n";
    data("type", "task");
    data("label", "#" + detail::task_refs(network, {static_cast<std::uint32_t>(t)}));
    data("text", task.text);
    data("source", network.source_path(task));
    if (const std::string section = section_label(network.documents[task.document], task.section); !section.empty())
      data("section", section);
    data("document", std::to_string(task.document));
    data("line", std::to_string(task.line));
    if (!task.place.empty()) data("place", task.place);
    out << "    </node>\n";
  }
  for (AgencyVertex v = 0; v < boost::num_vertices(graph); ++v) {
    out << "    <node id=\"" << xml_escape(ids[v]) << "\">\n";
    data("type", "agency");
    data("label", graph[v].label.empty() ? graph[v].name : graph[v].label);
    data("kind", std::string(to_string(graph[v].kind)));
    out << "    </node>\n";
  }
  std::size_t edge = 0;
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    auto write = [&](std::uint32_t v, const char* role) {
      out << "    <edge id=\"r" << edge++ << "\" source=\"t" << t << "\" target=\"" << xml_escape(ids[v]) << "\">\n"
          << "      <data key=\"e_role\">" << role << "</data>\n    </edge>\n";
    };
    for (const std::uint32_t v : task.leads) write(v, "lead");
    if (task.owner) write(*task.owner, "owner");
    for (const std::uint32_t v : task.co) write(v, "co");
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace agencygraph::io
