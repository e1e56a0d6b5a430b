#include "agencygraph/io/graphml.hpp"

#include "agencygraph/io/escape.hpp"
#include "io/network_table.hpp"

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

void write_data(std::ostream& out, char domain, const Column& column, std::size_t row) {
  if (std::holds_alternative<std::monostate>(column.values[row])) return;
  out << "      <data key=\"" << domain << '_' << xml_escape(column.name) << "\">"
      << xml_escape(detail::format_value(column.values[row])) << "</data>\n";
}

}  // namespace

void write_graphml(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
                   const GraphmlOptions& options) {
  const Table nodes = detail::node_table(network, metrics, {options.style, options.positions});
  const Table links = detail::link_table(network);
  out << kHeader;
  write_key(out, "graph", "title", ColumnType::String);
  const bool has_modularity = metrics.community.size() == boost::num_vertices(network.graph);
  if (has_modularity) write_key(out, "graph", "modularity", ColumnType::Double);
  for (const Column& column : nodes.columns) write_key(out, "node", column.name, column.type);
  for (const Column& column : links.columns) {
    if (column.name == "source" || column.name == "target") continue;  // the edge element's own attributes
    write_key(out, "edge", column.name, column.type);
  }
  out << "  <graph id=\"agencies\" edgedefault=\"directed\">\n";
  out << "    <data key=\"g_title\">" << xml_escape(options.title.empty() ? map_title(network) : options.title)
      << "</data>\n";
  if (has_modularity)
    out << "    <data key=\"g_modularity\">" << detail::format_value(metrics.modularity) << "</data>\n";
  for (std::size_t v = 0; v < nodes.ids.size(); ++v) {
    out << "    <node id=\"" << xml_escape(nodes.ids[v]) << "\">\n";
    for (const Column& column : nodes.columns) write_data(out, 'n', column, v);
    out << "    </node>\n";
  }
  for (std::size_t e = 0; e < links.ids.size(); ++e) {
    out << "    <edge id=\"" << xml_escape(links.ids[e]) << "\" source=\""
        << xml_escape(detail::format_value(links.columns[0].values[e])) << "\" target=\""
        << xml_escape(detail::format_value(links.columns[1].values[e])) << "\">\n";
    for (const Column& column : links.columns)
      if (column.name != "source" && column.name != "target") write_data(out, 'e', column, e);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void write_two_mode_graphml(std::ostream& out, const AgencyNetwork& network) {
  const AgencyGraph& graph = network.graph;
  const std::vector<std::string> ids = agency_ids(graph);
  out << kHeader;
  write_key(out, "graph", "title", ColumnType::String);
  for (const char* name : {"type", "label", "kind", "text", "source"}) write_key(out, "node", name, ColumnType::String);
  write_key(out, "node", "document", ColumnType::Int);
  write_key(out, "node", "line", ColumnType::Int);
  write_key(out, "edge", "role", ColumnType::String);
  out << "  <graph id=\"tasks_agencies\" edgedefault=\"undirected\">\n";
  out << "    <data key=\"g_title\">" << xml_escape(map_title(network)) << "</data>\n";
  auto data = [&out](const char* key, const std::string& value) {
    out << "      <data key=\"n_" << key << "\">" << xml_escape(value) << "</data>\n";
  };
  for (std::size_t t = 0; t < network.tasks.size(); ++t) {
    const TaskInfo& task = network.tasks[t];
    out << "    <node id=\"t" << t << "\">\n";
    data("type", "task");
    data("label", "#" + detail::task_refs(network, {static_cast<std::uint32_t>(t)}));
    data("text", task.text);
    data("source", task.source);
    data("document", std::to_string(task.document));
    data("line", std::to_string(task.line));
    out << "    </node>\n";
  }
  for (std::size_t v = 0; v < boost::num_vertices(graph); ++v) {
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
