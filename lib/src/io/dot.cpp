#include "agencygraph/io/dot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "io/escape.hpp"
#include "io/network_table.hpp"

namespace agencygraph::io {
namespace {

std::string quoted(std::string_view value) { return dot_quote(graphviz_string(value)); }
std::string label(std::string_view value) { return dot_quote(graphviz_string(value, true)); }

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

}  // namespace

void write_dot(std::ostream& out, const AgencyNetwork& network, const AgencyMetrics& metrics,
               const GraphmlOptions& options) {
  const detail::Table nodes = detail::node_table(network, metrics, {options.node_looks(), options.positions});
  const detail::Table links = detail::link_table(network);
  const std::string title = options.title.empty() ? map_title(network) : options.title;
  std::vector<const NodeStyle*> node_style(nodes.rows, nullptr);
  if (options.style != nullptr) {
    for (const NodeStyle& node : options.style->nodes)
      if (node.vertex < node_style.size()) node_style[node.vertex] = &node;
  }
  out << "digraph \"agencies\" {\n";
  out << "  graph [charset=\"UTF-8\", label=" << label(title) << ", labelloc=\"t\", fontname="
      << quoted(options.style ? options.style->font_list : "Noto Sans CJK SC") << ", overlap=\"prism\", outputorder=\"edgesfirst\"];\n";
  out << "  node [shape=\"box\", style=\"filled,rounded\", fillcolor=\"#e0e0e0\", fontname="
      << quoted(options.style ? options.style->font_list : "Noto Sans CJK SC") << "];\n";
  out << "  edge [color=\"#59595980\"];\n";
  const std::vector<std::string> ids = agency_ids(network.graph);
  std::string value;
  for (std::size_t v = 0; v < nodes.rows; ++v) {
    out << "  " << dot_quote(ids[v]) << " [";
    bool first = true;
    for (const detail::Column& column : nodes.columns) {
      value.clear();
      if (!column.append(v, value)) continue;
      if (!first) out << ", ";
      first = false;
      out << column.name << '=' << (column.name == "label" ? label(value) : quoted(value));
    }
    if (const NodeStyle* s = node_style[v]) {
      // Every agency keeps its label here (the map draws the least-burdened as unlabelled dots).
      std::string style = s->style;
      if (s->label.empty()) style = "filled,rounded" + std::string(style.find("dashed") != std::string::npos ? ",dashed" : "");
      out << ", fillcolor=" << quoted(s->fill.hex()) << ", style=" << quoted(style) << ", peripheries=" << s->peripheries
          << ", fontsize=" << number(s->label.empty() ? 12.0 : s->fontsize);
    }
    if (options.positions != nullptr && v < options.positions->size() && (*options.positions)[v])
      out << ", pos=\"" << number((*options.positions)[v]->x) << ',' << number((*options.positions)[v]->y) << '"';
    out << "];\n";
  }
  double max_weight = 0;
  for (auto [it, end] = boost::edges(network.graph); it != end; ++it)
    max_weight = std::max(max_weight, network.graph[*it].weight);
  std::size_t e = 0;
  for (auto [it, end] = boost::edges(network.graph); it != end; ++it, ++e) {
    const std::string& from = ids[boost::source(*it, network.graph)];
    const std::string& to = ids[boost::target(*it, network.graph)];
    const Link& link = network.graph[*it];
    out << "  " << dot_quote(from) << " -> " << dot_quote(to) << " [id=" << quoted(links.id(e));
    for (const detail::Column& column : links.columns) {
      if (column.name == "source" || column.name == "target" || detail::is_end_label(column)) continue;  // on the nodes
      out << ", " << column.name << '=' << quoted(column.text(e));
    }
    const double s = max_weight > 0 ? std::sqrt(link.weight / max_weight) : 0.0;
    out << ", penwidth=" << number(0.6 + 3.4 * s) << ", dir=" << (link.kind == LinkKind::LeadToCo ? "forward" : "none");
    if (link.kind == LinkKind::Peer) out << ", style=\"dashed\"";
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace agencygraph::io
